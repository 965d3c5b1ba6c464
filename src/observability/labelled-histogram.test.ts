import { Histogram, Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { LabelledHistogram } from './labelled-histogram.js';

const BUCKETS = [0.001, 0.01, 0.1, 1];

describe('LabelledHistogram', () => {
  it('prints what a prom-client histogram prints for the same observations', async () => {
    const ours = new Registry();
    const theirs = new Registry();
    const fast = new LabelledHistogram(
      'q_seconds',
      'help text',
      'isolation',
      ['pool', 'schema', 'database'],
      BUCKETS,
      ours,
    );
    const reference = new Histogram({
      name: 'q_seconds',
      help: 'help text',
      labelNames: ['isolation'],
      buckets: BUCKETS,
      registers: [theirs],
    });
    const samples: Array<['pool' | 'schema' | 'database', number]> = [
      ['pool', 0.0005],
      ['pool', 0.001],
      ['pool', 0.05],
      ['pool', 3],
      ['database', 0.2],
      ['database', 0.0099],
    ];
    for (const [isolation, seconds] of samples) {
      fast.labels(isolation).observe(seconds);
      reference.labels({ isolation }).observe(seconds);
    }
    expect(await ours.metrics()).toBe(await theirs.metrics());
    fast.reset();
    reference.reset();
    expect(await ours.metrics()).toBe(await theirs.metrics());
  });

  it('refuses a label value it was not built with, and ignores a value that is not finite', async () => {
    const registry = new Registry();
    const fast = new LabelledHistogram('w_seconds', 'h', 'isolation', ['pool'], BUCKETS, registry);
    expect(() => fast.labels('schema' as 'pool')).toThrow(/unknown isolation/);
    fast.labels('pool').observe(Number.NaN);
    expect(await registry.metrics()).not.toContain('w_seconds_count');
  });
});

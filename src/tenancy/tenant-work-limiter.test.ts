import { describe, expect, it } from 'vitest';
import { TenantWorkLimiter } from './tenant-work-limiter.js';

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('TenantWorkLimiter', () => {
  it('caps one tenant at its limit while another tenant runs freely', async () => {
    const limiter = new TenantWorkLimiter({ maxQueue: 100, maxWaitMs: 5000 });
    let running = 0;
    let peak = 0;
    const slow = () =>
      limiter.run('noisy', 2, async () => {
        running += 1;
        peak = Math.max(peak, running);
        await tick();
        running -= 1;
      });
    const flood = Array.from({ length: 20 }, slow);
    let quietRan = false;
    await limiter.run('quiet', 2, async () => {
      quietRan = true;
    });
    expect(quietRan).toBe(true);
    await Promise.all(flood);
    expect(peak).toBe(2);
  });

  it('answers 503 instead of queueing without bound', async () => {
    const limiter = new TenantWorkLimiter({ maxQueue: 1, maxWaitMs: 5000 });
    let release!: () => void;
    const holding = limiter.run('t', 1, () => new Promise<void>((resolve) => (release = resolve)));
    const queued = limiter.run('t', 1, async () => 'ran');
    await expect(limiter.run('t', 1, async () => 'never')).rejects.toMatchObject({ code: 'UNAVAILABLE' });
    release();
    await holding;
    expect(await queued).toBe('ran');
  });

  it('gives up after the longest wait', async () => {
    const limiter = new TenantWorkLimiter({ maxQueue: 10, maxWaitMs: 20 });
    let release!: () => void;
    const holding = limiter.run('t', 1, () => new Promise<void>((resolve) => (release = resolve)));
    await expect(limiter.run('t', 1, async () => 'late')).rejects.toMatchObject({ code: 'UNAVAILABLE' });
    release();
    await holding;
  });
});

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { StoreOutage } from './store-outage.js';

describe('StoreOutage', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-01-01T00:00:00Z'));
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('lets every call through until the store fails', () => {
    const outage = new StoreOutage({ pauseMs: 1000 });
    expect(outage.skip()).toBe(false);
    expect(outage.skip()).toBe(false);
    expect(outage.down).toBe(false);
  });

  it('skips the store for the pause after a failure, then lets exactly one caller probe it', () => {
    const changes: boolean[] = [];
    const outage = new StoreOutage({ pauseMs: 1000, onChange: (down) => changes.push(down) });
    outage.failed();
    expect(outage.skip()).toBe(true);
    vi.advanceTimersByTime(999);
    expect(outage.skip()).toBe(true);
    vi.advanceTimersByTime(1);
    expect(outage.skip()).toBe(false); // the probe
    expect(outage.skip()).toBe(true); // everyone else while it is out
    outage.failed();
    vi.advanceTimersByTime(1000);
    expect(outage.skip()).toBe(false);
    outage.answered();
    expect(outage.skip()).toBe(false);
    expect(outage.skip()).toBe(false);
    expect(changes).toEqual([true, false]);
  });
});

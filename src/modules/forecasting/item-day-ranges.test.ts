import { describe, expect, it } from 'vitest';
import { ItemDayRangeCollector } from './item-day-ranges.js';

describe('ItemDayRangeCollector', () => {
  it('keeps each item’s first and last day, whatever the row order', () => {
    const ranges = new ItemDayRangeCollector();
    for (const [item, day] of [
      ['a', '2026-01-05'],
      ['a', '2026-01-02'],
      ['b', '2026-03-01'],
      ['a', '2026-02-01'],
      ['b', '2025-12-31'],
    ] as const)
      ranges.add(item, day);
    expect(ranges.result()).toEqual({
      items: ['a', 'b'],
      first: ['2026-01-02', '2025-12-31'],
      last: ['2026-02-01', '2026-03-01'],
    });
  });

  it('gives up (undefined) past 100,000 items, so memory stays bounded', () => {
    const ranges = new ItemDayRangeCollector();
    for (let i = 0; i <= 100_000; i++) ranges.add(`item-${i}`, '2026-01-01');
    expect(ranges.result()).toBeUndefined();
  });
});

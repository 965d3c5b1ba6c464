/** Each item's first and last day in an upload, as column arrays for one `unnest`. */
export interface ItemDayRanges {
  items: string[];
  first: string[];
  last: string[];
}

/** Past this many distinct items the ranges are dropped (memory stays bounded) and SQL finds them instead. */
const MAX_ITEMS = 100_000;

/**
 * Collects each item's first and last day while an upload is spooled, so the ingest learns
 * whether the rows may touch existing history from these few ranges instead of aggregating
 * every staged row in PostgreSQL (whose CPU is the ingest's bottleneck). Days are validated
 * `YYYY-MM-DD` text, whose string order is their calendar order.
 */
export class ItemDayRangeCollector {
  private readonly ranges: Map<string, { first: string; last: string }> | undefined = new Map();
  private overflow = false;
  private lastItem: string | undefined;
  private lastRange: { first: string; last: string } | undefined;

  add(item: string, day: string): void {
    if (this.overflow) return;
    // Uploads usually hold an item's days together: one map lookup per item, not per row.
    let range = item === this.lastItem ? this.lastRange : this.ranges!.get(item);
    if (!range) {
      if (this.ranges!.size >= MAX_ITEMS) {
        this.overflow = true;
        this.ranges!.clear();
        return;
      }
      range = { first: day, last: day };
      this.ranges!.set(item, range);
    } else if (day < range.first) range.first = day;
    else if (day > range.last) range.last = day;
    this.lastItem = item;
    this.lastRange = range;
  }

  /** The ranges, or undefined when there were too many items to keep them. */
  result(): ItemDayRanges | undefined {
    if (this.overflow) return undefined;
    const out: ItemDayRanges = { items: [], first: [], last: [] };
    for (const [item, range] of this.ranges!) {
      out.items.push(item);
      out.first.push(range.first);
      out.last.push(range.last);
    }
    return out;
  }
}

import type { Registry } from 'prom-client';

/**
 * A histogram over one label with values known up front, for observations made on every query:
 * prom-client's `observe` hashes and validates its labels each call, which the tenant query path
 * paid on every statement. Here an observation is an array increment; the exposition (names,
 * `le` buckets, `_sum`, `_count`) is what a prom-client histogram prints.
 */
export class LabelledHistogram<L extends string> {
  private readonly counts: Map<L, Float64Array>;
  private readonly sums: Map<L, number>;

  constructor(
    readonly name: string,
    readonly help: string,
    private readonly label: string,
    private readonly values: readonly L[],
    private readonly buckets: readonly number[],
    registry: Registry,
  ) {
    this.counts = new Map(values.map((value) => [value, new Float64Array(buckets.length + 1)]));
    this.sums = new Map(values.map((value) => [value, 0]));
    registry.registerMetric(this as never);
  }

  /** A recorder bound to one label value, as prom-client's `labels()` gives. */
  labels(value: L): { observe(seconds: number): void } {
    const counts = this.counts.get(value);
    if (!counts) throw new Error(`${this.name}: unknown ${this.label} "${value}"`);
    const buckets = this.buckets;
    const sums = this.sums;
    return {
      observe(seconds: number) {
        if (!Number.isFinite(seconds)) return;
        let i = 0;
        while (i < buckets.length && seconds > buckets[i]!) i++;
        counts[i]!++;
        sums.set(value, sums.get(value)! + seconds);
      },
    };
  }

  /** The shape prom-client's registry prints and merges. */
  get(): {
    name: string;
    help: string;
    type: 'histogram';
    aggregator: 'sum';
    values: { labels: Record<string, string | number>; value: number; metricName: string }[];
  } {
    const values: { labels: Record<string, string | number>; value: number; metricName: string }[] = [];
    for (const value of this.values) {
      const counts = this.counts.get(value)!;
      let cumulative = 0;
      let seen = false;
      for (let i = 0; i <= this.buckets.length; i++) {
        cumulative += counts[i]!;
        if (cumulative > 0) seen = true;
        values.push({
          labels: { le: i < this.buckets.length ? this.buckets[i]! : '+Inf', [this.label]: value },
          value: cumulative,
          metricName: `${this.name}_bucket`,
        });
      }
      // Like prom-client: a label value never observed has no series.
      if (!seen) {
        values.splice(values.length - this.buckets.length - 1);
        continue;
      }
      values.push({
        labels: { [this.label]: value },
        value: this.sums.get(value)!,
        metricName: `${this.name}_sum`,
      });
      values.push({ labels: { [this.label]: value }, value: cumulative, metricName: `${this.name}_count` });
    }
    return { name: this.name, help: this.help, type: 'histogram', aggregator: 'sum', values };
  }

  reset(): void {
    for (const counts of this.counts.values()) counts.fill(0);
    for (const value of this.values) this.sums.set(value, 0);
  }
}

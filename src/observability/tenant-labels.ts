/**
 * Keeps metric cardinality bounded: the first `max` tenants seen get their own label value,
 * every later one is folded into `other`. A restart re-learns, which is fine for dashboards.
 */
export class TenantLabels {
  private readonly known = new Set<string>();

  constructor(private readonly max: number) {}

  label(tenantId: string | null | undefined): string {
    if (!tenantId) return 'none';
    if (this.known.has(tenantId)) return tenantId;
    if (this.known.size < this.max) {
      this.known.add(tenantId);
      return tenantId;
    }
    return 'other';
  }
}

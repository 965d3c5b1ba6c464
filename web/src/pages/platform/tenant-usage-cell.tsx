import type { Tenant, TenantStats } from '../../api/types';
import { formatLimit } from '../../components/format';
import { useApiGet } from '../../hooks/use-api-get';

/** A tenant's seats and row counts, loaded per row (only tenants with storage have any). */
export function TenantUsageCell({ tenant, refreshKey }: { tenant: Tenant; refreshKey: number }) {
  const ready = tenant.status === 'active' || tenant.status === 'suspended';
  const stats = useApiGet<TenantStats>(
    ready ? `/tenants/${encodeURIComponent(tenant.id)}/stats` : null,
    undefined,
    { tenant: null, refreshKey },
  );
  if (!ready) return <span className="muted">—</span>;
  if (stats.error) return <span className="muted">unavailable</span>;
  const data = stats.result?.data;
  if (!data) return <span className="muted">…</span>;
  return (
    <span className="usage-cell">
      <span>
        {data.usage.users.used}/{formatLimit(data.usage.users.limit)} users
      </span>
      <span className="muted">
        {data.deployments.total} deployments · {data.workflows.total} workflows
      </span>
    </span>
  );
}

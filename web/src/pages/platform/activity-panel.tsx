import type { AuditEntry, PlatformActivity, Tenant } from '../../api/types';
import { AsyncContent } from '../../components/async-content';
import { formatDateTime } from '../../components/format';
import { useApiGet } from '../../hooks/use-api-get';
import { personOf } from '../admin/audit-person';

const ACTORS: Record<string, string> = {
  system: 'the system',
  tenant_user: 'a user of the tenant',
  api_key: 'an API key',
  platform_admin: 'a platform administrator',
};

function PlatformActs({ tenantId, refreshKey }: { tenantId: string; refreshKey: number }) {
  const acts = useApiGet<PlatformActivity[]>(
    `/tenants/${encodeURIComponent(tenantId)}/activity`,
    { limit: 10 },
    { tenant: null, refreshKey },
  );
  return (
    <AsyncContent state={acts} loadingLabel="Loading recent activity…">
      {(rows) =>
        rows.length === 0 ? (
          <p className="muted">The platform has not acted on this tenant yet.</p>
        ) : (
          <ul className="plain-list" aria-label="Recent platform activity">
            {rows.map((row) => (
              <li key={row.id}>
                <span className="muted">{formatDateTime(row.created_at)}</span> · <code>{row.action}</code> by{' '}
                {row.actor_email ?? ACTORS[row.actor_type] ?? row.actor_type}
              </li>
            ))}
          </ul>
        )
      }
    </AsyncContent>
  );
}

function TenantTrail({ tenantId }: { tenantId: string }) {
  const trail = useApiGet<AuditEntry[]>('/audit', { per_page: 10 }, { tenant: tenantId });
  return (
    <AsyncContent state={trail} loadingLabel="Loading the audit trail…">
      {(rows) =>
        rows.length === 0 ? (
          <p className="muted">Nothing recorded inside the tenant yet.</p>
        ) : (
          <ul className="plain-list" aria-label="Latest audit entries">
            {rows.map((row) => (
              <li key={row.id}>
                <span className="muted">{formatDateTime(row.created_at)}</span> · <code>{row.action}</code> by{' '}
                {personOf(row)}
              </li>
            ))}
          </ul>
        )
      }
    </AsyncContent>
  );
}

/** What the platform did to the tenant, and the latest of what happened inside it, with people named. */
export function ActivityPanel({ tenant }: { tenant: Tenant }) {
  const inside = tenant.status === 'active';
  return (
    <div className="detail-grid">
      <div className="stack">
        <h3 className="card-subtitle">Platform actions</h3>
        <PlatformActs tenantId={tenant.id} refreshKey={Date.parse(tenant.updated_at)} />
      </div>
      <div className="stack">
        <h3 className="card-subtitle">Inside the tenant</h3>
        {inside ? (
          <TenantTrail tenantId={tenant.id} />
        ) : (
          <p className="muted">Readable while the tenant is active.</p>
        )}
        <p className="muted">The whole trail is under Audit when acting inside the tenant.</p>
      </div>
    </div>
  );
}

import type { Tenant } from '../../api/types';
import { formatBytes, formatDateTime, formatLimit } from '../../components/format';

/** What the registry knows about a tenant (SPEC §3), as a definition list. */
export function TenantFacts({ tenant }: { tenant: Tenant }) {
  return (
    <dl className="facts">
      <dt>Tier</dt>
      <dd>{tenant.tier}</dd>
      <dt>Isolation</dt>
      <dd>
        {tenant.isolation}
        {tenant.placement ? ` on server ${tenant.placement}` : ''}
      </dd>
      <dt>Business domain</dt>
      <dd>{tenant.business_domain}</dd>
      <dt>Features</dt>
      <dd>{tenant.features.join(', ') || 'none'}</dd>
      <dt>Limits</dt>
      <dd>
        {formatLimit(tenant.limits.max_users)} users · {formatBytes(tenant.limits.storage_bytes)} ·{' '}
        {formatLimit(tenant.limits.api_per_minute)} requests/min
        {Object.keys(tenant.limit_overrides).length > 0 && (
          <span className="muted"> (overridden: {Object.keys(tenant.limit_overrides).join(', ')})</span>
        )}
      </dd>
      <dt>Host names</dt>
      <dd>{tenant.hostnames.join(', ') || 'none'}</dd>
      <dt>Created</dt>
      <dd>{formatDateTime(tenant.created_at)}</dd>
      <dt>Updated</dt>
      <dd>{formatDateTime(tenant.updated_at)}</dd>
    </dl>
  );
}

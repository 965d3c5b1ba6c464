import { Link } from 'react-router';
import { DEPLOYMENT_STATUSES, type Tenant, type TenantStats, WORKFLOW_STATUSES } from '../../api/types';
import { AsyncContent } from '../../components/async-content';
import { formatBytes, formatLimit } from '../../components/format';
import { PageHeader } from '../../components/page-header';
import { UsageMeter } from '../../components/usage-meter';
import { useApiGet } from '../../hooks/use-api-get';
import { useDocumentTitle } from '../../hooks/use-document-title';
import { useTenantId } from '../../hooks/use-tenant-id';
import { StatusChart } from './status-chart';

function Totals({ stats }: { stats: TenantStats }) {
  return (
    <div className="stat-grid">
      <Link to="/deployments" className="card stat-card">
        <span className="stat-value">{stats.deployments.total.toLocaleString()}</span>
        <span className="stat-label">Deployments</span>
      </Link>
      <Link to="/workflows" className="card stat-card">
        <span className="stat-value">{stats.workflows.total.toLocaleString()}</span>
        <span className="stat-label">Workflows</span>
      </Link>
      <div className="card stat-card">
        <span className="stat-value">
          {stats.usage.users.used.toLocaleString()}
          <span className="stat-of"> / {formatLimit(stats.usage.users.limit)}</span>
        </span>
        <span className="stat-label">Users (seats)</span>
      </div>
    </div>
  );
}

function Usage({ stats, tenant }: { stats: TenantStats; tenant: Tenant | undefined }) {
  return (
    <section className="card" aria-labelledby="usage-title">
      <h2 id="usage-title" className="card-title">
        Usage and limits{tenant ? ` · ${tenant.tier} tier` : ''}
      </h2>
      <UsageMeter
        label="Users, invitations included"
        used={stats.usage.users.used}
        limit={stats.usage.users.limit}
      />
      <dl className="facts">
        <dt>API requests</dt>
        <dd>{formatLimit(stats.usage.api_per_minute?.limit ?? null)} per minute</dd>
        <dt>Storage</dt>
        <dd>
          {typeof stats.usage.storage_bytes?.used === 'number'
            ? `${formatBytes(stats.usage.storage_bytes.used)} of `
            : ''}
          {formatBytes(stats.usage.storage_bytes?.limit ?? null)}
        </dd>
      </dl>
    </section>
  );
}

/** Seed 003's stats: totals, counts by status as charts, usage against the tier's limits. */
export function OverviewPage() {
  useDocumentTitle('Overview');
  const tenantId = useTenantId()!;
  const stats = useApiGet<TenantStats>(`/tenants/${encodeURIComponent(tenantId)}/stats`);
  const tenant = useApiGet<Tenant>(`/tenants/${encodeURIComponent(tenantId)}`);
  return (
    <>
      <PageHeader
        title={`Overview${tenant.result ? ` · ${tenant.result.data.name}` : ''}`}
        description="This workspace at a glance."
      />
      <AsyncContent state={stats} loadingLabel="Loading the numbers…">
        {(data) => (
          <div className="stack-lg">
            <Totals stats={data} />
            {data.deployments.total + data.workflows.total === 0 ? (
              // Empty axes say nothing to a new workspace; the first step does.
              <section className="card empty-state" aria-labelledby="first-step-title">
                <h2 id="first-step-title" className="card-title">
                  Nothing here yet
                </h2>
                <p>Create a first deployment or workflow; this page then charts them by status.</p>
                <div className="form-actions form-actions-start">
                  <Link className="button" to="/deployments">
                    Create a deployment
                  </Link>
                  <Link className="button button-secondary" to="/workflows">
                    Create a workflow
                  </Link>
                </div>
              </section>
            ) : (
              <div className="chart-grid">
                <StatusChart
                  title="Deployments by status"
                  counts={data.deployments}
                  statuses={DEPLOYMENT_STATUSES}
                  listPath="/deployments"
                />
                <StatusChart
                  title="Workflows by status"
                  counts={data.workflows}
                  statuses={WORKFLOW_STATUSES}
                  listPath="/workflows"
                />
              </div>
            )}
            <Usage stats={data} tenant={tenant.result?.data} />
          </div>
        )}
      </AsyncContent>
    </>
  );
}

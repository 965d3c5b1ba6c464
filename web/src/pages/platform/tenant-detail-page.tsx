import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { platformRoleOf } from '../../api/session-store';
import type { Tenant, TenantStats } from '../../api/types';
import { useSession } from '../../auth/use-session';
import { isApiError } from '../../api/api-error';
import { AsyncContent } from '../../components/async-content';
import { EmptyState } from '../../components/empty-state';
import { PageHeader } from '../../components/page-header';
import { StatusBadge } from '../../components/status-badge';
import { UsageMeter } from '../../components/usage-meter';
import { useApiGet } from '../../hooks/use-api-get';
import { useDocumentTitle } from '../../hooks/use-document-title';
import { BillingPanel } from './billing-panel';
import { DeletionProgress } from './deletion-progress';
import { ExportPanel } from './export-panel';
import { ProvisioningProgress } from './provisioning-progress';
import { TenantActions } from './tenant-actions';
import { TenantActivity, TenantConfiguration, TenantImport } from './tenant-configuration';
import { TenantFacts } from './tenant-facts';
import { TenantMover } from './tenant-mover';
import { TierChanger } from './tier-changer';

function Usage({ tenant }: { tenant: Tenant }) {
  const ready = tenant.status === 'active' || tenant.status === 'suspended';
  const stats = useApiGet<TenantStats>(
    ready ? `/tenants/${encodeURIComponent(tenant.id)}/stats` : null,
    undefined,
    { tenant: null },
  );
  if (!ready) return <p className="muted">Usage is known once the tenant is active.</p>;
  return (
    <AsyncContent state={stats} loadingLabel="Loading usage…">
      {(data) => (
        <div className="stack">
          <UsageMeter label="Users" used={data.usage.users.used} limit={data.usage.users.limit} />
          <p className="muted">
            {data.deployments.total} deployments · {data.workflows.total} workflows
          </p>
        </div>
      )}
    </AsyncContent>
  );
}

function TenantDetail({ initial }: { initial: Tenant }) {
  const [tenant, setTenant] = useState(initial);
  const alive = tenant.status !== 'deleting' && tenant.status !== 'deleted';
  // Support and billing staff read; the server refuses them the lifecycle acts anyway.
  const admin = platformRoleOf(useSession()) === 'platform_admin';
  return (
    <div className="stack-lg">
      <PageHeader
        title={tenant.name}
        description={
          <>
            Tenant <code>{tenant.id}</code> · <StatusBadge status={tenant.status} />
          </>
        }
      />
      {(tenant.status === 'provisioning' || tenant.status === 'failed') && (
        <section className="card" aria-labelledby="provisioning-title">
          <h2 id="provisioning-title" className="card-title">
            Provisioning
          </h2>
          <ProvisioningProgress initial={tenant} onSettled={setTenant} />
        </section>
      )}
      {(tenant.status === 'deleting' || tenant.status === 'deleted') && (
        <section className="card" aria-labelledby="deletion-title">
          <h2 id="deletion-title" className="card-title">
            Deletion
          </h2>
          {/* The header's badge follows the job, so it never says “deleting” about a deleted tenant. */}
          <DeletionProgress tenant={tenant} onGone={() => setTenant((t) => ({ ...t, status: 'deleted' }))} />
        </section>
      )}
      <div className="detail-grid">
        <section className="card" aria-labelledby="facts-title">
          <h2 id="facts-title" className="card-title">
            Details
          </h2>
          <TenantFacts tenant={tenant} />
        </section>
        <section className="card" aria-labelledby="usage-title">
          <h2 id="usage-title" className="card-title">
            Usage
          </h2>
          {/* Keyed by the saved tenant: a tier change moves the limits, so the usage card reloads. */}
          <Usage key={`${tenant.status} ${tenant.updated_at}`} tenant={tenant} />
        </section>
      </div>
      {alive && admin && (
        <section className="card" aria-labelledby="manage-title">
          <h2 id="manage-title" className="card-title">
            Manage
          </h2>
          <div className="stack-lg">
            <TenantActions tenant={tenant} onChanged={setTenant} />
            <TierChanger key={tenant.tier} tenant={tenant} onChanged={setTenant} />
            <TenantMover tenant={tenant} onChanged={setTenant} />
          </div>
        </section>
      )}
      {alive && (
        <section className="card" aria-labelledby="billing-title">
          <h2 id="billing-title" className="card-title">
            Billing
          </h2>
          <BillingPanel tenantId={tenant.id} />
        </section>
      )}
      {alive && admin && <TenantConfiguration tenant={tenant} onChanged={setTenant} />}
      {alive && admin && (
        <section className="card" aria-labelledby="export-title">
          <h2 id="export-title" className="card-title">
            Export
          </h2>
          <ExportPanel tenantId={tenant.id} />
        </section>
      )}
      {alive && admin && <TenantImport tenant={tenant} />}
      <TenantActivity tenant={tenant} />
    </div>
  );
}

/** One tenant for the platform administrator: provisioning, usage and every lifecycle act. */
export function TenantDetailPage() {
  const { id = '' } = useParams();
  useDocumentTitle(`Tenant ${id}`);
  const tenant = useApiGet<Tenant>(`/tenants/${encodeURIComponent(id)}`, undefined, { tenant: null });
  return (
    <>
      <p className="breadcrumb">
        <Link to="/console/tenants">← All tenants</Link>
      </p>
      {isApiError(tenant.error) && tenant.error.code === 'TENANT_NOT_FOUND' ? (
        // Said to the operator, not to a workspace user: there is no "address your administrator sent".
        <EmptyState title={`No tenant has the ID “${id}”`}>
          <p>It was deleted, or the ID in the address is mistyped.</p>
          <Link className="button button-secondary" to="/console/tenants">
            Find it among all tenants
          </Link>
        </EmptyState>
      ) : (
        <AsyncContent state={tenant} loadingLabel="Loading the tenant…">
          {(data) => <TenantDetail key={data.id} initial={data} />}
        </AsyncContent>
      )}
    </>
  );
}

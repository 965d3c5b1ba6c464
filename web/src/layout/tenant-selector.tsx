import { useEffect } from 'react';
import { useNavigate } from 'react-router';
import { actingTenantStore } from '../api/acting-tenant-store';
import type { Tenant } from '../api/types';
import { useActingTenant } from '../hooks/use-acting-tenant';
import { useApiGet } from '../hooks/use-api-get';
import { onTenantsChanged } from './tenants-changed';

/**
 * Seed 003 §4's tenant selector: a platform administrator picks the tenant to act inside; the
 * choice is kept in localStorage and sent as X-Tenant-ID with every tenant request.
 */
export function TenantSelector() {
  const acting = useActingTenant();
  const navigate = useNavigate();
  const tenants = useApiGet<Tenant[]>('/tenants', { per_page: 100, sort: 'name' }, { tenant: null });
  const { reload } = tenants;
  useEffect(() => onTenantsChanged(reload), [reload]);
  const list = (tenants.result?.data ?? []).filter((t) => t.status !== 'deleted');
  const known = acting === null || list.some((t) => t.id === acting);
  return (
    <div className="tenant-selector">
      <label htmlFor="tenant-selector">Act inside tenant</label>
      <select
        id="tenant-selector"
        value={acting ?? ''}
        onChange={(event) => {
          const id = event.target.value || null;
          actingTenantStore.set(id);
          navigate(id ? '/overview' : '/console/tenants');
        }}
      >
        <option value="">Platform (no tenant)</option>
        {!known && acting && <option value={acting}>{acting}</option>}
        {list.map((tenant) => (
          <option key={tenant.id} value={tenant.id}>
            {tenant.name} ({tenant.id}){tenant.status === 'active' ? '' : ` · ${tenant.status}`}
          </option>
        ))}
      </select>
      {tenants.error !== undefined && tenants.error !== null && (
        <span className="selector-error" role="alert">
          Tenants could not be listed
        </span>
      )}
    </div>
  );
}

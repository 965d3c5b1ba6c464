const KEY = 'tenantbase.acting_tenant';
type Listener = () => void;
const listeners = new Set<Listener>();

/**
 * The tenant a platform administrator acts inside (seed 003 §4: kept in localStorage). The API
 * client sends it as X-Tenant-ID; tenant users never use it, their token names their tenant.
 */
export const actingTenantStore = {
  get: (): string | null => localStorage.getItem(KEY),
  subscribe(listener: Listener): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  set(tenantId: string | null): void {
    if (tenantId) localStorage.setItem(KEY, tenantId);
    else localStorage.removeItem(KEY);
    for (const listener of listeners) listener();
  },
};

import { useSyncExternalStore } from 'react';
import { actingTenantStore } from '../api/acting-tenant-store';

/** The tenant a platform administrator acts inside, from localStorage. */
export function useActingTenant(): string | null {
  return useSyncExternalStore(actingTenantStore.subscribe, actingTenantStore.get);
}

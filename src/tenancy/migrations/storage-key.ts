import type { TenantLocation } from '../isolation/isolation-model.js';

/** The shared pool schema is one storage for every pool tenant. */
export const POOL_STORAGE = 'pool';

/** Names a tenant storage in `platform.storage_migrations`, the recorded migration state. */
export function storageKey(tenant: Pick<TenantLocation, 'id' | 'isolation'>): string {
  return tenant.isolation === 'pool' ? POOL_STORAGE : `${tenant.isolation}:${tenant.id}`;
}

/** Every migration id a storage must have, in order, as `<module>:<id>`. */
export function migrationIds(
  modules: Array<{ module: string; migrations: Array<{ id: string }> }>,
): string[] {
  return modules.flatMap(({ module, migrations }) => migrations.map((m) => `${module}:${m.id}`));
}

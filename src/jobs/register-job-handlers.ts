import type { AppServices } from '../http/app-services.js';
import { migrateTenantStorages } from '../tenancy/migrations/migrate-tenant-storages.js';
import { PROVISION_JOB, provisionTenantJob } from '../modules/tenants/provision-tenant-job.js';

/** Brings tenant storages left behind by an upgrade to the latest migrations, in the background. */
export const MIGRATE_JOB = 'tenants.migrate';

/** Every background job kind and its handler; one list, like the modules. */
export function registerJobHandlers(services: AppServices): void {
  const { worker, tenancy } = services;
  worker.register(PROVISION_JOB, provisionTenantJob(tenancy));
  worker.register('noop.wake', async () => ({ woke: true }));
  worker.register(MIGRATE_JOB, async () => migrateTenantStorages(tenancy, { concurrency: 2 }));
}

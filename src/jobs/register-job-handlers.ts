import type { AppServices } from '../http/app-services.js';
import { PROVISION_JOB, provisionTenantJob } from '../modules/tenants/provision-tenant-job.js';

/** Every background job kind and its handler; one list, like the modules. */
export function registerJobHandlers(services: AppServices): void {
  const { worker, tenancy } = services;
  worker.register(PROVISION_JOB, provisionTenantJob(tenancy));
  worker.register('noop.wake', async () => ({ woke: true }));
}

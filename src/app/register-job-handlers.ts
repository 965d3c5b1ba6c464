import type { AppServices } from './app-services.js';
import { migrateTenantStorages } from '../tenancy/migrations/migrate-tenant-storages.js';
import { SEND_MAIL_JOB } from '../mail/mail-queue.js';
import { sendMailJob } from '../mail/send-mail-job.js';
import { PASSWORD_RESET_JOB, passwordResetJob } from '../modules/users/password-reset-job.js';
import { MAINTENANCE_JOB, maintenanceJob } from '../jobs/maintenance-job.js';
import { MEASURE_STORAGE_JOB, measureStorageJob } from '../modules/tenants/measure-storage-job.js';
import { PROVISION_JOB, provisionTenantJob } from '../modules/tenants/provision-tenant-job.js';
import { provisioningGaveUp } from '../modules/tenants/provisioning-gave-up.js';
import { EXPORT_JOB } from '../modules/tenant-archive/export-tenant.js';
import { exportTenantJob } from '../modules/tenant-archive/export-tenant-job.js';
import { exportGaveUp } from '../modules/tenant-archive/export-gave-up.js';
import { DELETE_JOB } from '../modules/tenant-deletion/delete-tenant.js';
import { deleteTenantJob } from '../modules/tenant-deletion/delete-tenant-job.js';
import { AUDIT_SWEEP_JOB, auditSweepJob } from '../modules/audit/audit-sweep-job.js';
import { FORECAST_RUN_JOB } from '../modules/forecasting/create-forecast-run.js';
import { forecastRunGaveUp, forecastRunJob } from '../modules/forecasting/forecast-run-job.js';
import { purgeExpiredSignups } from '../modules/signup/verify-signup.js';
import { FLEET_ROLLUP_JOB, fleetRollupJob } from '../modules/fleet-reports/rollup-job.js';
import { IMPORT_GUARD_JOB, interruptedImportJob } from '../modules/tenant-archive/interrupted-import-job.js';
import { MOVE_JOB, moveTenantJob } from '../modules/tenant-move/move-tenant-job.js';
import { moveGaveUp } from '../modules/tenant-move/move-gave-up.js';

/** Brings tenant storages left behind by an upgrade to the latest migrations, in the background. */
export const MIGRATE_JOB = 'tenants.migrate';

/** Every background job kind and its handler; one list, like the modules. */
export function registerJobHandlers(services: AppServices): void {
  const { worker, tenancy } = services;
  worker.register(PROVISION_JOB, provisionTenantJob(tenancy, services.mail), provisioningGaveUp(tenancy));
  worker.register(MEASURE_STORAGE_JOB, measureStorageJob(tenancy, services.jobs));
  worker.register(
    MAINTENANCE_JOB,
    maintenanceJob(services.jobs, { signups_expired: () => purgeExpiredSignups(tenancy) }),
  );
  worker.register(DELETE_JOB, deleteTenantJob(services));
  worker.register(EXPORT_JOB, exportTenantJob(services), exportGaveUp(tenancy));
  worker.register(IMPORT_GUARD_JOB, interruptedImportJob(tenancy));
  worker.register(MOVE_JOB, moveTenantJob(services), moveGaveUp(tenancy));
  worker.register(SEND_MAIL_JOB, sendMailJob(services.mailer));
  worker.register(PASSWORD_RESET_JOB, passwordResetJob(tenancy, services.mail));
  worker.register(AUDIT_SWEEP_JOB, auditSweepJob(tenancy, services.jobs, services.config.auditSweepEveryMs));
  worker.register(
    FORECAST_RUN_JOB,
    forecastRunJob(tenancy, services.jobs, services.forecastEngine),
    forecastRunGaveUp(tenancy, services.jobs),
  );
  worker.register(FLEET_ROLLUP_JOB, fleetRollupJob(tenancy, services.jobs, services.metrics.traffic));
  worker.register('noop.wake', async () => ({ woke: true }));
  worker.register(MIGRATE_JOB, async () => migrateTenantStorages(tenancy, { concurrency: 2 }));
}

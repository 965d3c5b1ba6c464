import type { HttpServices } from '../http/http-services.js';
import type { JobWorker } from '../jobs/job-worker.js';
import type { MailQueue } from '../mail/mail-queue.js';
import type { Mailer } from '../mail/mailer.js';
import type { ArchiveUpgrade } from '../modules/archive-upgrade.js';
import type { ForecastEngine } from '../modules/forecasting/engine/forecast-engine.js';
import type { TenantScope } from '../tenancy/tenant-scope.js';

/**
 * What use cases read of the registered modules. The full declarations (modules/module.ts)
 * import this file for their route signature, so this file names only the facts it needs.
 */
export interface ModuleFacts {
  name: string;
  feature: string | null;
  tables: readonly string[];
  /** Rebuilds rows the module derives from others after an import (modules/module.ts). */
  afterImport?: (scope: TenantScope) => Promise<void>;
  /** Tables an import reads in an older shape from archives made before a migration (modules/module.ts). */
  archiveUpgrades?: readonly ArchiveUpgrade[];
}

/** Long-lived collaborators made once at start (src/app/start-tenantbase.ts) and passed in. */
export interface AppServices extends HttpServices {
  modules: readonly ModuleFacts[];
  worker: JobWorker;
  /** Delivers mail; only the `send_mail` job calls it (use cases queue through `mail`). */
  mailer: Mailer;
  /** Queues mail as `send_mail` jobs, after the caller's transaction commits. */
  mail: MailQueue;
  /** Fits forecasts in worker threads; one per process, closed at shutdown. */
  forecastEngine: ForecastEngine;
}

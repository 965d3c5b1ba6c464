import type { Config } from '../config.js';
import { bootstrapDatabase } from '../db/bootstrap-database.js';
import { registeredModules } from '../modules/registered-modules.js';
import { Tenancy } from '../tenancy/tenancy.js';

/** The installation as CLI commands see it: its tenancy layer and how to let go of it. */
export interface CliContext {
  tenancy: Tenancy;
  close(): Promise<void>;
}

/**
 * Opens the databases the way `npm start` does (embedded PostgreSQL from DATA_DIR when there is
 * no DATABASE_URL, joining the cluster a running server already started), without the HTTP app.
 * The shared tenant schema is migrated as every start does, so commands meet the tables they know.
 */
export async function openTenancy(config: Config, log: (line: string) => void): Promise<CliContext> {
  const endpoints = await bootstrapDatabase(config, log);
  const tenancy = new Tenancy(
    endpoints,
    {
      tables: registeredModules.flatMap((m) => m.tables),
      migrations: registeredModules
        .filter((m) => m.migrations.length > 0)
        .map((m) => ({ module: m.name, migrations: m.migrations })),
    },
    {
      poolMax: 2,
      tenantDbPoolMax: 1,
      tenantDbConnectionCap: 4,
      queryGuard: config.tenantQueryGuard,
    },
  );
  const close = async () => {
    await tenancy.close();
    await endpoints.embedded?.stop();
  };
  try {
    await tenancy.migrateShared();
  } catch (error) {
    await close();
    throw error;
  }
  return { tenancy, close };
}

/** Kept so tests, benchmarks and the CLI import the start from one stable place. */
export { startTenantbase, type StartOptions, type Tenantbase } from './app/start-tenantbase.js';

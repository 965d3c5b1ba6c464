import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('TENANT_DB_CONNECTION_CAP', () => {
  it('defaults to most of the embedded server, and to a share of an unknown one', () => {
    expect(loadConfig({}).tenantDbConnectionCap).toBe(300);
    expect(loadConfig({ DATABASE_URL: 'postgres://u@127.0.0.1:5432/db' }).tenantDbConnectionCap).toBe(60);
    expect(loadConfig({ TENANT_DB_CONNECTION_CAP: '500' }).tenantDbConnectionCap).toBe(500);
  });

  it('refuses what is not a whole number of at least 1', () => {
    for (const value of ['0', '-3', '2.5', 'many'])
      expect(() => loadConfig({ TENANT_DB_CONNECTION_CAP: value }), value).toThrow(ConfigError);
  });
});

describe('REDIS_COMMAND_TIMEOUT_MS', () => {
  it('defaults to 500 ms and takes a whole number of milliseconds', () => {
    expect(loadConfig({}).redisCommandTimeoutMs).toBe(500);
    expect(loadConfig({ REDIS_COMMAND_TIMEOUT_MS: '1500' }).redisCommandTimeoutMs).toBe(1500);
  });

  it('refuses a value that would be no timeout or not a number, naming the variable', () => {
    for (const value of ['0', '-1', '2.5', 'soon'])
      expect(() => loadConfig({ REDIS_COMMAND_TIMEOUT_MS: value }), value).toThrow(
        /^REDIS_COMMAND_TIMEOUT_MS: /,
      );
  });
});

describe('TRUST_PROXY', () => {
  it('is off unless set, and 0 is off too', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '0' }).trustProxy).toBe(false);
  });

  it('takes a hop count or a comma-separated list of addresses and CIDRs', () => {
    expect(loadConfig({ TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.0/8, 127.0.0.1,::1,fd00::/8' }).trustProxy).toEqual([
      '10.0.0.0/8',
      '127.0.0.1',
      '::1',
      'fd00::/8',
    ]);
  });

  it('refuses anything else with one line naming the variable', () => {
    for (const value of [
      'true',
      'yes',
      '10.0.0.0/33',
      '10.0.0/8',
      'proxy.example.com',
      '1.2.3.4/8/1',
      '-1',
      '99',
    ])
      expect(() => loadConfig({ TRUST_PROXY: value }), value).toThrow(/^TRUST_PROXY: /);
  });
});

describe('METRICS_TOKEN', () => {
  it('is optional and must be long enough to be a secret', () => {
    expect(loadConfig({}).metricsToken).toBeUndefined();
    expect(loadConfig({ METRICS_TOKEN: 'scrape-token-0123456789' }).metricsToken).toBe(
      'scrape-token-0123456789',
    );
    expect(() => loadConfig({ METRICS_TOKEN: 'short' })).toThrow(/^METRICS_TOKEN: /);
  });
});

describe('OIDC_ALLOW_PRIVATE_TARGETS', () => {
  it('is off unless asked for, and only true or false', () => {
    expect(loadConfig({}).oidcAllowPrivateTargets).toBe(false);
    expect(loadConfig({ OIDC_ALLOW_PRIVATE_TARGETS: 'true' }).oidcAllowPrivateTargets).toBe(true);
    expect(loadConfig({ OIDC_ALLOW_PRIVATE_TARGETS: 'false' }).oidcAllowPrivateTargets).toBe(false);
    expect(() => loadConfig({ OIDC_ALLOW_PRIVATE_TARGETS: 'yes please' })).toThrow(
      /OIDC_ALLOW_PRIVATE_TARGETS/,
    );
  });
});

describe('database and SMTP timeouts', () => {
  it('default to the documented values and take whole milliseconds', () => {
    const defaults = loadConfig({});
    expect(defaults.statementTimeoutMs).toBe(30_000);
    expect(defaults.idleInTransactionTimeoutMs).toBe(10_000);
    expect(defaults.poolCheckoutTimeoutMs).toBe(5000);
    expect(defaults.smtpTimeoutMs).toBe(10_000);
    const set = loadConfig({
      DATABASE_STATEMENT_TIMEOUT_MS: '1500',
      DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS: '2500',
      DATABASE_POOL_CHECKOUT_TIMEOUT_MS: '700',
      SMTP_TIMEOUT_MS: '3000',
    });
    expect(set).toMatchObject({
      statementTimeoutMs: 1500,
      idleInTransactionTimeoutMs: 2500,
      poolCheckoutTimeoutMs: 700,
      smtpTimeoutMs: 3000,
    });
  });

  it('refuse zero (which PostgreSQL reads as "never"), negatives and words', () => {
    for (const name of [
      'DATABASE_STATEMENT_TIMEOUT_MS',
      'DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS',
      'DATABASE_POOL_CHECKOUT_TIMEOUT_MS',
      'SMTP_TIMEOUT_MS',
    ])
      for (const value of ['0', '-1', '1.5', 'soon'])
        expect(() => loadConfig({ [name]: value }), `${name}=${value}`).toThrow(ConfigError);
  });
});

describe('DATABASE_DIRECT_URL', () => {
  it('is unset by default, and names the direct connection beside a pooled DATABASE_URL', () => {
    expect(loadConfig({}).databaseDirectUrl).toBeUndefined();
    const config = loadConfig({
      DATABASE_URL: 'postgres://u:p@pgbouncer:6432/tenantbase',
      DATABASE_DIRECT_URL: 'postgres://u:p@postgres:5432/tenantbase',
    });
    expect(config.databaseDirectUrl).toBe('postgres://u:p@postgres:5432/tenantbase');
  });

  it('refuses what is not a PostgreSQL URL, and a direct URL without DATABASE_URL', () => {
    expect(() => loadConfig({ DATABASE_URL: 'postgres://u@h/db', DATABASE_DIRECT_URL: 'mysql://h' })).toThrow(
      /^DATABASE_DIRECT_URL: /,
    );
    expect(() => loadConfig({ DATABASE_DIRECT_URL: 'postgres://u@h/db' })).toThrow(
      /^DATABASE_DIRECT_URL: needs/,
    );
  });
});

describe('TENANT_DATABASES_DIRECT and DATABASE_SERVERS_DIRECT', () => {
  const pooled = {
    DATABASE_URL: 'postgres://u:p@pgbouncer:6432/tenantbase',
    DATABASE_DIRECT_URL: 'postgres://u:p@postgres:5432/tenantbase',
    DATABASE_SERVERS:
      'second=postgres://u:p@pgbouncer-2:6432/postgres,third=postgres://u:p@pg-3:5432/postgres',
  };

  it('are off and empty by default', () => {
    const config = loadConfig({});
    expect(config.tenantDatabasesDirect).toBe(false);
    expect(config.databaseServers).toEqual([]);
  });

  it('give servers behind a pooler their direct address, and send database tenants there', () => {
    const config = loadConfig({
      ...pooled,
      DATABASE_SERVERS_DIRECT: 'second=postgres://u:p@postgres-2:5432/postgres',
      TENANT_DATABASES_DIRECT: 'true',
    });
    expect(config.tenantDatabasesDirect).toBe(true);
    expect(config.databaseServers).toEqual([
      {
        name: 'second',
        url: 'postgres://u:p@pgbouncer-2:6432/postgres',
        directUrl: 'postgres://u:p@postgres-2:5432/postgres',
      },
      { name: 'third', url: 'postgres://u:p@pg-3:5432/postgres' },
    ]);
    // Embedded PostgreSQL has no pooler in front: nothing else is needed there.
    expect(loadConfig({ TENANT_DATABASES_DIRECT: '1' }).tenantDatabasesDirect).toBe(true);
  });

  it('refuse a bad value with one line naming the variable', () => {
    expect(() => loadConfig({ ...pooled, TENANT_DATABASES_DIRECT: 'yes please' })).toThrow(
      /^TENANT_DATABASES_DIRECT: expected true or false/,
    );
    // DATABASE_URL is the only address of the default server: nowhere direct to go.
    expect(() =>
      loadConfig({ DATABASE_URL: 'postgres://u@pgbouncer/db', TENANT_DATABASES_DIRECT: 'true' }),
    ).toThrow(/^TENANT_DATABASES_DIRECT: needs DATABASE_DIRECT_URL/);
    for (const [value, message] of [
      ['second=mysql://h/db', /^DATABASE_SERVERS_DIRECT: expected a comma-separated list of name=postgres/],
      ['postgres://u@h/db', /^DATABASE_SERVERS_DIRECT: expected a comma-separated list of name=postgres/],
      ['fourth=postgres://u@h/db', /^DATABASE_SERVERS_DIRECT: "fourth" is not a server of DATABASE_SERVERS/],
      [
        'second=postgres://u@a/db,second=postgres://u@b/db',
        /^DATABASE_SERVERS_DIRECT: "second" is given twice/,
      ],
    ] as const) {
      expect(() => loadConfig({ ...pooled, DATABASE_SERVERS_DIRECT: value }), value).toThrow(message);
    }
    expect(() => loadConfig({ DATABASE_SERVERS_DIRECT: 'second=postgres://u@h/db' })).toThrow(
      /^DATABASE_SERVERS_DIRECT: needs DATABASE_SERVERS/,
    );
  });
});

describe('CORS_ORIGINS', () => {
  it('allows no origin by default', () => {
    expect(loadConfig({}).corsOrigins).toEqual([]);
  });

  it('takes comma-separated origins', () => {
    expect(
      loadConfig({ CORS_ORIGINS: 'https://app.example.com, http://localhost:5173' }).corsOrigins,
    ).toEqual(['https://app.example.com', 'http://localhost:5173']);
  });

  it('refuses a path, a wildcard, a trailing slash or another scheme, naming the variable', () => {
    for (const value of [
      'https://app.example.com/x',
      '*',
      'https://app.example.com/',
      'ftp://h',
      'example.com',
    ])
      expect(() => loadConfig({ CORS_ORIGINS: value }), value).toThrow(/^CORS_ORIGINS: /);
  });
});

describe('SECRETS_KEY', () => {
  const key = Buffer.alloc(32, 7).toString('base64');

  it('takes 32 bytes of base64 (standard or URL alphabet), and may be unset outside production', () => {
    expect(loadConfig({ SECRETS_KEY: key }).secretsKey).toEqual(Buffer.alloc(32, 7));
    expect(loadConfig({ SECRETS_KEY: Buffer.alloc(32, 255).toString('base64url') }).secretsKey).toEqual(
      Buffer.alloc(32, 255),
    );
    expect(loadConfig({}).secretsKey).toBeUndefined();
    expect(loadConfig({ DATABASE_URL: 'postgres://db/x' }).secretsKey).toBeUndefined();
    expect(loadConfig({ NODE_ENV: 'production' }).secretsKey).toBeUndefined();
  });

  it('refuses a malformed or short key with one line naming the variable', () => {
    for (const bad of [
      'not base64!',
      Buffer.alloc(16).toString('base64'),
      Buffer.alloc(33).toString('base64'),
    ])
      expect(() => loadConfig({ SECRETS_KEY: bad })).toThrow(/^SECRETS_KEY: expected/);
  });

  it('is required with DATABASE_URL in production, where a key on local disk would not follow the database', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', DATABASE_URL: 'postgres://db/x' })).toThrow(
      /^SECRETS_KEY: required/,
    );
    expect(
      loadConfig({ NODE_ENV: 'production', DATABASE_URL: 'postgres://db/x', SECRETS_KEY: key }).secretsKey,
    ).toHaveLength(32);
  });
});

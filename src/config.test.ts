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

describe('database and SMTP timeouts', () => {
  it('default to SPEC §8 and take whole milliseconds', () => {
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

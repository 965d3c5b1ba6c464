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

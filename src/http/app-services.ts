import type { Config } from '../config.js';
import type { AccessTokens } from '../identity/access-tokens.js';
import type { SigningKeys } from '../identity/signing-keys.js';
import type { TenantModule } from '../modules/module.js';
import type { Tenancy } from '../tenancy/tenancy.js';

/** Long-lived collaborators the routes need, made once at start and passed in. */
export interface AppServices {
  config: Config;
  tenancy: Tenancy;
  keys: SigningKeys;
  tokens: AccessTokens;
  modules: TenantModule[];
}

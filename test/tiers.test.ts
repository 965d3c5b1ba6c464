import { beforeAll, describe, expect, it } from 'vitest';
import { installModuleCatalogue } from '../src/modules/module-catalogue.js';
import { registeredModules } from '../src/modules/registered-modules.js';
import { businessDomains, effectiveFeatures, featureEnabled, TIERS } from '../src/tenancy/tiers.js';

beforeAll(() => installModuleCatalogue(registeredModules));

describe('featureEnabled', () => {
  it('agrees with effectiveFeatures for every tier, domain and override', () => {
    const keys = [
      ...new Set([
        ...TIERS.flatMap((tier) =>
          businessDomains().flatMap((domain) => effectiveFeatures(tier, domain, {})),
        ),
        'unknown',
      ]),
    ];
    const overrideSets: Array<Record<string, boolean>> = [
      {},
      Object.fromEntries(keys.map((key) => [key, false])),
      Object.fromEntries(keys.map((key, i) => [key, i % 2 === 0])),
    ];
    for (const tier of TIERS)
      for (const domain of businessDomains())
        for (const overrides of overrideSets) {
          const listed = effectiveFeatures(tier, domain, overrides);
          for (const key of keys)
            expect(featureEnabled(tier, domain, overrides, key), `${tier}/${domain}/${key}`).toBe(
              listed.includes(key),
            );
        }
  });
});

import { describe, expect, it } from 'vitest';
import { BUSINESS_DOMAINS, effectiveFeatures, featureEnabled, TIERS } from './tiers.js';

describe('featureEnabled', () => {
  it('agrees with effectiveFeatures for every tier, domain and override', () => {
    const keys = [
      ...new Set([
        ...TIERS.flatMap((tier) => BUSINESS_DOMAINS.flatMap((domain) => effectiveFeatures(tier, domain, {}))),
        'unknown',
      ]),
    ];
    const overrideSets: Array<Record<string, boolean>> = [
      {},
      Object.fromEntries(keys.map((key) => [key, false])),
      Object.fromEntries(keys.map((key, i) => [key, i % 2 === 0])),
    ];
    for (const tier of TIERS)
      for (const domain of BUSINESS_DOMAINS)
        for (const overrides of overrideSets) {
          const listed = effectiveFeatures(tier, domain, overrides);
          for (const key of keys)
            expect(featureEnabled(tier, domain, overrides, key), `${tier}/${domain}/${key}`).toBe(
              listed.includes(key),
            );
        }
  });
});

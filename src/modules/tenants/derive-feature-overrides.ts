import { effectiveFeatures, type Tier } from '../../tenancy/tiers.js';

/**
 * The overrides that make `wanted` the effective feature set on top of the tier's and business
 * domain's defaults: on for a wanted key they lack, off for one of theirs not wanted, none where
 * they agree — so a later tier or domain change still moves every feature the admin did not pin.
 */
export function deriveFeatureOverrides(
  wanted: readonly string[],
  tier: Tier,
  businessDomain: string,
): Record<string, boolean> {
  const defaults = new Set(effectiveFeatures(tier, businessDomain, {}));
  const want = new Set(wanted);
  const overrides: Record<string, boolean> = {};
  for (const key of [...want].sort()) if (!defaults.has(key)) overrides[key] = true;
  for (const key of [...defaults].sort()) if (!want.has(key)) overrides[key] = false;
  return overrides;
}

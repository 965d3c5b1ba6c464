/** A customer tier: it sets limits and the default isolation, never where data lives. */
export type Tier = 'standard' | 'premium' | 'enterprise';

/** Every tier, cheapest first. */
export const TIERS: readonly Tier[] = ['standard', 'premium', 'enterprise'];

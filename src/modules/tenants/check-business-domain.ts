import type { ErrorDetail } from '../../errors.js';
import { businessDomains, isBusinessDomain } from '../../tenancy/tiers.js';

/**
 * The registered modules declare the business domains and no CHECK constraint repeats the list,
 * so every writer checks here, the CLI included (routes refuse earlier, by schema format).
 */
export function businessDomainProblem(value: string | undefined, path = 'business_domain'): ErrorDetail[] {
  if (value === undefined || isBusinessDomain(value)) return [];
  return [{ path, message: `expected one of ${businessDomains().join(', ')}` }];
}

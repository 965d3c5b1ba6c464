import { Type } from '@sinclair/typebox';
import { BUSINESS_DOMAIN_FORMAT } from '../../tenancy/tiers.js';

/** A business domain the registered modules declare (checked by the `business-domain` format). */
export const BusinessDomainName = Type.String({
  format: BUSINESS_DOMAIN_FORMAT,
  maxLength: 64,
  description: 'a declared business domain: default, dental, manufacturing',
});

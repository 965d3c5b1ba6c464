import { AppError } from '../../errors.js';
import { productCatalogue } from '../../tenancy/product-catalogue.js';

/** A type's `feature` must be a key some module declares, or it could never be switched on. */
export function checkTypeFeature(feature: string | null | undefined): void {
  if (feature === null || feature === undefined) return;
  if (!productCatalogue().features.has(feature))
    throw new AppError('VALIDATION_FAILED', 'The request is invalid', {
      details: [
        {
          path: 'feature',
          message: `not a feature key (${[...productCatalogue().features].sort().join(', ')})`,
        },
      ],
    });
}

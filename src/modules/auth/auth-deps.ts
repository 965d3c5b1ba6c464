import type { AppServices } from '../../app/app-services.js';

/** What the sign-in use cases need of the app's services. */
export type AuthDeps = Pick<AppServices, 'tenancy' | 'tokens' | 'rateLimits' | 'config' | 'revocations'>;

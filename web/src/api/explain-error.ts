import { isApiError } from './api-error';

/** What went wrong and what the person can do about it, in words for people, not codes. */
export interface Explanation {
  title: string;
  action: string;
}

const BY_CODE: Record<string, (message: string, retry?: number) => Explanation> = {
  NETWORK: () => ({
    title: 'Cannot reach the Tenantbase server',
    action: 'Check your connection and that the server is running, then try again.',
  }),
  UNAUTHENTICATED: (m) => ({ title: m, action: 'Sign in again to continue.' }),
  FORBIDDEN: (m) => ({
    title: m,
    action: 'Ask an owner or administrator of your workspace to give your role this permission.',
  }),
  TENANT_SUSPENDED: () => ({
    title: 'This workspace is suspended',
    action: 'Nothing can be changed while it is suspended. Contact your platform administrator to resume it.',
  }),
  FEATURE_DISABLED: (m) => ({
    title: m,
    action: 'Ask your platform administrator to enable this feature or move the workspace to a higher tier.',
  }),
  LIMIT_EXCEEDED: (m) => ({
    title: m,
    action:
      'Free up capacity (for users: remove a user or a pending invitation) or ask your platform administrator for a higher tier.',
  }),
  RATE_LIMITED: (m, retry) => ({
    title: m,
    action: retry ? `Wait ${retry} seconds, then try again.` : 'Wait a moment, then try again.',
  }),
  TENANT_REQUIRED: () => ({
    title: 'No tenant chosen',
    action: 'Choose a tenant with the selector in the header to act inside it.',
  }),
  TENANT_MISMATCH: (m) => ({ title: m, action: 'Sign out and sign in to the workspace you want to use.' }),
  TENANT_NOT_FOUND: () => ({
    title: 'There is no such workspace',
    action: 'Check the workspace ID (it is in the address your administrator sent you).',
  }),
  CONFLICT: (m) => ({ title: m, action: 'Change the conflicting value, or reload to see the latest state.' }),
  VALIDATION_FAILED: (m) => ({ title: m, action: 'Correct the highlighted fields and send again.' }),
  UNAVAILABLE: (m, retry) => ({
    title: m,
    action: retry ? `Try again in ${retry} seconds.` : 'Try again in a moment.',
  }),
};

/** Turns any thrown value into a title and a next step; unknown errors never show internals. */
export function explainError(error: unknown): Explanation {
  if (!isApiError(error)) {
    return { title: 'Something went wrong in the console', action: 'Reload the page and try again.' };
  }
  if (error.endpointMissing) {
    return {
      title: 'This server does not offer this yet',
      action: `The API has no ${error.endpoint || 'such'} endpoint in this version of Tenantbase. Update the server to use this page.`,
    };
  }
  const known = BY_CODE[error.code];
  if (known) return known(error.message, error.retryAfterSeconds);
  if (error.code === 'NOT_FOUND')
    return { title: error.message, action: 'It may have been deleted. Go back to the list.' };
  const reference = error.requestId ? ` Quote request ${error.requestId} when you report it.` : '';
  return { title: 'Something went wrong on the server', action: `Try again in a moment.${reference}` };
}

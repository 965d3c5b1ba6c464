import { validationFailed } from '../../errors.js';
import { type OutboundPolicy, OutboundTargetRefused } from '../../outbound/outbound-policy.js';
import { bareHost, outboundUrlProblem } from '../../outbound/outbound-url.js';
import { resolvePublicHost } from '../../outbound/resolve-public-host.js';

/** A save waits this long for DNS; the fetch checks again anyway. */
const SAVE_LOOKUP_TIMEOUT_MS = 2000;

/**
 * Refuses an issuer or JWKS URL whose keys could be swapped in transit (not https), that smuggles
 * credentials or that points into this machine or a private network (allowed only with
 * OIDC_ALLOW_PRIVATE_TARGETS, for tests). An issuer is compared byte for byte with `iss`, so it
 * may carry no query or fragment (OpenID Connect Discovery §3). The JWKS host is resolved too: a
 * name that resolves to a private address is refused now, one that does not resolve yet is left
 * to the check made at every fetch.
 */
export async function checkProviderUrl(
  raw: string,
  path: string,
  options: { issuer: boolean; policy: OutboundPolicy },
): Promise<void> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw validationFailed(path, 'must be an absolute URL');
  }
  const problem = outboundUrlProblem(url, options.policy);
  if (problem) throw validationFailed(path, problem);
  if (options.issuer && (url.search || url.hash || raw.includes('#') || raw.includes('?'))) {
    throw validationFailed(path, 'an issuer has no query or fragment');
  }
  if (options.issuer) return;
  try {
    await resolvePublicHost(bareHost(url), options.policy, { timeoutMs: SAVE_LOOKUP_TIMEOUT_MS });
  } catch (error) {
    if (error instanceof OutboundTargetRefused) throw validationFailed(path, 'must name a public host');
  }
}

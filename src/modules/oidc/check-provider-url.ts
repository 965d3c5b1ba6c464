import { validationFailed } from '../../errors.js';

/** Plain http is tolerated only on this machine: a test or a developer's own IdP, never a network hop. */
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * Refuses an issuer or JWKS URL whose keys could be swapped in transit (http to another host) or
 * that smuggles credentials. An issuer is compared byte for byte with `iss`, so it may carry no
 * query or fragment (OpenID Connect Discovery §3).
 */
export function checkProviderUrl(raw: string, path: string, options: { issuer: boolean }): void {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw validationFailed(path, 'must be an absolute URL');
  }
  const secure = url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname));
  if (!secure) throw validationFailed(path, 'must use https:// (http:// only for 127.0.0.1 or localhost)');
  if (url.username || url.password) throw validationFailed(path, 'must not carry credentials');
  if (options.issuer && (url.search || url.hash || raw.includes('#') || raw.includes('?'))) {
    throw validationFailed(path, 'an issuer has no query or fragment');
  }
}

import http from 'node:http';
import https from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { type OutboundPolicy, OutboundTargetRefused } from './outbound-policy.js';
import { bareHost, outboundUrlProblem } from './outbound-url.js';
import { type HostLookup, resolvePublicHost } from './resolve-public-host.js';

export interface PublicFetchOptions {
  policy: OutboundPolicy;
  /** Whole exchange: resolving, connecting, headers and body. */
  timeoutMs: number;
  /** Larger bodies are cut off and refused. */
  maxBytes: number;
  lookup?: HostLookup;
}

/** A GET `fetch` for jose and other outbound calls; only the parts those callers use. */
export type PublicFetch = (
  url: string,
  init?: { headers?: HeadersInit; signal?: AbortSignal },
) => Promise<Response>;

/**
 * The socket connects to the address this lookup checked, so a DNS answer that changes between
 * the check and the connection (rebinding) cannot swap in a private address.
 */
function checkedLookup(options: PublicFetchOptions): LookupFunction {
  return (hostname, lookupOptions, callback) => {
    resolvePublicHost(hostname, options.policy, options).then(
      (found) => {
        const wanted = lookupOptions.family === 4 || lookupOptions.family === 6 ? lookupOptions.family : 0;
        const addresses = wanted ? found.filter((a) => a.family === wanted) : found;
        if (addresses.length === 0)
          callback(new OutboundTargetRefused(`${hostname} has no usable address`), '');
        else if (lookupOptions.all) callback(null, addresses);
        else callback(null, addresses[0]!.address, addresses[0]!.family);
      },
      (error: NodeJS.ErrnoException) => callback(error, ''),
    );
  };
}

/**
 * Fetches over https from public addresses only (see OIDC_ALLOW_PRIVATE_TARGETS), never
 * following redirects, with a deadline and a size bound; every refusal is an
 * OutboundTargetRefused or a network error.
 */
export function publicFetch(options: PublicFetchOptions): PublicFetch {
  return async (raw, init = {}) => {
    const url = new URL(raw);
    const problem = outboundUrlProblem(url, options.policy);
    if (problem) throw new OutboundTargetRefused(`${url.origin} ${problem}`);
    // A literal address never reaches the lookup: check it here. A name is checked only there.
    const host = bareHost(url);
    if (isIP(host)) await resolvePublicHost(host, options.policy, options);
    const client = url.protocol === 'https:' ? https : http;
    const body = await new Promise<{ status: number; headers: Headers; bytes: Buffer }>((resolve, reject) => {
      const request = client.request(
        url,
        {
          method: 'GET',
          headers: Object.fromEntries(new Headers(init.headers)),
          lookup: checkedLookup(options),
          agent: false,
        },
        (response) => {
          const chunks: Buffer[] = [];
          let size = 0;
          response.on('data', (chunk: Buffer) => {
            size += chunk.length;
            if (size > options.maxBytes) {
              request.destroy(
                new OutboundTargetRefused(`${url.origin} answered more than ${options.maxBytes} bytes`),
              );
            } else chunks.push(chunk);
          });
          response.on('end', () => {
            const headers = new Headers();
            const type = response.headers['content-type'];
            if (type) headers.set('content-type', type);
            resolve({ status: response.statusCode ?? 0, headers, bytes: Buffer.concat(chunks) });
          });
          response.on('error', reject);
        },
      );
      const timer = setTimeout(
        () =>
          request.destroy(
            new OutboundTargetRefused(`${url.origin} did not answer in ${options.timeoutMs} ms`),
          ),
        options.timeoutMs,
      );
      const abort = () => request.destroy(init.signal?.reason ?? new Error('aborted'));
      if (init.signal?.aborted) abort();
      init.signal?.addEventListener('abort', abort, { once: true });
      request.on('error', reject);
      request.on('close', () => {
        clearTimeout(timer);
        init.signal?.removeEventListener('abort', abort);
      });
      request.end();
    });
    if (body.status < 200 || body.status > 599) {
      throw new OutboundTargetRefused(`${url.origin} answered status ${body.status}`);
    }
    const empty = body.status === 204 || body.status === 205 || body.status === 304;
    return new Response(empty ? null : new Uint8Array(body.bytes), {
      status: body.status,
      headers: body.headers,
    });
  };
}

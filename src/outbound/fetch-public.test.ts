import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publicFetch } from './fetch-public.js';
import { OutboundTargetRefused } from './outbound-policy.js';
import type { HostLookup } from './resolve-public-host.js';

// A real server on 127.0.0.1 stands in for an internal service an attacker would like reached.
let server: Server;
let port: number;
const hits: string[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    hits.push(request.url ?? '');
    if (request.url === '/silent') return; // never answers
    if (request.url === '/huge') return void response.end('x'.repeat(300 * 1024));
    if (request.url === '/redirect') {
      response.writeHead(302, { location: `http://127.0.0.1:${port}/target` });
      return void response.end();
    }
    response.setHeader('content-type', 'application/json');
    response.end('{"keys":[]}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const strict = { policy: { allowPrivateTargets: false }, timeoutMs: 5000, maxBytes: 256 * 1024 };
const relaxed = { ...strict, policy: { allowPrivateTargets: true } };
/** A resolver under the test's control: what a hostile DNS server would answer. */
const answering =
  (...answers: string[][]): HostLookup =>
  async () =>
    (answers.shift() ?? ['127.0.0.1']).map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));

async function refusedWithoutContact(promise: Promise<unknown>): Promise<void> {
  const before = hits.length;
  await expect(promise).rejects.toBeInstanceOf(OutboundTargetRefused);
  expect(hits.length).toBe(before);
}

describe('publicFetch', () => {
  it('refuses loopback, plain http and names that resolve to private addresses, before connecting', async () => {
    const fetch = publicFetch(strict);
    await refusedWithoutContact(fetch(`http://127.0.0.1:${port}/jwks`));
    await refusedWithoutContact(fetch(`https://127.0.0.1:${port}/jwks`));
    await refusedWithoutContact(fetch(`https://[::ffff:7f00:1]:${port}/jwks`));
    await refusedWithoutContact(fetch(`https://2130706433:${port}/jwks`));
    await refusedWithoutContact(fetch(`https://localhost:${port}/jwks`));
    const rebinding = publicFetch({ ...strict, lookup: answering(['127.0.0.1']) });
    await refusedWithoutContact(rebinding(`https://idp.example.com:${port}/jwks`));
    // One private answer among public ones is enough: the connection may race to any of them.
    const mixed = publicFetch({ ...strict, lookup: answering(['93.184.216.34', '10.0.0.7']) });
    await refusedWithoutContact(mixed(`https://idp.example.com:${port}/jwks`));
  });

  it('connects to the address its own lookup checked, not to a second resolution', async () => {
    // The system resolver does not know this name; reaching the server proves the socket used ours.
    const fetch = publicFetch({ ...relaxed, lookup: answering(['127.0.0.1']) });
    const response = await fetch(`http://idp.localhost:${port}/jwks`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ keys: [] });
    expect(hits.at(-1)).toBe('/jwks');
  });

  it('with private targets allowed (tests), reaches a local provider', async () => {
    const response = await publicFetch(relaxed)(`http://127.0.0.1:${port}/jwks`);
    expect(await response.json()).toEqual({ keys: [] });
  });

  it('does not follow redirects', async () => {
    const response = await publicFetch(relaxed)(`http://127.0.0.1:${port}/redirect`);
    expect(response.status).toBe(302);
    expect(hits).not.toContain('/target');
  });

  it('refuses a body over the size bound', async () => {
    await expect(publicFetch(relaxed)(`http://127.0.0.1:${port}/huge`)).rejects.toThrow(/more than/);
  });

  it('gives up on a server that never answers', async () => {
    const fetch = publicFetch({ ...relaxed, timeoutMs: 200 });
    await expect(fetch(`http://127.0.0.1:${port}/silent`)).rejects.toThrow(/did not answer/);
  });

  it("honours the caller's abort signal", async () => {
    const controller = new AbortController();
    const pending = publicFetch(relaxed)(`http://127.0.0.1:${port}/silent`, { signal: controller.signal });
    controller.abort(new Error('caller gave up'));
    await expect(pending).rejects.toThrow(/caller gave up/);
  });
});

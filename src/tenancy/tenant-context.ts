import { AsyncLocalStorage } from 'node:async_hooks';
import type { TenantId } from './tenant-id.js';

/** What every log line and audit record of one request needs to know about it. */
export interface RequestContext {
  requestId: string;
  tenantId: TenantId | null;
  actorId: string | null;
  actorType: 'platform_admin' | 'tenant_user' | 'api_key' | 'system' | 'anonymous';
}

const storage = new AsyncLocalStorage<RequestContext>();

/** The request context travels with the async call chain, so no code threads it by hand. */
export const requestContext = {
  run<T>(context: RequestContext, work: () => T): T {
    return storage.run(context, work);
  },
  current(): RequestContext | undefined {
    return storage.getStore();
  },
};

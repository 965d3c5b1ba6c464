import { rm } from 'node:fs/promises';
import path from 'node:path';
import type { TenantId } from '../../tenancy/tenant-id.js';

/**
 * Archives live under DATA_DIR/exports/<tenant id>/, one folder per tenant so that deleting a
 * tenant removes its archives with it. Several server processes must share DATA_DIR/exports
 * (a shared volume) for any of them to serve a download.
 */
export function exportsRoot(dataDir: string): string {
  return path.join(dataDir, 'exports');
}

/** The archive's path relative to the exports root, as stored in platform.tenant_exports. */
export function exportFileName(tenantId: TenantId, exportId: string): string {
  return path.join(tenantId, `${exportId}.jsonl.gz`);
}

/** Absolute path of a stored file name; tenant ids and uuids cannot climb out of the root. */
export function exportFilePath(dataDir: string, fileName: string): string {
  return path.join(exportsRoot(dataDir), fileName);
}

/** Deletes every archive of the tenant: its data must not outlive its deletion in a side folder. */
export async function removeTenantExports(dataDir: string, tenantId: TenantId): Promise<void> {
  await rm(path.join(exportsRoot(dataDir), tenantId), { recursive: true, force: true });
}

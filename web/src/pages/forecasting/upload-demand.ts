import { actingTenantStore } from '../../api/acting-tenant-store';
import { ApiError } from '../../api/api-error';
import { sessionStore } from '../../api/session-store';

export interface DemandIngest {
  received: number;
  inserted: number;
  updated: number;
}

/**
 * POSTs a CSV file to /demand with XMLHttpRequest rather than fetch: only XHR reports upload
 * progress, which a file of a million rows needs. `onProgress` gets the fraction sent.
 */
export function uploadDemandCsv(file: File, onProgress: (fraction: number) => void): Promise<DemandIngest> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/v1/demand');
    xhr.setRequestHeader('content-type', 'text/csv');
    xhr.setRequestHeader('accept', 'application/json');
    const session = sessionStore.get();
    if (session) xhr.setRequestHeader('authorization', `Bearer ${session.accessToken}`);
    const acting = session?.kind === 'platform_admin' ? actingTenantStore.get() : null;
    if (acting) xhr.setRequestHeader('x-tenant-id', acting);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    xhr.onerror = () =>
      reject(
        new ApiError(
          0,
          'NETWORK',
          'Cannot reach the server',
          [],
          undefined,
          undefined,
          'POST /api/v1/demand',
        ),
      );
    xhr.onload = () => {
      let body: {
        data?: DemandIngest;
        error?: { code?: string; message?: string; details?: { path: string; message: string }[] };
        request_id?: string;
      } = {};
      try {
        body = JSON.parse(xhr.responseText) as typeof body;
      } catch {
        // an answer that is not JSON is reported by its status below
      }
      if (xhr.status === 200 && body.data) return resolve(body.data);
      reject(
        new ApiError(
          xhr.status,
          body.error?.code ?? 'INTERNAL',
          body.error?.message ?? `The server answered ${xhr.status}`,
          body.error?.details ?? [],
          body.request_id,
          undefined,
          'POST /api/v1/demand',
        ),
      );
    };
    xhr.send(file);
  });
}

import { ApiError } from './api-error';
import { sessionStore } from './session-store';

/**
 * An archive goes up with XMLHttpRequest because fetch cannot
 * report upload progress, and a gigabyte without a progress bar looks like a hang.
 */
export function uploadArchive<T>(
  path: string,
  file: File,
  onProgress: (fraction: number) => void,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', `/api/v1${path}`);
    const session = sessionStore.get();
    if (session) request.setRequestHeader('authorization', `Bearer ${session.accessToken}`);
    request.setRequestHeader('content-type', 'application/gzip');
    request.setRequestHeader('accept', 'application/json');
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    request.onerror = () => reject(new ApiError(0, 'NETWORK', 'Cannot reach the server'));
    request.onload = () => {
      let body: { data?: T; error?: { code?: string; message?: string; details?: [] } } = {};
      try {
        body = JSON.parse(request.responseText) as typeof body;
      } catch {
        // A proxy's HTML error page: the status says enough.
      }
      if (request.status >= 200 && request.status < 300) resolve(body.data as T);
      else
        reject(
          new ApiError(
            request.status,
            body.error?.code ?? 'INTERNAL',
            body.error?.message ?? `The server answered ${request.status}`,
            body.error?.details ?? [],
          ),
        );
    };
    request.send(file);
  });
}

import { useState } from 'react';
import { api, downloadFile } from '../../api/api-client';
import type { TenantExport } from '../../api/types';
import { AsyncContent } from '../../components/async-content';
import { ErrorPanel } from '../../components/error-panel';
import { formatBytes, formatDateTime } from '../../components/format';
import { useApiGet } from '../../hooks/use-api-get';
import { useInterval } from '../../hooks/use-interval';

function ExportState({ job }: { job: TenantExport }) {
  if (job.status === 'running') return <>Exporting…</>;
  if (job.status === 'failed') return <>Failed: {job.error ?? 'no reason given'}</>;
  return <>Ready, {formatBytes(job.size_bytes ?? 0)}</>;
}

/** Exports all of a tenant's data (portable between isolation models); the history is the server's, so it survives reloads. */
export function ExportPanel({ tenantId }: { tenantId: string }) {
  const [refreshKey, setRefreshKey] = useState(0);
  const [error, setError] = useState<unknown>(null);
  const [pending, setPending] = useState(false);
  const base = `/tenants/${encodeURIComponent(tenantId)}`;
  const history = useApiGet<TenantExport[]>(`${base}/exports`, undefined, { tenant: null, refreshKey });
  const running = history.result?.data.some((job) => job.status === 'running') ?? false;
  useInterval(() => setRefreshKey((n) => n + 1), running ? 1500 : null);
  const start = () => {
    setPending(true);
    setError(null);
    api<TenantExport>(`${base}/export`, { method: 'POST', tenant: null })
      .then(() => setRefreshKey((n) => n + 1), setError)
      .finally(() => setPending(false));
  };
  const download = (job: TenantExport) => {
    if (job.download_url) downloadFile(job.download_url, `tenantbase-${tenantId}.jsonl.gz`).catch(setError);
  };
  return (
    <div className="stack">
      <p>An archive of every row of this tenant, importable into a new tenant in any isolation model.</p>
      <div className="form-actions form-actions-start">
        <button
          type="button"
          className="button button-secondary"
          disabled={pending || running}
          onClick={start}
        >
          {running ? 'Exporting…' : 'Export data'}
        </button>
      </div>
      {error !== null && <ErrorPanel error={error} />}
      <AsyncContent state={history} loadingLabel="Loading exports…">
        {(jobs) =>
          jobs.length === 0 ? (
            <p className="muted">No exports yet.</p>
          ) : (
            <table className="data-table">
              <caption className="sr-only">Export history</caption>
              <thead>
                <tr>
                  <th scope="col">Started</th>
                  <th scope="col">State</th>
                  <th scope="col">Archive</th>
                </tr>
              </thead>
              <tbody>
                {jobs.map((job) => (
                  <tr key={job.id}>
                    <td data-label="Started">{formatDateTime(job.created_at)}</td>
                    <td data-label="State" role={job.status === 'running' ? 'status' : undefined}>
                      <ExportState job={job} />
                    </td>
                    <td data-label="Archive">
                      {job.status === 'done' && job.download_url ? (
                        <button type="button" className="link-button" onClick={() => download(job)}>
                          Download
                        </button>
                      ) : (
                        '—'
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }
      </AsyncContent>
    </div>
  );
}

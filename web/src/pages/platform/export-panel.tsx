import { useState } from 'react';
import { api, downloadFile } from '../../api/api-client';
import { ErrorPanel } from '../../components/error-panel';
import { useInterval } from '../../hooks/use-interval';

interface ExportJob {
  id: string;
  status: string;
  error?: string | null;
}

const FINISHED = ['ready', 'done', 'completed', 'succeeded', 'finished'];

/** Exports all of a tenant's data (portable between isolation models): start, watch, download. */
export function ExportPanel({ tenantId }: { tenantId: string }) {
  const [job, setJob] = useState<ExportJob | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [pending, setPending] = useState(false);
  const base = `/tenants/${encodeURIComponent(tenantId)}`;
  const working = job !== null && !FINISHED.includes(job.status) && job.status !== 'failed';
  useInterval(
    () => {
      if (!job) return;
      api<ExportJob>(`${base}/exports/${job.id}`, { tenant: null }).then(({ data }) => setJob(data), setError);
    },
    working ? 1500 : null,
  );
  const start = () => {
    setPending(true);
    setError(null);
    api<ExportJob>(`${base}/export`, { method: 'POST', tenant: null })
      .then(({ data }) => setJob(data), setError)
      .finally(() => setPending(false));
  };
  const download = () => {
    if (!job) return;
    downloadFile(`${base}/exports/${job.id}`, `${tenantId}-export-${job.id}`)
      .then((saved) => {
        if (!saved) setError(new Error("The server has not produced the archive yet"));
      })
      .catch(setError);
  };
  return (
    <div className="stack">
      <p>An archive of every row of this tenant, importable into a new tenant in any isolation model.</p>
      {job && (
        <p role="status">
          Export {job.id.slice(0, 8)}: <strong>{job.status}</strong>
          {job.error ? ` (${job.error})` : ''}
        </p>
      )}
      <div className="form-actions form-actions-start">
        <button type="button" className="button button-secondary" disabled={pending || working} onClick={start}>
          {working ? 'Exporting…' : 'Export data'}
        </button>
        {job && FINISHED.includes(job.status) && (
          <button type="button" className="button" onClick={download}>
            Download archive
          </button>
        )}
      </div>
      {error !== null && <ErrorPanel error={error} />}
    </div>
  );
}

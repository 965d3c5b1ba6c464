import { useState } from 'react';
import { api, downloadFile } from '../../api/api-client';
import { ErrorPanel } from '../../components/error-panel';
import { formatBytes } from '../../components/format';
import { useInterval } from '../../hooks/use-interval';

interface ExportJob {
  id: string;
  status: 'running' | 'done' | 'failed';
  size_bytes: number | null;
  error: string | null;
  download_url: string | null;
}

/** Exports all of a tenant's data (portable between isolation models): start, watch, download. */
export function ExportPanel({ tenantId }: { tenantId: string }) {
  const [job, setJob] = useState<ExportJob | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [pending, setPending] = useState(false);
  const base = `/tenants/${encodeURIComponent(tenantId)}`;
  const running = job?.status === 'running';
  useInterval(
    () => {
      if (!job) return;
      api<ExportJob>(`${base}/exports/${job.id}`, { tenant: null }).then(
        ({ data }) => setJob(data),
        setError,
      );
    },
    running ? 1500 : null,
  );
  const start = () => {
    setPending(true);
    setError(null);
    api<ExportJob>(`${base}/export`, { method: 'POST', tenant: null })
      .then(({ data }) => setJob(data), setError)
      .finally(() => setPending(false));
  };
  const download = () => {
    if (job?.download_url) downloadFile(job.download_url, `tenantbase-${tenantId}.jsonl.gz`).catch(setError);
  };
  return (
    <div className="stack">
      <p>An archive of every row of this tenant, importable into a new tenant in any isolation model.</p>
      {job && (
        <p role="status">
          {job.status === 'running' && 'Exporting…'}
          {job.status === 'done' && `The archive is ready (${formatBytes(job.size_bytes ?? 0)}).`}
          {job.status === 'failed' && `The export failed: ${job.error ?? 'no reason given'}. Start it again.`}
        </p>
      )}
      <div className="form-actions form-actions-start">
        <button
          type="button"
          className="button button-secondary"
          disabled={pending || running}
          onClick={start}
        >
          {running ? 'Exporting…' : job ? 'Export again' : 'Export data'}
        </button>
        {job?.status === 'done' && job.download_url && (
          <button type="button" className="button" onClick={download}>
            Download archive
          </button>
        )}
      </div>
      {error !== null && <ErrorPanel error={error} />}
    </div>
  );
}

import { useState } from 'react';
import type { DoctorReport } from '../../api/types';
import { EmptyState } from '../../components/empty-state';
import { ErrorPanel } from '../../components/error-panel';
import { formatDateTime } from '../../components/format';
import { LoadingState } from '../../components/loading-state';
import { PageHeader } from '../../components/page-header';
import { useApiGet } from '../../hooks/use-api-get';
import { useDocumentTitle } from '../../hooks/use-document-title';

const ORDER = { fail: 0, warn: 1, ok: 2 } as const;

/** The isolation doctor (`GET /platform/doctor`): failures first, each with what to run to fix it. */
export function DoctorPage() {
  useDocumentTitle('Isolation doctor');
  const [showOk, setShowOk] = useState(false);
  const report = useApiGet<DoctorReport>('/platform/doctor', undefined, { tenant: null });
  const data = report.result?.data;
  const checks = data ? [...data.checks].sort((a, b) => ORDER[a.status] - ORDER[b.status]) : [];
  const shown = showOk ? checks : checks.filter((check) => check.status !== 'ok');
  return (
    <>
      <PageHeader
        title="Isolation doctor"
        description="Every isolation invariant checked against the live databases: roles, row-level security, keys, storages and migrations."
        actions={
          <button
            type="button"
            className="button button-secondary"
            onClick={report.reload}
            disabled={report.loading}
          >
            {report.loading ? 'Checking…' : 'Run again'}
          </button>
        }
      />
      {report.error ? (
        <ErrorPanel error={report.error} onRetry={report.reload} />
      ) : !data ? (
        <LoadingState label="Checking every storage…" />
      ) : (
        <>
          <p className={`card doctor-verdict doctor-${data.status}`} role="status">
            <strong>
              {data.status === 'ok'
                ? 'Isolation is intact.'
                : data.status === 'warn'
                  ? 'No fence is broken, but some checks proved nothing.'
                  : `${data.counts.fail} check${data.counts.fail === 1 ? '' : 's'} failed.`}
            </strong>{' '}
            {data.counts.ok} ok, {data.counts.warn} warn, {data.counts.fail} fail · checked{' '}
            {formatDateTime(data.checked_at)} in {data.duration_ms} ms
          </p>
          <label className="checkbox-field">
            <input type="checkbox" checked={showOk} onChange={(event) => setShowOk(event.target.checked)} />{' '}
            Show passing checks ({data.counts.ok})
          </label>
          {shown.length === 0 ? (
            <EmptyState title="Nothing to fix">
              <p>Every check passed.</p>
            </EmptyState>
          ) : (
            <ul className="doctor-list">
              {shown.map((check) => (
                <li key={check.name} className={`card doctor-check doctor-${check.status}`}>
                  <span
                    className={`badge badge-${check.status === 'ok' ? 'good' : check.status === 'warn' ? 'warn' : 'bad'}`}
                  >
                    {check.status}
                  </span>{' '}
                  <code>{check.name}</code>
                  <p>{check.detail}</p>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </>
  );
}

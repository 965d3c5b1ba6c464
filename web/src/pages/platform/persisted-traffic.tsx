import { useState } from 'react';
import type { ReportTraffic } from '../../api/types';
import { ErrorPanel } from '../../components/error-panel';
import { LoadingState } from '../../components/loading-state';
import { useApiGet } from '../../hooks/use-api-get';
import { TrafficChart } from './traffic-chart';
import type { SeriesRow } from './traffic-series';

/**
 * The last 24 hours per hour, as every server process flushed them to the platform database
 * (`GET /reports/traffic`): survives a reload and covers every process, where the live sampler
 * below sees only the process that answers it.
 */
export function PersistedTraffic() {
  const [tenant, setTenant] = useState('');
  const [draft, setDraft] = useState('');
  const traffic = useApiGet<ReportTraffic>(
    '/reports/traffic',
    { hours: 24, tenant: tenant || undefined },
    { tenant: null },
  );
  const rows = (key: 'requests' | 'errors' | 'p95_ms'): SeriesRow[] =>
    (traffic.result?.data.hours ?? []).map((hour) => ({
      time: new Date(hour.hour).toISOString().slice(11, 16),
      [key]: hour[key] ?? null,
    })) as SeriesRow[];
  return (
    <section aria-labelledby="persisted-traffic">
      <h2 id="persisted-traffic">Last 24 hours, every process</h2>
      <form
        className="toolbar"
        role="search"
        onSubmit={(event) => {
          event.preventDefault();
          setTenant(draft.trim());
        }}
      >
        <div className="field search-field">
          <label htmlFor="traffic-tenant">Tenant (empty for the whole fleet)</label>
          <input id="traffic-tenant" value={draft} onChange={(event) => setDraft(event.target.value)} />
        </div>
        <div className="toolbar-buttons">
          <button type="submit" className="button">
            Show
          </button>
        </div>
      </form>
      {traffic.error ? (
        <ErrorPanel error={traffic.error} onRetry={traffic.reload} />
      ) : !traffic.result ? (
        <LoadingState label="Loading the last 24 hours…" />
      ) : traffic.result.data.hours.length === 0 ? (
        <p className="notice notice-info">
          No request recorded in the last 24 hours{tenant ? ` for ${tenant}` : ''}.
        </p>
      ) : (
        <div className="chart-grid chart-grid-3">
          <TrafficChart
            title="Requests per hour"
            unit="requests"
            rows={rows('requests')}
            tenants={['requests']}
          />
          <TrafficChart
            title="Latency per hour, 95th percentile"
            unit="ms"
            rows={rows('p95_ms')}
            tenants={['p95_ms']}
          />
          <TrafficChart title="Errors per hour" unit="errors" rows={rows('errors')} tenants={['errors']} />
        </div>
      )}
    </section>
  );
}

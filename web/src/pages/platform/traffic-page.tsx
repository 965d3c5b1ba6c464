import { useSearchParams } from 'react-router';
import { ErrorPanel } from '../../components/error-panel';
import { LoadingState } from '../../components/loading-state';
import { PageHeader } from '../../components/page-header';
import { useDocumentTitle } from '../../hooks/use-document-title';
import { PersistedTraffic } from './persisted-traffic';
import { TrafficChart } from './traffic-chart';
import { trafficSeries } from './traffic-series';
import { useTrafficSamples } from './use-traffic-samples';

/** Per-tenant request rate, p95 latency and errors over the last minutes, sampled by this page. */
export function TrafficPage() {
  useDocumentTitle('Traffic');
  const [search, setSearch] = useSearchParams();
  const seconds = [2, 5, 15].includes(Number(search.get('every'))) ? Number(search.get('every')) : 5;
  const { samples, error } = useTrafficSamples(seconds * 1000);
  const series = trafficSeries(samples);
  return (
    <>
      <PageHeader
        title="Traffic"
        description="Requests, latency and errors per hour from every server process (kept in the database), then live per tenant on this process while the page is open."
        actions={
          <div className="field field-inline">
            <label htmlFor="traffic-every">Sample every</label>
            <select
              id="traffic-every"
              value={seconds}
              onChange={(event) => setSearch({ every: event.target.value })}
            >
              {[2, 5, 15].map((n) => (
                <option key={n} value={n}>
                  {n} s
                </option>
              ))}
            </select>
          </div>
        }
      />
      <PersistedTraffic />
      <h2>Live, this process</h2>
      {error !== null && <ErrorPanel error={error} />}
      {samples.length < 2 ? (
        error === null && (
          <LoadingState label={`Collecting samples: the first rates appear after ${seconds} seconds…`} />
        )
      ) : series.tenants.length === 0 ? (
        <p className="notice notice-info">
          No requests since this page opened. Rates appear as soon as tenants are used.
        </p>
      ) : (
        <div className="chart-grid chart-grid-3">
          <TrafficChart title="Request rate" unit="requests/s" rows={series.rate} tenants={series.tenants} />
          <TrafficChart
            title="Latency, 95th percentile"
            unit="ms"
            rows={series.latency}
            tenants={series.tenants}
          />
          <TrafficChart title="Errors" unit="errors/s" rows={series.errors} tenants={series.tenants} />
        </div>
      )}
    </>
  );
}

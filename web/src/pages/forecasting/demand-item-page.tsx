import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../api/api-error';
import { ErrorPanel } from '../../components/error-panel';
import { LoadingState } from '../../components/loading-state';
import { PageHeader } from '../../components/page-header';
import { useApiGet } from '../../hooks/use-api-get';
import { useDocumentTitle } from '../../hooks/use-document-title';
import { DemandForecastChart } from './demand-forecast-chart';
import { ForecastRunForm } from './forecast-run-form';
import {
  decimal,
  type DemandPoint,
  type ForecastPoint,
  type InventoryAdvice,
  percent,
  type RunQuality,
} from './forecasting-types';

const HISTORY_DAYS = 100;

/** `YYYY-MM-DD` of `days` days before `day`. */
function daysBefore(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);
}

/** One item: its recent history with the latest forecast and bands, backtest quality and reorder advice. */
export function DemandItemPage() {
  const itemId = useParams().itemId ?? '';
  useDocumentTitle(`Item ${itemId}`);
  const [leadTime, setLeadTime] = useState(7);
  const [serviceLevel, setServiceLevel] = useState(0.95);
  // The item's last day, then the HISTORY_DAYS days up to it (pages run oldest first).
  const count = useApiGet<DemandPoint[]>('/demand', { item_id: itemId, per_page: 1 });
  const total = (count.result?.pagination as { total?: number } | undefined)?.total;
  const last = useApiGet<DemandPoint[]>(total ? '/demand' : null, {
    item_id: itemId,
    per_page: 1,
    page: total,
  });
  const lastDate = last.result?.data[0]?.date;
  const history = useApiGet<DemandPoint[]>(lastDate ? '/demand' : null, {
    item_id: itemId,
    per_page: HISTORY_DAYS,
    from: lastDate ? daysBefore(lastDate, HISTORY_DAYS - 1) : undefined,
  });
  const inventory = useApiGet<InventoryAdvice>(`/inventory/${encodeURIComponent(itemId)}`, {
    lead_time_days: leadTime,
    service_level: serviceLevel,
  });
  const runId = inventory.result?.data.run_id ?? null;
  const forecast = useApiGet<ForecastPoint[]>(runId ? `/forecast-runs/${runId}/forecasts` : null, {
    item_id: itemId,
    per_page: 100,
  });
  const quality = useApiGet<RunQuality>(runId ? `/forecast-runs/${runId}/quality` : null, {
    item_id: itemId,
  });
  const noForecast = inventory.error instanceof ApiError && inventory.error.status === 404;
  const itemQuality = quality.result?.data.items[0];
  const advice = inventory.result?.data;
  return (
    <>
      <PageHeader
        title={itemId}
        description="Daily demand, the latest finished forecast with its intervals, its backtest and reorder advice."
        actions={
          <Link className="button button-secondary" to="/forecasting">
            All items
          </Link>
        }
      />
      {count.error || last.error || history.error ? (
        <ErrorPanel error={count.error ?? last.error ?? history.error} onRetry={count.reload} />
      ) : total === 0 ? (
        <p className="notice">This item has no demand history.</p>
      ) : !history.result ? (
        <LoadingState label="Loading demand…" />
      ) : (
        <DemandForecastChart history={history.result.data} forecast={forecast.result?.data ?? []} />
      )}
      {noForecast ? (
        <div className="stack-lg">
          <p className="notice">No finished forecast covers this item yet.</p>
          <ForecastRunForm itemIds={[itemId]} />
        </div>
      ) : inventory.error ? (
        <ErrorPanel error={inventory.error} onRetry={inventory.reload} />
      ) : (
        <div className="chart-grid">
          <section className="card" aria-labelledby="quality-title">
            <h2 id="quality-title" className="card-title">
              Backtest quality {itemQuality && <span className="muted">· {itemQuality.method}</span>}
            </h2>
            <dl className="facts">
              <dt>MAPE</dt>
              <dd>{percent(itemQuality?.mape)}</dd>
              <dt>WAPE</dt>
              <dd>{percent(itemQuality?.wape)}</dd>
              <dt>MASE</dt>
              <dd>{decimal(itemQuality?.mase)}</dd>
              <dt>Bias</dt>
              <dd>{percent(itemQuality?.bias)}</dd>
              <dt>Held out</dt>
              <dd>{itemQuality ? `${itemQuality.holdout_days} days` : '—'}</dd>
            </dl>
          </section>
          <section className="card" aria-labelledby="inventory-title">
            <h2 id="inventory-title" className="card-title">
              Inventory
            </h2>
            <div className="list-toolbar">
              <div className="field">
                <label htmlFor="lead-time">Lead time (days)</label>
                <input
                  id="lead-time"
                  type="number"
                  min={1}
                  max={365}
                  value={leadTime}
                  onChange={(event) => setLeadTime(Math.max(1, Number(event.target.value) || 1))}
                />
              </div>
              <div className="field">
                <label htmlFor="service-level">Service level</label>
                <select
                  id="service-level"
                  value={serviceLevel}
                  onChange={(event) => setServiceLevel(Number(event.target.value))}
                >
                  {[0.8, 0.9, 0.95, 0.98, 0.99].map((level) => (
                    <option key={level} value={level}>
                      {Math.round(level * 100)}%
                    </option>
                  ))}
                </select>
              </div>
            </div>
            <dl className="facts">
              <dt>Lead-time demand</dt>
              <dd>{decimal(advice?.lead_time_demand)}</dd>
              <dt>Safety stock</dt>
              <dd>{decimal(advice?.safety_stock)}</dd>
              <dt>Reorder point</dt>
              <dd>
                <strong>{decimal(advice?.reorder_point)}</strong>
              </dd>
            </dl>
          </section>
        </div>
      )}
    </>
  );
}

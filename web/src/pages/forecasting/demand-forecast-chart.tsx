import {
  Area,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { DemandPoint, ForecastPoint } from './forecasting-types';

interface ChartRow {
  date: string;
  actual?: number;
  forecast?: number;
  band80?: [number, number];
  band95?: [number, number];
}

/** History, then the forecast with its 80% and 95% interval bands, on one time axis. */
export function DemandForecastChart({
  history,
  forecast,
}: {
  history: DemandPoint[];
  forecast: ForecastPoint[];
}) {
  const rows: ChartRow[] = [
    ...history.map((p) => ({ date: p.date, actual: p.units_sold })),
    ...forecast.map((p) => ({
      date: p.date,
      forecast: p.units,
      band80: [p.lower_80, p.upper_80] as [number, number],
      band95: [p.lower_95, p.upper_95] as [number, number],
    })),
  ];
  return (
    <figure className="card chart-card">
      <figcaption className="card-title">
        Demand and forecast <span className="muted">· shaded: 80% and 95% intervals</span>
      </figcaption>
      <div className="chart" aria-hidden="true">
        <ResponsiveContainer width="100%" height={320}>
          <ComposedChart data={rows} margin={{ top: 8, right: 16, bottom: 0, left: -8 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="date" tick={{ fontSize: 11 }} minTickGap={24} />
            <YAxis tick={{ fontSize: 12 }} />
            <Tooltip />
            <Legend />
            <Area
              dataKey="band95"
              name="95% interval"
              fill="#93c5fd"
              fillOpacity={0.35}
              stroke="none"
              isAnimationActive={false}
            />
            <Area
              dataKey="band80"
              name="80% interval"
              fill="#3b82f6"
              fillOpacity={0.35}
              stroke="none"
              isAnimationActive={false}
            />
            <Line
              dataKey="actual"
              name="Units sold"
              stroke="#334155"
              dot={false}
              strokeWidth={1.5}
              isAnimationActive={false}
            />
            <Line
              dataKey="forecast"
              name="Forecast"
              stroke="#1d4ed8"
              dot={false}
              strokeWidth={2}
              isAnimationActive={false}
            />
          </ComposedChart>
        </ResponsiveContainer>
      </div>
      <p className="muted">
        {history.length} days of history and {forecast.length} forecast days.
      </p>
    </figure>
  );
}

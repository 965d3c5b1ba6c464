import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { SeriesRow } from './traffic-series';

const PALETTE = ['#2451b3', '#1a7f37', '#c62828', '#9a6700', '#6f42c1', '#0b7285'];

interface TrafficChartProps {
  title: string;
  unit: string;
  rows: SeriesRow[];
  tenants: string[];
}

/** One measure over time, one line per tenant; the latest values are also written out as text. */
export function TrafficChart({ title, unit, rows, tenants }: TrafficChartProps) {
  const latest = rows[rows.length - 1];
  return (
    <figure className="card chart-card">
      <figcaption className="card-title">
        {title} <span className="muted">({unit})</span>
      </figcaption>
      <div className="chart" aria-hidden="true">
        <ResponsiveContainer width="100%" height={220}>
          <LineChart data={rows} margin={{ top: 8, right: 12, bottom: 0, left: -8 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="time" tick={{ fontSize: 11 }} minTickGap={24} />
            <YAxis tick={{ fontSize: 11 }} allowDecimals />
            <Tooltip />
            <Legend wrapperStyle={{ fontSize: 12 }} />
            {tenants.map((tenant, index) => (
              <Line
                key={tenant}
                type="linear"
                dataKey={tenant}
                name={tenant === 'none' ? 'no tenant' : tenant}
                stroke={PALETTE[index % PALETTE.length]}
                strokeWidth={2}
                dot={false}
                connectNulls
                isAnimationActive={false}
              />
            ))}
          </LineChart>
        </ResponsiveContainer>
      </div>
      {latest && (
        <p className="sr-only">
          Latest {title.toLowerCase()}:{' '}
          {tenants.map((t) => `${t} ${latest[t] ?? 'no data'} ${unit}`).join(', ')}.
        </p>
      )}
    </figure>
  );
}

import { Link } from 'react-router';
import { Bar, BarChart, CartesianGrid, Cell, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { StatusCounts } from '../../api/types';
import { humanize } from '../../components/format';
import { statusColor } from '../../components/status-colors';

interface StatusChartProps {
  title: string;
  counts: StatusCounts;
  statuses: readonly string[];
  /** The list page the legend links to, filtered by each status. */
  listPath: string;
}

/** Counts by status as a bar chart, with a legend of links that doubles as the chart's text alternative. */
export function StatusChart({ title, counts, statuses, listPath }: StatusChartProps) {
  const data = statuses.map((status) => ({
    status,
    label: humanize(status),
    count: counts.by_status[status] ?? 0,
  }));
  return (
    <figure className="card chart-card">
      <figcaption className="card-title">
        {title} <span className="muted">· {counts.total.toLocaleString()} in all</span>
      </figcaption>
      <div className="chart" aria-hidden="true">
        <ResponsiveContainer width="100%" height={220}>
          <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="label" tick={{ fontSize: 12 }} interval={0} />
            <YAxis allowDecimals={false} tick={{ fontSize: 12 }} />
            <Tooltip cursor={{ fill: 'rgba(0,0,0,0.04)' }} />
            <Bar dataKey="count" name={title} radius={[4, 4, 0, 0]} isAnimationActive={false}>
              {data.map((entry) => (
                <Cell key={entry.status} fill={statusColor(entry.status)} />
              ))}
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      </div>
      <ul className="chart-legend">
        {data.map((entry) => (
          <li key={entry.status}>
            <span
              className="legend-swatch"
              style={{ background: statusColor(entry.status) }}
              aria-hidden="true"
            />
            <Link to={`${listPath}?status=${entry.status}`}>
              {entry.label}: {entry.count.toLocaleString()}
            </Link>
          </li>
        ))}
      </ul>
    </figure>
  );
}

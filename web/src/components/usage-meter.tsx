import { formatLimit } from './format';

interface UsageMeterProps {
  label: string;
  used: number;
  limit: number | null;
}

/** Used against a limit, as a bar and in words; turns amber near the limit and red at it. */
export function UsageMeter({ label, used, limit }: UsageMeterProps) {
  const ratio = limit ? Math.min(1, used / limit) : 0;
  const tone = limit === null ? 'good' : ratio >= 1 ? 'bad' : ratio >= 0.8 ? 'warn' : 'good';
  return (
    <div className="usage">
      <div className="usage-label">
        <span>{label}</span>
        <span>
          {used.toLocaleString()} of {formatLimit(limit)}
        </span>
      </div>
      {limit !== null && (
        <div
          className={`usage-bar usage-${tone}`}
          role="meter"
          aria-label={label}
          aria-valuemin={0}
          aria-valuemax={limit}
          aria-valuenow={used}
          aria-valuetext={`${used} of ${limit}`}
        >
          <span style={{ width: `${Math.round(ratio * 100)}%` }} />
        </div>
      )}
    </div>
  );
}

import { useCallback, useEffect, useState } from 'react';
import { api } from '../../api/api-client';
import { useInterval } from '../../hooks/use-interval';
import type { TenantTraffic, TrafficSample } from './traffic-series';

const KEEP = 60;

/**
 * Samples GET /console/metrics (totals since the server process started) every `intervalMs`,
 * keeping the last sixty; rates come from differences, so nothing is stored on the server.
 */
export function useTrafficSamples(intervalMs: number): { samples: TrafficSample[]; error: unknown } {
  const [samples, setSamples] = useState<TrafficSample[]>([]);
  const [error, setError] = useState<unknown>(null);
  const sample = useCallback(() => {
    api<{ sampled_at: string; tenants: TenantTraffic[] }>('/console/metrics', { tenant: null }).then(
      ({ data }) => {
        setError(null);
        setSamples((previous) =>
          [...previous, { at: Date.parse(data.sampled_at), tenants: data.tenants }].slice(-KEEP),
        );
      },
      setError,
    );
  }, []);
  useEffect(() => sample(), [sample]);
  useInterval(sample, intervalMs);
  return { samples, error };
}

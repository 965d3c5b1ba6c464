import { useState } from 'react';
import { api } from '../../api/api-client';
import type { Tenant } from '../../api/types';
import { ErrorPanel } from '../../components/error-panel';
import { useInterval } from '../../hooks/use-interval';
import { announceTenantsChanged } from '../../layout/tenants-changed';
import { provisioningSteps } from './provisioning-steps';

const MARKS = { done: '✓', current: '…', waiting: '○', failed: '✕' };

interface ProvisioningProgressProps {
  initial: Tenant;
  invitesOwner?: boolean;
  onSettled?: (tenant: Tenant) => void;
}

/**
 * Watches a tenant being provisioned (POST /tenants answered 202): polls GET /tenants/{id} each
 * second and ticks off the steps, until it is active or failed (then it can be retried).
 */
export function ProvisioningProgress({
  initial,
  invitesOwner = false,
  onSettled,
}: ProvisioningProgressProps) {
  const [tenant, setTenant] = useState(initial);
  const [error, setError] = useState<unknown>(null);
  const working = tenant.status === 'provisioning';
  useInterval(
    () => {
      api<Tenant>(`/tenants/${encodeURIComponent(tenant.id)}`, { tenant: null }).then(({ data }) => {
        setError(null);
        setTenant(data);
        if (data.status !== 'provisioning') {
          announceTenantsChanged();
          onSettled?.(data);
        }
      }, setError);
    },
    working ? 1000 : null,
  );
  const retry = () =>
    api<Tenant>(`/tenants/${encodeURIComponent(tenant.id)}/retry`, { method: 'POST', tenant: null }).then(
      ({ data }) => setTenant(data),
      setError,
    );
  const steps = provisioningSteps(tenant, invitesOwner);
  return (
    <div className="provisioning">
      <ol className="steps" aria-label={`Provisioning of ${tenant.id}`}>
        {steps.map((step) => (
          <li key={step.key} className={`step step-${step.state}`}>
            <span className="step-mark" aria-hidden="true">
              {MARKS[step.state]}
            </span>
            {step.label}
            <span className="sr-only"> ({step.state})</span>
          </li>
        ))}
      </ol>
      <p role="status" className="provisioning-status">
        {tenant.status === 'active'
          ? `Tenant ${tenant.id} is active.`
          : tenant.status === 'failed'
            ? `Provisioning failed: ${tenant.provisioning_error ?? 'no reason given'}.`
            : `Provisioning ${tenant.id}…`}
      </p>
      {tenant.status === 'failed' && (
        <button type="button" className="button" onClick={() => void retry()}>
          Retry provisioning
        </button>
      )}
      {error !== null && <ErrorPanel error={error} />}
    </div>
  );
}

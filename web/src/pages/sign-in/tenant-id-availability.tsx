import { useApiGet } from '../../hooks/use-api-get';
import { useDebouncedValue } from '../../hooks/use-debounced-value';

interface Availability {
  tenant_id: string;
  available: boolean;
  reason: 'invalid' | 'reserved' | 'taken' | null;
}

const REASONS: Record<NonNullable<Availability['reason']>, string> = {
  invalid: 'Use 3–40 lowercase letters, digits and hyphens, starting with a letter.',
  reserved: 'This ID is reserved; choose another.',
  taken: 'This ID is taken; choose another.',
};

/** The workspace ID's availability, asked once typing pauses; the address of the workspace too. */
export function TenantIdAvailability({ tenantId }: { tenantId: string }) {
  const settled = useDebouncedValue(tenantId, 300);
  const check = useApiGet<Availability>(
    settled ? '/auth/signup/availability' : null,
    { tenant_id: settled },
    { tenant: null },
  );
  const answer = check.result?.data;
  if (!tenantId) return <span>Derived from the company name; you can change it.</span>;
  if (settled !== tenantId || check.loading || !answer || answer.tenant_id !== tenantId)
    return <span aria-live="polite">Checking {tenantId}…</span>;
  return (
    <span aria-live="polite" className={answer.available ? 'text-success' : 'text-danger'}>
      {answer.available ? `${tenantId} is available.` : REASONS[answer.reason ?? 'invalid']}
    </span>
  );
}

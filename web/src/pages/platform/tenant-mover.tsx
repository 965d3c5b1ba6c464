import { useState } from 'react';
import { api } from '../../api/api-client';
import { type DatabaseServer, ISOLATIONS, type Tenant, type TenantMove } from '../../api/types';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { ErrorPanel } from '../../components/error-panel';
import { SelectField } from '../../components/select-field';
import { useApiGet } from '../../hooks/use-api-get';
import { useInterval } from '../../hooks/use-interval';

const PHASES: Record<TenantMove['status'], string> = {
  queued: 'Waiting for a worker…',
  copying: 'Copying rows while the tenant serves…',
  verifying: 'Verifying the copy…',
  cutover: 'Switched over; removing the old storage…',
  done: 'Moved.',
  failed: 'The move failed',
};

const running = (move: TenantMove | null) =>
  move !== null && move.status !== 'done' && move.status !== 'failed';

/**
 * Moves the tenant to another isolation model or database server, keeping its id: choose, confirm,
 * then watch the move job until it is done; the page then shows the tenant where it now lives.
 */
export function TenantMover({ tenant, onChanged }: { tenant: Tenant; onChanged: (tenant: Tenant) => void }) {
  const servers = useApiGet<DatabaseServer[]>('/platform/database-servers', undefined, { tenant: null });
  const names = servers.result?.data.map((s) => s.name) ?? ['default'];
  const targets = ISOLATIONS.filter((i) => i !== tenant.isolation || (i === 'database' && names.length > 1));
  const [wanted, setIsolation] = useState<string>(targets[0] ?? 'pool');
  // After a move the tenant's own model drops out of the choices.
  const isolation = (targets as readonly string[]).includes(wanted) ? wanted : (targets[0] ?? 'pool');
  const [placement, setPlacement] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [move, setMove] = useState<TenantMove | null>(null);
  const [error, setError] = useState<unknown>(null);
  const base = `/tenants/${encodeURIComponent(tenant.id)}`;
  const choosesServer = isolation === 'database' && names.length > 1;
  const serverChoices = choosesServer
    ? names.filter((n) => tenant.isolation !== 'database' || n !== tenant.placement)
    : [];
  const server = choosesServer ? placement || serverChoices[0] || '' : '';

  useInterval(
    () => {
      if (!move) return;
      api<TenantMove>(`${base}/moves/${move.id}`, { tenant: null }).then(({ data }) => {
        setMove(data);
        if (data.status === 'done') {
          api<Tenant>(base, { tenant: null }).then(({ data: moved }) => onChanged(moved), setError);
        }
      }, setError);
    },
    running(move) ? 1000 : null,
  );

  const target = `${isolation}${server ? ` on server ${server}` : ''}`;
  return (
    <div className="stack">
      <div className="inline-form">
        <SelectField
          label="Move to"
          options={targets}
          value={isolation}
          onChange={(event) => setIsolation(event.target.value)}
          hint={`Now ${tenant.isolation}${tenant.placement && tenant.placement !== 'default' ? ` on server ${tenant.placement}` : ''}.`}
        />
        {choosesServer && (
          <SelectField
            label="Server"
            options={serverChoices}
            value={server}
            onChange={(event) => setPlacement(event.target.value)}
          />
        )}
        <button
          type="button"
          className="button button-secondary"
          disabled={running(move) || targets.length === 0 || tenant.status !== 'active'}
          onClick={() => setConfirming(true)}
        >
          Move…
        </button>
      </div>
      {move && (
        <p role="status" aria-live="polite" data-move-status={move.status}>
          {PHASES[move.status]}
          {move.status === 'failed' && `: ${move.error ?? 'no reason given'}. The tenant stays where it was.`}
          {move.rows_copied > 0 && ` ${move.rows_copied.toLocaleString()} rows copied.`}
        </p>
      )}
      {error !== null && <ErrorPanel error={error} />}
      <ConfirmDialog
        title={`Move ${tenant.id}`}
        open={confirming}
        onClose={() => setConfirming(false)}
        confirmLabel={`Move to ${isolation}`}
        onConfirm={async () => {
          setError(null);
          const { data } = await api<TenantMove>(`${base}/move`, {
            method: 'POST',
            body: server ? { isolation, placement: server } : { isolation },
            tenant: null,
          });
          setMove(data);
        }}
      >
        <p>
          The rows of <strong>{tenant.name}</strong> are copied to {target} while it keeps serving; writes
          pause for a moment at the switch. Its id, users, tokens, API keys and audit trail stay the same, and
          the old storage is removed once the copy verifies.
        </p>
      </ConfirmDialog>
    </div>
  );
}

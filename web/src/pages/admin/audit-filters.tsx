import { type FormEvent, useState } from 'react';

export const AUDIT_FILTERS = ['action', 'actor_id', 'target_type', 'target_id', 'from', 'to'] as const;
export type AuditFilters = Record<(typeof AUDIT_FILTERS)[number], string>;

const LABELS: Record<keyof AuditFilters, string> = {
  action: 'Action',
  actor_id: 'Actor ID',
  target_type: 'Target type',
  target_id: 'Target ID',
  from: 'From',
  to: 'To',
};

/** The audit trail's filters; applied together with one button so each change is one request. */
export function AuditFilterForm({
  value,
  onApply,
}: {
  value: AuditFilters;
  onApply: (filters: AuditFilters) => void;
}) {
  const [draft, setDraft] = useState(value);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply(draft);
  };
  return (
    <form className="toolbar" role="search" onSubmit={submit}>
      {AUDIT_FILTERS.map((key) => (
        <div className="field" key={key}>
          <label htmlFor={`audit-${key}`}>{LABELS[key]}</label>
          <input
            id={`audit-${key}`}
            type={key === 'from' || key === 'to' ? 'date' : 'text'}
            value={draft[key]}
            placeholder={key === 'action' ? 'e.g. user.invite' : undefined}
            onChange={(event) => setDraft({ ...draft, [key]: event.target.value })}
          />
        </div>
      ))}
      <div className="toolbar-buttons">
        <button type="submit" className="button">
          Apply filters
        </button>
        <button
          type="button"
          className="link-button"
          onClick={() => {
            const empty = Object.fromEntries(AUDIT_FILTERS.map((k) => [k, ''])) as AuditFilters;
            setDraft(empty);
            onApply(empty);
          }}
        >
          Clear
        </button>
      </div>
    </form>
  );
}

import { type FormEvent, useState } from 'react';

export const AUDIT_FILTERS = ['action', 'actor_id', 'target_type', 'target_id', 'from', 'to'] as const;
export type AuditFilters = Record<(typeof AUDIT_FILTERS)[number], string>;

const LABELS: Record<keyof AuditFilters, string> = {
  action: 'Action',
  actor_id: 'Person',
  target_type: 'Target type',
  target_id: 'Target ID',
  from: 'From',
  to: 'To',
};

/** The audit trail's filters; applied together with one button so each change is one request. */
export function AuditFilterForm({
  value,
  people,
  onApply,
}: {
  value: AuditFilters;
  /** The workspace's users, for the person filter (its value is their id, as the API filters). */
  people: readonly { value: string; label: string }[];
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
          {key === 'actor_id' ? (
            <select
              id="audit-actor_id"
              value={draft.actor_id}
              onChange={(event) => setDraft({ ...draft, actor_id: event.target.value })}
            >
              <option value="">Anyone</option>
              {draft.actor_id && !people.some((p) => p.value === draft.actor_id) && (
                <option value={draft.actor_id}>{draft.actor_id}</option>
              )}
              {people.map((person) => (
                <option key={person.value} value={person.value}>
                  {person.label}
                </option>
              ))}
            </select>
          ) : (
            <input
              id={`audit-${key}`}
              type={key === 'from' || key === 'to' ? 'date' : 'text'}
              value={draft[key]}
              placeholder={key === 'action' ? 'e.g. user.invite' : undefined}
              onChange={(event) => setDraft({ ...draft, [key]: event.target.value })}
            />
          )}
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

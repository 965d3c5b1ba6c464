import { useCallback } from 'react';
import { humanize } from '../components/format';
import { type ListParams, PER_PAGE_CHOICES } from './list-params';
import { SearchBox } from './search-box';

interface ListToolbarProps {
  params: ListParams;
  update: (patch: Partial<ListParams>) => void;
  statuses: readonly string[];
  searchLabel: string;
  sorts: readonly { value: string; label: string }[];
  /** Lists whose API has no created_from/created_to or cursor pages leave these out. */
  dates?: boolean;
  modes?: boolean;
}

/** Search, status, sort, creation dates, page size and the pages/infinite-scroll switch. */
export function ListToolbar({
  params,
  update,
  statuses,
  searchLabel,
  sorts,
  dates = true,
  modes = true,
}: ListToolbarProps) {
  const onSearch = useCallback((q: string) => update({ q }), [update]);
  const filtered = params.status || params.q || params.from || params.to;
  const perPageChoices = PER_PAGE_CHOICES.includes(params.perPage)
    ? PER_PAGE_CHOICES
    : [...PER_PAGE_CHOICES, params.perPage].sort((a, b) => a - b);
  return (
    <div className="toolbar" role="search">
      <SearchBox label={searchLabel} value={params.q} onSearch={onSearch} />
      <div className="field">
        <label htmlFor="list-status">Status</label>
        <select
          id="list-status"
          value={params.status}
          onChange={(event) => update({ status: event.target.value })}
        >
          <option value="">Any status</option>
          {statuses.map((status) => (
            <option key={status} value={status}>
              {humanize(status)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="list-sort">Sort by</label>
        <select id="list-sort" value={params.sort} onChange={(event) => update({ sort: event.target.value })}>
          {sorts.map((sort) => (
            <option key={sort.value} value={sort.value}>
              {sort.label}
            </option>
          ))}
        </select>
      </div>
      {dates && (
        <>
          <div className="field">
            <label htmlFor="list-from">Created from</label>
            <input
              id="list-from"
              type="date"
              value={params.from}
              max={params.to || undefined}
              onChange={(event) => update({ from: event.target.value })}
            />
          </div>
          <div className="field">
            <label htmlFor="list-to">Created to</label>
            <input
              id="list-to"
              type="date"
              value={params.to}
              min={params.from || undefined}
              onChange={(event) => update({ to: event.target.value })}
            />
          </div>
        </>
      )}
      <div className="field">
        <label htmlFor="list-per-page">Per page</label>
        <select
          id="list-per-page"
          value={params.perPage}
          onChange={(event) => update({ perPage: Number(event.target.value) })}
        >
          {perPageChoices.map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
      </div>
      {modes && (
        <div className="field">
          <span id="list-mode-label" className="field-label">
            Browse by
          </span>
          <div role="radiogroup" aria-labelledby="list-mode-label" className="segmented">
            {(['pages', 'scroll'] as const).map((mode) => (
              <label key={mode} className={params.mode === mode ? 'segment checked' : 'segment'}>
                <input
                  type="radio"
                  name="list-mode"
                  value={mode}
                  checked={params.mode === mode}
                  onChange={() => update({ mode })}
                />
                {mode === 'pages' ? 'Pages' : 'Infinite scroll'}
              </label>
            ))}
          </div>
        </div>
      )}
      {filtered && (
        <button
          type="button"
          className="link-button clear-filters"
          onClick={() => update({ status: '', q: '', from: '', to: '' })}
        >
          Clear filters
        </button>
      )}
    </div>
  );
}

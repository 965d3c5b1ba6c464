import { type FormEvent, useState } from 'react';
import { useSearchParams } from 'react-router';
import type { OutboxMail, PagePagination } from '../../api/types';
import { EmptyState } from '../../components/empty-state';
import { ErrorPanel } from '../../components/error-panel';
import { formatDateTime, humanize } from '../../components/format';
import { LoadingState } from '../../components/loading-state';
import { PageHeader } from '../../components/page-header';
import { PaginationBar } from '../../components/pagination-bar';
import { useApiGet } from '../../hooks/use-api-get';
import { useDocumentTitle } from '../../hooks/use-document-title';
import { MailText } from './mail-text';

/** The development outbox (SPEC §4): mail kept in the platform database when no SMTP_URL is set. */
export function OutboxPage() {
  useDocumentTitle('Mail outbox');
  const [search, setSearch] = useSearchParams();
  const page = Math.max(1, Number(search.get('page')) || 1);
  const to = search.get('to') ?? '';
  const [draft, setDraft] = useState(to);
  const mails = useApiGet<OutboxMail[]>(
    '/outbox',
    { page, per_page: 20, to: to || undefined },
    { tenant: null },
  );
  const filter = (event: FormEvent) => {
    event.preventDefault();
    setSearch(draft.trim() ? { to: draft.trim() } : {});
  };
  const pagination = mails.result?.pagination as PagePagination | undefined;
  return (
    <>
      <PageHeader
        title="Mail outbox"
        description="With no SMTP server configured, mail stays here. Links to invitations and resets open in this console."
        actions={
          <button type="button" className="button button-secondary" onClick={mails.reload}>
            Refresh
          </button>
        }
      />
      <form className="toolbar" role="search" onSubmit={filter}>
        <div className="field search-field">
          <label htmlFor="outbox-to">Recipient</label>
          <input
            id="outbox-to"
            type="email"
            value={draft}
            onChange={(event) => setDraft(event.target.value)}
            placeholder="someone@example.com"
          />
        </div>
        <div className="toolbar-buttons">
          <button type="submit" className="button">
            Filter
          </button>
        </div>
      </form>
      {mails.error ? (
        <ErrorPanel error={mails.error} onRetry={mails.reload} />
      ) : !mails.result ? (
        <LoadingState label="Loading mail…" />
      ) : mails.result.data.length === 0 ? (
        <EmptyState title="The outbox is empty">
          <p>Invitations, password resets and address confirmations appear here when they are sent.</p>
        </EmptyState>
      ) : (
        <>
          <ul className="mail-list">
            {mails.result.data.map((mail) => (
              <li key={mail.id} className="card mail">
                <details>
                  <summary>
                    <span className="mail-subject">{mail.subject}</span>
                    <span className="mail-meta">
                      to {mail.to} · {humanize(mail.kind)}
                      {mail.tenant_id ? ` · ${mail.tenant_id}` : ''} · {formatDateTime(mail.created_at)}
                    </span>
                  </summary>
                  <MailText text={mail.text} />
                </details>
              </li>
            ))}
          </ul>
          {pagination && 'total' in pagination && (
            <PaginationBar
              label="Outbox"
              pagination={pagination}
              onPage={(n) => setSearch({ ...(to ? { to } : {}), ...(n > 1 ? { page: String(n) } : {}) })}
            />
          )}
        </>
      )}
    </>
  );
}

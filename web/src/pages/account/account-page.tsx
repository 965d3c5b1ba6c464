import { useState } from 'react';
import { useSession } from '../../auth/use-session';
import { AsyncContent } from '../../components/async-content';
import { useApiGet } from '../../hooks/use-api-get';
import { PageHeader } from '../../components/page-header';
import { useDocumentTitle } from '../../hooks/use-document-title';
import { MfaDisable } from './mfa-disable';
import { MfaEnrolment } from './mfa-enrolment';

/** The signed-in person's own security: who they are and their second factor. */
export function AccountPage() {
  useDocumentTitle('Account security');
  const session = useSession()!;
  const [round, setRound] = useState(0);
  const mfa = useApiGet<{ status: 'off' | 'pending' | 'on' }>('/auth/mfa', undefined, {
    tenant: null,
    refreshKey: round,
  });
  return (
    <>
      <PageHeader
        title="Account security"
        description={`Signed in as ${session.user.email}${session.tenantId ? ` in ${session.tenantId}` : ' (platform administrator)'} · roles: ${session.user.roles.join(', ')}`}
      />
      {session.mfaSetupRequired && (
        <p className="notice notice-warn" role="alert">
          Administrators must use two-factor authentication on this server. Turn it on below, then sign in
          again.
        </p>
      )}
      <AsyncContent state={mfa} loadingLabel="Loading your two-factor settings…">
        {/* One card for the state the account is in: turning on what is on, or off what is off, can only fail. */}
        {(data) =>
          data.status === 'on' && !session.mfaSetupRequired ? (
            <section className="card narrow" aria-labelledby="mfa-off-title">
              <h2 id="mfa-off-title" className="card-title">
                Two-factor authentication is on
              </h2>
              <MfaDisable onDone={() => setRound((r) => r + 1)} />
            </section>
          ) : (
            <section className="card narrow" aria-labelledby="mfa-on-title">
              <h2 id="mfa-on-title" className="card-title">
                Two-factor authentication
              </h2>
              <MfaEnrolment key={round} onDone={() => setRound((r) => r + 1)} />
            </section>
          )
        }
      </AsyncContent>
    </>
  );
}

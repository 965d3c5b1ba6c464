import type { MailMessage } from '../../mail/mailer.js';

/** What a mail's links need: where people reach this server. */
type LinkBase = { readonly publicUrl: string };
import { TOKEN_TTL_SECONDS } from './user-tokens.js';

const link = (mailer: LinkBase, page: string, token: string) =>
  `${mailer.publicUrl}/${page}?token=${encodeURIComponent(token)}`;

const days = (seconds: number) => Math.round(seconds / 86400);

/** The mail that carries an invitation link to a new user of `tenantName`. */
export function invitationMail(
  mailer: LinkBase,
  to: string,
  token: string,
  tenant: { id: string; name: string },
): MailMessage {
  return {
    to,
    kind: 'invitation',
    tenantId: tenant.id,
    subject: `You are invited to ${tenant.name}`,
    text: [
      `You have been invited to ${tenant.name} on Tenantbase.`,
      '',
      `Choose your password here (the link works once, for ${days(TOKEN_TTL_SECONDS.invitation)} days):`,
      link(mailer, 'accept-invite', token),
      '',
      'If you did not expect this, ignore this mail.',
    ].join('\n'),
  };
}

/** The mail with a password reset link; `tenantId` null for a platform administrator. */
export function passwordResetMail(
  mailer: LinkBase,
  to: string,
  token: string,
  tenantId: string | null,
): MailMessage {
  return {
    to,
    kind: 'password_reset',
    tenantId,
    subject: 'Reset your Tenantbase password',
    text: [
      'Someone asked to reset the password of this account.',
      '',
      'Choose a new password here (the link works once, for one hour):',
      link(mailer, 'reset-password', token),
      '',
      'If it was not you, ignore this mail: your password stays as it is.',
    ].join('\n'),
  };
}

/** The mail that asks a new user to confirm their address. */
export function verificationMail(mailer: LinkBase, to: string, token: string, tenantId: string): MailMessage {
  return {
    to,
    kind: 'email_verification',
    tenantId,
    subject: 'Confirm your email address',
    text: [
      'Confirm that this address is yours:',
      link(mailer, 'verify-email', token),
      '',
      `The link works once, for ${days(TOKEN_TTL_SECONDS.email_verification)} days.`,
    ].join('\n'),
  };
}

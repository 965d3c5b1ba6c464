import { safeBrand } from '../../mail/mail-brand.js';
import type { MailMessage } from '../../mail/mailer.js';

/** The mail whose link proves the address and starts provisioning the signed-up tenant. */
export function signupVerificationMail(
  base: { readonly publicUrl: string },
  signup: { email: string; tenantId: string; companyName: string },
  token: string,
): MailMessage {
  return {
    to: signup.email,
    kind: 'signup_verification',
    // The tenant does not exist yet: the mail is the platform's own.
    tenantId: null,
    brand: safeBrand({ name: signup.companyName }),
    subject: `Confirm your email to create ${signup.companyName} on Tenantbase`,
    text: [
      `Someone signed up for a Tenantbase workspace "${signup.tenantId}" (${signup.companyName}) with this address.`,
      '',
      'Confirm your address to create it (the link works for 48 hours):',
      `${base.publicUrl}/signup/verify?token=${encodeURIComponent(token)}`,
      '',
      'If it was not you, ignore this mail: nothing is created and the request expires.',
    ].join('\n'),
  };
}

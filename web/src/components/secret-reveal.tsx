import { useState } from 'react';

/** A secret shown once, with a copy button and the warning that it will not be shown again. */
export function SecretReveal({ label, secret }: { label: string; secret: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <div className="notice notice-warn secret-reveal" role="status">
      <p className="notice-title">Copy the {label} now</p>
      <p>It is shown only this once; Tenantbase keeps only a hash of it.</p>
      <div className="secret-row">
        <code className="secret" aria-label={label}>
          {secret}
        </code>
        <button
          type="button"
          className="button button-secondary button-small"
          onClick={() => {
            void navigator.clipboard?.writeText(secret).then(() => setCopied(true));
          }}
        >
          {copied ? 'Copied' : 'Copy'}
        </button>
      </div>
    </div>
  );
}

import { type FormEvent, useState } from 'react';
import { api } from '../../api/api-client';
import { fieldErrors } from '../../api/api-error';
import { FormErrors } from '../../components/form-errors';
import { TextAreaField } from '../../components/text-area-field';
import { TextField } from '../../components/text-field';
import { useSubmit } from '../../hooks/use-submit';

export interface OidcSettings {
  issuer?: string;
  jwks_url?: string;
  audience?: string;
  tenant_claim?: string;
  role_mapping?: Record<string, string>;
}

const FIELDS = ['issuer', 'jwks_url', 'audience', 'tenant_claim', 'role_mapping'] as const;

function mappingText(mapping: Record<string, string> | undefined): string {
  return Object.entries(mapping ?? {})
    .map(([external, role]) => `${external} = ${role}`)
    .join('\n');
}

function parseMapping(text: string): Record<string, string> {
  const mapping: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const [external, role] = line.split('=').map((part) => part.trim());
    if (external && role) mapping[external] = role;
  }
  return mapping;
}

/** SPEC §4's external identity provider: issuer, keys, audience, the tenant claim and role mapping. */
export function OidcForm({ tenantId, initial, onSaved }: { tenantId: string; initial: OidcSettings; onSaved: () => void }) {
  const [values, setValues] = useState({
    issuer: initial.issuer ?? '',
    jwks_url: initial.jwks_url ?? '',
    audience: initial.audience ?? '',
    tenant_claim: initial.tenant_claim ?? '',
    role_mapping: mappingText(initial.role_mapping),
  });
  const save = useSubmit(async () => {
    const body = {
      issuer: values.issuer.trim(),
      jwks_url: values.jwks_url.trim(),
      audience: values.audience.trim(),
      ...(values.tenant_claim.trim() ? { tenant_claim: values.tenant_claim.trim() } : {}),
      role_mapping: parseMapping(values.role_mapping),
    };
    await api(`/tenants/${encodeURIComponent(tenantId)}/oidc`, { method: 'PUT', body });
    onSaved();
  });
  const set = (key: keyof typeof values) => (event: { target: { value: string } }) => setValues({ ...values, [key]: event.target.value });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void save.submit();
  };
  return (
    <form onSubmit={submit} className="stack card" noValidate>
      <FormErrors error={save.error} fields={FIELDS} />
      <TextField label="Issuer" type="url" value={values.issuer} onChange={set('issuer')} placeholder="https://login.example.com/" required errors={fieldErrors(save.error, 'issuer')} />
      <TextField label="JWKS URL" type="url" value={values.jwks_url} onChange={set('jwks_url')} placeholder="https://login.example.com/.well-known/jwks.json" required errors={fieldErrors(save.error, 'jwks_url')} />
      <TextField label="Audience" value={values.audience} onChange={set('audience')} hint="The aud claim the provider puts in tokens for Tenantbase." required errors={fieldErrors(save.error, 'audience')} />
      <TextField label="Tenant claim (optional)" value={values.tenant_claim} onChange={set('tenant_claim')} hint="A claim that must name this workspace, if your provider serves several." errors={fieldErrors(save.error, 'tenant_claim')} />
      <TextAreaField
        label="Role mapping"
        value={values.role_mapping}
        onChange={set('role_mapping')}
        rows={4}
        className="code"
        hint="One per line: provider role = Tenantbase role, e.g. engineering = member."
        errors={fieldErrors(save.error, 'role_mapping')}
      />
      <div className="form-actions">
        <button type="submit" className="button" disabled={save.pending}>
          {save.pending ? 'Saving…' : 'Save identity provider'}
        </button>
      </div>
    </form>
  );
}

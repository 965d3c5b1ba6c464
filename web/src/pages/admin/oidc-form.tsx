import { useState } from 'react';
import { api } from '../../api/api-client';
import { fieldErrors } from '../../api/api-error';
import { FormErrors } from '../../components/form-errors';
import { TextAreaField } from '../../components/text-area-field';
import { TextField } from '../../components/text-field';
import { submitForm, useSubmit } from '../../hooks/use-submit';
import { FormActions } from '../../components/form-actions';

export interface OidcSettings {
  issuer?: string;
  jwks_url?: string;
  audience?: string;
  tenant_claim?: string | null;
  tenant_claim_value?: string | null;
  roles_claim?: string | null;
  role_mapping?: Record<string, string>;
  default_role?: string | null;
  enabled?: boolean;
}

const TEXT_FIELDS = [
  'issuer',
  'jwks_url',
  'audience',
  'tenant_claim',
  'tenant_claim_value',
  'roles_claim',
  'default_role',
] as const;
const FIELDS = [...TEXT_FIELDS, 'role_mapping', 'enabled'] as const;

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

/** SPEC §4's external identity provider: issuer, keys, audience, tenant claim and role mapping. */
export function OidcForm({
  tenantId,
  initial,
  onSaved,
}: {
  tenantId: string;
  initial: OidcSettings;
  onSaved: () => void;
}) {
  const [text, setText] = useState<Record<(typeof TEXT_FIELDS)[number], string>>(() => ({
    issuer: initial.issuer ?? '',
    jwks_url: initial.jwks_url ?? '',
    audience: initial.audience ?? '',
    tenant_claim: initial.tenant_claim ?? '',
    tenant_claim_value: initial.tenant_claim ? (initial.tenant_claim_value ?? '') : '',
    roles_claim: initial.roles_claim ?? '',
    default_role: initial.default_role ?? '',
  }));
  const [mapping, setMapping] = useState(mappingText(initial.role_mapping));
  const [enabled, setEnabled] = useState(initial.enabled ?? true);
  const save = useSubmit(async () => {
    const body: Record<string, unknown> = { enabled, role_mapping: parseMapping(mapping) };
    for (const key of TEXT_FIELDS) if (text[key].trim()) body[key] = text[key].trim();
    await api(`/tenants/${encodeURIComponent(tenantId)}/oidc`, { method: 'PUT', body, tenant: null });
    onSaved();
  });
  const field = (key: (typeof TEXT_FIELDS)[number], label: string, hint?: string, required = false) => (
    <TextField
      label={label}
      value={text[key]}
      onChange={(event) => setText((t) => ({ ...t, [key]: event.target.value }))}
      hint={hint}
      required={required}
      spellCheck={false}
      errors={fieldErrors(save.error, key)}
    />
  );
  return (
    <form onSubmit={submitForm(save)} className="stack card narrow" noValidate>
      <FormErrors error={save.error} fields={FIELDS} />
      {field('issuer', 'Issuer', 'Exactly the iss of the tokens, https://…', true)}
      {field('jwks_url', 'JWKS URL', 'Where the provider publishes its signing keys.', true)}
      {field('audience', 'Audience', 'The aud the provider puts in tokens meant for Tenantbase.', true)}
      <div className="form-grid">
        {field('tenant_claim', 'Tenant claim (optional)', 'A claim that must name this workspace.')}
        {field('tenant_claim_value', 'Its value (optional)', `Defaults to ${tenantId}.`)}
        {field('roles_claim', 'Roles claim (optional)', 'Defaults to roles, else groups.')}
        {field('default_role', 'Default role (optional)', 'For people no mapping matches.')}
      </div>
      <TextAreaField
        label="Role mapping"
        value={mapping}
        onChange={(event) => setMapping(event.target.value)}
        rows={4}
        className="code"
        hint="One per line: provider role = Tenantbase role, e.g. engineering = member."
        errors={fieldErrors(save.error, 'role_mapping')}
      />
      <label className="checkbox">
        <input type="checkbox" checked={enabled} onChange={(event) => setEnabled(event.target.checked)} />
        Accept tokens from this provider
      </label>
      <FormActions label="Save identity provider" pendingLabel="Saving…" pending={save.pending} />
    </form>
  );
}

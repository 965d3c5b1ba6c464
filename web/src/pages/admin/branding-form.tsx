import { announceBrandingChanged } from '../../hooks/branding-changed';
import { useState } from 'react';
import { api } from '../../api/api-client';
import { fieldErrors } from '../../api/api-error';
import type { Branding } from '../../api/types';
import { contrastRatio, DEFAULT_BRAND, readableTextOn } from '../../components/contrast';
import { FormErrors } from '../../components/form-errors';
import { TextField } from '../../components/text-field';
import { submitForm, useSubmit } from '../../hooks/use-submit';
import { BrandingPreview } from './branding-preview';
import { FormActions } from '../../components/form-actions';

const FIELDS = ['company_name', 'primary_color', 'logo_url'] as const;

/** Seed 001's branding: company name, primary colour and logo, previewed live and checked for contrast. */
export function BrandingForm({
  tenantId,
  initial,
  onSaved,
}: {
  tenantId: string;
  initial: Partial<Branding>;
  onSaved: () => void;
}) {
  const [values, setValues] = useState({
    company_name: initial.company_name ?? '',
    primary_color: initial.primary_color ?? DEFAULT_BRAND,
    logo_url: initial.logo_url ?? '',
  });
  const save = useSubmit(async () => {
    const body = {
      ...(values.company_name.trim() ? { company_name: values.company_name.trim() } : {}),
      primary_color: values.primary_color.trim() || null,
      logo_url: values.logo_url.trim() || null,
    };
    await api(`/tenants/${encodeURIComponent(tenantId)}/branding`, { method: 'PATCH', body });
    announceBrandingChanged();
    onSaved();
  });
  const ratio = contrastRatio(values.primary_color, readableTextOn(values.primary_color));
  return (
    <div className="split">
      <form onSubmit={submitForm(save)} className="stack card" noValidate>
        <FormErrors error={save.error} fields={FIELDS} />
        <TextField
          label="Company name"
          value={values.company_name}
          onChange={(event) => setValues({ ...values, company_name: event.target.value })}
          errors={fieldErrors(save.error, 'company_name')}
        />
        <div className="color-row">
          <TextField
            label="Primary colour"
            value={values.primary_color}
            onChange={(event) => setValues({ ...values, primary_color: event.target.value })}
            hint={
              ratio !== null && ratio < 4.5
                ? `Text on this colour has a contrast of ${ratio.toFixed(1)}:1; 4.5:1 is needed to read it easily.`
                : 'Six-digit hex, such as #2451b3; empty for the default.'
            }
            errors={fieldErrors(save.error, 'primary_color')}
          />
          <input
            type="color"
            aria-label="Pick the primary colour"
            value={/^#[0-9a-f]{6}$/i.test(values.primary_color) ? values.primary_color : DEFAULT_BRAND}
            onChange={(event) => setValues({ ...values, primary_color: event.target.value })}
          />
        </div>
        <TextField
          label="Logo URL"
          type="url"
          value={values.logo_url}
          onChange={(event) => setValues({ ...values, logo_url: event.target.value })}
          placeholder="https://"
          hint="An https:// address of a square image; it is shown at 48 × 48 pixels."
          errors={fieldErrors(save.error, 'logo_url')}
        />
        <FormActions label="Save branding" pendingLabel="Saving…" pending={save.pending} />
      </form>
      <BrandingPreview branding={values} />
    </div>
  );
}

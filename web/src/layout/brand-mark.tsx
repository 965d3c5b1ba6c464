import { useState } from 'react';
import type { Branding } from '../api/types';

/** The tenant's logo, or its initial on the brand colour when there is none (or it fails to load). */
export function BrandMark({ branding, size = 32 }: { branding: Branding | null; size?: number }) {
  const [failed, setFailed] = useState(false);
  const name = branding?.company_name || 'Tenantbase';
  if (branding?.logo_url && !failed) {
    return (
      <img
        className="brand-logo"
        src={branding.logo_url}
        alt=""
        width={size}
        height={size}
        onError={() => setFailed(true)}
      />
    );
  }
  return (
    <span className="brand-initial" aria-hidden="true" style={{ width: size, height: size }}>
      {name.charAt(0).toUpperCase()}
    </span>
  );
}

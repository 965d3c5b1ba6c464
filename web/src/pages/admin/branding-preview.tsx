import type { CSSProperties } from 'react';
import type { Branding } from '../../api/types';
import { brandColor, readableTextOn } from '../../components/contrast';
import { BrandMark } from '../../layout/brand-mark';

/** The sign-in page as people will see it with these settings, updated as you type. */
export function BrandingPreview({ branding }: { branding: Branding }) {
  const brand = brandColor(branding.primary_color);
  const style = { '--brand': brand, '--brand-text': readableTextOn(brand) } as CSSProperties;
  return (
    <figure className="card branding-preview" style={style}>
      <figcaption className="card-title">Preview of your sign-in page</figcaption>
      <div className="preview-frame" aria-hidden="true">
        <div className="preview-brand">
          <BrandMark key={branding.logo_url ?? ''} branding={branding} size={40} />
          <span>{branding.company_name || 'Your company'}</span>
        </div>
        <div className="preview-form">
          <span className="preview-label">Email</span>
          <span className="preview-input" />
          <span className="preview-label">Password</span>
          <span className="preview-input" />
          <span className="button button-brand preview-button">Sign in</span>
        </div>
      </div>
    </figure>
  );
}

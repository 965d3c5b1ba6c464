import type { CSSProperties, ReactNode } from 'react';
import type { Branding } from '../../api/types';
import { brandColor, readableTextOn } from '../../components/contrast';
import { BrandMark } from '../../layout/brand-mark';

interface AuthLayoutProps {
  title: string;
  branding: Branding | null;
  children: ReactNode;
}

/** The public pages' frame: the workspace's brand (seed 001) beside one focused form. */
export function AuthLayout({ title, branding, children }: AuthLayoutProps) {
  const brand = brandColor(branding?.primary_color);
  const style = { '--brand': brand, '--brand-text': readableTextOn(brand) } as CSSProperties;
  const name = branding?.company_name || 'Tenantbase';
  return (
    <div className="auth-page" style={style}>
      <aside className="auth-brand" aria-label="Workspace">
        <BrandMark branding={branding} size={48} />
        <p className="auth-brand-name">{name}</p>
        <p className="auth-brand-tagline">
          {branding?.company_name ? 'Powered by Tenantbase' : 'One foundation for every tenant'}
        </p>
      </aside>
      <main className="auth-main" id="main">
        <div className="auth-card">
          <h1>{title}</h1>
          {children}
        </div>
      </main>
    </div>
  );
}

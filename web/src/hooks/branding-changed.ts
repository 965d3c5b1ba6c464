const EVENT = 'tenantbase:branding-changed';

/** Tells the header and every branded surface that a tenant's branding was saved: no reload needed. */
export function announceBrandingChanged(): void {
  window.dispatchEvent(new Event(EVENT));
}

export function onBrandingChanged(listener: () => void): () => void {
  window.addEventListener(EVENT, listener);
  return () => window.removeEventListener(EVENT, listener);
}

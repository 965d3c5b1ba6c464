const EVENT = 'tenantbase:tenants-changed';

/** Tells every list of tenants (the header selector) that one was created, changed or deleted. */
export function announceTenantsChanged(): void {
  window.dispatchEvent(new Event(EVENT));
}

export function onTenantsChanged(listener: () => void): () => void {
  window.addEventListener(EVENT, listener);
  return () => window.removeEventListener(EVENT, listener);
}

const compareKeys = (a: string, b: string): number =>
  Buffer.byteLength(a) - Buffer.byteLength(b) || Buffer.compare(Buffer.from(a), Buffer.from(b));

/**
 * `value` with its objects' keys in the order jsonb stores them (shorter first, then bytewise), so
 * an entry answered from what the create sent reads the same as when it is read back.
 */
export function inJsonbKeyOrder(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(inJsonbKeyOrder);
  if (value === null || typeof value !== 'object') return value;
  // fromEntries defines own properties: a `__proto__` key stays data, as JSON.parse made it.
  return Object.fromEntries(
    Object.keys(value)
      .sort(compareKeys)
      .map((key) => [key, inJsonbKeyOrder((value as Record<string, unknown>)[key])]),
  );
}

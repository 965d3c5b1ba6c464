/** Identifiers that reach SQL must match this before they are quoted: belt and braces. */
const SAFE_IDENTIFIER = /^[a-z_][a-z0-9_]{0,62}$/;

/** Validates and double-quotes an identifier; throws rather than quote anything unexpected. */
export function quoteIdent(name: string): string {
  if (!SAFE_IDENTIFIER.test(name)) throw new Error(`unsafe SQL identifier: ${JSON.stringify(name)}`);
  return `"${name}"`;
}

/** Quotes a string literal for the few statements (CREATE ROLE ... PASSWORD) that cannot take parameters. */
export function quoteLiteral(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/** Storage schemas whose statement text is kept at once; a fleet of schema tenants has one each. */
const LIMIT = 1024;

/**
 * Statement text written once per storage schema, for hot paths (every create, every audit
 * entry): building and compiling the statement through the query builder on each call costs
 * more than the rest of such a write's work in Node. `build` must quote the schema it is given.
 */
export function textPerSchema<T>(build: (schema: string) => T): (schema: string) => T {
  const texts = new Map<string, T>();
  return (schema) => {
    let text = texts.get(schema);
    if (text === undefined) {
      if (texts.size >= LIMIT) texts.clear();
      text = build(schema);
      texts.set(schema, text);
    }
    return text;
  };
}

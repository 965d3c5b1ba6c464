import { isDeepStrictEqual } from 'node:util';

type Schema = Record<string, unknown>;

const REF_KEYWORDS = new Set(['$ref', '$dynamicRef', '$recursiveRef']);

/** Every reference value in `node`, at any depth. */
function refs(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) for (const child of node) refs(child, out);
  else if (node !== null && typeof node === 'object')
    for (const [key, value] of Object.entries(node)) {
      if (REF_KEYWORDS.has(key) && typeof value === 'string') out.push(value);
      refs(value, out);
    }
  return out;
}

/**
 * The root properties `after` adds to `before` when that is all the change does, else undefined.
 * Such a change cannot make an entry fail unless the entry already holds one of those keys at
 * its top level: every other keyword is the same, `required` included, and the root schema
 * applies to the entry's top level only, which is why a reference that could apply it (or an
 * added property) anywhere else — `#`, an anchor, `#/properties/<added>…` — makes the answer
 * undefined. An entry without the keys meets `properties`, `additionalProperties` and
 * `unevaluatedProperties` exactly as before. So only the entries holding them need validating.
 */
export function addedProperties(before: Schema, after: Schema): string[] | undefined {
  const { properties: beforeProps = {}, ...beforeRest } = before;
  const { properties: afterProps = {}, ...afterRest } = after;
  if (!isDeepStrictEqual(beforeRest, afterRest)) return undefined;
  if (!isPlainObject(beforeProps) || !isPlainObject(afterProps)) return undefined;
  for (const [name, property] of Object.entries(beforeProps))
    if (!Object.hasOwn(afterProps, name) || !isDeepStrictEqual(property, afterProps[name])) return undefined;
  const added = Object.keys(afterProps).filter((name) => !Object.hasOwn(beforeProps, name));
  if (added.length === 0) return undefined;
  const addedPointers = added.map((name) => `#/properties/${name.replace(/~/g, '~0').replace(/\//g, '~1')}`);
  for (const ref of refs(after)) {
    if (!ref.startsWith('#/') || ref === '#/') return undefined;
    const decoded = safeDecode(ref);
    if (
      decoded === undefined ||
      // At an added property, inside one, or at a schema holding one (`#/properties` read as a schema).
      addedPointers.some((p) =>
        [ref, decoded].some((r) => r === p || r.startsWith(`${p}/`) || p.startsWith(`${r}/`)),
      )
    )
      return undefined;
  }
  return added;
}

function isPlainObject(value: unknown): value is Schema {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function safeDecode(ref: string): string | undefined {
  try {
    return decodeURIComponent(ref);
  } catch {
    return undefined;
  }
}

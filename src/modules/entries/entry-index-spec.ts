import { propertyTypes, searchableFields, sortsAsNumber } from './entry-list-terms.js';

/** The names `filter[<field>]` and `sort=data.<field>` accept (entries.schema.ts). */
export const LISTABLE_FIELD = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;

/** What of a type's entries the side tables hold: one `entry_fields` row per field, words of `searchable`. */
export interface EntryIndexSpec {
  /** Top-level fields a list may filter or sort on, each sorted as a number or as text. */
  fields: Array<{ name: string; numeric: boolean }>;
  /** The string fields `q` searches. */
  searchable: string[];
}

/**
 * Derived from the type's schema exactly as the list reads it (entry-list-terms.ts): a field the
 * list accepts always has its rows. The migration's backfill (entry-index-sql.ts) derives the
 * same from SQL; test/entries/entry-index.test.ts holds the two to each other.
 */
export function entryIndexSpec(schema: Record<string, unknown>): EntryIndexSpec {
  const properties = (schema.properties ?? {}) as Record<string, unknown>;
  const fields: EntryIndexSpec['fields'] = [];
  for (const [name, property] of Object.entries(properties)) {
    if (!LISTABLE_FIELD.test(name)) continue;
    const types =
      typeof property === 'object' && property !== null
        ? propertyTypes(property as Record<string, unknown>)
        : [];
    if (types.includes('object') || types.includes('array')) continue;
    fields.push({ name, numeric: sortsAsNumber(types) });
  }
  return { fields, searchable: searchableFields(schema) };
}

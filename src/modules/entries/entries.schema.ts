import { type Static, Type } from '@sinclair/typebox';
import { TYPE_KEY_PATTERN } from './entries.tables.js';

const FEATURE_KEY = Type.String({ pattern: '^[a-z][a-z0-9_]{0,62}$' });

/**
 * A JSON Schema (draft 2020-12) for an entry's `data`: an object schema; its contents are checked
 * against the meta-schema by the use case, which can say where it is wrong.
 */
export const EntrySchema = Type.Object(
  { type: Type.Literal('object') },
  {
    additionalProperties: true,
    description:
      'JSON Schema (draft 2020-12) of the entries\' data; `x-entry-ref: "<type>"` marks a reference',
  },
);

export const EntryType = Type.Object({
  id: Type.String({ description: 'The key again, as every listed row carries an id' }),
  key: Type.String(),
  name: Type.String(),
  schema: Type.Record(Type.String(), Type.Unknown()),
  feature: Type.Union([Type.String(), Type.Null()]),
  entry_count: Type.Optional(Type.Integer()),
  created_at: Type.String({ format: 'date-time' }),
  updated_at: Type.String({ format: 'date-time' }),
});
export type EntryType = Static<typeof EntryType>;

export const CreateEntryTypeBody = Type.Object(
  {
    key: Type.String({ pattern: TYPE_KEY_PATTERN, maxLength: 63 }),
    name: Type.String({ minLength: 1, maxLength: 200 }),
    schema: EntrySchema,
    feature: Type.Optional(Type.Union([FEATURE_KEY, Type.Null()])),
  },
  {
    additionalProperties: false,
    examples: [
      {
        key: 'vehicles',
        name: 'Vehicles',
        schema: {
          type: 'object',
          required: ['plate'],
          properties: { plate: { type: 'string' }, status: { enum: ['in_service', 'retired'] } },
        },
      },
    ],
  },
);
export type CreateEntryTypeBody = Static<typeof CreateEntryTypeBody>;

export const UpdateEntryTypeBody = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    schema: Type.Optional(EntrySchema),
    feature: Type.Optional(Type.Union([FEATURE_KEY, Type.Null()])),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateEntryTypeBody = Static<typeof UpdateEntryTypeBody>;

export const TypeKeyParams = Type.Object({ key: Type.String({ maxLength: 200 }) });
export const TypeParams = Type.Object({ type: Type.String({ maxLength: 200 }) });
export const EntryParams = Type.Object({
  type: Type.String({ maxLength: 200 }),
  id: Type.String({ maxLength: 64 }),
});

export const Entry = Type.Object({
  id: Type.String({ format: 'uuid' }),
  type: Type.String(),
  data: Type.Record(Type.String(), Type.Unknown()),
  created_by: Type.Union([Type.String(), Type.Null()]),
  created_at: Type.String({ format: 'date-time' }),
  updated_at: Type.String({ format: 'date-time' }),
});
export type Entry = Static<typeof Entry>;

const EntryData = Type.Record(Type.String(), Type.Unknown(), {
  description: "The entry's fields, validated against its type's schema",
});

export const CreateEntryBody = Type.Object(
  { data: EntryData },
  { additionalProperties: false, examples: [{ data: { name: 'Ada Lovelace', email: 'ada@example.com' } }] },
);
export type CreateEntryBody = Static<typeof CreateEntryBody>;

export const UpdateEntryBody = Type.Object(
  {
    data: Type.Record(Type.String(), Type.Unknown(), {
      description: 'A JSON merge patch (RFC 7396) of the data: null removes a field',
    }),
  },
  { additionalProperties: false },
);
export type UpdateEntryBody = Static<typeof UpdateEntryBody>;

export const ENTRY_SORT_PATTERN = '^-?(created_at|updated_at|data\\.[A-Za-z_][A-Za-z0-9_]{0,62})$';

/** Lists of entries: the shared pagination plus `filter[<field>]`, `q` and sorts on data fields. */
export const EntryListQuery = Type.Object(
  {
    page: Type.Optional(Type.Integer({ minimum: 1, maximum: 1_000_000 })),
    per_page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
    cursor: Type.Optional(Type.String({ maxLength: 1024 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
    q: Type.Optional(
      Type.String({
        maxLength: 200,
        description:
          'Up to 10 words; an entry matches when each begins a word of one of its string fields (case-insensitive)',
      }),
    ),
    created_from: Type.Optional(Type.String({ format: 'date-time' })),
    created_to: Type.Optional(Type.String({ format: 'date-time' })),
    sort: Type.Optional(Type.String({ pattern: ENTRY_SORT_PATTERN, maxLength: 80 })),
    tenant_id: Type.Optional(Type.String()),
  },
  {
    additionalProperties: false,
    patternProperties: { '^filter\\[[A-Za-z_][A-Za-z0-9_]{0,62}\\]$': Type.String({ maxLength: 500 }) },
  },
);
/** The static type lists the named parameters; `filter[<field>]` keys arrive beside them. */
export type EntryListQuery = Static<typeof EntryListQuery>;

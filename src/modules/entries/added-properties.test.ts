import { describe, expect, it } from 'vitest';
import { addedProperties } from './added-properties.js';
import { compileUncached } from './entry-schema-compiler.js';

const base = {
  type: 'object',
  required: ['name'],
  additionalProperties: false,
  properties: { name: { type: 'string' }, size: { type: 'integer' } },
};
const plus = (schema: Record<string, unknown>, properties: Record<string, unknown>) => ({
  ...schema,
  properties: { ...(schema.properties as object), ...properties },
});

describe('addedProperties', () => {
  it('names the root properties a change only adds, whatever the key order', () => {
    expect(addedProperties(base, plus(base, { note: { type: 'string' }, w: { type: 'number' } }))).toEqual([
      'note',
      'w',
    ]);
    const reordered = { properties: { size: base.properties.size, name: base.properties.name, note: {} } };
    expect(
      addedProperties(base, {
        ...reordered,
        additionalProperties: false,
        required: ['name'],
        type: 'object',
      }),
    ).toEqual(['note']);
    expect(addedProperties({ type: 'object' }, { type: 'object', properties: { a: {} } })).toEqual(['a']);
  });

  it('answers undefined for any other change: a keyword, a changed or removed property, a new required', () => {
    expect(addedProperties(base, base)).toBeUndefined();
    expect(
      addedProperties(base, { ...plus(base, { note: {} }), required: ['name', 'note'] }),
    ).toBeUndefined();
    expect(addedProperties(base, { ...plus(base, { note: {} }), minProperties: 1 })).toBeUndefined();
    expect(addedProperties(base, plus(base, { size: { type: 'number' }, note: {} }))).toBeUndefined();
    const { size: _size, ...rest } = base.properties;
    expect(addedProperties(base, { ...base, properties: { ...rest, note: {} } })).toBeUndefined();
  });

  it('answers undefined when a reference could apply the root or an added property elsewhere', () => {
    const nested = plus(base, { child: { $ref: '#' } });
    expect(addedProperties(nested, plus(nested, { note: { type: 'string' } }))).toBeUndefined();
    const anchored = { ...base, $anchor: 'root', properties: { ...base.properties, kid: { $ref: '#root' } } };
    expect(addedProperties(anchored, plus(anchored, { note: {} }))).toBeUndefined();
    expect(
      addedProperties(base, plus(base, { note: { items: { $ref: '#/properties/note' } } })),
    ).toBeUndefined();
    const defs = {
      ...base,
      $defs: { id: { type: 'string' } },
      properties: { ...base.properties, a: { $ref: '#/$defs/id' } },
    };
    expect(addedProperties(defs, plus(defs, { note: { $ref: '#/$defs/id' } }))).toEqual(['note']);
    // `#/properties` read as a schema would make each property name a keyword of it.
    const whole = plus(base, { copy: { $ref: '#/properties' } });
    expect(addedProperties(whole, plus(whole, { note: {} }))).toBeUndefined();
  });

  // The claim the skip rests on, checked on the validator itself: an entry valid before and without
  // the added keys stays valid, whatever the root's other keywords say about properties.
  it('holds against ajv for entries without the added keys', () => {
    const schemas = [
      base,
      { type: 'object', unevaluatedProperties: false, properties: { name: { type: 'string' } } },
      { type: 'object', patternProperties: { '^x_': { type: 'integer' } }, additionalProperties: false },
      { type: 'object', dependentRequired: { note: ['name'] }, properties: { name: { type: 'string' } } },
    ];
    const entries = [{ name: 'a' }, { name: 'a', size: 2 }, { x_1: 3 }, {}];
    for (const before of schemas) {
      const after = plus(before, { note: { type: 'string', minLength: 5 }, y: { type: 'string' } });
      expect(addedProperties(before, after)).toEqual(['note', 'y']);
      const [valid, nowValid] = [compileUncached(before), compileUncached(after)];
      for (const entry of entries)
        if (valid(entry)) expect(nowValid(entry), JSON.stringify(entry)).toBe(true);
    }
  });
});

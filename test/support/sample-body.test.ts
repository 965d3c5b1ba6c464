import { Type } from '@sinclair/typebox';
import { describe, expect, it } from 'vitest';
import { sampleValue, UnsampleableSchemaError } from './sample-body.js';

const sample = (schema: object) => sampleValue(schema as Record<string, unknown>, 'marker');

describe('sampleValue', () => {
  it('fills required fields only, literals and enums with their first value', () => {
    const schema = Type.Object({
      name: Type.String({ minLength: 1 }),
      status: Type.Union([Type.Literal('active'), Type.Literal('paused')]),
      email: Type.String({ format: 'email' }),
      url: Type.Optional(Type.Union([Type.String({ format: 'uri' }), Type.Null()])),
    });
    expect(sample(schema)).toEqual({ name: 'marker', status: 'active', email: 'marker@example.test' });
  });

  it('gives an update body with no required field the one field it must carry', () => {
    const schema = Type.Object(
      { name: Type.Optional(Type.String()), status: Type.Optional(Type.Literal('active')) },
      { minProperties: 1 },
    );
    expect(sample(schema)).toEqual({ name: 'marker' });
  });

  it('fails loudly on a field it cannot invent, so the matrix never skips a route', () => {
    const schema = Type.Object({ code: Type.String({ pattern: '^[0-9]{6}$' }) });
    expect(() => sample(schema)).toThrow(UnsampleableSchemaError);
  });
});

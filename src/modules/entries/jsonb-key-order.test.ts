import { describe, expect, it } from 'vitest';
import { inJsonbKeyOrder } from './jsonb-key-order.js';

describe('inJsonbKeyOrder', () => {
  it('orders keys as jsonb does (byte length, then bytes), at every depth, and keeps arrays in order', () => {
    const value = { status: 'a', id: 1, é: { zz: 1, b: 2, aa: 3 }, list: [{ bb: 1, a: 2 }], e: null };
    expect(JSON.stringify(inJsonbKeyOrder(value))).toBe(
      '{"e":null,"id":1,"é":{"b":2,"aa":3,"zz":1},"list":[{"a":2,"bb":1}],"status":"a"}',
    );
  });

  it('keeps a __proto__ key as data', () => {
    const value = JSON.parse('{"__proto__": {"polluted": true}, "a": 1}');
    const ordered = inJsonbKeyOrder(value) as Record<string, unknown>;
    expect(Object.keys(ordered)).toEqual(['a', '__proto__']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

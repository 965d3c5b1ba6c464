import { expect, it } from 'vitest';
import { isConnectionFault } from './connection-faults.js';

const withCode = (code: string, message = 'x') => Object.assign(new Error(message), { code });

it('knows the ways PostgreSQL and pg report a lost or unobtainable connection', () => {
  for (const code of ['57P01', '57P05', '25P03', '57014', '08006', '53300', 'ECONNRESET', 'ECONNREFUSED'])
    expect(isConnectionFault(withCode(code)), code).toBe(true);
  for (const message of [
    'Connection terminated unexpectedly',
    'Connection terminated due to connection timeout',
    'timeout exceeded when trying to connect',
    'Client has encountered a connection error and is not queryable',
  ])
    expect(isConnectionFault(new Error(message)), message).toBe(true);
  expect(isConnectionFault(new Error('wrapped', { cause: withCode('57P01') }))).toBe(true);
});

it('leaves statement errors alone: they are the caller’s or ours, not the connection’s', () => {
  for (const code of ['23505', '22P02', '42P01', '40001'])
    expect(isConnectionFault(withCode(code)), code).toBe(false);
  expect(isConnectionFault(new Error('boom'))).toBe(false);
  expect(isConnectionFault('Connection terminated')).toBe(false);
  expect(isConnectionFault(undefined)).toBe(false);
});

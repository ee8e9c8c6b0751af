import { describe, expect, it } from 'vitest';
import { asDatabaseUnavailable, isConnectionFailure } from '../../../api/db/unavailable';
import { DatabaseUnavailableError } from '../../../api/domain/errors';
import { httpStatusOf } from '../../../api/http/error-status';

const withCode = (message: string, code: string) => Object.assign(new Error(message), { code });

describe('telling a lost database from a failed statement', () => {
  it.each([
    ['the server shutting down (57P01)', withCode('terminating connection', '57P01')],
    ['the server starting up (57P03)', withCode('the database system is starting up', '57P03')],
    ['a connection exception (class 08)', withCode('connection failure', '08006')],
    ['a refused socket', withCode('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED')],
    ['a reset socket', withCode('read ECONNRESET', 'ECONNRESET')],
    ['node-postgres losing the connection', new Error('Connection terminated unexpectedly')],
    ['the pool timing out', new Error('timeout exceeded when trying to connect')],
    [
      'a broken client reused',
      new Error('Client has encountered a connection error and is not queryable'),
    ],
    ['a wrapped cause', new Error('Failed query', { cause: withCode('x', '57P01') })],
  ])('%s is the database being away', (_, error) => {
    expect(isConnectionFailure(error)).toBe(true);
    expect(asDatabaseUnavailable(error)).toBeInstanceOf(DatabaseUnavailableError);
  });

  it.each([
    ['a unique violation', withCode('duplicate key', '23505')],
    ['a syntax error', withCode('syntax error', '42601')],
    [
      'an invalid byte sequence',
      withCode('invalid byte sequence for encoding "UTF8": 0x00', '22021'),
    ],
    ['a plain bug', new TypeError('x is undefined')],
    ['not an error at all', 'a string'],
  ])('%s is not', (_, error) => {
    expect(isConnectionFailure(error)).toBe(false);
    expect(asDatabaseUnavailable(error)).toBe(error);
  });

  it('answers 503 with a code and a wait the client can act on', () => {
    const error = new DatabaseUnavailableError();
    expect(httpStatusOf(error.code)).toBe(503);
    expect(error.code).toBe('database_unavailable');
    expect(error.retryAfterSeconds).toBeGreaterThan(0);
  });
});

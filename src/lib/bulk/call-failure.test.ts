import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/api-error.ts';
import { classifyFailure, namedUsers } from './call-failure.ts';

const error = (status: number, code: string | null, description: string) =>
  new ApiError('adding thread members', status, code, description);

describe('classifyFailure', () => {
  it.each([
    [error(429, 'reach_limit', 'This request has reached api limit'), 'rate-limited'],
    [error(503, null, 'Service Unavailable'), 'transient'],
    [error(502, 'bad_gateway', 'Could not reach the Chat API.'), 'transient'],
    [error(0, null, 'The server did not answer in time.'), 'transient'],
    [error(200, null, 'The response was not understood.'), 'transient'],
    [error(403, 'forbidden_op', 'users [a] are not members of this group!'), 'refused'],
    [error(404, 'service_resource_not_found', 'Service resource not found'), 'refused'],
    [error(403, 'group_error', 'user join thread reach limit.'), 'refused'],
    [error(404, 'group_error', 'thread not found.'), 'fatal'],
    [error(404, 'group_error', 'user not in group. [a]'), 'refused'],
    [error(404, 'group_error', 'user not in group.'), 'refused'],
    [error(403, 'forbidden_op', 'users [a] are already members of this thread!'), 'already-members'],
    [
      { status: 403, code: 'forbidden_op', errorCode: 40004, description: 'join repeated' },
      'already-members',
    ],
    [error(403, 'group_error', 'thread not open.'), 'fatal'],
    [error(401, 'unauthorized', 'Unable to authenticate (OAuth)'), 'fatal'],
    [
      error(500, 'audit_write_failed', 'The change was sent to the Chat API, which answered 200, but…'),
      'fatal',
    ],
    [new TypeError('a bug'), 'fatal'],
  ])('%s → %s', (failure, kind) => {
    expect(classifyFailure(failure).kind).toBe(kind);
  });

  it('keeps the names a refusal gives', () => {
    expect(
      classifyFailure(error(403, 'forbidden_op', 'users [a, B-2] are not members of this group!')),
    ).toEqual({
      kind: 'refused',
      reason: 'users [a, B-2] are not members of this group!',
      named: ['a', 'B-2'],
    });
  });

  it('reads the users a 404 names as refused, not as a missing thread', () => {
    expect(classifyFailure(error(404, 'group_error', 'user not in group. [a, b]'))).toEqual({
      kind: 'refused',
      reason: 'user not in group. [a, b]',
      named: ['a', 'b'],
    });
  });
});

describe('namedUsers', () => {
  it('reads the list, or null when there is none', () => {
    expect(namedUsers('users [x.y_z] are not members of this group!')).toEqual(['x.y_z']);
    expect(namedUsers('users [] are not members of this group!')).toBeNull();
    expect(namedUsers('Service resource not found')).toBeNull();
  });
});

import { expect, it } from 'vitest';
import { addressFromFilter, apiFilter, filterFromAddress, filterProblems } from './activity-address.ts';

it('reads only the known, non-empty filters from the address', () => {
  expect(filterFromAddress(new URLSearchParams('thread=1&username=%20&actor=ann&sort=x'))).toEqual({
    thread: '1',
    actor: 'ann',
  });
  expect(addressFromFilter({ thread: '1', username: ' ' })).toEqual({ thread: '1' });
});

it('turns local times into instants, "to" including its whole minute', () => {
  const filter = apiFilter({ from: '2026-11-30T08:00', to: '2026-11-30T09:15' });
  expect(filter.from).toBe(new Date('2026-11-30T08:00').toISOString());
  expect(Date.parse(filter.to ?? '') - Date.parse(new Date('2026-11-30T09:15').toISOString())).toBe(59_999);
  // A value that is no time goes to the server, which names the filter it refuses.
  expect(apiFilter({ from: 'soon' }).from).toBe('soon');
});

it('names what the server would refuse, field by field, and a "From" after the "To"', () => {
  expect(filterProblems({ thread: '1800001', username: 'ann.lee', actor: 'ann@example.com' })).toEqual({});
  expect(filterProblems({ thread: '<script>', username: 'ann lee', actor: 'a\u0007', from: 'soon' })).toEqual(
    {
      thread: expect.stringContaining('thread ID') as unknown,
      username: expect.stringContaining('no spaces') as unknown,
      actor: expect.stringContaining('"Done by"') as unknown,
      from: expect.stringContaining('date and time') as unknown,
    },
  );
  expect(filterProblems({ from: '2026-11-30T09:16', to: '2026-11-30T09:15' })).toEqual({
    to: '"From" is after "To": nothing can match. Choose a "From" before the "To".',
  });
  // "To 09:15" reaches the end of that minute, so a "From" within it is no problem.
  expect(filterProblems({ from: '2026-11-30T09:15', to: '2026-11-30T09:15' })).toEqual({});
});

import { expect, it } from 'vitest';
import { addressFromFilter, apiFilter, filterFromAddress } from './activity-address.ts';

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

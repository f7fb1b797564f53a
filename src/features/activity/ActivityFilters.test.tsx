// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, expect, it } from 'vitest';
import type { AddressFilter } from './activity-address.ts';
import { ActivityFilters } from './ActivityFilters.tsx';

afterEach(cleanup);

function renderFilters() {
  const applied: AddressFilter[] = [];
  render(<ActivityFilters applied={{}} onApply={(filter) => applied.push(filter)} />);
  return applied;
}

const field = (name: string) => screen.getByLabelText(name);
const type = (name: string, value: string) => fireEvent.change(field(name), { target: { value } });
const apply = () => fireEvent.click(screen.getByRole('button', { name: 'Apply filters' }));

it('says what is wrong before asking, and asks once it is corrected', () => {
  const applied = renderFilters();
  type('Thread ID', 'abc def');
  type('Username', 'ann lee');
  apply();
  expect(applied).toEqual([]);
  expect(field('Thread ID').getAttribute('aria-invalid')).toBe('true');
  expect(screen.getByText('A username is 1 to 64 letters, digits, _, - or . (no spaces).')).toHaveProperty(
    'id',
    field('Username').getAttribute('aria-describedby'),
  );

  type('Thread ID', '1800001');
  expect(field('Thread ID').getAttribute('aria-invalid')).toBe('false');
  type('Username', 'ann.lee');
  apply();
  expect(applied).toEqual([{ thread: '1800001', username: 'ann.lee' }]);
});

it('says so when "From" is after "To", and clears it when either end changes', () => {
  const applied = renderFilters();
  type('From', '2026-11-30T10:00');
  type('To', '2026-11-30T09:00');
  apply();
  expect(applied).toEqual([]);
  expect(field('To').getAttribute('aria-invalid')).toBe('true');
  expect(screen.getByText(/"From" is after "To"/)).toBeTruthy();
  type('From', '2026-11-30T08:00');
  expect(field('To').getAttribute('aria-invalid')).toBe('false');
  apply();
  expect(applied).toEqual([{ from: '2026-11-30T08:00', to: '2026-11-30T09:00' }]);
});

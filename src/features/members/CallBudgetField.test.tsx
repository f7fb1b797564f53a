// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, expect, it } from 'vitest';
import { callBudget } from './call-budget.ts';
import { CallBudgetField } from './CallBudgetField.tsx';

afterEach(cleanup);

const field = () => screen.getByRole('textbox', { name: 'Calls per second for exports' });

it('keeps a budget that is not one, with its message, when the dialog closes and opens again', () => {
  const inUse = callBudget();
  const { unmount } = render(<CallBudgetField />);
  fireEvent.change(field(), { target: { value: '500' } });
  unmount();

  render(<CallBudgetField />);
  expect(field()).toHaveProperty('value', '500');
  expect(field().getAttribute('aria-invalid')).toBe('true');
  expect(field().getAttribute('aria-describedby')).toBeTruthy();
  expect(
    screen.getByText(`A whole number from 1 to 100. Until then exports keep to ${inUse} calls per second.`),
  ).toHaveProperty('id', field().getAttribute('aria-describedby'));
  expect(callBudget()).toBe(inUse);

  fireEvent.change(field(), { target: { value: '40' } });
  cleanup();
  render(<CallBudgetField />);
  expect(field()).toHaveProperty('value', '40');
  expect(field().getAttribute('aria-invalid')).toBe('false');
  expect(callBudget()).toBe(40);
});

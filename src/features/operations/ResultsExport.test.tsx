// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, expect, it } from 'vitest';
import { ResultsExport } from './ResultsExport.tsx';

const rows = [
  ['alice', 'added'],
  ['bad!name', 'invalid: only letters, digits, _ - and . are allowed'],
] as const;

afterEach(() => {
  cleanup();
  Reflect.deleteProperty(navigator, 'clipboard');
});

function grantClipboard(writeText: (text: string) => Promise<void>) {
  Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
}

it('copies the rows as tab-separated lines and says how many', async () => {
  const copied: string[] = [];
  grantClipboard((text) => {
    copied.push(text);
    return Promise.resolve();
  });
  render(<ResultsExport rows={rows} fileName={() => 'results.csv'} />);
  fireEvent.click(screen.getByRole('button', { name: 'Copy results' }));
  expect(await screen.findByRole('status', { name: 'Copy and download' })).toHaveProperty(
    'textContent',
    'Copied 2 rows',
  );
  expect(copied).toEqual(['alice\tadded\nbad!name\tinvalid: only letters, digits, _ - and . are allowed\n']);
});

it('says what to do when the browser refuses the clipboard', async () => {
  grantClipboard(() => Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError')));
  render(<ResultsExport rows={rows} fileName={() => 'results.csv'} />);
  fireEvent.click(screen.getByRole('button', { name: 'Copy results' }));
  expect((await screen.findByRole('alert')).textContent).toContain(
    'The browser did not allow copying to the clipboard. Use Download CSV instead',
  );
});

it('says the same when there is no clipboard at all, as outside a secure context', async () => {
  render(<ResultsExport rows={rows} fileName={() => 'results.csv'} />);
  fireEvent.click(screen.getByRole('button', { name: 'Copy results' }));
  expect((await screen.findByRole('alert')).textContent).toContain('did not allow copying');
});

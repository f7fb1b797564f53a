// @vitest-environment jsdom
import { expect, it } from 'vitest';
import { awaitExport, takeAwaitedExport } from './awaited-exports.ts';

it('hands out each awaited export once, and only those this tab started', () => {
  awaitExport('export-1');
  awaitExport('export-2');
  expect(takeAwaitedExport('export-3')).toBe(false);
  expect(takeAwaitedExport('export-1')).toBe(true);
  expect(takeAwaitedExport('export-1')).toBe(false);
  // Kept where a reload finds it.
  expect(sessionStorage.getItem('thread-members-admin.awaited-exports')).toBe('["export-2"]');
});

it('reads a damaged entry as nothing awaited', () => {
  sessionStorage.setItem('thread-members-admin.awaited-exports', '{not json');
  expect(takeAwaitedExport('export-2')).toBe(false);
  awaitExport('export-4');
  expect(takeAwaitedExport('export-4')).toBe(true);
});

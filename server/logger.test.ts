// Log levels: start-up lines and warnings by default, a line per request only at debug; readable on a terminal.
import { expect, it } from 'vitest';
import { createLogger, terminalLine } from './logger.ts';

const at = Date.parse('2026-11-30T08:15:02.345Z');

it('writes what reaches its level as one JSON line, and drops the rest', () => {
  const lines: string[] = [];
  const logger = createLogger((line) => lines.push(line), { now: () => at });
  logger.log('debug', 'request', { status: 200 });
  logger.log('info', 'resumed 1 unfinished operation(s)');
  logger.log('warn', 'sign-in refused', { requestId: 'r-1' });
  expect(lines.map((line) => JSON.parse(line) as unknown)).toEqual([
    { level: 'info', time: '2026-11-30T08:15:02.345Z', msg: 'resumed 1 unfinished operation(s)' },
    { level: 'warn', time: '2026-11-30T08:15:02.345Z', requestId: 'r-1', msg: 'sign-in refused' },
  ]);
  const debugging: string[] = [];
  createLogger((line) => debugging.push(line), { level: 'debug' }).log('debug', 'request', { status: 200 });
  expect(debugging).toHaveLength(1);
});

it('reads as a short line on a terminal', () => {
  const lines: string[] = [];
  createLogger((line) => lines.push(line), { now: () => at }).log('warn', 'sign-in refused', {
    requestId: 'r-1',
  });
  expect(terminalLine(lines[0] ?? '')).toBe('08:15:02 warn  sign-in refused requestId=r-1');
});

// Structured log lines with levels (pino): JSON for log collectors, short readable lines on a terminal. The
// sink is injectable so tests can capture and inspect every line.
import { pino } from 'pino';

export const LOG_LEVELS = ['debug', 'info', 'warn', 'error'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Receives one complete JSON line (without newline). */
export type LogSink = (line: string) => void;

export type LogFields = Readonly<Record<string, string | number | boolean | null>>;

export interface Logger {
  log(level: LogLevel, message: string, fields?: LogFields): void;
}

export const stdoutSink: LogSink = (line) => {
  process.stdout.write(`${line}\n`);
};

/** `08:15:02 warn  sign-in refused requestId=…`: the JSON line as a person reads it. */
export function terminalLine(line: string): string {
  let entry: Record<string, unknown>;
  try {
    entry = JSON.parse(line) as Record<string, unknown>;
  } catch {
    return line;
  }
  const { time, level, msg, ...fields } = entry;
  const clock = typeof time === 'string' ? time.slice(11, 19) : '';
  const rest = Object.entries(fields).map(([key, value]) => `${key}=${String(value)}`);
  return [clock, String(level).padEnd(5), String(msg), ...rest].join(' ');
}

export const terminalSink: LogSink = (line) => {
  process.stdout.write(`${terminalLine(line)}\n`);
};

export interface LoggerOptions {
  /** The least level written; `debug` adds a line per request. */
  level?: LogLevel;
  now?: () => number;
}

export function createLogger(
  sink: LogSink = process.stdout.isTTY ? terminalSink : stdoutSink,
  { level = 'info', now = Date.now }: LoggerOptions = {},
): Logger {
  const logger = pino(
    {
      level,
      base: null,
      messageKey: 'msg',
      timestamp: () => `,"time":"${new Date(now()).toISOString()}"`,
      formatters: { level: (label) => ({ level: label }) },
    },
    { write: (line: string) => sink(line.endsWith('\n') ? line.slice(0, -1) : line) },
  );
  return {
    log(at, message, fields = {}) {
      logger[at](fields, message);
    },
  };
}

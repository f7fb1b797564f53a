// Structured JSON log lines; the sink is injectable so tests can capture and inspect every line.

export type LogLevel = 'info' | 'warn' | 'error';

/** Receives one complete JSON line (without newline). */
export type LogSink = (line: string) => void;

export type LogFields = Readonly<Record<string, string | number | boolean | null>>;

export interface Logger {
  log(level: LogLevel, message: string, fields?: LogFields): void;
}

export const stdoutSink: LogSink = (line) => {
  process.stdout.write(`${line}\n`);
};

export function createLogger(sink: LogSink = stdoutSink, now: () => number = Date.now): Logger {
  return {
    log(level, message, fields = {}) {
      sink(JSON.stringify({ time: new Date(now()).toISOString(), level, msg: message, ...fields }));
    },
  };
}

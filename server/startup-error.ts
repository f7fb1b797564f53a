// Turns a start-up failure into a message and exit code 1; configuration mistakes print without a stack.
import { ConfigError } from './config.ts';

export function exitOnStartupError(error: unknown): never {
  if (error instanceof ConfigError) console.error(`Cannot start: ${error.message}`);
  else console.error('Cannot start:', error);
  process.exit(1);
}

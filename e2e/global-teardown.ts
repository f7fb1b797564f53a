// After the suite: the server's log lines of the whole run must hold no app token or certificate.
import { readFile } from 'node:fs/promises';
import { DEMO_APP_CERTIFICATE } from '../emulator/emulator.ts';
import { appTokenLeaks } from '../src/lib/app-token-leaks.ts';
import { E2E_SERVER_LOG } from './ports.ts';

export default async function scanServerLog(): Promise<void> {
  const lines = (await readFile(E2E_SERVER_LOG, 'utf8')).split('\n').filter((line) => line !== '');
  // An empty log would make the scan pass vacuously: the run made requests, so their lines must be there.
  if (!lines.some((line) => line.includes('"msg":"request"'))) {
    throw new Error(`${E2E_SERVER_LOG} holds no request lines: the server log scan saw nothing.`);
  }
  const leaks = appTokenLeaks(
    lines.map((line, i) => [`${E2E_SERVER_LOG}:${i + 1}`, line] as const),
    [DEMO_APP_CERTIFICATE],
  );
  if (leaks.length > 0) throw new Error(`Server log lines hold an app token: ${leaks.join(', ')}`);
}

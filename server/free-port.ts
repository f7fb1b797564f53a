// A loopback port free a moment ago, for settings that take a number rather than 0 (EMULATOR_CONTROL_PORT):
// used by the benchmarks and the tests that start servers of their own.
import { createServer } from 'node:net';

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      probe.close(() => (port > 0 ? resolve(port) : reject(new Error('No free port was found.'))));
    });
  });
}

// `npm run bench`: every benchmark, each printing a table.
import { benchEmulatorThroughput } from './emulator-throughput.ts';

await benchEmulatorThroughput();

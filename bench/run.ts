// `npm run bench`: every benchmark, each printing a table.
import { benchOperations } from './operations.ts';
import { benchEmulatorThroughput } from './emulator-throughput.ts';
import { benchMembersPage } from './members-page.ts';

await benchEmulatorThroughput();
await benchMembersPage();
await benchOperations();

// `npm run bench`: every benchmark, each printing a table.
import { benchBulk } from './bulk.ts';
import { benchEmulatorThroughput } from './emulator-throughput.ts';
import { benchMembersPage } from './members-page.ts';

await benchEmulatorThroughput();
await benchMembersPage();
await benchBulk();

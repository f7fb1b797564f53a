// `npm run bench`: every benchmark, each printing a table; `npm run bench -- paste members` runs only those named.
import { benchEmulatorThroughput } from './emulator-throughput.ts';
import { benchMembersPage } from './members-page.ts';
import { benchOperations } from './operations.ts';
import { benchPasteNames } from './paste-names.ts';

const BENCHMARKS: Readonly<Record<string, () => Promise<void>>> = {
  emulator: benchEmulatorThroughput,
  members: benchMembersPage,
  paste: benchPasteNames,
  operations: benchOperations,
};

const chosen = process.argv.slice(2);
const unknown = chosen.filter((name) => !(name in BENCHMARKS));
if (unknown.length > 0) {
  console.error(
    `Unknown benchmark ${unknown.join(', ')}; choose from ${Object.keys(BENCHMARKS).join(', ')}.`,
  );
  process.exit(2);
}
for (const [name, run] of Object.entries(BENCHMARKS)) {
  if (chosen.length === 0 || chosen.includes(name)) await run();
}

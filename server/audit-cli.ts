// `npm run audit -- verify [--file FILE]`: checks the audit log's hash chain and says where it breaks.
// Exit codes: 0 intact, 1 tampered with, 2 the log cannot be read or the command is wrong.
import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import { verifyChain, type ChainReport } from './audit-chain.ts';
import { auditFileFrom } from './config.ts';

const USAGE = `Usage: npm run audit -- verify [--file FILE]
  verify   checks every call of the audit log against its hash and the one before it
The file is AUDIT_DB, else DATA_DIR/audit.sqlite (DATA_DIR defaults to .data), as for the server.`;

function describe(file: string, report: ChainReport): string {
  const lines: string[] = [];
  if (report.problems.length === 0) {
    lines.push(
      `The audit log at ${file} is intact: ${report.calls} calls, each matching its hash and chain.`,
    );
  } else {
    lines.push(`The audit log at ${file} has been tampered with:`);
    lines.push(...report.problems.map((problem) => `  - ${problem}`));
  }
  if (report.upgradedThrough > 0) {
    lines.push(
      `Calls up to ${report.upgradedThrough} were recorded before the log was chained and were chained as found then.`,
    );
  }
  if (report.head !== null) {
    // Someone able to rewrite the whole file could recompute every hash; a copy of the newest one kept
    // elsewhere shows that too.
    lines.push(
      `Newest call: ${report.head.id}, hash ${report.head.hash} (keep a copy elsewhere to compare).`,
    );
  }
  return lines.join('\n');
}

function run(args: string[]): number {
  const fileIndex = args.indexOf('--file');
  const file = fileIndex === -1 ? auditFileFrom(process.env) : args[fileIndex + 1];
  const rest = fileIndex === -1 ? args : args.filter((_, i) => i !== fileIndex && i !== fileIndex + 1);
  if (file === undefined || rest.length !== 1 || rest[0] !== 'verify') {
    console.error(USAGE);
    return 2;
  }
  if (!existsSync(file)) {
    console.error(`There is no audit log at ${file}; set AUDIT_DB or DATA_DIR as for the server, or --file.`);
    return 2;
  }
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const report = verifyChain(db);
    const text = describe(file, report);
    if (report.problems.length === 0) console.log(text);
    else console.error(text);
    return report.problems.length === 0 ? 0 : 1;
  } finally {
    db.close();
  }
}

try {
  process.exitCode = run(process.argv.slice(2));
} catch (error) {
  console.error(`Cannot verify the audit log: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 2;
}

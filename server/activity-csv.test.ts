// The activity export on its own: every audited call is in it, and no cell runs as a formula in a spreadsheet.
import { describe, expect, it } from 'vitest';
import { readCsv } from '../src/lib/csv-file.ts';
import { FORMULA_PAYLOADS, runsAsFormula } from '../src/test/csv-injection-payloads.ts';
import { activityCsv } from './activity-csv.ts';
import type { AuditCall, AuditStore } from './audit-store.ts';
import { auditCall, memoryAuditStores } from './audit-test-support.ts';

const now = Date.parse('2026-11-30T08:00:00Z');
const store = memoryAuditStores(() => now);
const call = (overrides: Partial<AuditCall> = {}): AuditCall => auditCall(now, overrides);

async function exported(audit: AuditStore, filter = {}): Promise<Record<string, string>[]> {
  // Response.text() would drop the byte-order mark that Excel needs; keep it to check it is there.
  const bytes = await activityCsv(audit, filter).arrayBuffer();
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
  expect(text.startsWith('\uFEFF')).toBe(true);
  const { records, problem } = await readCsv(text.slice(1));
  expect(problem).toBeNull();
  const [header = [], ...rows] = records;
  return rows.map((row) => Object.fromEntries(header.map((name, i) => [name, row[i] ?? ''])));
}

describe('the activity export', () => {
  it('holds every audited call, also one whose body named no user', async () => {
    const audit = store();
    audit.append(call({ requestId: 'named' }));
    audit.append(call({ requestId: 'empty body', outcomes: [], upstreamStatus: 400 }));
    audit.append(call({ requestId: 'no answer', outcomes: [], upstreamStatus: null, action: 'remove' }));
    const rows = await exported(audit);
    expect(rows.map((row) => [row.request_id, row.username, row.outcome, row.upstream_status])).toEqual([
      ['no answer', '', 'no usernames', 'no answer'],
      ['empty body', '', 'no usernames', '400'],
      ['named', 'bob', 'added', '200'],
    ]);
  });

  it('keeps a call without users under the filters it matches, and only there', async () => {
    const audit = store();
    audit.append(call({ threadId: '7', requestId: 'empty', outcomes: [] }));
    audit.append(call({ threadId: '8', requestId: 'other' }));
    expect((await exported(audit, { threadId: '7' })).map((row) => row.request_id)).toEqual(['empty']);
    expect((await exported(audit, { username: 'bob' })).map((row) => row.request_id)).toEqual(['other']);
  });

  it('writes the published CSV-injection payloads as text, reading back to what was recorded', async () => {
    const audit = store();
    for (const payload of FORMULA_PAYLOADS) {
      audit.append(
        call({
          actor: payload,
          role: payload,
          requestId: payload,
          outcomes: [{ username: payload, outcome: 'refused' }],
        }),
      );
    }
    const rows = await exported(audit);
    expect(rows).toHaveLength(FORMULA_PAYLOADS.length);
    const cells = rows.flatMap((row) => Object.values(row));
    expect(cells.filter(runsAsFormula)).toEqual([]);
    const asText = (payload: string) => `'${payload}`.replace(/\r\n?/g, '\n');
    expect(rows.map((row) => [row.actor, row.role, row.username, row.request_id]).reverse()).toEqual(
      FORMULA_PAYLOADS.map((payload) => Array<string>(4).fill(asText(payload))),
    );
  });
});

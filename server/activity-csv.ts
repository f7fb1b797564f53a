// GET /api/activity/export.csv: the audit log's per-user rows matching the filters, newest first, as CSV.
import { writeCsv } from '../src/lib/csv-file.ts';
import type { ActivityFilter, AuditRow, AuditStore } from './audit-store.ts';

/** Calls read per step: enough to stream quickly, few enough that appends are never held up for long. */
const CALLS_PER_STEP = 500;

/** A UTF-8 byte-order mark, without which Excel reads the file in the system's legacy encoding. */
const BYTE_ORDER_MARK = '\uFEFF';

const HEADER = [
  'time',
  'actor',
  'role',
  'thread_id',
  'action',
  'username',
  'outcome',
  'upstream_status',
  'request_id',
  'operation_id',
  'refused_because',
];

/** The outcome cell of a call whose body named no user: it is exported all the same, as the log holds it. */
const NO_USERS = 'no usernames';

function csvRow(row: AuditRow): string[] {
  return [
    new Date(row.time).toISOString(),
    row.actor,
    row.role,
    row.threadId,
    row.action,
    row.username ?? '',
    row.outcome ?? NO_USERS,
    row.refusal !== null
      ? 'not sent'
      : row.upstreamStatus === null
        ? 'no answer'
        : String(row.upstreamStatus),
    row.requestId,
    row.operationId ?? '',
    row.refusal ?? '',
  ];
}

export function activityCsv(audit: AuditStore, filter: ActivityFilter): Response {
  const encoder = new TextEncoder();
  let before: number | undefined;
  let started = false;
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(BYTE_ORDER_MARK + (await writeCsv([HEADER]))));
      }
      const rows = audit.rows(filter, CALLS_PER_STEP, before);
      const last = rows.at(-1);
      if (last === undefined) {
        controller.close();
        return;
      }
      before = last.callId;
      controller.enqueue(encoder.encode(await writeCsv(rows.map(csvRow))));
    },
  });
  return new Response(body, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': 'attachment; filename="activity.csv"',
      'cache-control': 'no-store',
    },
  });
}

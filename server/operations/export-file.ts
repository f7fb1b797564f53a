// GET /api/operations/{id}/file: a finished export's file, CSV (formula-protected) or plain text, named as the
// dashboard names member files. In the format chosen at the start unless `?format=` asks for the other.
import { memberFileName, memberFileText, MEMBER_FILE_TYPE } from '../../src/lib/member-list-file.ts';
import { chatErrorResponse } from '../chat-error.ts';
import type { OperationRecord } from './operation-store.ts';

const conflict = (message: string) =>
  chatErrorResponse(409, 'operation_conflict', 'OperationRefused', message);

/** `usernames`: the file's members, read only once the export is known to have one. */
export async function exportFileResponse(
  record: OperationRecord,
  formatParam: string | undefined,
  usernames: () => string[],
): Promise<Response> {
  const walk = record.exportWalk;
  if (record.kind !== 'export' || walk === null) {
    return chatErrorResponse(
      404,
      'operation_not_found',
      'OperationRefused',
      'This operation is not an export: it has no file.',
    );
  }
  if (record.state === 'cancelled' || record.state === 'stopped') {
    return conflict(
      `This export ${record.state === 'cancelled' ? 'was cancelled' : 'stopped'}: it has no file. Export again.`,
    );
  }
  if (record.state !== 'finished') {
    return conflict('This export is still running: its file can be downloaded when it has finished.');
  }
  const format = formatParam ?? walk.format;
  if (format !== 'csv' && format !== 'txt') {
    return chatErrorResponse(
      400,
      'illegal_argument',
      'IllegalArgumentException',
      '"format" must be "csv" or "txt".',
    );
  }
  const name = memberFileName(
    'members',
    record.threadId ?? '',
    new Date(record.runEndedAt ?? record.createdAt),
    format,
  );
  return new Response(await memberFileText(usernames(), format), {
    headers: {
      'content-type': MEMBER_FILE_TYPE[format],
      'content-disposition': `attachment; filename="${name}"`,
      'cache-control': 'no-store',
    },
  });
}

// Saves the selected usernames as CSV; loaded on the first click, so the members page's first bundle stays small.
import { downloadFile } from '../../lib/download-file.ts';
import { MEMBER_FILE_TYPE, memberFileName, membersCsv } from '../../lib/member-list-file.ts';

/** Returns the name of the file saved. */
export async function downloadSelection(threadId: string, usernames: readonly string[]): Promise<string> {
  const name = memberFileName('selected-members', threadId, new Date(), 'csv');
  downloadFile(new Blob([await membersCsv(usernames)], { type: MEMBER_FILE_TYPE.csv }), name);
  return name;
}

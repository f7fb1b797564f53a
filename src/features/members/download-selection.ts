// Saves the selected usernames as CSV; loaded on the first click, so the members page's first bundle stays small.
import { downloadFile } from '../../lib/download-file.ts';
import { memberFileBlob, memberFileName } from './member-list-file.ts';

/** Returns the name of the file saved. */
export async function downloadSelection(threadId: string, usernames: readonly string[]): Promise<string> {
  const name = memberFileName('selected-members', threadId, new Date(), 'csv');
  downloadFile(await memberFileBlob(usernames, 'csv'), name);
  return name;
}

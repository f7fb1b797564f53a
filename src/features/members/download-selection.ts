// Saves the selected usernames as CSV; loaded on the first click, so the members page's first bundle stays small.
import { downloadFile } from '../../lib/download-file.ts';
import { memberFileBlob, memberFileName } from './member-list-file.ts';

/** Returns the name of the file saved. */
export function downloadSelection(threadId: string, usernames: readonly string[]): string {
  const name = memberFileName('selected-members', threadId, new Date(), 'csv');
  downloadFile(memberFileBlob(usernames, 'csv'), name);
  return name;
}

// The exports this browser tab started whose file it has not downloaded yet. Kept in the tab's session storage,
// so that the file still downloads by itself when the export ends after a reload.
const KEY = 'thread-members-admin.awaited-exports';
/** More than anyone waits for at once; the oldest are forgotten. */
const KEPT = 20;
// Absent outside a browser (unit tests): nothing is awaited there.
const storage = (globalThis as { sessionStorage?: Storage }).sessionStorage;

function awaited(): string[] {
  try {
    const ids: unknown = JSON.parse(storage?.getItem(KEY) ?? '[]');
    return Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string') : [];
  } catch {
    return [];
  }
}

export function awaitExport(id: string): void {
  storage?.setItem(KEY, JSON.stringify([...awaited().filter((other) => other !== id), id].slice(-KEPT)));
}

/** True once for an export this tab awaits, which is then no longer awaited. */
export function takeAwaitedExport(id: string): boolean {
  const ids = awaited();
  if (!ids.includes(id)) return false;
  storage?.setItem(KEY, JSON.stringify(ids.filter((other) => other !== id)));
  return true;
}

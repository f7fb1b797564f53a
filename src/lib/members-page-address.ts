// Address rules of the members page and of its first requests, shared by the dashboard and by the server that
// preloads those requests: one spelling, so the preloaded URL is the one the page fetches.
import { CHAT_ID_MAX_LENGTH } from './chat-ids.ts';

/** `/threads/{threadId}` with an optional trailing slash, for an address whose id is a thread id. */
export const MEMBERS_PAGE_PATH = new RegExp(`^/threads/(\\d{1,${CHAT_ID_MAX_LENGTH}})/?$`);

/** The member grid's element id: the target of the page's skip link. */
export const MEMBER_GRID_ID = 'member-grid';

export const DEFAULT_PAGE_SIZE = 50;
/** The Chat API returns at most 50 members per page. */
export const MAX_PAGE_SIZE = 50;

/**
 * The page size from `?limit=`: a plain integer 1..50 in its canonical spelling (`7`, not `07` or `7.0`),
 * else the default, so the URL the server preloads is byte for byte the one the page fetches.
 */
export function pageSizeFromParam(limit: string | null): number {
  return limit !== null && isPageSizeParam(limit) ? Number(limit) : DEFAULT_PAGE_SIZE;
}

/** Whether `?limit=` holds a page size the page uses as given; any other value is replaced by the default. */
export function isPageSizeParam(limit: string): boolean {
  return /^[1-9]\d?$/.test(limit) && Number(limit) <= MAX_PAGE_SIZE;
}

/** Endpoint 1's path under the API base: one cursor page of a thread's members. */
export function memberPagePath(threadId: string, limit: number, cursor: string): string {
  const query = new URLSearchParams({ limit: String(limit) });
  if (cursor) query.set('cursor', cursor);
  return `chat/thread/${encodeURIComponent(threadId)}/users?${query.toString()}`;
}

/** Endpoint 10's path under the API base: a thread's details. */
export function threadDetailsPath(threadId: string): string {
  return `chat/thread/${encodeURIComponent(threadId)}`;
}

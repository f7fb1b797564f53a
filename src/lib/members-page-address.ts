// Address rules of the members page, shared by the dashboard and by the server that preloads its first requests.

/** `/threads/{threadId}` with an optional trailing slash. Ids that need percent-escaping never match. */
export const MEMBERS_PAGE_PATH = /^\/threads\/([0-9A-Za-z_-]{1,64})\/?$/;

export const DEFAULT_PAGE_SIZE = 50;
/** The Chat API returns at most 50 members per page. */
export const MAX_PAGE_SIZE = 50;

/**
 * The page size from `?limit=`: a plain integer 1..50 in its canonical spelling (`7`, not `07` or `7.0`),
 * else the default, so the URL the server preloads is byte for byte the one the page fetches.
 */
export function pageSizeFromParam(limit: string | null): number {
  if (limit === null || !/^[1-9]\d?$/.test(limit)) return DEFAULT_PAGE_SIZE;
  const size = Number(limit);
  return size <= MAX_PAGE_SIZE ? size : DEFAULT_PAGE_SIZE;
}

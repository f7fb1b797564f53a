// The Chat API requests the members page makes first, so that index.html can start them before the bundle runs.
import {
  MEMBERS_PAGE_PATH,
  memberPagePath,
  pageSizeFromParam,
  threadDetailsPath,
} from '../src/lib/members-page-address.ts';

/** Same-origin URLs of the members page's first requests, in the order it needs them; [] for other pages. */
export function membersPagePreloadUrls(url: URL): string[] {
  const threadId = MEMBERS_PAGE_PATH.exec(url.pathname)?.[1];
  if (threadId === undefined) return [];
  const pageSize = pageSizeFromParam(url.searchParams.get('limit'));
  // The session decides whether the page shows at all (sign-in, role): it must not wait for the bundle either.
  return [
    `/api/${memberPagePath(threadId, pageSize, '')}`,
    `/api/${threadDetailsPath(threadId)}`,
    '/api/session',
  ];
}

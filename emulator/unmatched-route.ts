// What the service answers when no route takes a request: another app's base path, a known path with a
// method it does not serve, or a path it does not know.
import { chatErrors } from './chat-error.ts';
import type { ChatApiError } from './chat-error.ts';

/** The paths below the base that some method serves; a request that matched none of the routes is then a 405. */
export type KnownPaths = readonly RegExp[];

export const THREAD_API_PATHS: KnownPaths = [
  /^\/thread$/,
  /^\/thread\/[^/]+$/,
  /^\/thread\/[^/]+\/users$/,
  /^\/threads\/user\/[^/]+$/,
  /^\/threads\/chatgroups\/[^/]+\/user\/[^/]+$/,
  /^\/token$/,
];

/** The older plural spelling of the remove-members path, served unless `--delete-path singular`. */
export const PLURAL_MEMBERS_PATH = /^\/threads\/[^/]+\/users$/;

export interface ApiBases {
  /** `/{org}/{app}` and `/app-id/{appId}`. */
  bases: readonly string[];
  knownPaths: KnownPaths;
}

/** The part of `pathname` below one of the bases, or null when it is under none of them. */
function pathBelow(pathname: string, bases: readonly string[]): string | null {
  for (const base of bases) {
    if (pathname === base) return '/';
    if (pathname.startsWith(`${base}/`)) return pathname.slice(base.length);
  }
  return null;
}

export function unmatchedRouteError(pathname: string, { bases, knownPaths }: ApiBases): ChatApiError {
  const below = pathBelow(pathname, bases);
  if (below === null) {
    const segments = pathname.split('/').filter((segment) => segment !== '');
    // `/{org}/{app}/…` of an app this host does not serve; a shorter path names no application at all.
    if (segments.length >= 2 && !pathname.startsWith('/_')) {
      const orgApp = `${segments[0] ?? ''}/${segments[1] ?? ''}`;
      return chatErrors.applicationNotFound(orgApp, segments.join('/'));
    }
    return chatErrors.resourceNotFound();
  }
  return knownPaths.some((pattern) => pattern.test(below))
    ? chatErrors.methodNotAllowed()
    : chatErrors.resourceNotFound();
}

// What a moderator reads when a call fails: what went wrong and what to do next.
import { ApiError } from '../api/api-error.ts';

export interface ErrorMessage {
  title: string;
  detail: string;
}

export function errorMessage(error: unknown, what: string): ErrorMessage {
  if (!(error instanceof ApiError)) {
    return { title: `Could not load ${what}`, detail: 'Something unexpected went wrong. Reload the page.' };
  }
  const title = `Could not load ${what}`;
  switch (true) {
    case error.status === 401:
      return {
        title: 'You are signed out',
        detail: `${error.description} Reload the page to sign in again.`,
      };
    case error.status === 403 && error.code === 'forbidden_role':
      return { title: 'Your role does not allow this', detail: error.description };
    case error.status === 404:
      return { title: 'Not found', detail: error.description };
    case error.status === 429:
      return {
        title,
        detail:
          'The Chat API rate limit (100 calls per second, shared with the app) was still reached after several ' +
          'retries. Wait a moment, then retry.',
      };
    case error.code === 'accounts_unavailable':
      return { title: 'Sign-in is unavailable', detail: error.description };
    case error.status >= 500:
      return {
        title,
        detail: `The Chat API is not answering properly (HTTP ${error.status}: ${error.description}) and retries did not help. Retry in a moment.`,
      };
    case error.status === 0:
      return { title, detail: `${error.description} Then retry.` };
    default:
      return {
        title,
        detail: `${error.description} (HTTP ${error.status}${error.code ? `, ${error.code}` : ''}).`,
      };
  }
}

/**
 * The API's own answer for an unknown thread. Other 404s (an endpoint a host does not serve, a route the
 * server does not forward) say nothing about whether the thread exists.
 */
export function isThreadNotFound(error: unknown): boolean {
  return error instanceof ApiError && error.status === 404 && error.code === 'group_error';
}

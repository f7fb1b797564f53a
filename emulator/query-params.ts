// Parses the paging query parameters shared by the list endpoints.
import { chatErrors } from './chat-error.ts';
import type { SortOrder } from './store.ts';

export const MAX_PAGE_SIZE = 50;

/** `limit`: absent or empty means the maximum page; 0, negative, fractional or not a number is invalid. */
export function parseLimit(raw: string | undefined): number {
  if (raw === undefined || raw.trim() === '') return MAX_PAGE_SIZE;
  if (!/^[+-]?\d+$/.test(raw.trim())) throw chatErrors.invalidRequest();
  const limit = Number(raw);
  if (limit <= 0) throw chatErrors.invalidRequest();
  if (limit > MAX_PAGE_SIZE) throw chatErrors.queryLimit();
  return limit;
}

/** `sort`: asc or desc (any case), newest first when absent. */
export function parseSort(raw: string | undefined): SortOrder {
  if (raw === undefined || raw === '') return 'desc';
  const sort = raw.toLowerCase();
  if (sort !== 'asc' && sort !== 'desc') throw chatErrors.invalidRequest();
  return sort;
}

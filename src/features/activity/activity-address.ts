// The activity page's filters as the address holds them, and as the API takes them.
import type { ActivityFilter } from '../../api/activity.ts';
import { rangeProblem, textFilterProblem } from '../../lib/activity-filter-rules.ts';

export const FILTER_NAMES = ['thread', 'username', 'actor', 'from', 'to'] as const;
export type FilterName = (typeof FILTER_NAMES)[number];

/** What the filter fields hold; `from` and `to` are local `YYYY-MM-DDTHH:mm` as a datetime field gives them. */
export type AddressFilter = Partial<Record<FilterName, string>>;

export function filterFromAddress(params: URLSearchParams): AddressFilter {
  const filter: AddressFilter = {};
  for (const name of FILTER_NAMES) {
    const value = params.get(name)?.trim();
    if (value) filter[name] = value;
  }
  return filter;
}

export function addressFromFilter(filter: AddressFilter): Record<string, string> {
  return Object.fromEntries(Object.entries(filter).filter(([, value]) => value.trim() !== ''));
}

/** A local time as an instant; a value that is no time passes through, so the server names it. */
function instant(local: string | undefined): string | undefined {
  if (local === undefined) return undefined;
  const time = new Date(local);
  return Number.isNaN(time.getTime()) ? local : time.toISOString();
}

export function apiFilter(filter: AddressFilter): ActivityFilter {
  const from = instant(filter.from);
  // The field shows minutes: "to 10:15" means up to the end of that minute.
  const toLocal = instant(filter.to);
  const to =
    toLocal === undefined || Number.isNaN(Date.parse(toLocal))
      ? toLocal
      : new Date(Date.parse(toLocal) + 59_999).toISOString();
  return {
    ...(filter.thread === undefined ? {} : { thread: filter.thread }),
    ...(filter.username === undefined ? {} : { username: filter.username }),
    ...(filter.actor === undefined ? {} : { actor: filter.actor }),
    ...(from === undefined ? {} : { from }),
    ...(to === undefined ? {} : { to }),
  };
}

const NOT_A_TIME = 'Enter a date and time, such as 30/11/2026 08:00, or leave it empty.';

/**
 * What the server would refuse in these filters, by field, so the page says it before asking: the same
 * rules, and a "From" after the "To" (which could match nothing) named on the "To".
 */
export function filterProblems(filter: AddressFilter): Partial<Record<FilterName, string>> {
  const problems: Partial<Record<FilterName, string>> = {};
  for (const name of ['thread', 'username', 'actor'] as const) {
    const value = filter[name]?.trim();
    const problem = value ? textFilterProblem(name, value) : null;
    if (problem !== null) problems[name] = problem;
  }
  const { from, to } = apiFilter(filter);
  const fromTime = from === undefined ? undefined : Date.parse(from);
  const toTime = to === undefined ? undefined : Date.parse(to);
  if (fromTime !== undefined && Number.isNaN(fromTime)) problems.from = NOT_A_TIME;
  if (toTime !== undefined && Number.isNaN(toTime)) problems.to = NOT_A_TIME;
  const range = problems.from || problems.to ? null : rangeProblem(fromTime, toTime);
  if (range !== null) problems.to = range;
  return problems;
}

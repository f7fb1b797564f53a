// Words for each user outcome recorded in the audit log.
import type { ActivityEntry, UserOutcome } from '../../api/activity.ts';
import { USER_OUTCOMES } from '../../api/activity.ts';

export const OUTCOME_LABELS: Readonly<Record<UserOutcome, string>> = {
  added: 'added',
  removed: 'removed',
  'not-a-member': 'not a member',
  refused: 'refused by the API',
  'not-applied': 'not applied (rate limited)',
  unknown: 'unknown (no clear answer)',
};

const count = new Intl.NumberFormat();

/** e.g. "3 added · 1 refused by the API", in a fixed order. */
export function outcomeSummary(outcomes: ActivityEntry['outcomes']): string {
  const parts = USER_OUTCOMES.filter((outcome) => (outcomes[outcome] ?? 0) > 0).map(
    (outcome) => `${count.format(outcomes[outcome] ?? 0)} ${OUTCOME_LABELS[outcome]}`,
  );
  return parts.length === 0 ? 'no users' : parts.join(' · ');
}

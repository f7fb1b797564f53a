// The ids and names the demo seed creates, for tests, e2e fixtures and training material.

/** The demo group every demo user except `outsider` belongs to. */
export const DEMO_GROUP_ID = '179800040062977';
/** A second, small group: `outsider` is only here, so adding them to a main-group thread is refused. */
export const DEMO_OTHER_GROUP_ID = '179800040095745';

/** Numbered demo users are `user000001` … `user150000`. */
export const DEMO_NUMBERED_USER_COUNT = 150_000;
export function demoUsername(n: number): string {
  return `user${String(n).padStart(6, '0')}`;
}

export const DEMO_USERS = {
  /** Owns the special threads and is their first member. */
  moderator: 'moderator',
  /** In about 50 threads of the demo group, 2 of the other group and the large thread. */
  spammer: 'spammer',
  alice: 'alice',
  bob: 'bob',
  /** In the demo group but in no thread. */
  lurker: 'lurker',
  /** A user who exists but is not in the demo group (only in the other group). */
  outsider: 'outsider',
  /** No such user exists. */
  unknown: 'nobody-here',
} as const;

export const DEMO_LONG_THREAD_NAME = 'Quarterly roadmap review: priorities, owners and open questions!';
export const DEMO_MARKUP_THREAD_NAME = '<img src=x onerror=alert(1)>';

export const DEMO_THREADS = {
  /** 100,000 members: moderator, then user000001 … user099999 in that join order. */
  huge: '180000000100001',
  /** 1,200 members including spammer. */
  large: '180000000100002',
  /** 40 members. */
  small: '180000000100003',
  /** No members at all. */
  empty: '180000000100004',
  markup: '180000000100005',
  emoji: '180000000100006',
  /** Its name is exactly 64 characters. */
  longName: '180000000100007',
  chinese: '180000000100008',
  accented: '180000000100009',
  rtl: '180000000100010',
  /** A thread of the other group. */
  otherGroup: '180000000100011',
} as const;

export const DEMO_THREAD_NAMES: Record<keyof typeof DEMO_THREADS, string> = {
  huge: 'Announcements',
  large: 'Community help desk',
  small: 'Moderators lounge',
  empty: 'Archived: old launch plans',
  markup: DEMO_MARKUP_THREAD_NAME,
  emoji: '🎉 Launch party 🚀 — bring 🍕',
  longName: DEMO_LONG_THREAD_NAME,
  chinese: '产品发布计划讨论',
  accented: 'Café près de la gare — réunion',
  rtl: 'مناقشة الإصدار الجديد',
  otherGroup: 'Partners only',
};

export const DEMO_THREAD_SIZES = { huge: 100_000, large: 1_200, small: 40, empty: 0 } as const;

/** Threads beyond the special ones, so endpoint 7 needs several pages. */
export const DEMO_EXTRA_THREAD_COUNT = 320;

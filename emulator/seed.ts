// The demo data set: big enough to exercise paging and bulk work (150,000 users, a 100,000-member thread,
// 330+ threads), deterministic, and written in one transaction with set-based inserts so it takes about a second.
import {
  DEMO_EXTRA_THREAD_COUNT,
  DEMO_GROUP_ID,
  DEMO_NUMBERED_USER_COUNT,
  DEMO_OTHER_GROUP_ID,
  DEMO_THREAD_NAMES,
  DEMO_THREADS,
  DEMO_USERS,
  demoUsername,
} from './demo-data.ts';
import { createPrng, randomInt } from './prng.ts';
import type { EmulatorStore } from './store.ts';

// A fixed timeline keeps the seed identical across runs; threads created later through the API sort after it.
const SEED_EPOCH = Date.UTC(2025, 0, 6, 9, 0, 0);
const HOUR = 3_600_000;
// Users drawn into the smaller threads; user140001 … user150000 stay in no thread at all.
const POOL_FIRST = 100_001;
const POOL_LAST = 140_000;

interface ThreadSpec {
  threadId: string;
  groupId: string;
  name: string;
  owner: string;
  created: number;
  members: string[];
}

const TOPICS = [
  'Release feedback',
  'Bug triage',
  'Weekly sync',
  'Onboarding questions',
  'Support escalation',
  'Événements de la communauté',
  'Design review',
  'Q&A session',
  '周末活动',
  'Feature requests',
  'Off-topic',
  'Beta testers',
];

function msgIdFor(random: () => number): string {
  // Real message ids are 18-digit numbers; build them as text since they exceed Number's safe range.
  return `1${String(randomInt(random, 0, 99_999_999)).padStart(8, '0')}${String(randomInt(random, 0, 999_999_999)).padStart(9, '0')}`;
}

function poolSample(random: () => number, count: number, exclude: ReadonlySet<string>): string[] {
  const picked = new Set<string>();
  while (picked.size < count) {
    const name = demoUsername(randomInt(random, POOL_FIRST, POOL_LAST));
    if (!exclude.has(name)) picked.add(name);
  }
  return [...picked];
}

function specialThreads(random: () => number): ThreadSpec[] {
  const { moderator, spammer, alice, bob, outsider } = DEMO_USERS;
  const special = (key: keyof typeof DEMO_THREADS, created: number, members: string[]): ThreadSpec => ({
    threadId: DEMO_THREADS[key],
    groupId: key === 'otherGroup' ? DEMO_OTHER_GROUP_ID : DEMO_GROUP_ID,
    name: DEMO_THREAD_NAMES[key],
    owner: moderator,
    created,
    members,
  });
  const largeMembers = poolSample(random, 1_198, new Set());
  largeMembers.unshift(moderator);
  largeMembers.splice(600, 0, spammer);
  const smallMembers = [moderator, alice, bob, ...poolSample(random, 37, new Set())];
  const few = (n: number) => [moderator, alice, ...poolSample(random, n - 2, new Set())];
  return [
    // The huge thread's 100,000 members are inserted set-based in seedDemo.
    special('huge', SEED_EPOCH, []),
    special('large', SEED_EPOCH + 2 * HOUR, largeMembers),
    special('small', SEED_EPOCH + 5 * HOUR, smallMembers),
    special('empty', SEED_EPOCH + 9 * HOUR, []),
    special('markup', SEED_EPOCH + 400 * HOUR, few(5)),
    special('emoji', SEED_EPOCH + 800 * HOUR, few(12)),
    special('longName', SEED_EPOCH + 1200 * HOUR, few(8)),
    special('chinese', SEED_EPOCH + 1600 * HOUR, few(20)),
    special('accented', SEED_EPOCH + 2000 * HOUR, few(15)),
    special('rtl', SEED_EPOCH + 2400 * HOUR, few(6)),
    special('otherGroup', SEED_EPOCH + 2500 * HOUR, [moderator, outsider, spammer, alice]),
  ];
}

function extraThreads(random: () => number): ThreadSpec[] {
  const threads: ThreadSpec[] = [];
  let created = SEED_EPOCH + 10 * HOUR;
  let id = 180_001_000_000_000;
  for (let i = 0; i < DEMO_EXTRA_THREAD_COUNT; i++) {
    created += randomInt(random, HOUR / 2, 8 * HOUR);
    id += randomInt(random, 1_000, 90_000);
    const members = poolSample(random, randomInt(random, 0, 24), new Set());
    const topic = TOPICS[i % TOPICS.length] ?? 'Thread';
    threads.push({
      threadId: String(id),
      groupId: DEMO_GROUP_ID,
      name: `${topic} #${i + 1}`,
      owner: members[0] ?? DEMO_USERS.moderator,
      created,
      members,
    });
  }
  // The spammer joined 50 of them, plus 2 extra threads in the other group.
  for (let k = 0; k < 50; k++) threads[k * 6 + 3]?.members.push(DEMO_USERS.spammer);
  const { moderator, outsider, spammer } = DEMO_USERS;
  for (let k = 0; k < 2; k++) {
    created += HOUR;
    id += 4_099;
    threads.push({
      threadId: String(id),
      groupId: DEMO_OTHER_GROUP_ID,
      name: `Partner sync #${k + 1}`,
      owner: moderator,
      created,
      members: [moderator, outsider, spammer],
    });
  }
  return threads;
}

/** Writes the demo data set; the caller checks that the store is empty. Returns how long it took (ms). */
export function seedDemo(store: EmulatorStore): number {
  const started = performance.now();
  const random = createPrng(20250106);
  const { db } = store;
  store.transaction(() => {
    db.prepare(
      `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
       INSERT INTO users (username, created) SELECT printf('user%06d', i), ? FROM n`,
    ).run(DEMO_NUMBERED_USER_COUNT, SEED_EPOCH - 24 * HOUR);
    const named = Object.values(DEMO_USERS).filter((name) => name !== DEMO_USERS.unknown);
    store.addUsers(named, SEED_EPOCH - 24 * HOUR);

    store.createGroup({
      groupId: DEMO_GROUP_ID,
      name: 'Demo community',
      owner: DEMO_USERS.moderator,
      created: SEED_EPOCH - 12 * HOUR,
    });
    db.prepare(
      `INSERT INTO group_members (group_id, username) SELECT ?, username FROM users WHERE username <> ?`,
    ).run(DEMO_GROUP_ID, DEMO_USERS.outsider);
    store.createGroup({
      groupId: DEMO_OTHER_GROUP_ID,
      name: 'Partners',
      owner: DEMO_USERS.moderator,
      created: SEED_EPOCH - 12 * HOUR,
    });
    store.addGroupMembers(DEMO_OTHER_GROUP_ID, [
      DEMO_USERS.moderator,
      DEMO_USERS.outsider,
      DEMO_USERS.spammer,
      DEMO_USERS.alice,
    ]);

    // Insert in creation order so the creation sequence (endpoint 7's order) matches `created`.
    const threads = [...specialThreads(random), ...extraThreads(random)].sort(
      (a, b) => a.created - b.created,
    );
    const insertMember = db.prepare(
      `INSERT OR IGNORE INTO thread_members (thread_id, username) VALUES (?, ?)`,
    );
    for (const thread of threads) {
      store.insertThread({ ...thread, msgId: msgIdFor(random) });
      if (thread.threadId === DEMO_THREADS.huge) {
        insertMember.run(DEMO_THREADS.huge, DEMO_USERS.moderator);
        db.prepare(
          `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
           INSERT INTO thread_members (thread_id, username) SELECT ?, printf('user%06d', i) FROM n`,
        ).run(99_999, DEMO_THREADS.huge);
      }
      for (const member of thread.members) insertMember.run(thread.threadId, member);
    }
    store.recountMembers();
  });
  return Math.round(performance.now() - started);
}

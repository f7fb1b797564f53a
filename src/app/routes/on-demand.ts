// Everything the app loads on demand beside the members page and its dialogs: the threads, user and activity
// pages, the top bar's search box and the members page's membership check, in one chunk on purpose. The
// bundler groups modules by the chunks that reach them, so every lazy chunk that reaches only part of the
// members page's first bundle splits that bundle into more pieces, each gzipped on its own (about 0.3 to
// 0.7 kB each time). Together these reach one set, and the first bundle stays in as few pieces as before.
export { ActivityPage } from './ActivityPage.tsx';
export { ThreadsPage } from './ThreadsPage.tsx';
export { UserThreadsPage } from './UserThreadsPage.tsx';
export { OpenThreadOrUser } from '../../features/search/OpenThreadOrUser.tsx';
export { MembershipCheck } from '../../features/members/MembershipCheck.tsx';

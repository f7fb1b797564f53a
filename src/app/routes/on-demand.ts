// What the app loads on demand beside the members page: the top bar's search box, the user page and the
// members page's membership check. They share one chunk on purpose. The bundler groups modules by which
// chunks reach them, so a lazy chunk that reaches only some modules of the first bundle splits it further
// (gzip per chunk costs about 0.5 kB each time); neither the search box nor the check reaches anything the
// user page does not, so together they leave the members page's first bundle as it is.
export { OpenThreadOrUser } from '../../features/search/OpenThreadOrUser.tsx';
export { UserThreadsPage } from './UserThreadsPage.tsx';
export { MembershipCheck } from '../../features/members/MembershipCheck.tsx';

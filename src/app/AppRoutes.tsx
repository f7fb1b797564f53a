import { lazy } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { AppShell } from './AppShell.tsx';
import { ThreadMembersPage } from './routes/ThreadMembersPage.tsx';

// The members page is where people land from a ticket, so it is in the first bundle; others load on demand
// (see routes/on-demand.ts for why most of them come in one chunk).
const ThreadsPage = lazy(async () => ({ default: (await import('./routes/on-demand.ts')).ThreadsPage }));
const UserThreadsPage = lazy(async () => ({
  default: (await import('./routes/on-demand.ts')).UserThreadsPage,
}));
const ActivityPage = lazy(async () => ({
  default: (await import('./routes/on-demand.ts')).ActivityPage,
}));
const NotFoundPage = lazy(async () => ({ default: (await import('./NotFoundPage.tsx')).NotFoundPage }));

export function AppRoutes() {
  return (
    <Routes>
      <Route element={<AppShell />}>
        <Route index element={<Navigate to="/threads" replace />} />
        <Route path="threads" element={<ThreadsPage />} />
        <Route path="threads/:threadId" element={<ThreadMembersPage />} />
        <Route path="users/:username" element={<UserThreadsPage />} />
        <Route path="activity" element={<ActivityPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}

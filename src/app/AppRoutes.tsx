import { lazy } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { AppShell } from './AppShell.tsx';
import { ThreadMembersPage } from './routes/ThreadMembersPage.tsx';

// The members page is where people land from a ticket, so it is in the first bundle; others load on demand.
const ThreadsPage = lazy(async () => ({ default: (await import('./routes/ThreadsPage.tsx')).ThreadsPage }));
const ActivityPage = lazy(async () => ({
  default: (await import('./routes/ActivityPage.tsx')).ActivityPage,
}));
const NotFoundPage = lazy(async () => ({ default: (await import('./NotFoundPage.tsx')).NotFoundPage }));

export function AppRoutes() {
  return (
    <Routes>
      <Route element={<AppShell />}>
        <Route index element={<Navigate to="/threads" replace />} />
        <Route path="threads" element={<ThreadsPage />} />
        <Route path="threads/:threadId" element={<ThreadMembersPage />} />
        <Route path="activity" element={<ActivityPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}

// /users/:username — the threads a user joined; the group (?group=) and sort (?sort=asc) live in the URL.
import { Stack } from '@mui/material';
import { useParams, useSearchParams } from 'react-router';
import type { ThreadSort } from '../../api/threads.ts';
import { PageFrame } from '../../components/PageFrame.tsx';
import { normalizeUsername } from '../../lib/username.ts';
import { GroupField } from '../../features/users/GroupField.tsx';
import { UserThreadList } from '../../features/users/UserThreadList.tsx';

const crumbs = [{ label: 'Threads', to: '/threads' }];

export function UserThreadsPage() {
  const username = normalizeUsername(useParams().username ?? '');
  const [searchParams, setSearchParams] = useSearchParams();
  const sort: ThreadSort = searchParams.get('sort') === 'asc' ? 'asc' : 'desc';
  const groupId = searchParams.get('group') || null;

  function updateSearch(name: 'sort' | 'group', value: string | null) {
    setSearchParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value === null) next.delete(name);
        else next.set(name, value);
        return next;
      },
      { replace: true },
    );
  }

  return (
    <PageFrame title={`Threads of ${username}`} crumbs={crumbs}>
      <Stack spacing={2}>
        <GroupField key={groupId} groupId={groupId} onChange={(group) => updateSearch('group', group)} />
        <UserThreadList
          key={`${username} ${groupId ?? ''} ${sort}`}
          username={username}
          groupId={groupId}
          sort={sort}
          onSortChange={(next) => updateSearch('sort', next === 'desc' ? null : next)}
        />
      </Stack>
    </PageFrame>
  );
}

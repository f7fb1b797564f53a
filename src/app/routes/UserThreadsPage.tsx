// /users/:username — the threads a user joined; the group (?group=) and sort (?sort=asc) live in the URL.
// Removal from those threads is the members feature's bulk operation, composed here. Its dialogs are imported
// statically: this page is a lazy chunk already, and a dynamic import here would split Vite's preload helper
// out of the members page's first bundle into a chunk of its own.
import { Alert, Stack } from '@mui/material';
import { useState } from 'react';
import { useParams, useSearchParams } from 'react-router';
import type { ThreadSort } from '../../api/threads.ts';
import { PageFrame } from '../../components/PageFrame.tsx';
import { RemoveFromThreadsDialog } from '../../features/members/RemoveFromThreadsDialog.tsx';
import { useMayChangeMembers } from '../../features/session/session-queries.ts';
import { isGroupId } from '../../lib/chat-ids.ts';
import { normalizeUsername } from '../../lib/username.ts';
import { GroupField } from '../../features/users/GroupField.tsx';
import { UserThreadList, type ThreadRemovalRequest } from '../../features/users/UserThreadList.tsx';

const crumbs = [{ label: 'Threads', to: '/threads' }];

export function UserThreadsPage() {
  const username = normalizeUsername(useParams().username ?? '');
  const [searchParams, setSearchParams] = useSearchParams();
  const sort: ThreadSort = searchParams.get('sort') === 'asc' ? 'asc' : 'desc';
  const groupId = searchParams.get('group') || null;
  const mayChange = useMayChangeMembers();
  const [removal, setRemoval] = useState<ThreadRemovalRequest | null>(null);
  /** Removals started here: each starts the list afresh, so that Undo does not bring back a stale selection. */
  const [removals, setRemovals] = useState(0);

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
        {groupId === null || isGroupId(groupId) ? (
          <UserThreadList
            key={`${username} ${groupId ?? ''} ${sort} ${removals}`}
            username={username}
            groupId={groupId}
            sort={sort}
            onSortChange={(next) => updateSearch('sort', next === 'desc' ? null : next)}
            {...(mayChange ? { onRemove: setRemoval } : {})}
          />
        ) : (
          // Asked as it is, the API would answer as if the user did not exist.
          <Alert severity="warning">
            The group ID in the address is not valid, so no threads were looked up: a group ID has only
            digits. Correct it in the Group ID field, or clear the field to see the threads of all groups.
          </Alert>
        )}
      </Stack>
      {removal && (
        <RemoveFromThreadsDialog
          username={username}
          threads={removal.threads}
          scope={removal.scope}
          groupId={groupId}
          onStarted={() => {
            setRemoval(null);
            setRemovals((count) => count + 1);
          }}
          onClose={() => setRemoval(null)}
        />
      )}
    </PageFrame>
  );
}

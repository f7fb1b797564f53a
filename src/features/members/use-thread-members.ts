// A thread's member list: the pages the API gave and the changes operations made since, seen together.
import { useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useApi } from '../../api/api-context.tsx';
import { memberChangesQuery, NO_CHANGES } from './member-changes.ts';
import { threadMembersQuery } from './member-queries.ts';
import { membersShown } from './member-view.ts';

export function useThreadMembers(threadId: string, pageSize: number) {
  const api = useApi();
  const queryClient = useQueryClient();
  const pages = useInfiniteQuery(threadMembersQuery(api, queryClient, threadId, pageSize));
  const { data: changes = NO_CHANGES } = useQuery(memberChangesQuery(threadId));
  const { data } = pages;
  /** Undefined while the first page loads. */
  const members = useMemo(
    () => (data === undefined ? undefined : membersShown(data.pages, changes, pageSize)),
    [data, changes, pageSize],
  );
  return { ...pages, members };
}

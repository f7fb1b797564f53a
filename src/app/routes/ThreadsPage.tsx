import { Stack, Typography } from '@mui/material';
import { useSearchParams } from 'react-router';
import type { ThreadSort } from '../../api/threads.ts';
import { PageFrame } from '../../components/PageFrame.tsx';
import { OpenThreadForm } from '../../features/threads/OpenThreadForm.tsx';
import { ThreadList } from '../../features/threads/ThreadList.tsx';

export function ThreadsPage() {
  const [searchParams, setSearchParams] = useSearchParams();
  const sort: ThreadSort = searchParams.get('sort') === 'asc' ? 'asc' : 'desc';
  return (
    <PageFrame title="Threads">
      <OpenThreadForm />
      <Stack spacing={1}>
        <Typography variant="h6" component="h2">
          All threads of the app
        </Typography>
        <ThreadList
          sort={sort}
          onSortChange={(next) => setSearchParams(next === 'desc' ? {} : { sort: next }, { replace: true })}
        />
      </Stack>
    </PageFrame>
  );
}

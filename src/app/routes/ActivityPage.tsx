// /activity — the audit log: every add and remove made through the dashboard; filters live in the URL.
import { Stack } from '@mui/material';
import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { PageFrame } from '../../components/PageFrame.tsx';
import { ActivityExportButton } from '../../features/activity/ActivityExportButton.tsx';
import { ActivityFilters } from '../../features/activity/ActivityFilters.tsx';
import { ActivityList } from '../../features/activity/ActivityList.tsx';
import { addressFromFilter, apiFilter, filterFromAddress } from '../../features/activity/activity-address.ts';

export function ActivityPage() {
  const [searchParams, setSearchParams] = useSearchParams();
  const address = searchParams.toString();
  const applied = useMemo(() => filterFromAddress(new URLSearchParams(address)), [address]);
  const filter = useMemo(() => apiFilter(applied), [applied]);
  return (
    <PageFrame title="Activity">
      <Stack
        direction="row"
        spacing={2}
        useFlexGap
        sx={{ flexWrap: 'wrap', justifyContent: 'space-between' }}
      >
        <ActivityFilters
          key={address}
          applied={applied}
          onApply={(next) => setSearchParams(addressFromFilter(next))}
        />
        <ActivityExportButton filter={filter} />
      </Stack>
      <ActivityList filter={filter} />
    </PageFrame>
  );
}

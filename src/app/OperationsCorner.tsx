// The top bar's operations: the indicator, the open operation (from the address), and the event stream that
// keeps operations and the member lists they change current. Composes the operations feature with the
// members feature's cache, the activity and the session's role; loaded after the first paint.
import { useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import { activityListsKey } from '../features/activity/activity-queries.ts';
import { followSettledItems } from '../features/members/member-changes.ts';
import { refreshAfterOperation } from '../features/members/thread-refresh.ts';
import { OperationsButton } from '../features/operations/OperationsButton.tsx';
import { useOperationEvents } from '../features/operations/use-operation-events.ts';
import { useMayChangeMembers, useSignedInName } from '../features/session/session-queries.ts';
import { ALL_OPERATIONS, useOperationAddress } from '../lib/operation-address.ts';

const OperationsDialog = lazy(async () => ({
  default: (await import('../features/operations/OperationsDialog.tsx')).OperationsDialog,
}));

export function OperationsCorner() {
  const queryClient = useQueryClient();
  const { shown, show, close } = useOperationAddress();
  const mayChange = useMayChangeMembers();
  const signedInAs = useSignedInName();
  useOperationEvents({
    onSettled: (settled) => followSettledItems(queryClient, settled),
    onEnded: (operation) => {
      void refreshAfterOperation(queryClient, operation);
      void queryClient.invalidateQueries({ queryKey: activityListsKey });
    },
  });
  return (
    <>
      <OperationsButton onOpen={() => show(ALL_OPERATIONS)} />
      {shown !== null && (
        <Suspense>
          <OperationsDialog
            shown={shown}
            mayChange={mayChange}
            signedInAs={signedInAs}
            onShow={show}
            onClose={close}
          />
        </Suspense>
      )}
    </>
  );
}

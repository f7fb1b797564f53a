// Starts a bulk operation on the server and opens it: the dialog that asked closes, the operation goes on.
import { useMutation } from '@tanstack/react-query';
import { useApi } from '../../api/api-context.tsx';
import { startOperation, type OperationSummary, type StartOperation } from '../../api/operations.ts';
import { useOperationAddress } from '../../lib/operation-address.ts';

export function useStartOperation(onStarted: (operation: OperationSummary) => void = () => undefined) {
  const api = useApi();
  const { show } = useOperationAddress();
  return useMutation({
    mutationFn: (start: StartOperation) => startOperation(api, start),
    onSuccess: (operation) => {
      onStarted(operation);
      show(operation.id);
    },
  });
}

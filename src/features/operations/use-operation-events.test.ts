import { QueryClient, QueryObserver } from '@tanstack/react-query';
import { expect, it } from 'vitest';
import type { OperationDetail, OperationState } from '../../api/operations.ts';
import { operationKey } from './operation-queries.ts';
import { readEnded } from './use-operation-events.ts';

const detail = (state: OperationState) => ({ operation: { state }, items: [] }) as unknown as OperationDetail;

it('reads an ended operation again when its first read was answered from before the end', async () => {
  const queryClient = new QueryClient();
  let answer: (state: OperationState) => void = () => undefined;
  const observer = new QueryObserver(queryClient, {
    queryKey: operationKey('op'),
    queryFn: () => new Promise<OperationDetail>((resolve) => (answer = (state) => resolve(detail(state)))),
  });
  const unsubscribe = observer.subscribe(() => undefined);
  // The end arrives while the first read is still on its way, and that read answers "running".
  const ended = readEnded(queryClient, 'op');
  answer('running');
  await new Promise((resolve) => setTimeout(resolve, 0));
  answer('finished');
  await ended;
  expect(queryClient.getQueryData<OperationDetail>(operationKey('op'))?.operation.state).toBe('finished');
  unsubscribe();
});

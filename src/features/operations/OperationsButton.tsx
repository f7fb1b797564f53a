// The operations indicator of the top bar: how many operations run on the server, anyone's, and the way to them.
import { Badge, Button } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useApi } from '../../api/api-context.tsx';
import { isUnfinished, operationsQuery } from './operation-queries.ts';
import { OPERATIONS_BUTTON_WIDTH } from './operations-button-size.ts';

export function OperationsButton({ onOpen }: { onOpen: () => void }) {
  const { data } = useQuery(operationsQuery(useApi()));
  const running = data?.filter((operation) => isUnfinished(operation.state)).length ?? 0;
  return (
    <Button
      color="inherit"
      onClick={onOpen}
      sx={{ width: OPERATIONS_BUTTON_WIDTH, flexShrink: 0 }}
      aria-label={running > 0 ? `Operations: ${running} running` : 'Operations'}
    >
      {/* A badge, not more words: the bar keeps its width as operations start and end. */}
      <Badge badgeContent={running} color="secondary" max={99}>
        Operations
      </Badge>
    </Button>
  );
}

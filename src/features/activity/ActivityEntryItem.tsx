// One entry of the activity: who changed which thread when, the outcome counts, and on demand each user.
import { Box, Button, Collapse, Stack, Typography } from '@mui/material';
import { useId, useState } from 'react';
import type { ActivityAction, ActivityEntry } from '../../api/activity.ts';
import { useOperationAddress } from '../../lib/operation-address.ts';
import { ActivityEntryUsers, ThreadLink } from './ActivityEntryUsers.tsx';
import { outcomeSummary } from './outcome-labels.ts';

const time = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });
const count = new Intl.NumberFormat();

/** What the actor did (or tried) to the thread, up to the words naming it. */
function verbOf(action: ActivityAction, refused: boolean, who: string): string {
  switch (action) {
    case 'add':
      return `${refused ? 'tried to add' : 'added'} ${who} to`;
    case 'remove':
      return `${refused ? 'tried to remove' : 'removed'} ${who} from`;
    case 'other':
      return 'tried an operation of a kind the server does not know on';
    default:
      return `tried to ${action} an operation on`;
  }
}

export function ActivityEntryItem({ entry }: { entry: ActivityEntry }) {
  const [expanded, setExpanded] = useState(false);
  const operations = useOperationAddress();
  const detailsId = useId();
  const who = entry.username ?? 'members';
  const refused = entry.refusal !== null;
  const verb = verbOf(entry.action, refused, who);
  // A refused attempt may have named no thread the server could read.
  const noThread = entry.threadId === '';
  const where =
    entry.threads > 1
      ? `${count.format(entry.threads)} threads`
      : noThread
        ? 'threads'
        : `thread ${entry.threadId}`;
  const summary = `${entry.actor} (${entry.role}) ${verb} ${where}${refused ? ', refused' : ''}`;
  return (
    <Box
      component="li"
      aria-label={summary}
      sx={{ listStyle: 'none', borderBottom: 1, borderColor: 'divider', py: 1.5, px: 2 }}
    >
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', justifyContent: 'space-between' }}>
        <Box sx={{ minWidth: 0 }}>
          <Typography sx={{ overflowWrap: 'anywhere' }}>
            <strong>{entry.actor}</strong> ({entry.role}) {verb}{' '}
            {entry.threads > 1 || noThread ? (
              where
            ) : (
              <>
                thread <ThreadLink threadId={entry.threadId} />
              </>
            )}
          </Typography>
          {entry.refusal !== null && (
            <Typography variant="body2" color="error" sx={{ overflowWrap: 'anywhere' }}>
              Refused, nothing was sent: {entry.refusal}
            </Typography>
          )}
          {entry.operation !== null && (
            <Typography variant="body2" sx={{ overflowWrap: 'anywhere' }}>
              {entry.operation.label}
            </Typography>
          )}
          <Typography variant="body2" color="text.secondary">
            <time dateTime={entry.startedAt.toISOString()}>{time.format(entry.startedAt)}</time>
            {' · '}
            {outcomeSummary(entry.outcomes)}
            {entry.calls > 1 && ` · ${entry.calls} calls`}
          </Typography>
        </Box>
        <Stack direction="row" spacing={1} sx={{ flexShrink: 0 }}>
          {entry.operationId !== null && (
            // Its results, its Undo and what it undid or was undone by, for as long as its record is kept.
            <Button
              size="small"
              aria-label={`Open the operation: ${summary}`}
              onClick={() => operations.show(entry.operationId ?? '')}
            >
              Open operation
            </Button>
          )}
          {entry.operation?.undoOf != null && (
            <Button
              size="small"
              aria-label={`Open what this undid: ${summary}`}
              onClick={() => operations.show(entry.operation?.undoOf ?? '')}
            >
              Open what it undid
            </Button>
          )}
          <Button
            size="small"
            aria-expanded={expanded}
            aria-controls={detailsId}
            aria-label={`${expanded ? 'Hide' : 'Show'} users: ${summary}`}
            onClick={() => setExpanded(!expanded)}
          >
            {expanded ? 'Hide users' : 'Show users'}
          </Button>
        </Stack>
      </Stack>
      <Collapse in={expanded} unmountOnExit>
        <Box id={detailsId} sx={{ mt: 1 }}>
          <ActivityEntryUsers entry={entry} />
        </Box>
      </Collapse>
    </Box>
  );
}

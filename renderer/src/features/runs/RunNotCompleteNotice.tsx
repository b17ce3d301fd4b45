import { Alert } from '@mantine/core';
import { formatTimestamp } from '../../components/formatters';

/**
 * Said instead of a run's numbers when it has none: a cancelled, failed or unfinished run holds no
 * matches or breaks, and zeros would read as "nothing to reconcile".
 */
export function RunNotCompleteNotice(props: {
  runId: number;
  status: string;
  startedAtMs: number;
  finishedAtMs: number | null;
  ending: { actor: string; reason: string } | null;
}) {
  const at = props.finishedAtMs === null ? '' : ` at ${formatTimestamp(props.finishedAtMs)}`;
  if (props.status === 'cancelled') {
    return (
      <Alert color="gray" title={`Run #${props.runId} was cancelled`} role="status">
        Cancelled{at}{props.ending ? ` by ${props.ending.actor}` : ''}, before it finished. It has no results: no matches, no breaks.
        Start a new run (or re-run it) to reconcile these sources.
      </Alert>
    );
  }
  if (props.status === 'failed') {
    return (
      <Alert color="red" title={`Run #${props.runId} failed`} role="status">
        Failed{at}{props.ending?.reason ? `: ${props.ending.reason}` : ''}. It has no results: no matches, no breaks.
      </Alert>
    );
  }
  return (
    <Alert color="blue" title={`Run #${props.runId} has not finished`} role="status">
      Started {formatTimestamp(props.startedAtMs)} and still running (or stopped when the app closed). It has no results yet.
    </Alert>
  );
}

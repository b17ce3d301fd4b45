import { useCallback, useEffect, useRef, useState } from 'react';
import type { ProgressEvent } from '../../../preload/contract';
import { call, newTaskId, subscribe } from './reconClient';

/** Runs one long contract call under a fresh task id, exposing its progress and a cancel action. */
export function useTask() {
  const [taskId, setTaskId] = useState<string | null>(null);
  const [progress, setProgress] = useState<ProgressEvent | null>(null);
  const current = useRef<string | null>(null);

  useEffect(
    () =>
      subscribe('recon:progress', (event) => {
        if (event.taskId === current.current) setProgress(event);
      }),
    [],
  );

  const run = useCallback(async <T,>(prefix: string, start: (taskId: string) => Promise<T>): Promise<T> => {
    const id = newTaskId(prefix);
    current.current = id;
    setTaskId(id);
    setProgress(null);
    try {
      return await start(id);
    } finally {
      current.current = null;
      setTaskId(null);
    }
  }, []);

  const cancel = useCallback(() => {
    if (current.current) void call('task:cancel-task', { taskId: current.current });
  }, []);

  return { running: taskId !== null, progress, run, cancel };
}

import type { ProgressEvent } from './domain';

/** Events pushed from main to the renderer; never polled. */
export interface ReconEvents {
  /** Progress of a long task started with a client-chosen taskId. */
  'recon:progress': ProgressEvent;
  /** The workspace changed (import, run, triage); views should refetch what they show. */
  'recon:workspace-changed': { reason: string };
  /** A file was dropped on the window; its path, for the import wizard. */
  'recon:file-dropped': { filePath: string };
}

export type EventName = keyof ReconEvents;

export const EVENT_NAMES: readonly EventName[] = ['recon:progress', 'recon:workspace-changed', 'recon:file-dropped'];

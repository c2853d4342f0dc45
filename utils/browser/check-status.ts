import { storage } from 'wxt/utils/storage';
import type { CheckProgress, ForumOutcome } from '../checks/outcome';

/**
 * The check in progress and the last one's outcome, kept by the background in session
 * storage (Threadside's own pages only; gone when the browser closes) so the popup shows
 * them again when it is reopened mid-check.
 */
export interface CheckStatus {
  progress: CheckProgress | null;
  last: { forums: ForumOutcome[]; finishedAt: number; stopped: boolean } | null;
}

export const checkStatusItem = storage.defineItem<CheckStatus>('session:checkStatus', {
  fallback: { progress: null, last: null },
});

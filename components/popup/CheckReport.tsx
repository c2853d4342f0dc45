import { useEffect, useState } from 'react';
import { MIN_GAP_MS } from '../../utils/checks/backoff';
import { checkHeadline, forumLine, progressText } from '../../utils/checks/outcome';
import { checkStatusItem, type CheckStatus } from '../../utils/browser/check-status';
import { askForSiteFromPopup } from '../../utils/browser/site-access';
import { siteAnswerMessage } from '../../utils/sites/site-request';
import { forumName } from '../../utils/saved-list';
import { useNow } from './use-now';

/**
 * The check in progress and the last one's outcome, as the background keeps them:
 * `undefined` until read, null when there has been no check.
 */
export function useCheckStatus(): CheckStatus | null | undefined {
  const [status, setStatus] = useState<CheckStatus | null | undefined>(undefined);
  useEffect(() => {
    // Unreadable, it is shown as never checked rather than held back for good.
    void checkStatusItem.getValue().then(setStatus, () => setStatus(null));
    return checkStatusItem.watch((s) => setStatus(s));
  }, []);
  return status;
}

/**
 * What the last check did, forum by forum: checked (and what it found), not asked and why,
 * failed and why, with when the next try is; while a long check runs, how far it has got,
 * with a way to stop it.
 */
export function CheckReport({
  status,
  asking,
  onStop,
}: {
  status: CheckStatus | null;
  /** Check now was pressed and its answer has not come yet. */
  asking: boolean;
  onStop: () => void;
}) {
  const [accessMessage, setAccessMessage] = useState('');
  const progress = status?.progress ?? null;
  // Each second while a check runs: its time left moves. A check that has just ended has
  // its waits told from now, not from the last tick up to 30 s before.
  const now = useNow(progress ? 1000 : 30_000, status?.last);
  if (progress && progress.total > 1)
    return (
      <div className="check-progress">
        {/* Not a live region: it changes every second. The start and the outcome are announced. */}
        <p className="check-status">{progressText(progress, now, MIN_GAP_MS)}</p>
        <button type="button" onClick={onStop}>
          Stop checking
        </button>
      </div>
    );
  if (asking || progress)
    return (
      <p className="check-status" role="status" aria-live="polite">
        Checking for new replies…
      </p>
    );
  const last = status?.last;
  if (!last) return <p className="check-status" role="status" aria-live="polite" />;
  const headline = (last.stopped ? 'Stopped. ' : '') + checkHeadline(last.forums, forumName);
  // One forum, checked in the usual way: the headline says it all.
  const detailed = last.forums.length > 1 || last.forums.some((f) => f.kind !== 'checked' || f.overrodeWait);
  const allow = async (origin: string) => {
    const granted = await askForSiteFromPopup(origin);
    setAccessMessage(siteAnswerMessage(origin, granted));
  };
  return (
    <>
      <p className="check-status" role="status" aria-live="polite">
        {headline}
      </p>
      {detailed && (
        <ul className="check-forums" aria-label="Forums in the last check">
          {last.forums.map((f) => (
            <li key={f.origin} data-testid="forum-outcome" data-kind={f.kind}>
              {forumLine(f, forumName(f.origin), now)}
              {f.kind === 'no-access' && (
                <>
                  {' '}
                  <button type="button" className="link-button" onClick={() => void allow(f.origin)}>
                    Allow access to {forumName(f.origin)}
                  </button>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      {accessMessage && <p role="status">{accessMessage}</p>}
    </>
  );
}

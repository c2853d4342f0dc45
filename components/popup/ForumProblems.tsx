import { forumName } from '../../utils/saved-list';
import { hostOf } from '../../utils/forums/host';
import { nextTryText, withoutStoredWait } from '../../utils/checks/outcome';

/**
 * Forums that failed at their last check and are not in the report above (a timed check's
 * failure, seen when the popup opens): said quietly, with when Threadside tries again.
 */
export function ForumProblems({
  forums,
  now,
}: {
  forums: Array<{ origin: string; lastError: string | null; nextAttemptAt: number }>;
  now: number;
}) {
  const failing = forums.filter((f) => f.lastError);
  if (failing.length === 0) return null;
  return (
    <ul className="forum-problems" aria-label="Problems checking forums">
      {failing.map((f) => {
        const reason = withoutStoredWait(f.lastError ?? '');
        return (
          <li key={f.origin} data-testid="forum-problem">
            {/* Records from before kept a whole sentence naming the site; newer ones the reason alone. */}
            {reason.includes(hostOf(f.origin)) ? (
              reason
            ) : (
              <>
                <strong>{forumName(f.origin)}</strong> {reason}
              </>
            )}
            {f.nextAttemptAt > now && <> {nextTryText(f.nextAttemptAt, now)}</>}
          </li>
        );
      })}
    </ul>
  );
}

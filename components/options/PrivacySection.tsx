import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { getDb } from '../../utils/browser/db';
import { plural } from '../../utils/words';

/** What Threadside keeps and sends, and the summaries it keeps, with a way to clear them. */
export function PrivacySection() {
  const db = getDb();
  const cached = useLiveQuery(() => db.summaries.count(), []);
  const [message, setMessage] = useState('');
  const clear = async () => {
    await db.summaries.clear();
    setMessage('Cached summaries cleared.');
  };
  return (
    <section aria-labelledby="privacy-heading">
      <h2 id="privacy-heading">Privacy</h2>
      <p>
        Threadside keeps your saved threads, notes and settings in this browser only. It sends nothing anywhere: the
        only requests it makes go to the forums you read or follow, to count new replies and to read a thread you ask to
        summarise. No analytics, no accounts.
      </p>
      <p>
        Summaries are made on this computer and kept so they open at once:{' '}
        {cached === undefined ? 'counting…' : plural(cached, 'summary', 'summaries')} now. Threadside keeps at most 200,
        and forgets a thread’s summary a week after you stop following it.
      </p>
      <div className="buttons">
        <button type="button" onClick={() => void clear()} disabled={!cached}>
          Clear cached summaries
        </button>
      </div>
      <p className="message" role="status">
        {message}
      </p>
    </section>
  );
}

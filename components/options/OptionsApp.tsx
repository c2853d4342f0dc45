import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useRef, useState } from 'react';
import { getDb } from '../../utils/browser/db';
import { browser } from 'wxt/browser';
import {
  CHECK_INTERVAL_DEFAULT,
  CHECK_INTERVAL_MAX,
  CHECK_INTERVAL_MIN,
  checkIntervalSetting,
  clampInterval,
  intervalFromInput,
  glossaryModeSetting,
  glossarySiteModesSetting,
  notificationsSetting,
  notificationTitlesSetting,
  type GlossaryMode,
} from '../../utils/browser/settings';
import { buildExport, importOrigins, MAX_IMPORT_BYTES, parseImport } from '../../utils/db/export-format';
import { sitesAdded } from '../../utils/browser/site-access';
import { importReportText, importThreads } from '../../utils/db/import-merge';
import { SitesSection } from './SitesSection';
import { SiteAddressForm } from './SiteAddressForm';
import { plural } from '../../utils/words';
import { PrivacySection } from './PrivacySection';
import { GistSection } from './GistSection';

type Message = { kind: 'ok' | 'error'; text: string } | null;

/** Options: how the glossary shows, and saved threads in and out of a file. */
export function OptionsApp() {
  const db = getDb();
  const savedCount = useLiveQuery(() => db.threads.count(), []);
  const [message, setMessage] = useState<Message>(null);
  const [busy, setBusy] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const [mode, setMode] = useState<GlossaryMode | null>(null);
  // The field's text as typed: an emptied field must not show (or become) 0.
  const [interval, setIntervalText] = useState(String(CHECK_INTERVAL_DEFAULT));
  const [notify, setNotify] = useState(false);
  const [titles, setTitles] = useState(false);
  const [notifyMessage, setNotifyMessage] = useState('');
  const [siteModes, setSiteModes] = useState<Record<string, GlossaryMode>>({});
  useEffect(() => {
    void glossarySiteModesSetting.getValue().then(setSiteModes);
  }, []);
  const saveSiteModes = async (next: Record<string, GlossaryMode>) => {
    setSiteModes(next);
    await glossarySiteModesSetting.setValue(next);
  };

  useEffect(() => {
    void glossaryModeSetting.getValue().then(setMode);
    void checkIntervalSetting.getValue().then((m) => setIntervalText(String(clampInterval(m))));
    void notificationsSetting.getValue().then(setNotify);
    void notificationTitlesSetting.getValue().then(setTitles);
  }, []);

  const chooseInterval = async (text: string) => {
    const minutes = intervalFromInput(text);
    setIntervalText(String(minutes));
    await checkIntervalSetting.setValue(minutes);
  };

  const chooseNotify = async (on: boolean) => {
    setNotifyMessage('');
    // The permission is asked for at this moment, not at install.
    if (on && !(await browser.permissions.request({ permissions: ['notifications'] }))) {
      setNotifyMessage('Notifications stay off: the browser permission was not given.');
      return;
    }
    setNotify(on);
    await notificationsSetting.setValue(on);
  };

  const chooseMode = async (m: GlossaryMode) => {
    setMode(m);
    await glossaryModeSetting.setValue(m);
  };

  const exportAll = async () => {
    const threads = await db.threads.toArray();
    const file = new Blob([JSON.stringify(buildExport(threads, new Date()), null, 2)], { type: 'application/json' });
    const a = document.createElement('a');
    a.href = URL.createObjectURL(file);
    a.download = `threadside-saved-threads-${new Date().toISOString().slice(0, 10)}.json`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
    setMessage({ kind: 'ok', text: `Exported ${plural(threads.length, 'saved thread', 'saved threads')}.` });
  };

  const importFile = async (file: File | undefined) => {
    if (!file) return;
    setBusy(true);
    setMessage(null);
    try {
      // Too big to be ours: refuse before reading it into memory.
      const text = file.size > MAX_IMPORT_BYTES ? '' : await file.text();
      // A forum on the reader's own network restores where they added that site.
      const parsed = parseImport(text, file.size, Date.now(), await sitesAdded(importOrigins(text)));
      if (!parsed.ok) {
        setMessage({ kind: 'error', text: parsed.message });
        return;
      }
      const r = await importThreads(db, parsed.threads);
      setMessage({
        kind: 'ok',
        text: importReportText(file.name, r),
      });
    } catch (err) {
      setMessage({
        kind: 'error',
        text: `Threadside could not store the threads from this file. Nothing was imported, and your saved threads are as they were. Try again; if your disk is nearly full, free some space first. (The browser said: ${(err as Error).message})`,
      });
    } finally {
      setBusy(false);
      if (fileInput.current) fileInput.current.value = '';
    }
  };

  return (
    <main className="options">
      <h1>Threadside</h1>

      <SitesSection />

      <section aria-labelledby="glossary-heading">
        <h2 id="glossary-heading">Medical terms</h2>
        <fieldset>
          <legend>Underline terms that Threadside can explain</legend>
          {(
            [
              ['first', 'The first time each term appears in a post'],
              ['every', 'Every time a term appears'],
              ['off', 'Off'],
            ] as Array<[GlossaryMode, string]>
          ).map(([value, label]) => (
            <label key={value} className="choice">
              <input
                type="radio"
                name="glossary-mode"
                value={value}
                checked={mode === value}
                onChange={() => void chooseMode(value)}
              />
              {label}
            </label>
          ))}
        </fieldset>
        <h3>On particular sites</h3>
        {Object.keys(siteModes).length > 0 && (
          <ul aria-label="Glossary choices per site">
            {Object.entries(siteModes).map(([host, m]) => (
              <li key={host}>
                {host}{' '}
                <select
                  aria-label={`Underline terms on ${host}`}
                  value={m}
                  onChange={(e) => void saveSiteModes({ ...siteModes, [host]: e.target.value as GlossaryMode })}
                >
                  <option value="first">First time in each post</option>
                  <option value="every">Every time</option>
                  <option value="off">Off</option>
                </select>{' '}
                <button
                  type="button"
                  onClick={() => {
                    const { [host]: _gone, ...rest } = siteModes;
                    void saveSiteModes(rest);
                  }}
                >
                  Remove
                </button>
              </li>
            ))}
          </ul>
        )}
        <SiteAddressForm
          label="Site"
          button="Add a choice for this site"
          onSite={(site) => void saveSiteModes({ ...siteModes, [site.host]: 'off' })}
        />
      </section>

      <section aria-labelledby="checks-heading">
        <h2 id="checks-heading">New replies</h2>
        <label className="field">
          Check saved threads every{' '}
          <input
            type="number"
            min={CHECK_INTERVAL_MIN}
            max={CHECK_INTERVAL_MAX}
            step={5}
            value={interval}
            onChange={(e) => setIntervalText(e.target.value)}
            onBlur={(e) => void chooseInterval(e.target.value)}
          />{' '}
          minutes ({CHECK_INTERVAL_MIN} to {CHECK_INTERVAL_MAX})
        </label>
        <label className="choice">
          <input type="checkbox" checked={notify} onChange={(e) => void chooseNotify(e.target.checked)} />
          Show a notification when a saved thread has new replies
        </label>
        <label className="choice">
          <input
            type="checkbox"
            checked={titles}
            disabled={!notify}
            onChange={(e) => {
              setTitles(e.target.checked);
              void notificationTitlesSetting.setValue(e.target.checked);
            }}
          />
          Show thread titles in notifications (they can appear on a locked screen; without them a notification says only
          how many saved threads have new replies)
        </label>
        <p className="message" role="status">
          {notifyMessage}
        </p>
      </section>

      <section aria-labelledby="data-heading">
        <h2 id="data-heading">Saved threads</h2>
        <p>
          {savedCount === undefined ? 'Counting…' : `You have ${plural(savedCount, 'saved thread', 'saved threads')}.`}{' '}
          They are stored only in this browser. Export them to keep a copy or to move them to another browser.
        </p>
        <div className="buttons">
          <button type="button" onClick={() => void exportAll()} disabled={!savedCount}>
            Export to a file
          </button>
          <label className={`button ${busy ? 'disabled' : ''}`}>
            Import from a file
            <input
              ref={fileInput}
              type="file"
              accept="application/json,.json"
              className="visually-hidden"
              disabled={busy}
              onChange={(e) => void importFile(e.target.files?.[0])}
              data-testid="import-file"
            />
          </label>
        </div>
        <p
          className={`message ${message?.kind ?? ''}`}
          role={message?.kind === 'error' ? 'alert' : 'status'}
          aria-live="polite"
          data-testid="data-message"
        >
          {message?.text}
        </p>
        <p className="hint">
          Importing adds threads you do not have and brings the ones you do up to date. It never removes anything.
        </p>
      </section>

      <GistSection />

      <PrivacySection />

      <p className="disclaimer">Threadside explains and organises. It is not medical advice.</p>
    </main>
  );
}

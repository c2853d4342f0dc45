import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useRef, useState } from 'react';
import { getDb } from '../../utils/browser/db';
import { glossaryModeSetting, type GlossaryMode } from '../../utils/browser/settings';
import { buildExport, MAX_IMPORT_BYTES, parseImport } from '../../utils/db/export-format';
import { importThreads } from '../../utils/db/import-merge';

type Message = { kind: 'ok' | 'error'; text: string } | null;

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** Options: how the glossary shows, and saved threads in and out of a file. */
export function OptionsApp() {
  const db = getDb();
  const count = useLiveQuery(() => db.threads.count(), []);
  const [message, setMessage] = useState<Message>(null);
  const [busy, setBusy] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const [mode, setMode] = useState<GlossaryMode | null>(null);

  useEffect(() => {
    void glossaryModeSetting.getValue().then(setMode);
  }, []);

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
      const parsed = file.size > MAX_IMPORT_BYTES ? parseImport('', file.size) : parseImport(await file.text(), file.size);
      if (!parsed.ok) {
        setMessage({ kind: 'error', text: parsed.message });
        return;
      }
      const r = await importThreads(db, parsed.threads);
      setMessage({
        kind: 'ok',
        text: `Imported “${file.name}”: ${plural(r.added, 'thread', 'threads')} added, ${r.updated} updated, ${r.skipped} already up to date.`,
      });
    } catch (err) {
      setMessage({ kind: 'error', text: `The import failed and nothing was changed: ${(err as Error).message}` });
    } finally {
      setBusy(false);
      if (fileInput.current) fileInput.current.value = '';
    }
  };

  return (
    <main className="options">
      <h1>Threadside</h1>

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
              <input type="radio" name="glossary-mode" value={value} checked={mode === value} onChange={() => chooseMode(value)} />
              {label}
            </label>
          ))}
        </fieldset>
      </section>

      <section aria-labelledby="data-heading">
        <h2 id="data-heading">Saved threads</h2>
        <p>
          {count === undefined ? 'Counting…' : `You have ${plural(count, 'saved thread', 'saved threads')}.`} They are
          stored only in this browser. Export them to keep a copy or to move them to another browser.
        </p>
        <div className="buttons">
          <button type="button" onClick={exportAll} disabled={!count}>
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
        <p className={`message ${message?.kind ?? ''}`} role={message?.kind === 'error' ? 'alert' : 'status'} aria-live="polite">
          {message?.text}
        </p>
        <p className="hint">
          Importing adds threads you do not have and brings the ones you do up to date. It never removes anything.
        </p>
      </section>

      <p className="disclaimer">Threadside explains and organises. It is not medical advice.</p>
    </main>
  );
}

import { useEffect, useId, useLayoutEffect, useRef, useState } from 'react';
import { dropNoteDraft, keepNoteDraft, noteDraft } from '../../utils/browser/note-drafts';
import type { SavedThread } from '../../utils/db/saved-thread';
import { newReplies } from '../../utils/db/saved-thread';
import { forumName, relativeTime } from '../../utils/saved-list';
import { plural, withoutBidiControls } from '../../utils/words';

export interface ThreadRowProps {
  thread: SavedThread;
  now: number;
  onOpen: (t: SavedThread) => void;
  onRemove: (t: SavedThread) => void;
  onMarkRead: (t: SavedThread) => void;
  onSaveNote: (t: SavedThread, note: string) => Promise<unknown>;
}

export function ThreadRow({ thread: t, now, onOpen, onRemove, onMarkRead, onSaveNote }: ThreadRowProps) {
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(t.note);
  const fresh = newReplies(t);
  // Stored before titles were cleaned, or typed into a note: cleaned again where shown.
  const title = withoutBidiControls(t.title);
  const hintId = useId();
  const openRef = useRef<HTMLButtonElement>(null);

  const draftKey = `${t.origin} ${t.threadId}`;
  // Typed before the popup last closed, and neither saved nor cancelled: back in its editor.
  const [restored, setRestored] = useState(false);
  useEffect(() => {
    let live = true;
    void noteDraft(draftKey)
      .then((kept) => {
        if (!live || kept === undefined || kept === t.note) return;
        setDraft(kept);
        setEditing(true);
        setRestored(true);
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
    // Once per thread: the note itself changing later is not a reason to look again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [draftKey]);
  const type = (text: string) => {
    setDraft(text);
    void keepNoteDraft(draftKey, text).catch(() => undefined);
  };
  const forget = () => void dropNoteDraft(draftKey).catch(() => undefined);

  // Not saved (the popup says why): the editor stays open with the words typed.
  const save = async () => {
    if ((await onSaveNote(t, draft.trim())) === false) return;
    setEditing(false);
    setRestored(false);
    forget();
  };

  return (
    <div className="row">
      <button
        ref={openRef}
        type="button"
        className="row-open"
        onClick={() => onOpen(t)}
        onKeyDown={(e) => {
          if (e.key === 'Delete') onRemove(t);
        }}
        title={`Open “${title}”`}
      >
        <span className="row-title" dir="auto">
          {title}
        </span>
        <span className="row-meta">
          {forumName(t.origin)} · {relativeTime(t.lastActivityAt, now)}
          {t.check.gone && <> · no longer on the forum</>}
          {/* The forum answered, but not for this thread: its count may be behind. */}
          {!t.check.gone && t.check.lastError && <> · not read at the last check</>}
        </span>
        {/* In the thread's own name, where a screen reader says it: a label on the count's
            span is not read out by all of them, and Tab does not stop there. */}
        {fresh > 0 && <span className="visually-hidden">, {plural(fresh, 'new reply', 'new replies')}</span>}
      </button>
      {fresh > 0 && (
        <span className="row-new" aria-hidden="true">
          {fresh > 99 ? '99+' : fresh}
        </span>
      )}
      <div className="row-actions">
        {fresh > 0 && (
          <button
            type="button"
            className="icon"
            onClick={() => {
              // The button goes with the count: focus moves to the thread, not to nowhere.
              openRef.current?.focus();
              onMarkRead(t);
            }}
            aria-label={`Mark “${title}” as read`}
            title="Mark as read"
          >
            ✓
          </button>
        )}
        <button
          type="button"
          className="icon"
          onClick={() => setEditing((v) => !v)}
          aria-expanded={editing}
          aria-label={`Note on “${title}”`}
          title="Add or edit a note"
        >
          ✎
        </button>
        <button
          type="button"
          className="icon"
          onClick={() => onRemove(t)}
          aria-label={`Remove “${title}”`}
          title="Remove from saved threads"
        >
          ✕
        </button>
      </div>
      {t.note && !editing && <RowNote note={t.note} />}
      {editing && (
        <div className="row-editor">
          <label>
            <span className="visually-hidden">Note on “{title}”</span>
            <textarea
              value={draft}
              maxLength={5000}
              rows={2}
              autoFocus
              dir="auto"
              placeholder="A note for yourself, such as what to ask at the next appointment"
              aria-describedby={hintId}
              onChange={(e) => type(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void save();
                if (e.key === 'Escape') {
                  e.stopPropagation();
                  setDraft(t.note);
                  setEditing(false);
                  setRestored(false);
                  forget();
                }
              }}
            />
          </label>
          <span className="row-hint" id={hintId}>
            {restored && 'Not saved yet: what you typed before the popup closed. '}
            Ctrl+Enter (⌘+Enter on a Mac) saves, Esc cancels
          </span>
          <button type="button" onClick={() => void save()}>
            Save note
          </button>
        </div>
      )}
    </div>
  );
}

/** Long notes at two lines, with a way to read all of it. */
const LONG_NOTE = 90;
function RowNote({ note }: { note: string }) {
  const [open, setOpen] = useState(false);
  const [cut, setCut] = useState(false);
  const ref = useRef<HTMLParagraphElement>(null);
  const id = useId();
  // Cut off by the two-line clamp (a short note on a narrow screen too), or long anyway.
  useLayoutEffect(() => {
    const el = ref.current;
    if (el && !open) setCut(el.scrollHeight > el.clientHeight + 1);
  }, [note, open]);
  const long = cut || note.length > LONG_NOTE || note.includes('\n');
  return (
    <div className="row-note-box">
      <p ref={ref} className={open ? 'row-note row-note--open' : 'row-note'} id={id} dir="auto">
        {withoutBidiControls(note)}
      </p>
      {long && (
        <button
          type="button"
          className="link-button"
          aria-expanded={open}
          aria-controls={id}
          onClick={() => setOpen((v) => !v)}
        >
          {open ? 'Show less' : 'Show whole note'}
        </button>
      )}
    </div>
  );
}

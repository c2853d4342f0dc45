import { useState } from 'react';
import type { SavedThread } from '../../utils/db/saved-thread';
import { newReplies } from '../../utils/db/saved-thread';
import { forumName, relativeTime } from '../../utils/saved-list';
import { plural } from '../../utils/words';

export interface ThreadRowProps {
  thread: SavedThread;
  now: number;
  onOpen: (t: SavedThread) => void;
  onRemove: (t: SavedThread) => void;
  onSaveNote: (t: SavedThread, note: string) => Promise<unknown>;
}

export function ThreadRow({ thread: t, now, onOpen, onRemove, onSaveNote }: ThreadRowProps) {
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(t.note);
  const fresh = newReplies(t);

  const save = async () => {
    await onSaveNote(t, draft.trim());
    setEditing(false);
  };

  return (
    <div className="row">
      <button
        type="button"
        className="row-open"
        onClick={() => onOpen(t)}
        onKeyDown={(e) => {
          if (e.key === 'Delete') onRemove(t);
        }}
        title={`Open “${t.title}”`}
      >
        <span className="row-title">{t.title}</span>
        <span className="row-meta">
          {forumName(t.origin)} · {relativeTime(t.lastActivityAt, now)}
          {t.check.gone && <> · no longer on the forum</>}
        </span>
        {t.note && !editing && <span className="row-note">{t.note}</span>}
      </button>
      {fresh > 0 && (
        <span className="row-new" aria-label={plural(fresh, 'new reply', 'new replies')}>
          {fresh > 99 ? '99+' : fresh}
        </span>
      )}
      <div className="row-actions">
        <button
          type="button"
          className="icon"
          onClick={() => setEditing((v) => !v)}
          aria-expanded={editing}
          aria-label={`Note on “${t.title}”`}
          title="Add or edit a note"
        >
          ✎
        </button>
        <button
          type="button"
          className="icon"
          onClick={() => onRemove(t)}
          aria-label={`Remove “${t.title}”`}
          title="Remove from saved threads"
        >
          ✕
        </button>
      </div>
      {editing && (
        <div className="row-editor">
          <label>
            <span className="visually-hidden">Note on “{t.title}”</span>
            <textarea
              value={draft}
              maxLength={5000}
              rows={2}
              autoFocus
              onChange={(e) => setDraft(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void save();
                if (e.key === 'Escape') {
                  e.stopPropagation();
                  setDraft(t.note);
                  setEditing(false);
                }
              }}
            />
          </label>
          <button type="button" onClick={() => void save()}>
            Save note
          </button>
        </div>
      )}
    </div>
  );
}

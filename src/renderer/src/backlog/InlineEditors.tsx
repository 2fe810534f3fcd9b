// Click-to-edit fields of the task drawer: a one-line text (title), a number (points) and
// a Markdown text with a preview (description). Enter or Save writes; Escape cancels.
import { useEffect, useState } from 'react';
import { Markdown } from '../markdown/Markdown';
import type { TaskLinks } from '../markdown/taskLinks';

export function InlineText({ label, value, disabled, onSave, className }: { label: string; value: string; disabled: boolean; onSave(v: string): void; className?: string }) {
  const [draft, setDraft] = useState<string | null>(null);
  if (draft === null) {
    return (
      // Named by what it shows (speech-input users say what they see); what it does is its
      // description (the title), read after the name.
      <button type="button" className={`inline-edit ${className ?? ''}`} title={`Edit ${label.toLowerCase()}`} disabled={disabled} onClick={() => setDraft(value)}>
        {value}
      </button>
    );
  }
  const save = () => {
    const next = draft.trim();
    setDraft(null);
    if (next !== '' && next !== value) onSave(next);
  };
  return (
    <input
      className={`inline-input ${className ?? ''}`}
      aria-label={label}
      autoFocus
      value={draft}
      onChange={(e) => setDraft(e.target.value)}
      onKeyDown={(e) => {
        if (e.key === 'Enter') save();
        if (e.key === 'Escape') {
          e.stopPropagation();
          setDraft(null);
        }
      }}
      onBlur={save}
    />
  );
}

export function InlinePoints({ value, disabled, onSave }: { value: number | null; disabled: boolean; onSave(v: number): void }) {
  const [draft, setDraft] = useState(value === null ? '' : String(value));
  useEffect(() => setDraft(value === null ? '' : String(value)), [value]);
  const save = () => {
    const n = Number(draft);
    if (draft.trim() !== '' && Number.isFinite(n) && n >= 0 && n !== value) onSave(n);
    else setDraft(value === null ? '' : String(value));
  };
  return (
    <label className="inline-points">
      Points
      <input type="number" min={0} step={0.5} aria-label="Points" value={draft} disabled={disabled} onChange={(e) => setDraft(e.target.value)} onBlur={save} onKeyDown={(e) => e.key === 'Enter' && save()} />
    </label>
  );
}

/** A Markdown textarea with Write / Preview tabs, for the new-task form and the drawer. */
export function MarkdownField({ value, onChange, label }: { value: string; onChange(v: string): void; label: string }) {
  const [preview, setPreview] = useState(false);
  return (
    <div className="md-field">
      <div className="md-tabs" role="tablist" aria-label={`${label} mode`}>
        <button type="button" role="tab" aria-selected={!preview} onClick={() => setPreview(false)}>
          Write
        </button>
        <button type="button" role="tab" aria-selected={preview} onClick={() => setPreview(true)}>
          Preview
        </button>
      </div>
      {preview ? (
        <div className="md-preview" aria-label={`${label} preview`}>
          {value.trim() ? <Markdown text={value} /> : <p className="muted">Nothing to preview.</p>}
        </div>
      ) : (
        <textarea aria-label={label} rows={6} value={value} onChange={(e) => onChange(e.target.value)} placeholder="Markdown: **bold**, - lists, `code`" />
      )}
    </div>
  );
}

export function InlineDescription({ value, disabled, taskLinks = null, onSave }: { value: string; disabled: boolean; taskLinks?: TaskLinks | null; onSave(v: string): void }) {
  const [draft, setDraft] = useState<string | null>(null);
  if (draft === null) {
    return (
      <div className="inline-description">
        {value ? <Markdown text={value} taskLinks={taskLinks} /> : <p className="muted">No description.</p>}
        <button type="button" className="link-button" disabled={disabled} onClick={() => setDraft(value)}>
          Edit description
        </button>
      </div>
    );
  }
  return (
    <div className="inline-description editing">
      <MarkdownField label="Description" value={draft} onChange={setDraft} />
      <div className="form-actions">
        <button type="button" onClick={() => setDraft(null)}>
          Cancel
        </button>
        <button
          type="button"
          className="primary"
          disabled={disabled}
          onClick={() => {
            onSave(draft);
            setDraft(null);
          }}
        >
          Save description
        </button>
      </div>
    </div>
  );
}

// Task IDs in a description become links to those tasks (`Needs US-FE-001 first`), read
// with the backlog format's own ID grammar and free-text rules, so the drawer links exactly
// what the reader would call an ID: defined tasks only, never a file name like `B-3.md`.
import { createContext, Fragment, useContext } from 'react';
import type { ReactNode } from 'react';
import { ID_IN_TEXT_SOURCE } from '../../../shared/taskIdGrammar';

export interface TaskLinks {
  /** The IDs the backlog defines (ASCII hyphens). */
  ids: ReadonlySet<string>;
  open(id: string): void;
}

export const TaskLinkContext = createContext<TaskLinks | null>(null);

export type TextPart = { text: string } | { text: string; id: string };

/** The defined task a mention names: itself, or its longest defined form without suffix groups (`B-096-Scribe`). */
function definedTask(mention: string, ids: ReadonlySet<string>): string | null {
  const parts = mention.split('-');
  for (let n = parts.length; n >= 2; n--) {
    const candidate = parts.slice(0, n).join('-');
    if (ids.has(candidate)) return candidate;
  }
  return null;
}

/** Splits text into plain parts and mentions of defined tasks; a suffix that is not part of the ID stays text. */
export function splitTaskMentions(text: string, ids: ReadonlySet<string>): TextPart[] {
  const out: TextPart[] = [];
  const re = new RegExp(ID_IN_TEXT_SOURCE, 'g');
  let at = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const id = definedTask(m[0].replace(/\u2011/g, '-'), ids);
    if (id === null) continue;
    if (m.index > at) out.push({ text: text.slice(at, m.index) });
    out.push({ text: text.slice(m.index, m.index + id.length), id });
    at = m.index + id.length;
  }
  if (at < text.length) out.push({ text: text.slice(at) });
  return out;
}

export function LinkedText({ value }: { value: string }): ReactNode {
  const links = useContext(TaskLinkContext);
  if (links === null || links.ids.size === 0) return value;
  return splitTaskMentions(value, links.ids).map((part, i) =>
    'id' in part ? (
      <button key={i} type="button" className="link-button mono task-link" onClick={() => links.open(part.id)}>
        {part.text}
      </button>
    ) : (
      <Fragment key={i}>{part.text}</Fragment>
    ),
  );
}

// The task ID grammar (docs/backlog-format.md section 2) as regex sources, shared by the
// core's reader and editor (src/main/core/backlog/ids.ts builds on these) and the renderer
// (task links in descriptions). PREFIX-NUMBER[-SUFFIX...]: a prefix of one or more groups
// joined by `-`, each a capital letter followed by capitals or digits (`B`, `US-FE`, `ABC2`),
// then `-` and digits, then optional `-` + letters/digits groups. Hyphens ASCII or U+2011.

const HYPHEN = '[-\\u2011]';
const PREFIX_GROUP = '[A-Z][A-Z0-9]*';

/** One ID, without anchors or flags. */
export const TASK_ID_SOURCE = `${PREFIX_GROUP}(?:${HYPHEN}${PREFIX_GROUP})*${HYPHEN}\\d+(?:${HYPHEN}[A-Za-z0-9]+)*`;

/** The same, with the prefix and the number captured (groups 1 to 4: prefix, hyphen, digits, suffix groups). */
export const TASK_ID_PARTS_SOURCE = `(${PREFIX_GROUP}(?:${HYPHEN}${PREFIX_GROUP})*)(${HYPHEN})(\\d+)((?:${HYPHEN}[A-Za-z0-9]+)*)`;

/** What may not stand right before an ID in running text: it would be glued to a word or another ID. */
export const GLUED_LEFT_SOURCE = '(?<![A-Za-z0-9_\\-\\u2011.])';

/**
 * An ID in running text: a word of its own, not glued to a word or another ID on its left,
 * and not a file or folder name (`B-3.md`, `B-3/`) on its right. `B-1/B-2` is two IDs.
 */
export const ID_IN_TEXT_SOURCE = `${GLUED_LEFT_SOURCE}${TASK_ID_SOURCE}(?![A-Za-z0-9_]|${HYPHEN}[A-Za-z0-9]|\\.[A-Za-z]|\\/(?!${TASK_ID_SOURCE}))`;

/** An ID as a person types it: any case, any dash, spaces around it. Groups: prefix, digits, rest. */
const TYPED_ID = /^([A-Za-z][A-Za-z0-9]*(?:-[A-Za-z][A-Za-z0-9]*)*)-(\d+)((?:-[A-Za-z0-9]+)*)$/;

/**
 * The ID a person (or an agent) means: trimmed, every dash (U+2010 to U+2013, as editors and
 * chat tools write them) an ASCII hyphen, and the prefix in capitals, as the grammar writes
 * it (`b-049` is `B-049`). The suffix keeps its case (`B-12-a` and `B-12-A` are different
 * IDs). Text that is no ID comes back trimmed, for the caller's "unknown task" message.
 * The CLI, the API and MCP all read IDs through this, so `b-049` works everywhere or nowhere.
 */
export function canonicalTaskId(raw: string): string {
  const text = raw.trim().replace(/[\u2010-\u2013]/g, '-');
  const m = TYPED_ID.exec(text);
  return m ? `${m[1]!.toUpperCase()}-${m[2]}${m[3]}` : text;
}

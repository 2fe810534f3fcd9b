import type { Diagnostic, Task } from '../../../shared/backlog';
import { EMPTY_VOCABULARY, type Vocabulary } from '../../../shared/vocabulary';
import type { SourceMap } from './source';
import { buildTasks } from './buildTasks';
import { metadataValue } from './commentValues';
import { buildLegends, type Legends } from './legends';
import { compileLexicon } from './lexicon';
import { splitLines } from './lines';
import { scanLines } from './scan';
import { walkLines } from './walk';

export interface ParseResult {
  tasks: Task[];
  diagnostics: Diagnostic[];
  /** File metadata: front matter (raw text) and `<!-- key: value -->` comments above the first task. */
  fileMeta: Record<string, unknown>;
  source: SourceMap;
  /** The team's words the text was read with: a re-read of an edited text uses them too. */
  vocabulary: Vocabulary;
  /** The file's legends (what its emoji mean, and how it writes each value). */
  legends: Legends;
}

export interface ParseOptions {
  /** The team's own words for statuses and priorities (taskdeck.json `vocabulary`). */
  vocabulary?: Vocabulary;
}

/** Reads a backlog's text. Never throws on content: problems become diagnostics. */
export function parseBacklog(text: string, options: ParseOptions = {}): ParseResult {
  const { lines, eols, bom } = splitLines(text);
  const scan = scanLines(lines);
  const walk = walkLines(lines, scan);
  const lexicon = compileLexicon(options.vocabulary ?? EMPTY_VOCABULARY);
  const legends = buildLegends(walk.legendItems, lexicon);
  const built = buildTasks(walk.definitions, walk.comments, legends, walk.sources, lexicon);

  const tasks = walk.sources;
  const fileMeta: Record<string, unknown> = {};
  if (scan.frontMatter !== null) fileMeta.frontMatter = scan.frontMatter;
  for (const c of walk.fileComments) fileMeta[c.key] = metadataValue(c.value);

  const repeatedIds = new Set<string>();
  // Indexed: this function runs once per parse, too few times to be optimised, and for-of
  // there makes an iterator result per definition.
  const defs = walk.definitions;
  for (let i = 0; i < defs.length; i++) if (defs[i].source === null) repeatedIds.add(defs[i].id);

  const diagnostics = [...scan.diagnostics, ...walk.diagnostics, ...built.diagnostics];
  diagnostics.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  return {
    tasks: built.tasks,
    diagnostics,
    fileMeta,
    source: { lines, eols, bom, tasks, headings: walk.headings, tables: walk.tables, repeatedIds },
    vocabulary: lexicon.vocabulary,
    legends,
  };
}

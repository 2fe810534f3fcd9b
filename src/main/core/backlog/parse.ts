import type { Diagnostic, Task } from '../../../shared/backlog';
import type { SourceMap } from './source';
import { buildTasks } from './buildTasks';
import { metadataValue } from './commentValues';
import { buildLegends } from './legends';
import { splitLines } from './lines';
import { scanLines } from './scan';
import { walkLines } from './walk';

export interface ParseResult {
  tasks: Task[];
  diagnostics: Diagnostic[];
  /** File metadata: front matter (raw text) and `<!-- key: value -->` comments above the first task. */
  fileMeta: Record<string, unknown>;
  source: SourceMap;
}

/** Reads a backlog's text. Never throws on content: problems become diagnostics. */
export function parseBacklog(text: string): ParseResult {
  const { lines, eols, bom } = splitLines(text);
  const scan = scanLines(lines);
  const walk = walkLines(lines, scan);
  const legends = buildLegends(walk.legendItems);
  const built = buildTasks(walk.definitions, legends, walk.sources);

  const tasks = walk.sources;
  const fileMeta: Record<string, unknown> = {};
  if (scan.frontMatter !== null) fileMeta.frontMatter = scan.frontMatter;
  for (const c of walk.fileComments) fileMeta[c.key] = metadataValue(c.value);

  const diagnostics = [...scan.diagnostics, ...walk.diagnostics, ...built.diagnostics];
  diagnostics.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  return {
    tasks: built.tasks,
    diagnostics,
    fileMeta,
    source: { lines, eols, bom, tasks, headings: walk.headings, tables: walk.tables },
  };
}

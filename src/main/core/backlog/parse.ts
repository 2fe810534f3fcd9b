import type { Diagnostic, Task } from '../../../shared/backlog';
import type { SourceMap } from './source';

export interface ParseResult {
  tasks: Task[];
  diagnostics: Diagnostic[];
  /** File metadata: front matter (raw text) and `<!-- key: value -->` comments above the first task. */
  fileMeta: Record<string, unknown>;
  source: SourceMap;
}

/** Reads a backlog's text. Never throws on content: problems become diagnostics. */
export function parseBacklog(_text: string): ParseResult {
  throw new Error('parseBacklog: not implemented yet');
}

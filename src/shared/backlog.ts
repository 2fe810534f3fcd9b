// The task model of the format contract (docs/backlog-format.md, section 6).
// Shared by the core, the CLI's JSON, the API contract and the renderer.

export type Priority = 'critical' | 'high' | 'medium' | 'low' | 'unknown';
export type Status = 'todo' | 'in_progress' | 'blocked' | 'done' | 'failed' | 'skipped';
export type Severity = 'error' | 'warning' | 'info';

export const PRIORITIES: readonly Priority[] = ['critical', 'high', 'medium', 'low', 'unknown'];
export const STATUSES: readonly Status[] = ['todo', 'in_progress', 'blocked', 'done', 'failed', 'skipped'];

export interface Score {
  bv: number | null;
  tc: number | null;
  rr: number | null;
  le: number | null;
  effort: number | null;
}

/** `<!-- run: CMD -->` gives a command; `<!-- default_executor: NAME -->` names an executor. */
export type TaskExecutor = { kind: 'command'; command: string } | { kind: 'named'; name: string };

export interface Task {
  id: string;
  title: string;
  priority: Priority;
  priorityRaw: string;
  points: number | null;
  status: Status;
  statusRaw: string;
  description: string;
  techFootprint: string;
  dependencies: string[];
  dependencyNotes: string;
  score: Score | null;
  scoreTotal: number | null;
  humanRequired: boolean;
  humanReason: string | null;
  executor: TaskExecutor | null;
  sprint: string | null;
  metadata: Record<string, unknown>;
  rank: number;
  section: string[];
  /** 1-based line of the task's first definition. */
  line: number;
}

export type DiagnosticCode =
  | 'duplicate-id'
  | 'unknown-status'
  | 'unknown-priority'
  | 'bad-points'
  | 'score-mismatch'
  | 'missing-dependency'
  | 'self-dependency'
  | 'dependency-cycle'
  | 'malformed-row'
  | 'unterminated-comment'
  | 'unterminated-fence'
  | 'unknown-sprint'
  /** A `<!-- key: value -->` comment under a table row that defines no task: attached to nothing. */
  | 'detached-comment';

export interface Diagnostic {
  severity: Severity;
  code: DiagnosticCode;
  message: string;
  /** 1-based line; null when the diagnostic is about the whole file. */
  line: number | null;
  taskId?: string;
  /** For dependency-cycle: the cycle in order, first id repeated at the end. */
  cycle?: string[];
}

/** What `taskdeck list --json` prints. */
export interface BacklogJson {
  file: string;
  tasks: Task[];
  diagnostics: Diagnostic[];
}

export interface SprintDef {
  name: string;
  start: string | null;
  end: string | null;
  capacity: number | null;
}

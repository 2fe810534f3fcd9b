// `taskdeck.json` at a project's root: optional; a bad one is an error naming the file
// and the field, so the user can fix it.
import { join } from 'node:path';
import type { z } from 'zod';
import type { SprintDef, Status } from '../../shared/backlog';
import type { KnownPriority, Vocabulary } from '../../shared/vocabulary';
import type { AlertRules } from '../core/analytics/alerts';
import type { RetryOverride } from '../core/errors/retry';
import { fail, ok, type ProjectError, type Result } from './errors';
import { readRegularFile, SETTINGS_ROLE, SETTINGS_SIZE_LIMIT } from './readRegularFile';

export const CONFIG_FILE = 'taskdeck.json';

export interface ExecutorDef {
  command: string;
  /** Seconds, or null for the engine's default. */
  timeout: number | null;
}

export interface ProjectConfig {
  /** Absolute path of taskdeck.json, or null when the project has none. */
  path: string | null;
  backlog: string | null;
  sprints: SprintDef[];
  executors: Record<string, ExecutorDef>;
  defaultExecutor: string | null;
  writeBack: 'done' | 'none';
  retry: Record<string, RetryOverride>;
  /** Temp-file globs for the engine's file_system recovery; absent: its default. */
  tempFiles?: string[];
  /** Output kept in the log per attempt, in MB (head and tail); absent: the engine's 50 MB. */
  logCapMB?: number;
  /** The team's own status and priority words, passed into every parse; absent: none. */
  vocabulary?: Vocabulary;
  /** `cleanup` with no arguments: delete history older than this, archiving it under archiveDir (project-relative) when set. */
  retention?: { olderThanDays: number; archiveDir: string | null };
  /** Where `auto` queues its tasks for cluster workers (docs/cluster.md); absent: it runs them here. */
  cluster?: { redis: string; queue: string };
  /** `stats`' slow / high-retry thresholds; absent: the toolkit guide's 300 s and 3 retries. */
  insights?: { slowSeconds?: number; highRetries?: number };
  /** Threshold alert rules; absent: no alerts. */
  alerts?: AlertRules;
}

export function defaultConfig(): ProjectConfig {
  return { path: null, backlog: null, sprints: [], executors: {}, defaultExecutor: null, writeBack: 'done', retry: {} };
}

/** `sprints[1].capacity` from a zod path. */
function fieldName(path: readonly PropertyKey[]): string {
  return path.reduce<string>((acc, key) => {
    if (typeof key === 'number') return `${acc}[${key}]`;
    return acc ? `${acc}.${String(key)}` : String(key);
  }, '');
}

function describeIssues(file: string, issues: readonly z.core.$ZodIssue[]): string {
  const lines = issues.map((i) => `  ${fieldName(i.path) || '(top level)'}: ${i.message}`);
  return `${file} is not a valid Taskdeck config:\n${lines.join('\n')}`;
}

/**
 * Parses the text of a taskdeck.json; `file` names it in errors. Async because zod loads
 * only here: a project without taskdeck.json (and `taskdeck --help`) never pays for it.
 */
export async function parseConfig(text: string, file: string): Promise<Result<ProjectConfig>> {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    return fail({ code: 'config-not-json', message: `${file} is not valid JSON: ${detail}` });
  }
  const { configSchema } = await import('./configSchema');
  const parsed = configSchema.safeParse(json);
  if (!parsed.success) return fail({ code: 'config-invalid', message: describeIssues(file, parsed.error.issues) });
  const c = parsed.data;
  const executors: Record<string, ExecutorDef> = {};
  for (const [name, e] of Object.entries(c.executors ?? {})) executors[name] = { command: e.command, timeout: e.timeout ?? null };
  return ok({
    path: file,
    backlog: c.backlog ?? null,
    sprints: (c.sprints ?? []).map((s) => ({
      name: s.name,
      start: s.start ?? null,
      end: s.end ?? null,
      capacity: s.capacity ?? null,
    })),
    executors,
    defaultExecutor: c.defaultExecutor ?? null,
    writeBack: c.writeBack ?? 'done',
    retry: c.retry ?? {},
    ...(c.tempFiles ? { tempFiles: c.tempFiles } : {}),
    ...(c.logCapMB !== undefined ? { logCapMB: c.logCapMB } : {}),
    ...(c.insights ? { insights: c.insights } : {}),
    ...(c.alerts ? { alerts: c.alerts } : {}),
    ...(c.vocabulary
      ? { vocabulary: { status: (c.vocabulary.status ?? {}) as Record<string, Status>, priority: (c.vocabulary.priority ?? {}) as Record<string, KnownPriority> } }
      : {}),
    ...(c.retention ? { retention: { olderThanDays: c.retention.olderThanDays, archiveDir: c.retention.archiveDir ?? null } } : {}),
    ...(c.cluster ? { cluster: { redis: c.cluster.redis, queue: c.cluster.queue ?? 'taskdeck' } } : {}),
  });
}

/** Loads `<projectDir>/taskdeck.json`; a project without one gets the defaults. */
export async function loadConfig(projectDir: string): Promise<Result<ProjectConfig, ProjectError>> {
  const file = join(projectDir, CONFIG_FILE);
  // Only a regular file: a FIFO named taskdeck.json would hang every command.
  const read = await readRegularFile(file, SETTINGS_SIZE_LIMIT, SETTINGS_ROLE);
  if (!read.ok) return read.error.code === 'not-found' ? ok(defaultConfig()) : fail({ code: 'config-unreadable', message: read.error.message });
  return parseConfig(read.value.bytes.toString('utf8'), file);
}

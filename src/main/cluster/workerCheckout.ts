// A worker's view of its own checkout: the backlog and taskdeck.json as they are on this
// machine now (re-read when either file changes), and whether this machine trusts the
// folder. A job's command is resolved here, never taken from the job.
import { statSync } from 'node:fs';
import { join } from 'node:path';
import type { Task } from '../../shared/backlog';
import { resolveCommand } from '../engine/resolveCommand';
import { checkTrust } from '../engine/trust';
import { CONFIG_FILE } from '../project/config';
import { loadProject, type LoadedProject } from '../project/loadBacklog';
import { commandSha256 } from './clusterJob';

export type RefusalCode = 'unreadable' | 'unknown-task' | 'different-command' | 'untrusted';
export type CheckoutAnswer = { ok: true; task: Task; command: string } | { ok: false; code: RefusalCode; reason: string };

export class WorkerCheckout {
  private loaded: LoadedProject | null = null;
  private stamp = '';

  constructor(
    readonly projectDir: string,
    private readonly env: NodeJS.ProcessEnv = process.env,
  ) {}

  /** Loads the project once at start: a worker pointed at no project fails at once. */
  async open(): Promise<{ ok: true; file: string } | { ok: false; message: string }> {
    const loaded = await this.current();
    return loaded.ok ? { ok: true, file: loaded.project.path } : { ok: false, message: loaded.message };
  }

  /** The task's command, when this checkout has the task, resolves the same command, and is trusted. */
  async resolve(taskId: string, expectedSha256: string): Promise<CheckoutAnswer> {
    const loaded = await this.current();
    if (!loaded.ok) return { ok: false, code: 'unreadable', reason: `its checkout cannot be read: ${loaded.message}` };
    const task = loaded.project.tasks.find((t) => t.id === taskId);
    if (!task) return { ok: false, code: 'unknown-task', reason: `unknown task: its checkout's backlog (${loaded.project.file}) has no task ${taskId} (another commit?)` };
    const resolved = resolveCommand(task, loaded.project.config, null);
    if (resolved.kind !== 'command') return { ok: false, code: 'different-command', reason: `different command: its checkout has no command for ${taskId}` };
    if (commandSha256(resolved.command) !== expectedSha256) return { ok: false, code: 'different-command', reason: `different command: ${taskId}'s command in its checkout does not match the coordinator's (sha256 differs; another commit?)` };
    // Trust is per command (engine/trust.ts): this machine must have trusted this very command.
    const trust = checkTrust(this.projectDir, [{ taskId, command: resolved.command }], this.env);
    if (!trust.folderTrusted) return { ok: false, code: 'untrusted', reason: `not trusted: this machine does not trust ${this.projectDir} (run \`taskdeck trust\` there)` };
    if (trust.untrusted.length > 0) return { ok: false, code: 'untrusted', reason: `not trusted: ${taskId}'s command is ${trust.untrusted[0]!.change === 'changed' ? 'changed' : 'new'} since this machine trusted ${this.projectDir} (run \`taskdeck trust\` there)` };
    return { ok: true, task, command: resolved.command };
  }

  private async current(): Promise<{ ok: true; project: LoadedProject } | { ok: false; message: string }> {
    const stamp = this.fileStamp();
    if (this.loaded && stamp === this.stamp) return { ok: true, project: this.loaded };
    const result = await loadProject(this.projectDir);
    if (!result.ok) return { ok: false, message: result.error.message };
    this.loaded = result.value;
    // Stamped after reading: a change during the read is seen by the next job.
    this.stamp = this.fileStamp(result.value.path);
    return { ok: true, project: result.value };
  }

  private fileStamp(backlog = this.loaded?.path): string {
    const part = (file: string | undefined): string => {
      if (!file) return '-';
      try {
        const s = statSync(file);
        return `${s.mtimeMs}:${s.size}:${s.ino}`;
      } catch {
        return 'missing';
      }
    };
    return `${part(backlog)}|${part(join(this.projectDir, CONFIG_FILE))}`;
  }
}

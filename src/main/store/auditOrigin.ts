// Who and where a change comes from, for the audit log. The surface is a property of the
// process (the CLI, the desktop app, the web host, the MCP server), set once by its entry
// point; the engine's own writes say `engine`. The person is the OS user unless someone
// typed a name (the app's Confirm) or the process serves one agent (`taskdeck mcp`: the
// agent's name from its MCP handshake).
import os from 'node:os';

export type AuditSource = 'cli' | 'app' | 'web' | 'engine' | 'mcp';
export const AUDIT_SOURCES: readonly AuditSource[] = ['cli', 'app', 'web', 'engine', 'mcp'];

export interface AuditOrigin {
  source: AuditSource;
  actor: string;
}

let processSource: AuditSource = 'cli';
let processActor: (() => string | null) | null = null;

/** Called by each entry point: the CLI (`cli`), the web host (`web`), the desktop app (`app`). */
export function setAuditSource(source: AuditSource): void {
  processSource = source;
}

/** Who acts in this process when a change names no one: `taskdeck mcp` names its agent. */
export function setAuditActor(actor: (() => string | null) | null): void {
  processActor = actor;
}

export function osUser(): string {
  try {
    const name = os.userInfo().username;
    if (name) return name;
  } catch {
    // No passwd entry (some containers): fall back to the environment.
  }
  return process.env['USER'] ?? process.env['USERNAME'] ?? `uid:${process.getuid?.() ?? '?'}`;
}

/** This process's surface and the OS user, with any part the caller knows better. */
export function auditOrigin(over: Partial<AuditOrigin> = {}): AuditOrigin {
  const named = over.actor !== undefined && over.actor.trim() !== '' ? over.actor.trim() : null;
  return { source: over.source ?? processSource, actor: named ?? processActor?.() ?? osUser() };
}

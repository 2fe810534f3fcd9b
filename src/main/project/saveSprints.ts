// Writes the sprint list into taskdeck.json, keeping every other key (and their order) as
// they were, atomically so a crash never leaves half a config.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SprintDef } from '../../shared/backlog';
import { atomicWrite } from './atomicWrite';
import { recordProjectAudit } from '../store/recordProjectAudit';
import { CONFIG_FILE } from './config';
import { fail, ok, type ProjectError, type Result } from './errors';

/** The indentation the file already uses (two spaces when it cannot tell). */
function indentOf(text: string): string | number {
  const m = /^\{\r?\n([ \t]+)"/.exec(text);
  return m ? m[1]! : 2;
}

export async function saveSprints(projectDir: string, sprints: readonly SprintDef[]): Promise<Result<void, ProjectError>> {
  const file = join(projectDir, CONFIG_FILE);
  const { sprintSchema } = await import('./configSchema');
  for (const [i, s] of sprints.entries()) {
    const checked = sprintSchema.safeParse(s);
    if (!checked.success) {
      const issue = checked.error.issues[0]!;
      return fail({ code: 'config-invalid', message: `Sprint ${i + 1} (${s.name || 'unnamed'}): ${[...issue.path].join('.') || 'value'}: ${issue.message}` });
    }
  }
  const names = new Set<string>();
  for (const s of sprints) {
    if (names.has(s.name)) return fail({ code: 'config-invalid', message: `Two sprints are named "${s.name}"; sprint names must be unique` });
    names.add(s.name);
  }

  let existing: Record<string, unknown> = {};
  let text = '';
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') {
      return fail({ code: 'config-unreadable', message: `Cannot read ${file}: ${(err as Error).message}` });
    }
  }
  if (text.trim() !== '') {
    try {
      const parsed: unknown = JSON.parse(text.replace(/^\uFEFF/, ''));
      if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('the top level is not an object');
      existing = parsed as Record<string, unknown>;
    } catch (err) {
      return fail({ code: 'config-not-json', message: `${file} is not valid JSON (${(err as Error).message}); fix it before saving sprints` });
    }
  }
  // Replacing the key keeps its position; a new key goes last.
  const next = { ...existing, sprints: sprints.map((s) => ({ name: s.name, start: s.start, end: s.end, capacity: s.capacity })) };
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const out = JSON.stringify(next, null, indentOf(text)).replace(/\n/g, eol) + eol;
  const written = await atomicWrite(file, out);
  if (!written.ok) return fail({ code: 'config-write-failed', message: written.error.message });
  // The sprint plan is part of the backlog the user edits in the app: audited like its edits.
  recordProjectAudit(projectDir, {
    action: 'sprints-edit',
    summary: `sprints saved: ${sprints.map((s) => s.name).join(', ') || '(none)'}`,
    before: { sprints: (existing as { sprints?: unknown }).sprints ?? [] },
    after: { sprints: next.sprints },
  });
  return ok(undefined);
}

// Writes the sprint list into taskdeck.json, keeping every other key (and their order) as
// they were, atomically so a crash never leaves half a config, under the file's lock (see
// configFile) so a concurrent save from another process is never silently overwritten.
import type { SprintDef } from '../../shared/backlog';
import { updateConfigFile } from './configFile';
import { recordProjectAudit } from '../store/recordProjectAudit';
import { fail, ok, type ProjectError, type Result } from './errors';

export async function saveSprints(projectDir: string, sprints: readonly SprintDef[]): Promise<Result<void, ProjectError>> {
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

  // Replacing the key keeps its position; a new key goes last.
  let previous: unknown = [];
  const next = sprints.map((s) => ({ name: s.name, start: s.start, end: s.end, capacity: s.capacity }));
  const saved = await updateConfigFile(projectDir, 'saving sprints', (existing) => {
    previous = (existing as { sprints?: unknown }).sprints ?? [];
    return ok({ ...existing, sprints: next });
  });
  if (!saved.ok) return saved;
  // The sprint plan is part of the backlog the user edits in the app: audited like its edits.
  recordProjectAudit(projectDir, {
    action: 'sprints-edit',
    summary: `sprints saved: ${sprints.map((s) => s.name).join(', ') || '(none)'}`,
    before: { sprints: previous },
    after: { sprints: next },
  });
  return ok(undefined);
}

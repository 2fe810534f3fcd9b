// Writes the sprint list into taskdeck.json, keeping every other key as it was.
// STOPGAP until src/main/project/config.ts exports saveSprints (the CLI engineer's);
// then realServices should call that and this file goes.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ApiResult } from '../../shared/api';
import type { SprintDef } from '../../shared/backlog';
import { atomicWrite } from '../project/atomicWrite';

export async function saveSprintList(projectDir: string, sprints: SprintDef[]): Promise<ApiResult<void>> {
  const file = join(projectDir, 'taskdeck.json');
  let text = '';
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') return { ok: false, error: { code: 'config-unreadable', message: `Cannot read ${file}: ${String(err)}` } };
  }
  let json: Record<string, unknown> = {};
  if (text.trim() !== '') {
    try {
      const parsed: unknown = JSON.parse(text.replace(/^\uFEFF/, ''));
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('not an object');
      json = parsed as Record<string, unknown>;
    } catch (err) {
      return { ok: false, error: { code: 'config-not-json', message: `${file} is not a JSON object (${String(err)}); fix it before saving sprints.` } };
    }
  }
  return atomicWrite(file, JSON.stringify({ ...json, sprints }, null, 2) + '\n');
}

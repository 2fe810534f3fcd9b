// reports:export answers the file's text for a browser download; reports:write writes it
// to a path chosen in the desktop save dialog (temp file, then rename).
import fs from 'node:fs';
import path from 'node:path';
import type { Session } from '../session';
import type { HandlerSlice } from './types';
import { renderExport } from './reportsRender';
import { removeOwnTemp } from '../../project/safeRemoval';

const noProject = { ok: false, error: { code: 'no-project', message: 'No project is open. Open a project folder first.' } } as const;

export function reportHandlers(session: Session, clock: () => number = Date.now): HandlerSlice<'reports:export' | 'reports:write'> {
  return {
    'reports:export': async ({ format, timeZone, bom }) => {
      const project = session.current();
      return project ? renderExport(project.dir, format, clock(), { timeZone, bom }) : noProject;
    },
    'reports:write': async ({ format, path: target, timeZone, bom }) => {
      const project = session.current();
      if (!project) return noProject;
      if (!path.isAbsolute(target)) return { ok: false, error: { code: 'bad-path', message: `Choose an absolute path to save to (got "${target}").` } };
      const rendered = await renderExport(project.dir, format, clock(), { timeZone, bom });
      if (!rendered.ok) return rendered;
      const tmp = `${target}.${process.pid}.tmp`;
      try {
        fs.writeFileSync(tmp, rendered.value.content);
        fs.renameSync(tmp, target);
      } catch (err) {
        removeOwnTemp(tmp);
        return { ok: false, error: { code: 'write-failed', message: `Cannot write ${target}: ${err instanceof Error ? err.message : String(err)}` } };
      }
      return { ok: true, value: { path: target, bytes: Buffer.byteLength(rendered.value.content), summary: rendered.value.summary } };
    },
  };
}

// `taskdeck export csv --out FILE`: the event history as CSV (historyCsv.ts), streamed
// to a temp file and renamed into place, so a big history never sits in memory and a
// reader never sees half a file.
import fs from 'node:fs';
import path from 'node:path';
import { writeHistoryCsv } from '../../main/store/index';
import { CliFailure } from '../output/fail';
import { normaliseId } from '../backlog/taskIds';
import { NOTHING_RAN, openRecord, recordTarget } from './openRecord';
import { removeOwnTemp } from '../../main/project/safeRemoval';
import { plural } from '../../shared/pluralise';
import { writeOut } from '../output/stdout';

export interface ExportCsvOptions {
  project?: string;
  out: string;
  task?: string;
  bom?: boolean;
}

export function exportCsvCommand(opts: ExportCsvOptions): void {
  const target = recordTarget(opts.project);
  const store = openRecord(target);
  if (!store) throw new CliFailure(NOTHING_RAN);
  const out = path.resolve(opts.out);
  const tmp = `${out}.${process.pid}.tmp`;
  let fd: number | null = null;
  try {
    fd = fs.openSync(tmp, 'w');
    const handle = fd;
    const rows = writeHistoryCsv(store.iterateHistory(opts.task === undefined ? undefined : normaliseId(opts.task)), (chunk) => fs.writeSync(handle, chunk), { bom: opts.bom === true });
    fs.closeSync(handle);
    fd = null;
    fs.renameSync(tmp, out);
    writeOut(`Wrote ${plural(rows, 'event')} to ${out}\n`);
  } catch (err) {
    if (fd !== null) fs.closeSync(fd);
    removeOwnTemp(tmp);
    throw new CliFailure(`Cannot write ${out}: ${err instanceof Error ? err.message : String(err)}`);
  } finally {
    store.close();
  }
}

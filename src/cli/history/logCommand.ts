// `taskdeck log ATTEMPT-ID`: the attempt's log, as the app's runs:log reads it (a log
// that cleanup compressed to .log.gz included).
import { readAttemptLog } from '../../main/api/handlers/runsHistory';
import { CliFailure } from '../output/fail';
import { recordTarget } from './openRecord';
import { writeOut } from '../output/stdout';

export function logCommand(rawId: string, opts: { project?: string }): void {
  const id = Number(rawId);
  if (!Number.isInteger(id) || id < 1) throw new CliFailure(`the attempt id is a whole number ≥ 1 (taskdeck history ID --json lists them as "id"), got "${rawId}"`, 2);
  const target = recordTarget(opts.project);
  const log = readAttemptLog(target.projectDir, id);
  if (!log.ok) throw new CliFailure(log.error.message);
  if (log.value.truncated) process.stderr.write(`(the last ${log.value.text.length} characters of a longer log)\n`);
  writeOut(log.value.text);
}

// The contract's JSON (src/shared/backlogJson.ts) as every `--json` prints it.
export { backlogJson, diagnosticJson, taskJson } from '../../shared/backlogJson';
import { writeOut, stdoutIsTerminal } from './stdout';

/**
 * JSON with a trailing newline, as every `--json` prints it: indented for a person on a
 * terminal, compact for a pipe (a 5,000-task list stringifies twice as fast, and scripts
 * do not care).
 */
export function printJson(value: unknown): void {
  const text = stdoutIsTerminal() ? JSON.stringify(value, null, 2) : JSON.stringify(value);
  writeOut(`${text}\n`);
}

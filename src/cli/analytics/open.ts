// Opens a project for the analytics commands; failures become CLI messages.
import { openAnalytics, type AnalyticsContext } from '../../main/reports/analyticsContext';
import { timeZoneRule, TimeZoneError } from '../../main/reports/timeZone';
import { CliFailure } from '../output/fail';

/** `--tz ZONE`: days and weekdays in that IANA zone; by default the system's (TZ honoured). */
function zoneOf(name: string | undefined) {
  try {
    return timeZoneRule(name);
  } catch (err) {
    if (err instanceof TimeZoneError) throw new CliFailure(`--tz: ${err.message}`, 2);
    throw err;
  }
}

export async function withAnalytics<T>(project: string | undefined, use: (ctx: AnalyticsContext) => T | Promise<T>, tz?: string): Promise<T> {
  const opened = await openAnalytics(project ?? '.', Date.now(), zoneOf(tz));
  if (!opened.ok) throw CliFailure.of(opened.error);
  try {
    return await use(opened.value);
  } finally {
    opened.value.close();
  }
}

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

export const NO_HISTORY = 'Nothing has run in this project yet (no .taskdeck/task_execution.db): not enough data.';

// Opens a project for the analytics commands; failures become CLI messages.
import { openAnalytics, type AnalyticsContext } from '../../main/reports/analyticsContext';
import { CliFailure } from '../output/fail';
import { cliTimeZone } from '../output/timeZoneOption';
import { writeOut } from '../output/stdout';

export async function withAnalytics<T>(project: string | undefined, use: (ctx: AnalyticsContext) => T | Promise<T>, tz?: string): Promise<T> {
  const opened = await openAnalytics(project ?? '.', Date.now(), cliTimeZone(tz));
  if (!opened.ok) throw CliFailure.of(opened.error);
  try {
    return await use(opened.value);
  } finally {
    opened.value.close();
  }
}

export function printJson(value: unknown): void {
  writeOut(`${JSON.stringify(value, null, 2)}\n`);
}

export const NO_HISTORY = 'Nothing has run in this project yet (no .taskdeck/task_execution.db): not enough data.';

// `--tz ZONE` for every command that shows a time to a person: an IANA name, else the
// system's zone (TZ honoured). An unknown name is a usage error (exit 2) before anything opens.
import type { TimeZoneRule } from '../../main/core/analytics/calendar';
import { timeZoneRule, TimeZoneError } from '../../main/reports/timeZone';
import { CliFailure } from './fail';

export function cliTimeZone(name: string | undefined): TimeZoneRule {
  try {
    return timeZoneRule(name);
  } catch (err) {
    if (err instanceof TimeZoneError) throw new CliFailure(`--tz: ${err.message}`, 2);
    throw err;
  }
}

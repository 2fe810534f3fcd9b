// The user's time zone for analytics: an IANA name (the browser's or the CLI's `--tz`),
// else the system's. Days, weekdays and hours are the user's local ones, and a named zone
// gives each instant its own offset (summer and winter time), which a single offset taken
// "now" cannot.
import type { TimeZoneRule } from '../core/analytics/calendar';

export class TimeZoneError extends Error {
  readonly code = 'bad-time-zone';
}

/** The zone the process runs in (honours TZ), e.g. "Europe/Berlin"; "UTC" when unknown. */
export function systemTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

const HOUR_MS = 3_600_000;

/** Rules by zone name, kept for the process: a zone's offsets do not change while it runs. */
const rules = new Map<string, TimeZoneRule>();

/** A rule for an IANA zone name; throws TimeZoneError for a name the runtime does not know. */
export function timeZoneRule(name: string = systemTimeZone()): TimeZoneRule {
  let rule = rules.get(name);
  if (!rule) {
    rule = buildRule(name);
    if (rules.size > 50) rules.clear();
    rules.set(name, rule);
  }
  return rule;
}

function buildRule(name: string): TimeZoneRule {
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat('en-US', { timeZone: name, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
  } catch {
    throw new TimeZoneError(`"${name}" is not a time zone this system knows (use an IANA name such as Europe/Berlin or America/Los_Angeles)`);
  }
  const resolved = format.resolvedOptions().timeZone;
  // Offsets change at most a few times a year: cache them per hour of history.
  const cache = new Map<number, number>();
  const offsetAt = (t: number): number => {
    const key = Math.floor(t / HOUR_MS);
    const hit = cache.get(key);
    if (hit !== undefined) return hit;
    const parts: Record<string, number> = {};
    for (const p of format.formatToParts(new Date(key * HOUR_MS))) if (p.type !== 'literal') parts[p.type] = Number(p.value);
    const wall = Date.UTC(parts.year ?? 1970, (parts.month ?? 1) - 1, parts.day ?? 1, parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0);
    const minutes = Math.round((wall - key * HOUR_MS) / 60_000);
    if (cache.size > 100_000) cache.clear();
    cache.set(key, minutes);
    return minutes;
  };
  return { name: resolved, offsetAt };
}

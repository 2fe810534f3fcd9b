// The hour rollup counts attempts per UTC hour. In a zone whose offset is not a whole
// number of hours (India +5:30, Nepal +5:45, Newfoundland -3:30), one UTC hour holds the
// end of one local day and the start of the next. Those hours, at most one per day, are
// replaced by their attempts read exactly from the started_at index, so every attempt
// lands on its own local day and weekday; every other hour stays one rollup row.
import type Database from 'better-sqlite3';
import { localDayIndex, type TzOffset } from '../../core/analytics/calendar';
import { COUNTED } from './outcomes';

const HOUR_MS = 3_600_000;

export interface HourSample {
  at: number;
  attempts: number;
  successes: number;
}

const prepared = new WeakMap<Database.Database, Database.Statement>();

/** `watermark`: the rollup's; attempts after it are already separate (delta) samples. */
export function splitAtLocalMidnight(db: Database.Database, hours: readonly HourSample[], tz: TzOffset, watermark: number): HourSample[] {
  let range = prepared.get(db);
  const out: HourSample[] = [];
  for (const h of hours) {
    // A delta sample is one attempt at its exact start; only whole rollup hours can straddle.
    const whole = h.at % HOUR_MS === 0;
    if (!whole || localDayIndex(h.at, tz) === localDayIndex(h.at + HOUR_MS - 1, tz)) {
      out.push(h);
      continue;
    }
    if (!range) {
      // INDEXED BY: the range on started_at is the selective part; the planner would
      // otherwise take the outcome index and scan every counted attempt, per hour.
      range = db.prepare(`SELECT started_at, outcome = 'succeeded' FROM run_attempts INDEXED BY run_attempts_started WHERE started_at >= ? AND started_at < ? AND id <= ? AND ${COUNTED}`).raw();
      prepared.set(db, range);
    }
    for (const [at, ok] of range.all(h.at, h.at + HOUR_MS, watermark) as Array<[number, number]>) out.push({ at, attempts: 1, successes: ok });
  }
  return out;
}

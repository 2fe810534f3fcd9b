// `taskdeck forecast [--sprint NAME] [--json]`: when the sprint will be done, at 50% and
// 85% confidence, and the chance to finish its scope and capacity by its end date.
import type { TzOffset } from '../../main/core/analytics/calendar';
import type { SprintForecastResult } from '../../main/core/analytics/sprintForecast';
import { seededRng } from '../../main/core/analytics/rng';
import { sprintForecast } from '../../main/core/analytics/sprintForecast';
import { formatDay, formatPct } from '../../main/reports/format';
import { queryForecast } from '../../main/reports/queries/dashboard';
import { allSprints, currentSprint } from '../../main/reports/reportModel';
import { plural } from '../../shared/pluralise';
import { CliFailure } from '../output/fail';
import { printJson, withAnalytics } from './open';
import { writeOut } from '../output/stdout';

export interface ForecastOptions {
  /** IANA time zone for days and weekdays; default: the system's. */
  tz?: string;
  project?: string;
  sprint?: string;
  json?: boolean;
  seed?: number;
}

export function describeForecast(f: SprintForecastResult, tz: TzOffset): string {
  const s = f.sprint;
  const dates = s.start !== null || s.end !== null ? ` (${formatDay(s.start, tz)} → ${formatDay(s.end, tz)}${s.capacity !== null ? `, capacity ${s.capacity}` : ''})` : ' (no dates in taskdeck.json)';
  const lines = [`Sprint ${s.name}${dates}: ${f.donePoints} of ${plural(f.scopePoints, 'point')} done, ${plural(f.remainingTasks.length, 'remaining task')} (${plural(f.remainingPoints, 'point')}).`];
  const fc = f.forecast;
  if (fc.status === 'not-enough-data') {
    lines.push(`Forecast: ${fc.reason}.`);
  } else {
    lines.push(`50%: ${fc.p50?.day ?? 'not within a year'} · 85%: ${fc.p85?.day ?? 'not within a year'}` +
      (fc.probabilityByEnd !== null ? ` · chance to finish the scope by the end: ${formatPct(fc.probabilityByEnd)}` : '') +
      (fc.probabilityCapacityByEnd !== null ? ` · to deliver the capacity: ${formatPct(fc.probabilityCapacityByEnd)}` : ''));
    lines.push(`How: ${fc.explanation}.`);
  }
  return lines.join('\n');
}

export async function forecastCommand(opts: ForecastOptions): Promise<void> {
  await withAnalytics(opts.project, (ctx) => {
    const sprints = allSprints(ctx);
    const sprint = opts.sprint !== undefined ? sprints.find((s) => s.name === opts.sprint) : currentSprint(sprints, ctx.now);
    if (!sprint) {
      throw new CliFailure(opts.sprint !== undefined
        ? `No sprint named "${opts.sprint}" (known: ${sprints.map((s) => s.name).join(', ') || 'none'}); sprints live in taskdeck.json or a task's <!-- sprint: NAME --> comment`
        : 'This project has no sprints: add them to taskdeck.json ("sprints": [{"name", "start", "end", "capacity"}])');
    }
    const rng = seededRng(opts.seed ?? 1);
    const result = ctx.db
      ? queryForecast(ctx.db, { sprint, plan: ctx.plan, now: ctx.now, tz: ctx.tz, rng })
      : sprintForecast({ sprint, plan: ctx.plan, tallies: [], firstSuccess: new Map(), durationsOf: () => [], now: ctx.now, tz: ctx.tz, rng });
    if (opts.json) printJson({ project: ctx.project.projectDir, now: new Date(ctx.now).toISOString(), ...result });
    else writeOut(`${describeForecast(result, ctx.tz)}\n`);
  }, opts.tz);
}

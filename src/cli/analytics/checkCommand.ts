// `taskdeck check [--json]`: the alert rules of taskdeck.json (`alerts`) against the run
// record, for CI: every breach listed, exit 1 when there is one, 0 otherwise, and 2 when
// the check could not be made (a bad taskdeck.json, an unreadable record), so a CI step can
// tell "a rule is breached" from "nothing was checked".
import { hasRules } from '../../main/core/analytics/alerts';
import { alertLine } from '../../main/reports/insightsText';
import { queryAlerts } from '../../main/reports/queries/insights';
import { plural } from '../../shared/pluralise';
import { CliFailure, describeFailure } from '../output/fail';
import { printJson, withAnalytics } from './open';
import { writeOut } from '../output/stdout';

export async function checkCommand(opts: { project?: string; json?: boolean }): Promise<void> {
  try {
    await check(opts);
  } catch (err) {
    throw new CliFailure(describeFailure(err).line, 2);
  }
}

async function check(opts: { project?: string; json?: boolean }): Promise<void> {
  await withAnalytics(opts.project, (ctx) => {
    const rules = ctx.project.config.alerts;
    const alerts = queryAlerts(ctx.db, rules, new Set(ctx.plan.map((t) => t.id)));
    if (alerts.length > 0) process.exitCode = 1;
    if (opts.json) {
      printJson({ project: ctx.project.projectDir, rules: rules ?? null, breached: alerts.length > 0, alerts });
      return;
    }
    if (!hasRules(rules)) {
      writeOut('No alert rules: add "alerts" to taskdeck.json (slowerThanP95, failureRate, flaky); nothing to check.\n');
      return;
    }
    if (alerts.length === 0) {
      writeOut(`OK: no alert rule breached${ctx.db ? '' : ' (nothing has run yet)'}.\n`);
      return;
    }
    writeOut(`${plural(alerts.length, 'alert rule breach', 'alert rule breaches')}:\n${alerts.map((a) => `  ${alertLine(a)}`).join('\n')}\n`);
  });
}

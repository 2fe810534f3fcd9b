// analytics:dashboard: opens the project's analytics context, answers every chart, closes.
import type { Session } from '../session';
import type { HandlerSlice } from './types';
import { openAnalytics } from '../../reports/analyticsContext';
import { timeZoneRule, TimeZoneError } from '../../reports/timeZone';
import { buildDashboard } from './analyticsDashboard';

export function analyticsHandlers(session: Session, clock: () => number = Date.now): HandlerSlice<'analytics:dashboard'> {
  return {
    'analytics:dashboard': async (args) => {
      const project = session.current();
      if (!project) return { ok: false, error: { code: 'no-project', message: 'No project is open. Open a project folder first.' } };
      // Days and weekdays are the user's: the client sends its zone; the host's is the default.
      let zone;
      try {
        zone = timeZoneRule(args.timeZone);
      } catch (err) {
        if (err instanceof TimeZoneError) return { ok: false, error: { code: err.code, message: err.message } };
        throw err;
      }
      const opened = await openAnalytics(project.dir, clock(), zone);
      if (!opened.ok) return { ok: false, error: { code: opened.error.code, message: opened.error.message } };
      try {
        return { ok: true, value: buildDashboard(opened.value) };
      } finally {
        opened.value.close();
      }
    },
  };
}

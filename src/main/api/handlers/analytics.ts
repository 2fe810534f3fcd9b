// analytics:dashboard: opens the project's analytics context, answers every chart, closes.
import type { Session } from '../session';
import type { HandlerSlice } from './types';
import { openAnalytics } from '../../reports/analyticsContext';
import { buildDashboard } from './analyticsDashboard';

export function analyticsHandlers(session: Session, clock: () => number = Date.now): HandlerSlice<'analytics:dashboard'> {
  return {
    'analytics:dashboard': async () => {
      const project = session.current();
      if (!project) return { ok: false, error: { code: 'no-project', message: 'No project is open. Open a project folder first.' } };
      const opened = await openAnalytics(project.dir, clock());
      if (!opened.ok) return { ok: false, error: { code: opened.error.code, message: opened.error.message } };
      try {
        return { ok: true, value: buildDashboard(opened.value) };
      } finally {
        opened.value.close();
      }
    },
  };
}

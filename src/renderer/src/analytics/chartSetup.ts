// Chart.js with only what the dashboard draws (tree-shaken); no inline styles, so the
// charts pass the app's Content-Security-Policy.
import { BarController, BarElement, CategoryScale, Chart, Filler, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip } from 'chart.js';

Chart.register(BarController, BarElement, CategoryScale, Filler, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip);
Chart.defaults.font.family = "'Inter', 'Segoe UI', system-ui, sans-serif";
Chart.defaults.font.size = 11;
Chart.defaults.color = '#64748b';
Chart.defaults.maintainAspectRatio = false;
Chart.defaults.animation = false;

export const COLORS = {
  accent: '#6366f1',
  accentSoft: 'rgba(99, 102, 241, 0.18)',
  ok: '#22c55e',
  bad: '#ef4444',
  warn: '#f59e0b',
  grey: '#94a3b8',
  band: 'rgba(245, 158, 11, 0.18)',
};

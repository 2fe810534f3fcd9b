// Chart.js with only what the dashboard draws (tree-shaken); no inline styles, so the
// charts pass the app's Content-Security-Policy.
import { BarController, BarElement, CategoryScale, Chart, Filler, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip } from 'chart.js';

Chart.register(BarController, BarElement, CategoryScale, Filler, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip);
Chart.defaults.font.family = "'Inter', 'Segoe UI', system-ui, sans-serif";
Chart.defaults.font.size = 11;
// Axis and legend text in the theme's muted colour (the same contrast as the app's text).
const dark = typeof window !== 'undefined' && window.matchMedia?.('(prefers-color-scheme: dark)').matches;
Chart.defaults.color = dark ? '#9aa6b4' : '#526175';
Chart.defaults.borderColor = dark ? 'rgba(154, 166, 180, 0.18)' : 'rgba(15, 23, 42, 0.1)';
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

export const pct = (r: number | null): string => (r === null ? '–' : `${Math.round(r * 100)}%`);
export const secs = (ms: number | null): string => (ms === null ? '–' : ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)} s`);

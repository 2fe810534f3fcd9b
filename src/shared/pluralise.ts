// Counted nouns, the one way every surface (CLI, reports, app) writes them:
// "1 remaining task", "2 remaining tasks", "0 runs". Irregular plurals are passed in.

/** `plural(1, 'task')` → "1 task"; `plural(3, 'retry', 'retries')` → "3 retries". */
export function plural(n: number, singular: string, pluralForm = `${singular}s`): string {
  return `${formatCount(n)} ${n === 1 ? singular : pluralForm}`;
}

/** Just the noun, for "N of them" phrasings: `noun(1, 'point')` → "point". */
export function noun(n: number, singular: string, pluralForm = `${singular}s`): string {
  return n === 1 ? singular : pluralForm;
}

function formatCount(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Math.round(n * 10) / 10);
}

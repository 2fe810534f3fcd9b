// `<!--score: {bv:5, tc:3, rr:5, le:4, effort:3, deps:[]}-->` (format section 4). The
// object is not JSON (unquoted keys), so it is read key by key.

import type { Score } from '../../../shared/backlog';

const NUMBER_FIELD = /\b(bv|tc|rr|le|effort)\s*:\s*(-?\d+(?:\.\d+)?)/g;
const DEPS = /\bdeps\s*:\s*\[([^\]]*)\]/;

export interface ParsedScore {
  score: Score;
  /** The text inside `deps:[...]`, where dependency IDs are looked for. */
  depsText: string;
}

export function parseScore(value: string): ParsedScore | null {
  const score: Score = { bv: null, tc: null, rr: null, le: null, effort: null };
  let found = false;
  NUMBER_FIELD.lastIndex = 0;
  for (let m = NUMBER_FIELD.exec(value); m !== null; m = NUMBER_FIELD.exec(value)) {
    const key = m[1] as keyof Score;
    score[key] = Number(m[2]);
    found = true;
  }
  const deps = DEPS.exec(value);
  if (!found && deps === null) return null;
  return { score, depsText: deps === null ? '' : deps[1] };
}

/** (bv + tc + rr + le) / effort, rounded to one decimal; null when a part is missing. */
export function computeScoreTotal(score: Score): number | null {
  const { bv, tc, rr, le, effort } = score;
  if (bv === null || tc === null || rr === null || le === null || effort === null || effort <= 0) return null;
  return Math.round(((bv + tc + rr + le) / effort) * 10) / 10;
}

export function parseScoreTotal(value: string): number | null {
  const m = /^-?\d+(?:\.\d+)?/.exec(value.trim());
  return m === null ? null : Number(m[0]);
}

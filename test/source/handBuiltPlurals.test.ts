// Counted nouns have one writer (pluralise.ts). A hand-built plural ("task(s)", or
// `n === 1 ? '' : 's'`) drifts: it reads "1 task(s)" or "these 1 commands", and it is the
// kind of leftover no behaviour test catches on every surface. This scans the sources a
// person's text comes from (CLI, engine, API, reports, renderer) for both forms.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = join(__dirname, '..', '..', 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return /\.(ts|tsx)$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [p] : [];
  });
}

const HAND_BUILT = [
  /=== 1 \? '' : 's'/,
  /!== 1 \? 's' : ''/,
  /[a-z]\((s|es)\) (?!as\b)[a-z$]/, // "task(s) run" in text (not a call: `parse(s) as T`)
  // "${n} tasks" with a count that can be 1 ("1 tasks"); a constant (MAX_RUNS) or a count
  // already split on 1 (`n === 1 ? ... :`) is fine, see EXEMPT.
  /\$\{[^{}]+\} (tasks|attempts|runs|events|errors|files|commands|lines|points|problems|warnings|actions)\b/,
];

const EXEMPT = [/\$\{[A-Z_]+\} [a-z]+/, /(===|!==) 1 \?|> 1 \?|\bone \?/, /\.toFixed\(/];

describe('counted nouns', () => {
  it('are written through src/shared/pluralise.ts, never built by hand', () => {
    const offenders: string[] = [];
    for (const file of sourceFiles(SRC)) {
      readFileSync(file, 'utf8').split('\n').forEach((line, i) => {
        const code = line.trim();
        if (code.startsWith('//') || code.startsWith('*') || code.startsWith('/*')) return;
        if (HAND_BUILT.some((re) => re.test(code)) && !EXEMPT.some((re) => re.test(code))) offenders.push(`${file.slice(SRC.length + 1)}:${i + 1}: ${code}`);
      });
    }
    expect(offenders).toEqual([]);
  });
});

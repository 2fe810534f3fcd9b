// Runs every bench/*.bench.mjs in sequence and prints one table. Each bench module
// exports `async function run()` returning rows { area, name, value, unit, goal }, where
// goal is a number in the same unit (lower is better, unless the row says
// `better: 'higher'`, as for a rate), a string, or null.
//
//   npm run bench               all benches
//   npm run bench -- backlog    only files whose name contains "backlog"
import { readdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const filters = process.argv.slice(2);
const files = (await readdir(here))
  .filter((f) => f.endsWith('.bench.mjs'))
  .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)))
  .sort();

/** "≤ 3 ms" for a numeric goal, the text for a textual one. */
function goalText(row) {
  if (row.goal === null || row.goal === undefined) return '';
  const sign = row.better === 'higher' ? '≥' : '≤';
  return typeof row.goal === 'number' ? `${sign} ${format(row.goal)} ${row.unit}` : String(row.goal);
}

function format(v) {
  if (typeof v !== 'number') return String(v);
  if (Number.isInteger(v)) return String(v);
  return Math.abs(v) >= 100 ? v.toFixed(0) : Math.abs(v) >= 10 ? v.toFixed(1) : v.toFixed(2);
}

/** ok when a numeric goal is met; "-" when there is nothing to compare. */
function verdict(row) {
  if (typeof row.value !== 'number' || typeof row.goal !== 'number') return row.ok === undefined ? '-' : row.ok ? 'yes' : 'NO';
  const met = row.better === 'higher' ? row.value >= row.goal : row.value <= row.goal;
  return met ? 'yes' : 'NO';
}

const rows = [];
for (const file of files) {
  const started = performance.now();
  process.stderr.write(`bench: ${file} ...`);
  try {
    const mod = await import(pathToFileURL(join(here, file)).href);
    if (typeof mod.run !== 'function') throw new Error('does not export run()');
    const out = await mod.run();
    for (const r of out) rows.push({ area: r.area ?? file.replace('.bench.mjs', ''), ...r });
    process.stderr.write(` ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
  } catch (err) {
    process.stderr.write(' failed\n');
    rows.push({ area: file.replace('.bench.mjs', ''), name: `(failed: ${err instanceof Error ? err.message : String(err)})`, value: '', unit: '', goal: null, ok: false });
  }
}

const table = [['area', 'measurement', 'value', 'goal', 'ok?']].concat(
  rows.map((r) => [r.area, r.name, `${format(r.value)} ${r.unit ?? ''}`.trim(), goalText(r), verdict(r)]),
);
const widths = table[0].map((_, c) => Math.max(...table.map((row) => [...row[c]].length)));
const line = (row) => row.map((cell, c) => cell + ' '.repeat(widths[c] - [...cell].length)).join('  ').trimEnd();
console.log(line(table[0]));
console.log(widths.map((w) => '-'.repeat(w)).join('  '));
for (const row of table.slice(1)) console.log(line(row));

const failed = rows.filter((r) => verdict(r) === 'NO').length;
console.log(`\n${rows.length} measurements, ${failed} over their goal.`);

import { it } from 'vitest';
import { parseBacklog } from '../../src/main/core/backlog';
import { applyEdit } from '../../src/main/core/backlog/edit';
import { comparable, corpusFiles, readCorpus } from './edit-kit';

it('debug', () => {
  const files = corpusFiles();
  for (const [name, n] of [['backlog-20250831-043809-4cb323fb.md', 1424600639], ['backlog-20250828-170655-6ccf0792.md', 321950159]] as const) {
    const text = readCorpus(name);
    const p = parseBacklog(text);
    const t = p.tasks[n % p.tasks.length]!;
    const r = applyEdit(text, p, { kind: 'setTitle', id: t.id, value: 'a' });
    if (!r.ok) { console.log(r.error); continue; }
    const q = parseBacklog(r.value.text);
    const src = p.source.tasks.get(t.id)!;
    const line = src.def.kind === 'row' ? src.def.rowStart : src.def.headingLine;
    console.log(name, t.id, JSON.stringify(p.source.lines[line]), '\n ->', JSON.stringify(r.value.text.split('\n')[line]));
    const before = new Map(p.tasks.map((x) => [x.id, JSON.stringify(comparable(x))]));
    for (const x of q.tasks) if (before.get(x.id) !== JSON.stringify(comparable(x))) console.log('DIFF', x.id, before.get(x.id)?.slice(0, 300), '\n   ', JSON.stringify(comparable(x)).slice(0, 300));
  }
});

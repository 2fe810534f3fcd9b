import { describe, expect, it } from 'vitest';
import { LineKind, type ScanResult, scanLines } from './scan';

/** The comments found, one object each, as a reader of them sees them. */
function commentsOf(r: ScanResult): { start: number; end: number; body: string }[] {
  return Array.from({ length: r.comments.length }, (_, i) => ({ start: r.comments.starts[i], end: r.comments.ends[i], body: r.comments.body(i) }));
}

describe('scanLines', () => {
  it('marks front matter, fences and comments, and collects comment bodies', () => {
    const lines = ['---', 'a: 1', '---', '<!-- one -->', '```js', '<!-- not a comment -->', '```', '<!-- two', 'lines --> <!-- three -->', 'text <!-- inline --> text'];
    const r = scanLines(lines);
    expect(Array.from(r.kinds)).toEqual([
      LineKind.FrontMatter,
      LineKind.FrontMatter,
      LineKind.FrontMatter,
      LineKind.Comment,
      LineKind.Fence,
      LineKind.Fence,
      LineKind.Fence,
      LineKind.Comment,
      LineKind.Comment,
      LineKind.Text,
    ]);
    expect(r.frontMatter).toBe('a: 1');
    expect(commentsOf(r)).toEqual([
      { start: 3, end: 4, body: ' one ' },
      { start: 7, end: 9, body: ' two\nlines ' },
      { start: 8, end: 9, body: ' three ' },
    ]);
    expect(r.diagnostics).toEqual([]);
  });

  it('keeps every comment when lines hold more comments than the file has lines', () => {
    const line = Array.from({ length: 40 }, (_, i) => `<!-- k${i}: ${i} -->`).join(' ');
    const r = scanLines([line, line]);
    const all = commentsOf(r);
    expect(all).toHaveLength(80);
    expect(all[79]).toEqual({ start: 1, end: 2, body: ' k39: 39 ' });
    expect(all.filter((c) => c.start === 0).map((c) => c.body)).toEqual(Array.from({ length: 40 }, (_, i) => ` k${i}: ${i} `));
  });

  it('needs a closing line for front matter', () => {
    expect(scanLines(['---', 'no end']).frontMatter).toBeNull();
  });

  it('closes a fence only with the same character, at least as long', () => {
    const r = scanLines(['````', '```', '~~~~', '````', 'after']);
    expect(Array.from(r.kinds)).toEqual([LineKind.Fence, LineKind.Fence, LineKind.Fence, LineKind.Fence, LineKind.Text]);
  });

  it('reports unterminated comments and fences on their first line and reads on', () => {
    const r = scanLines(['```', 'more', '<!-- open', 'text']);
    expect(r.diagnostics.map((d) => [d.code, d.line])).toEqual([
      ['unterminated-fence', 1],
      ['unterminated-comment', 3],
    ]);
    expect(Array.from(r.kinds)).toEqual([LineKind.Text, LineKind.Text, LineKind.Comment, LineKind.Text]);
    expect(commentsOf(r)).toEqual([{ start: 2, end: 3, body: ' open' }]);
    // A comment ends at the first `-->`, however far: HTML's rule.
    const far = scanLines(['<!-- open', 'text', '| B-1 |', 'x -->']);
    expect(commentsOf(far)).toEqual([{ start: 0, end: 4, body: ' open\ntext\n| B-1 |\nx ' }]);
  });

  it('stays linear with many unterminated openers', () => {
    const lines = Array.from({ length: 20_000 }, (_, i) => (i < 10_000 ? '```x' : '<!-- x'));
    const r = scanLines(lines);
    expect(r.diagnostics).toHaveLength(20_000);
  });
});

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { csvCell, csvRow, writeHistoryCsv } from './historyCsv';
import type { HistoryEvent } from './types';

describe('csvCell', () => {
  const cases: [string | number | null, string][] = [
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['cr\rhere', '"cr\rhere"'],
    ['=SUM(A1:A9)', "'=SUM(A1:A9)"],
    ['+1-555', "'+1-555"],
    ['-cmd', "'-cmd"],
    ['@import', "'@import"],
    ['\tindented', "'\tindented"],
    ['\rstart', `"'\rstart"`],
    ['=HYPERLINK("http://x","y")', `"'=HYPERLINK(""http://x"",""y"")"`],
    ['a=b', 'a=b'],
    [-5, '-5'],
    [3.5, '3.5'],
    [null, ''],
    ['', ''],
    ['ünïcødé', 'ünïcødé'],
  ];
  it.each(cases)('%j -> %j', (value, expected) => expect(csvCell(value)).toBe(expected));
});

describe('writeHistoryCsv', () => {
  const event = (id: number, message: string): HistoryEvent => ({
    id, taskId: 'T-1', runId: 'r1', attemptId: null, type: 'output', message, data: id === 1 ? { p: 1 } : null, at: Date.UTC(2026, 0, 2, 3, 4, 5, 6),
  });

  it('writes a header and CRLF rows, with an optional BOM', () => {
    let out = '';
    const rows = writeHistoryCsv([event(1, 'ok'), event(2, '=1+1')], (c) => (out += c), { bom: true });
    expect(rows).toBe(2);
    expect(out).toBe(
      '\uFEFFid,timestamp,task_id,run_id,attempt_id,event_type,message,data\r\n' +
        '1,2026-01-02T03:04:05.006Z,T-1,r1,,output,ok,"{""p"":1}"\r\n' +
        "2,2026-01-02T03:04:05.006Z,T-1,r1,,output,'=1+1,\r\n",
    );
  });

  it('has no BOM by default and streams in chunks', () => {
    const chunks: string[] = [];
    const many = Array.from({ length: 5000 }, (_, i) => event(i + 10, 'x'.repeat(40)));
    writeHistoryCsv(many, (c) => chunks.push(c));
    expect(chunks.length).toBeGreaterThan(1);
    expect(chunks[0]?.startsWith('id,')).toBe(true);
    expect(chunks.join('').split('\r\n').length).toBe(5002);
  });

  it('a row round-trips through a RFC 4180 reader', () => {
    const line = csvRow(['a"b', 'c,d', 'e\nf']);
    const cells: string[] = [];
    const re = /("((?:[^"]|"")*)"|[^,\r\n]*)(,|\r\n)/gy;
    let m: RegExpExecArray | null;
    while ((m = re.exec(line)) !== null) {
      cells.push(m[2] !== undefined ? m[2].replace(/""/g, '"') : (m[1] ?? ''));
      if (m[3] === '\r\n') break;
    }
    expect(cells).toEqual(['a"b', 'c,d', 'e\nf']);
  });
});

/** A strict RFC 4180 reader for one CRLF-terminated record, for the round-trip law. */
function parseRecord(line: string): string[] {
  const cells: string[] = [];
  let i = 0;
  for (;;) {
    let cell = '';
    if (line[i] === '"') {
      i++;
      for (;;) {
        if (line[i] === '"' && line[i + 1] === '"') {
          cell += '"';
          i += 2;
        } else if (line[i] === '"') {
          i++;
          break;
        } else if (i >= line.length) {
          throw new Error('unterminated quote');
        } else {
          cell += line[i++];
        }
      }
    } else {
      while (i < line.length && line[i] !== ',' && line[i] !== '\r') {
        if (line[i] === '"' || line[i] === '\n') throw new Error(`bare ${JSON.stringify(line[i])} in an unquoted cell`);
        cell += line[i++];
      }
    }
    cells.push(cell);
    if (line[i] === ',') {
      i++;
      continue;
    }
    if (line.slice(i) !== '\r\n') throw new Error(`record does not end with CRLF: ${JSON.stringify(line.slice(i))}`);
    return cells;
  }
}

describe('csvRow law', () => {
  it('any text cells read back exactly, with a guard quote only before formula starters', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'binary' }), { minLength: 1, maxLength: 6 }), (cells) => {
        const back = parseRecord(csvRow(cells));
        const expected = cells.map((c) => (/^[=+\-@\t\r]/.test(c) ? `'${c}` : c));
        expect(back).toEqual(expected);
        for (const c of back) expect(/^[=+\-@\t\r]/.test(c)).toBe(false);
      }),
    );
  });
});

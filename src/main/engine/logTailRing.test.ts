import { mkdtempSync, openSync, closeSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { TailRing } from './logTailRing';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'taskdeck-ring-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

function keptBy(size: number, chunks: Buffer[]): Buffer {
  const ring = new TailRing(join(dir, 'r.tail'), size);
  for (const c of chunks) ring.write(c);
  const out = join(dir, 'out');
  const fd = openSync(out, 'w');
  ring.copyTo(fd);
  closeSync(fd);
  const all = Buffer.concat(chunks);
  expect(ring.dropped).toBe(Math.max(0, all.length - size));
  ring.dispose();
  expect(existsSync(join(dir, 'r.tail'))).toBe(false);
  return readFileSync(out);
}

describe('TailRing', () => {
  it('keeps exactly the last `size` bytes, in order, whatever the chunking', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 64 }), fc.array(fc.uint8Array({ maxLength: 150 }), { maxLength: 20 }), (size, arrays) => {
        const chunks = arrays.map((a) => Buffer.from(a));
        const all = Buffer.concat(chunks);
        expect(keptBy(size, chunks).equals(all.subarray(Math.max(0, all.length - size)))).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});

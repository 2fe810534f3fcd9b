// How many terminal/monospace columns a string takes, so a cell rewritten inside its
// padding keeps the table's columns lined up when it holds emoji (`✅ done` is 7 wide).
// An approximation of Unicode East Asian Width + emoji presentation, enough for backlogs.

const WIDE_BMP: ReadonlyArray<readonly [number, number]> = [
  [0x1100, 0x115f], [0x231a, 0x231b], [0x23e9, 0x23ec], [0x23f0, 0x23f0], [0x23f3, 0x23f3],
  [0x25fd, 0x25fe], [0x2614, 0x2615], [0x2648, 0x2653], [0x267f, 0x267f], [0x2693, 0x2693],
  [0x26a1, 0x26a1], [0x26aa, 0x26ab], [0x26bd, 0x26be], [0x26c4, 0x26c5], [0x26ce, 0x26ce],
  [0x26d4, 0x26d4], [0x26ea, 0x26ea], [0x26f2, 0x26f3], [0x26f5, 0x26f5], [0x26fa, 0x26fa],
  [0x26fd, 0x26fd], [0x2705, 0x2705], [0x270a, 0x270b], [0x2728, 0x2728], [0x274c, 0x274c],
  [0x274e, 0x274e], [0x2753, 0x2755], [0x2757, 0x2757], [0x2795, 0x2797], [0x27b0, 0x27b0],
  [0x27bf, 0x27bf], [0x2b1b, 0x2b1c], [0x2b50, 0x2b50], [0x2b55, 0x2b55], [0x2e80, 0xa4cf],
  [0xac00, 0xd7a3], [0xf900, 0xfaff], [0xfe30, 0xfe4f], [0xff00, 0xff60], [0xffe0, 0xffe6],
];

function isWide(cp: number): boolean {
  if (cp >= 0x1f000) return cp <= 0x1faff || (cp >= 0x20000 && cp <= 0x3fffd);
  for (const [lo, hi] of WIDE_BMP) if (cp >= lo && cp <= hi) return true;
  return false;
}

function isZeroWidth(cp: number): boolean {
  return cp === 0x200d || (cp >= 0xfe00 && cp <= 0xfe0f) || (cp >= 0x0300 && cp <= 0x036f) || (cp >= 0x1f3fb && cp <= 0x1f3ff);
}

export function displayWidth(text: string): number {
  let width = 0;
  let previousNarrowSymbol = false;
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    if (cp === 0xfe0f && previousNarrowSymbol) {
      // An emoji-presentation selector turns a text symbol (✔, ☑) into a 2-wide emoji.
      width += 1;
      previousNarrowSymbol = false;
      continue;
    }
    if (isZeroWidth(cp)) continue;
    const wide = isWide(cp);
    width += wide ? 2 : 1;
    previousNarrowSymbol = !wide && cp >= 0x2000;
  }
  return width;
}

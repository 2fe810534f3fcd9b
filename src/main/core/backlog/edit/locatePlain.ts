// Finds where a plain-text value (as the reader reports it, emphasis dropped) sits in the
// raw Markdown it came from, so a title can be replaced without leaving half a `**` pair
// behind: `Guides ✅ **COMPLETED**` is the raw form of `Guides ✅ COMPLETED`.

const MARKER = /^(?:\*+|__|~~|`)/;

export function locatePlain(raw: string, plain: string, from = 0): { from: number; to: number } | null {
  if (plain === '') return null;
  let stripped = '';
  const positions: number[] = [];
  for (let i = from; i < raw.length; ) {
    const marker = MARKER.exec(raw.slice(i, i + 8));
    if (marker) {
      i += marker[0].length;
      continue;
    }
    stripped += raw[i];
    positions.push(i);
    i++;
  }
  const at = stripped.indexOf(plain);
  if (at < 0) return null;
  const start = positions[at] ?? 0;
  let end = (positions[at + plain.length - 1] ?? start) + 1;
  // An odd number of markers inside means the range opened a pair; take its closing marker too.
  const inside = raw.slice(start, end).match(/\*+|__|~~|`/g)?.length ?? 0;
  if (inside % 2 === 1) {
    const closing = MARKER.exec(raw.slice(end, end + 8));
    if (closing) end += closing[0].length;
  }
  return { from: start, to: end };
}

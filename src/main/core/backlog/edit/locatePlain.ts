// Finds where a plain-text value (as the reader reports it, emphasis dropped) sits in the
// raw Markdown it came from, so a title can be replaced without leaving half a `**` pair
// behind: `Guides ✅ **COMPLETED**` is the raw form of `Guides ✅ COMPLETED`. The markers
// are the ones the reader drops (readEmphasis): a lone `*` is text on both sides.
import { readEmphasis } from '../emphasis';

export function locatePlain(raw: string, plain: string, from = 0): { from: number; to: number } | null {
  if (plain === '') return null;
  const mapped = readEmphasis(raw);
  const first = mapped.positions.findIndex((p) => p >= from);
  if (first < 0) return null;
  const at = mapped.text.indexOf(plain, first);
  if (at < 0) return null;
  let start = mapped.positions[at] ?? 0;
  let end = (mapped.positions[at + plain.length - 1] ?? start) + 1;
  // A pair the range opened (or closed) goes with it, markers included.
  for (let grew = true; grew; ) {
    grew = false;
    for (const { open, close } of mapped.pairs) {
      if (open[0] >= start && open[1] <= end && close[0] === end) {
        end = close[1];
        grew = true;
      } else if (close[0] >= start && close[1] <= end && open[1] === start && open[0] >= from) {
        start = open[0];
        grew = true;
      }
    }
  }
  return { from: start, to: end };
}

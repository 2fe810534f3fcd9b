// A line diff (longest common subsequence): what an edit removed and added, so a test can
// assert the file changed by exactly that edit and nothing else.
export interface LineDiff {
  removed: string[];
  added: string[];
}

export function lineDiff(before: string, after: string): LineDiff {
  const a = before.split('\n');
  const b = after.split('\n');
  const n = a.length;
  const m = b.length;
  const lcs: Uint32Array[] = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
    }
  }
  const removed: string[] = [];
  const added: string[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      i++;
      j++;
    } else if (lcs[i + 1]![j]! >= lcs[i]![j + 1]!) removed.push(a[i++]!);
    else added.push(b[j++]!);
  }
  while (i < n) removed.push(a[i++]!);
  while (j < m) added.push(b[j++]!);
  return { removed, added };
}

/** The ids in the order the file defines them (first mention of each table row / heading id). */
export function idOrder(text: string, ids: readonly string[]): string[] {
  const positions = ids.map((id) => ({ id, at: text.search(new RegExp(`(^\\| ${id} \\|)|(^#+ \\*\\*${id}:)`, 'm')) }));
  return positions.filter((p) => p.at >= 0).sort((x, y) => x.at - y.at).map((p) => p.id);
}

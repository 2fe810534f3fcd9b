// JavaScript's whitespace (what `\s` matches and String.prototype.trim removes: WhiteSpace
// and LineTerminator), checked by character code, for readers that trim or split text in
// place instead of making intermediate strings.

/** What `\s` matches in a JavaScript regex (WhiteSpace and LineTerminator). */
export function isJsSpace(c: number): boolean {
  if (c === 32 || (c >= 9 && c <= 13)) return true;
  if (c < 160) return false;
  return c === 160 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** text.slice(from, to).trim(), making one string instead of two. */
export function trimmedSlice(text: string, from: number, to: number): string {
  let a = from;
  let b = to;
  while (a < b && isJsSpace(text.charCodeAt(a))) a++;
  while (b > a && isJsSpace(text.charCodeAt(b - 1))) b--;
  return text.slice(a, b);
}

// Emphasis as CommonMark reads it: only delimiters that pair up are markup. A lone `*`
// (`RAG Schema Patch (Span*, ...)`) or an unclosed backtick is text and stays. Follows the
// spec's delimiter-run rules (left/right-flanking, `_` not inside words, the rule of 3) for
// `*` and `_`, GFM's `~~` strikethrough, and code spans (their content is literal).

export interface PlainMapping {
  /** The text with matched delimiters (and the backslash of an escaped one) removed. */
  text: string;
  /** For each character of `text`, its index in the raw input. */
  positions: number[];
  /** Matched pairs, as raw index ranges [from, to) of the opening and closing markers. */
  pairs: { open: [number, number]; close: [number, number] }[];
}

interface Delimiter {
  ch: '*' | '_' | '~';
  /** Unused part of the run: a closer uses it from the left, an opener from the right. */
  lo: number;
  hi: number;
  runLength: number;
  canOpen: boolean;
  canClose: boolean;
  active: boolean;
}

const ESCAPABLE = new Set(['*', '_', '~', '`', '\\']);

// A module constant: a regex literal in the function made a new RegExp object per call.
const MARKUP_CHAR = /[*_~`\\]/;

/** Quick test so plain titles skip the parser. */
export function mayHaveEmphasis(text: string): boolean {
  return MARKUP_CHAR.test(text);
}

/** Which characters are markup (matched delimiters, escape backslashes), and the pairs. */
function scan(raw: string): { dropped: Uint8Array; pairs: PlainMapping['pairs'] } {
  const dropped = new Uint8Array(raw.length);
  const delimiters: Delimiter[] = [];
  const pairs: PlainMapping['pairs'] = [];
  for (let i = 0; i < raw.length; ) {
    const c = raw[i]!;
    if (c !== '*' && c !== '_' && c !== '~' && c !== '`' && c !== '\\') {
      i++;
      continue;
    }
    if (c === '\\') {
      if (ESCAPABLE.has(raw[i + 1] ?? '')) {
        dropped[i] = 1;
        i += 2;
      } else i++;
      continue;
    }
    const run = runLength(raw, i, c);
    if (c === '`') {
      const close = closingBackticks(raw, i + run, run);
      if (close >= 0) {
        dropped.fill(1, i, i + run);
        dropped.fill(1, close, close + run);
        pairs.push({ open: [i, i + run], close: [close, close + run] });
        i = close + run;
      } else i += run;
      continue;
    }
    if (c !== '~' || run === 2) delimiters.push(delimiterAt(raw, i, run, c));
    i += run;
  }
  matchDelimiters(delimiters, dropped, pairs);
  return { dropped, pairs };
}

/** The text without its markup: what titles and cells read as. */
export function plainOf(raw: string): string {
  const { dropped } = scan(raw);
  let text = '';
  let from = 0;
  for (let i = 0; i < raw.length; i++) {
    if (!dropped[i]) continue;
    if (i > from) text += raw.slice(from, i);
    from = i + 1;
  }
  return from === 0 ? raw : text + raw.slice(from);
}

export function readEmphasis(raw: string): PlainMapping {
  const { dropped, pairs } = scan(raw);
  let text = '';
  const positions: number[] = [];
  for (let i = 0; i < raw.length; i++) {
    if (dropped[i]) continue;
    text += raw[i];
    positions.push(i);
  }
  return { text, positions, pairs };
}

function runLength(raw: string, at: number, c: string): number {
  let end = at;
  while (raw[end] === c) end++;
  return end - at;
}

/** Where a backtick string of exactly `length` starts after `from`, or -1. */
function closingBackticks(raw: string, from: number, length: number): number {
  for (let i = raw.indexOf('`', from); i >= 0; i = raw.indexOf('`', i)) {
    const run = runLength(raw, i, '`');
    if (run === length) return i;
    i += run;
  }
  return -1;
}

const WHITESPACE = /^\s$/u;
const PUNCTUATION = /^[\p{P}\p{S}]$/u;
const ASCII_PUNCTUATION = new Set('!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~');

type CharClass = 'space' | 'punct' | 'other';

/** Start and end of the text count as whitespace (CommonMark). */
function classAt(raw: string, at: number, before: boolean): CharClass {
  const index = before ? at - 1 : at;
  if (index < 0 || index >= raw.length) return 'space';
  const code = raw.charCodeAt(index);
  if (code < 128) {
    if (code === 32 || (code >= 9 && code <= 13)) return 'space';
    return ASCII_PUNCTUATION.has(raw[index]!) ? 'punct' : 'other';
  }
  // Outside ASCII: the whole code point (an emoji is a symbol, which counts as punctuation).
  let ch: string;
  if (before && code >= 0xdc00 && code <= 0xdfff && index > 0) ch = raw.slice(index - 1, index + 1);
  else ch = String.fromCodePoint(raw.codePointAt(index)!);
  if (WHITESPACE.test(ch)) return 'space';
  return PUNCTUATION.test(ch) ? 'punct' : 'other';
}

function delimiterAt(raw: string, at: number, run: number, ch: '*' | '_' | '~'): Delimiter {
  const before = classAt(raw, at, true);
  const after = classAt(raw, at + run, false);
  const leftFlanking = after !== 'space' && (after !== 'punct' || before !== 'other');
  const rightFlanking = before !== 'space' && (before !== 'punct' || after !== 'other');
  // `_` does not open or close inside a word (snake_case); `*` and `~~` do.
  const canOpen = ch === '_' ? leftFlanking && (!rightFlanking || before === 'punct') : leftFlanking;
  const canClose = ch === '_' ? rightFlanking && (!leftFlanking || after === 'punct') : rightFlanking;
  return { ch, lo: at, hi: at + run, runLength: run, canOpen, canClose, active: true };
}

/** The spec's "process emphasis": each closer takes the nearest opener it may pair with. */
function matchDelimiters(delimiters: Delimiter[], dropped: Uint8Array, pairs: PlainMapping['pairs']): void {
  for (let c = 0; c < delimiters.length; c++) {
    const closer = delimiters[c]!;
    while (closer.canClose && closer.active && closer.hi > closer.lo) {
      const o = findOpener(delimiters, c);
      if (o < 0) break;
      const opener = delimiters[o]!;
      const use = closer.ch === '~' ? 2 : opener.hi - opener.lo >= 2 && closer.hi - closer.lo >= 2 ? 2 : 1;
      const open: [number, number] = [opener.hi - use, opener.hi];
      const close: [number, number] = [closer.lo, closer.lo + use];
      dropped.fill(1, open[0], open[1]);
      dropped.fill(1, close[0], close[1]);
      pairs.push({ open, close });
      opener.hi -= use;
      closer.lo += use;
      // Delimiters between a matched pair can no longer pair with anything: they are text.
      for (let k = o + 1; k < c; k++) delimiters[k]!.active = false;
    }
  }
}

function findOpener(delimiters: Delimiter[], c: number): number {
  const closer = delimiters[c]!;
  for (let o = c - 1; o >= 0; o--) {
    const opener = delimiters[o]!;
    if (!opener.active || !opener.canOpen || opener.ch !== closer.ch || opener.hi <= opener.lo) continue;
    if (closer.ch === '~') {
      if (opener.runLength === closer.runLength) return o;
      continue;
    }
    // The rule of 3: `*foo**bar*` is not `*foo*` + `*bar*`.
    const eitherBoth = (closer.canOpen && closer.canClose) || (opener.canOpen && opener.canClose);
    const sum = opener.runLength + closer.runLength;
    if (eitherBoth && sum % 3 === 0 && !(opener.runLength % 3 === 0 && closer.runLength % 3 === 0)) continue;
    return o;
  }
  return -1;
}

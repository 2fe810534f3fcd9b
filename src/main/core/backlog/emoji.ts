// Emoji as the format uses them: markers for status and priority. Variation selectors
// are dropped so `✔️` and `✔` are the same marker.

const EMOJI = /\p{Extended_Pictographic}(?:\uFE0F|\u200D\p{Extended_Pictographic}|[\u{1F3FB}-\u{1F3FF}])*/gu;
const EMOJI_AT = new RegExp(EMOJI.source, 'uy');
const EMOJI_OR_SELECTOR = /[\p{Extended_Pictographic}\uFE0F\u200D\u{1F3FB}-\u{1F3FF}]/gu;
const HAS_NON_ASCII = /[^\x00-\x7f]/;

export function canonicalEmoji(emoji: string): string {
  return emoji.indexOf('\uFE0F') === -1 ? emoji : emoji.replace(/\uFE0F/g, '');
}

/** The emoji in text, in order, each with its index. */
export function emojiIn(text: string): { emoji: string; index: number }[] {
  if (!HAS_NON_ASCII.test(text)) return [];
  const out: { emoji: string; index: number }[] = [];
  EMOJI.lastIndex = 0;
  for (let m = EMOJI.exec(text); m !== null; m = EMOJI.exec(text)) {
    out.push({ emoji: canonicalEmoji(m[0]), index: m.index });
  }
  return out;
}

export function stripEmoji(text: string): string {
  if (!HAS_NON_ASCII.test(text)) return text;
  return text.replace(EMOJI_OR_SELECTOR, '');
}

/** Drops emoji and spaces at the start: `✅ **Done**` -> `**Done**`. */
export function dropLeadingEmoji(text: string): string {
  let s = text.trimStart();
  for (;;) {
    // Sticky: only an emoji at the start is looked for, not the first one anywhere.
    EMOJI_AT.lastIndex = 0;
    const m = EMOJI_AT.exec(s);
    if (m === null) return s;
    s = s.slice(m[0].length).trimStart();
  }
}

export function isOnlyEmoji(text: string): boolean {
  const t = text.trim();
  return t.length > 0 && stripEmoji(t).trim().length === 0;
}

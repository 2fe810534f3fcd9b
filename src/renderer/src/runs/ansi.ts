// ANSI colours to HTML: ansi_up escapes the text and, with classes instead of inline
// styles, the result passes the app's Content-Security-Policy (style-src 'self').
import { AnsiUp } from 'ansi_up';

const converter = new AnsiUp();
converter.use_classes = true;
converter.escape_html = true;

export function ansiToHtml(text: string): string {
  return converter.ansi_to_html(text);
}

const ANSI = /\u001b\[[0-9;]*[A-Za-z]/g;

/** The text a person reads, for searching. */
export function stripAnsi(text: string): string {
  return text.replace(ANSI, '');
}

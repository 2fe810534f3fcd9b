// Small SVG charts drawn by hand, so the HTML report is one self-contained file that
// opens offline and makes no network request. Every label is escaped.

export function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

const W = 640;
const num = (v: number): string => (Math.round(v * 10) / 10).toString();

export interface Bar {
  label: string;
  value: number;
  /** An optional whisker end (e.g. p95 beyond a p50 bar). */
  whisker?: number;
  title?: string;
}

/** Horizontal bars, one row per item; `format` prints values. */
export function barChart(title: string, bars: readonly Bar[], format: (v: number) => string, colour = '#3b6fd8'): string {
  if (bars.length === 0) return emptyChart(title);
  const rowH = 22;
  const left = 150;
  const h = bars.length * rowH + 30;
  const max = Math.max(1e-9, ...bars.map((b) => Math.max(b.value, b.whisker ?? 0)));
  const scale = (v: number): number => (v / max) * (W - left - 90);
  const rows = bars.map((b, i) => {
    const y = 24 + i * rowH;
    const whisker = b.whisker !== undefined && b.whisker > b.value
      ? `<line x1="${num(left + scale(b.value))}" x2="${num(left + scale(b.whisker))}" y1="${y + 8}" y2="${y + 8}" stroke="#555" stroke-width="1.5"/><line x1="${num(left + scale(b.whisker))}" x2="${num(left + scale(b.whisker))}" y1="${y + 3}" y2="${y + 13}" stroke="#555"/>`
      : '';
    const end = Math.max(b.value, b.whisker ?? 0);
    return `<g><title>${esc(b.title ?? `${b.label}: ${format(b.value)}`)}</title><text x="${left - 6}" y="${y + 12}" text-anchor="end" class="lbl">${esc(b.label.slice(0, 22))}</text>` +
      `<rect x="${left}" y="${y + 2}" width="${num(Math.max(1, scale(b.value)))}" height="${rowH - 8}" fill="${colour}" rx="2"/>${whisker}` +
      `<text x="${num(left + scale(end) + 6)}" y="${y + 12}" class="val">${esc(format(b.value))}${b.whisker !== undefined ? ` / ${esc(format(b.whisker))}` : ''}</text></g>`;
  });
  return svg(title, h, rows.join(''));
}

export interface Series {
  name: string;
  colour: string;
  points: ReadonlyArray<{ x: number; y: number }>;
  dashed?: boolean;
}

export interface LineOptions {
  yMax?: number;
  formatX: (x: number) => string;
  formatY: (y: number) => string;
  /** Vertical markers (e.g. today, forecast dates, sprint end). */
  markers?: ReadonlyArray<{ x: number; label: string; colour: string }>;
}

/** Lines over a shared x axis (time in ms, usually). */
export function lineChart(title: string, series: readonly Series[], o: LineOptions): string {
  const all = series.flatMap((s) => s.points);
  if (all.length === 0) return emptyChart(title);
  const xs = [...all.map((p) => p.x), ...(o.markers ?? []).map((m) => m.x)];
  const x0 = Math.min(...xs);
  const x1 = Math.max(...xs, x0 + 1);
  const yMax = o.yMax ?? Math.max(1e-9, ...all.map((p) => p.y));
  const left = 50;
  const top = 28;
  const h = 220;
  const ih = h - top - 34;
  const sx = (x: number): number => left + ((x - x0) / (x1 - x0)) * (W - left - 20);
  const sy = (y: number): number => top + ih - (Math.min(y, yMax) / yMax) * ih;
  const grid = [0, 0.25, 0.5, 0.75, 1].map((f) => `<line x1="${left}" x2="${W - 20}" y1="${num(sy(f * yMax))}" y2="${num(sy(f * yMax))}" class="grid"/><text x="${left - 6}" y="${num(sy(f * yMax) + 4)}" text-anchor="end" class="lbl">${esc(o.formatY(f * yMax))}</text>`).join('');
  const axis = `<text x="${left}" y="${h - 8}" class="lbl">${esc(o.formatX(x0))}</text><text x="${W - 20}" y="${h - 8}" text-anchor="end" class="lbl">${esc(o.formatX(x1))}</text>`;
  const lines = series.map((s) => {
    const d = s.points.map((p, i) => `${i === 0 ? 'M' : 'L'}${num(sx(p.x))},${num(sy(p.y))}`).join(' ');
    const dots = s.points.length <= 60 ? s.points.map((p) => `<circle cx="${num(sx(p.x))}" cy="${num(sy(p.y))}" r="2.5" fill="${s.colour}"><title>${esc(`${s.name} ${o.formatX(p.x)}: ${o.formatY(p.y)}`)}</title></circle>`).join('') : '';
    return `<path d="${d}" fill="none" stroke="${s.colour}" stroke-width="2"${s.dashed ? ' stroke-dasharray="5 4"' : ''}/>${dots}`;
  }).join('');
  // Labels near the right edge go on the left of their line, so they are not cut off.
  const markers = (o.markers ?? []).map((m, i) => {
    const x = sx(m.x);
    const label = x > W - 110 ? `<text x="${num(x - 3)}" y="${top + 10 + i * 12}" text-anchor="end" class="lbl" fill="${m.colour}">` : `<text x="${num(x + 3)}" y="${top + 10 + i * 12}" class="lbl" fill="${m.colour}">`;
    return `<line x1="${num(x)}" x2="${num(x)}" y1="${top}" y2="${top + ih}" stroke="${m.colour}" stroke-dasharray="3 3"/>${label}${esc(m.label)}</text>`;
  }).join('');
  const legend = series.map((s, i) => `<rect x="${left + i * 130}" y="6" width="10" height="10" fill="${s.colour}"/><text x="${left + 14 + i * 130}" y="15" class="lbl">${esc(s.name)}</text>`).join('');
  return svg(title, h, grid + axis + lines + markers + legend);
}

function svg(title: string, h: number, body: string): string {
  return `<figure><figcaption>${esc(title)}</figcaption><svg viewBox="0 0 ${W} ${h}" width="100%" role="img" aria-label="${esc(title)}" xmlns="http://www.w3.org/2000/svg">${body}</svg></figure>`;
}

export function emptyChart(title: string, note = 'Not enough data yet.'): string {
  return `<figure><figcaption>${esc(title)}</figcaption><p class="empty">${esc(note)}</p></figure>`;
}

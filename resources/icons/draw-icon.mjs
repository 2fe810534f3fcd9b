// Draws Taskdeck's icon (a rounded indigo-to-sky square holding three task cards with
// status dots) as PNGs at every size the Linux desktop, macOS and Windows builds use.
// Pure Node (zlib for PNG): no image tools needed. Run: node resources/icons/draw-icon.mjs
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];
const here = dirname(fileURLToPath(import.meta.url));

function roundedRect(x, y, left, top, right, bottom, radius) {
  const cx = Math.min(Math.max(x, left + radius), right - radius);
  const cy = Math.min(Math.max(y, top + radius), bottom - radius);
  return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2 && x >= left && x <= right && y >= top && y <= bottom;
}

const mix = (a, b, t) => a.map((v, i) => v + (b[i] - v) * t);
const INDIGO = [79, 70, 229];
const SKY = [14, 165, 233];
const CARD = [248, 250, 252];
const DOTS = [[34, 197, 94], [245, 158, 11], [148, 163, 184]];

/** Colour (with alpha) of the unit-square point (x, y), front layer last. */
function shade(x, y) {
  let rgba = [0, 0, 0, 0];
  if (roundedRect(x, y, 0.04, 0.04, 0.96, 0.96, 0.2)) rgba = [...mix(INDIGO, SKY, (x + y) / 2), 255];
  for (let row = 0; row < 3; row += 1) {
    const top = 0.24 + row * 0.19;
    if (roundedRect(x, y, 0.2, top, 0.8, top + 0.13, 0.035)) rgba = [...CARD, 255];
    if ((x - 0.285) ** 2 + (y - (top + 0.065)) ** 2 <= 0.032 ** 2) rgba = [...DOTS[row], 255];
    if (roundedRect(x, y, 0.36, top + 0.05, 0.36 + (0.34 - row * 0.08), top + 0.08, 0.015)) rgba = [100, 116, 139, 255];
  }
  return rgba;
}

function drawPixels(size) {
  const samples = size >= 256 ? 3 : 4;
  const pixels = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py += 1) {
    for (let px = 0; px < size; px += 1) {
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < samples; sy += 1) {
        for (let sx = 0; sx < samples; sx += 1) {
          const [r, g, b, a] = shade((px + (sx + 0.5) / samples) / size, (py + (sy + 0.5) / samples) / size);
          sum[0] += r * a; sum[1] += g * a; sum[2] += b * a; sum[3] += a;
        }
      }
      const offset = (py * size + px) * 4;
      const alpha = sum[3] / (samples * samples);
      pixels[offset] = sum[3] === 0 ? 0 : Math.round(sum[0] / sum[3]);
      pixels[offset + 1] = sum[3] === 0 ? 0 : Math.round(sum[1] / sum[3]);
      pixels[offset + 2] = sum[3] === 0 ? 0 : Math.round(sum[2] / sum[3]);
      pixels[offset + 3] = Math.round(alpha);
    }
  }
  return pixels;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buffer) {
  let c = 0xffffffff;
  for (const byte of buffer) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

export function encodePng(size, pixels) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  const raw = Buffer.alloc((size * 4 + 1) * size);
  for (let y = 0; y < size; y += 1) pixels.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', header), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

for (const size of SIZES) writeFileSync(join(here, `${size}x${size}.png`), encodePng(size, drawPixels(size)));
console.log(`icons written to ${here}`);

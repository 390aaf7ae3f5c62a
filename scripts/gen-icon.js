#!/usr/bin/env node
// Draws media/icon.png (128x128 RGBA): a claim form with a check mark on a teal rounded
// square. Pure Node (zlib), 4x4 supersampled for smooth edges. Run: node scripts/gen-icon.js
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');

const SIZE = 128;
const SS = 4; // samples per axis per pixel

const TEAL = [14, 90, 107];
const PAPER = [250, 250, 246];
const INK = [120, 138, 146];
const FOLD = [214, 222, 222];
const GREEN = [46, 170, 96];
const WHITE = [255, 255, 255];

function inRoundRect(x, y, x0, y0, x1, y1, r) {
  if (x < x0 || x > x1 || y < y0 || y > y1) return false;
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

function distToSegment(x, y, ax, ay, bx, by) {
  const dx = bx - ax, dy = by - ay;
  const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(x - (ax + t * dx), y - (ay + t * dy));
}

/** Colour (rgba) at a sub-pixel position; later layers paint over earlier ones. */
function sample(x, y) {
  let c = null;
  if (inRoundRect(x, y, 4, 4, 124, 124, 24)) c = TEAL;
  // the form, with its top-right corner folded
  const inPaper = x >= 30 && x <= 90 && y >= 18 && y <= 108 && !(x > 74 && y < 18 + (x - 74));
  if (inPaper) c = PAPER;
  if (x > 74 && x <= 90 && y >= 18 && y <= 34 && y >= 18 + (x - 74) - 0.5 && x <= 74 + 16) {
    if (y - 18 >= x - 74) c = FOLD;
  }
  // lines of the claim
  const rows = [[40, 68], [52, 80], [64, 76], [76, 62]];
  for (const [ry, rx1] of rows) if (inPaper && y >= ry - 2.5 && y <= ry + 2.5 && x >= 38 && x <= rx1) c = INK;
  // check badge
  if ((x - 88) ** 2 + (y - 90) ** 2 <= 24 ** 2) c = WHITE;
  if ((x - 88) ** 2 + (y - 90) ** 2 <= 20 ** 2) c = GREEN;
  if (distToSegment(x, y, 77, 90, 85, 99) <= 3.6 || distToSegment(x, y, 85, 99, 100, 80) <= 3.6) {
    if ((x - 88) ** 2 + (y - 90) ** 2 <= 20 ** 2) c = WHITE;
  }
  return c;
}

function render() {
  const rgba = Buffer.alloc(SIZE * SIZE * 4);
  for (let py = 0; py < SIZE; py++) {
    for (let px = 0; px < SIZE; px++) {
      let r = 0, g = 0, b = 0, a = 0;
      for (let sy = 0; sy < SS; sy++) {
        for (let sx = 0; sx < SS; sx++) {
          const c = sample(px + (sx + 0.5) / SS, py + (sy + 0.5) / SS);
          if (!c) continue;
          r += c[0]; g += c[1]; b += c[2]; a += 1;
        }
      }
      const o = (py * SIZE + px) * 4;
      if (a) {
        rgba[o] = Math.round(r / a);
        rgba[o + 1] = Math.round(g / a);
        rgba[o + 2] = Math.round(b / a);
        rgba[o + 3] = Math.round((255 * a) / (SS * SS));
      }
    }
  }
  return rgba;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

function png(rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(SIZE, 0);
  ihdr.writeUInt32BE(SIZE, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  const raw = Buffer.alloc((SIZE * 4 + 1) * SIZE);
  for (let y = 0; y < SIZE; y++) {
    raw[y * (SIZE * 4 + 1)] = 0; // filter: none
    rgba.copy(raw, y * (SIZE * 4 + 1) + 1, y * SIZE * 4, (y + 1) * SIZE * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const out = path.join(__dirname, '..', 'media', 'icon.png');
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, png(render()));
console.log(`wrote ${path.relative(process.cwd(), out)}`);

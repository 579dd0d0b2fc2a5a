// Draws media/icon.png (128×128): a UN-blue tile with a white page of text lines and a citation
// mark. Pure Node (zlib) so it needs nothing else; run once, the PNG is committed.
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const N = 128;
const px = new Uint8Array(N * N * 4);
const set = (x, y, [r, g, b, a = 255]) => {
  const i = (y * N + x) * 4;
  px.set([r, g, b, a], i);
};
const blue = [0, 158, 219];
const dark = [11, 61, 99];
const white = [255, 255, 255];
for (let y = 0; y < N; y++) {
  for (let x = 0; x < N; x++) {
    // Rounded tile.
    const r = 22;
    const cx = Math.min(Math.max(x, r), N - 1 - r);
    const cy = Math.min(Math.max(y, r), N - 1 - r);
    const inside = (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
    set(x, y, inside ? blue : [0, 0, 0, 0]);
    // The page.
    if (x >= 30 && x <= 84 && y >= 22 && y <= 106) set(x, y, white);
    // Lines of text on the page.
    if (x >= 38 && x <= 76 && [36, 48, 60, 72].some((l) => y >= l && y <= l + 4)) set(x, y, dark);
    // The citation mark: a dark disc with a white "§"-like ring, bottom right.
    const d = Math.hypot(x - 88, y - 88);
    if (d <= 24) set(x, y, dark);
    if (d >= 10 && d <= 15 && !(x > 88 && Math.abs(y - 88) < 5)) set(x, y, white);
  }
}
const raw = Buffer.alloc(N * (N * 4 + 1));
for (let y = 0; y < N; y++) {
  raw[y * (N * 4 + 1)] = 0;
  Buffer.from(px.buffer, y * N * 4, N * 4).copy(raw, y * (N * 4 + 1) + 1);
}
const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type), data]);
  const c = Buffer.alloc(4);
  c.writeUInt32BE(crc(td));
  return Buffer.concat([len, td, c]);
};
const ihdr = Buffer.alloc(13);
ihdr.writeUInt32BE(N, 0);
ihdr.writeUInt32BE(N, 4);
ihdr.set([8, 6, 0, 0, 0], 8);
const png = Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
writeFileSync(new URL('../media/icon.png', import.meta.url), png);
console.log(`media/icon.png: ${png.length} bytes`);

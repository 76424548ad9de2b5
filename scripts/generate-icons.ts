// Writes the site's icons into public/ from the logo (public/logo.svg): favicon.ico (16, 32 and
// 48 px), PNG icons for browsers, iOS and the web manifest, and a maskable icon whose mark stays
// inside the safe zone any mask shape keeps. The results are committed; run `npm run icons`
// after changing the logo.
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";

import sharp from "sharp";

import { BRAND_COLOR } from "../src/lib/brand";

const PUBLIC = path.join(process.cwd(), "public");
const BRAND = BRAND_COLOR;

async function png(svg: Buffer, size: number): Promise<Buffer> {
  return sharp(svg, { density: 384 }).resize(size, size).png({ compressionLevel: 9 }).toBuffer();
}

/** The image centred on an opaque square of the brand colour. */
async function onBrand(image: Buffer, size: number): Promise<Buffer> {
  return sharp({ create: { width: size, height: size, channels: 4, background: BRAND } })
    .composite([{ input: image, gravity: "center" }])
    .png({ compressionLevel: 9 })
    .toBuffer();
}

/** An ICO file holding PNG images (supported by every browser since Windows Vista's format). */
function icoFromPngs(images: { size: number; data: Buffer }[]): Buffer {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0); // reserved
  header.writeUInt16LE(1, 2); // type: icon
  header.writeUInt16LE(images.length, 4);
  const entries: Buffer[] = [];
  let offset = 6 + 16 * images.length;
  for (const { size, data } of images) {
    const entry = Buffer.alloc(16);
    entry.writeUInt8(size >= 256 ? 0 : size, 0); // width (0 means 256)
    entry.writeUInt8(size >= 256 ? 0 : size, 1); // height
    entry.writeUInt8(0, 2); // no palette
    entry.writeUInt8(0, 3); // reserved
    entry.writeUInt16LE(1, 4); // colour planes
    entry.writeUInt16LE(32, 6); // bits per pixel
    entry.writeUInt32LE(data.length, 8);
    entry.writeUInt32LE(offset, 12);
    offset += data.length;
    entries.push(entry);
  }
  return Buffer.concat([header, ...entries, ...images.map((i) => i.data)]);
}

async function main() {
  const logo = await readFile(path.join(PUBLIC, "logo.svg"));
  const icoSizes = [16, 32, 48];
  const ico = icoFromPngs(await Promise.all(icoSizes.map(async (size) => ({ size, data: await png(logo, size) }))));
  await writeFile(path.join(PUBLIC, "favicon.ico"), ico);
  for (const [name, size] of [
    ["icon-32.png", 32],
    ["icon-192.png", 192],
    ["icon-512.png", 512],
  ] as const) {
    await writeFile(path.join(PUBLIC, name), await png(logo, size));
  }
  // iOS rounds the corners itself and shows transparent ones black: a full-bleed square.
  await writeFile(path.join(PUBLIC, "apple-touch-icon.png"), await onBrand(await png(logo, 180), 180));
  // Maskable: the logo at 70 % on a full-bleed square, inside the central circle of 80 % that
  // every mask shape keeps.
  await writeFile(path.join(PUBLIC, "icon-maskable-512.png"), await onBrand(await png(logo, 358), 512));
  console.log("icons written to public/");
}

await main();

// Regenerates public/favicon.ico and public/apple-touch-icon.png from public/icon.svg by rendering it
// in Chromium (the one the e2e tests use): `npx tsx scripts/make-icons.ts` after changing the SVG.
import { readFileSync, writeFileSync } from "node:fs";
import { chromium } from "@playwright/test";
import { ensureBrowser } from "./lib/ensure-browser";

const svg = readFileSync("public/icon.svg");
const src = `data:image/svg+xml;base64,${svg.toString("base64")}`;

/** An ICO file holding PNG images (every current browser reads PNG entries). */
function toIco(images: { size: number; png: Buffer }[]): Buffer {
  const header = Buffer.alloc(6 + 16 * images.length);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(images.length, 4);
  let offset = header.length;
  images.forEach(({ size, png }, i) => {
    const entry = 6 + 16 * i;
    header.writeUInt8(size % 256, entry);
    header.writeUInt8(size % 256, entry + 1);
    header.writeUInt16LE(1, entry + 4);
    header.writeUInt16LE(32, entry + 6);
    header.writeUInt32LE(png.length, entry + 8);
    header.writeUInt32LE(offset, entry + 12);
    offset += png.length;
  });
  return Buffer.concat([header, ...images.map((i) => i.png)]);
}

async function main() {
  const browser = await chromium.launch({
    executablePath: ensureBrowser() || undefined,
    args: ["--no-sandbox"],
  });
  const page = await browser.newPage();
  async function render(size: number, background: string): Promise<Buffer> {
    await page.setViewportSize({ width: size, height: size });
    await page.setContent(
      `<body style="margin:0;background:${background}"><img src="${src}" width="${size}" height="${size}"></body>`,
    );
    return page.screenshot({ omitBackground: background === "transparent" });
  }
  const favicon = [];
  for (const size of [16, 32, 48]) favicon.push({ size, png: await render(size, "transparent") });
  writeFileSync("public/favicon.ico", toIco(favicon));
  // iOS rounds the corners itself and shows transparency as black: a full square in the icon's colour.
  writeFileSync("public/apple-touch-icon.png", await render(180, "#2f5d8a"));
  await browser.close();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});

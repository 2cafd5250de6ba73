// Makes the PWA's icons (public/icons/*.png) from app/icon.svg with sharp, which Next
// ships for image optimisation. Run after changing the logo: `node scripts/make-icons.mjs`;
// the PNGs are committed, so the build does not need this.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

import sharp from "sharp";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const svg = readFileSync(join(root, "app", "icon.svg"));
const out = (name) => join(root, "public", "icons", name);

for (const size of [192, 512]) {
  await sharp(svg, { density: (72 * size) / 64 }).resize(size, size).png().toFile(out(`icon-${size}.png`));
}

// Maskable: the launcher crops to a circle or a squircle, so the logo sits inside the
// central 80 % safe zone on the brand colour.
const size = 512;
const inner = Math.round(size * 0.7);
const logo = await sharp(svg, { density: (72 * inner) / 64 }).resize(inner, inner).png().toBuffer();
await sharp({ create: { width: size, height: size, channels: 4, background: "#0b4f9c" } })
  .composite([{ input: logo, gravity: "center" }])
  .png()
  .toFile(out("icon-maskable-512.png"));

console.log("public/icons: icon-192.png, icon-512.png, icon-maskable-512.png");

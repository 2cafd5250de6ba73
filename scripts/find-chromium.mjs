// Finds a Chromium for the browser tests: CHROMIUM_PATH, Debian's package, or one that
// Playwright installed. Playwright's own download does not work on a closed network.
import { existsSync } from "node:fs";
import { createRequire } from "node:module";

export function findChromium() {
  const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser", "/snap/bin/chromium"];
  for (const c of candidates) if (c && existsSync(c)) return c;
  try {
    const require = createRequire(import.meta.url);
    const { chromium } = require("playwright-core");
    const p = chromium.executablePath();
    if (p && existsSync(p)) return p;
  } catch {
    // playwright-core missing or no browser of its own
  }
  return null;
}

export const HOW_TO_GET_CHROMIUM = `Для браузерных тестов нужен Chromium, и он не найден.
Установите его одним из способов:
  • Debian/Ubuntu:  sudo apt-get install -y chromium   (появится /usr/bin/chromium)
  • с доступом в интернет:  npx playwright install chromium
  • или укажите путь к браузеру:  CHROMIUM_PATH=/путь/к/chromium npm test`;

if (import.meta.url === `file://${process.argv[1]}`) {
  const found = findChromium();
  if (found) console.log(found);
  else {
    console.error(HOW_TO_GET_CHROMIUM);
    process.exit(1);
  }
}

// `npm run test:e2e`: builds the app if needed and runs the browser tests in Chromium.
import { findChromium, HOW_TO_GET_CHROMIUM } from "./find-chromium.mjs";
import { needsBuild, run } from "./lib.mjs";

const chromium = findChromium();
if (!chromium) {
  console.error(HOW_TO_GET_CHROMIUM);
  process.exit(1);
}
if (needsBuild()) run(process.execPath, ["node_modules/next/dist/bin/next", "build"], { env: { NEXT_TELEMETRY_DISABLED: "1" }, label: "next build" });
run("playwright", ["test", ...process.argv.slice(2)], { env: { CHROMIUM_PATH: chromium } });

// Takes the README screenshots: the event and person pages at desktop and
// phone width. Usage: node screenshots.js BASE_URL EVENT_PATH PERSON_PATH OUT_DIR
// (tests/browser/screenshots.sh runs it on the sample site).
"use strict";
const path = require("path");
const { chromium } = require(path.join(__dirname, "node_modules", "playwright-core"));

const FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync"];
const SIZES = { desktop: { width: 1100, height: 1000 }, phone: { width: 390, height: 844 } };

(async () => {
  const [base, eventPath, personPath, out] = process.argv.slice(2);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium", args: FLAGS });
  try {
    for (const [name, page_path] of [["event", eventPath], ["person", personPath]]) {
      for (const [size, viewport] of Object.entries(SIZES)) {
        const context = await browser.newContext({ viewport, deviceScaleFactor: 1,
          colorScheme: "light" });
        const page = await context.newPage();
        await page.goto(base + page_path, { waitUntil: "networkidle" });
        const file = path.join(out, `${name}-${size}.png`);
        await page.screenshot({ path: file });
        console.log(file);
        await context.close();
      }
    }
  } finally {
    await browser.close();
  }
})().catch((e) => { console.error(e); process.exit(1); });

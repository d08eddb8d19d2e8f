// Loads each URL given on the command line in headless Chromium and prints
// one JSON line per page: console errors, page errors, failed requests,
// axe-core violations (WCAG 2 A/AA rules) and every JSON-LD block parsed.
// Used by tests/browser_checks.rs; needs `npm install` in tests/browser.
"use strict";
const path = require("path");
const here = __dirname;
const { chromium } = require(path.join(here, "node_modules", "playwright-core"));
const axeSource = require("fs").readFileSync(
  path.join(here, "node_modules", "axe-core", "axe.min.js"), "utf8");

const FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync"];

async function checkPage(context, url, width) {
  const page = await context.newPage();
  await page.setViewportSize({ width, height: 900 });
  const consoleErrors = [];
  const failed = [];
  page.on("console", (m) => { if (m.type() === "error") consoleErrors.push(m.text()); });
  page.on("pageerror", (e) => consoleErrors.push(String(e)));
  page.on("requestfailed", (r) => failed.push(r.url()));
  page.on("response", (r) => {
    // The 404 page itself is expected to answer 404.
    if (r.status() >= 400 && r.url() !== url) failed.push(r.status() + " " + r.url());
  });
  await page.goto(url, { waitUntil: "networkidle" });
  if (url.includes("/search/")) {
    await page.waitForFunction(() => {
      const s = document.getElementById("search-status");
      return s && s.textContent.length > 0 && !s.textContent.includes("loading");
    }, null, { timeout: 10000 }).catch(() => {});
  }
  await page.addScriptTag({ content: axeSource });
  const axe = await page.evaluate(async () => {
    const r = await window.axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] },
    });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help,
      nodes: v.nodes.slice(0, 3).map((n) => n.target.join(" ")) }));
  });
  const jsonld = await page.evaluate(() =>
    Array.from(document.querySelectorAll('script[type="application/ld+json"]')).map((s) => {
      try { return { ok: true, type: JSON.parse(s.textContent)["@type"] }; }
      catch (e) { return { ok: false, error: String(e) }; }
    }));
  const status = await page.evaluate(() => {
    const s = document.getElementById("search-status");
    return s ? s.textContent : null;
  });
  await page.close();
  return { url, width, consoleErrors, failed, axe, jsonld, searchStatus: status };
}

(async () => {
  const urls = process.argv.slice(2);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium", args: FLAGS });
  const context = await browser.newContext();
  try {
    for (const url of urls) {
      for (const width of [1200, 390]) {
        const r = await checkPage(context, url, width);
        process.stdout.write(JSON.stringify(r) + "\n");
      }
    }
  } finally {
    await browser.close();
  }
})().catch((e) => { console.error(e); process.exit(1); });

// Runs HTML_CodeSniffer (WCAG 2 AA) through pa11y over many pages in ONE Debian Chromium.
// Usage: node tests/browser/pa11y_pages.mjs BASE_URL WIDTH HEIGHT < paths (a JSON list of URL paths; "" is the home page)
// Prints one JSON object: {path: [issues...]} with pa11y's own issue fields.
import pa11y from "pa11y";
import puppeteer from "puppeteer-core";
import { readFileSync } from "node:fs";

const [base, width, height] = process.argv.slice(2);
const paths = JSON.parse(readFileSync(0, "utf8"));
const browser = await puppeteer.launch({
  executablePath: "/usr/bin/chromium",
  headless: true,
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run"],
});
const found = {};
try {
  for (const path of paths) {
    const result = await pa11y(base + path, {
      browser,
      runners: ["htmlcs"],
      standard: "WCAG2AA",
      viewport: { width: Number(width), height: Number(height) },
      timeout: 60000,
    });
    found[path] = result.issues.filter((issue) => issue.type === "error");
  }
} finally {
  await browser.close();
}
process.stdout.write(JSON.stringify(found));

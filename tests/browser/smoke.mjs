// The smoke set of the browsers families use besides Chromium: WebKit (Safari's engine) and Firefox.
// Usage: node tests/browser/smoke.mjs ENGINE BASE_URL SCREENSHOT_DIR
//   ENGINE webkit:  Debian's WebKitWebDriver (webkit2gtk-driver) and MiniBrowser, spoken to over the
//                   W3C WebDriver protocol with Node's own fetch (no client library needed); needs an
//                   X display (the pytest fixture starts Xvfb) and WEBKIT_DRIVER_PORT.
//   ENGINE firefox: Debian's firefox-esr through puppeteer-core over WebDriver BiDi, headless.
// Prints one JSON list of checks: {check, where, ok, detail}. tests/browser/test_other_browsers.py
// runs it and fails on any check that is not ok; the set of checks is fixed here, so a check that
// silently did not run also fails there (it counts them).
import { spawn } from "node:child_process";
import { mkdirSync } from "node:fs";

const [engine, base, shots] = process.argv.slice(2);
mkdirSync(shots, { recursive: true });

const VERSIONS = { en: "", sv: "sv/", "en-easy": "en-easy/" };
const HREFLANG = { en: "en", sv: "sv", "en-easy": "en-x-easy" };
const SEARCH_WORD = { en: "review", sv: "granskning", "en-easy": "meeting" };
const PAGES = ["", "what-is-a-cetr/", "ask-for-a-review/"];
const SIZES = { phone: [360, 740], desktop: [1280, 800] };
const sleep = (ms) => new Promise((done) => setTimeout(done, ms));

// ---- the two drivers, one small interface: size, goto, run, click, type, url, screenshot, errors
async function webkit() {
  const server = `http://127.0.0.1:${process.env.WEBKIT_DRIVER_PORT}`;
  const driver = spawn("WebKitWebDriver", [`--port=${process.env.WEBKIT_DRIVER_PORT}`], { stdio: "ignore" });
  async function call(method, path, body) {
    for (let attempt = 0; ; attempt++) {
      try {
        const response = await fetch(server + path, {
          method, headers: { "content-type": "application/json" },
          body: body === undefined ? undefined : JSON.stringify(body),
        });
        const answer = await response.json();
        if (answer.value && answer.value.error) throw new Error(`${path}: ${answer.value.message}`);
        return answer.value;
      } catch (error) {
        if (attempt > 40 || !String(error).includes("fetch failed")) throw error;
        await sleep(250);  // the driver is still starting
      }
    }
  }
  const session = await call("POST", "/session", { capabilities: { alwaysMatch: {
    browserName: "MiniBrowser",
    // Safari lets a page copy on a tap (execCommand "copy" in a user gesture); MiniBrowser allows it only
    // with this setting, and without it Material shows no copy buttons at all.
    "webkitgtk:browserOptions": {
      binary: "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser",
      args: ["--automation", "--javascript-can-access-clipboard=true"],
    },
  } } });
  const s = `/session/${session.sessionId}`;
  let last = "";
  const find = async (css) => Object.values(await call("POST", `${s}/element`, { using: "css selector", value: css }))[0];
  return {
    name: "webkit",
    async size(width, height) { await call("POST", `${s}/window/rect`, { width, height }); },
    async goto(url) { last = url; await call("POST", `${s}/url`, { url }); },
    async run(source, ...args) { return call("POST", `${s}/execute/sync`, { script: `return (${source}).apply(null, arguments)`, args }); },
    async click(css) { await call("POST", `${s}/element/${await find(css)}/click`, {}); },
    async type(css, text) { await call("POST", `${s}/element/${await find(css)}/value`, { text }); },
    async url() { return call("GET", `${s}/url`); },
    async screenshot(path) {
      const { writeFileSync } = await import("node:fs");
      writeFileSync(path, Buffer.from(await call("GET", `${s}/screenshot`), "base64"));
    },
    errors() { return null; },  // WebKit's classic WebDriver has no console log: features are checked instead
    async close() { await call("DELETE", s).catch(() => {}); driver.kill(); },
    last() { return last; },
  };
}

async function firefox() {
  const { default: puppeteer } = await import("puppeteer-core");
  const browser = await puppeteer.launch({ browser: "firefox", executablePath: "/usr/bin/firefox-esr", headless: true });
  const page = await browser.newPage();
  const errors = [];
  let last = "";
  page.on("pageerror", (error) => errors.push(String(error)));
  page.on("console", (message) => { if (message.type() === "error") errors.push(message.text()); });
  return {
    name: "firefox",
    async size(width, height) { await page.setViewport({ width, height }); },
    async goto(url) { errors.length = 0; last = url; await page.goto(url, { waitUntil: "load", timeout: 90000 }); },
    async run(source, ...args) { return page.evaluate(`(${source}).apply(null, ${JSON.stringify(args)})`); },
    async click(css) { await page.click(css); },
    async type(css, text) { await page.type(css, text); },
    async url() { return page.evaluate(() => location.href); },  // page.url() can lag behind over BiDi
    async screenshot(path) { await page.screenshot({ path }); },
    errors() { return [...errors]; },
    async close() { await browser.close(); },
    last() { return last; },
  };
}

// ---- the checks
const results = [];
function record(check, where, ok, detail = "") { results.push({ check, where, ok: Boolean(ok), detail: String(detail) }); }

async function waitFor(browser, source, ...args) {
  for (let i = 0; i < 40; i++) {
    const value = await browser.run(source, ...args);
    if (value) return value;
    await sleep(150);
  }
  return null;
}

const browser = engine === "webkit" ? await webkit() : await firefox();
try {
  for (const [sizeName, [width, height]] of Object.entries(SIZES)) {
    await browser.size(width, height);
    for (const [version, prefix] of Object.entries(VERSIONS)) {
      const where = (page) => `/${prefix}${page} at ${sizeName}`;
      // 1. Each version's home and two content pages render: Material's script ran, a heading shows,
      //    nothing is wider than the screen, and (Firefox) no console error.
      for (const page of PAGES) {
        await browser.goto(base + prefix + page);
        const state = await browser.run(() => {
          const h1 = document.querySelector("h1");
          const box = h1 && h1.getBoundingClientRect();
          return {
            js: document.documentElement.classList.contains("js"),
            heading: Boolean(h1 && h1.textContent.trim() && box.width > 0 && box.height > 0),
            overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
            width: innerWidth,
          };
        });
        const errors = browser.errors();
        record("renders", where(page), state.js && state.heading && state.overflow <= 1 && !(errors && errors.length),
          JSON.stringify({ ...state, errors }));
        await browser.screenshot(`${shots}/${version}-${page.replace(/\/$/, "") || "home"}-${sizeName}.png`);
      }
      // 2. The language switcher leads to the same page in another version.
      const other = version === "sv" ? "en-easy" : "sv";
      await browser.goto(base + prefix + "what-is-a-cetr/");
      await browser.click(".cetr-switcher__button");
      await waitFor(browser, () => {  // the list fades in
        const style = getComputedStyle(document.querySelector(".md-select__inner"));
        return style.visibility === "visible" && style.opacity === "1";
      });
      await browser.click(`.md-select__link[hreflang="${HREFLANG[other]}"]`);
      await waitFor(browser, (expected) => location.href === expected, base + VERSIONS[other] + "what-is-a-cetr/");
      const landed = await browser.url();
      record("language switcher", where("what-is-a-cetr/"), landed === base + VERSIONS[other] + "what-is-a-cetr/", landed);
      // 3. The menu opens (on a phone the ≡ button slides it in).
      await browser.goto(base + prefix + "what-is-a-cetr/");
      if (sizeName === "phone") {
        await browser.click('label.md-header__button[for="__drawer"]');
        const open = await waitFor(browser, () => {
          const nav = document.querySelector(".md-nav--primary");
          const box = nav && nav.getBoundingClientRect();
          return document.getElementById("__drawer").checked && box && box.left >= 0 && box.right > 100;
        });
        record("menu opens", where("what-is-a-cetr/"), open);
      } else {
        const shown = await browser.run(() => {
          const box = document.querySelector(".md-nav--primary").getBoundingClientRect();
          return box.width > 100 && box.left >= 0;
        });
        record("menu shows", where("what-is-a-cetr/"), shown);
      }
      // 4. Search finds a word of the version, on a page of the same version.
      await browser.goto(base + prefix + "what-is-a-cetr/");
      // a phone opens search with the header's magnifier; a laptop shows the search box in the header
      await browser.click(sizeName === "phone" ? 'label.md-header__button[for="__search"]' : ".md-search__input");
      await sleep(300);
      await browser.type(".md-search__input", SEARCH_WORD[version]);
      const hit = await waitFor(browser, () => {
        const link = document.querySelector(".md-search-result__item a");
        return link && link.href;
      });
      const sameVersion = hit && hit.startsWith(base + prefix) &&
        Object.values(VERSIONS).filter((p) => p.length > prefix.length).every((p) => !hit.startsWith(base + p));
      record("search finds", `${where("what-is-a-cetr/")}: '${SEARCH_WORD[version]}'`, sameVersion, hit);
      // 5. A letter's copy button copies (Material then says so in its little dialog).
      await browser.goto(base + prefix + "ask-for-a-review/");
      await waitFor(browser, () => document.querySelector(".md-code__button[data-md-type=\"copy\"]"));  // Material adds the buttons
      await browser.run(() => document.querySelector(".md-code__button[data-md-type=\"copy\"]").scrollIntoView({ block: "center" }));
      await browser.click(".md-code__button[data-md-type=\"copy\"]");
      const copied = await waitFor(browser, () => {
        const dialog = document.querySelector(".md-dialog");
        return dialog && dialog.classList.contains("md-dialog--active") && dialog.textContent.trim();
      });
      record("letter copy button", where("ask-for-a-review/"), copied, copied);
      // 6. The crisis banner leads to "Get help now", whose numbers are links that dial.
      await browser.goto(base + prefix);
      await browser.click('.cetr-help-now a[href$="get-help-now/"]');  // (Easy Read's banner also has a Call 999 button)
      await waitFor(browser, (expected) => location.href === expected, base + prefix + "get-help-now/");
      const numbers = await browser.run(() => [...document.querySelectorAll('article a[href^="tel:"]')].map((a) => a.getAttribute("href")));
      record("crisis numbers dial", where("get-help-now/"),
        (await browser.url()) === base + prefix + "get-help-now/" && numbers.length >= 2 && numbers.every((href) => /^tel:\+?\d+$/.test(href)),
        JSON.stringify(numbers));
    }
  }
} catch (error) {
  record("smoke run", `${engine}, after opening ${browser.last()}`, false, error.stack || error);
} finally {
  await browser.close();
}
process.stdout.write(JSON.stringify(results));

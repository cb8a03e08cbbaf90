// Trims Material's stylesheet to the selectors the built site can use (issue 16): PurgeCSS, pinned
// in package-lock.json. Run by the build (overrides/hooks/on_demand.py), never by hand:
//   node scripts/trim_css.cjs SITE_DIR CSS_FILE
// What is kept: every selector whose names appear in a built page or in one of the site's scripts.
// Material's bundle is one of those scripts, so a class its code adds later (search results, the
// "copied" dialog, an open menu) is kept because its name is in the code; the safelist covers the
// few states that are built from parts or set by the browser rather than written out.
"use strict";
const fs = require("fs");
const path = require("path");
const { PurgeCSS } = require("purgecss");

// OURS: the site's own stylesheets, read first so that a Material variable they use is kept.
const [site, css, ...ours] = process.argv.slice(2);
if (!site || !css) {
  console.error("usage: node scripts/trim_css.cjs SITE_DIR CSS_FILE [OUR_CSS_FILE ...]");
  process.exit(2);
}

const SAFELIST = {
  // states only scripts set: search (results, highlight), the dialog, tooltips, copy buttons,
  // the open menu and switcher, focus rings from Material's focus-visible polyfill
  standard: [/^md-search/, /^md-dialog/, /^md-tooltip/, /^md-clipboard/, /^md-code__/, /^md-select/,
             /^md-nav/, /^md-top/, /^md-header/, /^md-sidebar/, /^md-toggle/, /^md-overlay/,
             /^focus-visible$/, /^js(-focus-visible)?$/, /^no-js$/,
             // elements only scripts write: search marks the words it found
             "mark"],
  greedy: [/data-md-/, /data-js-focus-visible/],
};

(async () => {
  const results = await new PurgeCSS().purge({
    css: [...ours, css],
    content: [
      path.join(site, "**/*.html"),
      path.join(site, "assets/javascripts/{on-demand,search-submit,share,defer-search-index}.js"),
    ],
    safelist: SAFELIST,
    keyframes: true,
    fontFace: true,
    variables: true,
  });
  const result = results[results.length - 1];
  if (!result || !result.css) {
    console.error(`trim_css: PurgeCSS returned nothing for ${css}`);
    process.exit(1);
  }
  // the source map describes the untrimmed file: the link to it would mislead
  fs.writeFileSync(css, result.css.replace(/\/\*# sourceMappingURL=[^*]*\*\/\s*$/, ""));
})().catch((error) => {
  console.error(`trim_css: ${error.message}`);
  process.exit(1);
});

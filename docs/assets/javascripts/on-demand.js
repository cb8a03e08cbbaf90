/* What a reader needs at once, without Material's script bundle (35 KB gzip, most of a page's weight
   and main-thread work). The bundle loads only when a reader needs it: when search opens (by tap,
   click, Tab or a shortcut key), or when the address asks for search (?q=) or highlights (?h=).
   The build (overrides/hooks/on_demand.py) puts this script where Material's <script> was, with
   the bundle's address in data-bundle. tests/browser/test_on_demand.py checks each feature below.

   Without the bundle, the page itself already works: the menu drawer, the table of contents and
   the language switcher are links, checkboxes and CSS. What the bundle did at once, and this does:
   - html.js instead of html.no-js (Material's CSS hides search and its button under .no-js);
   - the copy button on each letter (same markup and look as Material's, same "Copied" message);
   - the "back to top" button (shown while a reader scrolls back up);
   - on a wide screen, the menu and contents list end at the window's bottom edge;
   - the keyboard shortcuts: / s f open search, n . and p , go to the next or previous page;
   - before printing, every <details> opens (and closes again after);
   - a link to a section inside a closed <details> opens it;
   - on a page split in two, a link to a section of the other page goes there. */
(function () {
  "use strict";
  var script = document.currentScript;
  var root = document.documentElement;
  var config = JSON.parse(document.getElementById("__config").textContent);
  var requested = false; // the bundle is on its way
  var started = false;   // the bundle runs: Material's own code takes over from here

  root.classList.remove("no-js");
  root.classList.add("js");

  /* Material starts on DOMContentLoaded, which has fired long before a reader opens search. Its
     listener is caught while the bundle runs, then called at once: no other listener runs twice. */
  function startMaterial() {
    if (requested) return;
    requested = true;
    var add = document.addEventListener;
    var waiting = [];
    document.addEventListener = function (type, listener) {
      if (type === "DOMContentLoaded") { waiting.push(listener); return; }
      return add.apply(this, arguments);
    };
    var bundle = document.createElement("script");
    bundle.src = script.getAttribute("data-bundle");
    bundle.onload = bundle.onerror = function () {
      document.addEventListener = add;
      started = true;
      Array.prototype.forEach.call(document.querySelectorAll("[data-cetr-copy]"), function (nav) {
        nav.remove(); // Material adds its own copy buttons
      });
      fitSidebars(); // hands the sidebars' height back to Material
      waiting.forEach(function (listener) { listener.call(document, new Event("DOMContentLoaded")); });
    };
    document.body.appendChild(bundle);
  }

  // Search: Tab or a tap into the search box, the search button of a phone's header.
  document.addEventListener("focusin", function (event) {
    if (!event.target.closest || !event.target.closest(".md-search")) return;
    // Material opens search when its box takes focus (on a phone the box is hidden until then)
    if (!started && event.target.matches(".md-search__input")) document.getElementById("__search").checked = true;
    startMaterial();
  });
  document.addEventListener("pointerdown", function (event) {
    if (event.target.closest && event.target.closest("label[for=__search], .md-search")) startMaterial();
  });
  document.addEventListener("change", function (event) {
    if (event.target.id !== "__search") return;
    // Material moves the focus into the search box as search opens; until it runs, this does
    if (!started && event.target.checked) document.querySelector(".md-search__input").focus();
    startMaterial();
  });
  if (/[?&][qh]=/.test(location.search)) startMaterial();

  // Keyboard shortcuts, as Material's (which take over once the bundle runs).
  document.addEventListener("keydown", function (event) {
    if (started || event.ctrlKey || event.altKey || event.metaKey) return;
    var target = event.target;
    if (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)) return;
    var key = event.key;
    if (key === "/" || key === "s" || key === "f") {
      event.preventDefault();
      var toggle = document.getElementById("__search");
      var input = document.querySelector(".md-search__input");
      if (!toggle || !input) return;
      toggle.checked = true;
      input.focus(); // focusin starts Material
    } else if (key === "n" || key === "." || key === "p" || key === ",") {
      var link = document.querySelector(key === "n" || key === "." ? "link[rel=next]" : "link[rel=prev]");
      if (link) location.href = link.href;
    }
  });

  // Copy buttons on letters (content.code.copy), with Material's markup so its CSS and words apply.
  var copyLabel = config.translations["clipboard.copy"];
  var copiedLabel = config.translations["clipboard.copied"];
  var dialog = document.querySelector("[data-md-component=dialog]");
  var dialogTimer;

  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) return navigator.clipboard.writeText(text);
    // file:// (the offline copy) has no clipboard API: the older way still works there.
    return new Promise(function (resolve, reject) {
      var area = document.createElement("textarea");
      area.value = text;
      area.setAttribute("readonly", "");
      area.style.position = "fixed";
      area.style.opacity = "0";
      document.body.appendChild(area);
      area.select();
      var done = false;
      try { done = document.execCommand("copy"); } catch (error) { done = false; }
      area.remove();
      if (done) resolve(); else reject(new Error("copy"));
    });
  }

  function tell(message) {
    if (!dialog) return;
    dialog.querySelector(".md-dialog__inner").textContent = message;
    dialog.classList.add("md-dialog--active");
    clearTimeout(dialogTimer);
    dialogTimer = setTimeout(function () { dialog.classList.remove("md-dialog--active"); }, 2000);
  }

  if (config.features.indexOf("content.code.copy") !== -1) {
    Array.prototype.forEach.call(document.querySelectorAll(".md-typeset pre > code"), function (code) {
      var nav = document.createElement("nav");
      nav.className = "md-code__nav";
      nav.setAttribute("data-cetr-copy", "");
      var button = document.createElement("button");
      button.className = "md-code__button";
      button.title = copyLabel;
      button.setAttribute("aria-label", copyLabel);
      button.setAttribute("data-md-type", "copy");
      button.addEventListener("click", function () {
        copyText(code.textContent).then(function () { tell(copiedLabel); }, function () {});
        button.blur();
      });
      nav.appendChild(button);
      code.parentNode.insertBefore(nav, code);
    });
  }

  // Back to top: shown while a reader scrolls back up, past the top of the content.
  var top = document.querySelector("[data-md-component=top]");
  if (top) {
    var lastY = window.scrollY;
    var main = document.querySelector("[data-md-component=main]");
    window.addEventListener("scroll", function () {
      if (started) return; // Material's own takes over
      var y = window.scrollY;
      top.hidden = !(y < lastY && y > (main ? main.offsetTop : 0));
      lastY = y;
    }, { passive: true });
    top.addEventListener("click", function (event) {
      if (started) return;
      event.preventDefault();
      window.scrollTo({ top: 0 });
      top.hidden = true;
    });
  }

  /* The menu and the contents list on a wide screen end at the window's bottom edge, so each can
     scroll to its last link (site.css holds a first guess; Material's script does this once it runs). */
  var wraps = document.querySelectorAll(".md-sidebar__scrollwrap");
  var fitting = false;
  function fitSidebars() {
    fitting = false;
    Array.prototype.forEach.call(wraps, function (wrap) {
      if (started || getComputedStyle(wrap.parentNode).position !== "sticky") {
        wrap.style.maxHeight = "";
        return;
      }
      var bottom = parseFloat(getComputedStyle(wrap.parentNode).paddingBottom) || 0;
      wrap.style.maxHeight = Math.max(0, window.innerHeight - Math.max(wrap.getBoundingClientRect().top, 0) - bottom) + "px";
    });
  }
  function fitSoon() {
    if (!fitting) { fitting = true; requestAnimationFrame(fitSidebars); }
  }
  window.addEventListener("scroll", fitSoon, { passive: true });
  window.addEventListener("resize", fitSoon);
  fitSidebars();

  // Printing shows the text in every <details>, as Material's script does.
  var opened = [];
  window.addEventListener("beforeprint", function () {
    if (started) return;
    Array.prototype.forEach.call(document.querySelectorAll("details:not([open])"), function (details) {
      details.open = true;
      opened.push(details);
    });
  });
  window.addEventListener("afterprint", function () {
    if (started) return;
    opened.splice(0).forEach(function (details) { details.open = false; });
  });

  /* A link to a section inside a closed <details> opens it. On a page split in two (the glossary:
     <meta name="cetr-continued-on">, overrides/hooks/continued_on.py), a section that is not on
     this page is on the other one: an address made before the split still finds its section. */
  var continuedOn = document.querySelector('meta[name="cetr-continued-on"]');
  function openTarget() {
    var id;
    try { id = decodeURIComponent(location.hash.slice(1)); } catch (error) { return; }
    var target = id && document.getElementById(id);
    if (id && !target && continuedOn && id.indexOf("__") !== 0) {
      location.replace(continuedOn.getAttribute("content") + location.hash);
      return;
    }
    for (var node = target; node; node = node.parentElement) {
      if (node.tagName === "DETAILS") node.open = true;
    }
    if (target && target.closest("details")) target.scrollIntoView();
  }
  window.addEventListener("hashchange", function () { if (!started) openTarget(); });
  openTarget();
})();

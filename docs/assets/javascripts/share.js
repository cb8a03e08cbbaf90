/* "Share this page" and one-tap section links. Our own small script: no third-party code.
   - The button uses the phone's own share sheet (navigator.share) where there is one, else copies the link.
   - Each heading's link symbol copies the address of its section, and still jumps to it.
   - What happened is shown next to the button and announced to screen readers (role="status").
   The words come from the page (overrides/partials/share.html), so each version speaks its own language. */
(function () {
  "use strict";
  var box = document.querySelector("[data-cetr-share]");
  if (!box || !box.querySelector("button")) return;
  var button = box.querySelector("button");
  var status = box.querySelector("[role=status]");
  var url = box.getAttribute("data-url");
  var timer;

  function say(text) {
    clearTimeout(timer);
    status.textContent = "";
    // A new text node is announced even when the words are the same as last time.
    setTimeout(function () { status.textContent = text; }, 50);
    timer = setTimeout(function () { status.textContent = ""; }, 8000);
  }

  function copy(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text);
    }
    // file:// (the offline copy) has no clipboard API: the older way still works there.
    return new Promise(function (resolve, reject) {
      var area = document.createElement("textarea");
      area.value = text;
      area.setAttribute("readonly", "");
      area.className = "cetr-offscreen";
      document.body.appendChild(area);
      area.select();
      var done = false;
      try { done = document.execCommand("copy"); } catch (error) { done = false; }
      document.body.removeChild(area);
      if (done) { resolve(); } else { reject(new Error("copy")); }
    });
  }

  function copyAndSay(text) {
    return copy(text).then(
      function () { say(box.getAttribute("data-copied")); },
      function () { say(box.getAttribute("data-copy-failed") + " " + text); }
    );
  }

  button.addEventListener("click", function () {
    if (navigator.share) {
      navigator.share({ title: box.getAttribute("data-title"), url: url }).catch(function (error) {
        if (!error || error.name !== "AbortError") { copyAndSay(url); }
      });
    } else {
      copyAndSay(url);
    }
  });
  box.hidden = false;

  var label = box.getAttribute("data-section-label");
  var links = document.querySelectorAll(".md-content a.headerlink");
  Array.prototype.forEach.call(links, function (link) {
    var heading = link.parentNode;
    var name = heading.textContent.replace(link.textContent, "").trim();
    link.setAttribute("aria-label", label + ": " + name);
    link.setAttribute("title", label);
    link.addEventListener("click", function () {
      copyAndSay(url + link.getAttribute("href"));
    });
  });
})();

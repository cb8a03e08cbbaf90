/* The search form's submit button (overrides/main.html) does what Enter does in Material's search:
   it opens the best-scored result. Without it the form would reload the page with ?query=.
   Also shows "Initializing search" only now that a script runs: the page's HTML leaves it out,
   so a reader without JavaScript is never told to wait for a search that cannot start. */
(function () {
  "use strict";
  var form = document.querySelector(".md-search__form");
  var meta = document.querySelector(".md-search-result__meta[data-cetr-initializer]");
  if (meta && !meta.textContent.trim()) meta.textContent = meta.getAttribute("data-cetr-initializer");
  if (!form) return;
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var best = null;
    var bestScore = -Infinity;
    // Material's own choice on Enter: the first link of each result, scored by data-md-score.
    document.querySelectorAll(".md-search-result :first-child [href]").forEach(function (link) {
      var scored = link.firstElementChild;
      var score = scored ? parseFloat(scored.getAttribute("data-md-score")) : NaN;
      if (!isNaN(score) && score > bestScore) { best = link; bestScore = score; }
    });
    if (best) best.click();
  });
})();

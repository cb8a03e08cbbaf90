/* Load the search index only when a reader opens search. Material requests it as soon as a page
   loads; it is the largest file of a first visit (about 30 KB gzip) and most readers never search,
   which matters on a weak phone signal. This holds back that one request until search is opened. */
(function () {
  "use strict";
  var INDEX = /\/search\/search_index\.json(?:[?#]|$)/;
  var released = false;
  var waiting = [];
  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;

  function release() {
    if (released) return;
    released = true;
    waiting.splice(0).forEach(function (go) { go(); });
  }

  XMLHttpRequest.prototype.open = function (method, url) {
    this.cetrDeferred = INDEX.test(String(url));
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    var request = this;
    var args = arguments;
    if (request.cetrDeferred && !released) {
      waiting.push(function () { send.apply(request, args); });
      return;
    }
    return send.apply(request, args);
  };

  // Search opens by keyboard ("/", "s", "f" focus its input), by the header button, or from a link with ?q=.
  document.addEventListener("focusin", function (event) {
    if (event.target.closest && event.target.closest(".md-search")) release();
  });
  document.addEventListener("change", function (event) {
    if (event.target.id === "__search") release();
  });
  document.addEventListener("pointerdown", function (event) {
    if (event.target.closest && event.target.closest("label[for=__search]")) release();
  });
  if (/[?&]q=/.test(location.search)) release();
})();

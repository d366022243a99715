// Starts the interactive parts of a page, and loads their code only on pages that have them.
// Material's instant navigation swaps the page content without a reload, so apps start on
// every `document$` emission rather than once on DOMContentLoaded.
(function () {
  "use strict";
  // Linked (under `mkdocs serve`) or written into the page (hooks/dlkb/inline.py): either way
  // the scripts are in javascripts/ under the site's base, which the theme's config gives.
  var config = JSON.parse(document.getElementById("__config").textContent);
  var base = new URL(config.base.replace(/\/$/, "") + "/javascripts/", location.href).href;
  var loading = {};

  function load(name) {
    if (window.dlkbApps[name]) return Promise.resolve();  // written into the page (dlkb.inline)
    if (!loading[name]) {
      loading[name] = new Promise(function (resolve, reject) {
        var script = document.createElement("script");
        script.src = base + name + ".js";
        script.onload = resolve;
        script.onerror = reject;
        document.head.appendChild(script);
      });
    }
    return loading[name];
  }

  function start() {
    // Material's search dialog has no accessible name; give it one in Korean.
    var search = document.querySelector(".md-search[role=dialog]");
    if (search && !search.hasAttribute("aria-label")) search.setAttribute("aria-label", "검색");

    document.querySelectorAll("[data-dlkb-app]").forEach(function (el) {
      if (el.dataset.dlkbStarted) return;
      el.dataset.dlkbStarted = "1";
      var name = el.dataset.dlkbApp;
      load(name).then(function () { window.dlkbApps[name](el); });
    });
  }

  window.dlkbApps = window.dlkbApps || {};
  if (window.document$) window.document$.subscribe(start);
  else document.addEventListener("DOMContentLoaded", start);
})();

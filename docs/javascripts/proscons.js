// Filters on the pros and cons overview: frameworks still looked after only, claims still true
// only. The page is complete without this script; it only hides what the reader asks to hide.
// The filters are in the page as the build wrote them (their room kept from the first paint):
// this script only wires them.
(function () {
  "use strict";

  window.dlkbApps = window.dlkbApps || {};  // this file may run before dlkb.js (written into its page)
  window.dlkbApps.proscons = function (root) {
    var article = root.closest("article") || document;
    function hides(name, selector) {
      var box = root.querySelector("input[name=" + name + "]");
      function apply() {
        article.querySelectorAll(selector).forEach(function (el) { el.hidden = box.checked; });
      }
      box.addEventListener("change", apply);
      apply();  // a box the browser kept ticked on going back
    }
    hides("alive", ".dlkb-proscons-fw[data-alive='no']");
    hides("still-true", ".dlkb-claims > li[data-still-true='no']");
  };
})();

// Filters on the pros and cons overview: frameworks still looked after only, claims still true
// only. The page is complete without this script; it only hides what the reader asks to hide.
(function () {
  "use strict";

  function box(label, onChange) {
    var wrap = document.createElement("label");
    wrap.className = "dlkb-pick";
    var input = document.createElement("input");
    input.type = "checkbox";
    input.addEventListener("change", function () { onChange(input.checked); });
    wrap.appendChild(input);
    wrap.appendChild(document.createTextNode(" " + label));
    return wrap;
  }

  window.dlkbApps = window.dlkbApps || {};  // this file may run before dlkb.js (written into its page)
  window.dlkbApps.proscons = function (root) {
    var article = root.closest("article") || document;
    var form = document.createElement("fieldset");
    form.className = "dlkb-picker";
    var legend = document.createElement("legend");
    legend.textContent = "거르기";
    form.appendChild(legend);
    form.appendChild(box("지금도 유지보수되는 프레임워크만", function (on) {
      article.querySelectorAll(".dlkb-proscons-fw[data-alive='no']").forEach(function (s) { s.hidden = on; });
    }));
    form.appendChild(box("지금도 맞는 주장만", function (on) {
      article.querySelectorAll(".dlkb-claims > li[data-still-true='no']").forEach(function (li) { li.hidden = on; });
    }));
    root.appendChild(form);
  };
})();

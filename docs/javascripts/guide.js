// The chooser: the reader ticks needs; frameworks that meet all of them stay, and each one that
// drops out says which need failed, what its record says and where that fact comes from.
// The verdicts are decided at build time (hooks/dlkb/needs.py); this only shows them.
(function () {
  "use strict";

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (key) { node.setAttribute(key, attrs[key]); });
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function sourceLink(source) {
    if (!source || !/^https?:\/\//.test(source.url)) return document.createTextNode("");
    var a = el("a", { href: source.url, rel: "noopener" }, source.title);
    var span = el("span", { class: "dlkb-note" }, " — 출처: ");
    span.appendChild(a);
    return span;
  }

  window.dlkbApps.guide = function (root) {
    fetch(root.dataset.src).then(function (r) { return r.json(); }).then(function (data) {
      var labels = Object.create(null);  // keys come from the URL: no inherited names such as constructor
      data.needs.forEach(function (n) { labels[n.key] = n.label; });
      var params = new URLSearchParams(location.search);
      var ticked = (params.get("needs") || "").split(",").filter(function (k) { return labels[k]; });
      root.textContent = "";
      var form = el("fieldset", { class: "dlkb-picker" });
      form.appendChild(el("legend", {}, "필요한 조건"));
      data.needs.forEach(function (need) {
        var label = el("label", { class: "dlkb-pick" });
        var box = el("input", { type: "checkbox", value: need.key });
        box.checked = ticked.indexOf(need.key) >= 0;
        box.addEventListener("change", function () {
          ticked = data.needs.map(function (n) { return n.key; }).filter(function (k) {
            return k === need.key ? box.checked : ticked.indexOf(k) >= 0;
          });
          render();
        });
        label.appendChild(box);
        label.appendChild(document.createTextNode(" " + need.label));
        form.appendChild(label);
      });
      var status = el("p", { class: "dlkb-live", "aria-live": "polite" });
      var kept = el("div");
      var dropped = el("div");
      root.appendChild(form);
      root.appendChild(status);
      root.appendChild(kept);
      root.appendChild(dropped);

      function render() {
        var query = ticked.length ? "?needs=" + ticked.join(",") : "";
        history.replaceState(history.state, "", location.pathname + query);
        var stay = [], out = [];
        data.frameworks.forEach(function (fw) {
          var failed = ticked.filter(function (k) { return !fw.results[k].ok; });
          (failed.length ? out : stay).push({ fw: fw, failed: failed });
        });
        status.textContent = ticked.length
          ? "조건 " + ticked.length + "개에 맞는 프레임워크 " + stay.length + "개, 빠진 프레임워크 " + out.length + "개입니다."
          : "조건을 고르지 않아 프레임워크 " + stay.length + "개가 모두 남아 있습니다.";
        kept.textContent = "";
        kept.appendChild(el("h2", { id: "kept" }, "남은 프레임워크 (" + stay.length + ")"));
        var list = el("ul", { class: "dlkb-kept" });
        stay.forEach(function (item) {
          var li = el("li", { "data-id": item.fw.id });
          li.appendChild(el("a", { href: "../frameworks/" + encodeURIComponent(item.fw.id) + "/" }, item.fw.name));
          var why = ticked.map(function (k) { return item.fw.results[k].reason; }).join(" · ");
          if (why) li.appendChild(el("span", { class: "dlkb-note" }, " — " + why));
          list.appendChild(li);
        });
        kept.appendChild(list);
        dropped.textContent = "";
        if (!out.length) return;
        dropped.appendChild(el("h2", { id: "dropped" }, "빠진 프레임워크와 그 이유 (" + out.length + ")"));
        var dl = el("ul", { class: "dlkb-dropped" });
        out.forEach(function (item) {
          var li = el("li", { "data-id": item.fw.id });
          li.appendChild(el("a", { href: "../frameworks/" + encodeURIComponent(item.fw.id) + "/" }, item.fw.name));
          var reasons = el("ul");
          item.failed.forEach(function (k) {
            var r = item.fw.results[k];
            var reason = el("li", { "data-need": k });
            reason.appendChild(el("strong", {}, labels[k] + ": "));
            reason.appendChild(document.createTextNode(r.reason + " "));
            reason.appendChild(el("code", {}, r.field));
            reason.appendChild(sourceLink(r.source));
            reasons.appendChild(reason);
          });
          li.appendChild(reasons);
          dl.appendChild(li);
        });
        dropped.appendChild(dl);
      }
      render();
    }).catch(function () {
      root.textContent = "도우미 데이터를 불러오지 못했습니다. 기능 비교표 페이지를 이용해 주세요.";
    });
  };
})();

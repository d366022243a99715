// The chooser: the reader ticks needs; frameworks that meet all of them stay, ranked, and each one
// that drops out says which need failed, what its record says and where that fact comes from.
// The verdicts, grades and tie-break order are decided at build time (hooks/dlkb/needs.py, whose
// `rank` the tests compare with this page); this only adds them up and shows them.
(function () {
  "use strict";

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (key) { node.setAttribute(key, attrs[key]); });
    if (text !== undefined) node.textContent = text;
    return node;
  }

  // "출처: title" links for every source a verdict rests on (only http(s) addresses become links).
  function sourceLinks(sources) {
    var span = el("span", { class: "dlkb-note" });
    sources.filter(function (s) { return /^https?:\/\//.test(s.url); }).forEach(function (s, i) {
      span.appendChild(document.createTextNode(i ? ", " : " — 출처: "));
      span.appendChild(el("a", { href: s.url, rel: "noopener" }, s.title));
    });
    return span;
  }

  function fwLink(fw) {
    var head = el("span", { class: "dlkb-guide__name" });
    head.appendChild(el("a", { href: "../frameworks/" + encodeURIComponent(fw.id) + "/" }, fw.name));
    head.appendChild(el("span", { class: "dlkb-kind" }, fw.kind));
    return head;
  }

  // Kept frameworks: fewer unknown facts first, then the higher total grade, then the build's order.
  function rankKey(fw, ticked) {
    var unknown = 0, grade = 0;
    ticked.forEach(function (k) { unknown += fw.results[k].unknown ? 1 : 0; grade += fw.results[k].grade; });
    return [unknown, -grade, fw.tiebreak];
  }

  function compareKeys(a, b) {
    for (var i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] - b[i];
    return 0;
  }

  window.dlkbApps.guide = function (root) {
    fetch(root.dataset.src).then(function (r) { return r.json(); }).then(function (data) {
      var labels = Object.create(null);  // keys come from the URL: no inherited names such as constructor
      data.needs.forEach(function (n) { labels[n.key] = n.label; });
      var params = new URLSearchParams(location.search);
      var asked = params.has("needs") ? params.get("needs").split(",") : data.default_needs;
      var ticked = asked.filter(function (k) { return labels[k]; });
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
        var same = ticked.join(",") === data.default_needs.join(",");
        var query = same ? "" : "?needs=" + ticked.join(",");
        history.replaceState(history.state, "", location.pathname + query);
        var stay = [], out = [];
        data.frameworks.forEach(function (fw) {
          var failed = ticked.filter(function (k) { return !fw.results[k].ok; });
          (failed.length ? out : stay).push({ fw: fw, failed: failed, key: rankKey(fw, ticked) });
        });
        stay.sort(function (a, b) { return compareKeys(a.key, b.key); });
        status.textContent = ticked.length
          ? "조건 " + ticked.length + "개에 맞는 프레임워크 " + stay.length + "개(잘 맞는 순서), 빠진 프레임워크 " + out.length + "개입니다."
          : "조건을 고르지 않아 프레임워크 " + stay.length + "개가 모두 남아 있습니다.";
        kept.textContent = "";
        kept.appendChild(el("h2", { id: "kept" }, "남은 프레임워크 (" + stay.length + ")"));
        var list = el("ol", { class: "dlkb-kept" });
        stay.forEach(function (item) {
          var li = el("li", { "data-id": item.fw.id });
          li.appendChild(fwLink(item.fw));
          var why = el("ul", { class: "dlkb-why" });
          ticked.forEach(function (k) {
            var r = item.fw.results[k];
            var line = el("li", { "data-need": k });
            if (r.unknown) line.setAttribute("class", "dlkb-unknown");
            line.appendChild(document.createTextNode(r.reason));
            line.appendChild(sourceLinks(r.sources));
            why.appendChild(line);
          });
          if (ticked.length) li.appendChild(why);
          list.appendChild(li);
        });
        kept.appendChild(list);
        dropped.textContent = "";
        if (!out.length) return;
        dropped.appendChild(el("h2", { id: "dropped" }, "빠진 프레임워크와 그 이유 (" + out.length + ")"));
        var dl = el("ul", { class: "dlkb-dropped" });
        out.forEach(function (item) {
          var li = el("li", { "data-id": item.fw.id });
          li.appendChild(fwLink(item.fw));
          var reasons = el("ul");
          item.failed.forEach(function (k) {
            var r = item.fw.results[k];
            var reason = el("li", { "data-need": k });
            reason.appendChild(el("strong", {}, labels[k] + ": "));
            reason.appendChild(document.createTextNode(r.reason + " "));
            reason.appendChild(el("code", {}, r.field));
            reason.appendChild(sourceLinks(r.sources));
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

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

  // The page arrives with the default answer drawn (hooks/dlkb/templates/guide.md.j2): the script
  // fetches every verdict only when the reader changes a need, or the address asks for other needs.
  window.dlkbApps = window.dlkbApps || {};  // this file may run before dlkb.js (written into its page)
  window.dlkbApps.guide = function (root) {
    var boxes = Array.prototype.slice.call(root.querySelectorAll(".dlkb-picker input"));
    var status = root.querySelector(".dlkb-live");
    var kept = status.nextElementSibling;
    var dropped = kept.nextElementSibling;
    var all = boxes.map(function (b) { return b.value; });
    var params = new URLSearchParams(location.search);
    var asked = params.has("needs") ? params.get("needs").split(",") : root.dataset.default.split(",").filter(Boolean);
    var ticked = all.filter(function (k) { return asked.indexOf(k) >= 0; });
    var data = null, pending = null;

    // Until the verdicts arrive, the lists on the page answer other needs than those ticked:
    // the box says it is busy (dimmed; tests and assistive technology wait for it).
    function withData(then) {
      if (data) return then();
      root.setAttribute("aria-busy", "true");
      pending = pending || fetch(root.dataset.src).then(function (r) { return r.json(); }).then(function (d) { data = d; });
      pending.then(then).then(function () { root.removeAttribute("aria-busy"); }).catch(function () {
        root.removeAttribute("aria-busy");
        status.textContent = "도우미 데이터를 불러오지 못했습니다. 기능 비교표 페이지를 이용해 주세요.";
      });
    }

    boxes.forEach(function (box) {
      box.checked = ticked.indexOf(box.value) >= 0;
      box.disabled = false;
      box.addEventListener("change", function () {
        ticked = boxes.filter(function (b) { return b.checked; }).map(function (b) { return b.value; });
        withData(render);
      });
    });
    if (ticked.join(",") !== root.dataset.default) withData(render);

    function render() {
      var labels = Object.create(null);
      data.needs.forEach(function (n) { labels[n.key] = n.label; });
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
        ? "조건 " + ticked.length + "개를 만족하는 프레임워크는 " + stay.length + "개이고, 더 잘 맞는 것부터 나옵니다. 빠진 프레임워크는 " + out.length + "개입니다."
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
          reason.appendChild(sourceLinks(r.sources));
              reasons.appendChild(reason);
        });
        li.appendChild(reasons);
        dl.appendChild(li);
      });
      dropped.appendChild(dl);
    }
  };
})();


// Side-by-side comparison of 2-5 frameworks chosen by the reader. The choice lives in the URL
// (?ids=tensorflow,pytorch&diff=1) so that it can be shared. All text goes in as textContent.
(function () {
  "use strict";
  var MAX = 5;

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (key) { node.setAttribute(key, attrs[key]); });
    if (text !== undefined) node.textContent = text;
    return node;
  }

  window.dlkbApps.compare = function (root) {
    fetch(root.dataset.src).then(function (r) { return r.json(); }).then(function (data) {
      var byId = Object.create(null);  // ids come from the URL: no inherited names such as __proto__
      data.frameworks.forEach(function (fw) { byId[fw.id] = fw; });
      var params = new URLSearchParams(location.search);
      var chosen = (params.get("ids") || "").split(",").filter(function (id, i, all) {
        return byId[id] && all.indexOf(id) === i;
      }).slice(0, MAX);
      var diffOnly = params.get("diff") === "1";
      root.textContent = "";

      var picker = el("fieldset", { class: "dlkb-picker" });
      picker.appendChild(el("legend", {}, "비교할 프레임워크 (2~5개)"));
      var boxes = data.frameworks.map(function (fw) {
        var label = el("label", { class: "dlkb-pick" });
        var box = el("input", { type: "checkbox", value: fw.id });
        box.checked = chosen.indexOf(fw.id) >= 0;
        box.addEventListener("change", function () {
          if (box.checked) chosen.push(fw.id);
          else chosen = chosen.filter(function (id) { return id !== fw.id; });
          render();
        });
        label.appendChild(box);
        label.appendChild(document.createTextNode(" " + fw.name));
        picker.appendChild(label);
        return box;
      });
      var diffLabel = el("label", { class: "dlkb-diff" });
      var diffBox = el("input", { type: "checkbox", name: "diff" });
      diffBox.checked = diffOnly;
      diffBox.addEventListener("change", function () { diffOnly = diffBox.checked; render(); });
      diffLabel.appendChild(diffBox);
      diffLabel.appendChild(document.createTextNode(" 차이만 보기"));
      var status = el("p", { class: "dlkb-live", "aria-live": "polite" });
      var output = el("div", { class: "dlkb-scroll dlkb-stack" });  // cards on a phone (dlkb.css)
      root.appendChild(picker);
      root.appendChild(diffLabel);
      root.appendChild(status);
      root.appendChild(output);

      function render() {
        boxes.forEach(function (box) {
          box.disabled = !box.checked && chosen.length >= MAX;
        });
        // ids are [a-z0-9-]: written by hand so that the shared URL keeps readable commas
        var parts = [];
        if (chosen.length) parts.push("ids=" + chosen.join(","));
        if (diffOnly) parts.push("diff=1");
        var search = parts.join("&");
        history.replaceState(history.state, "", location.pathname + (search ? "?" + search : ""));
        output.textContent = "";
        if (chosen.length < 2) {
          status.textContent = "프레임워크를 2개 이상 고르면 표가 나타납니다. 지금 " + chosen.length + "개를 골랐습니다.";
          return;
        }
        var table = el("table", {});
        table.appendChild(el("caption", {}, chosen.map(function (id) { return byId[id].name; }).join(", ") + " 비교" + (diffOnly ? " (다른 항목만)" : "")));
        var head = el("tr");
        head.appendChild(el("th", { scope: "col" }, "항목"));
        chosen.forEach(function (id) {
          var th = el("th", { scope: "col" });
          th.appendChild(el("a", { href: "../frameworks/" + encodeURIComponent(id) + "/" }, byId[id].name));
          head.appendChild(th);
        });
        table.appendChild(el("thead")).appendChild(head);
        var body = el("tbody");
        var shown = 0;
        data.rows.forEach(function (row, index) {
          var cells = chosen.map(function (id) { return byId[id].cells[index]; });
          var same = cells.every(function (c) { return c === cells[0]; });
          if (diffOnly && same) return;
          shown += 1;
          var tr = el("tr", { "data-key": row.key });
          tr.appendChild(el("th", { scope: "row" }, row.label));
          cells.forEach(function (c, i) { tr.appendChild(el("td", { "data-label": byId[chosen[i]].name }, c)); });
          body.appendChild(tr);
        });
        table.appendChild(body);
        output.appendChild(table);
        status.textContent = "프레임워크 " + chosen.length + "개, 항목 " + shown + "개를 비교합니다" +
          (diffOnly ? " (같은 항목 " + (data.rows.length - shown) + "개는 숨김)." : ".");
      }
      render();
    }).catch(function () {
      root.textContent = "비교 데이터를 불러오지 못했습니다. 기능 비교표 페이지를 이용해 주세요.";
    });
  };
})();

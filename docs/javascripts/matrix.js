// Sortable, filterable feature matrix. The table and its filters are in the page; this script
// adds sort buttons to the headers, wires the filters and keeps their state in the URL. It
// sorts on the keys the build wrote into each cell (data-sort), never on the cell's text.
(function () {
  "use strict";
  var collator = new Intl.Collator("ko");

  function sortKey(row, index) {
    return row.children[index].dataset.sort || "";
  }

  window.dlkbApps.matrix = function (root) {
    var table = root.querySelector("table");
    var tbody = table.tBodies[0];
    var headers = Array.prototype.slice.call(table.tHead.rows[0].cells);
    var original = Array.prototype.slice.call(tbody.rows);
    var controls = document.getElementById("matrix-filters");
    var live = controls.querySelector(".dlkb-live");
    var selects = Array.prototype.slice.call(controls.querySelectorAll("select"));
    var alive = controls.querySelector("input[name=alive]");
    var find = controls.querySelector("input[name=q]");
    var params = new URLSearchParams(location.search);
    alive.checked = params.get("alive") === "yes";
    find.value = params.get("q") || "";
    alive.addEventListener("change", apply);
    find.addEventListener("input", apply);
    var state = { sort: params.get("sort"), dir: params.get("dir") === "desc" ? "desc" : "asc" };

    selects.forEach(function (select) {
      var wanted = params.get(select.name) || "";
      var known = Array.prototype.some.call(select.options, function (o) { return o.value === wanted; });
      select.value = known ? wanted : "";
      select.addEventListener("change", apply);
    });

    headers.forEach(function (th) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "dlkb-sort";
      // the header's text goes into the button; its # link (the column's address) stays beside it
      Array.prototype.slice.call(th.childNodes).forEach(function (node) {
        if (!(node.classList && node.classList.contains("dlkb-anchor"))) button.appendChild(node);
      });
      th.insertBefore(button, th.firstChild);
      button.addEventListener("click", function () {
        var key = th.dataset.key;
        state.dir = state.sort === key && state.dir === "asc" ? "desc" : "asc";
        state.sort = key;
        apply();
      });
    });

    function apply() {
      var index = -1;
      headers.forEach(function (th, i) {
        var active = th.dataset.key === state.sort;
        if (active) index = i;
        th.setAttribute("aria-sort", active ? (state.dir === "asc" ? "ascending" : "descending") : "none");
      });
      var sorted = original.slice();
      if (index >= 0) {
        var numeric = headers[index].hasAttribute("data-numeric");
        sorted.sort(function (a, b) {
          var x = sortKey(a, index), y = sortKey(b, index);
          var order = numeric ? Number(x) - Number(y) : collator.compare(x, y);
          if (order === 0) order = collator.compare(sortKey(a, 0), sortKey(b, 0));
          return state.dir === "asc" ? order : -order;
        });
      }
      // "항목 찾기": a column stays when its heading contains the words (the name column always).
      var words = find.value.trim().toLowerCase();
      var keep = headers.map(function (th, i) {
        return i === 0 || !words || th.textContent.replace("#", "").toLowerCase().indexOf(words) >= 0;
      });
      headers.forEach(function (th, i) { th.hidden = !keep[i]; });
      var shown = 0;
      sorted.forEach(function (row) {
        Array.prototype.forEach.call(row.cells, function (cell, i) { cell.hidden = !keep[i]; });
        // each option names the column it reads and the value it keeps (data-field, data-raw)
        var visible = (!alive.checked || row.dataset.alive === "yes") && selects.every(function (s) {
          var option = s.selectedOptions[0];
          return !s.value || row.getAttribute("data-" + option.dataset.field) === option.dataset.raw;
        });
        row.hidden = !visible;
        if (visible) shown += 1;
        tbody.appendChild(row);
      });
      var columns = keep.filter(Boolean).length - 1;
      live.textContent = "프레임워크 " + original.length + "개 중 " + shown + "개를 보여 줍니다." +
        (words ? " 항목 찾기 결과: 열 " + columns + "개." : "");
      var query = new URLSearchParams();
      if (state.sort) { query.set("sort", state.sort); query.set("dir", state.dir); }
      if (alive.checked) query.set("alive", "yes");
      if (words) query.set("q", find.value.trim());
      selects.forEach(function (s) { if (s.value) query.set(s.name, s.value); });
      var search = query.toString();
      history.replaceState(history.state, "", location.pathname + (search ? "?" + search : "") + location.hash);
    }
    apply();
  };
})();

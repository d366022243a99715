// Sortable, filterable feature matrix. The table is complete without this script; the script
// adds sort buttons to the headers and filters, and keeps their state in the URL.
(function () {
  "use strict";
  var collator = new Intl.Collator("ko");
  var SUPPORT_ORDER = { yes: 0, partial: 1, external: 2, no: 3, "n/a": 4, unknown: 5 };

  function dateNumber(text) {
    // "2016" or "2016-10-01" -> a number that orders years and days together
    var m = /^(\d{4})(?:-(\d{2})-(\d{2}))?/.exec(text || "");
    if (!m) return Infinity;
    return Number(m[1]) * 10000 + (m[2] ? Number(m[2]) * 100 + Number(m[3]) : 0);
  }

  function cellValue(row, index) {
    var cell = row.children[index];
    return cell.dataset.value !== undefined ? cell.dataset.value : cell.textContent.trim();
  }

  function compare(type, a, b) {
    if (type === "number") return dateNumber(a) - dateNumber(b);
    if (type === "status") return Number(a) - Number(b);
    if (type === "support") return SUPPORT_ORDER[a] - SUPPORT_ORDER[b];
    return collator.compare(a, b);
  }

  window.dlkbApps.matrix = function (root) {
    var table = root.querySelector("table");
    var tbody = table.tBodies[0];
    var headers = Array.prototype.slice.call(table.tHead.rows[0].cells);
    var rows = Array.prototype.slice.call(tbody.rows);
    var original = rows.slice();
    var params = new URLSearchParams(location.search);
    var state = { sort: params.get("sort"), dir: params.get("dir") === "desc" ? "desc" : "asc",
                  kind: params.get("kind") || "", status: params.get("status") || "", license: params.get("license") || "" };

    var controls = document.createElement("div");
    controls.className = "dlkb-controls";
    var live = document.createElement("p");
    live.className = "dlkb-live";
    live.setAttribute("aria-live", "polite");
    var filters = [
      ["kind", "종류", 1], ["status", "상태", 2], ["license", "라이선스", 5]
    ].map(function (spec) {
      var label = document.createElement("label");
      label.textContent = spec[1] + " ";
      var select = document.createElement("select");
      select.name = spec[0];
      var all = document.createElement("option");
      all.value = "";
      all.textContent = "전체";
      select.appendChild(all);
      var seen = {};
      original.forEach(function (row) {
        var value = row.dataset[spec[0]];
        if (seen[value]) return;
        seen[value] = row.children[spec[2]].textContent.trim().replace(/\s+\d{4}년.*$/, "");
      });
      Object.keys(seen).sort(function (a, b) { return collator.compare(seen[a], seen[b]); }).forEach(function (value) {
        var option = document.createElement("option");
        option.value = value;
        option.textContent = seen[value];
        select.appendChild(option);
      });
      select.value = seen[state[spec[0]]] ? state[spec[0]] : "";
      state[spec[0]] = select.value;
      select.addEventListener("change", function () { state[spec[0]] = select.value; apply(); });
      label.appendChild(select);
      controls.appendChild(label);
      return select;
    });
    controls.appendChild(live);
    root.parentNode.insertBefore(controls, root);

    headers.forEach(function (th, index) {
      if (!th.dataset.sort) return;
      var button = document.createElement("button");
      button.type = "button";
      button.className = "dlkb-sort";
      while (th.firstChild) button.appendChild(th.firstChild);
      th.appendChild(button);
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
        var type = headers[index].dataset.sort;
        sorted.sort(function (a, b) {
          var order = compare(type, cellValue(a, index), cellValue(b, index));
          if (order === 0) order = collator.compare(cellValue(a, 0), cellValue(b, 0));
          return state.dir === "asc" ? order : -order;
        });
      }
      var shown = 0;
      sorted.forEach(function (row) {
        var visible = ["kind", "status", "license"].every(function (key) { return !state[key] || row.dataset[key] === state[key]; });
        row.hidden = !visible;
        if (visible) shown += 1;
        tbody.appendChild(row);
      });
      live.textContent = "프레임워크 " + original.length + "개 중 " + shown + "개를 보여 줍니다.";
      var query = new URLSearchParams();
      if (state.sort) { query.set("sort", state.sort); query.set("dir", state.dir); }
      ["kind", "status", "license"].forEach(function (key) { if (state[key]) query.set(key, state[key]); });
      var search = query.toString();
      history.replaceState(history.state, "", location.pathname + (search ? "?" + search : "") + location.hash);
    }
    apply();
  };
})();

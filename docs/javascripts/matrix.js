// Sortable, filterable feature matrix. The table, its filters and its sort buttons are in the
// page as the build wrote them (the default state: every framework, by name); this script
// enables the buttons, wires the filters, keeps their state in the URL and brings an address
// (#hardware, #hardware-apple, #pytorch) into view inside the scroll box. It sorts on the keys
// the build wrote into each cell (data-sort), never on the cell's text. On load it touches the
// table only when the address asks for another state: the page is not laid out twice.
(function () {
  "use strict";
  var collator = new Intl.Collator("ko");
  var slice = function (list) { return Array.prototype.slice.call(list); };

  function sortKey(row, index) {
    return row.cells[index].dataset.sort || "";
  }

  window.dlkbApps = window.dlkbApps || {};  // this file may run before dlkb.js (written into its page)
  window.dlkbApps.matrix = function (root) {
    var table = root.querySelector("table");
    var tbody = table.tBodies[0];
    var topRow = table.tHead.rows[0];
    var topics = slice(topRow.cells).slice(1);  // one heading per topic, spanning its columns
    var headers = [topRow.cells[0]].concat(slice(table.tHead.rows[1].cells));  // the name, then every column
    var columnOf = {};  // a column's data-key -> its index in each row
    headers.forEach(function (th, i) { columnOf[th.dataset.key] = i; });
    var topicLabel = {};
    topics.forEach(function (th) { topicLabel[th.dataset.topic] = th.firstChild.textContent.trim(); });
    var original = slice(tbody.rows);
    var controls = document.getElementById("matrix-filters");
    var live = controls.querySelector(".dlkb-live");
    var selects = slice(controls.querySelectorAll("select"));
    var alive = controls.querySelector("input[name=alive]");
    var find = controls.querySelector("input[name=q]");
    var params = new URLSearchParams(location.search);
    alive.checked = params.get("alive") === "yes";
    find.value = params.get("q") || "";
    alive.addEventListener("change", apply);
    find.addEventListener("input", apply);
    var state = { sort: params.get("sort"), dir: params.get("dir") === "desc" ? "desc" : "asc" };
    // What the table shows now: the build's order, every column.
    var shown = { sort: null, dir: "asc", words: "" };

    selects.forEach(function (select) {
      var wanted = params.get(select.name) || "";
      var known = slice(select.options).some(function (o) { return o.value === wanted; });
      select.value = known ? wanted : "";
      select.addEventListener("change", apply);
    });

    headers.forEach(function (th) {
      var button = th.querySelector("button.dlkb-sort");
      button.disabled = false;
      button.addEventListener("click", function () {
        var key = th.dataset.key;
        state.dir = state.sort === key && state.dir === "asc" ? "desc" : "asc";
        state.sort = key;
        apply();
      });
    });

    function reorder() {
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
      var rows = document.createDocumentFragment();  // one move of all rows, not one per row
      sorted.forEach(function (row) { rows.appendChild(row); });
      tbody.appendChild(rows);
      shown.sort = state.sort;
      shown.dir = state.dir;
    }

    // "항목 찾기": a column stays when its heading contains the words (the name column always);
    // a topic's heading spans the columns it keeps, and on a phone heads the first of them.
    function showColumns(words) {
      var keep = headers.map(function (th, i) {
        return i === 0 || !words || th.textContent.replace("#", "").toLowerCase().indexOf(words) >= 0;
      });
      var lead = [];
      topics.forEach(function (th) {
        var kept = 0;
        headers.forEach(function (h, i) {
          if (h.dataset.topic !== th.dataset.topic || !keep[i]) return;
          if (kept === 0) lead[i] = topicLabel[th.dataset.topic];
          kept += 1;
        });
        th.hidden = kept === 0;
        th.colSpan = Math.max(kept, 1);
      });
      headers.forEach(function (th, i) { th.hidden = !keep[i]; });
      original.forEach(function (row) {
        slice(row.cells).forEach(function (cell, i) {
          cell.hidden = !keep[i];
          if (i === 0) return;
          if (lead[i]) cell.dataset.topic = lead[i];
          else delete cell.dataset.topic;
        });
      });
      shown.words = words;
      return keep.filter(Boolean).length - 1;
    }

    function apply() {
      if (state.sort !== shown.sort || state.dir !== shown.dir) reorder();
      var words = find.value.trim().toLowerCase();
      var columns = words === shown.words ? null : showColumns(words);
      var count = 0;
      original.forEach(function (row) {
        // each option names the column it reads (data-field, else the filter's own) and the
        // cell's sort key it keeps (data-sort)
        var visible = (!alive.checked || row.dataset.alive === "yes") && selects.every(function (s) {
          var option = s.selectedOptions[0];
          return !s.value || sortKey(row, columnOf[option.dataset.field || s.name]) === option.dataset.sort;
        });
        if (row.hidden === visible) row.hidden = !visible;
        if (visible) count += 1;
      });
      if (columns === null) columns = headers.filter(function (th) { return !th.hidden; }).length - 1;
      var text = "프레임워크 " + original.length + "개 중 " + count + "개를 보여 줍니다." +
        (words ? " 항목 찾기 결과: 열 " + columns + "개." : "");
      if (live.textContent !== text) live.textContent = text;
      var query = new URLSearchParams();
      if (state.sort) { query.set("sort", state.sort); query.set("dir", state.dir); }
      if (alive.checked) query.set("alive", "yes");
      if (words) query.set("q", find.value.trim());
      selects.forEach(function (s) { if (s.value) query.set(s.name, s.value); });
      var search = query.toString() ? "?" + query.toString() : "";
      if (search !== location.search) history.replaceState(history.state, "", location.pathname + search + location.hash);
    }

    // An address inside the matrix: the browser has scrolled its element into view, but under the
    // sticky name column or header rows. A column (or a topic's first column) is put just right of
    // the name column, a row just below the header; on a phone, where each row is a card, the
    // line of that column in the first card shown is brought below the site's header.
    function reveal() {
      if (!document.body.contains(root)) { window.removeEventListener("hashchange", later); return; }
      var id = decodeURIComponent(location.hash.slice(1));
      var target = id && document.getElementById(id);
      if (!target || !root.contains(target)) return;
      var cards = getComputedStyle(table.tHead).display === "none";
      var box = root.getBoundingClientRect();
      if (target.closest("thead")) {
        var index = headers.indexOf(target);
        if (index < 0) index = headers.findIndex(function (th) { return th.dataset.topic === target.dataset.topic && !th.hidden; });
        if (index < 0) return;
        if (cards) {
          var first = original.find(function (row) { return !row.hidden; });
          if (first) toTop(first.cells[index]);
          return;
        }
        var left = headers[index].getBoundingClientRect().left - box.left - root.clientLeft + root.scrollLeft;
        root.scrollLeft = left - headers[0].offsetWidth;
      } else if (target.tagName === "TR") {
        if (cards) { toTop(target); return; }
        var top = target.getBoundingClientRect().top - box.top - root.clientTop + root.scrollTop;
        root.scrollTop = top - table.tHead.offsetHeight;
      }
    }

    // Cards off the screen are laid out only when they come near (content-visibility), so the
    // first scroll lands on estimated heights: once drawn there, the card is put in place again.
    function toTop(element) {
      var header = document.querySelector(".md-header");
      var offset = header ? header.offsetHeight : 0;
      var go = function () { window.scrollTo(0, element.getBoundingClientRect().top + window.scrollY - offset - 8); };
      go();
      requestAnimationFrame(function () { requestAnimationFrame(go); });
    }

    var asked = ["sort", "alive", "q"].concat(selects.map(function (s) { return s.name; }))
      .some(function (name) { return params.has(name); });
    if (asked) apply();
    // after the browser's (and the theme's) own scroll to the address, which would undo ours
    function later() { setTimeout(reveal, 0); }
    window.addEventListener("hashchange", later);
    // This script may run while the page is still loading (it is written into the page): the
    // browser's first scroll to the address comes at the end of loading, so ours comes after it.
    if (location.hash && document.readyState === "complete") later();
    else if (location.hash) window.addEventListener("load", later, { once: true });
  };
})();

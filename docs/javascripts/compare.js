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

  // What the reader typed into the address, read as ids: each id once, at most MAX, and a
  // Korean message for every word that was read differently or left out.
  function readIds(typed, data, byId) {
    var other = Object.create(null);  // lower-cased name or other name -> id
    data.frameworks.forEach(function (fw) {
      [fw.name].concat(fw.aliases || []).forEach(function (n) { other[n.toLowerCase()] = other[n.toLowerCase()] || fw.id; });
    });
    var chosen = [], notes = [], over = [];
    typed.split(",").map(function (w) { return w.trim(); }).filter(Boolean).forEach(function (word) {
      var id = byId[word] ? word : (byId[word.toLowerCase()] ? word.toLowerCase() : other[word.toLowerCase()]);
      if (!id) {
        notes.push("없는 프레임워크라서 뺐습니다 (입력: " + word + ") — 올바른 값: 아래 목록에 있는 프레임워크의 id");
        return;
      }
      if (id !== word) {
        notes.push((id === word.toLowerCase() ? "대소문자를 바로잡아 " : "다른 이름이라서 ") + byId[id].name_ro +
          " 읽었습니다 (입력: " + word + ") — 올바른 값: " + id);
      }
      if (chosen.indexOf(id) >= 0) {
        notes.push("같은 프레임워크가 두 번 있어 한 번만 넣었습니다 (입력: " + word + ") — 올바른 값: 프레임워크마다 한 번");
      } else if (chosen.length >= MAX) {
        over.push(word);
      } else {
        chosen.push(id);
      }
    });
    if (over.length) {
      notes.push("한 번에 " + MAX + "개까지 비교할 수 있어 뒤의 " + over.length + "개를 뺐습니다 (입력: " + over.join(", ") +
        ") — 올바른 값: 2~" + MAX + "개");
    }
    return { chosen: chosen, notes: notes };
  }

  // A cell: the support symbol and word when the row is a support level, then the text, then
  // its sources, numbered per framework and linked to that framework's source list.
  function cell(data, fw, index, numbers) {
    var td = el("td", { "data-label": fw.name });
    var level = fw.levels ? fw.levels[index] : null;
    if (level) {
      var mark = el("span", { class: "dlkb-support dlkb-support--" + level });
      mark.appendChild(el("span", { "aria-hidden": "true" }, data.support[level].icon + " "));
      mark.appendChild(document.createTextNode(data.support[level].label));
      td.appendChild(mark);
      var rest = fw.cells[index].slice(data.support[level].label.length);
      if (rest) td.appendChild(document.createTextNode(rest));
    } else {
      td.appendChild(document.createTextNode(fw.cells[index]));
    }
    var ids = fw.sources ? fw.sources[index] : [];
    if (ids.length) {
      var sup = el("sup");
      ids.forEach(function (sid) {
        if (!numbers[sid]) numbers[sid] = Object.keys(numbers).length + 1;
        sup.appendChild(el("a", { class: "dlkb-cite", href: "../frameworks/" + encodeURIComponent(fw.id) + "/#src-" + encodeURIComponent(sid) },
          "[" + numbers[sid] + "]"));  // as on a framework page
      });
      td.appendChild(sup);
    }
    return td;
  }

  // What "차이만 보기" compares: the support level where there is one (tool names aside), else the text.
  function meaning(fw, index) {
    return fw.levels && fw.levels[index] ? fw.levels[index] : fw.cells[index];
  }

  function json(url) {
    return fetch(url).then(function (r) {
      if (!r.ok) throw new Error(r.status + " " + url);
      return r.json();
    });
  }

  window.dlkbApps = window.dlkbApps || {};  // this file may run before dlkb.js (written into its page)
  window.dlkbApps.compare = function (root) {
    var base = new URL(root.dataset.src, location.href);
    function failed() {
      root.removeAttribute("aria-busy");
      root.textContent = "비교 데이터를 불러오지 못했습니다. 기능 비교표 페이지를 이용해 주세요.";
    }
    // The names and rows travel in the page when it was built (dlkb.inline); under `mkdocs serve` they are fetched.
    var inline = root.dataset.index;
    (inline ? Promise.resolve().then(function () { return JSON.parse(inline); }) : json(base)).then(function (data) {
      var byId = Object.create(null);  // ids come from the URL: no inherited names such as __proto__
      data.frameworks.forEach(function (fw) { byId[fw.id] = fw; });
      // The cells of a framework come in its own file, fetched when it is first shown.
      function withCells(ids) {
        var missing = ids.filter(function (id) { return !byId[id].cells; });
        if (!missing.length) return null;
        root.setAttribute("aria-busy", "true");
        return Promise.all(missing.map(function (id) {
          return json(new URL(byId[id].detail, base)).then(function (detail) {
            ["cells", "levels", "sources"].forEach(function (key) { byId[id][key] = detail[key]; });
          });
        })).then(function () { root.removeAttribute("aria-busy"); });
      }
      var params = new URLSearchParams(location.search);
      var read = readIds(params.get("ids") || "", data, byId);
      var chosen = read.chosen;
      var diffOnly = params.get("diff") === "1";
      root.textContent = "";

      var picker = el("fieldset", { class: "dlkb-picker" });
      picker.appendChild(el("legend", {}, "비교할 프레임워크 (2~5개)"));
      var boxes = data.frameworks.map(function (fw) {
        var label = el("label", { class: "dlkb-pick" });
        var box = el("input", { type: "checkbox", value: fw.id });
        box.checked = chosen.indexOf(fw.id) >= 0;
        box.addEventListener("change", function () {
          read.notes = [];  // the reader chose by hand: the notes about the address are done
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
      var notices = el("ul", { class: "dlkb-notices", "aria-live": "polite" });
      var output = el("div", { class: "dlkb-scroll dlkb-stack" });  // cards on a phone (dlkb.css)
      root.appendChild(picker);
      root.appendChild(diffLabel);
      root.appendChild(notices);
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
        notices.textContent = "";
        read.notes.forEach(function (note) { notices.appendChild(el("li", {}, note)); });
        var loading = chosen.length >= 2 ? withCells(chosen) : null;
        if (loading) {  // the table shown so far stays until the new one is ready
          status.textContent = "비교 데이터를 불러오는 중입니다…";
          loading.then(render, failed);
          return;
        }
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
        var shown = 0, toolsOnly = 0;
        var numbers = {};
        chosen.forEach(function (id) { numbers[id] = Object.create(null); });
        data.rows.forEach(function (row, index) {
          var meanings = chosen.map(function (id) { return meaning(byId[id], index); });
          var same = meanings.every(function (m) { return m === meanings[0]; });
          if (diffOnly && same) {
            var texts = chosen.map(function (id) { return byId[id].cells[index]; });
            if (!texts.every(function (t) { return t === texts[0]; })) toolsOnly += 1;
            return;
          }
          shown += 1;
          var tr = el("tr", { "data-key": row.key });
          tr.appendChild(el("th", { scope: "row" }, row.label));
          chosen.forEach(function (id) { tr.appendChild(cell(data, byId[id], index, numbers[id])); });
          body.appendChild(tr);
        });
        table.appendChild(body);
        output.appendChild(table);
        status.textContent = "프레임워크 " + chosen.length + "개, 항목 " + shown + "개를 비교합니다" +
          (diffOnly ? " (같은 항목 " + (data.rows.length - shown) + "개는 숨김" +
            (toolsOnly ? ", 그 가운데 " + toolsOnly + "개는 지원 수준이 같고 도구 이름만 다름" : "") + ")." : ".");
      }
      render();
    }).catch(failed);
  };
})();

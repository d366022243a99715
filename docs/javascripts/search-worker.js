// The theme's search worker, wrapped. The theme starts this worker on every page and hands it
// only the search settings (search/search_index.json holds no documents); the index itself
// (search/search_index.ko.json, written by hooks/dlkb/search.py) and the theme's own worker are
// loaded when the reader first searches. Each query is made Korean-aware before the theme's
// search runs it: an ending a reader attached (파이토치로) or a syllable still being typed
// (텐서플로ㅇ) is dropped when the word as typed starts no word of the index.
"use strict";

// Message types of the theme's worker protocol.
var SETUP = 0, READY = 1, QUERY = 2, RESULT = 3;
var CHOSEONG = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ";
var answer = self.postMessage.bind(self);
var settings = null;   // the SETUP data the theme sent
var loading = null;    // Promise of { ask, words, endings } once the index is in
var queue = Promise.resolve();

// The theme's worker, loaded into this one: its message listener is kept, and its answers
// (posted with the global postMessage) resolve the question that was asked.
function loadTheme() {
  var file = new URL(location.href).searchParams.get("theme") || "";
  if (!/^search\.[0-9a-f]+\.min\.js$/.test(file)) throw new Error("search worker: " + file);
  var listener = null;
  var add = self.addEventListener;
  self.addEventListener = function (type, fn) {
    if (type === "message") listener = fn; else add.apply(self, arguments);
  };
  importScripts(new URL("../assets/javascripts/workers/" + file, location.href).href);
  self.addEventListener = add;
  var reply = null;
  self.postMessage = function (message) { reply(message); };
  return function ask(message) {
    return new Promise(function (resolve) {
      reply = resolve;
      listener({ data: message });
    });
  };
}

// Every word of the index, sorted, to test "does any word start with this" by bisection.
function vocabulary(docs, separator) {
  var split = new RegExp(separator, "g");
  var seen = Object.create(null);
  docs.forEach(function (doc) {
    [doc.title, doc.text, doc.keys || "", doc.also || ""].forEach(function (field) {
      field.replace(/<[^>]*>/g, " ").toLowerCase().split(split).forEach(function (w) { if (w) seen[w] = 1; });
    });
  });
  return Object.keys(seen).sort();
}

function startsAWord(words, prefix) {
  var lo = 0, hi = words.length;
  while (lo < hi) {
    var mid = (lo + hi) >> 1;
    if (words[mid] < prefix) lo = mid + 1; else hi = mid;
  }
  return lo < words.length && words[lo].indexOf(prefix) === 0;
}

function isWord(words, word) {
  var lo = 0, hi = words.length;
  while (lo < hi) {
    var mid = (lo + hi) >> 1;
    if (words[mid] < word) lo = mid + 1; else hi = mid;
  }
  return words[lo] === word;
}

function load() {
  if (!loading) {
    loading = fetch(new URL("../search/search_index.ko.json", location.href).href)
      .then(function (r) { return r.json(); })
      .then(function (index) {
        var ask = loadTheme();
        var words = vocabulary(index.docs, index.config.separator);
        return ask({ type: SETUP, data: { config: index.config, docs: index.docs, options: settings.options } })
          .then(function () { return { ask: ask, words: words, endings: index.endings || [] }; });
      });
  }
  return loading;
}

// The syllable without its final consonant: while typing 케라스, the box briefly shows 켈.
function withoutFinal(syllable) {
  var code = syllable.charCodeAt(0) - 0xAC00;
  if (code < 0 || code > 11171 || code % 28 === 0) return null;
  return String.fromCharCode(0xAC00 + code - code % 28);
}

// Candidates for a typed word that starts no word of the index, most faithful first.
function candidates(term, endings, last) {
  var out = [];
  endings.forEach(function (e) {
    if (term.length > e.length + 1 && term.slice(-e.length) === e) out.push(term.slice(0, -e.length));
  });
  if (last) {
    var end = term.slice(-1);
    if (CHOSEONG.indexOf(end) >= 0 && /[가-힣]/.test(term.slice(-2, -1))) out.push(term.slice(0, -1));
    var bare = withoutFinal(end);
    if (bare) out.push(term.slice(0, -1) + bare);
  }
  return out;
}

// A Korean-aware query for the theme's search: each word as typed if some word of the index
// starts with it, else its first candidate that does; an exact word also counts extra, so that
// 카페 ranks Caffe before Caffe2.
function normalise(query, index) {
  var terms = query.trim().split(/\s+/).filter(Boolean);
  if (terms.some(function (t) { return /[+\-~^:*]/.test(t); })) return query;  // the reader's own query syntax
  return terms.map(function (term, i) {
    var lower = term.toLowerCase();
    var word = lower;
    if (!startsAWord(index.words, lower)) {
      var found = candidates(lower, index.endings, i === terms.length - 1).filter(function (c) {
        return startsAWord(index.words, c);
      });
      if (found.length) word = found[0];
    }
    return isWord(index.words, word) ? word + "^10 " + word : word;
  }).join(" ");
}

self.addEventListener("message", function (event) {
  var message = event.data;
  if (message.type === SETUP) {  // only the settings: ready at once, the index comes on first use
    settings = message.data;
    answer({ type: READY });
    return;
  }
  if (message.type !== QUERY) return;
  if (!String(message.data).trim()) {  // the theme asks with the empty box as soon as it is ready
    queue = queue.then(function () { answer({ type: RESULT, data: { items: [] } }); });
    return;
  }
  queue = queue.then(load).then(function (index) {
    return index.ask({ type: QUERY, data: normalise(message.data, index) });
  }).then(answer, function (error) {
    console.warn(error);
    answer({ type: RESULT, data: { items: [] } });
  });
});

/* Site search over the sharded index written by hooks/plansite/search/index.py.
 * The tokenizer below implements the rule of hooks/plansite/search/tokenize.py (its docstring
 * explains it step by step); tests/tokenizer_cases.yaml holds that rule as a table of cases and
 * tests/test_tokenizer.py runs every case through both, this script via window.planSearchTokenize.
 * In short: NFKC, words are runs of letters/digits; a folded form (lower case, ß→ss, ς→σ, đ→d,
 * no marks) to match, an exact form (tone mark moved to the end of the word) to rank matches
 * typed with diacritics first, and the shard name = first two code points of the folded form.
 * Only files of this site are fetched; results are written with textContent, never as HTML. */
(function () {
  "use strict";
  var TONES = /[\u0300\u0309\u0303\u0301\u0323]/g;  // huyền, hỏi, ngã, sắc, nặng

  function lower(word) {
    return word.toLowerCase().replace(/ß/g, "ss").replace(/ς/g, "σ");
  }

  function fold(lowered) {
    return lowered.replace(/đ/g, "d").normalize("NFD").replace(/\p{M}/gu, "");
  }

  function exact(lowered) {
    var d = lowered.normalize("NFD");
    var tones = (d.match(TONES) || []).join("");
    return d.replace(TONES, "").normalize("NFC") + tones;
  }

  function shardOf(folded) {
    return Array.from(folded).slice(0, 2).join("");  // code points, never half a surrogate pair
  }

  function tokenize(query) {
    var words = String(query).normalize("NFKC").match(/[\p{L}\p{N}]+/gu) || [];
    return words.map(function (w) {
      var lowered = lower(w);
      var folded = fold(lowered);
      return { folded: folded, exact: exact(lowered), shard: shardOf(folded) };
    });
  }
  window.planSearchTokenize = tokenize;  // tests/test_tokenizer.py runs the shared cases through it

  var root = document.querySelector(".ps-search");
  if (!root) return;
  var input = root.querySelector(".ps-search__input");
  var box = root.querySelector(".ps-search__results");
  var base = new URL((root.getAttribute("data-ps-base") || ".") + "/", window.location.href);
  var cache = {};
  var MAX_RESULTS = 10;

  function load(path) {
    if (!cache[path]) {
      cache[path] = fetch(new URL(path, base).href)
        .then(function (r) { return r.ok ? r.json() : {}; })
        .catch(function () { return {}; });
    }
    return cache[path];
  }

  function hitsFor(shard, token, isLast) {
    var hits = new Map();
    var keys = isLast && Array.from(token.folded).length >= 2
      ? Object.keys(shard).filter(function (k) { return k.indexOf(token.folded) === 0; })
      : (shard[token.folded] ? [token.folded] : []);
    var typedMarks = token.exact !== token.folded;
    keys.forEach(function (key) {
      var variants = shard[key];
      Object.keys(variants).forEach(function (variant) {
        var mult = key === token.folded ? 1 : 0.5;           // whole word beats prefix
        if (typedMarks) mult *= variant === token.exact ? 2 : 0.25;  // typed diacritics: exact form first
        variants[variant].forEach(function (posting) {
          var score = posting[1] * mult;
          if (score > (hits.get(posting[0]) || 0)) hits.set(posting[0], score);
        });
      });
    });
    return hits;
  }

  // A query of two or more words may be a document number in any order ("KH-UBND 128"): the index
  // keeps each page's own numbers under one key of their sorted words (search/index.py number_key).
  async function addNumberBonus(scores, tokens, shards) {
    var key = "~" + tokens.map(function (t) { return t.folded; }).sort().join("");
    var name = Array.from(key).slice(0, 2).join("");
    if (!shards.has(name)) return;
    var shard = await load("search/t/" + encodeURIComponent(name) + ".json");
    var variants = shard[key] || {};
    Object.keys(variants).forEach(function (variant) {
      variants[variant].forEach(function (posting) {
        if (scores.has(posting[0])) scores.set(posting[0], scores.get(posting[0]) + posting[1]);
      });
    });
  }

  async function search(query) {
    var tokens = tokenize(query);
    if (!tokens.length) return [];
    var meta = await load("search/meta.json");
    var shards = new Set(meta.shards || []);
    var scores = null;
    for (var i = 0; i < tokens.length; i++) {
      var name = tokens[i].shard;
      var shard = shards.has(name) ? await load("search/t/" + encodeURIComponent(name) + ".json") : {};
      var hits = hitsFor(shard, tokens[i], i === tokens.length - 1);
      if (scores === null) {
        scores = hits;
      } else {
        var next = new Map();
        scores.forEach(function (s, doc) { if (hits.has(doc)) next.set(doc, s + hits.get(doc)); });
        scores = next;
      }
      if (!scores.size) return [];
    }
    if (tokens.length > 1) await addNumberBonus(scores, tokens, shards);
    var ranked = Array.from(scores.entries())
      .sort(function (a, b) { return b[1] - a[1] || a[0] - b[0]; })
      .slice(0, MAX_RESULTS);
    var chunk = meta.chunk || 200;
    return Promise.all(ranked.map(function (entry) {
      return load("search/d/" + Math.floor(entry[0] / chunk) + ".json").then(function (docs) {
        var d = docs[entry[0] % chunk] || ["", "", ""];
        return { url: d[0], title: d[1], kind: d[2] };
      });
    }));
  }

  function show(results, query) {
    box.textContent = "";
    if (!query.trim()) { box.hidden = true; return; }
    if (!results.length) {
      var empty = document.createElement("p");
      empty.className = "ps-search__empty";
      empty.textContent = "Không tìm thấy kết quả cho “" + query + "”.";
      box.appendChild(empty);
    } else {
      var list = document.createElement("ol");
      results.forEach(function (r) {
        var item = document.createElement("li");
        var a = document.createElement("a");
        a.className = "ps-result";
        a.href = new URL(r.url, base).href;
        var kind = document.createElement("span");
        kind.className = "ps-result__kind";
        kind.textContent = r.kind;
        var title = document.createElement("span");
        title.className = "ps-result__title";
        title.textContent = r.title;
        a.appendChild(kind);
        a.appendChild(title);
        item.appendChild(a);
        list.appendChild(item);
      });
      box.appendChild(list);
    }
    box.hidden = false;
  }

  var pending = 0;
  input.addEventListener("input", function () {
    var query = input.value;
    var ticket = ++pending;
    search(query).then(function (results) { if (ticket === pending) show(results, query); });
  });
  input.addEventListener("keydown", function (event) {
    if (event.key === "Enter") {
      var first = box.querySelector("a");
      if (first) window.location.href = first.href;
    } else if (event.key === "Escape") {
      box.hidden = true;
    }
  });
  window.planSearch = search;  // used by tests and the benchmark
})();

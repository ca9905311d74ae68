/* Site search, part 1 of 3: the tokenizer, the index files and the ranking (the header's box is
 * plan-search-box.js, the results page plan-search-page.js; both use window.planSearchCore).
 * The index is written by hooks/plansite/search/index.py; its postings format is explained in
 * hooks/plansite/search/postings.py, and `decode` below reads it.
 * The tokenizer implements the rule of hooks/plansite/search/tokenize.py (its docstring explains it step
 * by step); tests/tokenizer_cases.yaml holds that rule as a table of cases and tests/test_tokenizer.py
 * runs every case through both, this script via window.planSearchTokenize. In short: NFKC, words are
 * runs of letters/digits; a folded form (lower case, ß→ss, ς→σ, đ→d, no marks) to match, an exact form
 * (tone mark moved to the end of the word) to rank matches typed with diacritics first, and the shard =
 * first two code points of the folded form (a shard past a size is split by longer prefixes: `shardsFor`).
 * Ranking (see `search`): pages holding every word, else the pages holding most of them (rarer words,
 * by idf, count more) with the words left out said; then, among the best RERANK, words written side by
 * side in the query's order (title or excerpt) lift a page. Only files of this site are loaded (from
 * file://, as scripts: hooks/plansite/search/scripts.py). */
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
      return { folded: folded, exact: exact(lowered), shard: shardOf(folded), word: w };
    });
  }
  window.planSearchTokenize = tokenize;  // tests/test_tokenizer.py runs the shared cases through it

  var root = document.querySelector(".ps-search");
  if (!root) return;
  var base = new URL((root.getAttribute("data-ps-base") || ".") + "/", window.location.href);
  var FROM_FILE = window.location.protocol === "file:";  // no fetch() there: the index as scripts
  var SHOWN = 10;   // results in the header's list, and per page of the results page
  var RERANK = 10;  // the best candidates checked for words side by side: the first page, whose page files
                    // the snippets need anyway (20 would fetch ten more before the first answer)
  var PHRASE = 0.5; // each further query word in an unbroken run, in order, adds half the score
  var cache = {}, waiting = {}, manifest = null;

  // --- the index files: "meta", "t/<prefix>", "x/<doc>", "facets", "plans" (null when missing) ---
  window.__planSearchData = function (key, data) {
    if (waiting[key]) { waiting[key](data); delete waiting[key]; }
  };
  function fileUrl(key, folder, ext) {
    return new URL(folder + key.split("/").map(encodeURIComponent).join("/") + ext, base).href;
  }
  function viaScript(key) {
    return new Promise(function (resolve) {
      var script = document.createElement("script");
      waiting[key] = resolve;
      script.onload = script.onerror = function () {
        script.remove();
        if (waiting[key]) { delete waiting[key]; resolve(null); }
      };
      script.src = fileUrl(key, "search/js/", ".js");
      document.head.appendChild(script);
    });
  }
  function load(key) {
    if (!cache[key]) {
      cache[key] = FROM_FILE ? viaScript(key) : fetch(fileUrl(key, "search/", ".json"))
        .then(function (r) { return r.ok ? r.json() : null; }).catch(function () { return null; });
    }
    return cache[key];
  }
  function page(doc) {  // {url, title, kind, excerpt} of one page: x/<doc> is [url, title, kind, excerpt]
    return load("x/" + doc).then(function (d) {
      d = Array.isArray(d) ? d : [];
      return { url: d[0] || "", title: d[1] || "", kind: d[2] || "", excerpt: typeof d[3] === "string" ? d[3] : "" };
    });
  }

  // --- postings (hooks/plansite/search/postings.py): "<gaps of the pages> <places of their weights>" ---
  function numbers(text, from, to) {  // base-45 numbers; a digit of 45 or more says another digit follows
    var out = [], value = 0;
    for (var i = from; i < to; i++) {
      var c = text.charCodeAt(i), d = c - 35 - (c > 92 ? 1 : 0);  // '#' is 0; '\' is not a digit
      if (d >= 45) value = value * 45 + d - 45;
      else { out.push(value * 45 + d); value = 0; }
    }
    return out;
  }
  function decode(text, total, table, visit) {  // visit(page, weight) for each page of one posting list
    var space = text.indexOf(" "), places = numbers(text, space + 1, text.length), one = places.length === 1;
    var complement = text.charCodeAt(0) === 33, gaps = numbers(text, complement ? 1 : 0, space), n = 0, p = -1;
    if (!complement) {
      for (var i = 0; i < gaps.length; i++) { p += gaps[i] + 1; visit(p, table[places[one ? 0 : i]]); }
      return;
    }
    var skip = gaps.length ? gaps[0] : total;  // "!": the gaps are those between the pages without the word
    for (var a = 0, page = 0; page < total; page++) {
      if (page === skip) { a++; skip = a < gaps.length ? skip + gaps[a] + 1 : total; continue; }
      visit(page, table[places[one ? 0 : n++]]);
    }
  }

  // The shard files holding `folded` (or, being typed, every word starting with it). A prefix is split
  // when a longer file name starts with it: walk down by one code point while the prefix is split.
  function shardsFor(folded, prefix) {
    var cps = Array.from(folded), n = Math.min(2, cps.length), node = cps.slice(0, n).join("");
    while (manifest.split.has(node) && n < cps.length) node = cps.slice(0, ++n).join("");
    var out = manifest.names.has(node) ? [node] : [];
    if (prefix && node === folded && manifest.split.has(node)) {
      manifest.list.forEach(function (name) { if (name !== node && name.indexOf(node) === 0) out.push(name); });
    }
    return out;
  }
  function readManifest(meta) {
    var list = meta.shards || [], split = new Set();
    list.forEach(function (name) {
      var cps = Array.from(name);
      for (var n = 2; n < cps.length; n++) split.add(cps.slice(0, n).join(""));
    });
    return { list: list, names: new Set(list), split: split, total: meta.docs || 0, weights: meta.weights || [] };
  }

  // --- ranking ---
  function matches(token, folded) {
    return folded === token.folded || (token.prefix && folded.indexOf(token.folded) === 0);
  }

  // The best score of each page for one term, over the words it matches and their written forms.
  function hitsFor(shards, term) {
    var hits = new Float64Array(manifest.total), typedMarks = term.exact !== term.folded;
    shards.forEach(function (shard) {
      Object.keys(shard || {}).forEach(function (key) {
        if (!matches(term, key)) return;
        Object.keys(shard[key]).forEach(function (variant) {
          var mult = key === term.folded ? 1 : 0.5;           // whole word beats prefix
          if (typedMarks) mult *= variant === term.exact ? 2 : 0.25;  // typed diacritics: exact form first
          decode(shard[key][variant], manifest.total, manifest.weights, function (doc, weight) {
            if (weight * mult > hits[doc]) hits[doc] = weight * mult;
          });
        });
      });
    });
    return hits;
  }

  // The longest run of the query's words (in order) written one after the other in `text`.
  function longestRun(tokens, text) {
    var words = (text.match(/[\p{L}\p{N}\p{M}]+/gu) || []).map(function (w) { return fold(lower(w)); });
    var best = 0;
    for (var p = 0; p < words.length; p++) {
      for (var i = 0; i < tokens.length && best < tokens.length; i++) {
        var k = 0;
        while (i + k < tokens.length && p + k < words.length && matches(tokens[i + k], words[p + k])) k++;
        if (k > best) best = k;
      }
    }
    return best;
  }

  function byScore(a, b) { return b.cover - a.cover || b.score - a.score || a.doc - b.doc; }

  // The best `k` of the pages `docs` in order, as {doc, cover, score}: sorting tens of thousands of
  // results only to show ten would be most of a search's time, so the header's list keeps ten as it goes.
  function best(docs, cover, score, k) {
    var row = function (d) { return { doc: d, cover: cover[d], score: score[d] }; };
    if (k >= docs.length) return docs.map(row).sort(byScore);
    var top = [];
    docs.forEach(function (d) {
      var last = top[top.length - 1];  // byScore without an object per page; pages come in order: a tie stays
      if (top.length === k && (cover[d] < last.cover || cover[d] === last.cover && score[d] <= last.score)) return;
      var r = row(d), i = top.length - (top.length === k ? 1 : 0);
      while (i > 0 && byScore(r, top[i - 1]) < 0) { top[i] = top[i - 1]; i--; }
      top[i] = r;
    });
    return top;
  }

  // {tokens, terms, count, results: [{doc, cover, score}], partial}: of the `count` results, the best
  // `wanted` in order (SHOWN by default; Infinity: all). Every word of the query is a term (once, with
  // its `hits` by page); a term's hits are scored by its weight times its idf. The pages holding every
  // term are the results; when none does, those covering at least half the idf of the best one.
  async function search(query, wanted) {
    var tokens = tokenize(query), terms = [], byKey = {};
    tokens.forEach(function (t, i) {
      t.prefix = i === tokens.length - 1 && Array.from(t.folded).length >= 2;  // the word being typed
      var key = t.folded + "\u0000" + t.exact;
      if (!byKey[key]) terms.push(byKey[key] = { folded: t.folded, exact: t.exact, shard: t.shard, word: t.word });
      byKey[key].prefix = byKey[key].prefix || t.prefix;
      t.term = terms.indexOf(byKey[key]);
    });
    var found = { tokens: tokens, terms: terms, count: 0, results: [], partial: false };
    if (!terms.length) return found;
    manifest = manifest || readManifest((await load("meta")) || {});
    var total = manifest.total, numbered = tokens.length > 1 ? numberPostings(tokens) : Promise.resolve([]);
    var shards = await Promise.all(terms.map(function (t) {
      return Promise.all(shardsFor(t.folded, t.prefix).map(function (name) { return load("t/" + name); }));
    }));
    var cover = new Float64Array(total), score = new Float64Array(total), count = new Uint16Array(total);
    terms.forEach(function (term, i) {
      var hits = term.hits = hitsFor(shards[i], term), size = 0, doc;
      for (doc = 0; doc < total; doc++) if (hits[doc]) size++;
      term.idf = size ? Math.log(1 + total / size) : 0;
      for (doc = 0; doc < total; doc++) {
        if (hits[doc]) { cover[doc] += term.idf; score[doc] += term.idf * hits[doc]; count[doc] += 1; }
      }
    });
    (await numbered).forEach(function (posting) { score[posting[0]] += posting[1]; });  // own number first
    var chosen = [], most = 0, doc;
    for (doc = 0; doc < total; doc++) if (count[doc] === terms.length) chosen.push(doc);
    if (!chosen.length) {
      for (doc = 0; doc < total; doc++) if (count[doc] && cover[doc] > most) most = cover[doc];
      for (doc = 0; doc < total; doc++) if (count[doc] && cover[doc] >= most / 2) chosen.push(doc);
      found.partial = chosen.length > 0;
    }
    found.count = chosen.length;
    var results = best(chosen, cover, score, Math.max(wanted || SHOWN, RERANK));
    if (tokens.length > 1) {
      var top = results.slice(0, RERANK);
      var texts = await Promise.all(top.map(function (s) { return page(s.doc); }));
      top.forEach(function (s, i) {
        var run = Math.max(longestRun(tokens, texts[i].title), longestRun(tokens, texts[i].excerpt));
        if (run > 1) s.score *= 1 + PHRASE * (run - 1);
      });
      results = top.sort(byScore).concat(results.slice(RERANK));  // a lift never passes a page outside the top
    }
    found.results = results;
    return found;
  }

  // A query of two or more words may be a document number in any order ("KH-UBND 128"): the index
  // keeps each page's own numbers under one key of their sorted words (search/index.py number_key).
  // The postings [[doc, weight], ...] of the query's words as one such key.
  async function numberPostings(tokens) {
    var key = "~" + tokens.map(function (t) { return t.folded; }).sort().join(""), out = [];
    var shards = await Promise.all(shardsFor(key, false).map(function (name) { return load("t/" + name); }));
    shards.forEach(function (shard) {
      var variants = (shard && shard[key]) || {};
      Object.keys(variants).forEach(function (v) {
        decode(variants[v], manifest.total, manifest.weights, function (doc, weight) { out.push([doc, weight]); });
      });
    });
    return out;
  }

  // The words of the query a result lacks, as typed; runs of them joined ("ai phụ trách, trên").
  function missingWords(found, result) {
    var groups = [], run = [];
    found.tokens.concat([null]).forEach(function (t) {
      if (t && !found.terms[t.term].hits[result.doc]) { run.push(t.word); return; }
      if (run.length && groups.indexOf(run.join(" ")) < 0) groups.push(run.join(" "));
      run = [];
    });
    return groups;
  }

  async function details(found, result) {  // what a result shows: {url, title, kind, excerpt, missing}
    var shown = await page(result.doc);
    shown.missing = missingWords(found, result);
    return shown;
  }

  async function first(query) {  // the results of the header's list: {found, shown: [details…]}
    var found = await search(query, SHOWN);
    var shown = await Promise.all(found.results.slice(0, SHOWN).map(function (r) { return details(found, r); }));
    return { found: found, shown: shown };
  }

  window.planSearch = function (query) {  // used by tests and the benchmark: the first results
    return first(query).then(function (got) { return got.shown; });
  };
  window.planSearchCore = {
    root: root, base: base, SHOWN: SHOWN, lower: lower, fold: fold, exact: exact, matches: matches,
    load: load, search: search, details: details, first: first, missingWords: missingWords
  };
})();

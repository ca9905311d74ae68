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
 * Ranking (see `search`): the pages a number key of the query names first; then by BM25F relevance, in
 * which the query's syllables written side by side (pairs) count twice, among the pages holding every
 * syllable (or enough of them), then the others holding most of them, with the words left out said; the
 * page's kind only breaks ties. The header's box asks for a phrase's pairs first and answers with them
 * alone when ten pages or more hold the whole phrase (`search`). Only files of this site are loaded
 * (from file://, as scripts: hooks/plansite/search/scripts.py). */
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
  var PAIR = 2;     // a pair's relevance counts twice a syllable's: side by side is what a reader means
  var STRONG = 0.5; // a page missing a few of three or more syllables ranks with the pages holding them all
                    // when it holds this share of their idf ("ai phụ trách mặt trận": the Front's task)
  var CONTEXT = 40, ELLIPSIS = "\u2026";  // a snippet cut to its phrase keeps this many characters before it
  var JOIN = "_", MARK = "~";  // a pair's two syllables joined; a number key's mark (search/terms.py, doc_numbers.py)
  // Question words (exact forms): "ai phụ trách mặt trận" asks about the Front, so a page need not hold
  // "ai" to answer it. They still count for relevance; a query of question words alone needs them all.
  var QUESTION = new Set(["ai", "gi\u0300", "gi", "nao\u0300", "nao", "\u0111âu"].map(function (w) {
    return w.normalize("NFC");
  }));
  var cache = {}, waiting = {}, manifest = null;

  // --- the index files: "meta", "t/<prefix>", "x/<group>", "facets", "plans" (null when missing) ---
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
  // Shards and snippet groups are stored gzipped, "<key>.json.gz" (hooks/plansite/search/stored.py): unpacked
  // here by the browser's DecompressionStream, or by fflate (served from the site, loaded only where there is
  // no DecompressionStream: Safari before 16.4). A file that does not start as gzip does is read as it is: a
  // server may unpack .gz files itself (Content-Encoding).
  var PACKED = /^[tx]\//, FFLATE = "assets/vendor/fflate-0.8.3.js";
  var inflater = null;
  function fflate() {  // window.fflate, its script loaded once (again after a failure)
    inflater = inflater || new Promise(function (resolve, reject) {
      var script = document.createElement("script");
      script.onload = function () { if (window.fflate) resolve(window.fflate); else script.onerror(); };
      script.onerror = function () { inflater = null; reject(new Error(FFLATE)); };
      script.src = new URL(FFLATE, base).href;
      document.head.appendChild(script);
    });
    return inflater;
  }
  function unpack(buffer) {  // the text of a gzip file's bytes
    var bytes = new Uint8Array(buffer);
    if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) return Promise.resolve(new TextDecoder().decode(bytes));
    if (typeof DecompressionStream === "function") {
      return new Response(new Response(bytes).body.pipeThrough(new DecompressionStream("gzip"))).text();
    }
    return fflate().then(function (f) { return f.strFromU8(f.gunzipSync(bytes)); });
  }
  function fetched(key) {  // the JSON of one index file, or null
    var packed = PACKED.test(key);
    return fetch(fileUrl(key, "search/", packed ? ".json.gz" : ".json")).then(function (r) {
      if (!r.ok) return null;
      return packed ? r.arrayBuffer().then(unpack).then(JSON.parse) : r.json();
    }).catch(function () { return null; });
  }
  function load(key) {  // a file loaded once; a failed load (null) is not kept, so the next search tries again
    if (!cache[key]) {
      var loading = cache[key] = (FROM_FILE ? viaScript(key) : fetched(key))
        .then(function (data) {
          if (data == null && cache[key] === loading) delete cache[key];
          return data;
        });
    }
    return cache[key];
  }
  // {url, title, kind, excerpt} of one page: x/<group> holds [url, title, kind, excerpt] of manifest.group
  // pages in a row (hooks/plansite/search/index.py), so the results of one plan share a file or a few.
  function page(doc) {
    var group = manifest.group;
    return load("x/" + Math.floor(doc / group)).then(function (g) {
      var d = Array.isArray(g) && Array.isArray(g[doc % group]) ? g[doc % group] : [];
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
    return { list: list, names: new Set(list), split: split, total: meta.docs || 0, weights: meta.weights || [],
      ties: meta.ties || 1, group: meta.group || 1 };
  }

  // --- ranking ---
  // Terms: each syllable of the query, each two adjacent syllables as a pair ("dan_van": the index keeps
  // the pairs written side by side, hooks/plansite/search/terms.py), and number keys (doc_numbers.py).
  // A posting's weight is a BM25F level × ties + the page kind's tie-breaker.
  function matches(token, folded) {
    return folded === token.folded || (token.prefix && folded.indexOf(token.folded) === 0);
  }
  function isPair(key) { return key.indexOf(JOIN) >= 0; }

  // For one term, the best level (times how well its form matches) of each page; ties[] gets each page's tie.
  // term.exactly[page]: the page holds the term as typed (its diacritics, when typed, or a longer word
  // being typed): only then does the page count as holding it ("Thu Hiền" is not held by "thủ … hiện").
  function hitsFor(shards, term, ties) {
    var hits = new Float64Array(manifest.total), typedMarks = term.exact !== term.folded, T = manifest.ties;
    var exactly = term.exactly = new Uint8Array(manifest.total);
    shards.forEach(function (shard) {
      Object.keys(shard || {}).forEach(function (key) {
        if (isPair(key) !== term.pair || key.charAt(0) === MARK || !matches(term, key)) return;
        Object.keys(shard[key]).forEach(function (variant) {
          var mult = key === term.folded ? 1 : 0.5;           // whole word beats prefix
          if (typedMarks) mult *= variant === term.exact ? 2 : 0.25;  // typed diacritics: exact form first
          // a longer word being typed is held whatever its marks, but a pair's first syllable only as typed
          var held = !typedMarks || variant === term.exact ||
            key !== term.folded && (!term.pair || variant.split(JOIN)[0] === term.exact.split(JOIN)[0]);
          decode(shard[key][variant], manifest.total, manifest.weights, function (doc, weight) {
            var level = Math.floor(weight / T) * mult;
            ties[doc] = weight % T;
            if (held) exactly[doc] = 1;
            if (level > hits[doc]) hits[doc] = level;
          });
        });
      });
    });
    return hits;
  }

  // Number keys a query may hold (hooks/plansite/search/doc_numbers.py): its words sorted and joined, and
  // each run of digits with each run of letters, and with two adjacent runs of letters joined ("chi thi 33").
  function numberKeys(tokens) {
    var runs = [], keys = {};
    tokens.forEach(function (t) { (t.folded.match(/\d+|\D+/g) || []).forEach(function (r) { runs.push(r); }); });
    if (tokens.length > 1) keys[MARK + tokens.map(function (t) { return t.folded; }).sort().join("")] = true;
    runs.forEach(function (d) {
      if (!/^\d+$/.test(d)) return;
      runs.forEach(function (w, i) {
        if (/\d/.test(w)) return;
        keys[MARK + d + w] = true;
        if (i + 1 < runs.length && !/\d/.test(runs[i + 1])) keys[MARK + d + w + runs[i + 1]] = true;
      });
    });
    return Object.keys(keys);
  }

  // page → the strongest number key of the query naming it (2: the whole number, 1: number and one part).
  async function numberHits(tokens) {
    var keys = numberKeys(tokens), out = new Uint8Array(manifest.total);
    if (!keys.length) return out;
    var shards = await Promise.all(keys.map(function (key) {
      return Promise.all(shardsFor(key, false).map(function (name) { return load("t/" + name); }));
    }));
    keys.forEach(function (key, i) {
      shards[i].forEach(function (shard) {
        var variants = (shard && shard[key]) || {};
        Object.keys(variants).forEach(function (v) {
          decode(variants[v], manifest.total, manifest.weights, function (doc, weight) {
            out[doc] = Math.max(out[doc], Math.floor(weight / manifest.ties));
          });
        });
      });
    });
    return out;
  }

  // The best `k` of the pages `docs` by `better` (negative: a before b), in order: sorting tens of thousands
  // of results only to show ten would be most of a search's time, so the header's list keeps ten as it goes.
  function best(docs, better, k) {
    if (k >= docs.length) return docs.slice().sort(better);
    var top = [];
    docs.forEach(function (d) {
      if (top.length === k && better(d, top[k - 1]) >= 0) return;  // pages come in order: a tie stays behind
      var i = top.length - (top.length === k ? 1 : 0);
      while (i > 0 && better(d, top[i - 1]) < 0) { top[i] = top[i - 1]; i--; }
      top[i] = d;
    });
    return top;
  }

  // The shard files of each term of `list` (one promise; load() caches them, so a file is fetched once).
  function shardsOf(list) {
    return Promise.all(list.map(function (t) {
      return Promise.all(shardsFor(t.folded, t.prefix).map(function (name) { return load("t/" + name); }));
    }));
  }
  function idfOf(hits, total) {  // BM25's idf of a term from the number of pages holding it
    var size = 0;
    for (var doc = 0; doc < total; doc++) if (hits[doc]) size++;
    return size ? Math.log(1 + (total - size + 0.5) / (size + 0.5)) : 0;
  }

  // The phrase alone, when it is enough (see `search`): the pages holding every pair as typed, by the pairs'
  // relevance; null when fewer than SHOWN pages hold the whole phrase (or a number key names a page), and
  // the syllables' postings are needed after all.
  function phraseOnly(found, required, number) {
    var total = manifest.total, chosen = [];
    for (var doc = 0; doc < total; doc++) {
      if (number[doc]) return null;  // a number's page ranks first and may lack the phrase: rank it in full
      if (required.every(function (t) { return t.exactly[doc]; })) chosen.push(doc);
    }
    if (chosen.length < SHOWN) return null;
    found.terms.forEach(function (t) {  // every syllable is held where its pairs are (missingWords reads this)
      t.exactly = new Uint8Array(total);
      chosen.forEach(function (d) { t.exactly[d] = 1; });
    });
    found.count = chosen.length;
    found.phrase = true;
    return chosen;
  }

  // {tokens, terms, pairs, count, results: [{doc, score, …}], partial, phrase}: of the `count` results, the
  // best `wanted` in order (SHOWN by default; Infinity: all). A term's idf (BM25) comes from the length of
  // its posting list. The results: the pages holding every syllable (question words aside) and the pages a
  // number key names; when they are fewer than SHOWN, also those covering at least half the idf of the
  // best other page (`partial` when no page holds every syllable). Order: a number key naming the page;
  // "strong" pages (every syllable, or with three syllables or more STRONG of their idf) before the others;
  // relevance (Σ idf × level, pairs counted PAIR times); the idf held; the kind's tie-breaker; the index's order.
  // Phrase first: a query of two syllables or more asks for its pairs (and number keys) first; when SHOWN
  // pages or more hold every pair, those pages are the answer (`phrase`: `count` is theirs), ranked by the
  // pairs' relevance, and the syllables' postings (on a province's site, the most common words' long lists:
  // most of the bytes) are never fetched. The results page, which lists every result, always ranks in full.
  async function search(query, wanted) {
    var tokens = tokenize(query), terms = [], pairs = [], byKey = {};
    function term(list, t) {
      var key = t.folded + "\u0000" + t.exact;
      if (!byKey[key]) list.push(byKey[key] = t);
      byKey[key].prefix = byKey[key].prefix || t.prefix;
      return list.indexOf(byKey[key]);
    }
    tokens.forEach(function (t, i) {
      t.prefix = i === tokens.length - 1 && Array.from(t.folded).length >= 2;  // the word being typed
      t.term = term(terms, { folded: t.folded, exact: t.exact, word: t.word, prefix: t.prefix, pair: false,
        optional: QUESTION.has(t.exact) });
      if (i) {
        var a = tokens[i - 1];
        term(pairs, { folded: a.folded + JOIN + t.folded, exact: a.exact + JOIN + t.exact, prefix: t.prefix, pair: true,
          of: [a.term, t.term] });
      }
    });
    var found = { tokens: tokens, terms: terms, pairs: pairs, count: 0, results: [], partial: false, phrase: false };
    if (!terms.length) return found;
    if (!manifest) {  // kept once it has loaded; until then each search asks for it again
      var meta = await load("meta");
      if (!meta) return found;
      manifest = manifest || readManifest(meta);
    }
    var total = manifest.total, numbered = numberHits(tokens);
    var needed = terms.filter(function (t) { return !t.optional; }).length;
    if (!needed) terms.forEach(function (t) { t.optional = false; needed++; });
    var ties = new Uint8Array(total), chosen = null;
    // Pairs of two syllables that must be held; the phrase can answer when they hold every such syllable.
    var required = pairs.filter(function (p) { return p.of.every(function (i) { return !terms[i].optional; }); });
    var covered = new Set();
    required.forEach(function (p) { p.of.forEach(function (i) { covered.add(i); }); });
    if ((wanted || SHOWN) <= SHOWN && required.length && covered.size === needed) {
      var pairShards = await shardsOf(pairs);
      pairs.forEach(function (t, i) { t.hits = hitsFor(pairShards[i], t, ties); t.idf = idfOf(t.hits, total); });
      chosen = phraseOnly(found, required, await numbered);
    }
    if (chosen) {
      var scores = new Float64Array(total);
      pairs.forEach(function (t) { chosen.forEach(function (d) { scores[d] += PAIR * t.idf * t.hits[d]; }); });
      found.results = best(chosen, function (a, b) { return scores[b] - scores[a] || ties[b] - ties[a] || a - b; },
        wanted || SHOWN).map(function (d) {
        return { doc: d, score: scores[d], number: 0, strong: 1, cover: 0, tie: ties[d] };
      });
      return found;
    }
    var all = terms.concat(pairs.filter(function (t) { return !t.hits; }));
    var shards = await shardsOf(all);
    var cover = new Float64Array(total), score = new Float64Array(total), count = new Uint16Array(total);
    var requiredIdf = 0;
    all.forEach(function (t, i) { t.hits = hitsFor(shards[i], t, ties); t.idf = idfOf(t.hits, total); });
    terms.concat(pairs).forEach(function (t) {
      var hits = t.hits;
      for (var doc = 0; doc < total; doc++) {
        if (!hits[doc]) continue;
        if (t.pair) score[doc] += PAIR * t.idf * hits[doc];
        else {
          score[doc] += t.idf * hits[doc];
          if (!t.optional && t.exactly[doc]) { cover[doc] += t.idf; count[doc] += 1; }
        }
      }
    });
    terms.forEach(function (t) { if (!t.optional) requiredIdf += t.idf; });
    var number = await numbered, most = 0, doc, strong = new Uint8Array(total);
    chosen = [];
    for (doc = 0; doc < total; doc++) {
      var full = count[doc] === needed;
      strong[doc] = full || needed >= 3 && cover[doc] >= STRONG * requiredIdf ? 1 : 0;
      if (full || number[doc]) chosen.push(doc);
      else if (count[doc] && cover[doc] > most) most = cover[doc];
    }
    if (chosen.length < SHOWN) {  // too few pages hold every word: then also those holding most of them
      found.partial = !chosen.length;
      for (doc = 0; doc < total; doc++) {
        if (count[doc] !== needed && !number[doc] && count[doc] && cover[doc] >= most / 2) chosen.push(doc);
      }
      found.partial = found.partial && chosen.length > 0;
    }
    found.count = chosen.length;
    var better = function (a, b) {
      return number[b] - number[a] || strong[b] - strong[a] || score[b] - score[a] || cover[b] - cover[a] ||
        ties[b] - ties[a] || a - b;
    };
    found.results = best(chosen, better, wanted || SHOWN).map(function (d) {
      return { doc: d, score: score[d], number: number[d], strong: strong[d], cover: cover[d], tie: ties[d] };
    });
    return found;
  }

  // The words of the query a result lacks, as typed (question words aside); runs of them joined.
  function missingWords(found, result) {
    var groups = [], run = [];
    found.tokens.concat([null]).forEach(function (t) {
      var term = t && found.terms[t.term];
      if (term && !term.optional && !term.exactly[result.doc]) { run.push(t.word); return; }
      if (run.length && groups.indexOf(run.join(" ")) < 0) groups.push(run.join(" "));
      run = [];
    });
    return groups;
  }

  // The excerpt from shortly before the first place where the most of the query's syllables stand together,
  // in order ("… công tác dân vận của …"), so the snippet shows the phrase, not a syllable of another word.
  function fromPhrase(excerpt, tokens) {
    if (tokens.length < 2) return excerpt;
    var words = [], re = /[\p{L}\p{N}\p{M}]+/gu, m, best = 1, at = -1;
    while ((m = re.exec(excerpt))) words.push({ start: m.index, folded: fold(lower(m[0].normalize("NFKC"))) });
    for (var p = 0; p < words.length; p++) {
      for (var i = 0; i < tokens.length; i++) {
        var k = 0;
        while (i + k < tokens.length && p + k < words.length && matches(tokens[i + k], words[p + k].folded)) k++;
        if (k > best) { best = k; at = words[p].start; }
      }
    }
    if (at < CONTEXT * 2) return excerpt;
    var space = excerpt.indexOf(" ", at - CONTEXT);
    return ELLIPSIS + " " + excerpt.slice(space >= 0 && space < at ? space + 1 : at);
  }

  // The words of `text` to mark for the query's `tokens`, as [{start, end, token}] in order: where the
  // text holds two or more of the query's syllables side by side, in order, only those runs ("dân vận", not
  // the "dân" of "nhân dân"); else every word matching a syllable. For the snippet's marks (the header's
  // box and the results page draw them through plan-search-box.js `hitRanges`).
  function phraseHits(text, tokens) {
    var words = [], re = /[\p{L}\p{N}\p{M}]+/gu, m, runs = [];
    while ((m = re.exec(text))) {
      var folded = fold(lower(m[0].normalize("NFKC")));
      words.push({ start: m.index, end: m.index + m[0].length, folded: folded,
        token: tokens.findIndex(function (t) { return matches(t, folded); }) });
    }
    for (var p = 0; p < words.length; p++) {
      for (var i = 0; i + 1 < tokens.length; i++) {
        var k = 0;
        while (i + k < tokens.length && p + k < words.length && matches(tokens[i + k], words[p + k].folded)) k++;
        if (k > 1) {
          for (var j = 0; j < k; j++) runs[p + j] = i + j;
          break;
        }
      }
    }
    var inRuns = runs.some(function (r) { return r !== undefined; });
    return words.map(function (w, n) {
      return { start: w.start, end: w.end, token: inRuns ? runs[n] : w.token };
    }).filter(function (w) { return w.token !== undefined && w.token >= 0; });
  }

  async function details(found, result) {  // what a result shows: {url, title, kind, excerpt, missing}
    var shown = await page(result.doc);
    shown.excerpt = fromPhrase(shown.excerpt, found.tokens);
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
    load: load, search: search, details: details, first: first, missingWords: missingWords, phraseHits: phraseHits
  };
})();

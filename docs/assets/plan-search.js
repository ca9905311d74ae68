/* Site search over the sharded index written by hooks/plansite/search/index.py: the header's box (a
 * WAI-ARIA combobox, overrides/partials/plan-search.html) and the results page (docs/tim-kiem.md).
 * The tokenizer below implements the rule of hooks/plansite/search/tokenize.py (its docstring
 * explains it step by step); tests/tokenizer_cases.yaml holds that rule as a table of cases and
 * tests/test_tokenizer.py runs every case through both, this script via window.planSearchTokenize.
 * In short: NFKC, words are runs of letters/digits; a folded form (lower case, ß→ss, ς→σ, đ→d,
 * no marks) to match, an exact form (tone mark moved to the end of the word) to rank matches
 * typed with diacritics first, and the shard name = first two code points of the folded form.
 * Ranking (see `search`): pages holding every word, else the pages holding most of them (rarer words,
 * by idf, count more) with the words left out said; then, among the best RERANK, words written side by
 * side in the query's order (title or excerpt) lift a page. Only files of this site are loaded (from
 * file://, as scripts: hooks/plansite/search/scripts.py); everything is written with DOM methods and
 * textContent, never as HTML. */
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
  var resultsPath = root.getAttribute("data-ps-results") || "tim-kiem/";
  var FROM_FILE = window.location.protocol === "file:";  // no fetch() there: the index as scripts
  var SHOWN = 10;   // results in the header's list, and per page of the results page
  var RERANK = 10;  // the best candidates checked for words side by side: the first page, whose excerpts
                    // the snippets need anyway (20 would fetch ten more before the first answer)
  var PHRASE = 0.5; // each further query word in an unbroken run, in order, adds half the score
  var KINDS = ["nhiem-vu", "co-quan", "van-ban", "ke-hoach", "phu-luc", "danh-muc", "trang"];
  var cache = {}, waiting = {}, chunkSize = 200;

  // --- the index files: "meta", "t/<shard>", "d/<chunk>", "x/<doc>", "plans" (null when missing) ---
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
  function row(doc) {  // after search() has read meta (chunkSize), so the chunk is asked for at once
    return load("d/" + Math.floor(doc / chunkSize)).then(function (docs) {
      var d = (docs && docs[doc % chunkSize]) || ["", "", ""];
      return { url: d[0], title: d[1], kind: d[2] };
    });
  }
  function excerpt(doc) {
    return load("x/" + doc).then(function (text) { return typeof text === "string" ? text : ""; });
  }

  // --- ranking ---
  function hitsFor(shard, token) {
    var hits = new Map();
    var keys = token.prefix ? Object.keys(shard).filter(function (k) { return k.indexOf(token.folded) === 0; })
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

  function matches(token, folded) {
    return folded === token.folded || (token.prefix && folded.indexOf(token.folded) === 0);
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

  // {tokens, terms, results: [{doc, cover, score, has}], partial}. Every word of the query is a term
  // (once); a term's hits are scored by its weight times its idf. The pages holding every term are the
  // results; when none does, those covering at least half the idf of the best one ("partial").
  async function search(query) {
    var tokens = tokenize(query), terms = [], byKey = {};
    tokens.forEach(function (t, i) {
      t.prefix = i === tokens.length - 1 && Array.from(t.folded).length >= 2;  // the word being typed
      var key = t.folded + "\u0000" + t.exact;
      if (!byKey[key]) terms.push(byKey[key] = { folded: t.folded, exact: t.exact, shard: t.shard, word: t.word });
      byKey[key].prefix = byKey[key].prefix || t.prefix;
      t.term = terms.indexOf(byKey[key]);
    });
    var found = { tokens: tokens, terms: terms, results: [], partial: false };
    if (!terms.length) return found;
    var meta = (await load("meta")) || {}, names = new Set(meta.shards || []), total = meta.docs || 1;
    chunkSize = meta.chunk || 200;
    var numbers = tokens.length > 1 ? numberPostings(tokens, names) : Promise.resolve([]);  // meanwhile
    var shards = await Promise.all(terms.map(function (t) { return names.has(t.shard) ? load("t/" + t.shard) : null; }));
    var scores = new Map();
    terms.forEach(function (term, i) {
      var hits = hitsFor(shards[i] || {}, term);
      term.idf = hits.size ? Math.log(1 + total / hits.size) : 0;
      hits.forEach(function (weight, doc) {
        var s = scores.get(doc) || { doc: doc, cover: 0, score: 0, count: 0, has: [] };
        s.cover += term.idf; s.score += term.idf * weight; s.count += 1; s.has[i] = true;
        scores.set(doc, s);
      });
    });
    var all = Array.from(scores.values());
    var results = all.filter(function (s) { return s.count === terms.length; });
    if (!results.length && all.length) {
      var best = all.reduce(function (m, s) { return Math.max(m, s.cover); }, 0);
      results = all.filter(function (s) { return s.cover >= best / 2; });
      found.partial = true;
    }
    var byDoc = new Map(results.map(function (s) { return [s.doc, s]; }));
    (await numbers).forEach(function (posting) {
      if (byDoc.has(posting[0])) byDoc.get(posting[0]).score += posting[1];
    });
    results.sort(byScore);
    if (tokens.length > 1) {
      var top = results.slice(0, RERANK);
      var rows = top.map(function (s) { return row(s.doc); });  // the document chunks first: fewer, needed by all
      var texts = await Promise.all(top.map(function (s, i) { return Promise.all([rows[i], excerpt(s.doc)]); }));
      top.forEach(function (s, i) {
        var run = Math.max(longestRun(tokens, texts[i][0].title), longestRun(tokens, texts[i][1]));
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
  async function numberPostings(tokens, names) {
    var key = "~" + tokens.map(function (t) { return t.folded; }).sort().join("");
    var name = Array.from(key).slice(0, 2).join("");
    var variants = (names.has(name) && ((await load("t/" + name)) || {})[key]) || {};
    return [].concat.apply([], Object.keys(variants).map(function (v) { return variants[v]; }));
  }

  // The words of the query a result lacks, as typed; runs of them joined ("ai phụ trách, trên").
  function missingWords(found, result) {
    var groups = [], run = [];
    found.tokens.concat([null]).forEach(function (t) {
      if (t && !result.has[t.term]) { run.push(t.word); return; }
      if (run.length && groups.indexOf(run.join(" ")) < 0) groups.push(run.join(" "));
      run = [];
    });
    return groups;
  }

  async function details(found, result) {
    var got = await Promise.all([row(result.doc), excerpt(result.doc)]);
    var r = got[0];
    return { url: r.url, title: r.title, kind: r.kind, excerpt: got[1], missing: missingWords(found, result) };
  }

  // --- snippets: the query's words marked (<mark>) in a title, or in a window of an excerpt ---
  function hitRanges(text, tokens) {
    var words = [], re = /[\p{L}\p{N}\p{M}]+/gu, m;
    while ((m = re.exec(text))) {
      var lowered = lower(m[0].normalize("NFKC"));
      words.push({ start: m.index, end: m.index + m[0].length, folded: fold(lowered), exact: exact(lowered) });
    }
    var strict = tokens.map(function (t) {  // typed with diacritics and written so here: only that form
      return t.exact !== t.folded && words.some(function (w) { return w.exact === t.exact; });
    });
    return words.filter(function (w) {
      w.token = tokens.findIndex(function (t, i) { return matches(t, w.folded) && (!strict[i] || w.exact === t.exact); });
      return w.token >= 0;
    });
  }

  function appendMarked(parent, text, tokens, from, to) {
    from = from || 0;
    to = to === undefined ? text.length : to;
    var at = from;
    hitRanges(text, tokens).forEach(function (h) {
      if (h.start < from || h.end > to) return;
      parent.appendChild(document.createTextNode(text.slice(at, h.start)));
      parent.appendChild(el("mark", null, text.slice(h.start, h.end)));
      at = h.end;
    });
    parent.appendChild(document.createTextNode(text.slice(at, to)));
  }

  function appendSnippet(parent, text, tokens, size) {
    var hits = hitRanges(text, tokens), from = 0, most = 0, before = 40;  // `before`: context ahead of a word
    hits.forEach(function (h, i) {  // the window holding the most different query words, earliest first
      var seen = new Set();
      for (var j = i; j < hits.length && hits[j].end <= h.start + size - before; j++) seen.add(tokens[hits[j].token].folded);
      if (seen.size > most) { most = seen.size; from = h.start; }
    });
    if (from > before) {
      var space = text.indexOf(" ", from - before);
      from = space >= 0 && space < from ? space + 1 : from - before;
    } else {
      from = 0;
    }
    var to = Math.min(text.length, from + size);
    if (to < text.length && text.lastIndexOf(" ", to) > from) to = text.lastIndexOf(" ", to);
    if (from > 0) parent.appendChild(document.createTextNode("… "));
    appendMarked(parent, text, tokens, from, to);
    if (to < text.length) parent.appendChild(document.createTextNode(" …"));
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = text;
    return node;
  }

  function resultLink(r, tokens) {
    var a = el("a", "ps-result");
    a.href = new URL(r.url, base).href;
    a.appendChild(el("span", "ps-result__kind", r.kind));
    var title = el("span", "ps-result__title");
    appendMarked(title, r.title, tokens);
    a.appendChild(title);
    return a;
  }

  function appendAbout(parent, r, tokens, tag) {  // the snippet and the words a result lacks
    if (r.excerpt) appendSnippet(parent.appendChild(el(tag, "ps-result__snippet")), r.excerpt, tokens, 180);
    if (r.missing.length) parent.appendChild(el(tag, "ps-result__missing", "Thiếu: " + r.missing.join(", ")));
  }

  function leftOut(found) {
    return "Không trang nào có đủ các từ đã gõ; đây là các trang có nhiều từ nhất. Không tìm thấy: " +
      missingWords(found, found.results[0]).join(", ") + ".";
  }

  function resultsUrl(params) {
    var url = new URL(resultsPath, base);
    url.search = new URLSearchParams(params).toString();
    return url.href;
  }

  // --- the header's box: a combobox (WAI-ARIA 1.2) with a listbox of results and a live region ---
  var input = root.querySelector(".ps-search__input");
  var popup = root.querySelector(".ps-search__results");
  var listbox = root.querySelector(".ps-search__listbox");
  var status = root.querySelector(".ps-search__status");
  var active = -1, pending = 0;

  function options() { return Array.from(listbox.querySelectorAll("[role=option]")); }

  function setActive(i) {
    active = i;
    options().forEach(function (o, j) {
      o.setAttribute("aria-selected", j === i ? "true" : "false");
      o.classList.toggle("ps-result--active", j === i);
      if (j === i) { input.setAttribute("aria-activedescendant", o.id); o.scrollIntoView({ block: "nearest" }); }
    });
    if (i < 0) input.removeAttribute("aria-activedescendant");
  }

  function setOpen(open) {
    popup.hidden = !open;
    input.setAttribute("aria-expanded", open && options().length ? "true" : "false");
    setActive(-1);
  }

  function show(found, shown, query) {
    Array.from(popup.children).forEach(function (c) { if (c !== listbox) c.remove(); });
    listbox.textContent = "";
    popup.setAttribute("data-ps-query", query);  // the query these results answer (tests wait for it)
    if (!query.trim()) { status.textContent = ""; setOpen(false); return; }
    var n = found.results.length;
    if (!n) {
      popup.insertBefore(el("p", "ps-search__note ps-search__empty", "Không tìm thấy kết quả cho “" + query + "”."), listbox);
    } else if (found.partial) {
      popup.insertBefore(el("p", "ps-search__note", leftOut(found)), listbox);
    }
    shown.forEach(function (r, i) {
      var option = resultLink(r, found.tokens);
      option.id = "ps-search-option-" + i;
      option.setAttribute("role", "option");
      option.tabIndex = -1;
      appendAbout(option, r, found.tokens, "span");
      listbox.appendChild(option);
    });
    if (n) {
      var more = el("p", "ps-search__more");
      more.appendChild(el("a", null, "Xem tất cả " + n + " kết quả")).href = resultsUrl({ q: query });
      popup.appendChild(more);
    }
    status.textContent = !n ? "Không tìm thấy kết quả." : n + (found.partial ? " kết quả có một phần các từ." : " kết quả.") +
      " Mũi tên xuống để chọn, Enter để xem tất cả.";
    setOpen(true);
  }

  async function searchShown(query) {
    var found = await search(query);
    var shown = await Promise.all(found.results.slice(0, SHOWN).map(function (r) { return details(found, r); }));
    return { found: found, shown: shown };
  }

  input.addEventListener("input", function () {
    var query = input.value, ticket = ++pending;
    searchShown(query).then(function (got) { if (ticket === pending) show(got.found, got.shown, query); });
  });
  input.addEventListener("keydown", function (event) {
    if (event.isComposing) return;  // Enter or an arrow that ends a Vietnamese input method's composition
    var count = options().length;
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      if (popup.hidden) { if (input.value.trim()) setOpen(true); return; }
      if (count) setActive(event.key === "ArrowDown" ? (active + 1) % count : (active <= 0 ? count : active) - 1);
    } else if (event.key === "Enter") {
      event.preventDefault();
      if (!popup.hidden && active >= 0 && options()[active]) window.location.href = options()[active].href;
      else if (input.value.trim()) window.location.href = resultsUrl({ q: input.value.trim() });
    } else if (event.key === "Escape") {
      if (!popup.hidden) setOpen(false); else input.value = "";
    }
  });
  root.addEventListener("submit", function (event) {  // the form's own submit (a button, or no keydown)
    event.preventDefault();
    if (input.value.trim()) window.location.href = resultsUrl({ q: input.value.trim() });
  });
  root.addEventListener("focusout", function (event) {
    if (!root.contains(event.relatedTarget)) setOpen(false);
  });
  window.planSearch = function (query) {  // used by tests and the benchmark: the first results
    return searchShown(query).then(function (got) { return got.shown; });
  };

  // --- the results page (docs/tim-kiem.md): ?q=…&loai=…&ke-hoach=…&trang=… ---
  function slug(label) {
    return fold(lower(label)).replace(/[^\p{L}\p{N}]+/gu, "-").replace(/^-|-$/g, "");
  }
  function planOf(url) {
    var m = /^ke-hoach\/([^/]+)\//.exec(url);
    return m ? decodeURIComponent(m[1]) : "";
  }
  function kindOrder(a, b) {
    var i = KINDS.indexOf(a.key), j = KINDS.indexOf(b.key);
    return (i < 0 ? KINDS.length : i) - (j < 0 ? KINDS.length : j) || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0);
  }

  function facet(nav, name, items, field, chosen, label, params, order) {
    var counts = new Map();
    items.forEach(function (it) {
      if (!it[field]) return;
      var c = counts.get(it[field]) || counts.set(it[field], { key: it[field], label: label(it), n: 0 }).get(it[field]);
      c.n += 1;
    });
    if (!counts.size) return;
    var group = nav.appendChild(el("div", "ps-results__facet"));
    group.appendChild(el("span", "ps-results__facet-name", name));
    var list = group.appendChild(el("ul"));
    [{ key: "", label: "Tất cả", n: items.length }].concat(Array.from(counts.values()).sort(order)).forEach(function (c) {
      var a = list.appendChild(el("li")).appendChild(el("a", null, c.label + " (" + c.n + ")"));
      var next = Object.assign({}, params, { trang: "" });
      next[field === "kind" ? "loai" : "ke-hoach"] = c.key;
      a.href = pageHref(next);
      if (c.key === chosen) a.setAttribute("aria-current", "true");
    });
  }

  function pageHref(params) {
    var search = new URLSearchParams();
    ["q", "loai", "ke-hoach", "trang"].forEach(function (k) { if (params[k]) search.set(k, params[k]); });
    return "?" + search.toString();
  }

  async function resultsPage(box) {
    var url = new URLSearchParams(window.location.search);
    var params = { q: (url.get("q") || "").trim(), loai: url.get("loai") || "", "ke-hoach": url.get("ke-hoach") || "" };
    var field = box.querySelector("input[name=q]"), count = box.querySelector(".ps-results__count");
    if (field) field.value = params.q;
    input.value = params.q;
    if (!params.q) { count.textContent = "Gõ từ cần tìm vào ô trên rồi bấm Tìm."; return; }
    document.title = params.q + " – " + document.title;
    var found = await search(params.q);
    var rows = await Promise.all(found.results.map(function (r) { return row(r.doc); }));
    var plans = found.results.length ? ((await load("plans")) || {}) : {};
    var items = found.results.map(function (r, i) {
      return { result: r, kind: slug(rows[i].kind), kindLabel: rows[i].kind, plan: planOf(rows[i].url) };
    });
    var inPlan = items.filter(function (it) { return !params["ke-hoach"] || it.plan === params["ke-hoach"]; });
    var ofKind = items.filter(function (it) { return !params.loai || it.kind === params.loai; });
    var chosen = inPlan.filter(function (it) { return !params.loai || it.kind === params.loai; });
    var pages = Math.max(1, Math.ceil(chosen.length / SHOWN));
    var page = Math.min(pages, Math.max(1, parseInt(url.get("trang"), 10) || 1));
    var shown = await Promise.all(chosen.slice((page - 1) * SHOWN, page * SHOWN).map(function (it) {
      return details(found, it.result);
    }));
    if (found.partial) box.appendChild(el("p", "ps-results__left-out", leftOut(found)));
    var nav = el("nav", "ps-results__filters");
    nav.setAttribute("aria-label", "Lọc kết quả");
    facet(nav, "Loại trang:", inPlan, "kind", params.loai, function (it) { return it.kindLabel; }, params, kindOrder);
    facet(nav, "Kế hoạch:", ofKind, "plan", params["ke-hoach"], function (it) { return plans[it.plan] || it.plan; },
      params, function (a, b) { return b.n - a.n || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0); });
    if (nav.children.length) box.appendChild(nav);
    var list = box.appendChild(el("ol", "ps-results__list"));
    list.start = (page - 1) * SHOWN + 1;
    shown.forEach(function (r) {
      var item = list.appendChild(el("li", "ps-results__item"));
      item.appendChild(resultLink(r, found.tokens));
      appendAbout(item, r, found.tokens, "p");
    });
    if (pages > 1) pager(box, params, page, pages);
    count.textContent = (chosen.length ? chosen.length + " kết quả cho “" + params.q + "”" : "Không tìm thấy kết quả cho “" +
      params.q + "”") + (items.length > chosen.length ? " (đã lọc, trong " + items.length + ")" : "") +
      (pages > 1 ? "; trang " + page + "/" + pages : "") + ".";  // last: the status line speaks once, when all is shown
  }

  function pager(box, params, page, pages) {
    var nav = box.appendChild(el("nav", "ps-results__pager"));
    nav.setAttribute("aria-label", "Các trang kết quả");
    var list = nav.appendChild(el("ul"));
    function add(n, text, rel) {
      var a = list.appendChild(el("li")).appendChild(el("a", null, text));
      a.href = pageHref(Object.assign({}, params, { trang: n > 1 ? String(n) : "" }));
      if (rel) a.rel = rel;
      if (n === page && !rel) a.setAttribute("aria-current", "page");
    }
    if (page > 1) add(page - 1, "‹ Trang trước", "prev");
    for (var n = 1; n <= pages; n++) {  // the first, the last and two either side of this one; "…" between
      if (n === 1 || n === pages || Math.abs(n - page) <= 2) add(n, String(n));
      else if (n === 2 || n === pages - 1) list.appendChild(el("li", null, "…"));
    }
    if (page < pages) add(page + 1, "Trang sau ›", "next");
  }

  var resultsBox = document.getElementById("ps-results");
  if (resultsBox) resultsPage(resultsBox);
})();

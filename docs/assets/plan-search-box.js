/* Site search, part 2 of 3: how a result is shown (its title and a snippet with the query's words
 * marked; shared with the results page, plan-search-page.js) and the header's box, a WAI-ARIA 1.2
 * combobox (overrides/partials/plan-search.html) with a listbox of results and a live region. Finding
 * is plan-search.js (window.planSearchCore). Everything is written with DOM methods and textContent,
 * never as HTML: titles and excerpts come from the plan data. */
(function () {
  "use strict";
  var core = window.planSearchCore;
  if (!core) return;
  var resultsPath = core.root.getAttribute("data-ps-results") || "tim-kiem/";

  // --- snippets: the query's words marked (<mark>) in a title, or in a window of an excerpt ---
  function hitRanges(text, tokens) {
    var words = [], re = /[\p{L}\p{N}\p{M}]+/gu, m;
    while ((m = re.exec(text))) {
      var lowered = core.lower(m[0].normalize("NFKC"));
      words.push({ start: m.index, end: m.index + m[0].length, folded: core.fold(lowered), exact: core.exact(lowered) });
    }
    var strict = tokens.map(function (t) {  // typed with diacritics and written so here: only that form
      return t.exact !== t.folded && words.some(function (w) { return w.exact === t.exact; });
    });
    var hits = words.filter(function (w) {
      w.token = tokens.findIndex(function (t, i) { return core.matches(t, w.folded) && (!strict[i] || w.exact === t.exact); });
      return w.token >= 0;
    });
    // Where the query's syllables stand side by side, in order, only those runs are marked ("dân vận", not
    // the "dân" of "nhân dân"): core.phraseHits says which words; the strict rule above still applies.
    var inPhrase = new Set(core.phraseHits(text, tokens).map(function (h) { return h.start; }));
    var phrased = hits.filter(function (h) { return inPhrase.has(h.start); });
    return phrased.length ? phrased : hits;
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
    a.href = new URL(r.url, core.base).href;
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
      core.missingWords(found, found.results[0]).join(", ") + ".";
  }

  function resultsUrl(params) {
    var url = new URL(resultsPath, core.base);
    url.search = new URLSearchParams(params).toString();
    return url.href;
  }
  core.view = { el: el, resultLink: resultLink, appendAbout: appendAbout, leftOut: leftOut };

  // --- the header's box: a combobox (WAI-ARIA 1.2) with a listbox of results and a live region ---
  // The combobox's parts are made here (overrides/partials/plan-search.html writes the form alone: without
  // JavaScript it is a plain form to the results page, and each page is 0.35 KB lighter): the input's roles,
  // the popup with its listbox, and the live region. A page that already has them (a test's shell) keeps them.
  var root = core.root;
  var input = root.querySelector(".ps-search__input");
  var popup = root.querySelector(".ps-search__results");
  if (!popup) {
    popup = el("div", "ps-search__results");
    popup.id = "ps-search-results";
    popup.hidden = true;
    var made = popup.appendChild(el("div", "ps-search__listbox"));
    made.id = "ps-search-listbox";
    made.setAttribute("role", "listbox");
    made.setAttribute("aria-label", "Kết quả tìm kiếm");
    var live = el("div", "ps-search__status");
    live.id = "ps-search-status";
    live.setAttribute("role", "status");
    root.appendChild(popup);
    root.appendChild(live);
  }
  var listbox = root.querySelector(".ps-search__listbox");
  var status = root.querySelector(".ps-search__status");
  input.setAttribute("role", "combobox");
  input.setAttribute("aria-autocomplete", "list");
  input.setAttribute("aria-expanded", "false");
  if (listbox.id) input.setAttribute("aria-controls", listbox.id);
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
    var n = found.count;
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
      // found.phrase: n counts the pages holding the whole phrase; the results page also lists those holding
      // its words apart, so the link promises no number.
      more.appendChild(el("a", null, found.phrase ? "Xem tất cả kết quả" : "Xem tất cả " + n + " kết quả")).href =
        resultsUrl({ q: query });
      popup.appendChild(more);
    }
    status.textContent = !n ? "Không tìm thấy kết quả." : n + (found.partial ? " kết quả có một phần các từ." :
      found.phrase ? " trang có cả cụm từ." : " kết quả.") +
      " Mũi tên xuống để chọn, Enter để xem tất cả.";
    setOpen(true);
  }

  input.addEventListener("focus", function () { core.load("meta"); });  // the manifest, while a word is typed
  input.addEventListener("input", function () {
    var query = input.value, ticket = ++pending;
    core.first(query).then(function (got) { if (ticket === pending) show(got.found, got.shown, query); });
  });
  input.addEventListener("keydown", function (event) {
    if (event.isComposing) return;  // Enter or an arrow that ends a Vietnamese input method's composition
    var count = options().length;
    // WAI-ARIA APG combobox: focus stays in the input; the arrows move the active option, and past either end
    // of the list they come back to the input (-1): Up from the first option returns to the typed text.
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      if (popup.hidden) { if (input.value.trim()) setOpen(true); return; }
      if (!count) return;
      if (event.key === "ArrowDown") setActive(active + 1 < count ? active + 1 : -1);
      else setActive(active < 0 ? count - 1 : active - 1);
    } else if (event.key === "Home" || event.key === "End") {  // the caret to the start or end of the input
      event.preventDefault();
      var at = event.key === "Home" ? 0 : input.value.length;
      input.setSelectionRange(at, at);
      setActive(-1);
    } else if ((event.key === "ArrowLeft" || event.key === "ArrowRight") && active >= 0) {
      setActive(-1);  // back to editing the text; the caret moves as usual
    } else if (event.key === "Enter") {
      event.preventDefault();
      if (!popup.hidden && active >= 0 && options()[active]) window.location.href = options()[active].href;
      else if (input.value.trim()) window.location.href = resultsUrl({ q: input.value.trim() });
    } else if (event.key === "Escape") {  // first closes the list, then clears the text
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
})();

/* Site search, part 3 of 3: the results page (docs/tim-kiem.md), /tim-kiem/?q=…&loai=…&ke-hoach=…&trang=…
 * The count, the filters by kind of page and by plan (their counts come from search/facets.json: the
 * kind and plan of every page as runs, so no page's own file is fetched for them), and the pages of ten
 * results. Loaded on every page (Material's extra_javascript) and does nothing where there is no
 * #ps-results. Finding is plan-search.js, showing a result plan-search-box.js (window.planSearchCore). */
(function () {
  "use strict";
  var core = window.planSearchCore, box = document.getElementById("ps-results");
  if (!core || !core.view || !box) return;
  var view = core.view, el = view.el, SHOWN = core.SHOWN;
  var KINDS = ["nhiem-vu", "co-quan", "van-ban", "ke-hoach", "phu-luc", "danh-muc", "trang"];

  function slug(label) {
    return core.fold(core.lower(label)).replace(/[^\p{L}\p{N}]+/gu, "-").replace(/^-|-$/g, "");
  }
  function byLabel(a, b) { return a.label < b.label ? -1 : a.label > b.label ? 1 : 0; }
  function kindOrder(a, b) {
    var i = KINDS.indexOf(a.key), j = KINDS.indexOf(b.key);
    return (i < 0 ? KINDS.length : i) - (j < 0 ? KINDS.length : j) || byLabel(a, b);
  }

  // The kind label and the plan id of every page, from the runs of facets.json.
  async function facetsOf() {
    var f = (await core.load("facets")) || {}, kinds = f.kinds || [], plans = f.plans || [], runs = f.runs || [];
    var kind = [], plan = [];
    for (var i = 0; i + 2 < runs.length; i += 3) {
      for (var n = 0; n < runs[i]; n++) { kind.push(kinds[runs[i + 1]] || ""); plan.push(plans[runs[i + 2]] || ""); }
    }
    return { kind: kind, plan: plan };
  }

  function pageHref(params) {
    var search = new URLSearchParams();
    ["q", "loai", "ke-hoach", "trang"].forEach(function (k) { if (params[k]) search.set(k, params[k]); });
    return "?" + search.toString();
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

  function pager(params, page, pages) {
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

  async function resultsPage() {
    var url = new URLSearchParams(window.location.search);
    var params = { q: (url.get("q") || "").trim(), loai: url.get("loai") || "", "ke-hoach": url.get("ke-hoach") || "" };
    var field = box.querySelector("input[name=q]"), count = box.querySelector(".ps-results__count");
    var header = core.root.querySelector(".ps-search__input");
    if (field) field.value = params.q;
    if (header) header.value = params.q;
    if (!params.q) { count.textContent = "Gõ từ cần tìm vào ô trên rồi bấm Tìm."; return; }
    document.title = params.q + " – " + document.title;
    var found = await core.search(params.q, Infinity);  // every result: the filters count them all
    var any = found.results.length > 0;
    var got = await Promise.all([any ? facetsOf() : { kind: [], plan: [] }, any ? core.load("plans") : {}]);
    var facets = got[0], plans = got[1] || {};
    var items = found.results.map(function (r) {
      var label = facets.kind[r.doc] || "";
      return { result: r, kind: slug(label), kindLabel: label, plan: facets.plan[r.doc] || "" };
    });
    var inPlan = items.filter(function (it) { return !params["ke-hoach"] || it.plan === params["ke-hoach"]; });
    var ofKind = items.filter(function (it) { return !params.loai || it.kind === params.loai; });
    var chosen = inPlan.filter(function (it) { return !params.loai || it.kind === params.loai; });
    var pages = Math.max(1, Math.ceil(chosen.length / SHOWN));
    var page = Math.min(pages, Math.max(1, parseInt(url.get("trang"), 10) || 1));
    var shown = await Promise.all(chosen.slice((page - 1) * SHOWN, page * SHOWN).map(function (it) {
      return core.details(found, it.result);
    }));
    if (found.partial) box.appendChild(el("p", "ps-results__left-out", view.leftOut(found)));
    var nav = el("nav", "ps-results__filters");
    nav.setAttribute("aria-label", "Lọc kết quả");
    facet(nav, "Loại trang:", inPlan, "kind", params.loai, function (it) { return it.kindLabel; }, params, kindOrder);
    facet(nav, "Kế hoạch:", ofKind, "plan", params["ke-hoach"], function (it) { return plans[it.plan] || it.plan; },
      params, function (a, b) { return b.n - a.n || byLabel(a, b); });
    if (nav.children.length) box.appendChild(nav);
    var list = box.appendChild(el("ol", "ps-results__list"));
    list.start = (page - 1) * SHOWN + 1;
    shown.forEach(function (r) {
      var item = list.appendChild(el("li", "ps-results__item"));
      item.appendChild(view.resultLink(r, found.tokens));
      view.appendAbout(item, r, found.tokens, "p");
    });
    if (pages > 1) pager(params, page, pages);
    count.textContent = (chosen.length ? chosen.length + " kết quả cho “" + params.q + "”" : "Không tìm thấy kết quả cho “" +
      params.q + "”") + (items.length > chosen.length ? " (đã lọc, trong " + items.length + ")" : "") +
      (pages > 1 ? "; trang " + page + "/" + pages : "") + ".";  // last: the status line speaks once, when all is shown
  }

  resultsPage();
})();

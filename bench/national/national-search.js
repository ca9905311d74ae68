/* A national search without a server: national.json lists the provinces' sites; each province's own
 * search (assets/plan-search.js, the same script every province publishes) runs against that province's
 * index files, and the answers are merged here. plan-search.js reads its site's address from the first
 * element of class "ps-search" when it runs, so it is run once per province, each time with one such
 * element naming that province (a script URL of its own makes the browser run it again); each run keeps
 * its own address, loaded files and manifest. Ranking across provinces: a number naming the page, then
 * pages holding every word, then the relevance score (BM25 within each province: comparable in kind, not
 * exactly, since each province counts its own pages). Text from the index is set as text, never as markup. */
(function () {
  "use strict";
  var SHOWN = 10;
  var form = document.getElementById("ns-form"), input = document.getElementById("ns-query");
  var statusLine = document.getElementById("ns-status"), counts = document.getElementById("ns-counts");
  var list = document.getElementById("ns-results");
  var ready = null;

  function runCore(province) {  // province's search core (window.planSearchCore of one run of plan-search.js)
    return new Promise(function (resolve, reject) {
      var root = document.createElement("div");
      root.className = "ps-search";
      root.hidden = true;
      root.setAttribute("data-ps-base", new URL(province.base, window.location.href).href.replace(/\/$/, ""));
      document.body.appendChild(root);
      var script = document.createElement("script");
      script.src = "assets/plan-search.js?tinh=" + encodeURIComponent(province.id);
      script.onload = function () {
        root.remove();
        resolve({ province: province, core: window.planSearchCore });
      };
      script.onerror = function () { root.remove(); reject(new Error(province.id)); };
      document.head.appendChild(script);
    });
  }

  async function provinces() {
    var manifest = await (await fetch("national.json")).json(), cores = [];
    for (var i = 0; i < manifest.provinces.length; i++) cores.push(await runCore(manifest.provinces[i]));
    return cores;  // one after another: each run must find only its own "ps-search" element
  }

  async function searchAll(query) {
    ready = ready || provinces();
    var cores = await ready;
    var answers = await Promise.all(cores.map(async function (c, order) {
      var found = await c.core.search(query, SHOWN);
      return { province: c.province, core: c.core, order: order, found: found };
    }));
    var merged = [];
    answers.forEach(function (a) {
      a.found.results.forEach(function (r) { merged.push({ answer: a, result: r }); });
    });
    merged.sort(function (x, y) {
      var a = x.result, b = y.result;
      return b.number - a.number || b.strong - a.strong || b.score - a.score || x.answer.order - y.answer.order ||
        a.doc - b.doc;
    });
    var top = merged.slice(0, SHOWN);
    var shown = await Promise.all(top.map(async function (m) {
      var d = await m.answer.core.details(m.answer.found, m.result);
      return { province: m.answer.province, url: new URL(d.url, m.answer.core.base).href, title: d.title,
               excerpt: d.excerpt };
    }));
    return { answers: answers, shown: shown };
  }

  async function run(query) {
    statusLine.textContent = "Đang tìm…";
    var got = await searchAll(query);
    counts.replaceChildren.apply(counts, got.answers.map(function (a) {
      var li = document.createElement("li");
      li.textContent = a.province.name + ": " + a.found.count + " kết quả";
      return li;
    }));
    list.replaceChildren.apply(list, got.shown.map(function (s) {
      var li = document.createElement("li"), link = document.createElement("a"), where = document.createElement("div");
      link.href = s.url;
      link.textContent = s.title;
      where.className = "ns-where";
      where.textContent = s.province.name;
      li.setAttribute("data-ns-province", s.province.id);
      li.append(link, where, document.createTextNode(s.excerpt));
      return li;
    }));
    statusLine.textContent = got.shown.length ? "Kết quả cho “" + query + "” trong " + got.answers.length + " tỉnh"
      : "Không tìm thấy kết quả cho “" + query + "”";
    list.setAttribute("data-ns-query", query);
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    if (input.value.trim()) run(input.value.trim());
  });
})();

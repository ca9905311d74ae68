/* Filters for a plan's appendix (Phụ lục) and for lists of tasks, agencies and documents
 * (hooks/plansite/site/facets.py, render_appendix.py, parts.py). Each `.ps-facets` box names its table or
 * list (data-table) and its JSON blob of labels (data-blob; the Phụ lục's is #ps-facets).
 * Without this script the page is the whole table or list. With it: one labelled <select> per facet (for
 * tasks: lead agency, cited document, timing kind, form of outreach, status) in a panel that opens and
 * closes (the Phụ lục's is open on a wide screen), built from the blob (each facet's options as
 * [id, label] pairs) and the rows' or items' data-* attributes (the positions of their values in those
 * options, "0 3"); rows that do not match every chosen value are hidden. On paper a line says
 * which filter is on. The choice is kept in the address (?chu-tri=…&tinh-trang=…; a list's words carry
 * its prefix, "phoi-hop.tinh-trang=…", when a page has several), so a filtered view can be shared and is
 * restored on load; a live region says how many are shown. Every text is set with textContent or
 * new Option, never as HTML. */
(function () {
  "use strict";
  Array.prototype.forEach.call(document.querySelectorAll(".ps-facets"), function (box) {
    var blob = document.getElementById(box.getAttribute("data-blob") || "ps-facets");
    var target = document.getElementById(box.getAttribute("data-table"));
    if (blob && target) filters(box, blob, target);
  });

function filters(box, blob, target) {
  var isTable = target.tagName === "TABLE";
  if (isTable && !target.tBodies.length) return;
  var data;
  try { data = JSON.parse(blob.textContent); } catch (e) { return; }
  var rows = Array.prototype.slice.call(isTable ? target.tBodies[0].rows : target.children);
  var noun = data.noun || "nhiệm vụ";
  var table = target;
  var facets = (data.facets || []).filter(function (f) { return f.options && f.options.length; });
  if (!facets.length) return;

  function ids(row, facet) {  // the option ids of a row for a facet, from their positions
    return (row.getAttribute("data-" + facet.key) || "").split(" ").filter(Boolean).map(function (n) {
      return (facet.options[n] || [])[0];
    });
  }

  function el(tag, props, children) {
    var node = document.createElement(tag);
    Object.keys(props || {}).forEach(function (k) {
      if (k === "text") node.textContent = props[k];
      else node.setAttribute(k, props[k]);
    });
    (children || []).forEach(function (c) { node.appendChild(c); });
    return node;
  }

  var selects = {};
  var fields = facets.map(function (facet) {
    var id = isTable && target.id === "ps-appendix" ? "ps-facet-" + facet.key : target.id + "-" + facet.key;
    var select = el("select", { id: id, name: facet.param });
    select.appendChild(new Option("Tất cả", ""));
    facet.options.forEach(function (o) {
      var count = rows.filter(function (r) { return ids(r, facet).indexOf(o[0]) >= 0; }).length;
      select.appendChild(new Option(o[1] + " (" + count + ")", o[0]));
    });
    select.addEventListener("change", function () { apply(true); });
    selects[facet.key] = select;
    return el("div", { "class": "ps-facets__field" }, [el("label", { "for": id, text: facet.label }), select]);
  });
  var reset = el("button", { type: "button", "class": "md-button ps-facets__reset", text: "Bỏ lọc" });
  var status = el("p", { "class": "ps-facets__status", role: "status", "aria-live": "polite" });
  var summary = el("p", { "class": "ps-facets__summary" });
  var panel = el("details", { "class": "ps-facets__panel" }, [
    el("summary", { text: "Lọc " + noun }), el("div", { "class": "ps-facets__fields" }, fields.concat([reset]))]);
  // Several lists on a page: each form is named after the heading its list sits under (unique landmarks).
  var head = box.previousElementSibling;
  var name = "Lọc " + noun + (head && /^H[1-6]$/.test(head.tagName) ? ": " + head.textContent.trim() : "");
  var form = el("form", { "class": "ps-facets__form", "aria-label": name }, [panel]);
  form.addEventListener("submit", function (e) { e.preventDefault(); });
  reset.addEventListener("click", function () {
    facets.forEach(function (f) { selects[f.key].value = ""; });
    apply(true);
    selects[facets[0].key].focus();
  });
  box.appendChild(form);
  box.appendChild(status);
  box.appendChild(summary);

  function apply(write) {
    var chosen = facets.filter(function (f) { return selects[f.key].value; });
    var shown = 0;
    rows.forEach(function (row) {
      var match = chosen.every(function (f) { return ids(row, f).indexOf(selects[f.key].value) >= 0; });
      row.hidden = !match;
      if (match) shown += 1;
    });
    status.textContent = "Hiển thị " + shown + "/" + rows.length + " " + noun +
      (shown ? "" : ": không có " + noun + " nào khớp; hãy bỏ bớt điều kiện lọc.");
    summary.textContent = chosen.length ? "Đang lọc (" + shown + "/" + rows.length + " " + noun + "): " +
      chosen.map(function (f) {
        var value = selects[f.key].value;
        return f.label + ": " + f.options.filter(function (o) { return o[0] === value; })[0][1];
      }).join("; ") + "." : "";
    reset.hidden = !chosen.length;
    table.classList.toggle(isTable ? "ps-appendix--filtered" : "ps-list--filtered", chosen.length > 0);
    if (write) {
      var url = new URL(window.location.href);
      facets.forEach(function (f) {
        if (selects[f.key].value) url.searchParams.set(f.param, selects[f.key].value);
        else url.searchParams.delete(f.param);
      });
      window.history.replaceState(window.history.state, "", url.pathname + url.search + url.hash);
    }
  }

  var query = new URLSearchParams(window.location.search);
  facets.forEach(function (f) {
    var wanted = query.get(f.param);
    if (wanted && f.options.some(function (o) { return o[0] === wanted; })) selects[f.key].value = wanted;
  });
  apply(false);
  // The Phụ lục's panel is open on a wide screen, any panel when the address chose a filter; on a phone
  // the table comes first, and a page with several lists shows them, not their filters.
  panel.open = table.classList.contains(isTable ? "ps-appendix--filtered" : "ps-list--filtered") ||
    (isTable && window.matchMedia("(min-width: 45em)").matches);
}
})();

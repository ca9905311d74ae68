/* Filters for a plan's appendix (Phụ lục; hooks/plansite/site/render_appendix.py and facets.py).
 * Without this script the page is the whole table. With it: one labelled <select> per facet (lead agency,
 * cited document, timing kind, form of outreach, status) in a panel that opens and closes (open on a wide
 * screen), built from the JSON blob #ps-facets (labels) and the rows' data-* attributes (ids); rows that do
 * not match every chosen value are hidden. On paper a line says which filter is on. The choice
 * is kept in the address (?chu-tri=…&tinh-trang=…), so a filtered view can be shared and is restored on
 * load; a live region says how many tasks are shown. Every text is set with textContent or new Option,
 * never as HTML. */
(function () {
  "use strict";
  var box = document.querySelector(".ps-facets");
  var blob = document.getElementById("ps-facets");
  var table = box && document.getElementById(box.getAttribute("data-table"));
  if (!box || !blob || !table || !table.tBodies.length) return;
  var data;
  try { data = JSON.parse(blob.textContent); } catch (e) { return; }
  var rows = Array.prototype.slice.call(table.tBodies[0].rows);
  var facets = (data.facets || []).filter(function (f) { return f.options && f.options.length; });
  if (!facets.length) return;

  function ids(row, key) {
    return (row.getAttribute("data-" + key) || "").split(" ").filter(Boolean);
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
    var id = "ps-facet-" + facet.key;
    var select = el("select", { id: id, name: facet.param });
    select.appendChild(new Option("Tất cả", ""));
    facet.options.forEach(function (o) {
      var count = rows.filter(function (r) { return ids(r, facet.key).indexOf(o.id) >= 0; }).length;
      select.appendChild(new Option(o.label + " (" + count + ")", o.id));
    });
    select.addEventListener("change", function () { apply(true); });
    selects[facet.key] = select;
    return el("div", { "class": "ps-facets__field" }, [el("label", { "for": id, text: facet.label }), select]);
  });
  var reset = el("button", { type: "button", "class": "md-button ps-facets__reset", text: "Bỏ lọc" });
  var status = el("p", { "class": "ps-facets__status", role: "status", "aria-live": "polite" });
  var summary = el("p", { "class": "ps-facets__summary" });
  var panel = el("details", { "class": "ps-facets__panel" }, [
    el("summary", { text: "Lọc nhiệm vụ" }), el("div", { "class": "ps-facets__fields" }, fields.concat([reset]))]);
  var form = el("form", { "class": "ps-facets__form", "aria-label": "Lọc nhiệm vụ" }, [panel]);
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
      var match = chosen.every(function (f) { return ids(row, f.key).indexOf(selects[f.key].value) >= 0; });
      row.hidden = !match;
      if (match) shown += 1;
    });
    status.textContent = "Hiển thị " + shown + "/" + rows.length + " nhiệm vụ" +
      (shown ? "" : ": không có nhiệm vụ nào khớp; hãy bỏ bớt điều kiện lọc.");
    summary.textContent = chosen.length ? "Đang lọc (" + shown + "/" + rows.length + " nhiệm vụ): " +
      chosen.map(function (f) {
        var value = selects[f.key].value;
        return f.label + ": " + f.options.filter(function (o) { return o.id === value; })[0].label;
      }).join("; ") + "." : "";
    reset.hidden = !chosen.length;
    table.classList.toggle("ps-appendix--filtered", chosen.length > 0);
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
    if (wanted && f.options.some(function (o) { return o.id === wanted; })) selects[f.key].value = wanted;
  });
  apply(false);
  // Open on a wide screen, or when the address chose a filter; on a phone the table comes first.
  panel.open = table.classList.contains("ps-appendix--filtered") || window.matchMedia("(min-width: 45em)").matches;
})();

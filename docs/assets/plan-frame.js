/* The frame's behaviour on every page, once one cached file rather than three inline scripts written into
 * each page (3.4 KB a page; a province has 50,000 pages). Deferred, after Material's bundle (mkdocs.yml
 * extra_javascript): it runs once the page is parsed, before DOMContentLoaded. Three parts: */

/* SCROLLWRAP: A table sits in a sideways-scrolling box (div.md-typeset__scrollwrap): written so by the build
 * (overrides/partials/plan-table-boxes.html) or, for a table the build leaves alone, by Material 9.8.2's
 * JavaScript. A box that scrolls must be reachable by keyboard (WCAG 2.1.1; axe's rule
 * scrollable-region-focusable): where the table is wider than the box, the box becomes a tab stop and a named
 * region ("Bảng: " and the heading above it, numbered when a heading has several); where it is not (or no
 * longer, after a resize), it is left as it was written. Run once Material has mounted the page (document$,
 * after DOMContentLoaded). */
(function () {
  "use strict";
  function heading(box) {
    for (var node = box; node && !node.classList.contains("md-content__inner"); node = node.parentElement) {
      for (var before = node.previousElementSibling; before; before = before.previousElementSibling) {
        if (/^H[1-6]$/.test(before.tagName)) return before.textContent.trim();
      }
    }
    return document.title;
  }
  function mark() {
    var boxes = Array.prototype.slice.call(document.querySelectorAll(".md-typeset__scrollwrap"));
    var scrolls = boxes.map(function (box) { return box.scrollWidth > box.clientWidth + 1; });  // one layout
    var seen = {};
    boxes.forEach(function (box, i) {
      if (scrolls[i]) {
        var name = "Bảng: " + heading(box);
        seen[name] = (seen[name] || 0) + 1;
        if (!box.hasAttribute("data-ps-scroll")) {  // `role` restyles the box's inside: set it once
          box.setAttribute("tabindex", "0");
          box.setAttribute("role", "region");
          box.setAttribute("data-ps-scroll", "");
        }
        box.setAttribute("aria-label", seen[name] > 1 ? name + " (" + seen[name] + ")" : name);
      } else if (box.hasAttribute("data-ps-scroll")) {
        ["tabindex", "role", "aria-label", "data-ps-scroll"].forEach(function (attr) { box.removeAttribute(attr); });
      }
    });
  }
  function start() {
    if (window.document$) { window.document$.subscribe(mark); } else { mark(); }
  }
  var timer;
  window.addEventListener("resize", function () { clearTimeout(timer); timer = setTimeout(mark, 200); });
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", start); } else { start(); }
})();

/* DRAWER: The side menu (Material's drawer) on a screen narrower than 76.25em: while closed it sits off the screen,
 * yet its links took focus, so Tab walked through a dozen invisible links before the content. Closed, it is
 * `inert` (no focus, hidden from screen readers); open, it is a menu as before. The menu button (a label for
 * Material's hidden checkbox) becomes a keyboard stop that Enter (Material's keyboard handler) and Space open
 * and close (a label may carry no button role: axe's aria-allowed-role). Runs once the page is parsed. */
(function () {
  "use strict";
  var toggle = document.getElementById("__drawer");
  var nav = document.querySelector(".md-sidebar--primary");
  var button = document.querySelector('.md-header__button[for="__drawer"]');
  if (!toggle || !nav) return;
  var wide = matchMedia("(min-width: 76.25em)");
  function sync() {
    nav.inert = !wide.matches && !toggle.checked;
  }
  if (button) {
    button.tabIndex = 0;
    button.addEventListener("keydown", function (event) {
      if (event.key === " ") {  // Enter: Material's own handler clicks a focused label
        event.preventDefault();
        toggle.click();
      }
    });
  }
  toggle.addEventListener("change", sync);
  wide.addEventListener("change", sync);
  document.addEventListener("keyup", function (event) { if (event.key === "Escape") setTimeout(sync, 0); });
  sync();
})();

/* ABBR: Abbreviations (site/glossary.py marks each one's first use as <abbr title="…">) explained on a tap or from
 * the keyboard, not under a mouse alone: each becomes a tab stop, and a tap, Enter or Space writes its full
 * form in brackets right after it (and takes it away again). The words are the glossary's, read from the
 * title; nothing is parsed as HTML. No aria-expanded: <abbr> has no role that allows it (axe). */
(function () {
  "use strict";
  function toggle(abbr) {
    var next = abbr.nextSibling;
    if (next && next.nodeType === 1 && next.classList.contains("ps-abbr-full")) {
      next.remove();
      return;
    }
    var full = document.createElement("span");
    full.className = "ps-abbr-full";
    full.textContent = " (" + abbr.getAttribute("title") + ")";
    abbr.after(full);
  }
  document.querySelectorAll(".md-content abbr[title]").forEach(function (abbr) {
    abbr.tabIndex = 0;
    abbr.addEventListener("click", function () { toggle(abbr); });
    abbr.addEventListener("keydown", function (event) {
      if (event.key === "Enter" || event.key === " ") { event.preventDefault(); toggle(abbr); }
    });
  });
})();

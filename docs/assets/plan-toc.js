/* A task page's table of contents, the right-hand column of a wide screen, made here from the page's own
 * headings; the page carries only its empty <nav data-ps-toc> (overrides/main.html). It is the list Material
 * 9.8.2's partials/toc.html and our toc-item.html would write from page.toc: every heading of the article
 * that has an id (site/html/headings.py `contents`: the notice's have none), each under the nearest one
 * before it of a higher level, the page's title (h1) left out, each a link with Material's class, which its
 * scroll-spy reads. Deferred like Material's bundle, and after it, so it runs before DOMContentLoaded, when
 * the bundle mounts its components: Material finds the list as if the page had carried it. A province has
 * 40,000 task pages: their tables of contents were 35 MB of its site. Without JavaScript the column stays
 * empty; the task's sections are on the page, under their headings. */
(function () {
  "use strict";
  var nav = document.querySelector("nav.md-nav--secondary[data-ps-toc]");
  if (!nav) return;
  function element(tag, name) {
    var made = document.createElement(tag);
    if (name) made.className = name;
    return made;
  }
  function list(entries, top) {  // <ul> of entries [{heading, children}], as toc-item.html writes them
    var ul = element("ul", "md-nav__list");
    if (top) {
      ul.setAttribute("data-md-component", "toc");
      ul.setAttribute("data-md-scrollfix", "");
    }
    entries.forEach(function (entry) {
      var title = entry.heading.textContent.trim();
      var li = element("li"), link = element("a", "md-nav__link");
      link.setAttribute("href", "#" + entry.heading.id);
      link.textContent = title;
      li.appendChild(link);
      if (entry.children.length) {
        var inner = element("nav", "md-nav");
        inner.setAttribute("aria-label", title);
        inner.appendChild(list(entry.children, false));
        li.appendChild(inner);
      }
      ul.appendChild(li);
    });
    return ul;
  }
  var root = [], open = [];
  // A list of selectors, not :is() (Chrome 88, Safari 14): an older phone's browser would throw here and stop
  // every script joined after this one in assets/plan.js. The elements come in the page's order either way.
  var HEADINGS = ["h2", "h3", "h4", "h5", "h6"].map(function (h) { return "article.md-content__inner " + h + "[id]"; });
  document.querySelectorAll(HEADINGS.join(", ")).forEach(function (heading) {
    var level = +heading.tagName.charAt(1), entry = { heading: heading, level: level, children: [] };
    while (open.length && open[open.length - 1].level >= level) open.pop();
    (open.length ? open[open.length - 1].children : root).push(entry);
    open.push(entry);
  });
  if (!root.length) return;
  var label = element("label", "md-nav__title");
  label.appendChild(element("span", "md-nav__icon md-icon"));
  label.appendChild(document.createTextNode(nav.getAttribute("aria-label")));
  nav.appendChild(label);
  nav.appendChild(list(root, true));
})();

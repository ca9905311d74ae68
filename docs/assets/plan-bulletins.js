/* A plan's loudspeaker bulletins (hooks/plansite/site/render/render_bulletins.py) saved as .txt files, made in
 * the browser from the text on the page: each bulletin's "Tải bản tin (tệp .txt)" button, put at the start of
 * the section's last line (.ps-bulletin__file), saves its heading and paragraphs, joined as Bulletin.text joins
 * them, named after the section's id (<id>.txt); "Tải tất cả các bài (tệp .txt)", after the page's
 * introduction, saves every bulletin in the page's order, a line "* * *" between two (a pause, nothing to read
 * aloud), named after the plan (ban-tin-<plan>.txt). UTF-8 with a byte order mark, so phones and Notepad show
 * the marks. The site publishes none of these files. No button where a browser cannot save a made file (no
 * Blob or download). */
(function () {
  "use strict";
  var canSave = typeof Blob === "function" && typeof URL.createObjectURL === "function"
    && "download" in document.createElement("a");
  var BETWEEN = "\n* * *\n\n";
  var sections = document.querySelectorAll(".ps-bulletin");
  if (!sections.length || !canSave) return;
  function text(section) {
    var parts = [section.querySelector("h2").textContent];
    section.querySelectorAll(":scope > p:not(.ps-bulletin__file)").forEach(function (p) {
      parts.push(p.textContent);
    });
    return parts.join("\n\n") + "\n";
  }
  function button(label, before, parent, contents) {
    var made = document.createElement("button");
    made.type = "button";
    made.className = "md-button ps-bulletin__save";
    made.textContent = label;
    parent.insertBefore(made, before);
    made.addEventListener("click", function () { save(contents()); });
  }
  function save(file) {  // [name, text]
    var blob = new Blob(["\ufeff" + file[1]], { type: "text/plain;charset=utf-8" });
    var link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = file[0];
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(link.href); }, 60000);  // after the download has read it
  }
  sections.forEach(function (section) {
    var line = section.querySelector(".ps-bulletin__file");
    if (!line || !section.id) return;
    line.insertBefore(document.createTextNode(" "), line.firstChild);
    button("Tải bản tin (tệp .txt)", line.firstChild, line, function () { return [section.id + ".txt", text(section)]; });
  });
  var intro = document.querySelector(".ps-bulletins__intro");
  if (!intro) return;
  var plan = window.location.pathname.match(/\/ke-hoach\/([^\/]+)\/ban-tin(?:\/|\.html$)/);  // or offline: ban-tin.html
  var all = document.createElement("p");
  intro.parentNode.insertBefore(all, intro.nextSibling);
  button("Tải tất cả các bài (tệp .txt)", null, all, function () {
    return ["ban-tin" + (plan ? "-" + decodeURIComponent(plan[1]) : "") + ".txt",
      Array.prototype.map.call(sections, text).join(BETWEEN)];
  });
})();

/* A loudspeaker bulletin's "Tải bản tin (tệp .txt)" button (hooks/plansite/site/render/render_bulletins.py),
 * put here at the start of the section's last line (.ps-bulletin__file): the file is made from the
 * bulletin's text on the page (its heading and paragraphs, joined as Bulletin.text joins them), as UTF-8
 * with a byte order mark (phones and Notepad then show the marks), and named after the section's id
 * (<id>.txt). The site publishes one file per plan with all its bulletins, not one per bulletin. No button
 * where a browser cannot save a made file (no Blob or download). */
(function () {
  "use strict";
  var canSave = typeof Blob === "function" && typeof URL.createObjectURL === "function"
    && "download" in document.createElement("a");
  document.querySelectorAll(".ps-bulletin").forEach(function (section) {
    var line = section.querySelector(".ps-bulletin__file");
    if (!line || !section.id || !canSave) return;
    var button = document.createElement("button");
    button.type = "button";
    button.className = "md-button ps-bulletin__save";
    button.textContent = "Tải bản tin (tệp .txt)";
    line.insertBefore(document.createTextNode(" "), line.firstChild);
    line.insertBefore(button, line.firstChild);
    button.addEventListener("click", function () {
      var parts = [section.querySelector("h2").textContent];
      section.querySelectorAll(":scope > p:not(.ps-bulletin__file)").forEach(function (p) {
        parts.push(p.textContent);
      });
      var file = new Blob(["\ufeff" + parts.join("\n\n") + "\n"], { type: "text/plain;charset=utf-8" });
      var link = document.createElement("a");
      link.href = URL.createObjectURL(file);
      link.download = section.id + ".txt";
      document.body.appendChild(link);
      link.click();
      link.remove();
      setTimeout(function () { URL.revokeObjectURL(link.href); }, 60000);  // after the download has read it
    });
  });
})();

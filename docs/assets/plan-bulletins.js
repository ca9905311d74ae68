/* A loudspeaker bulletin's "Tải bản tin (tệp .txt)" button (hooks/plansite/site/render_bulletins.py): the
 * file is made here from the bulletin's text on the page (its heading and paragraphs, joined as
 * Bulletin.text joins them), as UTF-8 with a byte order mark (phones and Notepad then show the marks), and
 * named as its section says (data-file). The site publishes one file per plan with all its bulletins, not
 * one per bulletin. The button stays hidden where a browser cannot save a made file (no Blob or download). */
(function () {
  "use strict";
  var canSave = typeof Blob === "function" && typeof URL.createObjectURL === "function"
    && "download" in document.createElement("a");
  document.querySelectorAll(".ps-bulletin").forEach(function (section) {
    var button = section.querySelector(".ps-bulletin__save");
    if (!button || !canSave) return;
    button.hidden = false;
    button.addEventListener("click", function () {
      var parts = [section.querySelector("h2").textContent];
      section.querySelectorAll(".ps-bulletin__text").forEach(function (p) { parts.push(p.textContent); });
      var file = new Blob(["\ufeff" + parts.join("\n\n") + "\n"], { type: "text/plain;charset=utf-8" });
      var link = document.createElement("a");
      link.href = URL.createObjectURL(file);
      link.download = section.getAttribute("data-file");
      document.body.appendChild(link);
      link.click();
      link.remove();
      setTimeout(function () { URL.revokeObjectURL(link.href); }, 60000);  // after the download has read it
    });
  });
})();

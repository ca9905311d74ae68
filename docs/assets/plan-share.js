/* Share buttons (overrides/partials/plan-share.html): no SDK, no request to another host.
 * "Chia sẻ" opens the phone's share sheet (Web Share API) and is shown only where it exists;
 * "Sao chép liên kết" copies the page's address, with a fallback for browsers without the
 * Clipboard API (the in-app browsers of Zalo and Facebook). A status line announces the result. */
(function () {
  "use strict";
  document.querySelectorAll(".ps-share").forEach(function (box) {
    var status = box.querySelector(".ps-share__status");
    // Read at each click: a filtered view (?chu-tri=… on the Phụ lục) is shared as it is seen.
    function pageUrl() {
      var base = box.getAttribute("data-url") || window.location.href.split("#")[0].split("?")[0];
      return base + window.location.search;
    }
    var native = box.querySelector(".ps-share__native");
    if (navigator.share) {
      native.hidden = false;
      native.addEventListener("click", function () {
        navigator.share({ title: document.title, url: pageUrl() }).catch(function () {});
      });
    }
    function copied(ok) {
      status.textContent = ok ? "Đã sao chép liên kết." : "Không sao chép được; hãy sao chép địa chỉ trên thanh địa chỉ.";
    }
    function fallback() {
      var field = document.createElement("textarea");
      field.value = pageUrl();
      field.setAttribute("readonly", "");
      field.style.position = "fixed";
      field.style.opacity = "0";
      document.body.appendChild(field);
      field.select();
      var ok = false;
      try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
      document.body.removeChild(field);
      copied(ok);
    }
    box.querySelector(".ps-share__copy").addEventListener("click", function () {
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(pageUrl()).then(function () { copied(true); }, fallback);
      } else {
        fallback();
      }
    });
  });
})();

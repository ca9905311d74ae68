/* Share buttons (overrides/partials/plan-share.html): no SDK, no request to another host.
 * "Chia sẻ" opens the phone's share sheet (Web Share API) and is shown only where it exists (the in-app
 * browsers of Zalo and Facebook have none: there it stays hidden, never a button that does nothing).
 * "Gửi qua Zalo" copies a ready-to-paste message (built from the data: data-message) with the page's
 * address; "Sao chép liên kết" copies the address alone. Both fall back to a selected text field and
 * execCommand where the Clipboard API is missing, and a status line says what happened. */
(function () {
  "use strict";
  document.querySelectorAll(".ps-share").forEach(function (box) {
    var status = box.querySelector(".ps-share__status");
    // Read at each click: a filtered view (?chu-tri=… on the Phụ lục) is shared as it is seen.
    function pageUrl() {
      var canonical = document.querySelector('link[rel="canonical"]');  // site_url's address of the page
      var base = canonical ? canonical.href : window.location.href.split("#")[0].split("?")[0];
      return base + window.location.search;
    }
    function message() {
      return (box.getAttribute("data-message") || document.title) + "\n" + pageUrl();
    }
    var native = box.querySelector(".ps-share__native");
    if (typeof navigator.share === "function") {
      native.hidden = false;
      native.addEventListener("click", function () {
        navigator.share({ title: document.title, text: box.getAttribute("data-message") || "", url: pageUrl() })
          .catch(function () {});
      });
    }
    function fallback(text, done) {
      var field = document.createElement("textarea");
      field.value = text;
      field.setAttribute("readonly", "");
      field.style.position = "fixed";
      field.style.opacity = "0";
      document.body.appendChild(field);
      field.select();
      var ok = false;
      try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
      document.body.removeChild(field);
      done(ok);
    }
    function copy(text, done) {
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(text).then(function () { done(true); }, function () { fallback(text, done); });
      } else {
        fallback(text, done);
      }
    }
    box.querySelector(".ps-share__copy").addEventListener("click", function () {
      copy(pageUrl(), function (ok) {
        status.textContent = ok ? "Đã sao chép liên kết." : "Không sao chép được; hãy sao chép địa chỉ trên thanh địa chỉ.";
      });
    });
    box.querySelector(".ps-share__zalo").addEventListener("click", function () {
      var text = message();
      copy(text, function (ok) {
        status.textContent = ok ? "Đã sao chép tin nhắn. Mở nhóm Zalo và dán vào ô soạn tin."
          : "Không sao chép được. Hãy chép tin nhắn này: " + text;
      });
    });
  });
})();

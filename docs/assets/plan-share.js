/* Share buttons (overrides/partials/plan-share.html): no SDK, no request to another host.
 * "Chia sẻ" opens the phone's share sheet (Web Share API) and is shown only where it exists (the in-app
 * browsers of Zalo and Facebook have none: there it stays hidden, never a button that does nothing).
 * "Gửi qua Zalo" copies a ready-to-paste message with the page's address: a plan's is built from the data
 * (data-message); a task's is read from what its page shows (taskMessage), so 40,000 task pages do not carry
 * their facts a second time. "Sao chép liên kết" copies the address alone. Both fall back to a selected text
 * field and execCommand where the Clipboard API is missing, and a status line says what happened. The three
 * buttons and the status line are made here, before the Facebook link the page carries (the only part that
 * works without JavaScript): 0.4 KB less on each of a province's 54,000 pages. */
(function () {
  "use strict";
  var CHAT_LIMIT = 400, WHAT_LIMIT = 180;  // characters before the link: about what a chat shows unfolded

  function words(element) { return element ? element.textContent.replace(/\s+/g, " ").trim() : ""; }
  function firstWords(text, count) {
    var parts = text.split(" ");
    return parts.slice(0, count).join(" ") + (parts.length > count ? "…" : "");
  }
  function firstSentence(text, limit) {  // as site/parts/previews.py first_sentence
    var sentence = text.split(/[.!?…](?=\s|$)/)[0];
    return sentence.length <= limit ? sentence : sentence.slice(0, limit).replace(/ [^ ]*$/, "") + "…";
  }
  function section(id) {  // the block after a section's heading (render_task.py): null when the page has none
    var heading = document.getElementById(id);
    var block = heading && heading.nextElementSibling;
    return block && words(block) !== "Văn bản không ghi." ? block : null;
  }
  /* A task page's message: "Nhiệm vụ 1.a – Kế hoạch …", what (the editors' summary, else the first sentence of
   * the signed text), who does it, when: the lines site/render/render_task.py writes on the page. */
  function taskMessage() {
    var heading = words(document.querySelector("article > h1"));
    var plan = document.querySelector("#vi-tri-trong-ke-hoach + p > a");
    var summary = document.querySelector("article > .ps-n > .admonition > p:last-child");
    var text = summary || document.querySelector("article > p.ps-n--first");
    var lines = [heading.split(":")[0] + (plan ? " – " + firstWords(words(plan), 10) : ""),
      firstSentence(words(text), WHAT_LIMIT)];
    var lead = section("co-quan-thuc-hien"), when = section("thoi-gian-thuc-hien");
    if (lead) {
      lines.push("Thực hiện: " + Array.prototype.map.call(lead.querySelectorAll("li"), words).join(", "));
    }
    if (when) { lines.push("Thời gian: " + words(when).split(": “")[0]); }
    return fit(lines);
  }
  function fit(lines) {  // as site/parts/chat_message.py _fit
    var text = lines.join("\n");
    if (text.length > CHAT_LIMIT) { text = [lines[0].split(" ").slice(0, 4).join(" ") + "…"].concat(lines.slice(1)).join("\n"); }
    if (text.length > CHAT_LIMIT) { text = text.slice(0, CHAT_LIMIT).replace(/ [^ ]*$/, "") + "…"; }
    return text;
  }
  function element(tag, name, text) {
    var made = document.createElement(tag);
    made.className = name;
    made.textContent = text;
    if (tag === "button") { made.type = "button"; }
    return made;
  }
  document.querySelectorAll(".ps-share").forEach(function (box) {
    var facebook = box.querySelector(".ps-share__facebook");  // null without site_url: the buttons end the box
    var native = element("button", "md-button ps-share__native", "Chia sẻ");
    var zalo = element("button", "md-button ps-share__zalo", "Gửi qua Zalo");
    var copyLink = element("button", "md-button ps-share__copy", "Sao chép liên kết");
    var status = element("span", "ps-share__status", "");
    status.setAttribute("role", "status");
    status.setAttribute("aria-live", "polite");
    native.hidden = true;
    [native, zalo, copyLink].forEach(function (button) { box.insertBefore(button, facebook); });
    box.appendChild(status);
    // Read at each click: a filtered view (?chu-tri=… on the Phụ lục) is shared as it is seen.
    function pageUrl() {
      var canonical = document.querySelector('link[rel="canonical"]');  // site_url's address of the page
      var base = canonical ? canonical.href : window.location.href.split("#")[0].split("?")[0];
      return base + window.location.search;
    }
    function text() {
      if (box.hasAttribute("data-message")) { return box.getAttribute("data-message"); }
      return document.querySelector("article > .ps-notice") ? taskMessage() : document.title;
    }
    function message() {
      return text() + "\n" + pageUrl();
    }
    if (typeof navigator.share === "function") {
      native.hidden = false;
      native.addEventListener("click", function () {
        navigator.share({ title: document.title, text: text(), url: pageUrl() })
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
    copyLink.addEventListener("click", function () {
      copy(pageUrl(), function (ok) {
        status.textContent = ok ? "Đã sao chép liên kết." : "Không sao chép được; hãy sao chép địa chỉ trên thanh địa chỉ.";
      });
    });
    zalo.addEventListener("click", function () {
      var text = message();
      copy(text, function (ok) {
        status.textContent = ok ? "Đã sao chép tin nhắn. Mở nhóm Zalo và dán vào ô soạn tin."
          : "Không sao chép được. Hãy chép tin nhắn này: " + text;
      });
    });
  });
})();

/* A task's printable notice (…/nhiem-vu/<task>/#thong-bao; hooks/plansite/site/render/render_notice.py) ends
 * with the task page's address as a QR code. The code is drawn here, when the notice is opened, into its
 * empty box (.ps-qr): by qrcode-generator, served from the site (hooks/plansite_mkdocs/vendored.py) and
 * loaded only then. A province has 40,000 notices; drawn by the build, their codes were 27 MB of its pages
 * and a sixth of a cold build's time, for the few notices anyone prints.
 *
 * The address is the page's canonical one (site_url's), in the folder form the notice's text prints and the
 * published site serves (…/nhiem-vu/<task>/): the offline edition, built with file names, has a canonical
 * …/<task>.html, which the published site does not have. So a notice opened from a copy of the site still
 * leads to the published page. Error correction is at least M (15 %) and raised to Q or H when the same size
 * of code holds the address, so a worn notice still scans; 8 pixels a module and 4 modules of white around
 * it, sharp on screen and on paper. Without JavaScript, or when the library cannot be loaded, the box stays
 * empty and hidden (plan-site.css) and the notice prints the address alone. */
(function () {
  "use strict";
  var NOTICE = "#thong-bao", LABEL = "Mã QR tới trang nhiệm vụ";
  var CELL = 8, QUIET = 4;  // pixels a module; modules of white around the code
  var here = document.currentScript.src;  // assets/plan.js, or assets/plan-notice.js itself
  var SCRIPT = "vendor/qrcode-generator-2.0.4.js";  // in assets/, beside this script
  var loading = null;
  function library() {  // window.qrcode, its script loaded once (again after a failure)
    loading = loading || new Promise(function (resolve, reject) {
      var script = document.createElement("script");
      script.onload = function () { if (window.qrcode) resolve(window.qrcode); else script.onerror(); };
      script.onerror = function () { loading = null; reject(new Error(SCRIPT)); };
      script.src = new URL(SCRIPT, here).href;
      document.head.appendChild(script);
    });
    return loading;
  }
  function made(qrcode, size, level, address) {  // the code, or null when `size` (0: the smallest) is too small
    try {
      var code = qrcode(size, level);
      code.addData(address, "Byte");
      code.make();
      return code;
    } catch (overflow) {
      return null;
    }
  }
  function encoded(qrcode, address) {  // the smallest code at M, then the highest level that keeps its size
    var code = made(qrcode, 0, "M", address);
    var size = (code.getModuleCount() - 17) / 4;
    return made(qrcode, size, "H", address) || made(qrcode, size, "Q", address) || code;
  }
  function draw() {
    var box = document.querySelector(".ps-notice__online .ps-qr");
    var canonical = document.querySelector('link[rel="canonical"]');
    if (!box || box.firstChild || !canonical || window.location.hash !== NOTICE) return;
    var address = canonical.href.replace(/\/index\.html$/, "/").replace(/\.html$/, "/");
    library().then(function (qrcode) {
      if (box.firstChild) return;
      var code = encoded(qrcode, address);
      var image = document.createElement("img");
      image.src = code.createDataURL(CELL, QUIET * CELL);
      image.alt = LABEL;
      image.width = image.height = (code.getModuleCount() + 2 * QUIET) * CELL;
      box.appendChild(image);
    }, function () { /* offline and not cached: the notice keeps the address in words */ });
  }
  draw();
  window.addEventListener("hashchange", draw);
})();

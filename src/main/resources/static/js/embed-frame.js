/*
 * Inside the embed's iframe: tell the host page, and only the origin this page was allowed for,
 * how tall the comment section is, whenever that changes.
 */
(function () {
  "use strict";
  var origin = document.documentElement.getAttribute("data-host-origin");
  if (!origin || window.parent === window) {
    return;
  }
  var main = document.querySelector("main");
  var last = -1;
  function send() {
    var style = window.getComputedStyle(document.body);
    var height = Math.ceil(
      main.getBoundingClientRect().bottom + window.scrollY + parseFloat(style.marginBottom || "0")
    );
    if (height !== last) {
      last = height;
      window.parent.postMessage({ type: "diwan:height", height: height }, origin);
    }
  }
  if (window.ResizeObserver) {
    new ResizeObserver(send).observe(main);
  }
  window.addEventListener("load", send);
  send();
})();

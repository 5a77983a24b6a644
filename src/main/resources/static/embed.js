/*
 * Diwan's embed: put the comment section of each element with data-diwan-story into an iframe
 * served by Diwan, and size the iframe from the height messages its page posts. Only messages from
 * Diwan's origin and from that element's own iframe are read; anything else changes nothing.
 */
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || !window.URL || !window.URLSearchParams) {
    return;
  }
  var diwan = new URL(script.src).origin;
  var MIN = 80;
  var MAX = 50000;

  function mount(host) {
    if (host.getAttribute("data-diwan-mounted")) {
      return;
    }
    host.setAttribute("data-diwan-mounted", "true");
    var story = host.getAttribute("data-diwan-story") || location.href;
    var query = new URLSearchParams();
    query.set("url", new URL(story, location.href).href.split("#")[0]);
    query.set("origin", location.origin);
    var id = host.getAttribute("data-diwan-id");
    if (id) {
      query.set("id", id);
    }
    var title = host.getAttribute("data-diwan-title");
    if (title) {
      query.set("title", title);
    }
    var lang = host.getAttribute("lang") || document.documentElement.getAttribute("lang");
    if (lang) {
      query.set("lang", lang);
    }
    var frame = document.createElement("iframe");
    frame.src = diwan + "/embed?" + query.toString();
    frame.title = host.getAttribute("data-diwan-label") || "Comments";
    frame.setAttribute("scrolling", "no");
    frame.style.width = "100%";
    frame.style.border = "0";
    frame.style.display = "block";
    frame.style.height = "480px";
    host.appendChild(frame);
    window.addEventListener("message", function (event) {
      if (event.origin !== diwan || event.source !== frame.contentWindow) {
        return;
      }
      var data = event.data;
      if (!data || data.type !== "diwan:height" || typeof data.height !== "number") {
        return;
      }
      if (!isFinite(data.height) || data.height < MIN || data.height > MAX) {
        return;
      }
      frame.style.height = Math.ceil(data.height) + "px";
    });
  }

  var hosts = document.querySelectorAll("[data-diwan-story]");
  for (var i = 0; i < hosts.length; i++) {
    mount(hosts[i]);
  }
})();

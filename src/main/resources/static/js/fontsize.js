// A+ / A- change the article text size; the choice is kept in localStorage across pages.
(function () {
  'use strict';
  var KEY = 'diwan.fontScale';
  var MIN = 0.85;
  var MAX = 1.6;
  var STEP = 0.15;

  function read() {
    try {
      var value = parseFloat(window.localStorage.getItem(KEY));
      return value >= MIN && value <= MAX ? value : 1;
    } catch (e) {
      return 1;
    }
  }

  function apply(value) {
    document.documentElement.style.setProperty('--font-scale', String(value));
  }

  // Runs in <head>, before the body is drawn, so the page never jumps from one size to another.
  apply(read());

  document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('[data-font-controls]').forEach(function (group) {
      group.hidden = false;
    });
    document.querySelectorAll('[data-font]').forEach(function (button) {
      button.addEventListener('click', function () {
        var step = button.getAttribute('data-font') === 'up' ? STEP : -STEP;
        var value = Math.round(Math.min(MAX, Math.max(MIN, read() + step)) * 100) / 100;
        try {
          window.localStorage.setItem(KEY, String(value));
        } catch (e) {
          // Private browsing may refuse storage; the size still changes on this page.
        }
        apply(value);
      });
    });
  });
})();

// "Copy link" under an article: shown only where the browser can copy (a secure page with the
// Clipboard API); the share links beside it need no script at all.
document.addEventListener('DOMContentLoaded', function () {
  'use strict';
  if (!navigator.clipboard || !window.isSecureContext) {
    return;
  }
  document.querySelectorAll('[data-copy]').forEach(function (button) {
    button.hidden = false;
    button.addEventListener('click', function () {
      navigator.clipboard.writeText(button.getAttribute('data-copy')).then(function () {
        button.textContent = button.getAttribute('data-copied');
      });
    });
  });
});

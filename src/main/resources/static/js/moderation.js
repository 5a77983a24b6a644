// The moderation console's keyboard and in-place decisions. Without this script the console
// still works: every decision is an ordinary form post.
(function () {
  'use strict';
  var root = document.querySelector('[data-moderation]');
  if (!root) {
    return;
  }
  var live = root.querySelector('[data-live]');
  var help = root.querySelector('[data-help]');
  var pending = root.querySelector('[data-pending]');
  var selected = null;
  // Only the selected card shows its rejection choices; without this script every card does.
  root.classList.add('keyboard');

  function cards() {
    return Array.prototype.slice.call(root.querySelectorAll('.card:not(.gone)'));
  }

  function select(card) {
    if (selected) {
      selected.classList.remove('selected', 'rejecting');
    }
    selected = card || null;
    if (selected) {
      selected.classList.add('selected');
      selected.focus({ preventScroll: true });
      selected.scrollIntoView({ block: 'nearest' });
    }
  }

  function move(step) {
    var list = cards();
    if (!list.length) {
      return;
    }
    var at = list.indexOf(selected);
    select(list[Math.max(0, Math.min(list.length - 1, at + step))]);
  }

  function say(card, text, bad) {
    var message = card.querySelector('.card-message');
    message.textContent = text;
    message.classList.toggle('bad', !!bad);
    live.textContent = text;
  }

  function send(form) {
    var card = form.closest('.card');
    if (card.classList.contains('busy')) {
      return;
    }
    card.classList.add('busy');
    // getAttribute: the form's own field named "action" shadows form.action.
    fetch(form.getAttribute('action'), {
      method: 'POST',
      headers: { Accept: 'application/json' },
      body: new URLSearchParams(new FormData(form)),
      credentials: 'same-origin'
    })
      .then(function (response) {
        return response.json().then(function (body) {
          return { ok: response.ok, body: body };
        });
      })
      .then(function (result) {
        card.classList.remove('busy');
        if (!result.ok) {
          say(card, result.body.detail || 'The decision was not saved.', true);
          if (result.body.code === 'comment.already-decided') {
            retire(card);
          }
          return;
        }
        say(card, result.body.message);
        retire(card);
        // A take-down leaves the pending count as it was.
        if (pending && !form.matches('[data-remove]')) {
          var left = Math.max(0, parseInt(pending.textContent, 10) - 1);
          pending.textContent = left + ' pending';
        }
      })
      .catch(function () {
        card.classList.remove('busy');
        say(card, 'The decision was not saved: the site could not be reached. Try again.', true);
      });
  }

  function retire(card) {
    var list = cards();
    var next = list[list.indexOf(card) + 1] || list[list.indexOf(card) - 1];
    card.classList.add('gone');
    if (selected === card) {
      select(next && next !== card ? next : null);
    }
  }

  // The form that needs guideline codes: a rejection (pending) or a take-down (published).
  function rejectForm(card) {
    return card && card.querySelector('[data-reject], [data-remove]');
  }

  function confirmReject(card) {
    var form = rejectForm(card);
    if (!form) {
      return;
    }
    if (!form.querySelector('input[name="codes"]:checked')) {
      say(card, 'Pick at least one guideline (1–7) before ' +
        (form.matches('[data-remove]') ? 'taking it down.' : 'rejecting.'), true);
      return;
    }
    send(form);
  }

  root.addEventListener('submit', function (event) {
    var form = event.target;
    if (form.matches('[data-approve], [data-reject], [data-remove]')) {
      event.preventDefault();
      if (!form.matches('[data-approve]')) {
        confirmReject(form.closest('.card'));
      } else {
        send(form);
      }
    }
  });

  root.addEventListener('click', function (event) {
    var card = event.target.closest('.card');
    if (card && card !== selected && !card.classList.contains('gone')) {
      select(card);
    }
  });

  document.addEventListener('keydown', function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey) {
      return;
    }
    var typing = event.target.matches('input[type="text"], input:not([type]), input[type="email"], textarea');
    if (typing) {
      if (event.target.matches('[data-note]') && event.key === 'Enter') {
        event.preventDefault();
        confirmReject(event.target.closest('.card'));
      } else if (event.key === 'Escape') {
        event.target.blur();
      }
      return;
    }
    var card = selected;
    var rejecting = card && card.classList.contains('rejecting');
    if (event.key === '?') {
      if (help.open) {
        help.close();
      } else {
        help.showModal();
      }
    } else if (event.key === 'j') {
      move(1);
    } else if (event.key === 'k') {
      move(-1);
    } else if (event.key === 'a' && card && !rejecting) {
      var approve = card.querySelector('[data-approve]');
      if (approve) {
        send(approve);
      }
    } else if (event.key === 'r' && card && card.querySelector('[data-reject]')) {
      card.classList.add('rejecting');
      say(card, 'Rejecting: press 1–7 to pick guidelines, n for a note, Enter to confirm, Esc to cancel.');
    } else if (event.key === 'x' && card && card.querySelector('[data-remove]')) {
      card.classList.add('rejecting');
      say(card, 'Taking down: press 1–7 to pick guidelines, n for a note, Enter to confirm, Esc to cancel.');
    } else if (rejecting && /^[1-9]$/.test(event.key)) {
      var box = card.querySelector('input[data-key="' + event.key + '"]');
      if (box) {
        box.checked = !box.checked;
      }
    } else if (rejecting && event.key === 'n') {
      event.preventDefault();
      card.querySelector('[data-note]').focus();
    } else if (rejecting && event.key === 'Enter') {
      event.preventDefault();
      confirmReject(card);
    } else if (event.key === 'Escape' && rejecting) {
      card.classList.remove('rejecting');
      say(card, '');
    } else {
      return;
    }
    event.preventDefault();
  });

  select(cards()[0]);
})();

// kampvuur – de zaal: bewaar een checklist zodra iets verandert.
// Zonder JavaScript werkt de knop ‘Bewaren’ gewoon.
(function () {
  "use strict";
  var form = document.querySelector("form[data-autosave]");
  if (!form || !window.fetch || !window.URLSearchParams) {
    return;
  }
  var note = document.getElementById("melding");
  var timer = null;
  var busy = false;
  var again = false;

  function say(text, wrong) {
    if (note) {
      note.textContent = text;
      note.className = wrong ? "melding mis" : "melding";
    }
  }

  function save() {
    timer = null;
    if (busy) {
      again = true;
      return;
    }
    busy = true;
    say("Bewaren…", false);
    fetch(form.action, {
      method: "POST",
      body: new URLSearchParams(new FormData(form)),
      headers: { "kv-autosave": "1" },
      credentials: "same-origin",
      redirect: "error"
    }).then(function (response) {
      if (response.ok) {
        say("Bewaard", false);
      } else {
        say("Niet bewaard — probeer opnieuw", true);
      }
    }, function () {
      say("Niet bewaard — probeer opnieuw", true);
    }).then(function () {
      busy = false;
      if (again) {
        again = false;
        save();
      }
    });
  }

  function later(delay) {
    if (timer !== null) {
      clearTimeout(timer);
    }
    timer = setTimeout(save, delay);
  }

  form.addEventListener("change", function () { later(150); });
  form.addEventListener("input", function (event) {
    if (event.target && event.target.tagName === "TEXTAREA") {
      later(800);
    }
  });
})();

// kampvuur – de zaal: bewaar een checklist zodra iets verandert.
// Zonder JavaScript werkt de knop ‘Bewaren’ gewoon.
// "Bewaard" verschijnt pas als de laptop het op schijf heeft staan. Lukt het
// niet (geen verbinding, de laptop kan niet opslaan), dan blijft alles op dit
// scherm staan en probeert de pagina het zelf opnieuw, steeds wat later.
(function () {
  "use strict";
  var form = document.querySelector("form[data-autosave]");
  if (!form || !window.fetch || !window.URLSearchParams) {
    return;
  }
  var NOT_SAVED = "Niet bewaard: de laptop kan niet opslaan. Je antwoorden staan nog op dit scherm.";
  var NO_LINK = "Geen verbinding met de laptop. Je antwoorden staan nog op dit scherm; we proberen het opnieuw.";
  var note = document.getElementById("melding");
  var timer = null;
  var busy = false;
  var again = false;
  var failing = false;
  var backoff = 1000;

  function say(text, wrong) {
    if (note) {
      note.textContent = text;
      note.className = wrong ? "melding mis" : "melding";
    }
  }

  function retry() {
    later(backoff);
    backoff = Math.min(backoff * 2, 15000);
  }

  function save() {
    timer = null;
    if (busy) {
      again = true;
      return;
    }
    busy = true;
    if (!failing) {
      say("Bewaren…", false);
    }
    fetch(form.action, {
      method: "POST",
      body: new URLSearchParams(new FormData(form)),
      headers: { "kv-autosave": "1" },
      credentials: "same-origin",
      redirect: "error"
    }).then(function (response) {
      if (response.ok) {
        say(failing ? "Verbinding terug — bewaard" : "Bewaard", false);
        failing = false;
        backoff = 1000;
      } else if (response.status === 503) {
        failing = true;
        say(NOT_SAVED, true);
        retry();
      } else if (response.status === 401) {
        failing = false;
        say("Niet bewaard: deze telefoon doet niet (meer) mee. Scan de QR-code opnieuw; je antwoorden staan nog op dit scherm.", true);
      } else {
        failing = false;
        say("Niet bewaard — druk op Bewaren om het opnieuw te proberen.", true);
      }
    }, function () {
      failing = true;
      say(NO_LINK, true);
      retry();
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

// livret: suggestions as one types a territory. The page works without
// this script; it only fills each field's <datalist> from /suggestions.
(function () {
  "use strict";
  var timers = {};
  function suggest(input) {
    var list = document.getElementById(input.getAttribute("list"));
    if (!list) { return; }
    var value = input.value;
    // A field may hold several names separated by commas: suggest for the last one.
    var cut = value.lastIndexOf(",");
    var before = cut >= 0 ? value.slice(0, cut + 1) + " " : "";
    var typed = value.slice(cut + 1).trim();
    if (typed.length < 2) { list.textContent = ""; return; }
    var url = "/suggestions?champ=" + encodeURIComponent(input.dataset.suggest) + "&q=" + encodeURIComponent(typed);
    fetch(url, { headers: { "Accept": "application/json" } })
      .then(function (r) { return r.ok ? r.json() : []; })
      .then(function (items) {
        list.textContent = "";
        items.forEach(function (s) {
          var o = document.createElement("option");
          o.value = before + s.valeur;
          o.label = s.libelle;
          o.textContent = s.libelle;
          list.appendChild(o);
        });
      })
      .catch(function () { list.textContent = ""; });
  }
  document.addEventListener("input", function (e) {
    var input = e.target;
    if (!input.dataset || !input.dataset.suggest) { return; }
    clearTimeout(timers[input.id]);
    timers[input.id] = setTimeout(function () { suggest(input); }, 150);
  });
  // Errors: bring the first one into view and to the keyboard.
  document.addEventListener("DOMContentLoaded", function () {
    var alert = document.getElementById("erreurs");
    var first = document.querySelector("[aria-invalid=true]");
    if (alert) { alert.focus(); } else if (first) { first.focus(); }
  });
})();

/* Live plain-language advice on the experience form: while someone types, the advice under a
   text section is fetched from /api/v1/writing/check and shown in that section's polite live
   region. The button "Controleer de leesbaarheid" gives the same advice without this script. */
(function () {
  "use strict";
  var PAUSE_MS = 800;
  var form = document.querySelector("form[data-writing-check]");
  var token = document.querySelector('meta[name="csrf-token"]');
  if (!form || !token || !window.fetch) {
    return;
  }

  function render(region, advice) {
    var summary = document.createElement("p");
    var lines = document.createElement("ul");
    region.textContent = "";
    if (!advice || !advice.summary) {
      return;
    }
    summary.className = "writing-advice__summary";
    summary.textContent = advice.summary;
    lines.className = "writing-advice__lines";
    advice.lines.forEach(function (line) {
      var item = document.createElement("li");
      item.textContent = line;
      lines.appendChild(item);
    });
    region.appendChild(summary);
    region.appendChild(lines);
  }

  function watch(region) {
    var name = region.getAttribute("data-writing-section");
    var field = form.elements[name];
    var timer = null;
    var asked = 0;
    var shown = JSON.stringify(null);

    function check() {
      var texts = {};
      var question = ++asked;
      texts[name] = field.value;
      fetch(form.getAttribute("data-writing-check"), {
        method: "POST",
        credentials: "same-origin",
        headers: {"Content-Type": "application/json", "X-CSRFToken": token.content},
        body: JSON.stringify({texts: texts})
      }).then(function (response) {
        return response.ok ? response.json() : null;
      }).then(function (answer) {
        var advice = answer && answer.sections[name];
        var text = JSON.stringify(advice);
        if (advice && question === asked && text !== shown) {  /* only the newest, only news */
          shown = text;
          render(region, advice);
        }
      }).catch(function () { /* the button still works */ });
    }

    if (!field) {
      return;
    }
    field.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(check, PAUSE_MS);
    });
  }

  Array.prototype.forEach.call(form.querySelectorAll("[data-writing-section]"), watch);
}());

(function () {
  "use strict";
  var facts = JSON.parse(document.getElementById("facts").textContent);
  var panel = document.getElementById("panel");
  var body = document.getElementById("panel-body");
  var active = [];
  function clear() { active.forEach(function (el) { el.classList.remove("active"); }); active = []; }
  function show(id) {
    var fact = facts[id];
    if (!fact) { return; }
    clear();
    document.querySelectorAll('mark[data-fact="' + id + '"]').forEach(function (el) {
      el.classList.add("active"); active.push(el);
    });
    var h = document.createElement("h3");
    h.textContent = fact.type + ": " + fact.text;
    var dl = document.createElement("dl");
    Object.keys(fact.values).forEach(function (key) {
      var dt = document.createElement("dt"); dt.textContent = key;
      var dd = document.createElement("dd"); dd.textContent = fact.values[key];
      dl.appendChild(dt); dl.appendChild(dd);
    });
    body.replaceChildren(h, dl);
    panel.hidden = false;
  }
  function innermost(event) {
    var el = event.target.closest ? event.target.closest("mark.f") : null;
    return el ? el.getAttribute("data-fact") : null;
  }
  var doc = document.getElementById("doc-text");
  doc.addEventListener("mouseover", function (e) { var id = innermost(e); if (id) { show(id); } });
  doc.addEventListener("click", function (e) { var id = innermost(e); if (id) { show(id); } });
  document.getElementById("panel-close").addEventListener("click", function () { clear(); panel.hidden = true; });
  document.querySelectorAll("a[data-show]").forEach(function (a) {
    a.addEventListener("click", function () { show(a.getAttribute("data-show")); });
  });
  document.querySelectorAll("#legend input[data-kind]").forEach(function (box) {
    box.addEventListener("change", function () {
      document.body.classList.toggle("hide-" + box.getAttribute("data-kind"), !box.checked);
    });
  });
})();

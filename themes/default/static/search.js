// briefing search: loads data/search.json once and filters it in the browser.
// Works offline on the static site; links are made relative to this page.
(function () {
  "use strict";
  var input = document.getElementById("search-input");
  var list = document.getElementById("search-results");
  if (!input || !list) return;
  var root = list.getAttribute("data-root") || "";
  var index = null;

  function fold(s) {
    return (s || "").normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  function load() {
    if (index) return Promise.resolve(index);
    return fetch(list.getAttribute("data-index"))
      .then(function (r) { return r.json(); })
      .then(function (data) {
        index = data.items.map(function (it) {
          it.hay = fold([it.title].concat(it.aliases || [], [it.text || "", it.date || ""]).join(" "));
          it.key = fold(it.title);
          return it;
        });
        return index;
      });
  }

  function score(it, terms) {
    var s = 0;
    for (var i = 0; i < terms.length; i++) {
      var t = terms[i];
      if (it.hay.indexOf(t) < 0) return 0;
      s += it.key.indexOf(t) >= 0 ? 3 : 1;
    }
    return s + (it.kind === "event" ? 0.5 : it.kind === "person" ? 0.4 : 0);
  }

  function render(items) {
    list.textContent = "";
    items.forEach(function (it) {
      var li = document.createElement("li");
      var kind = document.createElement("span");
      kind.className = "kind";
      kind.textContent = it.kind;
      var a = document.createElement("a");
      a.href = root + it.url;
      a.textContent = it.title;
      li.appendChild(kind);
      li.appendChild(a);
      if (it.date) {
        var m = document.createElement("span");
        m.className = "meta";
        m.textContent = " " + it.date;
        li.appendChild(m);
      }
      list.appendChild(li);
    });
  }

  function run() {
    var terms = fold(input.value).split(/\s+/).filter(Boolean);
    if (!terms.length) { render([]); return; }
    load().then(function (idx) {
      var hits = idx.map(function (it) { return [score(it, terms), it]; })
        .filter(function (p) { return p[0] > 0; })
        .sort(function (a, b) { return b[0] - a[0] || a[1].title.localeCompare(b[1].title); })
        .slice(0, 50)
        .map(function (p) { return p[1]; });
      render(hits);
    });
  }

  input.addEventListener("input", run);
  var q = new URLSearchParams(location.search).get("q");
  if (q) { input.value = q; run(); }
})();

// briefing search: loads the index in parts (data/search.json lists them):
// events and people first, then the article parts one by one, updating the
// results as each arrives. Works offline on the static site; links are made
// relative to this page. The query is kept in the address (?q=…).
(function () {
  "use strict";
  var input = document.getElementById("search-input");
  var list = document.getElementById("search-results");
  var status = document.getElementById("search-status");
  if (!input || !list) return;
  var root = list.getAttribute("data-root") || "";
  var items = [];
  var loading = null;
  var pending = 0;

  function fold(s) {
    return (s || "").normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  function add(part) {
    part.items.forEach(function (it) {
      it.kind = part.kind;
      it.hay = fold([it.title].concat(it.aliases || [], [it.text || "", it.date || ""]).join(" "));
      it.key = fold(it.title);
      items.push(it);
    });
  }

  function getJson(url) {
    return fetch(url).then(function (r) {
      if (!r.ok) throw new Error(url + ": " + r.status);
      return r.json();
    });
  }

  // Resolves when the first part is in; the others follow one by one, in
  // the manifest's order (events, people, articles), and each re-runs the
  // search so results fill in as they arrive.
  function load() {
    if (loading) return loading;
    loading = getJson(list.getAttribute("data-index")).then(function (manifest) {
      var parts = manifest.parts.slice();
      pending = parts.length;
      var next = function () {
        var p = parts.shift();
        if (!p) return Promise.resolve();
        return getJson(root + p.url).then(function (part) { add(part); pending -= 1; });
      };
      return next().then(function () {
        parts.reduce(function (chain) {
          return chain.then(next).then(run);
        }, Promise.resolve());
      });
    });
    return loading;
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

  function say(text) {
    if (status) status.textContent = text;
  }

  function render(hits, query) {
    list.textContent = "";
    hits.forEach(function (it) {
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
    if (!query) { say(""); return; }
    var more = pending > 0 ? " (still loading…)" : "";
    say(hits.length ? hits.length + (hits.length === 50 ? "+" : "") + " results for “" + query + "”" + more
      : "No results for “" + query + "”" + more + ". Try a surname, a place or fewer words.");
  }

  function keep(query) {
    var url = new URL(location.href);
    if (query) url.searchParams.set("q", query); else url.searchParams.delete("q");
    history.replaceState(null, "", url.pathname + url.search + url.hash);
  }

  function run() {
    var query = input.value.trim();
    var terms = fold(query).split(/\s+/).filter(Boolean);
    keep(query);
    if (!terms.length) { render([], ""); return; }
    load().then(function () {
      var hits = items.map(function (it) { return [score(it, terms), it]; })
        .filter(function (p) { return p[0] > 0; })
        .sort(function (a, b) { return b[0] - a[0] || a[1].title.localeCompare(b[1].title); })
        .slice(0, 50)
        .map(function (p) { return p[1]; });
      if (input.value.trim() === query) render(hits, query);
    }, function (e) { say("The search index could not be loaded: " + e.message); });
  }

  input.addEventListener("input", run);
  var form = input.form;
  if (form) form.addEventListener("submit", function (ev) { ev.preventDefault(); run(); });
  var q = new URLSearchParams(location.search).get("q");
  if (q) { input.value = q; run(); }
})();

// owes web page: the search applies the rules and names the Python side shipped in #owes-data
// (domain/names.py and domain/places.py); it decides nothing of its own. No request leaves the page.
(function () {
  "use strict";
  const DATA = JSON.parse(document.getElementById("owes-data").textContent);
  const S = DATA.search, R = S.rules, P = S.preference, T = DATA.texts;
  const DASHES = new RegExp(R.dashes, "gu"), NON_WORD = new RegExp(R.non_word, "gu");
  const ADJECTIVE = new RegExp("^(?:" + R.adjective + ")$"), VOWEL = new RegExp(R.vowel);
  const GMINA = new RegExp(P.gmina_qualifier, "i");
  const POSTAL = new RegExp(P.postal_code), SIMC_PREFIX = new RegExp(P.simc_prefix, "i");
  const REGION = new Set(S.counties.filter((c) => c[3]).map((c) => c[0]));
  const COUNTY = new Map(S.counties.map((c) => [c[0], c]));
  const UNITS = new Set(P.units);
  const UNIT = new Map(S.places.filter((p) => !p[6]).map((p) => [p[2], p]));

  function translate(text, table) {
    let out = "";
    for (const ch of text) out += table[ch] !== undefined ? table[ch] : ch;
    return out;
  }
  function fold(text) {
    let s = translate(text, R.fold_undecomposable).normalize("NFKD").replace(/\p{M}/gu, "");
    s = translate(s.toLowerCase(), R.fold_undecomposable).replace(DASHES, " ").replace(NON_WORD, " ");
    return s.split(/\s+/).filter(Boolean).join(" ");
  }
  const rstripDots = (w) => w.replace(/\.+$/, "");
  function words(text) {
    return fold(text).replace(/\. /g, ".  ").split(/\s+/).filter((w) => w.replace(/^\.+|\.+$/g, ""));
  }
  const stemCache = new Map();
  function stems(word) {
    word = rstripDots(word);
    if (stemCache.has(word)) return stemCache.get(word);
    const found = new Set([word]);
    for (const e of R.endings) {
      if (word.endsWith(e) && word.length - e.length >= R.min_stem) found.add(word.slice(0, -e.length));
    }
    for (const stem of [...found]) {
      for (const [after, before] of R.alternations) {
        if (stem.endsWith(after) && stem.length - after.length + before.length >= R.min_stem) {
          found.add(stem.slice(0, -after.length) + before);
        }
      }
    }
    stemCache.set(word, found);
    return found;
  }
  const isAbbreviation = (w) => w.endsWith(".") || !VOWEL.test(w);
  function abbreviates(short, long) {
    short = rstripDots(short);
    if (short.length < 2 || short[0] !== long[0] || short.length >= long.length) return false;
    let at = 1;
    for (const ch of short.slice(1)) {
      at = long.indexOf(ch, at) + 1;
      if (at === 0) return false;
    }
    return true;
  }
  function wordMatches(q, n) {
    if (rstripDots(q) === n) return true;
    if (isAbbreviation(q)) return abbreviates(q, n);
    const ns = stems(n);
    for (const s of stems(q)) if (ns.has(s)) return true;
    return false;
  }
  function adjectiveBase(word) {
    const m = ADJECTIVE.exec(word);
    return m ? m[1] : null;
  }
  function splitQuery(text) {
    const kinds = new Set(), name = [];
    for (const word of words(text)) {
      const bare = rstripDots(word);
      const ws = new Set([...stems(bare), bare]);
      const has = (list) => list.some((x) => ws.has(x));
      if (has(R.land_words) || bare.startsWith("ziemsk")) kinds.add("land");
      else if (has(R.city_words) || bare.startsWith("grodzk")) kinds.add("city");
      else if (has(R.rural_words)) kinds.add("rural");
      else if (R.filler_words.includes(bare) || has(R.filler_stems)) continue;
      else name.push(word);
    }
    return [name, kinds];
  }
  function nameMatchScore(queryWords, name) {
    const nameWords = words(name);
    if (!queryWords.length || !nameWords.length) return 0;
    const matched = new Set();
    for (const q of queryWords) {
      const hit = nameWords.findIndex((n, i) => !matched.has(i) && wordMatches(q, n));
      if (hit < 0) return 0;
      matched.add(hit);
    }
    return matched.has(0) ? matched.size / nameWords.length : 0;
  }
  // lookup.choose: the best inside the region; several counties among them is ambiguous.
  function choose(scored, county, order) {
    if (!scored.length) return { status: "unknown" };
    const within = scored.filter(([, c]) => REGION.has(county(c)));
    if (!within.length) {
      const best = Math.max(...scored.map(([s]) => s));
      return { status: "outside", found: scored.filter(([s]) => s === best).map(([, c]) => c).sort(order) };
    }
    const best = Math.max(...within.map(([s]) => s));
    const top = within.filter(([s]) => s === best).map(([, c]) => c).sort(order);
    if (new Set(top.map(county)).size > 1) return { status: "ambiguous", found: top };
    return { status: "answer", chosen: top[0] };
  }
  const byKey = (key) => (a, b) => {
    const x = key(a), y = key(b);
    for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return x[i] < y[i] ? -1 : 1;
    return 0;
  };
  // Counties: [teryt, name, kind, in region]
  function resolveCounty(query) {
    if (/^[0-9 ]+$/.test(query)) {
      const code = query.replace(/ /g, "");
      if (REGION.has(code)) return { status: "answer", county: code };
      if (COUNTY.has(code)) return { status: "outside", found: [COUNTY.get(code)], counties: true };
      return { status: "unknown" };
    }
    const [qw, kinds] = splitQuery(query);
    const scored = [];
    for (const c of S.counties) {
      if (kinds.size && !kinds.has(c[2])) continue;
      let score = nameMatchScore(qw, c[1]);
      if (!score && c[2] === "city" && kinds.has("city") && qw.length === 1) {
        const base = adjectiveBase(rstripDots(qw[0]));
        if (base && S.cities[c[0]].includes(base)) score = 1;
      }
      if (score) scored.push([score, c]);
    }
    const found = choose(scored, (c) => c[0], byKey((c) => [c[0]]));
    if (found.status === "answer") return { status: "answer", county: found.chosen[0] };
    return { ...found, counties: true };
  }
  // Places: [name, kind, teryt, simc, rank, own label, is a locality]
  let folded = null;
  function foldedNames() {
    if (!folded) folded = S.places.map((p) => fold(p[0]));
    return folded;
  }
  function kindsMeant(said, gmina) {
    if (said.has("city") && said.has("rural")) return P.kinds_meant["city rural"];
    if (said.has("city")) return gmina ? P.gmina_kinds_meant.city : P.kinds_meant.city;
    if (said.has("rural")) return P.kinds_meant.rural;
    return null;
  }
  const placeCounty = (p) => p[2].slice(0, 4);
  function resolvePlace(query) {
    if (POSTAL.test(query)) return { status: "postal" };
    const code = query.replace(SIMC_PREFIX, "").replace(/ /g, "");
    if (/^[0-9]+$/.test(code)) {
      const readings = S.places.filter((p) => (!p[6] && p[2] === code) || p[3] === code);
      const inside = readings.filter((p) => REGION.has(placeCounty(p)));
      if (inside.length) return { status: "answer", place: inside[0] };
      return readings.length ? { status: "outside", found: readings } : { status: "unknown" };
    }
    const qualified = GMINA.exec(query);
    const nameText = qualified ? qualified.groups.name : query;
    let scored = candidates(nameText);
    if (qualified) {
      // "Nowa Wieś, gmina Bytnica": only the places of a gmina of that name.
      const [gw, gkinds] = splitQuery(qualified.groups.gmina);
      const kinds = kindsMeant(gkinds, true) || P.units;
      scored = scored.filter(([, p]) => {
        const gmina = UNIT.get(p[2].slice(0, 6) + (/[45]$/.test(p[2]) ? "3" : p[2][6]));
        return gmina && nameMatchScore(gw, gmina[0]) && kinds.includes(gmina[1]);
      });
    }
    const found = choose(scored, placeCounty, byKey((p) => [p[4], p[2], p[3]]));
    if (found.status === "answer") return { status: "answer", place: found.chosen };
    if (found.status === "ambiguous") {
      found.found.sort(byKey((p) => [placeCounty(p), UNITS.has(p[1]) ? 0 : 1, p[2], p[3] || p[2]]));
    }
    return found;
  }
  // places._candidates: a name written out in full first, then one reached by its words' stems.
  function candidates(query) {
    const names = foldedNames();
    const named = (f) => S.places.filter((p, i) => names[i] === f);
    let scored = named(fold(query)).map((p) => [1, p]);
    if (!scored.length) {
      const [qw, said] = splitQuery(query);
      const kinds = kindsMeant(said);
      const spelled = qw.map(rstripDots).join(" ");
      scored = named(spelled).filter((p) => !kinds || kinds.includes(p[1])).map((p) => [1, p]);
      if (!scored.length) {
        const initials = new Set(qw.map((w) => w[0]));
        const abbreviated = qw.some((w) => w.endsWith("."));
        S.places.forEach((p, i) => {
          if (!initials.has(names[i][0]) || (kinds && !kinds.includes(p[1])) || (abbreviated && p[6])) return;
          const score = nameMatchScore(qw, p[0]);
          if (score) scored.push([score, p]);
        });
      }
    }
    return scored;
  }

  // Drawing the answer --------------------------------------------------------------
  const body = document.getElementById("answer-body");
  const fill = (template, params) => template.replace(/\{(\w+)\}/g, (m, k) => (k in params ? params[k] : m));
  function el(tag, text, attrs) {
    const node = document.createElement(tag);
    if (text !== undefined) node.textContent = text;
    for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
    return node;
  }
  function reset(status) {
    body.replaceChildren();
    for (const key of ["county", "centre", "centres", "coverage"]) delete body.dataset[key];
    body.dataset.status = status;
  }
  function kindLabel(p) {
    return p[5] || S.kind_labels[p[1]] || p[1];
  }
  function where(p) {
    const county = COUNTY.get(placeCounty(p));
    const parts = [p[0] + " (" + kindLabel(p) + (p[3] && p[6] ? ", SIMC " + p[3] : ", " + p[2]) + ")"];
    const gmina = S.gminas[p[2].slice(0, 6) + (/[45]$/.test(p[2]) ? "3" : p[2][6])];
    if (gmina && p[6]) parts.push("gmina " + gmina);
    if (county) parts.push("powiat " + county[1]);
    parts.push("województwo " + (S.voivodeships[p[2].slice(0, 2)] || p[2].slice(0, 2)));
    return parts.join(", ");
  }
  function showCounty(code, query, place) {
    const template = document.getElementById("answer-" + code);
    if (!template) return;
    reset("answer");
    Object.assign(body.dataset, {
      county: template.dataset.county,
      centre: template.dataset.centre,
      centres: template.dataset.centres,
      coverage: template.dataset.coverage,
    });
    if (query !== undefined) body.append(el("p", fill(T.web_answer_for, { query }), { class: "small" }));
    if (place) body.append(el("p", where(place), { class: "place" }));
    body.append(template.content.cloneNode(true));
  }
  function links(items) {
    const list = el("ul");
    for (const [text, target] of items) {
      const li = el("li");
      li.append(el("a", text, { href: "#q=" + encodeURIComponent(target) }));
      list.append(li);
    }
    return list;
  }
  function similarity(a, b) {
    const grams = (s) => {
      const out = new Map();
      for (let i = 0; i < s.length - 1; i++) out.set(s.slice(i, i + 2), (out.get(s.slice(i, i + 2)) || 0) + 1);
      return out;
    };
    const x = grams(a), y = grams(b);
    let common = 0, total = 0;
    for (const [g, n] of x) common += Math.min(n, y.get(g) || 0);
    for (const n of x.values()) total += n;
    for (const n of y.values()) total += n;
    return total ? (2 * common) / total : 0;
  }
  function suggestions(query) {
    const q = splitQuery(query)[0].map(rstripDots).join(" ") || fold(query);
    const seen = new Map();
    const consider = (name) => {
      const f = fold(name);
      if (!seen.has(f)) seen.set(f, [Math.max(similarity(q, f), 0.9 * similarity(q, f.slice(0, q.length + 2))), name]);
    };
    S.counties.forEach((c) => c[3] && consider(c[1]));
    S.places.forEach((p) => REGION.has(placeCounty(p)) && consider(p[0]));
    return [...seen.values()].filter(([s]) => s >= 0.5).sort((a, b) => b[0] - a[0] || (a[1] < b[1] ? -1 : 1)).slice(0, 3);
  }
  function search(raw) {
    const query = raw.replace(/\p{Cf}/gu, "").trim();
    if (!query) {
      reset("empty");
      body.append(el("p", T.web_empty));
      return;
    }
    const county = resolveCounty(query);
    if (county.status === "answer") return showCounty(county.county, query);
    const place = resolvePlace(query);
    if (place.status === "answer") return showCounty(placeCounty(place.place), query, place.place);
    // What a person most likely meant: a place in several counties, then a county name that
    // fits several or lies outside the region, then what the place search found.
    const shown =
      place.status !== "ambiguous" && (county.status === "ambiguous" || county.status === "outside") ? county : place;
    reset(shown.status);
    if (shown.status === "ambiguous") {
      body.append(el("p", fill(T.web_ambiguous, { query })));
      body.append(links(shown.found.map((c) => (shown.counties ? [c[1] + " (" + c[0] + ")", c[0]] : [where(c), c[3] || c[2]]))));
    } else if (shown.status === "outside") {
      body.append(el("p", fill(T.web_outside, { query, region: S.region })));
      const list = el("ul");
      for (const c of shown.found.slice(0, 12)) {
        const text = shown.counties
          ? c[1] + " (" + c[0] + "), województwo " + (S.voivodeships[c[0].slice(0, 2)] || c[0].slice(0, 2))
          : where(c);
        list.append(el("li", text));
      }
      body.append(list);
    } else if (shown.status === "postal") {
      body.append(el("p", fill(T.web_postal_code, { query })));
    } else {
      body.append(el("p", fill(T.web_not_found, { query })));
      const found = suggestions(query);
      if (found.length) {
        body.append(el("p", T.web_suggestions));
        body.append(links(found.map(([, name]) => [name, name])));
      }
    }
  }

  const input = document.getElementById("q");
  document.getElementById("search-form").addEventListener("submit", (event) => {
    event.preventDefault();
    search(input.value);
    history.replaceState(null, "", "#q=" + encodeURIComponent(input.value));
  });
  function fromHash(focus) {
    const hash = decodeURIComponent(location.hash.slice(1));
    if (hash.startsWith("county-")) {
      showCounty(hash.slice(7));
    } else if (hash.startsWith("q=")) {
      input.value = hash.slice(2);
      search(input.value);
    } else return;
    if (focus) document.getElementById("answer").focus();
  }
  window.addEventListener("hashchange", () => fromHash(true));
  fromHash(false);
})();

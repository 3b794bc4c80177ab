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
    if (found.status === "ambiguous") found.found = readingOrder(found.found);
    return found;
  }
  // places.reading_order: the readings of one name as the command line lists them, the first
  // leading. A gmina and the village of its name that is its seat, then towns, then other
  // gminas, then villages and the like, then parts of places; the region's own first in a kind.
  const ORDER = P.reading_order;
  const gminaCode = (p) => p[2].slice(0, 6) + (/[45]$/.test(p[2]) ? "3" : p[2][6]);
  function readingOrder(found) {
    const gminas = new Map(found.filter((p) => ORDER.gminas.includes(p[1])).map((p) => [p[2], p]));
    const seatOf = (p) => {
      const gmina = p[6] && !ORDER.parts.includes(p[1]) ? gminas.get(gminaCode(p)) : undefined;
      return gmina && fold(gmina[0]) === fold(p[0]) ? gmina : null;
    };
    const seated = new Set(found.map(seatOf).filter(Boolean).map((g) => g[2]));
    const away = (p) => (REGION.has(placeCounty(p)) ? 0 : 1);
    return [...found].sort(byKey((p) => {
      const gmina = seatOf(p);
      if (gmina) return [0, 0, away(gmina), placeCounty(gmina), gmina[2], 1, p[3]];
      let group = 3;
      if (seated.has(p[2]) && !p[6]) group = 0;
      else if (ORDER.towns.includes(p[1])) group = 1;
      else if (ORDER.gminas.includes(p[1])) group = 2;
      else if (ORDER.parts.includes(p[1])) group = 4;
      return [group, group === 3 ? p[4] : 0, away(p), placeCounty(p), p[2], 0, p[3]];
    }));
  }
  // Directory._one_answer: places of one name (not an abbreviation that fits several) whose
  // counties give one answer on the day asked (Python numbered them so: DATA.alike).
  function oneAnswer(found) {
    const step = stepOf(day);
    const alike = (p) => (DATA.alike[placeCounty(p)] || [])[step];
    return new Set(found.map((p) => fold(p[0]))).size === 1 && new Set(found.map(alike)).size === 1;
  }
  // A reading as the note of the ambiguity rule names it ("Łagów (village, gmina Dąbie, powiat krośnieński)").
  function reading(p) {
    const params = {
      name: p[0],
      kind_label: kindLabel(p),
      county: (COUNTY.get(placeCounty(p)) || [null, placeCounty(p)])[1],
      gmina: S.gminas[gminaCode(p)] || gminaCode(p),
    };
    return fill(p[6] ? T.reading_named_locality : T.reading_named_unit, params);
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

  // Points: `which-centre --at`'s forms of "LAT,LON" and its test, on the same gmina outlines.
  const FORMS = S.coordinates.map((p) => new RegExp("^(?:" + p + ")$"));
  function readPoint(text) {
    for (const form of FORMS) {
      const m = form.exec(text);
      if (m) return [m[1], m[2]].map((n) => Number(n.replace(",", ".")));
    }
    return null;
  }
  let outlines = null; // decoded on the first point asked: [code, box, rings of each polygon]
  function decodedOutlines() {
    if (outlines) return outlines;
    outlines = Object.entries(S.outlines).map(([code, polygons]) => {
      const box = [Infinity, Infinity, -Infinity, -Infinity];
      const decoded = polygons.map((polygon) =>
        polygon.map((flat, r) => {
          const ring = [];
          let x = 0, y = 0;
          for (let i = 0; i < flat.length; i += 2) {
            x += flat[i];
            y += flat[i + 1];
            ring.push([x * S.unit, y * S.unit]);
            if (r === 0) {
              box[0] = Math.min(box[0], x * S.unit); box[1] = Math.min(box[1], y * S.unit);
              box[2] = Math.max(box[2], x * S.unit); box[3] = Math.max(box[3], y * S.unit);
            }
          }
          return ring;
        })
      );
      return [code, box, decoded];
    });
    return outlines;
  }
  // geo.ring_contains: the even-odd rule, term for term, so that a point on an edge falls alike.
  function ringContains(ring, x, y) {
    let inside = false;
    let [x1, y1] = ring[ring.length - 1];
    for (const [x2, y2] of ring) {
      if ((y1 > y) !== (y2 > y) && x < x1 + ((y - y1) * (x2 - x1)) / (y2 - y1)) inside = !inside;
      x1 = x2; y1 = y2;
    }
    return inside;
  }
  function gminaAt(lon, lat) {
    for (const [code, box, polygons] of decodedOutlines()) {
      if (lon < box[0] || lon > box[2] || lat < box[1] || lat > box[3]) continue;
      for (const polygon of polygons) {
        if (polygon.filter((ring) => ringContains(ring, lon, lat)).length % 2 === 1) return code;
      }
    }
    return null;
  }

  // Drawing the answer --------------------------------------------------------------
  // The page answers for the reader's day: DATA.steps are the first days of the runs of days
  // on which no answer changes (Python worked them out); DATA.by_county[code][step] names the
  // <template id="answer-N"> laid out by Python for that county in that step.
  const region = document.getElementById("answer");
  const heading = document.getElementById("answer-heading");
  const body = document.getElementById("answer-body");
  const note = document.getElementById("search-note");
  const dayInput = document.getElementById("day");
  const dayShown = document.getElementById("day-shown");
  const HEADING = heading.textContent, TITLE = document.title;
  const ISO_DAY = /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/;
  const fill = (template, params) => template.replace(/\{(\w+)\}/g, (m, k) => (k in params ? params[k] : m));
  const pad = (n) => String(n).padStart(2, "0");
  function today() {
    const now = new Date(); // the device's clock, in its own time zone
    return String(now.getFullYear()).padStart(4, "0") + "-" + pad(now.getMonth() + 1) + "-" + pad(now.getDate());
  }
  let day = today();
  // The browser writes the field in its own locale's order, not the page's: say the day beside it.
  function showDay(value) {
    const [y, m, d] = value.split("-");
    dayShown.textContent = ISO_DAY.test(value) ? fill(T.web_day_chosen, { day: fill(T.web_day_format, { y, m, d }) }) : "";
  }
  function stepOf(when) {
    let found = 0;
    DATA.steps.forEach((first, i) => { if (first <= when) found = i; });
    return found;
  }
  function el(tag, text, attrs) {
    const node = document.createElement(tag);
    if (text !== undefined) node.textContent = text;
    for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
    return node;
  }
  function reset(status) {
    body.replaceChildren();
    for (const key of ["county", "centre", "centres", "coverage", "place", "readings", "answeredQuery"]) {
      delete body.dataset[key];
    }
    body.dataset.status = status;
    heading.textContent = HEADING;
  }
  // The last step: the answer is complete, so tests (and the title, the map) may read it.
  function finished(asked, county) {
    for (const link of document.querySelectorAll("svg a.county")) {
      if (link.getAttribute("href") === "#county-" + county) link.setAttribute("aria-current", "true");
      else link.removeAttribute("aria-current");
    }
    document.title = heading.textContent + " — " + TITLE;
    body.dataset.day = day;
    body.dataset.answeredQuery = asked;
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
  // `said`: the notes under the place, when not the ones Python worked out for it (S.notes).
  function showCounty(code, query, place, said) {
    const steps = DATA.by_county[code];
    const template = steps && document.getElementById("answer-" + steps[stepOf(day)]);
    if (!template) return false;
    reset("answer");
    const shown = template.dataset;
    Object.assign(body.dataset, { county: shown.county, centre: shown.centre, centres: shown.centres, coverage: shown.coverage });
    const subject = place ? place[0] + ", " + shown.subject : shown.subject;
    // A day before the reader's today is said to be past, as every other output says it.
    heading.textContent = fill(day < today() ? T.web_heading_past : T.web_heading, { lead: shown.lead, subject, day });
    if (query !== undefined) body.append(el("p", fill(T.web_answer_for, { query }), { class: "small" }));
    if (place) body.append(el("p", where(place), { class: "place" }));
    if (place) body.dataset.place = place[2];
    // What the command line notes about this place's namesakes, worked out by Python.
    for (const line of said || (place && S.notes[place[2] + "/" + place[3]]) || []) {
      body.append(el("p", line, { class: "notice" }));
    }
    const answer = template.content.cloneNode(true);
    const first = answer.querySelector("dl > div");
    if (place && first) {
      // The short answer's first row, as the command line says it for a place: "Place: Żary
      // (urban gmina), county żarski (0811, land county)" where the county's answer says "County".
      const dd = first.querySelector("dd");
      first.querySelector("dt").textContent = T.place;
      dd.textContent = place[0] + " (" + kindLabel(place) + "), " + T.county.toLowerCase() + " " + dd.textContent;
    }
    body.append(answer);
    return true;
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
    // Counties, towns and gminas of the region only: the page does not know Poland's villages, so
    // a village's name it cannot find may be one elsewhere ("Tosin", łódzkie), not a typo of one here.
    S.counties.forEach((c) => c[3] && consider(c[1]));
    S.places.forEach((p) => !p[6] && REGION.has(placeCounty(p)) && consider(p[0]));
    return [...seen.values()].filter(([s]) => s >= 0.5).sort((a, b) => b[0] - a[0] || (a[1] < b[1] ? -1 : 1)).slice(0, 3);
  }
  // Returns the name the search box should show: what was chosen, not a code.
  function search(query) {
    if (!query) {
      reset("empty");
      body.append(el("p", T.web_empty));
      return finished(query, "");
    }
    const point = readPoint(query);
    if (point) return searchPoint(query, point);
    const isCode = /^[0-9 ]+$/.test(query);
    const county = resolveCounty(query);
    if (county.status === "answer") {
      showCounty(county.county, query);
      finished(query, county.county);
      return isCode ? COUNTY.get(county.county)[1] : query;
    }
    const place = resolvePlace(query);
    if (place.status === "answer") {
      showCounty(placeCounty(place.place), query, place.place);
      finished(query, placeCounty(place.place));
      return isCode || SIMC_PREFIX.test(query) ? place.place[0] : query;
    }
    if (place.status === "ambiguous" && oneAnswer(place.found)) {
      // The ambiguity rule: every reading gives the same answer on this day, so the first one
      // answers, with a note naming the others (as `which-centre --place` answers).
      const [lead, ...others] = place.found;
      const said = fill(T.readings_same_answer, { query, readings: others.map(reading).join("; ") });
      showCounty(placeCounty(lead), query, lead, [said]);
      body.dataset.readings = place.found.map((p) => p[2] + "/" + p[3]).join(" ");
      finished(query, placeCounty(lead));
      return query;
    }
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
      // "Kostrzyn" is a town in wielkopolskie; the region has Kostrzyn nad Odrą.
      const start = fold(query) + " ";
      const longer = new Map();
      S.places.forEach((p, i) => {
        if (REGION.has(placeCounty(p)) && foldedNames()[i].startsWith(start)) longer.set(p[0], p[0]);
      });
      if (longer.size) {
        body.append(el("p", T.web_in_region));
        body.append(links([...longer.keys()].sort().slice(0, 5).map((name) => [name, name])));
      }
    } else if (shown.status === "postal") {
      body.append(el("p", fill(T.web_postal_code, { query })));
    } else {
      body.append(el("p", fill(T.web_not_found, { query, region: S.region })));
      const found = suggestions(query);
      if (found.length) {
        body.append(el("p", T.web_suggestions));
        body.append(links(found.map(([, name]) => [name, name])));
      }
    }
    finished(query, "");
    return query;
  }

  function searchPoint(query, [lat, lon]) {
    if (!(Math.abs(lat) <= 90 && Math.abs(lon) <= 180)) {
      reset("unknown");
      body.append(el("p", fill(T.web_point_range, { query })));
      finished(query, "");
      return query;
    }
    const at = lat + "," + lon;
    const code = gminaAt(lon, lat);
    const gmina = code && UNIT.get(code);
    if (gmina && showCounty(placeCounty(gmina), query, gmina)) {
      body.insertBefore(el("p", fill(T.web_point, { at: lat + ", " + lon }), { class: "place" }), body.querySelector(".place"));
      finished(query, placeCounty(gmina));
      return query;
    }
    reset("outside");
    body.append(el("p", fill(T.web_point_outside, { at, region: S.region })));
    if (Math.abs(lon) <= 90 && gminaAt(lat, lon)) {
      body.append(el("p", fill(T.web_point_swapped, { swapped: lon + "," + lat })));
      body.append(links([[lon + "," + lat, lon + "," + lat]]));
    }
    finished(query, "");
    return query;
  }

  // What is asked lives in the address: "#q=Żary", "#county-0811", each with "&on=2015-11-01"
  // when another day than today is asked. Each answer is a history entry, so Back goes to the last.
  const input = document.getElementById("q");
  function clean(raw) {
    const text = raw.replace(/\p{Cf}/gu, "").trim();
    const chars = Array.from(text);
    return chars.length > DATA.max_query ? [chars.slice(0, DATA.max_query).join("").trim(), true] : [text, false];
  }
  function say(message) {
    note.textContent = message || "";
    note.hidden = !message;
  }
  function address(what) {
    return "#" + what + (day !== today() ? "&on=" + day : "");
  }
  function go(what) {
    const target = address(what);
    if (location.hash === target) render(true);
    else location.hash = target; // a new history entry; "hashchange" answers it
  }
  let asked = null; // what the address asks, without the day
  let wasCut = false; // the query typed was cut before it went into the address
  function render(focus) {
    let parts;
    try {
      parts = location.hash.slice(1).split("&").map(decodeURIComponent);
    } catch (error) {
      // "#q=100%": not an address this page wrote; the search stays usable.
      asked = null;
      input.value = "";
      reset("empty");
      body.append(el("p", T.web_empty));
      finished("", "");
      say(T.web_bad_address);
      return;
    }
    const on = parts.find((p) => p.startsWith("on=") && ISO_DAY.test(p.slice(3)));
    day = on ? on.slice(3) : today();
    dayInput.value = day;
    showDay(day);
    const first = parts[0] || "";
    say("");
    if (first.startsWith("county-") && DATA.by_county[first.slice(7)]) {
      const code = first.slice(7);
      asked = first;
      showCounty(code);
      input.value = COUNTY.get(code)[1];
      finished(first, code);
    } else if (first.startsWith("q=")) {
      const [query, cut] = clean(first.slice(2));
      asked = "q=" + encodeURIComponent(query);
      input.value = search(query);
      if (cut || wasCut) say(fill(T.web_query_cut, { limit: DATA.max_query }));
      wasCut = false;
    } else {
      return;
    }
    if (focus) {
      heading.scrollIntoView({ block: "start" });
      heading.focus({ preventScroll: true });
    }
  }
  document.getElementById("search-form").addEventListener("submit", (event) => {
    event.preventDefault();
    const [query, cut] = clean(input.value);
    wasCut = cut;
    go("q=" + encodeURIComponent(query));
  });
  dayInput.addEventListener("input", () => showDay(dayInput.value));
  dayInput.addEventListener("change", () => {
    if (!ISO_DAY.test(dayInput.value)) return;
    day = dayInput.value;
    if (asked) go(asked);
  });
  // "Where am I": the browser asks for the device's position only on this click; the answer is
  // worked out here, and the position goes nowhere but into this page's own address.
  const here = document.getElementById("where-am-i");
  if (navigator.geolocation) {
    document.getElementById("where").hidden = false;
    here.addEventListener("click", () => {
      navigator.geolocation.getCurrentPosition(
        (position) => {
          const { latitude, longitude } = position.coords;
          go("q=" + encodeURIComponent(latitude.toFixed(5) + "," + longitude.toFixed(5)));
        },
        (error) => say(fill(T.web_position_failed, { reason: error.message })),
        { maximumAge: 60000, timeout: 30000 }
      );
    });
  }
  window.addEventListener("hashchange", () => render(true));
  // A link to the answer already asked changes no address, so no "hashchange": answer it again
  // (focus and all), as a reader who clicks the same county twice expects.
  document.addEventListener("click", (event) => {
    const link = event.target.closest && event.target.closest("a[href^='#']");
    if (!link || link.closest("#counties")) return;
    const target = link.getAttribute("href");
    const here = target.startsWith("#county-") || target.startsWith("#q=") ? address(target.slice(1)) : null;
    if (here !== null && here === location.hash) {
      event.preventDefault();
      render(true);
    }
  });
  // With the script running, the search answers for the reader's day; the list for readers
  // without JavaScript (the page's own day) gives way to it.
  document.getElementById("counties").hidden = true;
  for (const node of document.querySelectorAll("noscript")) node.remove();
  dayInput.value = day;
  showDay(day);
  render(false);
})();

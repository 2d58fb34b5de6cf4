// The claims panel (#claims): one cluster from /api/clusters/{id}, its claims side by side, grouped by the
// claimant's side and then by claimant, each with its outlet, document, date, stance and the evidence sentence
// marked inside the text around it (from /api/documents/{id}).

import { getCluster, getDocument, getPlaceTimeline } from "./api.js?v=__ASSET_VERSION__";
import { markerSvg, sideColour, sideName } from "./markers.js?v=__ASSET_VERSION__";

const NO_SIDE = "no side stated";
const CONTEXT_CHARS = 320;

export function esc(s) {
  return String(s ?? "").replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
}

const COMPASS = ["N", "NE", "E", "SE", "S", "SW", "W", "NW"];
export function compass(deg) {
  return COMPASS[Math.round((((deg % 360) + 360) % 360) / 45) % 8];
}

function fmtKm(km) {
  return km == null ? "?" : km < 10 ? km.toFixed(1) : String(Math.round(km));
}

/** Case-insensitive first occurrence of `needle` in `hay` as [start, end) JS indices, or null. */
function findWord(hay, needle) {
  if (!needle) return null;
  const i = hay.toLowerCase().indexOf(needle.toLowerCase());
  return i < 0 ? null : [i, i + needle.length];
}

/**
 * HTML of `text` with `spans` ([start, end, class, title] in JS indices, sorted, non-overlapping once
 * filtered here) wrapped in <span>s.
 */
function markSpans(text, spans) {
  spans.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  let html = "";
  let at = 0;
  for (const [s, e, cls, title] of spans) {
    if (s < at || e <= s || e > text.length) continue;
    html += esc(text.slice(at, s));
    html += `<span class="${cls}"${title ? ` title="${esc(title)}"` : ""}>${esc(text.slice(s, e))}</span>`;
    at = e;
  }
  return html + esc(text.slice(at));
}

const charsCache = new WeakMap();
function charsOf(doc) {
  let c = charsCache.get(doc);
  if (!c) {
    c = Array.from(doc.text); // the API's offsets count Unicode scalar values, not UTF-16 units
    charsCache.set(doc, c);
  }
  return c;
}

/** The sentence before [start, end) and the one after, trimmed at sentence ends, as JS strings. */
function around(chars, start, end) {
  let before = chars.slice(Math.max(0, start - CONTEXT_CHARS), start).join("");
  let after = chars.slice(end, end + CONTEXT_CHARS).join("");
  const paras = before.split(/\n\s*\n/);
  before = paras[paras.length - 1];
  const sents = before.split(/(?<=[.!?]["”’»]?)\s+(?=\S)/);
  before = sents.length > 1 ? sents.slice(-2).join(" ").trimStart() : before.trimStart();
  if (start - CONTEXT_CHARS > 0 && sents.length <= 1 && paras.length <= 1) before = `…${before}`;
  const para = after.split(/\n\s*\n/)[0];
  const m = /^[\s\S]*?[.!?]["”’»]?(?=\s|$)/.exec(para.trimStart() ? para : "");
  after = m ? para.slice(0, para.indexOf(m[0]) + m[0].length) : para;
  if (after.length === CONTEXT_CHARS) after += "…";
  return [before, after];
}

/** Evidence HTML: context, the claim's sentence in <mark>, and inside it the ledger's spans and the trigger. */
function evidenceHtml(claim, event, doc) {
  const ev = claim.evidence;
  if (!ev) return `<p class="no-evidence">no evidence span recorded</p>`;
  let sentence = ev.text ?? "";
  let before = "";
  let after = "";
  const inner = [];
  if (doc && doc.text && ev.start != null && ev.end != null) {
    const chars = charsOf(doc);
    if (ev.start <= ev.end && ev.end <= chars.length) {
      sentence = chars.slice(ev.start, ev.end).join("");
      [before, after] = around(chars, ev.start, ev.end);
      for (const sp of doc.evidence ?? []) {
        if (sp.kind === "claim" || sp.kind === "event") continue;
        if (sp.start < ev.start || sp.end > ev.end || sp.end - sp.start >= ev.end - ev.start) continue;
        // char offsets inside the sentence -> JS indices
        const s = chars.slice(ev.start, sp.start).join("").length;
        const e = s + chars.slice(sp.start, sp.end).join("").length;
        inner.push([s, e, `ev-span ev-${sp.kind}`, `${sp.kind} ${sp.ref ?? ""}`.trim()]);
      }
    }
  }
  const t = findWord(sentence, event.trigger);
  if (t && !inner.some(([s, e]) => s < t[1] && t[0] < e)) inner.push([t[0], t[1], "ev-trigger", "event trigger"]);
  return (
    `<blockquote class="evidence" cite="${doc ? `/api/documents/${doc.id}` : ""}">` +
    (before ? `<span class="context">${esc(before)} </span>` : "") +
    `<mark data-start="${ev.start ?? ""}" data-end="${ev.end ?? ""}">${markSpans(sentence, inner)}</mark>` +
    (after ? `<span class="context"> ${esc(after)}</span>` : "") +
    `</blockquote>`
  );
}

function claimHtml(item, idx) {
  const { claim, event } = item;
  const claimant = claim.source || `${event.outlet || event.document_name || "the report"} (no named source)`;
  const when = event.published || "";
  const title = event.title || event.document_name || `document ${event.document}`;
  const link = event.url ? `<a href="${esc(event.url)}" rel="noreferrer noopener" target="_blank">${esc(title)}</a>` : esc(title);
  const what = [event.actor1, event.trigger, event.actor2].filter(Boolean).join(" · ");
  return `<article class="claim" id="claim-${idx}" data-source="${esc(claim.source ?? "")}" data-outlet="${esc(claim.outlet ?? event.outlet ?? "")}"
      data-stance="${esc(claim.stance)}" data-verification="${esc(claim.verification ?? "")}" data-document="${esc(event.document)}"
      aria-label="${esc(`${claimant} ${claim.stance}, via ${claim.outlet ?? event.outlet ?? "unknown outlet"}`)}">
    <header>
      <strong class="claimant">${esc(claimant)}</strong>
      <span class="stance stance-${esc(claim.stance)}">${esc(claim.stance)}</span>
      ${claim.hedge ? `<span class="hedge" title="hedge">${esc(claim.hedge)}</span>` : ""}
      ${claim.verification ? `<span class="badge v-${esc(claim.verification)}">${esc(claim.verification)}</span>` : ""}
    </header>
    ${what ? `<p class="what">${esc(what)}${event.date ? ` <span class="date">(${esc(event.date)})</span>` : ""}</p>` : ""}
    <div class="evidence-slot" data-document="${esc(event.document)}">${evidenceHtml(claim, event, null)}</div>
    <p class="provenance">
      ${claim.outlet ?? event.outlet ? `<span class="outlet">${esc(claim.outlet ?? event.outlet)}</span> ·` : `<span class="no-outlet">outlet not recorded</span> ·`}
      <span class="doc">${link}</span>
      ${when ? `· <time datetime="${esc(when)}">${esc(when)}</time>` : ""}
      ${event.syndicated ? `· <span class="syndicated" title="a copy of another outlet's story: not an independent source">syndicated copy</span>` : ""}
    </p>
  </article>`;
}

/** Claims grouped by side (the cluster's sides first, "no side" last), then by claimant. */
function groupClaims(cluster) {
  const items = [];
  const bare = [];
  for (const event of cluster.events ?? []) {
    if (!event.claims || !event.claims.length) bare.push(event);
    for (const claim of event.claims ?? []) items.push({ claim, event });
  }
  const groups = new Map();
  for (const it of items) {
    const side = it.claim.source_side || NO_SIDE;
    if (!groups.has(side)) groups.set(side, []);
    groups.get(side).push(it);
  }
  const order = [...(cluster.sides ?? [])];
  const sides = [...groups.keys()].sort((a, b) => {
    const ia = a === NO_SIDE ? 1e9 : order.indexOf(a) < 0 ? 1e8 : order.indexOf(a);
    const ib = b === NO_SIDE ? 1e9 : order.indexOf(b) < 0 ? 1e8 : order.indexOf(b);
    return ia - ib || a.localeCompare(b);
  });
  for (const s of sides) {
    groups.get(s).sort(
      (x, y) =>
        (x.claim.source ?? "").localeCompare(y.claim.source ?? "") ||
        (x.event.published ?? "").localeCompare(y.event.published ?? "") ||
        x.event.document - y.event.document,
    );
  }
  return { sides: sides.map((s) => [s, groups.get(s)]), bare };
}

function relativeHtml(cluster) {
  const rows = [];
  for (const e of cluster.events ?? []) {
    const r = e.relative_to;
    if (!r) continue;
    rows.push(
      `<li data-anchor="${esc(r.anchor)}">${esc(e.place)}: stated ${fmtKm(r.distance_km)} km ${r.bearing_deg == null ? "" : compass(r.bearing_deg)} of ` +
        `<strong>${esc(r.anchor)}</strong> (± ${fmtKm(r.uncertainty_km)} km)` +
        (r.gazetteer_distance_km == null
          ? ""
          : `; the gazetteer's ${esc(e.place)} is ${fmtKm(r.gazetteer_distance_km)} km from the stated point` +
            (r.agrees ? ` <span class="agrees">agrees</span>` : ` <span class="disagrees">does not agree</span>`)) +
        ` <span class="doc">(${esc(e.outlet ?? e.document_name)})</span></li>`,
    );
  }
  if (!rows.length) return "";
  return `<section class="relative" id="relative-places"><h3>Stated location</h3><ul>${[...new Set(rows)].join("")}</ul>
    <p class="note">On the map: the stated point, its uncertainty circle and a line to the anchor.</p></section>`;
}

function factsHtml(c) {
  const date = c.date_min === c.date_max || !c.date_max ? c.date_min ?? "undated" : `${c.date_min} – ${c.date_max}`;
  const fat =
    c.fatalities_min == null && c.fatalities_max == null
      ? null
      : c.fatalities_min === c.fatalities_max
        ? String(c.fatalities_min)
        : `${c.fatalities_min ?? "?"}–${c.fatalities_max ?? "?"}`;
  return `<dl class="facts">
    <dt>Event</dt><dd>${esc(c.event_type)}${c.sub_event_type ? ` · ${esc(c.sub_event_type)}` : ""}</dd>
    <dt>Date</dt><dd>${esc(date)}</dd>
    <dt>Verification</dt><dd><span class="badge v-${esc(c.verification)}" id="claims-verification">${markerSvg(c.verification, (c.sides ?? [])[0], 14)} ${esc(c.verification)}</span></dd>
    <dt>Reports</dt><dd>${esc(c.reports)} report${c.reports === 1 ? "" : "s"}, ${esc(c.independent_sources)} independent source${c.independent_sources === 1 ? "" : "s"}</dd>
    ${fat ? `<dt>Fatalities</dt><dd>${esc(fat)}</dd>` : ""}
    ${c.outlets?.length ? `<dt>Outlets</dt><dd>${c.outlets.map(esc).join(", ")}</dd>` : ""}
  </dl>`;
}

function timelineHtml(t) {
  if (!t || !t.rows || !t.rows.length) return "";
  const rows = t.rows
    .map(
      (r) =>
        `<tr><td>${esc(r.date)}</td><td>${esc(r.holder ? sideName(r.holder) : "")}</td><td>${esc(r.according_to)}</td><td>${esc(r.outlet)}</td>` +
        `<td>${r.cluster ? `<button type="button" class="linkish" data-open-cluster="${esc(r.cluster)}">open</button>` : ""}</td></tr>`,
    )
    .join("");
  return `<section class="control" id="control-timeline"><h3>Who holds ${esc(t.place)}, according to whom</h3>
    <table><thead><tr><th>date</th><th>holder</th><th>according to</th><th>outlet</th><th><span class="visually-hidden">cluster</span></th></tr></thead>
    <tbody>${rows}</tbody></table></section>`;
}

export class Panel {
  /** `onOpen(cluster)` after a cluster is shown, `onClose()` after the panel closes, `open(id)` re-entry. */
  constructor({ onOpen, onClose }) {
    this.el = document.getElementById("claims");
    this.onOpen = onOpen;
    this.onClose = onClose;
    this.current = null;
    this.abort = null;
    this.el.addEventListener("click", (e) => {
      const t = e.target.closest("[data-open-cluster]");
      if (t) this.open(t.dataset.openCluster);
      if (e.target.closest("#claims-close")) this.close();
    });
    document.addEventListener("keydown", (e) => {
      if (e.key === "Escape" && !this.el.hidden) this.close();
    });
  }

  async open(id) {
    if (this.abort) this.abort.abort();
    const abort = new AbortController();
    this.abort = abort;
    this.current = id;
    this.el.hidden = false;
    this.el.dataset.cluster = id;
    this.el.dataset.state = "loading";
    delete this.el.dataset.evidence;
    this.el.setAttribute("aria-busy", "true");
    this.el.innerHTML = `<div class="panel-head"><h2 id="claims-title">Loading…</h2>${this.closeButton()}</div>`;
    let c;
    try {
      c = await getCluster(id, abort.signal);
    } catch (e) {
      if (abort.signal.aborted) return;
      this.el.dataset.state = "error";
      this.el.setAttribute("aria-busy", "false");
      this.el.innerHTML = `<div class="panel-head"><h2 id="claims-title">Could not load the event</h2>${this.closeButton()}</div>
        <p class="error" role="alert">${esc(e.message)}</p>`;
      return;
    }
    if (abort.signal.aborted) return;
    this.render(c);
    this.onOpen(c);
    this.fillEvidence(abort.signal);
    if (c.place_key) {
      getPlaceTimeline(c.place_key, abort.signal)
        .then((t) => {
          if (abort.signal.aborted || !t) return;
          const slot = this.el.querySelector("#control-slot");
          if (slot) slot.innerHTML = timelineHtml(t);
        })
        .catch(() => {});
    }
  }

  closeButton() {
    return `<button type="button" id="claims-close" aria-label="Close the claims panel" title="Close (Esc)">×</button>`;
  }

  render(c) {
    const { sides, bare } = groupClaims(c);
    this.items = [];
    const where = [c.admin1, c.country].filter(Boolean).join(", ");
    const columns = sides
      .map(([side, items]) => {
        const byClaimant = new Map();
        for (const it of items) {
          const k = it.claim.source || "";
          if (!byClaimant.has(k)) byClaimant.set(k, []);
          byClaimant.get(k).push(it);
        }
        const inner = [...byClaimant.entries()]
          .map(
            ([who, its]) =>
              `<div class="claimant-group" data-claimant="${esc(who)}">${its.map((it) => claimHtml(it, this.items.push(it) - 1)).join("")}</div>`,
          )
          .join("");
        const colour = side === NO_SIDE ? sideColour(null) : sideColour(side);
        return `<section class="side" data-side="${esc(side === NO_SIDE ? "" : side)}" style="--side:${colour}" aria-label="Claims from the side ${esc(side === NO_SIDE ? side : sideName(side))}">
          <h3><span class="swatch" style="background:${colour}"></span>${esc(side === NO_SIDE ? side : sideName(side))} <small>${items.length} claim${items.length === 1 ? "" : "s"}</small></h3>${inner}</section>`;
      })
      .join("");
    const bareHtml = bare.length
      ? `<section class="bare"><h3>Reports with no attributed claim</h3><ul>${bare
          .map(
            (e) =>
              `<li data-document="${esc(e.document)}">${esc(e.outlet ?? e.document_name)}: ${esc([e.actor1, e.trigger, e.actor2].filter(Boolean).join(" · "))}` +
              `${e.published ? ` (${esc(e.published)})` : ""}</li>`,
          )
          .join("")}</ul></section>`
      : "";
    this.el.innerHTML = `<div class="panel-head">
        <h2 id="claims-title" tabindex="-1">${esc(c.place ?? "Unlocated event")}${where ? ` <small>${esc(where)}</small>` : ""}</h2>
        ${this.closeButton()}
      </div>
      ${factsHtml(c)}
      ${relativeHtml(c)}
      <h3 class="claims-heading">Claims, side by side</h3>
      <div class="sides" id="claim-sides" style="--columns:${Math.max(1, sides.length)}">${columns || `<p>No claims recorded.</p>`}</div>
      ${bareHtml}
      <div id="control-slot"></div>`;
    this.el.dataset.state = "ready";
    this.el.setAttribute("aria-busy", "false");
    this.el.querySelector("#claims-title").focus({ preventScroll: true });
  }

  /** Replaces each evidence sentence with the sentence in its document's text, once the documents arrive. */
  fillEvidence(signal) {
    const jobs = [];
    for (const [idx, it] of this.items.entries()) {
      const slot = this.el.querySelector(`#claim-${idx} .evidence-slot`);
      jobs.push(
          getDocument(it.event.document)
            .then((doc) => {
              if (signal.aborted || !slot) return;
              slot.innerHTML = evidenceHtml(it.claim, it.event, doc);
              slot.dataset.context = doc.text ? "document" : "evidence";
            })
            .catch(() => {
              if (slot) slot.dataset.context = "evidence";
            }),
      );
    }
    Promise.all(jobs).then(() => {
      if (!signal.aborted) this.el.dataset.evidence = "ready";
    });
  }

  close() {
    if (this.abort) this.abort.abort();
    this.current = null;
    this.el.hidden = true;
    this.el.innerHTML = "";
    delete this.el.dataset.cluster;
    delete this.el.dataset.evidence;
    this.onClose();
  }
}

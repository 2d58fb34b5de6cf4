// Event markers: shape by verification, colour by side; clustered with leaflet.markercluster.
// Each marker element carries data-cluster, data-verification, data-side, data-date, data-type.

const L = window.L;

export const VERIFICATIONS = ["corroborated", "single-source", "disputed", "unconfirmed"];
export const VERIFICATION_TEXT = {
  corroborated: "corroborated: two or more independent sources",
  "single-source": "single source",
  disputed: "disputed: claims contradict each other",
  unconfirmed: "unconfirmed: hedged or not independently verified",
};
// Sides come from the ledger as ISO 3166 codes (UA, RU, …); names are accepted too.
const SIDE_COLOURS = { UA: "#1565c0", Ukraine: "#1565c0", RU: "#c62828", Russia: "#c62828" };
const OTHER_SIDE = "#7b1fa2";
const NO_SIDE = "#5f6b73";
const regionNames = typeof Intl.DisplayNames === "function" ? new Intl.DisplayNames(["en"], { type: "region" }) : null;

/** "Ukraine (UA)" for a country code, the text itself otherwise. */
export function sideName(side) {
  if (!side) return "no side stated";
  if (/^[A-Z]{2}$/.test(side) && regionNames) {
    try {
      const n = regionNames.of(side);
      if (n && n !== side) return `${n} (${side})`;
    } catch {
      // not a region code
    }
  }
  return side;
}

export function sideColour(side) {
  if (!side) return NO_SIDE;
  return SIDE_COLOURS[side] ?? OTHER_SIDE;
}

/** An 18 px SVG: the shape says the verification, the fill colour the side. */
export function markerSvg(verification, side, size = 18) {
  const c = sideColour(side);
  const s = size;
  const h = s / 2;
  let shape;
  switch (verification) {
    case "corroborated":
      shape = `<circle cx="${h}" cy="${h}" r="${h - 2}" fill="${c}" stroke="#fff" stroke-width="2"/>`;
      break;
    case "disputed":
      shape = `<path d="M${h} 1 L${s - 1} ${h} L${h} ${s - 1} L1 ${h} Z" fill="${c}" stroke="#ffb300" stroke-width="2.5" stroke-linejoin="round"/>`;
      break;
    case "unconfirmed":
      shape = `<circle cx="${h}" cy="${h}" r="${h - 2.5}" fill="#fff" stroke="${c}" stroke-width="2.5" stroke-dasharray="3 2"/>`;
      break;
    default: // single-source
      shape = `<circle cx="${h}" cy="${h}" r="${h - 2.5}" fill="#fff" stroke="${c}" stroke-width="3.5"/>`;
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${s}" height="${s}" viewBox="0 0 ${s} ${s}" aria-hidden="true">${shape}</svg>`;
}

const iconCache = new Map();
function iconFor(verification, side) {
  const key = `${verification}|${side ? (SIDE_COLOURS[side] ? side : "other") : ""}`;
  let icon = iconCache.get(key);
  if (!icon) {
    icon = L.divIcon({ className: "ev-marker", html: markerSvg(verification, side), iconSize: [18, 18], iconAnchor: [9, 9] });
    iconCache.set(key, icon);
  }
  return icon;
}

/** A marker for one points row `[id, lat, lon, verification, side, date_min, event_type]`. */
const EventMarker = L.Marker.extend({
  onAdd(map) {
    L.Marker.prototype.onAdd.call(this, map);
    const el = this._icon;
    const [id, , , verification, side, date, type] = this.row;
    el.dataset.cluster = id;
    el.dataset.verification = verification;
    el.dataset.side = side ?? "";
    el.dataset.date = date ?? "";
    el.dataset.type = type ?? "";
    el.setAttribute(
      "aria-label",
      `${type || "event"}, ${date || "undated"}, ${verification}${side ? `, side ${sideName(side)}` : ""}: open the claims`,
    );
    return this;
  },
});

export function makeMarker(row) {
  const [, lat, lon, verification, side, date, type] = row;
  const m = new EventMarker([lat, lon], {
    icon: iconFor(verification, side),
    title: `${type || "event"} · ${date || "undated"} · ${verification}${side ? ` · ${sideName(side)}` : ""}`,
    keyboard: true,
  });
  m.row = row;
  return m;
}

/** Cluster bubbles: count, ring coloured by the share of disputed events inside. */
function clusterIcon(cluster) {
  const n = cluster.getChildCount();
  let disputed = 0;
  for (const m of cluster.getAllChildMarkers()) if (m.row[3] === "disputed") disputed++;
  const size = n < 10 ? 30 : n < 100 ? 36 : n < 1000 ? 42 : 50;
  const share = disputed / n;
  const deg = Math.round(share * 360);
  const label = n >= 10000 ? `${Math.round(n / 1000)}k` : String(n);
  return L.divIcon({
    className: "ev-cluster",
    iconSize: [size, size],
    html:
      `<div class="ring" style="background:conic-gradient(#ffb300 ${deg}deg, #37474f ${deg}deg)">` +
      `<span>${label}</span></div>`,
  });
}

export function makeClusterGroup() {
  const group = L.markerClusterGroup({
    chunkedLoading: true,
    chunkInterval: 150,
    chunkDelay: 30,
    maxClusterRadius: 50,
    showCoverageOnHover: false,
    spiderfyOnMaxZoom: true,
    iconCreateFunction: clusterIcon,
  });
  return group;
}

/** Legend control: shapes for verification, colours for sides. */
export function legendControl() {
  const Legend = L.Control.extend({
    options: { position: "bottomleft" },
    onAdd() {
      const div = L.DomUtil.create("div", "legend");
      div.id = "legend";
      div.setAttribute("role", "group");
      div.setAttribute("aria-label", "Legend");
      const shapes = VERIFICATIONS.map(
        (v) => `<li data-verification="${v}">${markerSvg(v, null, 16)} <span>${VERIFICATION_TEXT[v]}</span></li>`,
      ).join("");
      const sides = [
        ["UA", "Ukraine (UA)"],
        ["RU", "Russia (RU)"],
        ["other", "another side"],
        ["", "no side stated"],
      ]
        .map(([s, t]) => `<li data-side="${s}"><span class="swatch" style="background:${sideColour(s === "other" ? "x" : s)}"></span> ${t}</li>`)
        .join("");
      div.innerHTML =
        `<details open><summary>Legend</summary>` +
        `<h2>Verification <small>(shape)</small></h2><ul>${shapes}</ul>` +
        `<h2>Side of the first actor <small>(colour)</small></h2><ul>${sides}</ul>` +
        `<p class="cluster-note"><span class="ev-cluster-sample"></span> cluster: count; amber share = disputed</p>` +
        `</details>`;
      L.DomEvent.disableClickPropagation(div);
      if (window.innerWidth < 900 || window.innerHeight < 700) div.querySelector("details").open = false;
      return div;
    },
  });
  return new Legend();
}

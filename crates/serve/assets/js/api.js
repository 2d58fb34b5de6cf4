// The HTTP API of `sitrep serve` (crates/serve/API.md) — the only thing the page talks to.

/** Filter names the page sends to /api/events, in the order the API lists them. */
export const FILTERS = ["type", "actor", "source", "side", "verification", "from", "to"];

export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

async function getJson(url, signal) {
  const res = await fetch(url, { signal, headers: { Accept: "application/json" } });
  let body = null;
  try {
    body = await res.json();
  } catch {
    // not JSON: reported below with the status
  }
  if (!res.ok) {
    const msg = body && body.error ? body.error : `${res.status} ${res.statusText}`;
    throw new ApiError(res.status, `${url}: ${msg}`);
  }
  return body;
}

/** Query string of the non-empty filters. */
export function filterQuery(filters) {
  const q = new URLSearchParams();
  for (const k of FILTERS) {
    const v = (filters[k] ?? "").trim();
    if (v) q.set(k, v);
  }
  return q;
}

/**
 * Every located cluster matching `filters`, as points rows
 * `[id, lat, lon, verification, side, date_min, event_type]`, in the API's order (date_min, id).
 * Pages of `pageSize` (the API's maximum is 10000); `onPage(rows, loaded, total)` after each page.
 */
export async function loadPoints(filters, { signal, pageSize = 10000, onPage } = {}) {
  let offset = 0;
  let total = Infinity;
  let loaded = 0;
  while (offset < total) {
    const q = filterQuery(filters);
    q.set("view", "points");
    q.set("limit", String(pageSize));
    q.set("offset", String(offset));
    const page = await getJson(`/api/events?${q}`, signal);
    total = page.total;
    loaded += page.items.length;
    if (onPage) await onPage(page.items, loaded, total);
    if (!page.items.length) break;
    offset += page.items.length;
  }
}

const docCache = new Map();

export function getCluster(id, signal) {
  return getJson(`/api/clusters/${encodeURIComponent(id)}`, signal);
}

/** A document (whole text and evidence spans); fetched once per page load. */
export function getDocument(id) {
  if (!docCache.has(id)) {
    const p = getJson(`/api/documents/${encodeURIComponent(id)}`);
    p.catch(() => docCache.delete(id));
    docCache.set(id, p);
  }
  return docCache.get(id);
}

/** The control timeline of a place key; null when the API has none (404). */
export async function getPlaceTimeline(placeKey, signal) {
  try {
    return await getJson(`/api/places/${encodeURIComponent(placeKey)}/timeline`, signal);
  } catch (e) {
    if (e instanceof ApiError && e.status === 404) return null;
    throw e;
  }
}

//! Admin-1 polygons (Natural Earth states and provinces, simplified; see
//! tools/gazetteer/derive_admin1_polygons.py) for point-in-polygon look-ups: which admin-1 region
//! a point lies in. Shared by `build.rs` (which writes the blob) and the library (which reads it).
//!
//! Blob, little-endian, read in place (nothing is parsed at start-up):
//! ```text
//! header  32 bytes: magic "SITREPA1", n_polys u32, n_rings u32, n_points u32, pool_len u32,
//!         n_grid_entries u32, 4 pad
//! polys   n_polys * 24 bytes: min_lat i32, min_lon i32, max_lat i32, max_lon i32 (1e-4 degree),
//!         first ring u32, region u32 (pool offset); a polygon's rings run to the next one's first
//! rings   (n_rings + 1) * 4 bytes: first point u32 (the last entry is n_points)
//! points  n_points * 8 bytes: lat i32, lon i32 (1e-4 degree)
//! grid    (GRID_CELLS + 1) * 4 bytes: first entry of each 5-degree cell (row-major from -90, -180),
//!         then n_grid_entries * 4 bytes: the polygons whose bounding box meets the cell
//! pool    regions: country [u8; 2], name length u16, name (UTF-8)
//! ```
//! A polygon's first ring is its outline, the others holes: a point is inside when an odd number
//! of its rings contain it.

#![allow(dead_code)]

pub const MAGIC: &[u8; 8] = b"SITREPA1";
pub const HEADER_LEN: usize = 32;
const POLY_LEN: usize = 24;
/// Coordinates are stored in units of 1e-4 degree.
pub const SCALE: f64 = 10_000.0;
/// The grid that narrows a look-up to a few polygons: 5-degree cells.
const CELL_DEG: i64 = 5;
const GRID_ROWS: usize = (180 / CELL_DEG) as usize;
const GRID_COLS: usize = (360 / CELL_DEG) as usize;
const GRID_CELLS: usize = GRID_ROWS * GRID_COLS;

/// The grid cell of a point in 1e-4 degree units (clamped to the grid).
fn cell(lat: i64, lon: i64) -> (usize, usize) {
    let unit = CELL_DEG * SCALE as i64;
    let r = ((lat + 90 * SCALE as i64).div_euclid(unit)).clamp(0, GRID_ROWS as i64 - 1);
    let c = ((lon + 180 * SCALE as i64).div_euclid(unit)).clamp(0, GRID_COLS as i64 - 1);
    (r as usize, c as usize)
}

/// Build the blob from the derived text file (one polygon a line: country, admin-1 name, then
/// rings as comma-separated 1e-4 degree integers: lat0,lon0 then deltas).
pub fn build_blob(text: &str) -> Result<Vec<u8>, String> {
    let mut polys: Vec<u8> = Vec::new();
    let mut rings: Vec<u8> = Vec::new();
    let mut points: Vec<u8> = Vec::new();
    let mut pool: Vec<u8> = Vec::new();
    let mut pool_index: std::collections::HashMap<(String, String), u32> = Default::default();
    let (mut n_polys, mut n_rings, mut n_points) = (0u32, 0u32, 0u32);
    let mut cells: Vec<Vec<u32>> = vec![Vec::new(); GRID_CELLS];
    for (ln, line) in text.lines().enumerate() {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let mut f = line.split('\t');
        let (Some(cc), Some(name)) = (f.next(), f.next()) else {
            return Err(format!("line {}: no country and name", ln + 1));
        };
        if cc.len() != 2 {
            return Err(format!("line {}: bad country {cc:?}", ln + 1));
        }
        let region = *pool_index
            .entry((cc.to_string(), name.to_string()))
            .or_insert_with(|| {
                let off = pool.len() as u32;
                pool.extend_from_slice(cc.as_bytes());
                pool.extend_from_slice(&(name.len() as u16).to_le_bytes());
                pool.extend_from_slice(name.as_bytes());
                off
            });
        let first_ring = n_rings;
        let (mut min_lat, mut min_lon, mut max_lat, mut max_lon) =
            (i32::MAX, i32::MAX, i32::MIN, i32::MIN);
        for ring in f {
            let nums: Result<Vec<i32>, _> = ring.split(',').map(str::parse::<i32>).collect();
            let nums = nums.map_err(|e| format!("line {}: {e}", ln + 1))?;
            if nums.len() < 6 || nums.len() % 2 != 0 {
                return Err(format!("line {}: a ring needs 3 points or more", ln + 1));
            }
            rings.extend_from_slice(&n_points.to_le_bytes());
            n_rings += 1;
            let (mut lat, mut lon) = (0i32, 0i32);
            for (k, pair) in nums.chunks(2).enumerate() {
                if k == 0 {
                    (lat, lon) = (pair[0], pair[1]);
                } else {
                    lat += pair[0];
                    lon += pair[1];
                }
                min_lat = min_lat.min(lat);
                min_lon = min_lon.min(lon);
                max_lat = max_lat.max(lat);
                max_lon = max_lon.max(lon);
                points.extend_from_slice(&lat.to_le_bytes());
                points.extend_from_slice(&lon.to_le_bytes());
                n_points += 1;
            }
        }
        if n_rings == first_ring {
            return Err(format!("line {}: no ring", ln + 1));
        }
        for v in [min_lat, min_lon, max_lat, max_lon] {
            polys.extend_from_slice(&v.to_le_bytes());
        }
        polys.extend_from_slice(&first_ring.to_le_bytes());
        polys.extend_from_slice(&region.to_le_bytes());
        let (r0, c0) = cell(min_lat as i64, min_lon as i64);
        let (r1, c1) = cell(max_lat as i64, max_lon as i64);
        for row in r0..=r1 {
            for col in c0..=c1 {
                cells[row * GRID_COLS + col].push(n_polys);
            }
        }
        n_polys += 1;
    }
    rings.extend_from_slice(&n_points.to_le_bytes());
    let mut grid: Vec<u8> = Vec::with_capacity((GRID_CELLS + 1) * 4);
    let mut entries: Vec<u8> = Vec::new();
    let mut n_entries = 0u32;
    for c in &cells {
        grid.extend_from_slice(&n_entries.to_le_bytes());
        for p in c {
            entries.extend_from_slice(&p.to_le_bytes());
        }
        n_entries += c.len() as u32;
    }
    grid.extend_from_slice(&n_entries.to_le_bytes());
    let mut out = Vec::new();
    out.extend_from_slice(MAGIC);
    for v in [n_polys, n_rings, n_points, pool.len() as u32, n_entries] {
        out.extend_from_slice(&v.to_le_bytes());
    }
    out.resize(HEADER_LEN, 0);
    out.extend_from_slice(&polys);
    out.extend_from_slice(&rings);
    out.extend_from_slice(&points);
    out.extend_from_slice(&grid);
    out.extend_from_slice(&entries);
    out.extend_from_slice(&pool);
    Ok(out)
}

fn u32_at(b: &[u8], o: usize) -> u32 {
    u32::from_le_bytes([b[o], b[o + 1], b[o + 2], b[o + 3]])
}

fn i32_at(b: &[u8], o: usize) -> i32 {
    u32_at(b, o) as i32
}

/// A read-only view of a polygon blob.
#[derive(Clone, Copy)]
pub struct Polygons<'a> {
    data: &'a [u8],
    n_polys: usize,
    polys: usize,
    rings: usize,
    points: usize,
    grid: usize,
    entries: usize,
    pool: usize,
}

impl<'a> Polygons<'a> {
    pub fn new(data: &'a [u8]) -> Option<Polygons<'a>> {
        if data.len() < HEADER_LEN || &data[..8] != MAGIC {
            return None;
        }
        let (n_polys, n_rings, n_points, pool_len, n_entries) = (
            u32_at(data, 8) as usize,
            u32_at(data, 12) as usize,
            u32_at(data, 16) as usize,
            u32_at(data, 20) as usize,
            u32_at(data, 24) as usize,
        );
        let polys = HEADER_LEN;
        let rings = polys + n_polys * POLY_LEN;
        let points = rings + (n_rings + 1) * 4;
        let grid = points + n_points * 8;
        let entries = grid + (GRID_CELLS + 1) * 4;
        let pool = entries + n_entries * 4;
        (pool + pool_len == data.len()).then_some(Polygons {
            data,
            n_polys,
            polys,
            rings,
            points,
            grid,
            entries,
            pool,
        })
    }

    /// Number of polygons.
    pub fn len(&self) -> usize {
        self.n_polys
    }

    pub fn is_empty(&self) -> bool {
        self.n_polys == 0
    }

    fn region(&self, off: usize) -> Option<(&'a str, &'a str)> {
        let o = self.pool + off;
        let cc = std::str::from_utf8(self.data.get(o..o + 2)?).ok()?;
        let len = u16::from_le_bytes([*self.data.get(o + 2)?, *self.data.get(o + 3)?]) as usize;
        let name = std::str::from_utf8(self.data.get(o + 4..o + 4 + len)?).ok()?;
        Some((cc, name))
    }

    /// Whether the point (1e-4 degree units) is inside ring `r` (ray casting along the latitude).
    fn in_ring(&self, r: usize, lat: i64, lon: i64) -> bool {
        let first = u32_at(self.data, self.rings + r * 4) as usize;
        let end = u32_at(self.data, self.rings + (r + 1) * 4) as usize;
        let pt = |k: usize| {
            let o = self.points + k * 8;
            (i32_at(self.data, o) as i64, i32_at(self.data, o + 4) as i64)
        };
        let mut inside = false;
        let mut j = end - 1;
        for i in first..end {
            let (yi, xi) = pt(i);
            let (yj, xj) = pt(j);
            if (yi > lat) != (yj > lat) {
                // x of the edge at this latitude, compared without division
                let lhs = (lon - xi) * (yj - yi);
                let rhs = (xj - xi) * (lat - yi);
                if (yj > yi && lhs < rhs) || (yj < yi && lhs > rhs) {
                    inside = !inside;
                }
            }
            j = i;
        }
        inside
    }

    /// The (country, admin-1 name) of the polygon containing the point, if any.
    pub fn at(&self, lat: f64, lon: f64) -> Option<(&'a str, &'a str)> {
        if !(lat.is_finite() && lon.is_finite()) {
            return None;
        }
        let (la, lo) = ((lat * SCALE).round() as i64, (lon * SCALE).round() as i64);
        let (r, c) = cell(la, lo);
        let k = r * GRID_COLS + c;
        let (e0, e1) = (
            u32_at(self.data, self.grid + k * 4) as usize,
            u32_at(self.data, self.grid + (k + 1) * 4) as usize,
        );
        for e in e0..e1 {
            let p = u32_at(self.data, self.entries + e * 4) as usize;
            let o = self.polys + p * POLY_LEN;
            let (min_lat, min_lon, max_lat, max_lon) = (
                i32_at(self.data, o) as i64,
                i32_at(self.data, o + 4) as i64,
                i32_at(self.data, o + 8) as i64,
                i32_at(self.data, o + 12) as i64,
            );
            if la < min_lat || la > max_lat || lo < min_lon || lo > max_lon {
                continue;
            }
            let first = u32_at(self.data, o + 16) as usize;
            let end = if p + 1 < self.n_polys {
                u32_at(self.data, o + POLY_LEN + 16) as usize
            } else {
                (self.points - self.rings) / 4 - 1
            };
            let crossings = (first..end).filter(|&r| self.in_ring(r, la, lo)).count();
            if crossings % 2 == 1 {
                return self.region(u32_at(self.data, o + 20) as usize);
            }
        }
        None
    }
}

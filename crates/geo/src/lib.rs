//! Geometry on the sphere, in one place: great-circle distances, bearings, the point a distance and
//! a bearing give, the compass points news text states ("10km north-east of Orikhiv") and the tests
//! of whether a gazetteer point agrees with such a statement.
//!
//! Conventions, for every function here:
//! - a point is `(lat, lon)`, in that order, in decimal degrees (WGS84 coordinates, as GeoNames and
//!   the ledger give them), north and east positive;
//! - the Earth is a sphere of radius [`EARTH_RADIUS_KM`] (great circles, not geodesics on the
//!   ellipsoid: under 0.5 % off, far below what a report's "about 10 km" states);
//! - distances are kilometres;
//! - bearings are degrees clockwise from true north, in `[0, 360)`: north 0, east 90, south 180,
//!   west 270.

/// A point: latitude then longitude, in degrees.
pub type Point = (f64, f64);

/// Radius of the sphere the Earth is taken as, in km: the mean radius (the WGS84 ellipsoid's is
/// 6371.0088 km).
pub const EARTH_RADIUS_KM: f64 = 6371.0;

/// Great-circle distance between two points in km (haversine formula).
pub fn haversine_km(a: Point, b: Point) -> f64 {
    let (p1, p2) = (a.0.to_radians(), b.0.to_radians());
    let (dp, dl) = (p2 - p1, (b.1 - a.1).to_radians());
    let h = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    // (rounding can take h a hair above 1 for antipodal points)
    2.0 * EARTH_RADIUS_KM * h.sqrt().min(1.0).asin()
}

/// Initial bearing of the great circle from `a` to `b`, in degrees `[0, 360)`.
pub fn bearing_deg(a: Point, b: Point) -> f64 {
    let (p1, p2) = (a.0.to_radians(), b.0.to_radians());
    let dl = (b.1 - a.1).to_radians();
    let y = dl.sin() * p2.cos();
    let x = p1.cos() * p2.sin() - p1.sin() * p2.cos() * dl.cos();
    (y.atan2(x).to_degrees() + 360.0) % 360.0
}

/// The point `km` away from `a` along the great circle leaving it on bearing `deg` (longitude
/// normalised to `[-180, 180)`).
pub fn destination(a: Point, km: f64, deg: f64) -> Point {
    let d = km / EARTH_RADIUS_KM;
    let (p1, l1, th) = (a.0.to_radians(), a.1.to_radians(), deg.to_radians());
    let p2 = (p1.sin() * d.cos() + p1.cos() * d.sin() * th.cos()).asin();
    let l2 = l1 + (th.sin() * d.sin() * p1.cos()).atan2(d.cos() - p1.sin() * p2.sin());
    (p2.to_degrees(), (l2.to_degrees() + 540.0) % 360.0 - 180.0)
}

/// The 16 points of the compass, clockwise from north, 22.5 degrees apart: the code of each and
/// its name written as one word (as [`compass_code`] reads a name, hyphens and spaces dropped).
const COMPASS: [(&str, &str); 16] = [
    ("N", "north"),
    ("NNE", "northnortheast"),
    ("NE", "northeast"),
    ("ENE", "eastnortheast"),
    ("E", "east"),
    ("ESE", "eastsoutheast"),
    ("SE", "southeast"),
    ("SSE", "southsoutheast"),
    ("S", "south"),
    ("SSW", "southsouthwest"),
    ("SW", "southwest"),
    ("WSW", "westsouthwest"),
    ("W", "west"),
    ("WNW", "westnorthwest"),
    ("NW", "northwest"),
    ("NNW", "northnorthwest"),
];

/// Degrees of a compass code: one of the 16 points `N`, `NNE`, `NE`, `ENE`, `E`, ... `NNW`
/// (upper case, as the ledger writes them); None for anything else.
pub fn compass_degrees(code: &str) -> Option<f64> {
    COMPASS
        .iter()
        .position(|(c, _)| *c == code)
        .map(|i| i as f64 * 22.5)
}

/// The compass code of a direction word: "north" -> `N`, "north-east", "northeast" or
/// "North East" -> `NE`, "west-north-west" -> `WNW` (any case, hyphens and spaces ignored); None
/// for anything else.
pub fn compass_code(word: &str) -> Option<&'static str> {
    let w: String = word
        .chars()
        .filter(|c| !matches!(c, '-' | ' '))
        .map(|c| c.to_ascii_lowercase())
        .collect();
    COMPASS.iter().find(|(_, n)| *n == w).map(|(c, _)| *c)
}

/// The smallest angle between two bearings, in degrees `[0, 180]` (350 and 10 are 20 apart).
pub fn angle_between(a: f64, b: f64) -> f64 {
    let d = (a - b).abs() % 360.0;
    d.min(360.0 - d)
}

/// How far, in degrees either side, a bearing may lie from a direction stated without a distance
/// ("Alexandrovka, west of Donetsk") and still agree with it, when choosing among the same-named
/// readings of a place: 67.5, the stated point's own sector and the next on either side of the
/// 8-point compass, so "west of" takes in west-north-west and west-south-west. Looser than
/// [`OFFSET_BEARING_DEG`]: here a wrong reading is what is ruled out, not a statement checked.
pub const DIRECTION_AGREES_DEG: f64 = 67.5;

/// Whether a point on `bearing` from its anchor agrees with the direction `stated` (both degrees):
/// within [`DIRECTION_AGREES_DEG`]. The test that chooses among readings.
pub fn direction_agrees(stated: f64, bearing: f64) -> bool {
    angle_between(stated, bearing) <= DIRECTION_AGREES_DEG
}

/// How far, in degrees either side, the gazetteer's bearing from the anchor may lie from a
/// relative location's stated bearing ("10km south of Orikhiv") for the two to be consistent.
pub const OFFSET_BEARING_DEG: f64 = 50.0;
/// The share of a stated distance the gazetteer's distance may differ by for the two to be
/// consistent ("about 10 km" is 6.5 to 13.5 km).
pub const OFFSET_DISTANCE_SHARE: f64 = 0.35;
/// The least distance tolerance in km, for short stated distances ("2km east of").
pub const OFFSET_DISTANCE_MIN_KM: f64 = 5.0;

/// The tolerance on a stated distance of `stated_km`: [`OFFSET_DISTANCE_SHARE`] of it, at least
/// [`OFFSET_DISTANCE_MIN_KM`].
pub fn offset_tolerance_km(stated_km: f64) -> f64 {
    (OFFSET_DISTANCE_SHARE * stated_km).max(OFFSET_DISTANCE_MIN_KM)
}

/// Whether a relative location ("10km south of Orikhiv": `stated_km` on `stated_deg`) is consistent
/// with where the gazetteer puts the place, `km` away from the anchor on bearing `deg`: the
/// distance within [`offset_tolerance_km`] and the bearing within [`OFFSET_BEARING_DEG`]. The test
/// that flags a ledger's relative location `consistent`.
pub fn offset_consistent(stated_km: f64, stated_deg: f64, km: f64, deg: f64) -> bool {
    (km - stated_km).abs() <= offset_tolerance_km(stated_km)
        && angle_between(deg, stated_deg) <= OFFSET_BEARING_DEG
}

#[cfg(test)]
mod tests {
    use super::*;

    const KYIV: Point = (50.4501, 30.5234);
    const KHARKIV: Point = (49.9935, 36.2304);
    const LVIV: Point = (49.8397, 24.0297);

    fn near(a: f64, b: f64, tol: f64) -> bool {
        (a - b).abs() <= tol
    }

    #[test]
    fn known_distances() {
        let d = haversine_km(KYIV, KHARKIV);
        assert!(near(d, 410.0, 5.0), "{d}");
        let d = haversine_km(KYIV, LVIV);
        assert!(near(d, 468.0, 5.0), "{d}");
        assert_eq!(haversine_km(KYIV, KYIV), 0.0);
        assert!(near(
            haversine_km(KYIV, KHARKIV),
            haversine_km(KHARKIV, KYIV),
            1e-9
        ));
        // a degree of latitude, and half the world
        assert!(near(haversine_km((0.0, 0.0), (1.0, 0.0)), 111.195, 0.001));
        let half = std::f64::consts::PI * EARTH_RADIUS_KM;
        assert!(near(haversine_km((0.0, 0.0), (0.0, 180.0)), half, 1e-6));
        assert!(near(haversine_km((90.0, 0.0), (-90.0, 0.0)), half, 1e-6));
    }

    #[test]
    fn bearings() {
        assert!(near(bearing_deg((0.0, 0.0), (1.0, 0.0)), 0.0, 1e-9));
        assert!(near(bearing_deg((0.0, 0.0), (0.0, 1.0)), 90.0, 1e-9));
        assert!(near(bearing_deg((1.0, 0.0), (0.0, 0.0)), 180.0, 1e-9));
        assert!(near(bearing_deg((0.0, 1.0), (0.0, 0.0)), 270.0, 1e-9));
        // Kharkiv lies east of Kyiv (the great circle leaves Kyiv a little south of east, 94.9)
        let b = bearing_deg(KYIV, KHARKIV);
        assert!((94.0..96.0).contains(&b), "{b}");
        let b = bearing_deg(KHARKIV, KYIV);
        assert!((275.0..280.0).contains(&b), "{b}");
        for (a, b) in [(KYIV, LVIV), (LVIV, KHARKIV), (KHARKIV, (49.9, 36.2))] {
            assert!((0.0..360.0).contains(&bearing_deg(a, b)));
        }
    }

    #[test]
    fn destination_round_trip() {
        for deg in [0.0, 45.0, 135.0, 200.0, 315.0] {
            for km in [2.0, 47.0, 410.0] {
                let p = destination(KYIV, km, deg);
                assert!(near(haversine_km(KYIV, p), km, 1e-6), "{km} {deg}");
                assert!(
                    angle_between(bearing_deg(KYIV, p), deg) < 1e-6,
                    "{km} {deg}"
                );
            }
        }
        // 9 km north-east of (49.7, 37.6)
        let (la, lo) = destination((49.7, 37.6), 9.0, 45.0);
        assert!(
            (la - 49.757).abs() < 0.002 && (lo - 37.688).abs() < 0.003,
            "{la} {lo}"
        );
        // east across the antimeridian: the longitude wraps
        let (_, lo) = destination((0.0, 179.9), 50.0, 90.0);
        assert!((-180.0..-179.0).contains(&lo), "{lo}");
    }

    #[test]
    fn compass_codes() {
        assert_eq!(compass_degrees("N"), Some(0.0));
        assert_eq!(compass_degrees("NNE"), Some(22.5));
        assert_eq!(compass_degrees("NE"), Some(45.0));
        assert_eq!(compass_degrees("E"), Some(90.0));
        assert_eq!(compass_degrees("SE"), Some(135.0));
        assert_eq!(compass_degrees("S"), Some(180.0));
        assert_eq!(compass_degrees("SW"), Some(225.0));
        assert_eq!(compass_degrees("W"), Some(270.0));
        assert_eq!(compass_degrees("WNW"), Some(292.5));
        assert_eq!(compass_degrees("NW"), Some(315.0));
        assert_eq!(compass_degrees("NNW"), Some(337.5));
        // unknown codes are not north-west
        for code in ["up", "", "nw", "NWW", "north"] {
            assert_eq!(compass_degrees(code), None, "{code}");
        }
        assert_eq!(compass_code("north"), Some("N"));
        assert_eq!(compass_code("North-East"), Some("NE"));
        assert_eq!(compass_code("northeast"), Some("NE"));
        assert_eq!(compass_code("south west"), Some("SW"));
        assert_eq!(compass_code("WEST"), Some("W"));
        assert_eq!(compass_code("north-west"), Some("NW"));
        assert_eq!(compass_code("west-north-west"), Some("WNW"));
        for word in ["up", "", "northern", "N"] {
            assert_eq!(compass_code(word), None, "{word}");
        }
        // every point's word reads as its code, 22.5 degrees on from the one before
        for (i, (code, word)) in COMPASS.into_iter().enumerate() {
            assert_eq!(compass_code(word), Some(code));
            assert_eq!(compass_degrees(code), Some(22.5 * i as f64));
        }
    }

    #[test]
    fn angles() {
        assert_eq!(angle_between(10.0, 350.0), 20.0);
        assert_eq!(angle_between(350.0, 10.0), 20.0);
        assert_eq!(angle_between(0.0, 180.0), 180.0);
        assert_eq!(angle_between(90.0, 90.0), 0.0);
        assert_eq!(angle_between(-10.0, 10.0), 20.0);
        assert_eq!(angle_between(720.0, 45.0), 45.0);
    }

    #[test]
    fn agreement() {
        // a direction without a distance, when choosing readings: the neighbouring sectors count
        assert!(direction_agrees(270.0, 300.0));
        assert!(direction_agrees(0.0, 350.0));
        assert!(direction_agrees(270.0, 270.0 - DIRECTION_AGREES_DEG));
        assert!(!direction_agrees(270.0, 180.0));
        assert!(!direction_agrees(0.0, 70.0));
        // a distance and a bearing, when flagging the statement consistent: stricter on bearing
        assert_eq!(offset_tolerance_km(10.0), 5.0);
        assert_eq!(offset_tolerance_km(40.0), 14.0);
        assert!(offset_consistent(10.0, 180.0, 12.0, 200.0));
        assert!(offset_consistent(40.0, 45.0, 53.0, 5.0));
        assert!(!offset_consistent(40.0, 45.0, 55.0, 45.0));
        assert!(!offset_consistent(10.0, 180.0, 10.0, 240.0));
        assert!(direction_agrees(180.0, 240.0));
    }
}

//! Exact and near-duplicate detection: a content hash of the normalised text, and MinHash over
//! word 4-shingles with LSH banding (16 bands of 4 rows) to find syndicated copies.

/// Number of MinHash functions.
pub const PERM: usize = 64;
/// LSH bands (PERM / BANDS rows each).
pub const BANDS: usize = 16;
/// Estimated Jaccard similarity of shingle sets at or above which a document is a syndicated copy.
pub const NEAR_DUP: f64 = 0.7;
/// Words per shingle.
pub const SHINGLE: usize = 4;

fn fnv(bytes: &[u8], seed: u64) -> u64 {
    let mut h = 0xcbf2_9ce4_8422_2325u64 ^ seed.wrapping_mul(0x9e37_79b9_7f4a_7c15);
    for b in bytes {
        h ^= *b as u64;
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    mix(h)
}

/// splitmix64 finaliser.
pub fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// Lower-case words of the text (letters and digits), punctuation dropped.
pub fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| w.to_lowercase())
        .collect()
}

/// 128-bit hex hash of the normalised text (case, punctuation and spacing ignored).
pub fn content_hash(text: &str) -> String {
    let norm = words(text).join(" ");
    format!(
        "{:016x}{:016x}",
        fnv(norm.as_bytes(), 1),
        fnv(norm.as_bytes(), 2)
    )
}

/// MinHash signature of the word shingles; None for texts too short to compare.
pub fn minhash(text: &str) -> Option<Vec<u64>> {
    let w = words(text);
    if w.len() < SHINGLE + 4 {
        return None;
    }
    let shingles: Vec<u64> = w
        .windows(SHINGLE)
        .map(|s| fnv(s.join(" ").as_bytes(), 0))
        .collect();
    let mut sig = vec![u64::MAX; PERM];
    for s in shingles {
        for (i, slot) in sig.iter_mut().enumerate() {
            let h = mix(s ^ (i as u64 + 1).wrapping_mul(0x9e37_79b9_7f4a_7c15));
            if h < *slot {
                *slot = h;
            }
        }
    }
    Some(sig)
}

/// LSH band keys of a signature (band index mixed in).
pub fn bands(sig: &[u64]) -> Vec<i64> {
    let rows = PERM / BANDS;
    (0..BANDS)
        .map(|b| {
            let mut h = b as u64;
            for v in &sig[b * rows..(b + 1) * rows] {
                h = mix(h ^ v);
            }
            h as i64
        })
        .collect()
}

pub fn similarity(a: &[u64], b: &[u64]) -> f64 {
    let same = a.iter().zip(b).filter(|(x, y)| x == y).count();
    same as f64 / a.len().max(1) as f64
}

pub fn to_blob(sig: &[u64]) -> Vec<u8> {
    sig.iter().flat_map(|v| v.to_le_bytes()).collect()
}

pub fn from_blob(b: &[u8]) -> Vec<u64> {
    b.chunks_exact(8)
        .map(|c| u64::from_le_bytes(c.try_into().unwrap_or([0; 8])))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hash_ignores_spacing_and_case() {
        assert_eq!(
            content_hash("Shelling hit  the town.\n"),
            content_hash("shelling hit the town")
        );
        assert_ne!(content_hash("a b c"), content_hash("a b d"));
    }

    #[test]
    fn copies_with_a_new_header_are_near_duplicates() {
        let body = "Russian forces shelled the village overnight, damaging a school and three houses, \
                    the regional governor said on Monday morning in a statement posted online. Rescuers worked \
                    through the night to clear the rubble and no casualties were reported so far.";
        let copy = format!("Wire service report. {body} Copyright the wire service.");
        let other = "Heavy rain flooded the market square and the mayor closed two bridges while \
                     engineers checked the river banks for damage on Tuesday afternoon across the district.";
        let a = minhash(body).unwrap();
        let b = minhash(&copy).unwrap();
        let c = minhash(other).unwrap();
        assert!(similarity(&a, &b) >= NEAR_DUP, "{}", similarity(&a, &b));
        assert!(similarity(&a, &c) < 0.2);
        assert!(bands(&a).iter().zip(bands(&b)).any(|(x, y)| *x == y));
    }
}

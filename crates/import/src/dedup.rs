//! Near-duplicate detection: MinHash signatures over word shingles, to flag a new source as a
//! probable reprint of one already in the project.
//!
//! Identical bytes are caught earlier by SHA-256; this catches the same article re-published
//! with other boilerplate, a changed headline or a few edited sentences.

use serde::{Deserialize, Serialize};

/// Estimated Jaccard similarity of word 5-shingles at and above which a text is a probable
/// reprint of another. Measured on the seeds: two outlets quoting the same statement (000 and
/// 004 share Rouhani's pledge and a paragraph on al-Laham's visit) score about 0.05; a reprint
/// with different boilerplate and a cut paragraph or two stays far above 0.5.
pub const PROBABLE_REPRINT: f64 = 0.5;

/// Words per shingle: long enough that common phrases ("according to the") do not match across
/// unrelated articles, short enough that an edited word breaks only a few shingles.
const SHINGLE: usize = 5;
/// Signature length: the standard error of the similarity estimate is about 1/sqrt(128) ≈ 0.09.
const HASHES: usize = 128;

/// The MinHash signature of one text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fingerprint {
    mins: Vec<u32>,
}

impl Fingerprint {
    /// The signature of `text`; case, punctuation and whitespace do not matter.
    pub fn of(text: &str) -> Fingerprint {
        let words: Vec<u64> = text
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(hash_word)
            .collect();
        let mut mins = vec![u32::MAX; HASHES];
        if words.is_empty() {
            return Fingerprint { mins };
        }
        let n = words.len().saturating_sub(SHINGLE - 1).max(1);
        for i in 0..n {
            let end = (i + SHINGLE).min(words.len());
            let shingle = words[i..end]
                .iter()
                .fold(0xcbf2_9ce4_8422_2325u64, |h, &w| mix(h ^ w));
            for (m, (a, b)) in mins.iter_mut().zip(SEEDS.iter().zip(SEEDS.iter().rev())) {
                // One well-mixed base hash, then a multiply-shift hash per slot (odd multiplier,
                // high 32 bits): 128 universal hash functions for one multiply-add each, which
                // the compiler vectorises.
                let h = ((shingle.wrapping_mul(a | 1).wrapping_add(*b)) >> 32) as u32;
                *m = (*m).min(h);
            }
        }
        Fingerprint { mins }
    }

    /// Estimated Jaccard similarity of the two texts' shingle sets, 0 to 1.
    pub fn similarity(&self, other: &Fingerprint) -> f64 {
        if self.is_empty() || other.is_empty() {
            return 0.0;
        }
        let same = self
            .mins
            .iter()
            .zip(&other.mins)
            .filter(|(a, b)| a == b)
            .count();
        same as f64 / HASHES as f64
    }

    /// Whether this text is a probable reprint of `other` (see [`PROBABLE_REPRINT`]).
    pub fn is_probable_reprint_of(&self, other: &Fingerprint) -> bool {
        self.similarity(other) >= PROBABLE_REPRINT
    }

    fn is_empty(&self) -> bool {
        self.mins.iter().all(|&m| m == u32::MAX)
    }
}

/// Finds probable reprints among many fingerprints without comparing every pair: locality-
/// sensitive hashing over bands of the signature (32 bands of 4 hashes). Two texts with
/// similarity 0.5 share at least one band with probability 1 − (1 − 0.5⁴)³² ≈ 0.87, at 0.7
/// with probability > 0.99; each candidate is then checked against [`PROBABLE_REPRINT`].
#[derive(Debug, Default)]
pub struct Index<K> {
    entries: Vec<(K, Fingerprint)>,
    bands: std::collections::HashMap<(u8, u64), Vec<usize>>,
}

const BANDS: usize = 32;
const ROWS: usize = HASHES / BANDS;

impl<K: Clone> Index<K> {
    pub fn new() -> Index<K> {
        Index {
            entries: Vec::new(),
            bands: std::collections::HashMap::new(),
        }
    }

    pub fn insert(&mut self, key: K, fp: Fingerprint) {
        if fp.is_empty() {
            return;
        }
        let at = self.entries.len();
        for band in band_hashes(&fp) {
            self.bands.entry(band).or_default().push(at);
        }
        self.entries.push((key, fp));
    }

    /// The most similar indexed text that `fp` probably reprints, with its similarity.
    pub fn probable_reprint_of(&self, fp: &Fingerprint) -> Option<(K, f64)> {
        let mut best: Option<(usize, f64)> = None;
        for band in band_hashes(fp) {
            for &i in self.bands.get(&band).into_iter().flatten() {
                let sim = self.entries[i].1.similarity(fp);
                if sim >= PROBABLE_REPRINT && best.is_none_or(|(_, b)| sim > b) {
                    best = Some((i, sim));
                }
            }
        }
        best.map(|(i, sim)| (self.entries[i].0.clone(), sim))
    }
}

fn band_hashes(fp: &Fingerprint) -> impl Iterator<Item = (u8, u64)> + '_ {
    fp.mins.chunks(ROWS).enumerate().map(|(b, rows)| {
        (
            b as u8,
            rows.iter().fold(0u64, |h, &r| mix(h ^ u64::from(r))),
        )
    })
}

fn hash_word(w: &str) -> u64 {
    let mut h = 0xcbf2_9ce4_8422_2325u64;
    for c in w.chars().flat_map(char::to_lowercase) {
        h = (h ^ c as u64).wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// The splitmix64 finaliser: a cheap bijective mixer.
fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

static SEEDS: [u64; HASHES] = {
    let mut s = [0u64; HASHES];
    let mut x = 0x9e37_79b9_7f4a_7c15u64;
    let mut i = 0;
    while i < HASHES {
        x = x.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = x;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        s[i] = z ^ (z >> 31);
        i += 1;
    }
    s
};

#[cfg(test)]
mod tests {
    use super::*;

    const A: &str = "The harbour authority closed the northern quay on Monday after a crane \
        collapsed onto two fishing boats, injuring a deckhand. Engineers will inspect the \
        remaining cranes this week, and the quay is expected to reopen by the end of the month, \
        the authority said in a statement issued late in the evening.";

    #[test]
    fn reprint_with_other_boilerplate_is_similar() {
        let reprint = format!("Share this\n\n{A}\n\nLeave a comment\n© Some Site 2020");
        let sim = Fingerprint::of(A).similarity(&Fingerprint::of(&reprint));
        assert!(sim >= PROBABLE_REPRINT, "{sim}");
        assert_eq!(Fingerprint::of(A).similarity(&Fingerprint::of(A)), 1.0);
    }

    #[test]
    fn index_finds_the_reprint_only() {
        let other = "Farmers in the valley began the grape harvest two weeks early this year, \
            blaming a dry spring and a hot July, and co-operatives expect a smaller crop.";
        let mut index = Index::new();
        index.insert("a", Fingerprint::of(A));
        index.insert("other", Fingerprint::of(other));
        let reprint = format!("{A}\n\nRecommended\nShare this");
        let (key, sim) = index
            .probable_reprint_of(&Fingerprint::of(&reprint))
            .unwrap();
        assert_eq!(key, "a");
        assert!(sim >= PROBABLE_REPRINT);
        let fresh = "A new bakery opened on the corner of the square on Saturday morning.";
        assert_eq!(index.probable_reprint_of(&Fingerprint::of(fresh)), None);
    }

    #[test]
    fn different_texts_are_not() {
        let other = "Farmers in the valley began the grape harvest two weeks early this year, \
            blaming a dry spring and a hot July, and co-operatives expect a smaller but sweeter \
            vintage than last year's record crop.";
        let sim = Fingerprint::of(A).similarity(&Fingerprint::of(other));
        assert!(sim < 0.1, "{sim}");
        assert_eq!(Fingerprint::of("").similarity(&Fingerprint::of("")), 0.0);
    }
}

//! Near-same statements: word shingles of a normalized quote, and a bottom-k sketch that finds
//! candidate pairs without comparing every excerpt with every other.

use std::collections::HashMap;

/// Words per shingle: three words keep "until the end of the road" distinctive while one changed
/// word only spoils three shingles.
const SHINGLE: usize = 3;
/// Smallest shingle hashes kept as an excerpt's sketch; two near-same quotes share most of them.
const SKETCH: usize = 4;
/// Members of one sketch bucket each newcomer is verified against: bounds the work per excerpt
/// when a shingle is very common.
const BUCKET_CHECKS: usize = 8;
/// Share of the shorter quote's shingles that the longer must contain to be the same statement.
const SAME: f64 = 0.6;

/// The shingle set of one text (sorted, deduplicated hashes).
#[derive(Debug, Clone, Default)]
pub(crate) struct Shingles(Vec<u64>);

impl Shingles {
    pub fn of(text: &str) -> Shingles {
        // The last SHINGLE word hashes, oldest first: no list of all words is built.
        let mut window = [0u64; SHINGLE];
        let mut n = 0;
        let mut hashes: Vec<u64> = Vec::with_capacity(text.len() / 5);
        for_each_word(text, char::is_alphanumeric, |w| {
            if n < SHINGLE {
                window[n] = hash_word(w);
            } else {
                window.rotate_left(1);
                window[SHINGLE - 1] = hash_word(w);
            }
            n += 1;
            if n >= SHINGLE {
                hashes.push(combine(&window));
            }
        });
        if (1..SHINGLE).contains(&n) {
            hashes.push(combine(&window[..n]));
        }
        hashes.sort_unstable();
        hashes.dedup();
        Shingles(hashes)
    }

    /// |A ∩ B| / min(|A|, |B|): a quote cut shorter is still the same statement.
    pub fn containment(&self, other: &Shingles) -> f64 {
        let (a, b) = (&self.0, &other.0);
        if a.is_empty() || b.is_empty() {
            return 0.0;
        }
        let (mut i, mut j, mut common) = (0, 0, 0usize);
        while i < a.len() && j < b.len() {
            match a[i].cmp(&b[j]) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    common += 1;
                    i += 1;
                    j += 1;
                }
            }
        }
        common as f64 / a.len().min(b.len()) as f64
    }

    pub fn same_statement(&self, other: &Shingles) -> bool {
        self.containment(other) >= SAME
    }

    fn sketch(&self) -> &[u64] {
        &self.0[..self.0.len().min(SKETCH)]
    }
}

/// Calls `f` with each non-empty run of characters that `keep` accepts (words of letters and
/// digits: curly and straight quotes, dashes and punctuation never separate two statements).
/// ASCII text, the common case, is cut byte by byte without decoding characters.
pub(crate) fn for_each_word<'t>(
    text: &'t str,
    keep: impl Fn(char) -> bool,
    mut f: impl FnMut(&'t str),
) {
    if !text.is_ascii() {
        text.split(|c: char| !keep(c))
            .filter(|w| !w.is_empty())
            .for_each(f);
        return;
    }
    let mut start = None;
    for (i, &b) in text.as_bytes().iter().enumerate() {
        match (keep(char::from(b)), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                f(&text[s..i]);
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        f(&text[s..]);
    }
}

/// FNV-1a over the lowercase word: fast, and stable across runs and platforms.
fn hash_word(word: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    if word.is_ascii() {
        for b in word.bytes() {
            h ^= u64::from(b.to_ascii_lowercase());
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        return h;
    }
    for c in word.chars().flat_map(char::to_lowercase) {
        let mut buf = [0u8; 4];
        for b in c.encode_utf8(&mut buf).bytes() {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    h
}

/// One hash for a run of word hashes, well mixed (the sketch keeps the smallest).
fn combine(words: &[u64]) -> u64 {
    let mut h: u64 = 0;
    for &w in words {
        h = (h ^ w).wrapping_mul(0x9e37_79b9_7f4a_7c15).rotate_left(29);
    }
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^ (h >> 33)
}

/// FNV-1a as a [`std::hash::Hasher`]: fast for the short ids the chronology looks up.
pub(crate) struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl std::hash::Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
}

/// Hashes of [`Shingles`] are already mixed: hashing them again would only cost time.
#[derive(Default)]
pub(crate) struct Premixed(u64);

impl std::hash::Hasher for Premixed {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) ^ u64::from(b);
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

type FastMap<V> = HashMap<u64, V, std::hash::BuildHasherDefault<Premixed>>;

/// Disjoint sets over `0..n`, some of them labelled by the analyst (`Excerpt::event`): a set
/// holds at most one label, so two sets of different labels never join, whatever the
/// automatic rules say.
pub(crate) struct UnionFind {
    parent: Vec<usize>,
    /// Each root's label (0: none).
    label: Vec<u32>,
}

impl UnionFind {
    /// Sets over `0..labels.len()` where items of one label (non-zero) are one set already.
    pub fn labelled(labels: Vec<u32>) -> UnionFind {
        let mut uf = UnionFind {
            parent: (0..labels.len()).collect(),
            label: labels,
        };
        let mut first: HashMap<u32, usize> = HashMap::new();
        for i in 0..uf.label.len() {
            let l = uf.label[i];
            if l != 0 {
                let j = *first.entry(l).or_insert(i);
                uf.union(j, i);
            }
        }
        uf
    }

    pub fn find(&mut self, mut x: usize) -> usize {
        while self.parent[x] != x {
            self.parent[x] = self.parent[self.parent[x]];
            x = self.parent[x];
        }
        x
    }

    /// Whether the set of `x` is the analyst's.
    pub fn is_labelled(&mut self, x: usize) -> bool {
        let r = self.find(x);
        self.label[r] != 0
    }

    /// Whether the sets of `a` and `b` may join: not two different labels.
    pub fn can_join(&mut self, a: usize, b: usize) -> bool {
        let (a, b) = (self.find(a), self.find(b));
        let (la, lb) = (self.label[a], self.label[b]);
        la == 0 || lb == 0 || la == lb
    }

    /// Joins the sets of `a` and `b` unless they carry different labels.
    pub fn union(&mut self, a: usize, b: usize) {
        let (a, b) = (self.find(a), self.find(b));
        if a == b {
            return;
        }
        let (la, lb) = (self.label[a], self.label[b]);
        if la != 0 && lb != 0 && la != lb {
            return;
        }
        // The smaller index is the root, so groups are deterministic.
        let (lo, hi) = if a < b { (a, b) } else { (b, a) };
        self.parent[hi] = lo;
        self.label[lo] = la.max(lb);
    }
}

/// Groups `items` (by index) that state the same thing: a shared sketch hash proposes a pair,
/// [`Shingles::same_statement`] confirms it. `extra_keys` (e.g. the analyst's summary) join
/// items outright. `uf` holds the analyst's groups, which no automatic rule overrides. Linear in the number of items: each is checked against at most
/// [`BUCKET_CHECKS`] members of each of its [`SKETCH`] buckets.
pub(crate) fn statements(
    items: &[Shingles],
    extra_keys: &[Option<u64>],
    mut uf: UnionFind,
) -> UnionFind {
    let mut buckets: FastMap<Vec<usize>> = FastMap::default();
    for (i, s) in items.iter().enumerate() {
        for &h in s.sketch() {
            let bucket = buckets.entry(h).or_default();
            for &j in bucket.iter().take(BUCKET_CHECKS) {
                if uf.find(i) != uf.find(j) && uf.can_join(i, j) && s.same_statement(&items[j]) {
                    uf.union(i, j);
                }
            }
            if bucket.len() < BUCKET_CHECKS {
                bucket.push(i);
            }
        }
    }
    let mut by_key: FastMap<usize> = FastMap::default();
    for (i, k) in extra_keys.iter().enumerate() {
        if let Some(k) = k {
            match by_key.get(k) {
                Some(&j) => uf.union(i, j),
                None => {
                    by_key.insert(*k, i);
                }
            }
        }
    }
    uf
}

/// The key of a non-empty analyst summary (normalized words).
pub(crate) fn summary_key(summary: &str) -> Option<u64> {
    let mut w: Vec<u64> = Vec::new();
    for_each_word(summary, char::is_alphanumeric, |x| w.push(hash_word(x)));
    (!w.is_empty()).then(|| combine(&w))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn near_same_quotes_are_one_statement() {
        let a = Shingles::of(
            "“The Iranian nation and government will remain at the side of the Syrian nation and government until the end of the road,”",
        );
        let b = Shingles::of(
            "The Iranian nation and government will remain at the side of the Syrian nation and government until the end of the road",
        );
        let c = Shingles::of(
            "the Iranian nation and government will remain at the side of the Syrian nation",
        );
        let d = Shingles::of("Iran is starting to evacuate its forces and military personnel");
        assert!(a.same_statement(&b));
        assert!(a.same_statement(&c));
        assert!(!a.same_statement(&d));
    }
}

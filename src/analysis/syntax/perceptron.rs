//! Linear classifiers over hashed features: the averaged perceptron that training uses
//! ([`Trainer`]) and the compact, quantised weights that tagging and parsing use
//! ([`Weights`]), with their binary form.
//!
//! The binary form of one classifier: the number of classes, the number of features,
//! the bits kept of each feature's key, a codebook of weight magnitudes (logarithmic
//! steps, so small weights are kept as well as large ones), the sorted keys as varint
//! deltas, then each feature's weights as a class mask (varint) and one byte per class
//! in it: the sign and the step.

use rustc_hash::FxHashMap;

use crate::analysis::Error;

/// Weights at run time: for each feature, a dense row of `i16` weights, one per class.
#[derive(Clone, Debug, Default)]
pub(crate) struct Weights {
    pub classes: usize,
    /// Features are looked up by their top `32 - shift` bits.
    shift: u32,
    rows: FxHashMap<u32, u32>,
    w: Vec<i16>,
}

/// The run-time integer weight of the largest stored weight.
const TOP: f32 = 4000.0;

impl Weights {
    /// Adds each feature's row into `scores` (one per class).
    #[inline]
    pub(crate) fn score(&self, features: &[u32], scores: &mut [i32]) {
        scores.iter_mut().for_each(|s| *s = 0);
        let n = self.classes;
        for f in features {
            if let Some(&row) = self.rows.get(&(f >> self.shift)) {
                let row = &self.w[row as usize..row as usize + n];
                for (s, &w) in scores.iter_mut().zip(row) {
                    *s += i32::from(w);
                }
            }
        }
    }

    /// The number of features with weights.
    pub(crate) fn len(&self) -> usize {
        self.rows.len()
    }

    /// Reads one classifier from `bytes` at `*at`, advancing it.
    pub(crate) fn read(bytes: &[u8], at: &mut usize) -> Result<Weights, Error> {
        let classes = read_varint(bytes, at)? as usize;
        let n = read_varint(bytes, at)? as usize;
        let key_bits = read_varint(bytes, at)? as u32;
        let levels = read_varint(bytes, at)? as usize;
        if classes == 0 || classes > 64 || n > 50_000_000 || !(1..=32).contains(&key_bits) || levels > 127 {
            return Err(Error::model(format!("{classes} classes, {n} features, {key_bits}-bit keys, {levels} levels")));
        }
        let mut book = Vec::with_capacity(levels + 1);
        book.push(0i16);
        for _ in 0..levels {
            let b: [u8; 4] = bytes.get(*at..*at + 4).and_then(|b| b.try_into().ok()).ok_or_else(|| Error::model("truncated codebook"))?;
            *at += 4;
            book.push((f32::from_le_bytes(b).clamp(-1.0, 1.0) * TOP).round() as i16);
        }
        let mut keys = Vec::with_capacity(n);
        let mut key: u64 = 0;
        for _ in 0..n {
            key += read_varint(bytes, at)?;
            keys.push(u32::try_from(key).map_err(|_| Error::model("feature key over 32 bits"))?);
        }
        let mut rows = FxHashMap::default();
        rows.reserve(n);
        let mut w = vec![0i16; n * classes];
        for (i, &k) in keys.iter().enumerate() {
            let mask = read_varint(bytes, at)?;
            for c in 0..classes {
                if mask & (1 << c) != 0 {
                    let q = *bytes.get(*at).ok_or_else(|| Error::model("truncated weights"))?;
                    *at += 1;
                    let v = *book.get(usize::from(q & 0x7F)).ok_or_else(|| Error::model("weight code past the codebook"))?;
                    w[i * classes + c] = if q & 0x80 != 0 { -v } else { v };
                }
            }
            rows.insert(k, (i * classes) as u32);
        }
        Ok(Weights { classes, shift: 32 - key_bits, rows, w })
    }
}

/// Quantisation: weight magnitudes on a logarithmic scale of `levels` steps from the
/// smallest kept to the largest.
struct Codebook {
    /// log of the smallest and largest magnitude.
    lo: f32,
    hi: f32,
    levels: usize,
}

impl Codebook {
    fn new(min: f32, max: f32, levels: usize) -> Codebook {
        Codebook { lo: min.max(1e-9).ln(), hi: max.max(min * 1.0001).ln(), levels }
    }

    fn step(&self) -> f32 {
        (self.hi - self.lo) / (self.levels - 1).max(1) as f32
    }

    /// The magnitude of level `k` (1-based), relative to the largest.
    fn value(&self, k: usize) -> f32 {
        (self.lo + self.step() * (k - 1) as f32 - self.hi).exp()
    }

    /// The code of weight `w`: sign in the top bit, level below; 0 when too small.
    fn code(&self, w: f32) -> u8 {
        let a = w.abs();
        if a <= 0.0 || a.ln() < self.lo - self.step() / 2.0 {
            return 0;
        }
        let k = (((a.ln() - self.lo) / self.step()).round() as usize + 1).min(self.levels) as u8;
        if w < 0.0 {
            k | 0x80
        } else {
            k
        }
    }
}

/// Writes a varint (7 bits a byte, low first).
pub(crate) fn write_varint(out: &mut Vec<u8>, mut v: u64) {
    loop {
        let b = (v & 0x7F) as u8;
        v >>= 7;
        if v == 0 {
            out.push(b);
            return;
        }
        out.push(b | 0x80);
    }
}

/// Reads a varint at `*at`.
pub(crate) fn read_varint(bytes: &[u8], at: &mut usize) -> Result<u64, Error> {
    let mut v: u64 = 0;
    for shift in (0..64).step_by(7) {
        let b = *bytes.get(*at).ok_or_else(|| Error::model("truncated"))?;
        *at += 1;
        v |= u64::from(b & 0x7F) << shift;
        if b & 0x80 == 0 {
            return Ok(v);
        }
    }
    Err(Error::model("varint too long"))
}

/// An averaged perceptron in training: integer weights and, for averaging, the sum of
/// each update times the step it was made at (Daumé's trick: the average is
/// `w - u / t`).
#[derive(Clone, Debug)]
pub(crate) struct Trainer {
    pub classes: usize,
    rows: FxHashMap<u32, u32>,
    w: Vec<i32>,
    u: Vec<i64>,
    /// How many times each feature was seen in an update.
    seen: Vec<u32>,
    t: i64,
    /// While counting: how often each feature occurs.
    occurrences: Option<FxHashMap<u32, u32>>,
    /// Once counted: the features that occur often enough to be learned.
    allowed: Option<rustc_hash::FxHashSet<u32>>,
}

impl Trainer {
    pub(crate) fn new(classes: usize) -> Trainer {
        Trainer {
            classes,
            rows: FxHashMap::default(),
            w: Vec::new(),
            u: Vec::new(),
            seen: Vec::new(),
            t: 1,
            occurrences: Some(FxHashMap::default()),
            allowed: None,
        }
    }

    /// Ends counting: from now on only features that occurred at least `cutoff` times
    /// are scored, updated and kept.
    pub(crate) fn keep_frequent(&mut self, cutoff: u32) {
        if let Some(counts) = self.occurrences.take() {
            self.allowed = Some(counts.into_iter().filter(|&(_, n)| n >= cutoff).map(|(f, _)| f).collect());
        }
    }

    fn allowed(&self, f: u32) -> bool {
        self.allowed.as_ref().is_none_or(|a| a.contains(&f))
    }

    /// The current (not averaged) scores (and, while counting, counts the features).
    pub(crate) fn score(&mut self, features: &[u32], scores: &mut [i64]) {
        scores.iter_mut().for_each(|s| *s = 0);
        let n = self.classes;
        if let Some(counts) = &mut self.occurrences {
            for &f in features {
                *counts.entry(f).or_insert(0) += 1;
            }
        }
        for f in features.iter().filter(|&&f| self.allowed(f)) {
            if let Some(&row) = self.rows.get(f) {
                let row = row as usize;
                for (s, &w) in scores.iter_mut().zip(&self.w[row..row + n]) {
                    *s += i64::from(w);
                }
            }
        }
    }

    /// One step: if `guess` is not `truth`, moves the weights toward `truth`.
    pub(crate) fn update(&mut self, features: &[u32], truth: usize, guess: usize) {
        if truth != guess {
            let n = self.classes;
            for &f in features {
                if !self.allowed(f) {
                    continue;
                }
                let next = self.rows.len() as u32 * n as u32;
                let row = *self.rows.entry(f).or_insert(next) as usize;
                if row == self.w.len() {
                    self.w.resize(row + n, 0);
                    self.u.resize(row + n, 0);
                    self.seen.push(0);
                }
                self.seen[row / n] += 1;
                self.w[row + truth] += 1;
                self.u[row + truth] += self.t;
                self.w[row + guess] -= 1;
                self.u[row + guess] -= self.t;
            }
        }
        self.t += 1;
    }

    /// The averaged weights, each feature's row with how often it was updated.
    fn averaged(&self) -> Vec<(u32, u32, Vec<f32>)> {
        let n = self.classes;
        let t = self.t as f64;
        let mut out: Vec<(u32, u32, Vec<f32>)> = self
            .rows
            .iter()
            .filter(|(&k, _)| self.allowed(k))
            .map(|(&k, &row)| {
                let row = row as usize;
                let ws = (0..n).map(|c| (self.w[row + c] as f64 - self.u[row + c] as f64 / t) as f32).collect();
                (k, self.seen[row / n], ws)
            })
            .collect();
        out.sort_unstable_by_key(|r| r.0);
        out
    }

    /// The averaged weights as run-time weights, keeping features updated at least
    /// `min_seen` times and whose largest weight is at least `min_share` of the
    /// classifier's largest, quantised to `levels` steps; the binary form is appended to
    /// `out`. With few classes each row is first shifted so its median class is 0 (a
    /// constant added to every class changes no decision).
    pub(crate) fn finish(&self, min_seen: u32, min_share: f32, levels: usize, out: &mut Vec<u8>) -> Weights {
        let mut rows = self.averaged();
        if self.classes <= 4 {
            for r in &mut rows {
                let mut sorted = r.2.clone();
                sorted.sort_by(f32::total_cmp);
                let median = sorted[sorted.len() / 2];
                r.2.iter_mut().for_each(|w| *w -= median);
            }
        }
        let max = rows.iter().flat_map(|r| r.2.iter()).fold(0f32, |m, w| m.max(w.abs())).max(1e-6);
        let book = Codebook::new(max * min_share.max(1e-4), max, levels);
        let kept: Vec<(u32, Vec<u8>)> = rows
            .into_iter()
            .filter(|r| r.1 >= min_seen)
            .filter_map(|(k, _, ws)| {
                let q: Vec<u8> = ws.iter().map(|&w| book.code(w)).collect();
                q.iter().any(|&q| q != 0).then_some((k, q))
            })
            .collect();
        // Keys keep enough bits that an unknown feature rarely finds a row: about 1 in
        // 256.
        let key_bits = ((kept.len().max(2) as f64).log2().ceil() as u32 + 8).min(32);
        let shift = 32 - key_bits;
        let mut merged: Vec<(u32, Vec<u8>)> = Vec::with_capacity(kept.len());
        for (k, q) in kept {
            let k = k >> shift;
            match merged.last_mut() {
                // Two features with the same short key: the first keeps the row.
                Some(last) if last.0 == k => {}
                _ => merged.push((k, q)),
            }
        }
        let start = out.len();
        write_varint(out, self.classes as u64);
        write_varint(out, merged.len() as u64);
        write_varint(out, u64::from(key_bits));
        write_varint(out, levels as u64);
        for k in 1..=levels {
            out.extend_from_slice(&book.value(k).to_le_bytes());
        }
        let mut last = 0u64;
        for (k, _) in &merged {
            write_varint(out, u64::from(*k) - last);
            last = u64::from(*k);
        }
        let keys_end = out.len();
        for (_, q) in &merged {
            let mask = q.iter().enumerate().filter(|(_, &q)| q != 0).fold(0u64, |m, (c, _)| m | 1 << c);
            write_varint(out, mask);
            out.extend(q.iter().filter(|&&q| q != 0));
        }
        if std::env::var_os("SYNTAX_STATS").is_some() {
            let nz: usize = merged.iter().map(|(_, q)| q.iter().filter(|&&q| q != 0).count()).sum();
            eprintln!(
                "classes {} features {} keys {} B weights {} B nonzero {}",
                self.classes,
                merged.len(),
                keys_end - start,
                out.len() - keys_end,
                nz
            );
        }
        let mut at = start;
        match Weights::read(out, &mut at) {
            Ok(w) => w,
            Err(e) => panic!("weights just written do not read back: {e}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weight_codes_round_trip_within_a_step() {
        let book = Codebook::new(0.001, 1.0, 64);
        let ratio = book.step().exp();
        for w in [1.0f32, 0.5, 0.01, -0.2, -1.0, 0.003] {
            let q = book.code(w);
            let back = book.value(usize::from(q & 0x7F)) * if q & 0x80 != 0 { -1.0 } else { 1.0 };
            assert!(back / w <= ratio.sqrt() * 1.001 && w / back <= ratio.sqrt() * 1.001, "{w} -> {back}");
        }
        assert_eq!(book.code(0.0), 0);
        assert_eq!(book.code(0.0001), 0);
    }

    #[test]
    fn learns_a_separable_problem_and_reads_back() {
        // Class 0 when feature 1 is present, class 1 when feature 2 is.
        let mut t = Trainer::new(2);
        for _ in 0..10 {
            for (f, truth) in [(1u32, 0usize), (2, 1)] {
                let feats = [f, 99];
                let mut s = [0i64; 2];
                t.score(&feats, &mut s);
                let guess = if s[1] > s[0] { 1 } else { 0 };
                t.update(&feats, truth, guess);
            }
        }
        let mut bytes = Vec::new();
        let w = t.finish(1, 0.0, 16, &mut bytes);
        let mut s = [0i32; 2];
        w.score(&[1, 99], &mut s);
        assert!(s[0] > s[1]);
        w.score(&[2, 99], &mut s);
        assert!(s[1] > s[0]);
        let mut at = 0;
        let again = Weights::read(&bytes, &mut at).unwrap();
        assert_eq!(at, bytes.len());
        assert_eq!(again.len(), w.len());
    }
}

//! What the networks know of a word: its row in the word table (the vocabulary's
//! words by name, the others by their shape), the tags it was seen with in the
//! treebank (its ambiguity class: "NOUN or VERB|VB"), and buckets for its last two and
//! three letters and its shape.
//!
//! Words are keyed by a fixed 64-bit hash of their folded form (digits made 0), so the
//! model stores 24-bit keys, not strings, and the same word gives the same row on
//! every platform.

use crate::analysis::text::fold;

/// Word rows: padding, the root, unknown words by shape, then the vocabulary.
pub(crate) const PAD: usize = 0;
pub(crate) const ROOT: usize = 1;
pub(crate) const UNKNOWN: usize = 16;
pub(crate) const FIRST_WORD: usize = 2 + UNKNOWN;
/// Buckets of two- and three-letter suffixes and of shapes.
pub(crate) const SUFFIXES2: usize = 256;
pub(crate) const SUFFIXES: usize = 1024;
pub(crate) const SHAPES: usize = 64;

/// Mixes two 64-bit values (splitmix64's finaliser over their combination).
#[inline]
pub(crate) fn mix(a: u64, b: u64) -> u64 {
    let mut z = a.rotate_left(23) ^ b.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// A string's hash (FNV-1a, then mixed).
pub(crate) fn atom(s: &str) -> u64 {
    let mut h: u64 = 0xCBF2_9CE4_8422_2325;
    for b in s.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01B3);
    }
    mix(h, 0x5EED)
}

/// A word before the vocabulary is consulted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Form {
    /// 24-bit key of the folded form.
    pub key: u32,
    pub suffix2: usize,
    pub suffix: usize,
    pub shape: usize,
}

impl Form {
    pub(crate) fn new(form: &str) -> Form {
        let norm: String = fold(form).chars().map(|c| if c.is_ascii_digit() { '0' } else { c }).collect();
        let chars: Vec<char> = norm.chars().collect();
        let suffix: String = chars[chars.len().saturating_sub(3)..].iter().collect();
        let suffix2: String = chars[chars.len().saturating_sub(2)..].iter().collect();
        Form {
            key: (atom(&norm) >> 40) as u32,
            suffix2: (mix(atom(&suffix2), 2) % SUFFIXES2 as u64) as usize,
            suffix: (atom(&suffix) % SUFFIXES as u64) as usize,
            shape: (atom(&shape(form)) % SHAPES as u64) as usize,
        }
    }

    /// The row of this word's shape among the unknown words.
    pub(crate) fn unknown(&self) -> usize {
        2 + self.shape % UNKNOWN
    }
}

/// The networks' rows for a word.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Ids {
    /// The word's key (see [`Form`]).
    pub key: u32,
    pub word: usize,
    /// The row it would have were it unknown (training drops rare words to it).
    pub unknown: usize,
    /// The row of its ambiguity class (0: none known).
    pub class: usize,
    pub suffix2: usize,
    pub suffix: usize,
    pub shape: usize,
}

/// The words known by name, as sorted keys (a word's row is `FIRST_WORD` plus its
/// index), and the words whose ambiguity class is known, sorted by key.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Vocab {
    pub keys: Vec<u32>,
    pub classes: Vec<(u32, u16)>,
}

impl Vocab {
    pub(crate) fn ids(&self, form: &Form) -> Ids {
        let unknown = form.unknown();
        let word = self.keys.binary_search(&form.key).map_or(unknown, |i| FIRST_WORD + i);
        let class = self
            .classes
            .binary_search_by_key(&form.key, |c| c.0)
            .map_or(0, |i| usize::from(self.classes[i].1));
        Ids {
            key: form.key,
            word,
            unknown,
            class,
            suffix2: form.suffix2,
            suffix: form.suffix,
            shape: form.shape,
        }
    }

    /// Rows in the ambiguity-class table.
    pub(crate) fn class_rows(&self) -> usize {
        self.classes.iter().map(|c| usize::from(c.1) + 1).max().unwrap_or(1)
    }

    /// Rows in the word table.
    pub(crate) fn rows(&self) -> usize {
        FIRST_WORD + self.keys.len()
    }
}

/// A word's short shape: upper-case letters `X`, lower-case `x`, digits `d`, other
/// characters as they are, runs of one class written once ("Erdoğan" → "Xx", "U.S." →
/// "X.X.", "1998" → "d", "well-known" → "x-x"); long words get a mark.
pub(crate) fn shape(form: &str) -> String {
    let mut out = String::new();
    let mut last = '\0';
    for c in form.chars() {
        let k = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_numeric() {
            'd'
        } else if c.is_alphabetic() {
            'a'
        } else {
            c
        };
        if k != last || !matches!(k, 'X' | 'x' | 'd' | 'a') {
            out.push(k);
        }
        last = k;
        if out.len() > 8 {
            break;
        }
    }
    if form.chars().count() > 12 {
        out.push('+');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes() {
        assert_eq!(shape("Erdoğan"), "Xx");
        assert_eq!(shape("U.S."), "X.X.");
        assert_eq!(shape("1998"), "d");
        assert_eq!(shape("well-known"), "x-x");
        assert_eq!(shape("McDonald"), "XxXx");
    }

    #[test]
    fn keys_are_fixed_and_fold() {
        // The model's vocabulary is these numbers: they must not change silently.
        assert_eq!(Form::new("said").key, Form::new("SAID").key);
        assert_eq!(Form::new("Putin’s").key, Form::new("putin's").key);
        assert_eq!(Form::new("1998").key, Form::new("2025").key);
        assert_eq!(mix(1, 2), mix(1, 2));
        assert_eq!(atom(""), mix(0xCBF2_9CE4_8422_2325, 0x5EED));
    }
}

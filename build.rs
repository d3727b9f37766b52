//! Generates the folding table (`fold_table.rs` in OUT_DIR) from `deunicode`.
//!
//! `deunicode` transliterates all of Unicode, and its table costs ~164 KB gzipped in
//! each wasm. News in Latin-script languages needs the scripts below; the table keeps
//! `deunicode`'s answers for them and nothing else (other characters fold to
//! themselves, lower-cased: see `analysis::text::fold_char_into`).

use std::fmt::Write as _;

/// Ranges of characters transliterated by the folding table.
const RANGES: &[(u32, u32)] = &[
    (0x0080, 0x052F), // Latin-1, Latin Extended-A/B, IPA, modifiers, combining marks, Greek, Cyrillic
    (0x1E00, 0x1EFF), // Latin Extended Additional (Vietnamese and others)
    (0x2000, 0x214F), // punctuation, super/subscripts, currency, letterlike symbols
    (0xFB00, 0xFB06), // Latin ligatures
    (0xFF00, 0xFF5E), // full-width ASCII
];

fn main() {
    println!("cargo::rerun-if-changed=build.rs");
    let mut text = String::new();
    let mut out = String::new();
    writeln!(out, "/// Folding ranges: (first, last, index of the first's entry in FOLD_ENDS).").unwrap();
    writeln!(out, "pub(crate) const FOLD_RANGES: &[(u32, u32, usize)] = &[").unwrap();
    let mut ends: Vec<u16> = Vec::new();
    let mut index = 0;
    for &(first, last) in RANGES {
        writeln!(out, "    (0x{first:04X}, 0x{last:04X}, {index}),").unwrap();
        for cp in first..=last {
            let s = char::from_u32(cp).and_then(deunicode::deunicode_char).unwrap_or("");
            text.extend(s.chars().map(|c| c.to_ascii_lowercase()));
            ends.push(u16::try_from(text.len()).expect("table under 64 KB"));
            index += 1;
        }
    }
    writeln!(out, "];").unwrap();
    writeln!(out, "/// End of each character's folded form in FOLD_TEXT.").unwrap();
    writeln!(out, "pub(crate) const FOLD_ENDS: [u16; {}] = {:?};", ends.len(), ends).unwrap();
    writeln!(out, "/// The folded forms, one after the other.").unwrap();
    writeln!(out, "pub(crate) const FOLD_TEXT: &str = {text:?};").unwrap();
    let path = std::path::Path::new(&std::env::var("OUT_DIR").unwrap()).join("fold_table.rs");
    std::fs::write(path, out).unwrap();
}

//! The temporal tagger's scanner: the text cut once into words, numbers and
//! punctuation, each word looked up once in the word table.

use super::lexicon::{Lex, Table};

// ---------------------------------------------------------------------------------
// Tokens
// ---------------------------------------------------------------------------------

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Tk {
    Word,
    Num,
    Punct(u8),
    Other,
}

#[derive(Clone, Copy, Debug)]
pub(super) struct Tok {
    pub(super) s: usize,
    pub(super) e: usize,
    pub(super) tk: Tk,
    pub(super) lex: Lex,
    /// Value of a number (saturating), 0 otherwise.
    pub(super) num: u32,
    /// Digits of a number.
    pub(super) ndig: u8,
    /// Starts with a capital letter.
    pub(super) cap: bool,
    /// White space before the token.
    pub(super) gap: bool,
    /// A line break before the token.
    pub(super) brk: bool,
}

pub(super) fn scan(text: &str, table: &Table, toks: &mut Vec<Tok>) {
    let b = text.as_bytes();
    let n = b.len();
    let mut i = 0;
    let mut gap = true;
    let mut brk = true;
    let mut buf = [0u8; 16];
    while i < n {
        let c = b[i];
        if c.is_ascii_alphabetic() {
            let s = i;
            while i < n && b[i].is_ascii_alphabetic() {
                i += 1;
            }
            let len = i - s;
            let mut lex = Lex::No;
            if len <= buf.len() {
                for (k, &x) in b[s..i].iter().enumerate() {
                    buf[k] = x.to_ascii_lowercase();
                }
                // ASCII letters only, so this is valid UTF-8.
                let w = std::str::from_utf8(&buf[..len]).unwrap_or("");
                lex = table.get(w).copied().unwrap_or(Lex::No);
            }
            toks.push(Tok {
                s,
                e: i,
                tk: Tk::Word,
                lex,
                num: 0,
                ndig: 0,
                cap: c.is_ascii_uppercase(),
                gap,
                brk,
            });
            gap = false;
            brk = false;
        } else if c.is_ascii_digit() {
            let s = i;
            let mut v: u32 = 0;
            while i < n && b[i].is_ascii_digit() {
                v = v.saturating_mul(10).saturating_add(u32::from(b[i] - b'0'));
                i += 1;
            }
            let ndig = (i - s).min(255) as u8;
            toks.push(Tok { s, e: i, tk: Tk::Num, lex: Lex::No, num: v, ndig, cap: false, gap, brk });
            gap = false;
            brk = false;
        } else if c == b'\n' || c == b'\r' {
            brk = true;
            gap = true;
            i += 1;
        } else if c.is_ascii_whitespace() {
            gap = true;
            i += 1;
        } else if c < 0x80 {
            toks.push(Tok {
                s: i,
                e: i + 1,
                tk: Tk::Punct(c),
                lex: Lex::No,
                num: 0,
                ndig: 0,
                cap: false,
                gap,
                brk,
            });
            gap = false;
            brk = false;
            i += 1;
        } else {
            let ch = text[i..].chars().next().unwrap_or(' ');
            let len = ch.len_utf8();
            let tk = match ch {
                '\u{2018}' | '\u{2019}' | '\u{02BC}' => Some(Tk::Punct(b'\'')),
                '\u{201C}' | '\u{201D}' | '\u{00AB}' | '\u{00BB}' => Some(Tk::Punct(b'"')),
                '\u{2010}'..='\u{2015}' => Some(Tk::Punct(b'-')),
                '\u{00A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' => None,
                '\u{2028}' | '\u{2029}' => {
                    brk = true;
                    None
                }
                c if c.is_alphanumeric() => Some(Tk::Other),
                _ => Some(Tk::Punct(0)),
            };
            match tk {
                None => gap = true,
                Some(Tk::Other) => {
                    // Merge into a preceding word or Other token without a gap.
                    if let Some(last) = toks.last_mut() {
                        if !gap && last.e == i && matches!(last.tk, Tk::Word | Tk::Other) {
                            last.e = i + len;
                            last.tk = Tk::Other;
                            last.lex = Lex::No;
                            i += len;
                            continue;
                        }
                    }
                    toks.push(Tok {
                        s: i,
                        e: i + len,
                        tk: Tk::Other,
                        lex: Lex::No,
                        num: 0,
                        ndig: 0,
                        cap: ch.is_uppercase(),
                        gap,
                        brk,
                    });
                    gap = false;
                    brk = false;
                }
                Some(tk) => {
                    toks.push(Tok {
                        s: i,
                        e: i + len,
                        tk,
                        lex: Lex::No,
                        num: 0,
                        ndig: 0,
                        cap: false,
                        gap,
                        brk,
                    });
                    gap = false;
                    brk = false;
                }
            }
            i += len;
        }
        // A word followed directly by letters that are not ASCII ("Türkiye") is not
        // a table word: handled by the merge above.
    }
    // Words glued to non-ASCII letters after them ("Mayıs") are not table words.
    for k in 1..toks.len() {
        if toks[k].tk == Tk::Other && !toks[k].gap && toks[k - 1].tk == Tk::Word {
            toks[k - 1].lex = Lex::No;
        }
    }
}

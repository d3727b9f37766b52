//! Bytes to text: a byte-order mark first, then UTF-16 recognised by its NULs, then
//! valid UTF-8, then (for HTML) the page's declared charset, then a guess by
//! `chardetng`; decoding by `encoding_rs`. Invalid bytes are replaced, with a warning
//! naming the encoding used.

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, UTF_8};

use super::super::Error;

/// Decoded text and what was worth telling about it.
pub(super) struct Decoded {
    pub text: String,
    pub warnings: Vec<String>,
}

/// Decodes a file. `html`: the bytes are an HTML page, whose `<meta charset>` counts.
/// Without `FULL` (the page's module, which leaves `encoding_rs`'s decoders and
/// `chardetng` to the full reader): UTF-8 and UTF-16 only, the rest an error that says
/// the full reader is needed.
pub(super) fn decode<const FULL: bool>(bytes: &[u8], html: bool) -> Result<Decoded, Error> {
    if !FULL {
        return decode_unicode(bytes);
    }
    let mut warnings = Vec::new();
    let (encoding, body, how) = if let Some((enc, len)) = bom(bytes) {
        (enc, &bytes[len..], "byte-order mark")
    } else if let Some(enc) = utf16_without_bom(bytes) {
        (enc, bytes, "detected")
    } else if mostly_utf8(bytes) {
        // Valid UTF-8 with any non-ASCII byte is almost never another encoding, and a
        // saved page often keeps a charset declaration its bytes no longer follow.
        (UTF_8, bytes, "mostly valid")
    } else if let Some(enc) = html.then(|| declared_charset(bytes)).flatten() {
        (enc, bytes, "declared")
    } else {
        let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
        detector.feed(bytes, true);
        (detector.guess(None, chardetng::Utf8Detection::Allow), bytes, "detected")
    };
    let (text, had_errors) = encoding.decode_without_bom_handling(body);
    if how == "detected" && encoding != UTF_8 {
        warnings.push(format!("not UTF-8: read as {} (detected)", encoding.name()));
    }
    if had_errors {
        warnings.push(format!("bytes invalid in {} ({how}) were replaced with \u{FFFD}", encoding.name()));
    }
    // A NUL left in text (a UTF-16 guess gone wrong) is no character of an article.
    let text = if text.contains('\0') { text.replace('\0', "") } else { text.into_owned() };
    Ok(Decoded { text, warnings })
}

/// [`decode`] for UTF-8 and UTF-16 by the standard library alone, with the same
/// choices, text and warnings.
fn decode_unicode(bytes: &[u8]) -> Result<Decoded, Error> {
    // (UTF-16 big-endian?, the bytes after any byte-order mark, how it was known)
    let (utf16, body, how) = match bytes {
        [0xEF, 0xBB, 0xBF, rest @ ..] => (None, rest, "byte-order mark"),
        [0xFF, 0xFE, rest @ ..] => (Some(false), rest, "byte-order mark"),
        [0xFE, 0xFF, rest @ ..] => (Some(true), rest, "byte-order mark"),
        _ => match utf16_without_bom(bytes) {
            Some(enc) => (Some(enc == UTF_16BE), bytes, "detected"),
            None if mostly_utf8(bytes) => (None, bytes, "mostly valid"),
            None => return Err(Error::reader_needed("text in a legacy encoding")),
        },
    };
    let (text, had_errors, name) = match utf16 {
        None => {
            let text = String::from_utf8_lossy(body);
            let bad = matches!(text, std::borrow::Cow::Owned(_));
            (text.into_owned(), bad, "UTF-8")
        }
        Some(big) => {
            let units = body.chunks_exact(2).map(|p| {
                if big {
                    u16::from_be_bytes([p[0], p[1]])
                } else {
                    u16::from_le_bytes([p[0], p[1]])
                }
            });
            let mut bad = false;
            let mut text: String = char::decode_utf16(units)
                .map(|c| {
                    c.unwrap_or_else(|_| {
                        bad = true;
                        '\u{FFFD}'
                    })
                })
                .collect();
            if body.len() % 2 == 1 {
                bad = true;
                text.push('\u{FFFD}');
            }
            (text, bad, if big { "UTF-16BE" } else { "UTF-16LE" })
        }
    };
    let mut warnings = Vec::new();
    if how == "detected" && name != "UTF-8" {
        warnings.push(format!("not UTF-8: read as {name} (detected)"));
    }
    if had_errors {
        warnings.push(format!("bytes invalid in {name} ({how}) were replaced with \u{FFFD}"));
    }
    let text = if text.contains('\0') { text.replace('\0', "") } else { text };
    Ok(Decoded { text, warnings })
}

/// Whether bytes are UTF-8, but for a few invalid sequences among many valid
/// multi-byte characters (a truncated or concatenated file).
fn mostly_utf8(bytes: &[u8]) -> bool {
    let mut rest = bytes;
    let mut invalid = 0usize;
    let mut multibyte = 0usize;
    loop {
        match std::str::from_utf8(rest) {
            Ok(s) => {
                multibyte += s.chars().filter(|c| !c.is_ascii()).count();
                break;
            }
            Err(e) => {
                let valid = std::str::from_utf8(&rest[..e.valid_up_to()]).unwrap_or("");
                multibyte += valid.chars().filter(|c| !c.is_ascii()).count();
                invalid += 1;
                if invalid > 1000 {
                    return false;
                }
                rest = &rest[e.valid_up_to() + e.error_len().unwrap_or(rest.len() - e.valid_up_to())..];
            }
        }
    }
    invalid == 0 || multibyte >= 2 * invalid
}

/// The encoding a byte-order mark announces, and the mark's length.
pub(super) fn bom(bytes: &[u8]) -> Option<(&'static Encoding, usize)> {
    Encoding::for_bom(bytes)
}

/// UTF-16 without a byte-order mark, recognised by NULs in every other byte (text
/// mostly in Latin script), or None.
pub(super) fn utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(4096) & !1];
    if head.len() < 4 {
        return None;
    }
    let pairs = head.len() / 2;
    let even_nul = head.iter().step_by(2).filter(|&&b| b == 0).count();
    let odd_nul = head.iter().skip(1).step_by(2).filter(|&&b| b == 0).count();
    // Most pairs have a NUL on one side and almost none on the other.
    if odd_nul * 10 >= pairs * 6 && even_nul * 20 <= pairs {
        Some(UTF_16LE)
    } else if even_nul * 10 >= pairs * 6 && odd_nul * 20 <= pairs {
        Some(UTF_16BE)
    } else {
        None
    }
}

/// The charset an HTML page declares in its first 4 KB (`<meta charset="…">` or
/// `<meta http-equiv="Content-Type" content="text/html; charset=…">`). Per the HTML
/// standard a declared UTF-16 means UTF-8 (the bytes are ASCII-compatible here).
fn declared_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(4096)];
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let mut from = 0;
    while let Some(p) = find(&lower[from..], b"<meta") {
        let start = from + p;
        let end = find(&lower[start..], b">").map_or(lower.len(), |e| start + e);
        let tag = &lower[start..end];
        if let Some(c) = find(tag, b"charset") {
            let mut rest = &tag[c + 7..];
            rest = trim_start(rest);
            if let Some(r) = rest.strip_prefix(b"=") {
                let r = trim_start(r);
                let r = r.strip_prefix(b"\"").or_else(|| r.strip_prefix(b"'")).unwrap_or(r);
                let label_end = r
                    .iter()
                    .position(|b| matches!(b, b'"' | b'\'' | b';' | b' ' | b'/' | b'>'))
                    .unwrap_or(r.len());
                if let Some(enc) = Encoding::for_label(&r[..label_end]) {
                    return Some(if enc == UTF_16LE || enc == UTF_16BE { UTF_8 } else { enc });
                }
            }
        }
        from = end.max(start + 5);
    }
    None
}

fn trim_start(b: &[u8]) -> &[u8] {
    let n = b.iter().take_while(|c| c.is_ascii_whitespace()).count();
    &b[n..]
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// Decoded text that is no article: many control characters, or mostly replacement
/// characters (random bytes read as some encoding).
pub(super) fn looks_binary(text: &str) -> bool {
    let mut total = 0usize;
    let mut control = 0usize;
    let mut replaced = 0usize;
    for c in text.chars().take(8192) {
        total += 1;
        if c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\x0C' | '\x1B' | '\u{85}') {
            control += 1;
        } else if c == '\u{FFFD}' {
            replaced += 1;
        }
    }
    total > 0 && (control * 100 > total * 2 || replaced * 100 > total * 30)
}

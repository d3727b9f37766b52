//! Deeply nested HTML made shallow before it is parsed.
//!
//! The HTML tree builder and Readability both take time in proportion to the depth
//! of the tree for each element, so a page of 10,000 nested `<div>`s (50 KB) takes
//! minutes, and a 20 MB one forever. Like browsers (Blink's parser stops nesting at
//! 512 levels), elements below [`MAX_DEPTH`] are not nested further: their tags are
//! left out and their text is kept. Raw-text elements (`<script>`, `<style>`, …) are
//! always kept with their tags, so their content never becomes text. Pages that are
//! not that deep are returned as they are.

use std::borrow::Cow;

/// The deepest nesting of elements kept.
pub(super) const MAX_DEPTH: usize = 512;

/// Elements with no content: they never nest.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "keygen", "link", "meta", "param", "source",
    "track", "wbr", "basefont", "bgsound", "frame", "image",
];

/// Elements a sibling of the same kind closes (`<p>a<p>b`): not counted, never left out.
const SELF_CLOSING: &[&str] = &[
    "p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "rb", "rt", "rp", "rtc", "thead", "tbody",
    "tfoot", "colgroup", "caption",
];

/// Elements whose content is raw text up to their end tag: kept, never counted.
const RAW_TEXT: &[&str] = &[
    "script",
    "style",
    "textarea",
    "title",
    "xmp",
    "iframe",
    "noembed",
    "noframes",
    "noscript",
    "plaintext",
];

/// How far back an end tag looks for its start tag (mis-nested markup).
const MATCH_WINDOW: usize = 16;

/// The page with elements below `max` levels left out (tags only), and the deepest
/// level found (counted as written; `max` at most when nothing was left out).
pub(super) fn flatten(html: &str, max: usize) -> (Cow<'_, str>, usize) {
    let b = html.as_bytes();
    let mut out = String::new();
    // Where the part of `html` not yet copied to `out` starts.
    let mut copied = 0;
    let mut dropped = false;
    // Open elements: name and whether its tags are kept.
    let mut stack: Vec<(String, bool)> = Vec::new();
    let mut deepest = 0;
    let mut i = 0;
    while let Some(p) = memchr_lt(b, i) {
        i = p;
        let rest = &b[i..];
        if rest.starts_with(b"<!--") {
            i = find(b, i + 4, b"-->").map_or(b.len(), |e| e + 3);
            continue;
        }
        if rest.starts_with(b"<!") || rest.starts_with(b"<?") {
            i = find(b, i + 2, b">").map_or(b.len(), |e| e + 1);
            continue;
        }
        let end_tag = rest.starts_with(b"</");
        let name_at = i + if end_tag { 2 } else { 1 };
        let name_len = b[name_at..]
            .iter()
            .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, b'-' | b':' | b'_'))
            .count();
        if name_len == 0 || !b[name_at].is_ascii_alphabetic() {
            i += 1;
            continue;
        }
        let name = html[name_at..name_at + name_len].to_ascii_lowercase();
        let close = tag_end(b, name_at + name_len);
        let tag_end = close.map_or(b.len(), |e| e + 1);
        let self_closed = close.is_some_and(|e| e > 0 && b[e - 1] == b'/');
        let mut keep = true;
        if end_tag && RAW_TEXT.contains(&name.as_str()) {
            // A raw-text element's end tag (or a stray one): always kept.
        } else if end_tag {
            if let Some(k) = stack.iter().rev().take(MATCH_WINDOW).position(|(n, _)| *n == name) {
                let at = stack.len() - 1 - k;
                keep = stack[at].1;
                stack.truncate(at);
            } else {
                keep = stack.len() < max;
            }
        } else if RAW_TEXT.contains(&name.as_str()) {
            i = tag_end;
            if name != "plaintext" && !self_closed {
                // Up to the end tag, whose name is matched ignoring case.
                let closing = format!("</{name}");
                i = find_ignore_case(b, i, closing.as_bytes()).unwrap_or(b.len());
            } else if name == "plaintext" {
                i = b.len();
            }
            continue;
        } else if !self_closed && !VOID.contains(&name.as_str()) && !SELF_CLOSING.contains(&name.as_str()) {
            keep = stack.len() < max;
            stack.push((name, keep));
            deepest = deepest.max(stack.len());
        }
        if !keep {
            out.push_str(&html[copied..i]);
            copied = tag_end;
            dropped = true;
        }
        i = tag_end;
    }
    if !dropped {
        return (Cow::Borrowed(html), deepest);
    }
    out.push_str(&html[copied..]);
    (Cow::Owned(out), deepest)
}

/// The next `<` at or after `from`.
fn memchr_lt(b: &[u8], from: usize) -> Option<usize> {
    b.get(from..)?.iter().position(|&c| c == b'<').map(|p| from + p)
}

/// The `>` ending a tag whose name ends at `from`, skipping quoted attribute values.
fn tag_end(b: &[u8], from: usize) -> Option<usize> {
    let mut quote = None;
    for (k, &c) in b.get(from..)?.iter().enumerate() {
        match (quote, c) {
            (None, b'"' | b'\'') => quote = Some(c),
            (Some(q), _) if c == q => quote = None,
            (None, b'>') => return Some(from + k),
            _ => {}
        }
    }
    None
}

fn find(b: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    b.get(from..)?.windows(needle.len()).position(|w| w == needle).map(|p| from + p)
}

fn find_ignore_case(b: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    b.get(from..)?.windows(needle.len()).position(|w| w.eq_ignore_ascii_case(needle)).map(|p| from + p)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shallow_pages_are_left_as_they_are() {
        let page =
            "<html><body><div><p>One<p>Two</div><br><img src=x><script>if (a<b) {}</script></body></html>";
        let (out, deepest) = flatten(page, 4);
        assert!(matches!(out, Cow::Borrowed(_)));
        assert_eq!(out, page);
        assert_eq!(deepest, 3);
    }

    #[test]
    fn deep_nesting_is_cut_and_text_kept() {
        let page = format!("<div>{}<b>deep</b>{}</div>", "<div class='x>y'>".repeat(10), "</div>".repeat(10));
        let (out, deepest) = flatten(&page, 3);
        assert_eq!(deepest, 12);
        assert_eq!(out, "<div><div class='x>y'><div class='x>y'>deep</div></div></div>");
    }

    #[test]
    fn raw_text_is_never_exposed() {
        let page = format!("{}<script>alert('<div>')</script><style>p{{}}</style>text", "<span>".repeat(6));
        let (out, _) = flatten(&page, 2);
        assert_eq!(out, "<span><span><script>alert('<div>')</script><style>p{}</style>text");
    }

    #[test]
    fn unclosed_tags_and_broken_markup_do_not_panic() {
        for page in
            ["<", "<div", "</", "<div class=\"x", "<!--", "<!doctype", "<script>", "<é>", "a < b", "</é>"]
        {
            let _ = flatten(page, 1);
            let _ = flatten(&page.repeat(50), 1);
        }
    }
}

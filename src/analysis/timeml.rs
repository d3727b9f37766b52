//! TimeML in and out: read a TempEval-3 document's creation time and text, and write the
//! same document with this tagger's TIMEX3 tags.
//!
//! The text inside `<TEXT>` is read with every tag removed and XML entities (`&amp;`,
//! `&lt;`, `&#39;`, …) decoded, so the tagger sees the article as written. The output
//! keeps each character of TEXT in its original (encoded) form, drops the old tags and
//! wraps each expression found in `<TIMEX3 tid type value>…</TIMEX3>`; everything
//! outside TEXT (the DCT block included) is copied unchanged, but for the gold layer's
//! MAKEINSTANCE, TLINK, SLINK and ALINK elements, which name the EVENT and TIMEX3 tags
//! removed: every id the output names is defined, so the TempEval-3 toolkit's schema
//! check accepts it and its scorer can compare it with the gold files.
//!
//! # Example
//!
//! ```
//! use dateline::analysis::{timeml::annotate, TimeTagger};
//! let tml = r#"<TimeML><DCT><TIMEX3 tid="t0" type="DATE" value="1998-02-13" functionInDocument="CREATION_TIME">02/13/98</TIMEX3></DCT>
//! <TEXT>Prices fell <EVENT eid="e1">yesterday</EVENT> &amp; rose.</TEXT></TimeML>"#;
//! let out = annotate(tml, &TimeTagger::new()).unwrap();
//! assert!(out.contains(r#"<TEXT>Prices fell <TIMEX3 tid="t1" type="DATE" value="1998-02-12">yesterday</TIMEX3> &amp; rose.</TEXT>"#));
//! ```

use jiff::civil::Date;

use super::{Error, TimeTagger};

/// Reads a TimeML document, removes the tags inside `<TEXT>`, tags the text with
/// `tagger` anchored at the document creation time, and returns the document with the
/// system's `<TIMEX3 tid type value>` tags in TEXT, every other character unchanged.
pub fn annotate(tml: &str, tagger: &TimeTagger) -> Result<String, Error> {
    let dct = creation_time(tml)?;
    let open = tml.find("<TEXT>").ok_or_else(|| Error::timeml("expected a <TEXT> element, found none"))?;
    let start = open + "<TEXT>".len();
    let close = tml[start..]
        .find("</TEXT>")
        .map(|k| start + k)
        .ok_or_else(|| Error::timeml("expected </TEXT> after <TEXT>, found the end of the document"))?;
    let text = Plain::read(&tml[start..close])?;
    let found = tagger.tag(&text.plain, Some(dct));

    // Our tids follow the ones kept outside TEXT (the creation time's "t0"), so no
    // id is defined twice.
    let tail = without_links(&tml[close..]);
    let first_tid = [&tml[..start], tail.as_str()]
        .iter()
        .flat_map(|part| part.match_indices("tid=\"t").map(move |(k, _)| &part[k + 6..]))
        .filter_map(|v| v[..v.find('"').unwrap_or(0)].parse::<usize>().ok())
        .max()
        .map_or(1, |m| m + 1);
    let mut out = String::with_capacity(tml.len() + found.len() * 80);
    out.push_str(&tml[..start]);
    let raw = &tml[start..close];
    let mut next = 0; // next timex
    let mut open_end: Option<usize> = None;
    for (k, (rs, re)) in text.chars.iter().copied().enumerate() {
        let pk = text.offsets[k];
        if open_end.is_none() {
            if let Some(t) = found.get(next) {
                if t.span.start == pk {
                    out.push_str(&format!(
                        "<TIMEX3 tid=\"t{}\" type=\"{}\" value=\"{}\">",
                        first_tid + next,
                        t.kind.as_str(),
                        escape_attr(&t.value)
                    ));
                    open_end = Some(t.span.end);
                }
            }
        }
        out.push_str(&raw[rs..re]);
        let pend = text.offsets.get(k + 1).copied().unwrap_or(text.plain.len());
        if open_end == Some(pend) {
            out.push_str("</TIMEX3>");
            open_end = None;
            next += 1;
        }
    }
    if open_end.is_some() {
        out.push_str("</TIMEX3>");
    }
    out.push_str(&tail);
    Ok(out)
}

/// Elements after TEXT that name EVENT and TIMEX3 ids: the gold layer's instances and
/// links. The gold EVENT and TIMEX3 tags are gone from TEXT, so these would point at
/// nothing and the TempEval-3 toolkit's schema check refuses the file.
const LINK_ELEMENTS: &[&str] = &["MAKEINSTANCE", "TLINK", "SLINK", "ALINK"];

/// `rest` (from `</TEXT>` on) without the [`LINK_ELEMENTS`] and the lines they
/// stood on: what is left is the TIMEX3 layer and the creation time, every id named
/// defined.
fn without_links(rest: &str) -> String {
    let mut out = String::with_capacity(rest.len());
    let mut i = 0;
    while let Some(k) = rest[i..].find('<') {
        let at = i + k;
        let name_end =
            rest[at + 1..].find(|c: char| !c.is_ascii_alphanumeric()).map_or(rest.len(), |e| at + 1 + e);
        let name = &rest[at + 1..name_end];
        if !LINK_ELEMENTS.contains(&name) {
            out.push_str(&rest[i..=at]);
            i = at + 1;
            continue;
        }
        // The element ends at "/>" or at its closing tag.
        let close = format!("</{name}>");
        let end = match (rest[at..].find("/>"), rest[at..].find('>')) {
            (Some(sc), Some(gt)) if sc + 1 == gt => at + gt + 1,
            (_, Some(_)) => rest[at..].find(&close).map_or(rest.len(), |c| at + c + close.len()),
            _ => rest.len(),
        };
        // Drop the indentation before it and the line break after it.
        let before = &rest[i..at];
        let kept = before.trim_end_matches([' ', '\t']);
        let line_start = kept.is_empty() && out.ends_with('\n') || kept.ends_with('\n');
        out.push_str(if line_start { kept } else { before });
        i = end;
        if line_start {
            if rest[i..].starts_with("\r\n") {
                i += 2;
            } else if rest[i..].starts_with('\n') {
                i += 1;
            }
        }
    }
    out.push_str(&rest[i..]);
    out
}

/// The document creation time: the `value` of the TIMEX3 whose `functionInDocument`
/// is `CREATION_TIME` (normally inside `<DCT>`).
pub fn creation_time(tml: &str) -> Result<Date, Error> {
    let mut rest = tml;
    while let Some(k) = rest.find("<TIMEX3") {
        let tag_end = rest[k..]
            .find('>')
            .map(|e| k + e)
            .ok_or_else(|| Error::timeml("expected '>' to close a <TIMEX3 tag"))?;
        let tag = &rest[k..tag_end];
        if attr(tag, "functionInDocument") == Some("CREATION_TIME") {
            let v = attr(tag, "value").ok_or_else(|| {
                Error::timeml("expected a value attribute on the creation-time TIMEX3, found none")
            })?;
            let day = v.get(..10).unwrap_or(v);
            return day
                .parse::<Date>()
                .map_err(|_| Error::timeml(format!("expected a creation time as YYYY-MM-DD, found {v:?}")));
        }
        rest = &rest[tag_end..];
    }
    Err(Error::timeml("expected a TIMEX3 with functionInDocument=\"CREATION_TIME\", found none"))
}

fn attr<'t>(tag: &'t str, name: &str) -> Option<&'t str> {
    let mut s = tag;
    while let Some(k) = s.find(name) {
        let before_ok = k > 0 && s.as_bytes()[k - 1].is_ascii_whitespace();
        let after = s[k + name.len()..].trim_start();
        if before_ok {
            if let Some(v) = after.strip_prefix('=') {
                let v = v.trim_start();
                let q = v.chars().next()?;
                if q == '"' || q == '\'' {
                    let body = &v[1..];
                    return body.find(q).map(|e| &body[..e]);
                }
            }
        }
        s = &s[k + name.len()..];
    }
    None
}

fn escape_attr(v: &str) -> String {
    v.replace('&', "&amp;").replace('"', "&quot;").replace('<', "&lt;")
}

/// TEXT without its tags, entities decoded, with the way back to the raw bytes.
struct Plain {
    plain: String,
    /// For each character of `plain`: its raw byte range in TEXT.
    chars: Vec<(usize, usize)>,
    /// For each character of `plain`: its byte offset in `plain`.
    offsets: Vec<usize>,
}

impl Plain {
    fn read(raw: &str) -> Result<Plain, Error> {
        let mut plain = String::with_capacity(raw.len());
        let mut chars = Vec::with_capacity(raw.len());
        let mut offsets = Vec::with_capacity(raw.len());
        let mut i = 0;
        while i < raw.len() {
            let c = raw[i..].chars().next().unwrap_or('\0');
            match c {
                '<' => {
                    let end = raw[i..].find('>').ok_or_else(|| {
                        Error::timeml(format!("expected '>' to close the tag at byte {i} of TEXT"))
                    })?;
                    i += end + 1;
                }
                '&' => {
                    let semi = raw[i..].find(';').filter(|&e| e <= 10);
                    let decoded = semi.and_then(|e| decode_entity(&raw[i + 1..i + e]));
                    match (semi, decoded) {
                        (Some(e), Some(d)) => {
                            offsets.push(plain.len());
                            plain.push(d);
                            chars.push((i, i + e + 1));
                            i += e + 1;
                        }
                        _ => {
                            offsets.push(plain.len());
                            plain.push('&');
                            chars.push((i, i + 1));
                            i += 1;
                        }
                    }
                }
                _ => {
                    offsets.push(plain.len());
                    plain.push(c);
                    chars.push((i, i + c.len_utf8()));
                    i += c.len_utf8();
                }
            }
        }
        Ok(Plain { plain, chars, offsets })
    }
}

fn decode_entity(name: &str) -> Option<char> {
    match name {
        "amp" => Some('&'),
        "lt" => Some('<'),
        "gt" => Some('>'),
        "quot" => Some('"'),
        "apos" => Some('\''),
        _ => {
            let n = if let Some(h) = name.strip_prefix("#x").or_else(|| name.strip_prefix("#X")) {
                u32::from_str_radix(h, 16).ok()?
            } else {
                name.strip_prefix('#')?.parse().ok()?
            };
            char::from_u32(n)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const DOC: &str = "<?xml version=\"1.0\" ?>\n<TimeML>\n<DOCID>X</DOCID>\n<DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"1989-10-26\" temporalFunction=\"false\" functionInDocument=\"CREATION_TIME\">10/26/89</TIMEX3></DCT>\n<TEXT>\nAT&amp;T <EVENT eid=\"e1\" class=\"OCCURRENCE\">said</EVENT> <TIMEX3 tid=\"t5\" type=\"DATE\" value=\"1989-10-25\">yesterday</TIMEX3> that third-quarter profit rose &lt;5%&gt; from <TIMEX3 tid=\"t6\" type=\"DATE\" value=\"1988-Q3\">a year earlier</TIMEX3>.\n</TEXT>\n</TimeML>\n";

    #[test]
    fn keeps_everything_but_the_tags() {
        let out = annotate(DOC, &TimeTagger::new()).unwrap();
        let head = &DOC[..DOC.find("<TEXT>").unwrap()];
        assert!(out.starts_with(head));
        assert!(out.ends_with("</TEXT>\n</TimeML>\n"));
        assert!(!out.contains("<EVENT"));
        assert!(
            out.contains(
                "AT&amp;T said <TIMEX3 tid=\"t1\" type=\"DATE\" value=\"1989-10-25\">yesterday</TIMEX3>"
            ),
            "{out}"
        );
        assert!(out.contains("&lt;5%&gt;"));
        assert!(out.contains(">a year earlier</TIMEX3>"), "{out}");
        assert!(out.contains("value=\"1989-Q3\">third-quarter</TIMEX3>"), "{out}");
    }

    #[test]
    fn reads_the_creation_time() {
        assert_eq!(creation_time(DOC).unwrap(), jiff::civil::date(1989, 10, 26));
        let t = "<DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"1998-02-06T22:19:00\" functionInDocument=\"CREATION_TIME\"/></DCT>";
        assert_eq!(creation_time(t).unwrap(), jiff::civil::date(1998, 2, 6));
    }

    #[test]
    fn links_and_instances_that_name_removed_tags_are_dropped() {
        let tml = "<TimeML><DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"1998-02-13\" functionInDocument=\"CREATION_TIME\">02/13/98</TIMEX3></DCT>\n<TEXT>Prices <EVENT eid=\"e1\">fell</EVENT> yesterday.</TEXT>\n<MAKEINSTANCE eiid=\"ei1\" eventID=\"e1\" tense=\"PAST\"/>\n<TLINK lid=\"l1\" relType=\"BEFORE\" eventInstanceID=\"ei1\" relatedToTime=\"t0\"/>\n<SLINK lid=\"l2\"></SLINK>\n</TimeML>\n";
        let out = annotate(tml, &TimeTagger::new()).unwrap();
        assert!(out.ends_with("</TEXT>\n</TimeML>\n"), "{out}");
        assert!(!out.contains("LINK") && !out.contains("MAKEINSTANCE"), "{out}");
        assert!(out.contains("<TIMEX3 tid=\"t1\" type=\"DATE\" value=\"1998-02-12\">yesterday</TIMEX3>"));
    }

    #[test]
    fn reports_what_is_missing() {
        let e = annotate("<TimeML><TEXT>x</TEXT></TimeML>", &TimeTagger::new()).unwrap_err();
        assert!(e.to_string().contains("CREATION_TIME"), "{e}");
        let e = annotate(&DOC.replace("</TEXT>", ""), &TimeTagger::new()).unwrap_err();
        assert!(e.to_string().contains("</TEXT>"), "{e}");
    }
}

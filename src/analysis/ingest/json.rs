//! JSON files: an array of articles, one article, JSON Lines, an object holding a
//! list of articles, or a Dateline export (whose articles are restored with the
//! dates their user had set).

use serde_json::{Map, Value};

use super::super::Error;
use super::html::{fragment_text, has_markup, is_web_url, names, parse_date};
use super::{clean_text, short_title, title_of, Document, Published, MAX_DOCUMENTS_PER_FILE};

/// Fields holding an article's text, best first.
const TEXT_FIELDS: &[&str] = &[
    "text",
    "body",
    "content",
    "article",
    "articleBody",
    "article_body",
    "full_text",
    "fulltext",
    "maintext",
    "story",
    "description",
    "summary",
];
const TITLE_FIELDS: &[&str] = &["title", "headline", "name", "heading"];
const DATE_FIELDS: &[&str] = &[
    "datePublished",
    "date_published",
    "published",
    "published_at",
    "publishedAt",
    "publication_date",
    "pubDate",
    "pub_date",
    "date",
    "created_at",
    "createdAt",
];
const URL_FIELDS: &[&str] =
    &["url", "link", "canonical_url", "canonicalUrl", "permalink", "href", "source_url"];
const AUTHOR_FIELDS: &[&str] = &["byline", "author", "authors", "creator"];
/// Fields of an object that hold its list of articles.
const LIST_FIELDS: &[&str] = &[
    "articles",
    "items",
    "data",
    "results",
    "documents",
    "docs",
    "posts",
    "entries",
    "stories",
    "news",
    "records",
];

/// Whether text looks like JSON: it starts with `{` or `[`.
pub(super) fn looks_like_json(text: &str) -> bool {
    text.trim_start_matches('\u{FEFF}').trim_start().starts_with(['{', '['])
}

/// Reads a JSON or JSON Lines file into its articles.
/// Without `FULL` (see `read_plain`), fields holding markup are not read as HTML: the
/// caller has sent such files to the full reader.
pub(super) fn read<const FULL: bool>(file: &str, text: &str) -> Result<Vec<Document>, Error> {
    let text = text.trim_start_matches('\u{FEFF}').trim();
    let (items, mut warnings) = match serde_json::from_str::<Value>(text) {
        Ok(Value::Object(map)) if is_export(&map) => return restore_export(map),
        Ok(value) => (items_of(value)?, Vec::new()),
        Err(whole) => json_lines(text).ok_or_else(|| Error::json(describe(&whole)))?,
    };
    let several = items.len() > 1;
    let mut docs = Vec::new();
    let mut without_text = 0;
    for (i, item) in items.iter().enumerate() {
        if docs.len() == MAX_DOCUMENTS_PER_FILE {
            warnings.push(format!(
                "only the first {MAX_DOCUMENTS_PER_FILE} articles were read; {} more were left out",
                items.len() - i
            ));
            break;
        }
        let name = if several { format!("{file}#{}", i + 1) } else { file.to_string() };
        match item.as_object().and_then(|o| article::<FULL>(&name, o)) {
            Some(doc) => docs.push(doc),
            None => without_text += 1,
        }
    }
    if docs.is_empty() {
        return Err(Error::json(format!(
            "no article found: expected objects with a {} field",
            TEXT_FIELDS[..4].join(", ")
        )));
    }
    if without_text > 0 {
        warnings.push(format!("{without_text} item(s) without text were left out"));
    }
    if let Some(first) = docs.first_mut() {
        first.warnings.extend(warnings);
    }
    Ok(docs)
}

/// The items of a parsed JSON value: an array's elements, the list an object holds,
/// or the object itself.
fn items_of(value: Value) -> Result<Vec<Value>, Error> {
    match value {
        Value::Array(items) => Ok(items),
        Value::Object(mut map) => {
            if has_text(&map) {
                return Ok(vec![Value::Object(map)]);
            }
            match LIST_FIELDS.iter().find(|f| map.get(**f).is_some_and(Value::is_array)) {
                Some(f) => Ok(match map.remove(*f) {
                    Some(Value::Array(items)) => items,
                    _ => Vec::new(),
                }),
                None => Ok(vec![Value::Object(map)]),
            }
        }
        other => {
            Err(Error::json(format!("expected an article or a list of articles, found {}", kind(&other))))
        }
    }
}

fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

/// JSON Lines: one value a line. None unless most lines are JSON; lines that are not
/// are named in a warning.
fn json_lines(text: &str) -> Option<(Vec<Value>, Vec<String>)> {
    let mut items = Vec::new();
    let mut bad = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        match serde_json::from_str::<Value>(line) {
            Ok(v) => items.push(v),
            Err(_) => bad.push(n + 1),
        }
    }
    if items.len() < 2 || bad.len() * 2 > items.len() {
        return None;
    }
    let mut warnings = Vec::new();
    if !bad.is_empty() {
        let list: Vec<String> = bad.iter().take(10).map(|n| n.to_string()).collect();
        warnings.push(format!("line(s) {} are not JSON and were left out", list.join(", ")));
    }
    Some((items, warnings))
}

fn has_text(map: &Map<String, Value>) -> bool {
    TEXT_FIELDS.iter().any(|f| map.get(*f).and_then(string_of).is_some_and(|s| !s.trim().is_empty()))
}

/// A string field's text: a string, a list of strings (paragraphs), or an object with
/// a `rendered`, `text` or `value` string (WordPress's `{"rendered": "<p>…"}`).
fn string_of(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Array(a) => {
            let parts: Vec<&str> = a.iter().filter_map(Value::as_str).collect();
            (!parts.is_empty()).then(|| parts.join("\n\n"))
        }
        Value::Object(o) => ["rendered", "text", "value"]
            .iter()
            .find_map(|k| o.get(*k).and_then(Value::as_str))
            .map(str::to_string),
        _ => None,
    }
}

/// One article object, or None when it has no text.
fn article<const FULL: bool>(name: &str, o: &Map<String, Value>) -> Option<Document> {
    let raw =
        TEXT_FIELDS.iter().filter_map(|f| o.get(*f).and_then(string_of)).find(|s| !s.trim().is_empty())?;
    let text = clean_text(&if FULL && has_markup(&raw) { fragment_text(&raw) } else { raw });
    if text.trim().is_empty() {
        return None;
    }
    let title = TITLE_FIELDS
        .iter()
        .filter_map(|f| o.get(*f).and_then(string_of))
        .map(|t| {
            short_title(&if FULL && (has_markup(&t) || t.contains('&')) { fragment_text(&t) } else { t })
        })
        .find(|t| !t.is_empty())
        .unwrap_or_else(|| title_of(&text));
    let published = DATE_FIELDS.iter().find_map(|f| {
        let v = o.get(*f)?;
        let s = match v {
            Value::Number(n) => n.to_string(),
            other => string_of(other)?,
        };
        let date = parse_date(&s)?;
        Some(Published {
            date,
            reason: format!("the JSON field {f:?} ({})", short_title(&s)),
            by_user: false,
        })
    });
    let url = URL_FIELDS
        .iter()
        .filter_map(|f| o.get(*f).and_then(Value::as_str))
        .find(|u| is_web_url(u))
        .map(str::to_string);
    let byline = AUTHOR_FIELDS.iter().find_map(|f| o.get(*f).and_then(names)).map(|b| short_title(&b));
    Some(Document { file: name.to_string(), title, text, warnings: Vec::new(), published, url, byline })
}

/// A JSON error in words a user can act on.
fn describe(e: &serde_json::Error) -> String {
    let text = e.to_string();
    if text.starts_with("recursion limit exceeded") {
        // serde_json stops at 128 levels, long before the stack is at risk.
        format!("nested more than 128 levels deep, which no file of articles is ({text})")
    } else {
        text
    }
}

/// Whether an object is a Dateline export: `{"schema": n, "articles": [...], ...}`.
fn is_export(map: &Map<String, Value>) -> bool {
    map.get("schema").is_some_and(Value::is_u64)
        && map.get("articles").is_some_and(Value::is_array)
        && map.get("events").is_some_and(Value::is_array)
}

/// The articles of a Dateline export, as they were analysed: same file names, same
/// text (so the same offsets), and the dates the user had set.
fn restore_export(mut map: Map<String, Value>) -> Result<Vec<Document>, Error> {
    let Some(Value::Array(articles)) = map.remove("articles") else { return Ok(Vec::new()) };
    let schema = map.get("schema").and_then(Value::as_u64).unwrap_or(0);
    let mut docs = Vec::new();
    for (i, a) in articles.iter().enumerate().take(MAX_DOCUMENTS_PER_FILE) {
        let Some(o) = a.as_object() else { continue };
        let field = |k: &str| o.get(k).and_then(Value::as_str).map(str::to_string);
        let Some(text) = field("text").filter(|t| !t.trim().is_empty()) else { continue };
        let file =
            field("file").filter(|f| !f.is_empty()).unwrap_or_else(|| format!("article-{}.txt", i + 1));
        let source = field("published_source").unwrap_or_default();
        // Dates found in the text or the file name are found again; the user's and
        // the metadata's are not, so they are carried over.
        let published = field("published")
            .and_then(|d| d.parse().ok())
            .filter(|_| !matches!(source.as_str(), "text" | "file_name" | "inferred" | "unknown" | ""))
            .map(|date| {
                let by_user = source == "user";
                let reason = if by_user {
                    "set by the user (restored from a Dateline export)".to_string()
                } else {
                    field("published_reason").unwrap_or_else(|| "restored from a Dateline export".to_string())
                };
                Published { date, reason, by_user }
            });
        let mut warnings: Vec<String> = o
            .get("warnings")
            .and_then(Value::as_array)
            .map(|w| w.iter().filter_map(Value::as_str).map(str::to_string).collect())
            .unwrap_or_default();
        if schema != u64::from(super::super::SCHEMA) {
            warnings.push(format!(
                "restored from a Dateline export of schema {schema} (this version writes {}): its text was analysed afresh",
                super::super::SCHEMA
            ));
        }
        docs.push(Document {
            title: field("title").filter(|t| !t.is_empty()).unwrap_or_else(|| title_of(&text)),
            file,
            text,
            warnings,
            published,
            url: field("url").filter(|u| is_web_url(u)),
            byline: field("byline"),
        });
    }
    if docs.is_empty() {
        return Err(Error::json("the Dateline export holds no article with text"));
    }
    Ok(docs)
}

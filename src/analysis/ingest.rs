//! Reading article files: bytes and a file name in, [`Document`]s (title, text,
//! metadata, warnings) or a clear [`Error`] out.
//!
//! Every kind of file a user can drop is either read or refused with the reason:
//!
//! - plain text and Markdown: the title is the first heading or line; photo credits,
//!   image file names, "Read also" link lists and share prompts are removed;
//! - HTML (by extension or by content): the article's main text (without navigation,
//!   ads, captions, link lists and footers, by [`dom_smoothie`], a port of Mozilla's
//!   Readability), its title, byline, canonical URL and the publication date of its
//!   metadata;
//! - JSON: an array of articles, one article, JSON Lines, or a Dateline export, so one
//!   file can give several documents;
//! - anything else (PDF, Office documents, images, archives, programs) is refused:
//!   "file scan.pdf: not a text article (looks like PDF)".
//!
//! The encoding is read from a byte-order mark, then (for HTML) a `<meta charset>`,
//! then guessed; bytes invalid in it are replaced and the document carries a warning.
//!
//! Because every span of the analysis is a byte offset into [`Document::text`] and the
//! page shows that text with the evidence highlighted, all cleaning happens here, when
//! the text is built.
//!
//! # Example: an HTML page
//!
//! ```
//! use dateline::analysis::ingest::read_files;
//!
//! let page = br#"<html><head><title>Talks resume - The Daily</title>
//! <meta property="article:published_time" content="2025-11-24T09:30:00+03:00">
//! <link rel="canonical" href="https://example.com/talks"></head>
//! <body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
//! <article><h1>Talks resume</h1>
//! <p>Turkish President Recep Tayyip Erdogan spoke by phone with Russian President
//! Vladimir Putin on Monday, the Kremlin said in a statement.</p>
//! <p>The two leaders discussed trade, energy and the war in Ukraine, and agreed to
//! expand contacts between their governments at various levels.</p></article>
//! <footer>Copyright The Daily</footer></body></html>"#;
//! let docs = read_files("talks.html", page).unwrap();
//! let doc = &docs[0];
//! assert!(doc.text.starts_with("Turkish President Recep Tayyip Erdogan"));
//! assert!(!doc.text.contains("Copyright"));
//! assert_eq!(doc.published.as_ref().unwrap().date.to_string(), "2025-11-24");
//! assert_eq!(doc.url.as_deref(), Some("https://example.com/talks"));
//! ```

mod clean;
mod decode;
mod depth;
mod html;
mod json;

use jiff::civil::Date;

use super::text::lines;
use super::{Error, Span};

pub use clean::clean_text;

/// The largest file read, in bytes (20 MB): larger files are refused with their size.
pub const MAX_FILE_BYTES: usize = 20_000_000;

/// The most bytes read in one drop of files or one run of the CLI (500 MB): files
/// after the one that would take the total over it are not read (see
/// [`within_total`]).
pub const MAX_TOTAL_BYTES: usize = 500_000_000;

/// The most documents one file (a JSON array or JSON Lines) gives; the rest are left
/// out with a warning.
pub const MAX_DOCUMENTS_PER_FILE: usize = 10_000;

/// An article ready for analysis.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Document {
    /// The file name as given (no directories needed); for a file holding several
    /// articles, the file name and the article's number ("feed.json#3"), or the name
    /// the article had in a Dateline export.
    pub file: String,
    pub title: String,
    /// The decoded, cleaned text; every span of the analysis points into it.
    pub text: String,
    /// Problems that did not stop the reading ("invalid bytes replaced").
    pub warnings: Vec<String>,
    /// The publication date the file itself states: HTML metadata, a JSON field, or a
    /// user's setting restored from a Dateline export.
    #[serde(default)]
    pub published: Option<Published>,
    /// The article's address: the page's canonical URL or a JSON `url` field.
    #[serde(default)]
    pub url: Option<String>,
    /// The author(s), as the file gives them.
    #[serde(default)]
    pub byline: Option<String>,
}

/// A publication date stated by the file rather than found in the text.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Published {
    pub date: Date,
    /// Where it was found, in plain words: "the page's article:published_time metadata
    /// (2025-11-24T09:30:00+03:00)".
    pub reason: String,
    /// True when the user had set it (an article restored from a Dateline export whose
    /// `published_source` was `user`): the caller should apply it as the user's
    /// setting, above everything else. False for metadata.
    pub by_user: bool,
}

impl Document {
    /// A document from text already in memory (pasted text, standard input), as is:
    /// no cleaning, no metadata.
    pub fn from_text(file: impl Into<String>, text: impl Into<String>) -> Document {
        let text = text.into();
        let title = title_of(&text);
        Document {
            file: file.into(),
            title,
            text,
            warnings: Vec::new(),
            published: None,
            url: None,
            byline: None,
        }
    }
}

/// How the content of a file is read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Format {
    Text,
    Html,
    Json,
}

/// Extensions read as plain text or Markdown.
const TEXT_EXTENSIONS: &[&str] = &["txt", "text", "md", "markdown", "mdown", "mkd", "mkdn"];
const HTML_EXTENSIONS: &[&str] = &["html", "htm", "xhtml", "shtml", "xht"];
const JSON_EXTENSIONS: &[&str] = &["json", "jsonl", "ndjson", "jsonlines"];

/// Extensions of formats that hold no readable text as bytes, named in the refusal
/// when the content's own signature did not already name them.
const DOCUMENT_EXTENSIONS: &[(&str, &str)] = &[
    ("pdf", "PDF"),
    ("doc", "a Word document"),
    ("docx", "a Word document"),
    ("odt", "an OpenDocument text"),
    ("rtf", "an RTF document"),
    ("pages", "a Pages document"),
    ("epub", "an EPUB book"),
    ("xls", "a spreadsheet"),
    ("xlsx", "a spreadsheet"),
    ("ods", "a spreadsheet"),
    ("ppt", "a presentation"),
    ("pptx", "a presentation"),
    ("odp", "a presentation"),
    ("jpg", "a JPEG image"),
    ("jpeg", "a JPEG image"),
    ("png", "a PNG image"),
    ("gif", "a GIF image"),
    ("webp", "a WebP image"),
    ("heic", "an image"),
    ("svg", "an SVG image"),
    ("zip", "a ZIP archive"),
    ("gz", "a gzip archive"),
    ("7z", "a 7-Zip archive"),
    ("rar", "a RAR archive"),
    ("tar", "a tar archive"),
    ("mp3", "an audio file"),
    ("mp4", "a video"),
    ("mov", "a video"),
    ("exe", "a program"),
    ("wasm", "a WebAssembly module"),
];

/// Reads one file into its documents: one for text, Markdown and HTML; one or more
/// for JSON. Errors name the file and the reason.
pub fn read_files(file: &str, bytes: &[u8]) -> Result<Vec<Document>, Error> {
    read_any::<true>(file, bytes).map_err(|e| e.in_file(file))
}

/// [`read_files`] without the HTML reader and the legacy encodings, for a build that
/// leaves them out (the page's module loads them in a worker of their own when a file
/// needs them: DESIGN.md, "The first screen"). A file that needs them (HTML, a JSON
/// field holding markup or entities, text neither UTF-8 nor UTF-16) gives an error
/// for which [`Error::needs_reader`] is true, and nothing else differs: the documents
/// it reads are those of [`read_files`].
pub fn read_plain(file: &str, bytes: &[u8]) -> Result<Vec<Document>, Error> {
    read_any::<false>(file, bytes).map_err(|e| e.in_file(file))
}

/// Whether [`read_plain`] would leave `bytes` to the full reader: a check as cheap
/// as decoding, so a caller can send such files to the full reader beforehand.
pub fn needs_reader(file: &str, bytes: &[u8]) -> bool {
    classify::<false>(file, bytes).is_err_and(|e| e.needs_reader())
}

/// Reads one file into one document: the first of [`read_files`] (a JSON file of
/// several articles gives its first; the others are named in a warning).
pub fn read_file(file: &str, bytes: &[u8]) -> Result<Document, Error> {
    first_of(file, read_files(file, bytes)?)
}

/// Reads JSON bytes into one document, whatever `name` says: a line of a JSON Lines
/// stream, named "stdin:3". Errors name it.
pub fn read_json(name: &str, bytes: &[u8]) -> Result<Document, Error> {
    let docs = decode::decode::<true>(bytes, false).and_then(|d| {
        let mut docs = json::read::<true>(name, &d.text)?;
        for doc in &mut docs {
            doc.warnings.splice(0..0, d.warnings.iter().cloned());
        }
        Ok(docs)
    });
    first_of(name, docs.map_err(|e| e.in_file(name))?)
}

/// The first of a file's documents, the others named in a warning.
fn first_of(file: &str, mut docs: Vec<Document>) -> Result<Document, Error> {
    if docs.is_empty() {
        return Err(Error::empty().in_file(file));
    }
    let rest = docs.len() - 1;
    let mut first = docs.swap_remove(0);
    if rest > 0 {
        first.warnings.push(format!("{rest} more article(s) in this file were not read"));
    }
    Ok(first)
}

/// Refuses a file larger than [`MAX_FILE_BYTES`] by its size alone, so a caller that
/// knows the size (a file's metadata) need not read it: the same error
/// [`read_files`] gives.
pub fn check_size(file: &str, bytes: usize) -> Result<(), Error> {
    if bytes > MAX_FILE_BYTES {
        return Err(Error::too_large(bytes, MAX_FILE_BYTES).in_file(file));
    }
    Ok(())
}

/// How many of `files` (name and size in bytes, in the order they are read) fit in
/// [`MAX_TOTAL_BYTES`], and, when some do not, the message saying so. Files over
/// [`MAX_FILE_BYTES`] are refused unread (see [`check_size`]) and do not count.
///
/// # Example
///
/// ```
/// use dateline::analysis::ingest::{within_total, MAX_TOTAL_BYTES};
///
/// let files = vec![("a.txt".to_string(), 10), ("b.txt".to_string(), 20)];
/// assert_eq!(within_total(&files), (2, None));
/// let many: Vec<_> = (0..30).map(|i| (format!("f{i}.txt"), 19_000_000)).collect();
/// let (fit, message) = within_total(&many);
/// assert_eq!(fit, 26);
/// assert_eq!(message.unwrap(), "files after f25.txt were not read: the total is over 500 MB");
/// ```
pub fn within_total(files: &[(String, usize)]) -> (usize, Option<String>) {
    let mut total = 0usize;
    for (i, (_, bytes)) in files.iter().enumerate() {
        if *bytes > MAX_FILE_BYTES {
            continue;
        }
        total = total.saturating_add(*bytes);
        if total > MAX_TOTAL_BYTES {
            let limit = MAX_TOTAL_BYTES / 1_000_000;
            let message = match i.checked_sub(1) {
                Some(last) => {
                    format!("files after {} were not read: the total is over {limit} MB", files[last].0)
                }
                None => format!("no file was read: the total is over {limit} MB"),
            };
            return (i, Some(message));
        }
    }
    (files.len(), None)
}

/// A file's format, its decoded text and the warnings so far; without `FULL`, an error
/// when the full reader is needed.
fn classify<const FULL: bool>(file: &str, bytes: &[u8]) -> Result<(Format, String, Vec<String>), Error> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(Error::too_large(bytes.len(), MAX_FILE_BYTES));
    }
    let ext = extension(file);
    if let Some(kind) = sniff_binary(bytes) {
        return Err(Error::not_text(kind));
    }
    if let Some((_, kind)) = DOCUMENT_EXTENSIONS.iter().find(|(e, _)| *e == ext) {
        return Err(Error::not_text(*kind));
    }
    let declared = if HTML_EXTENSIONS.contains(&ext.as_str()) || html::looks_like_html_bytes(bytes) {
        Format::Html
    } else if JSON_EXTENSIONS.contains(&ext.as_str()) {
        Format::Json
    } else {
        Format::Text
    };
    if !FULL && declared == Format::Html {
        return Err(Error::reader_needed("an HTML page"));
    }
    let decoded = decode::decode::<FULL>(bytes, declared == Format::Html)?;
    let mut warnings = decoded.warnings;
    let text = decoded.text;
    if text.trim().is_empty() {
        return Err(Error::empty());
    }
    if decode::looks_binary(&text) {
        return Err(Error::not_text("binary data"));
    }
    // Content decides when the name does not: HTML saved as .txt, JSON without a
    // known extension.
    let format = match declared {
        Format::Text if html::looks_like_html(&text) => Format::Html,
        Format::Text if !TEXT_EXTENSIONS.contains(&ext.as_str()) && json::looks_like_json(&text) => {
            Format::Json
        }
        f => f,
    };
    if format == Format::Text && !ext.is_empty() && !TEXT_EXTENSIONS.contains(&ext.as_str()) {
        warnings.push(format!(".{ext} is not a known article format: read as plain text"));
    }
    if !FULL && format == Format::Html {
        return Err(Error::reader_needed("an HTML page"));
    }
    if !FULL && format == Format::Json && (html::has_markup(&text) || text.contains('&')) {
        return Err(Error::reader_needed("JSON holding HTML"));
    }
    Ok((format, text, warnings))
}

fn read_any<const FULL: bool>(file: &str, bytes: &[u8]) -> Result<Vec<Document>, Error> {
    let (format, text, warnings) = classify::<FULL>(file, bytes)?;
    let mut docs = match format {
        Format::Html if FULL => vec![html::read(file, &text)?],
        Format::Html => return Err(Error::reader_needed("an HTML page")),
        Format::Json => json::read::<FULL>(file, &text)?,
        Format::Text => vec![text_document(file, &text)?],
    };
    for doc in &mut docs {
        let mut all = warnings.clone();
        all.append(&mut doc.warnings);
        doc.warnings = all;
    }
    Ok(docs)
}

/// A plain-text or Markdown document: cleaned, titled.
fn text_document(file: &str, text: &str) -> Result<Document, Error> {
    let text = clean_text(text);
    if text.trim().is_empty() {
        return Err(Error::empty());
    }
    let mut doc = Document::from_text(file, text);
    doc.title = title_of(&doc.text);
    Ok(doc)
}

/// The lower-cased extension of a file name, or "".
pub fn extension(file: &str) -> String {
    let base = file.rsplit(['/', '\\']).next().unwrap_or(file);
    match base.rsplit_once('.') {
        Some((stem, ext)) if !stem.is_empty() => ext.to_ascii_lowercase(),
        _ => String::new(),
    }
}

/// What a binary file looks like, from its first bytes, or None for text.
fn sniff_binary(bytes: &[u8]) -> Option<&'static str> {
    const MAGIC: &[(&[u8], &str)] = &[
        (b"%PDF", "PDF"),
        (b"\x89PNG", "a PNG image"),
        (b"\xFF\xD8\xFF", "a JPEG image"),
        (b"GIF8", "a GIF image"),
        (b"PK\x03\x04", "a ZIP archive or Office document"),
        (b"PK\x05\x06", "an empty ZIP archive"),
        (b"\x1F\x8B", "a gzip archive"),
        (b"Rar!", "a RAR archive"),
        (b"7z\xBC\xAF", "a 7-Zip archive"),
        (b"\xFD7zXZ\x00", "an xz archive"),
        (b"\x28\xB5\x2F\xFD", "a zstd archive"),
        (b"BZh", "a bzip2 archive"),
        (b"\x7FELF", "a program"),
        (b"MZ", "a Windows program"),
        (b"\xCA\xFE\xBA\xBE", "a program"),
        (b"\xCF\xFA\xED\xFE", "a program"),
        (b"\xD0\xCF\x11\xE0", "an old Office document"),
        (b"{\\rtf", "an RTF document"),
        (b"%!PS", "PostScript"),
        (b"RIFF", "a media file"),
        (b"OggS", "a media file"),
        (b"fLaC", "a media file"),
        (b"ID3", "an MP3 file"),
        (b"\x1A\x45\xDF\xA3", "a video"),
        (b"II*\x00", "a TIFF image"),
        (b"MM\x00*", "a TIFF image"),
        (b"\x00\x00\x01\x00", "an icon"),
        (b"wOFF", "a font"),
        (b"wOF2", "a font"),
        (b"SQLite format 3\x00", "an SQLite database"),
        (b"\x00asm", "a WebAssembly module"),
    ];
    for (magic, kind) in MAGIC {
        if bytes.starts_with(magic) {
            return Some(kind);
        }
    }
    if bytes.len() >= 12 && &bytes[4..8] == b"ftyp" {
        return Some("a video or HEIC image");
    }
    // UTF-16 text has NULs in every other byte; anything else with NULs is binary.
    let head = &bytes[..bytes.len().min(4096)];
    if head.contains(&0) && decode::utf16_without_bom(head).is_none() && decode::bom(head).is_none() {
        return Some("binary data");
    }
    None
}

/// The title: the first Markdown heading, else the first non-blank line, without a
/// leading date line ("date 2025-05-13 …"), cut to a readable length.
pub fn title_of(text: &str) -> String {
    // Only the first lines matter: a long text is not split whole.
    let head = lines(&text[..text.floor_char_boundary(20_000)]);
    let Some(&first) = head.first() else {
        return String::new();
    };
    let heading = head
        .into_iter()
        .take(20)
        .find(|l| l.slice(text).starts_with("# "))
        .map(|l| Span::new(l.start + 2, l.end));
    let line = heading.unwrap_or(first).slice(text).trim();
    let line = strip_date_prefix(line).trim_start_matches('#').trim();
    short_title(line)
}

/// A title cut to 160 characters.
fn short_title(line: &str) -> String {
    let line = line.split_whitespace().collect::<Vec<_>>().join(" ");
    if line.chars().count() > 160 {
        let cut: String = line.chars().take(157).collect();
        format!("{}…", cut.trim_end())
    } else {
        line
    }
}

/// "date 2025-05-13 Title" → "Title".
fn strip_date_prefix(line: &str) -> &str {
    let lower = line.to_ascii_lowercase();
    for prefix in ["date ", "date: ", "published ", "published: "] {
        if lower.starts_with(prefix) {
            let rest = &line[prefix.len()..];
            let mut parts = rest.splitn(2, ' ');
            let date = parts.next().unwrap_or("");
            if date.len() == 10 && date.as_bytes()[4] == b'-' && date.as_bytes()[7] == b'-' {
                return parts.next().unwrap_or("");
            }
        }
    }
    line
}

#[cfg(test)]
mod tests;

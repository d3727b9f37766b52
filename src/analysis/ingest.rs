//! Reading article files: bytes and a file name in, a [`Document`] (title, text,
//! warnings) or a clear [`Error`] out. Plain text and Markdown here; other formats are
//! refused with the reason.

use super::text::lines;
use super::{Error, Span};

/// An article ready for analysis.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Document {
    /// The file name as given (no directories needed).
    pub file: String,
    pub title: String,
    /// The decoded text; every span of the analysis points into it.
    pub text: String,
    /// Problems that did not stop the reading ("invalid UTF-8 replaced").
    pub warnings: Vec<String>,
}

impl Document {
    /// A document from text already in memory (pasted text, standard input).
    pub fn from_text(file: impl Into<String>, text: impl Into<String>) -> Document {
        let text = text.into();
        let title = title_of(&text);
        Document { file: file.into(), title, text, warnings: Vec::new() }
    }
}

/// Extensions read as plain text or Markdown.
const TEXT_EXTENSIONS: &[&str] = &["txt", "text", "md", "markdown", "mdown"];

/// Reads one file. Errors name the reason; the caller adds the file name.
pub fn read_file(file: &str, bytes: &[u8]) -> Result<Document, Error> {
    let err = |e: Error| e.in_file(file);
    if let Some(kind) = sniff_binary(bytes) {
        return Err(err(Error::not_text(kind)));
    }
    let ext = extension(file);
    if !ext.is_empty() && !TEXT_EXTENSIONS.contains(&ext.as_str()) {
        return Err(err(Error::unsupported(ext)));
    }
    let mut warnings = Vec::new();
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = match std::str::from_utf8(bytes) {
        Ok(s) => s.to_string(),
        Err(_) => {
            warnings.push("invalid UTF-8 bytes were replaced with \u{FFFD}".to_string());
            String::from_utf8_lossy(bytes).into_owned()
        }
    };
    if text.trim().is_empty() {
        return Err(err(Error::empty()));
    }
    let title = title_of(&text);
    Ok(Document { file: file.to_string(), title, text, warnings })
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
        (b"\x1F\x8B", "a gzip archive"),
        (b"Rar!", "a RAR archive"),
        (b"7z\xBC\xAF", "a 7-Zip archive"),
        (b"\x7FELF", "a program"),
        (b"MZ", "a Windows program"),
        (b"\xD0\xCF\x11\xE0", "an old Office document"),
        (b"RIFF", "a media file"),
        (b"OggS", "a media file"),
        (b"ID3", "an MP3 file"),
        (b"\x00asm", "a WebAssembly module"),
    ];
    for (magic, kind) in MAGIC {
        if bytes.starts_with(magic) {
            return Some(kind);
        }
    }
    // UTF-16 text has many NULs but a BOM; anything else with NULs is binary.
    let head = &bytes[..bytes.len().min(4096)];
    let is_utf16 = head.starts_with(b"\xFF\xFE") || head.starts_with(b"\xFE\xFF");
    if !is_utf16 && head.contains(&0) {
        return Some("binary data");
    }
    None
}

/// The title: the first Markdown heading, else the first non-blank line, without a
/// leading date line ("date 2025-05-13 …"), cut to a readable length.
pub fn title_of(text: &str) -> String {
    let Some(first) = lines(text).into_iter().next() else {
        return String::new();
    };
    let heading = lines(text)
        .into_iter()
        .take(20)
        .find(|l| l.slice(text).starts_with("# "))
        .map(|l| Span::new(l.start + 2, l.end));
    let line = heading.unwrap_or(first).slice(text).trim();
    let line = strip_date_prefix(line).trim_start_matches('#').trim();
    if line.chars().count() > 160 {
        let cut: String = line.chars().take(157).collect();
        format!("{}…", cut.trim_end())
    } else {
        line.to_string()
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
mod tests {
    use super::*;

    #[test]
    fn reads_text_and_title() {
        let d =
            read_file("a.txt", " date 2025-05-13 Türkiye gears up\n\nANKARA\n\nBody.".as_bytes()).unwrap();
        assert_eq!(d.title, "Türkiye gears up");
        assert!(d.warnings.is_empty());
        let d = read_file("b.md", b"Intro\n# The heading\ntext").unwrap();
        assert_eq!(d.title, "The heading");
    }

    #[test]
    fn refuses_binaries_and_other_formats_by_name() {
        let e = read_file("report.pdf", b"%PDF-1.7 ...").unwrap_err();
        assert_eq!(e.to_string(), "file report.pdf: not a text article (looks like PDF)");
        let e = read_file("x.docx", b"PK\x03\x04....").unwrap_err();
        assert!(e.to_string().contains("file x.docx: not a text article"));
        let e = read_file("page.html", b"<html></html>").unwrap_err();
        assert!(e.to_string().starts_with("file page.html: cannot read .html files yet"));
        let e = read_file("empty.txt", b"  \n ").unwrap_err();
        assert_eq!(e.to_string(), "file empty.txt: no text in this file");
    }

    #[test]
    fn invalid_utf8_is_replaced_with_a_warning() {
        let d = read_file("w.txt", b"Caf\xE9 talks").unwrap();
        assert_eq!(d.text, "Caf\u{FFFD} talks");
        assert_eq!(d.warnings.len(), 1);
    }
}

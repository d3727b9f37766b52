//! `read_files` on arbitrary bytes under an arbitrary file name: it returns documents
//! with text or an error, and never panics.
//!
//! Input: the first byte picks the extension (low 4 bits) and the length of the file
//! name's stem (high 4 bits), taken from the next bytes; the rest is the file.
#![no_main]

use dateline::analysis::ingest::read_files;
use libfuzzer_sys::fuzz_target;

const EXTENSIONS: &[&str] = &[
    "", ".txt", ".md", ".html", ".htm", ".xhtml", ".json", ".jsonl", ".ndjson", ".log", ".pdf", ".csv",
    ".TXT", ".Html", ".", ".md.txt",
];

fuzz_target!(|data: &[u8]| {
    let Some((&first, rest)) = data.split_first() else { return };
    let ext = EXTENSIONS[usize::from(first & 0x0F)];
    let n = usize::from(first >> 4).min(rest.len());
    let (stem, bytes) = rest.split_at(n);
    let name = format!("{}{ext}", String::from_utf8_lossy(stem));
    if let Ok(docs) = read_files(&name, bytes) {
        assert!(!docs.is_empty(), "{name}: Ok with no document");
        for doc in &docs {
            assert!(!doc.text.trim().is_empty(), "{name}: a document without text");
        }
    }
});

//! What the examples share: the real article texts they run on.

use std::path::{Path, PathBuf};

/// The files of a folder, sorted (none when it cannot be read).
pub fn sorted(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    v.sort();
    v
}

/// The sample articles and the TempEval-3 TimeBank and AQUAINT texts (from ../shared,
/// read in place).
pub fn seeds_and_timeml(root: &Path) -> Vec<String> {
    let mut texts: Vec<String> = Vec::new();
    for entry in sorted(&root.join("seeds")) {
        texts.push(std::fs::read_to_string(entry).expect("read seed"));
    }
    let corpus = root.join("../shared/corpora/tempeval3-train");
    for sub in ["TimeBank", "AQUAINT"] {
        for f in sorted(&corpus.join(sub)) {
            if let Ok(tml) = std::fs::read_to_string(&f) {
                texts.push(timeml_text(&tml));
            }
        }
    }
    texts
}

/// The text inside <TEXT>, tags removed.
pub fn timeml_text(tml: &str) -> String {
    let body = tml.split_once("<TEXT>").map(|(_, r)| r).unwrap_or(tml);
    let body = body.split_once("</TEXT>").map(|(l, _)| l).unwrap_or(body);
    let mut out = String::with_capacity(body.len());
    let mut in_tag = false;
    for c in body.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">")
}

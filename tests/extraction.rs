//! HTML main-text extraction scored on the shared article-extraction benchmark
//! (97 pages of the Scrapinghub benchmark, `../shared/corpora/article-extraction`):
//! mean token precision, recall and F1 of `Document.text` against the ground truth's
//! `articleBody` (whitespace tokens as multisets), as the benchmark's README defines.
//!
//! Ignored by default (it needs the shared corpus); run it with
//! `cargo test --release --test extraction -- --ignored --nocapture`.

use std::collections::HashMap;
use std::io::Read;
use std::path::PathBuf;

use dateline::analysis::ingest::read_files;

/// A little under the measured mean F1 (see EVALUATION.md), so a regression fails.
const F1_FLOOR: f64 = 0.955;

fn tokens(s: &str) -> HashMap<&str, usize> {
    let mut m = HashMap::new();
    for t in s.split_whitespace() {
        *m.entry(t).or_insert(0) += 1;
    }
    m
}

/// Token precision, recall and F1 of `got` against `truth`.
fn score(truth: &str, got: &str) -> (f64, f64, f64) {
    let (t, g) = (tokens(truth), tokens(got));
    let (nt, ng) = (t.values().sum::<usize>(), g.values().sum::<usize>());
    if nt == 0 && ng == 0 {
        return (1.0, 1.0, 1.0);
    }
    let common: usize = g.iter().map(|(k, v)| (*v).min(*t.get(k).unwrap_or(&0))).sum();
    let p = if ng == 0 { 0.0 } else { common as f64 / ng as f64 };
    let r = if nt == 0 { 0.0 } else { common as f64 / nt as f64 };
    let f = if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) };
    (p, r, f)
}

#[test]
#[ignore = "needs ../shared/corpora/article-extraction"]
fn html_extraction_scores_on_the_benchmark() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/corpora/article-extraction");
    let truth: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(dir.join("ground-truth.json")).expect("ground-truth.json"),
    )
    .expect("valid JSON");
    let mut ids: Vec<&String> = truth.as_object().unwrap().keys().collect();
    ids.sort();
    let (mut sum, mut n) = ((0.0, 0.0, 0.0), 0usize);
    for id in ids {
        let path = dir.join("html").join(format!("{id}.html.gz"));
        let Ok(file) = std::fs::File::open(&path) else { continue };
        let mut bytes = Vec::new();
        flate2::read::GzDecoder::new(file).read_to_end(&mut bytes).expect("gzip");
        let got = match read_files(&format!("{id}.html"), &bytes) {
            Ok(docs) => docs.into_iter().map(|d| d.text).collect::<Vec<_>>().join("\n"),
            Err(e) => {
                eprintln!("{e}");
                String::new()
            }
        };
        let (p, r, f) = score(truth[id]["articleBody"].as_str().unwrap_or(""), &got);
        if std::env::var_os("EXTRACTION_VERBOSE").is_some() {
            eprintln!("{id} precision {p:.3} recall {r:.3} f1 {f:.3}");
        }
        sum = (sum.0 + p, sum.1 + r, sum.2 + f);
        n += 1;
    }
    assert!(n >= 90, "only {n} pages found in {}", dir.display());
    let (p, r, f) = (sum.0 / n as f64, sum.1 / n as f64, sum.2 / n as f64);
    println!("{n} pages: precision {p:.3}, recall {r:.3}, F1 {f:.3}");
    assert!(f >= F1_FLOOR, "mean F1 {f:.3} is under {F1_FLOOR}");
}

//! What installing a big answer costs, natively, step by step: the worker writing its
//! pieces, the page reading each, and each step of building the search index and the
//! view tables (the page runs one of these per task). The generated articles are the
//! UI benchmark's (`e2e/support.mjs`, `generatedArticles`): 8 events each.
//!
//!     cargo run --release --example install_phases [ARTICLES]   (default 6,250: 50,000 events)
use std::time::Instant;

use dateline::workspace::wire::{self, Reader};
use dateline::workspace::{job, Change, Install, Job};

#[path = "support/generated.rs"]
mod generated;

/// The slowest, the median and the sum of `times` (milliseconds).
fn summary(times: &[f64]) -> String {
    let mut t = times.to_vec();
    t.sort_by(f64::total_cmp);
    let sum: f64 = t.iter().sum();
    format!(
        "{} steps, slowest {:.1} ms, median {:.1} ms, in all {:.0} ms",
        t.len(),
        t[t.len() - 1],
        t[t.len() / 2],
        sum
    )
}

fn main() {
    let n: usize = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(6250);
    let files = generated::articles(n);
    let job = Job {
        today: jiff::civil::date(2026, 11, 23),
        docs: vec![],
        published: vec![],
        languages: vec![],
        pasted: 0,
        change: Change::Files(files),
    };
    let t = Instant::now();
    let done = job::run(job, None, &mut |_| {});
    println!(
        "analysis: {} articles, {} events, {:.1} s",
        n,
        done.analysis.events.len(),
        t.elapsed().as_secs_f64()
    );
    let ms = |t: Instant| t.elapsed().as_secs_f64() * 1000.0;

    let mut pieces = Vec::new();
    let t = Instant::now();
    wire::write(done, &mut |p| pieces.push(p)).unwrap();
    let bytes: usize = pieces.iter().map(Vec::len).sum();
    println!("worker writes {} pieces, {:.1} MB, in {:.0} ms", pieces.len(), bytes as f64 / 1e6, ms(t));
    // The final answer travels gzipped (the browser's CompressionStream; zlib's default level).
    let packed: usize = pieces
        .iter()
        .map(|p| {
            use std::io::Write;
            let mut z = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
            z.write_all(p).unwrap();
            z.finish().unwrap().len()
        })
        .sum();
    println!("  gzipped: {:.1} MB", packed as f64 / 1e6);

    let mut reader = Reader::default();
    let mut times = Vec::new();
    for p in &pieces {
        let t = Instant::now();
        reader.read(p).unwrap();
        times.push(ms(t));
    }
    println!("page reads pieces: {}", summary(&times));
    let t = Instant::now();
    let done = reader.finish().unwrap();
    println!("page puts the answer together: {:.1} ms", ms(t));

    let mut install = Install::new(done.analysis);
    let mut times = Vec::new();
    loop {
        let t = Instant::now();
        let more = install.step();
        times.push(ms(t));
        if !more {
            break;
        }
    }
    println!("page builds the index and view tables: {}", summary(&times));
    if std::env::var_os("SLOW").is_some() {
        for (i, t) in times.iter().enumerate().filter(|(_, &t)| t > 5.0) {
            println!("  step {i}: {t:.1} ms");
        }
    }
}

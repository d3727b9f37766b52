//! Annotates TimeML documents with the tagger's TIMEX3 tags, for the TempEval-3 scorer.
//!
//! ```text
//! cargo run --release --example timeml -- --out DIR FILE.tml...
//! ```
//!
//! Each FILE.tml is written to DIR under the same file name. The same function,
//! `dateline::analysis::timeml::annotate`, backs `dateline timeml`.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use dateline::analysis::{timeml::annotate, TimeTagger};

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let mut out: Option<PathBuf> = None;
    let mut files = Vec::new();
    while let Some(a) = args.next() {
        if a == "--out" {
            out = args.next().map(PathBuf::from);
        } else {
            files.push(PathBuf::from(a));
        }
    }
    let Some(out) = out else {
        eprintln!("usage: timeml --out DIR FILE.tml...");
        return ExitCode::from(2);
    };
    if let Err(e) = std::fs::create_dir_all(&out) {
        eprintln!("cannot create {}: {e}", out.display());
        return ExitCode::FAILURE;
    }
    let tagger = TimeTagger::new();
    let mut failed = 0;
    for f in &files {
        match run(f, &out, &tagger) {
            Ok(()) => {}
            Err(e) => {
                eprintln!("{}: {e}", f.display());
                failed += 1;
            }
        }
    }
    eprintln!(
        "annotated {} of {} files into {}",
        files.len() - failed,
        files.len(),
        out.display()
    );
    if failed > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

fn run(file: &Path, out: &Path, tagger: &TimeTagger) -> Result<(), String> {
    let tml = std::fs::read_to_string(file).map_err(|e| e.to_string())?;
    let annotated = annotate(&tml, tagger).map_err(|e| e.to_string())?;
    let name = file.file_name().ok_or("no file name")?;
    std::fs::write(out.join(name), annotated).map_err(|e| e.to_string())
}

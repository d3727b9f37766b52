//! Trains the tagger and parser on UD English EWT and writes the model
//! (`./dev train` runs this):
//!
//!   cargo run --release --example train_syntax -- [UD_DIR] [--out FILE] [--folds N]
//!       [--tagger-epochs N] [--parser-epochs N] [--vocab MAX] [--min-count N]
//!       [--tagger-dims W,C,S2,S3,SH,T,H] [--parser-dims T,L,D,H] [--lr X] [--dropout X]
//!
//! UD_DIR defaults to ../shared/corpora/ud-english-ewt, FILE to
//! src/analysis/data/syntax.bin. Prints each epoch, then the model's size and its
//! scores on dev and test (gold tokens).

use std::io::{Read, Write};
use std::path::PathBuf;

use dateline::analysis::syntax::{conllu, train, Syntax};

fn read(path: &PathBuf) -> String {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    if path.extension().is_some_and(|e| e == "gz") {
        let mut s = String::new();
        flate2::read::GzDecoder::new(&bytes[..]).read_to_string(&mut s).expect("gzip");
        s
    } else {
        String::from_utf8(bytes).expect("UTF-8")
    }
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    gz.write_all(bytes).unwrap();
    gz.finish().unwrap()
}

fn list<const N: usize>(s: &str) -> [usize; N] {
    let v: Vec<usize> = s.split(',').map(|x| x.parse().unwrap()).collect();
    v.try_into().unwrap_or_else(|_| panic!("expected {N} values: {s}"))
}

fn main() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let mut ud = root.join("../shared/corpora/ud-english-ewt");
    let mut out = root.join("src/analysis/data/syntax.bin");
    let mut cfg = train::Config::default();
    let mut eval_only: Option<PathBuf> = None;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut val = || args.next().unwrap_or_else(|| panic!("{a} needs a value"));
        match a.as_str() {
            "--out" => out = PathBuf::from(val()),
            // Score an existing model instead of training one.
            "--eval" => eval_only = Some(PathBuf::from(val())),
            "--folds" => cfg.folds = val().parse().unwrap(),
            "--tagger-epochs" => cfg.tagger_epochs = val().parse().unwrap(),
            "--parser-epochs" => cfg.parser_epochs = val().parse().unwrap(),
            "--vocab" => cfg.max_vocab = val().parse().unwrap(),
            "--min-count" => cfg.min_count = val().parse().unwrap(),
            "--tagger-dims" => cfg.tagger_dims = list(&val()),
            "--parser-dims" => cfg.parser_dims = list(&val()),
            "--lr" => cfg.lr = val().parse().unwrap(),
            "--dropout" => cfg.dropout = val().parse().unwrap(),
            "--explore" => cfg.explore = val().parse().unwrap(),
            "--batch" => cfg.batch = val().parse().unwrap(),
            _ => ud = PathBuf::from(a),
        }
    }
    let load = |name: &str| conllu::read(&read(&ud.join(name))).unwrap_or_else(|e| panic!("{name}: {e}"));
    let train_set = load("en_ewt-ud-train.conllu.gz");
    let dev = load("en_ewt-ud-dev.conllu");
    let test = load("en_ewt-ud-test.conllu");
    let bytes = match eval_only {
        Some(path) => {
            out = path;
            std::fs::read(&out).unwrap_or_else(|e| panic!("{}: {e}", out.display()))
        }
        None => {
            eprintln!("{} training sentences; {cfg:?}", train_set.len());
            let t0 = std::time::Instant::now();
            let bytes = train::train(&train_set, &cfg, &mut |m| eprintln!("{m}"));
            eprintln!("trained in {:.0} s", t0.elapsed().as_secs_f64());
            std::fs::write(&out, &bytes).unwrap_or_else(|e| panic!("{}: {e}", out.display()));
            bytes
        }
    };
    let model = Syntax::from_bytes(&bytes).expect("the model just written reads");
    println!(
        "model: {} ({} bytes, {} gzipped; {} words known by name)",
        out.display(),
        bytes.len(),
        gzip(&bytes).len(),
        model.vocabulary()
    );
    for (name, set) in [("dev", &dev), ("test", &test)] {
        let t0 = std::time::Instant::now();
        let s = train::evaluate(&model, set);
        println!(
            "{name}: {} words, UPOS {:.2}, UAS {:.2}, LAS {:.2} (with subtypes {:.2}); {:.0} words/s",
            s.words,
            s.upos,
            s.uas,
            s.las,
            s.las_full,
            s.words as f64 / t0.elapsed().as_secs_f64()
        );
    }
}

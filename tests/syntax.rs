//! The committed tagger and parser model (`src/analysis/data/syntax.bin`): it loads,
//! parses what events need, stays within its size, and scores on UD English EWT's
//! test set at least the floors EVALUATION.md reports (skipped, with a message, when
//! the shared corpus is not beside the repository). Training is `./dev train`; CI does
//! not train.

use std::io::{Read, Write};
use std::path::PathBuf;

use dateline::analysis::syntax::{conllu, train, Syntax};

/// (sentence, word, its head, its relation) checks.
const PARSES: &[(&str, &str, &str, &str)] = &[
    ("Erdogan met Putin in Sochi on Monday .", "Erdogan", "met", "nsubj"),
    ("Erdogan met Putin in Sochi on Monday .", "Putin", "met", "obj"),
    ("Erdogan met Putin in Sochi on Monday .", "Sochi", "met", "obl"),
    ("The minister was criticised by the opposition .", "minister", "criticised", "nsubj:pass"),
    ("The minister was criticised by the opposition .", "opposition", "criticised", "obl:agent"),
    ("Lavrov said that Russia would not attend the talks .", "attend", "said", "ccomp"),
    ("Lavrov said that Russia would not attend the talks .", "not", "attend", "advmod"),
    ("Turkey offered to host the talks .", "host", "offered", "xcomp"),
    ("The leaders , who spoke by phone , agreed to meet .", "spoke", "leaders", "acl:relcl"),
    ("Macron and Scholz met Zelensky in Kyiv .", "Scholz", "Macron", "conj"),
];

#[test]
fn the_model_parses_what_events_need() {
    let syntax = Syntax::builtin();
    let mut wrong = Vec::new();
    for &(sentence, word, head, rel) in PARSES {
        let forms: Vec<&str> = sentence.split(' ').collect();
        let p = syntax.parse_forms(&forms);
        let i = forms.iter().position(|f| *f == word).unwrap();
        let got_head = p.head(i).map(|h| forms[h]).unwrap_or("ROOT");
        if got_head != head || p.rel(i) != rel {
            wrong.push(format!("{sentence}: {word} -> {got_head} {} (want {head} {rel})", p.rel(i)));
        }
    }
    // A greedy parser errs now and then: at most one of these may be wrong.
    assert!(wrong.len() <= 1, "{wrong:#?}");
}

#[test]
fn the_model_is_at_most_400_kb_gzipped() {
    let bytes = std::fs::read(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src/analysis/data/syntax.bin"))
        .unwrap();
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    gz.write_all(&bytes).unwrap();
    let gz = gz.finish().unwrap();
    println!("syntax.bin: {} bytes, {} gzipped", bytes.len(), gz.len());
    assert!(gz.len() <= 400_000, "{} bytes gzipped", gz.len());
    assert!(Syntax::from_bytes(&bytes[..bytes.len() - 1]).is_err(), "a truncated model is refused");
}

#[test]
fn a_very_long_sentence_parses_in_linear_time() {
    // 20,000 words in one "sentence": 40,000 transitions, each of constant work.
    let forms: Vec<&str> = "Erdogan said talks would resume .".split(' ').cycle().take(20_000).collect();
    let p = Syntax::builtin().parse_forms(&forms);
    assert_eq!(p.len(), 20_000);
    assert_eq!(p.nodes.iter().filter(|n| n.head.is_none()).count(), 1, "one root");
}

#[test]
fn accuracy_on_ewt_test_meets_the_floors() {
    let shared = std::env::var_os("DATELINE_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared"));
    let path = shared.join("corpora/ud-english-ewt/en_ewt-ud-test.conllu");
    let Ok(mut f) = std::fs::File::open(&path) else {
        eprintln!("skipped: {} is not there", path.display());
        return;
    };
    let mut text = String::new();
    f.read_to_string(&mut text).unwrap();
    let test = conllu::read(&text).unwrap();
    let s = train::evaluate(Syntax::builtin(), &test);
    println!(
        "EWT test, gold tokens: {} words, UPOS {:.2}, UAS {:.2}, LAS {:.2} (with subtypes {:.2})",
        s.words, s.upos, s.uas, s.las, s.las_full
    );
    assert!(s.upos >= 94.0, "UPOS {:.2}", s.upos);
    assert!(s.uas >= FLOOR_UAS, "UAS {:.2}", s.uas);
    assert!(s.las >= 80.0, "LAS {:.2}", s.las);
}

/// The bar is 84; see EVALUATION.md for the measured figure.
const FLOOR_UAS: f64 = 84.0;

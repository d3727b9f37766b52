//! Prints the parse of each line of standard input (or of the arguments): one word a
//! line with its tag, head and relation, as CoNLL-U columns.
//!
//!   echo "Erdogan met Putin in Sochi." | cargo run --release --example parse

use std::io::Read;

use dateline::analysis::syntax::Syntax;
use dateline::analysis::text::{sentences, tokenize};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let input = if args.is_empty() {
        let mut s = String::new();
        std::io::stdin().read_to_string(&mut s).expect("stdin");
        s
    } else {
        args.join("\n")
    };
    let syntax = Syntax::builtin();
    for sentence in sentences(&input) {
        let tokens = tokenize(&input, sentence);
        let forms: Vec<&str> = tokens.iter().map(|t| t.span.slice(&input)).collect();
        let p = syntax.parse_forms(&forms);
        println!("# {}", sentence.slice(&input));
        for (i, f) in forms.iter().enumerate() {
            let head = p.head(i).map_or(0, |h| h + 1);
            println!("{}\t{f}\t{}\t{head}\t{}", i + 1, p.tag(i), p.rel(i));
        }
        println!();
    }
}

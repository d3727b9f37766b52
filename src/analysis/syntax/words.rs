//! The words the parser reads, from the text's tokens: UD's tokenisation where it
//! differs from ours ("didn't" is our "didn" "'" "t" and UD's "did" "n't"; "they're" is
//! "they" "'re"). Each word keeps its byte span and the tokens it covers.

use crate::analysis::text::Token;
use crate::analysis::Span;

/// A word for the parser.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct SynWord {
    pub span: Span,
    /// The first token of the word (a token split in two gives two words that name it).
    pub token: usize,
}

/// Contracted negations: our token before "'t", and how many of its bytes stay with
/// the verb ("didn" → "did", "won" → "wo", "can" → "ca").
fn negation_stem(norm: &str) -> Option<usize> {
    match norm {
        "can" | "won" => Some(2),
        w if w.len() > 1 && w.ends_with('n') => Some(w.len() - 1),
        _ => None,
    }
}

/// The parser's words for `tokens` of `text`.
pub(crate) fn words_of(text: &str, tokens: &[Token]) -> Vec<SynWord> {
    let mut out = Vec::with_capacity(tokens.len());
    let mut i = 0;
    while i < tokens.len() {
        let t = &tokens[i];
        let adjacent = |k: usize| tokens.get(k).is_some_and(|n| n.span.start == tokens[k - 1].span.end);
        let apostrophe = tokens.get(i + 1).is_some_and(|n| n.norm == "'") && adjacent(i + 1);
        if apostrophe && adjacent(i + 2) {
            let clitic = tokens[i + 2].norm.as_str();
            if clitic == "t" {
                if let Some(keep) =
                    negation_stem(&t.norm).filter(|&k| text.is_char_boundary(t.span.start + k))
                {
                    let cut = t.span.start + keep;
                    out.push(SynWord { span: Span::new(t.span.start, cut), token: i });
                    out.push(SynWord { span: Span::new(cut, tokens[i + 2].span.end), token: i });
                    i += 3;
                    continue;
                }
            }
            if matches!(clitic, "re" | "ve" | "ll" | "d" | "m") {
                out.push(SynWord { span: t.span, token: i });
                out.push(SynWord {
                    span: Span::new(tokens[i + 1].span.start, tokens[i + 2].span.end),
                    token: i + 1,
                });
                i += 3;
                continue;
            }
        }
        out.push(SynWord { span: t.span, token: i });
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::text::tokenize;

    fn forms(text: &str) -> Vec<&str> {
        let toks = tokenize(text, Span::new(0, text.len()));
        words_of(text, &toks).iter().map(|w| w.span.slice(text)).collect()
    }

    #[test]
    fn contractions_split_as_ud_does() {
        assert_eq!(forms("He didn't go."), ["He", "did", "n't", "go", "."]);
        assert_eq!(forms("They won't, we can't."), ["They", "wo", "n't", ",", "we", "ca", "n't", "."]);
        assert_eq!(forms("They're here, I'm not."), ["They", "'re", "here", ",", "I", "'m", "not", "."]);
        assert_eq!(forms("Erdoğan's call"), ["Erdoğan", "'s", "call"]);
    }
}

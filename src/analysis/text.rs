//! Text basics shared by every stage: folding, tokens and sentences, all with byte spans.

use super::Span;

/// Folds text for matching: Latin, Greek and Cyrillic letters transliterated to ASCII
/// (Erdoğan → erdogan, Київ → kiyiv), other scripts kept as they are,
/// lower-cased, with typographic apostrophes and dashes made plain.
///
/// ```
/// use dateline::analysis::fold;
/// assert_eq!(fold("Erdoğan"), "erdogan");
/// assert_eq!(fold("Türkiye’s"), "turkiye's");
/// ```
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        fold_char_into(c, &mut out);
    }
    out
}

/// Whether a character is an invisible format control: a soft hyphen, a zero-width
/// space or joiner, a bidirectional mark, embedding, override or isolate, a word joiner
/// or a byte-order mark. Inside a word it is part of the word ("Van\u{202E}trow" is one
/// name); it never makes a token of its own, and folding drops it.
pub fn is_invisible(c: char) -> bool {
    matches!(c, '\u{00AD}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}')
}

/// Folds one character, appending its ASCII form to `out`.
pub(crate) fn fold_char_into(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
        return;
    }
    match c {
        c if is_invisible(c) => {}
        '\u{2018}' | '\u{2019}' | '\u{02BC}' => out.push('\''),
        '\u{201C}' | '\u{201D}' | '\u{00AB}' | '\u{00BB}' => out.push('"'),
        '\u{2010}'..='\u{2015}' => out.push('-'),
        '\u{00A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' => out.push(' '),
        // Turkish dotless i and dotted capital I.
        'ı' | 'İ' => out.push('i'),
        _ => match folded(c) {
            Some(s) => out.push_str(s),
            None => out.extend(c.to_lowercase()),
        },
    }
}

include!(concat!(env!("OUT_DIR"), "/fold_table.rs"));

/// The ASCII form of a character in the folding table's ranges (Latin, Greek, Cyrillic,
/// punctuation), already lower-cased; `None` outside them.
fn folded(c: char) -> Option<&'static str> {
    let cp = c as u32;
    let &(first, _, index) = FOLD_RANGES.iter().find(|&&(first, last, _)| (first..=last).contains(&cp))?;
    let i = index + (cp - first) as usize;
    let start = if i == 0 { 0 } else { FOLD_ENDS[i - 1] as usize };
    Some(&FOLD_TEXT[start..FOLD_ENDS[i] as usize])
}

/// Whether byte `pos` of `text` is inside a quotation, judged within `sentence`. Curly
/// and angle marks say which way they go (“…”, «…», „…“), so a quotation that opened
/// in an earlier sentence is seen from its closing mark ("“Russia must leave. Ukraine
/// will win,” she said."); straight quotes alternate.
pub(crate) fn in_quotation(text: &str, sentence: Span, pos: usize) -> bool {
    let s = &text[sentence.start..sentence.end];
    let is_mark = |c: char| matches!(c, '"' | '“' | '”' | '«' | '»' | '„');
    // Opened before the sentence when its first directed mark closes.
    let mut opener = match s.chars().find(|&c| is_mark(c) && c != '"') {
        Some('”') => Some('“'),
        Some('»') => Some('«'),
        _ => None,
    };
    for c in text[sentence.start..pos.clamp(sentence.start, sentence.end)].chars() {
        opener = match (c, opener) {
            ('“', Some('„')) | ('”', Some(_)) | ('»', Some(_)) => None,
            ('"', Some('"')) => None,
            ('"' | '“' | '«' | '„', None) => Some(c),
            (_, o) => o,
        };
    }
    opener.is_some()
}

/// What a token is made of.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters (and digits mixed with letters).
    Word,
    /// Digits only.
    Number,
    /// One punctuation or symbol character.
    Punct,
}

/// A token of the text: a word, a number or a punctuation mark.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token {
    pub span: Span,
    pub kind: TokenKind,
    /// The folded form (see [`fold`]).
    pub norm: String,
}

impl Token {
    /// Whether the token starts with an upper-case letter in the source text.
    pub fn is_capitalized(&self, text: &str) -> bool {
        self.span.slice(text).chars().next().is_some_and(|c| c.is_uppercase())
    }
}

/// Splits `text[span]` into tokens. Words are runs of letters and digits; an
/// abbreviation written with dots between single letters ("U.S.", "U.N.") is one word
/// whose folded form drops the dots ("us", "un"); "'s" is a token of its own.
pub fn tokenize(text: &str, span: Span) -> Vec<Token> {
    let mut tokens = Vec::new();
    let s = &text[span.start..span.end];
    let mut iter = s.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        let start = span.start + i;
        if c.is_alphanumeric() {
            let mut end = start + c.len_utf8();
            let mut all_digits = c.is_numeric();
            while let Some(&(j, d)) = iter.peek() {
                if d.is_alphanumeric() {
                    all_digits &= d.is_numeric();
                    end = span.start + j + d.len_utf8();
                    iter.next();
                } else if is_invisible(d)
                    && text[span.start + j + d.len_utf8()..span.end]
                        .chars()
                        .find(|n| !is_invisible(*n))
                        .is_some_and(char::is_alphanumeric)
                {
                    // Controls inside a word stay in it: "Van\u{202E}trow".
                    iter.next();
                } else {
                    break;
                }
            }
            // Dotted initialisms: single letter, dot, single letter, dot ...
            if end - start == c.len_utf8() && c.is_alphabetic() {
                let rest = &text[end..span.end];
                let mut k = 0;
                let rb = rest.as_bytes();
                let mut letters = 1;
                while k + 1 < rb.len()
                    && rb[k] == b'.'
                    && rb[k + 1].is_ascii_alphabetic()
                    && (k + 2 >= rb.len() || !rb[k + 2].is_ascii_alphanumeric())
                {
                    k += 2;
                    letters += 1;
                }
                if letters > 1 {
                    let mut stop = end + k;
                    if k < rb.len() && rb[k] == b'.' {
                        stop += 1;
                    }
                    let norm: String = fold(&text[start..stop]).chars().filter(|c| *c != '.').collect();
                    tokens.push(Token { span: Span::new(start, stop), kind: TokenKind::Word, norm });
                    while let Some(&(j, _)) = iter.peek() {
                        if span.start + j < stop {
                            iter.next();
                        } else {
                            break;
                        }
                    }
                    continue;
                }
            }
            let kind = if all_digits { TokenKind::Number } else { TokenKind::Word };
            tokens.push(Token { span: Span::new(start, end), kind, norm: fold(&text[start..end]) });
        } else if c.is_whitespace() || is_invisible(c) {
            continue;
        } else {
            let end = start + c.len_utf8();
            // "'s" and "’s" as one token.
            if matches!(c, '\'' | '’') {
                if let Some(&(j, d)) = iter.peek() {
                    let after = span.start + j + d.len_utf8();
                    let boundary = text[after..span.end].chars().next().is_none_or(|n| !n.is_alphanumeric());
                    if (d == 's' || d == 'S') && boundary {
                        iter.next();
                        tokens.push(Token {
                            span: Span::new(start, after),
                            kind: TokenKind::Word,
                            norm: "'s".to_string(),
                        });
                        continue;
                    }
                }
            }
            tokens.push(Token {
                span: Span::new(start, end),
                kind: TokenKind::Punct,
                norm: fold(&text[start..end]),
            });
        }
    }
    tokens
}

/// Words after which a full stop does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "col", "lt", "maj", "capt", "cmdr", "adm", "sgt", "sen", "rep",
    "gov", "pres", "st", "jr", "sr", "rev", "hon", "amb", "no", "vs", "etc", "jan", "feb", "mar", "apr",
    "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "inc", "corp", "co", "ltd", "dept", "univ",
    "approx", "est", "fig", "vol", "mt", "ft",
];

/// Splits text into sentences: at `.`, `!` or `?` (with any closing quotes or brackets)
/// followed by a space and a capital, digit or quote, and at every line break, which in
/// saved articles separates paragraphs, headings and captions. Abbreviations ("Mr.",
/// "Nov.", "U.S.") do not end a sentence. Spans exclude surrounding white space.
pub fn sentences(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    for line in lines(text) {
        split_line(text, line, &mut out);
    }
    if out.iter().any(|s| s.end - s.start > MAX_SENTENCE_BYTES) {
        out = out.into_iter().flat_map(|s| cut_long(text, s)).collect();
    }
    out
}

/// The longest sentence, in bytes: longer runs without a sentence end (a megabyte on
/// one line) are cut at a space, since finding what dates an event takes time in
/// proportion to the square of its sentence's length.
const MAX_SENTENCE_BYTES: usize = 2_000;

/// A sentence cut into pieces of at most [`MAX_SENTENCE_BYTES`], at spaces where it can.
fn cut_long(text: &str, sentence: Span) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = sentence.start;
    while sentence.end - start > MAX_SENTENCE_BYTES {
        let mut limit = start + MAX_SENTENCE_BYTES;
        while !text.is_char_boundary(limit) {
            limit -= 1;
        }
        let cut = text[start..limit].rfind(char::is_whitespace).map_or(limit, |p| start + p);
        let cut = if cut == start { limit } else { cut };
        push_trimmed(text, start, cut, &mut out);
        start = cut;
    }
    push_trimmed(text, start, sentence.end, &mut out);
    out
}

/// Non-blank lines of `text`, trimmed, as spans.
pub fn lines(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in text.char_indices() {
        if c == '\n' || c == '\r' || c == '\u{2028}' || c == '\u{2029}' {
            push_trimmed(text, start, i, &mut out);
            start = i + c.len_utf8();
        }
    }
    push_trimmed(text, start, text.len(), &mut out);
    out
}

fn push_trimmed(text: &str, start: usize, end: usize, out: &mut Vec<Span>) {
    let s = &text[start..end];
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    if lead + trail < s.len() {
        out.push(Span::new(start + lead, end - trail));
    }
}

fn split_line(text: &str, line: Span, out: &mut Vec<Span>) {
    let s = line.slice(text);
    let bytes = s.as_bytes();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b == b'.' || b == b'!' || b == b'?' {
            // Extend over closing quotes and brackets.
            let mut end = i + 1;
            loop {
                let rest = &s[end..];
                let c = rest.chars().next();
                match c {
                    Some(c @ ('"' | '\'' | ')' | ']' | '”' | '’' | '»')) => end += c.len_utf8(),
                    Some('.') | Some('!') | Some('?') => end += 1,
                    _ => break,
                }
            }
            let rest = &s[end..];
            let ws = rest.len() - rest.trim_start().len();
            let next = rest[ws..].chars().next();
            let starts_new = ws > 0
                && next.is_some_and(|c| {
                    c.is_uppercase()
                        || c.is_numeric()
                        || matches!(c, '"' | '“' | '‘' | '\'' | '(' | '«' | '—' | '–' | '•')
                });
            if starts_new && !(b == b'.' && ends_with_abbreviation(&s[start..i])) {
                push_trimmed(text, line.start + start, line.start + end, out);
                start = end + ws;
                i = start;
                continue;
            }
            i = end;
            continue;
        }
        i += 1;
    }
    if start < s.len() {
        push_trimmed(text, line.start + start, line.end, out);
    }
}

/// Whether `before` (the text before a full stop) ends with an abbreviation or an
/// initial, so that the stop does not end the sentence.
fn ends_with_abbreviation(before: &str) -> bool {
    let word: String = before
        .chars()
        .rev()
        .take_while(|c| c.is_alphanumeric() || *c == '.')
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    if word.is_empty() {
        return false;
    }
    // Initials and dotted abbreviations: "J", "U.S", "U.N".
    let letters: Vec<char> = word.chars().filter(|c| *c != '.').collect();
    if word.contains('.') && letters.iter().all(|c| c.is_alphabetic()) {
        return true;
    }
    if letters.len() == 1 && letters[0].is_uppercase() {
        return true;
    }
    ABBREVIATIONS.contains(&fold(&word).as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sents(text: &str) -> Vec<&str> {
        sentences(text).into_iter().map(|s| s.slice(text)).collect()
    }

    #[test]
    fn folds_accents_and_transliterations() {
        assert_eq!(fold("Erdoğan"), "erdogan");
        assert_eq!(fold("Türkiye"), "turkiye");
        assert_eq!(fold("Kılıçdaroğlu"), "kilicdaroglu");
        assert_eq!(fold("Zelenskyy’s"), "zelenskyy's");
        assert_eq!(fold("Київ"), "kiyiv");
        assert_eq!(fold("Αθήνα"), "athena");
        assert_eq!(fold("Nguyễn"), "nguyen");
        assert_eq!(fold("“ﬁnal” – €5"), "\"final\" - eur5");
        // Outside the table's scripts a character folds to itself, lower-cased.
        assert_eq!(fold("北京"), "北京");
    }

    #[test]
    fn quotations_by_their_marks() {
        let inside =
            |text: &str, word: &str| in_quotation(text, Span::new(0, text.len()), text.find(word).unwrap());
        assert!(inside("“Russia lost,” she said.", "Russia"));
        assert!(!inside("“Russia lost,” she said.", "said"));
        // Opened in the sentence before: seen from the closing mark.
        assert!(inside("Ukraine will win,” she said.", "Ukraine"));
        assert!(!inside("Ukraine will win,” she said.", "said"));
        assert!(inside("\"Russia lost,\" she said.", "Russia"));
        assert!(!inside("\"Russia lost,\" she said.", "said"));
        // German marks: „…“.
        assert!(inside("„Russland verliert“, sagte sie.", "Russland"));
        assert!(!inside("„Russland verliert“, sagte sie.", "sagte"));
        assert!(inside("«La Russie perd», a-t-elle dit.", "Russie"));
        assert!(!inside("«La Russie perd», a-t-elle dit.", "dit"));
    }

    #[test]
    fn splits_sentences_keeping_abbreviations() {
        let text = "U.S. President Donald Trump spoke Monday. Mr. Erdoğan said “yes.” Then he left.\nA heading\nNov. 24 was a Monday.";
        assert_eq!(
            sents(text),
            vec![
                "U.S. President Donald Trump spoke Monday.",
                "Mr. Erdoğan said “yes.”",
                "Then he left.",
                "A heading",
                "Nov. 24 was a Monday."
            ]
        );
    }

    #[test]
    fn sentence_spans_point_into_the_text() {
        let text = "  First one. Second one!  \n\n Third? ";
        for s in sentences(text) {
            let t = s.slice(text);
            assert_eq!(t, t.trim());
            assert!(!t.is_empty());
        }
        assert_eq!(sents(text), vec!["First one.", "Second one!", "Third?"]);
    }

    #[test]
    fn invisible_controls_never_split_a_word() {
        let text = "Ilse Van\u{202E}trow\u{202C} met \u{2067}Cas\u{200B}tamir\u{2069}.";
        let toks = tokenize(text, Span::new(0, text.len()));
        let norms: Vec<&str> = toks.iter().map(|t| t.norm.as_str()).collect();
        assert_eq!(norms, vec!["ilse", "vantrow", "met", "castamir", "."]);
        assert_eq!(toks[1].span.slice(text), "Van\u{202E}trow");
        assert_eq!(toks[3].span.slice(text), "Cas\u{200B}tamir");
    }

    #[test]
    fn tokenizes_words_numbers_initialisms() {
        let text = "The U.S. and Türkiye’s 28-point plan, on 11/24.";
        let toks = tokenize(text, Span::new(0, text.len()));
        let norms: Vec<&str> = toks.iter().map(|t| t.norm.as_str()).collect();
        assert_eq!(
            norms,
            vec![
                "the", "us", "and", "turkiye", "'s", "28", "-", "point", "plan", ",", "on", "11", "/", "24",
                "."
            ]
        );
        assert_eq!(toks[1].span.slice(text), "U.S.");
        assert_eq!(toks[3].span.slice(text), "Türkiye");
        assert_eq!(toks[5].kind, TokenKind::Number);
    }
}

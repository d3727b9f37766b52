//! Which time expression dates an event: the one in the verb's clause, not in a
//! quotation, a relative or participial clause, or a noun's modifier.

use super::{Timex, TimexType};
use crate::analysis::Span;

/// The index in `timexes` of the temporal expression that dates the clause of an
/// event whose verb is at `verb`, within `sentence`; `None` when none does.
///
/// Only DATE and TIME expressions inside the sentence count (`timexes` in text order,
/// as [`TimeTagger::tag`](super::TimeTagger::tag) gives them); durations and sets never date an event. An
/// expression inside quotation marks (when the verb is not) and one that modifies a noun ("the March 2022 talks") are skipped. Among the rest, the one
/// in the same clause as the verb (fewest clause breaks between them: commas,
/// semicolons, dashes, "and", "but", "while", "when", "after", "before", "which") wins,
/// then the nearest.
pub fn governing_timex(text: &str, sentence: Span, verb: Span, timexes: &[Timex]) -> Option<usize> {
    let quoted = |pos: usize| crate::analysis::text::in_quotation(text, sentence, pos);
    let verb_quoted = quoted(verb.start);
    let mut best: Option<(usize, usize, usize)> = None;
    // The expressions are in text order: only the sentence's are looked at (a scan of
    // all of them per event made a long article quadratic).
    let first = timexes.partition_point(|t| t.span.start < sentence.start);
    let last = first + timexes[first..].partition_point(|t| t.span.start < sentence.end);
    for (idx, t) in timexes.iter().enumerate().take(last).skip(first) {
        if !sentence.contains(t.span) || !matches!(t.kind, TimexType::Date | TimexType::Time) {
            continue;
        }
        if !verb_quoted && quoted(t.span.start) {
            continue;
        }
        if modifies_noun(text, sentence, t, verb) {
            continue;
        }
        if detached(text, sentence, verb, t.span) {
            continue;
        }
        let (a, b) = if t.span.end <= verb.start {
            (t.span.end, verb.start)
        } else {
            (verb.end.min(t.span.start), t.span.start)
        };
        let between = &text[a.min(b)..b.max(a)];
        let breaks = clause_breaks(between);
        let dist = b.saturating_sub(a);
        let key = (breaks, dist, idx);
        if best.is_none_or(|bk| key < bk) {
            best = Some(key);
        }
    }
    best.map(|(_, _, idx)| idx)
}

/// Words of `s` (letters and digits; apostrophes and hyphens kept inside words).
fn words(s: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in s.char_indices() {
        let inner = c.is_alphanumeric() || ((c == '\'' || c == '’' || c == '-') && start.is_some());
        match (inner, start) {
            (true, None) => start = Some(i),
            (false, Some(st)) => {
                out.push((st, &s[st..i]));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(st) = start {
        out.push((st, &s[st..]));
    }
    out.into_iter()
}

/// Words ending in "-ing" that are not participles opening a phrase of their own.
const NOT_PARTICIPLE: &[&str] = &[
    "during",
    "including",
    "following",
    "beginning",
    "starting",
    "according",
    "morning",
    "evening",
    "ending",
    "spring",
    "nothing",
    "something",
    "anything",
    "everything",
    "thing",
    "things",
    "king",
    "bring",
    "string",
    "sing",
    "ring",
    "wing",
    "meeting",
    "building",
    "funding",
    "pending",
    "regarding",
    "concerning",
    "notwithstanding",
    "excluding",
    "barring",
];

/// Whether the expression at `t` sits in a clause of its own that does not date the verb
/// at `verb`: after the verb, a relative or complement clause ("…, which was stopped in
/// 2022", "stated that Türkiye …", "the city where …") or a participial phrase ("…,
/// citing …", "…, saying …") opens between the verb and the expression; before the
/// verb, the expression sits in a relative clause opened by a comma (", which … 2022,")
/// that closes before the verb.
fn detached(text: &str, sentence: Span, verb: Span, t: Span) -> bool {
    let lw = |w: &str| w.to_ascii_lowercase();
    if t.start >= verb.end {
        let between = &text[verb.end..t.start];
        let ws: Vec<(usize, &str)> = words(between).collect();
        for (k, &(at, w)) in ws.iter().enumerate() {
            let l = lw(w);
            let after_comma = between[..at].trim_end().ends_with(',');
            match l.as_str() {
                "which" | "who" | "whom" | "whose" | "where" | "whereby" => return true,
                "when" => return true,
                "that" => {
                    // A conjunction or relative pronoun, not the determiner of "that day".
                    let next = ws.get(k + 1).map(|&(_, n)| n);
                    let opens = next.is_some_and(|n| {
                        n.chars().next().is_some_and(char::is_uppercase)
                            || matches!(
                                lw(n).as_str(),
                                "the"
                                    | "a"
                                    | "an"
                                    | "he"
                                    | "she"
                                    | "it"
                                    | "they"
                                    | "we"
                                    | "i"
                                    | "you"
                                    | "his"
                                    | "her"
                                    | "its"
                                    | "their"
                                    | "this"
                                    | "these"
                                    | "those"
                                    | "there"
                                    | "our"
                                    | "was"
                                    | "is"
                                    | "were"
                                    | "are"
                                    | "had"
                                    | "has"
                                    | "have"
                                    | "will"
                                    | "would"
                                    | "could"
                                    | "may"
                                    | "might"
                            )
                            || (lw(n).ends_with("ed") || lw(n).ends_with("es")) && n.len() > 3
                    });
                    if opens || next.is_none() {
                        return true;
                    }
                }
                _ if after_comma
                    && l.len() > 4
                    && l.ends_with("ing")
                    && !NOT_PARTICIPLE.contains(&l.as_str()) =>
                {
                    return true;
                }
                _ => {}
            }
        }
        false
    } else if t.end <= verb.start {
        // ", which was stopped in 2022, is …": the relative clause closes before the verb.
        let before = &text[sentence.start..t.start];
        let opener = words(before)
            .filter(|&(at, w)| {
                matches!(lw(w).as_str(), "which" | "who" | "whom" | "whose" | "where")
                    && before[..at].trim_end().ends_with(',')
            })
            .last();
        let Some((at, _)) = opener else {
            return false;
        };
        !before[at..].contains(',') && text[t.end..verb.start].contains(',')
    } else {
        false
    }
}

fn clause_breaks(s: &str) -> usize {
    let mut n = s.bytes().filter(|b| matches!(b, b',' | b';' | b':')).count();
    n += s.matches('—').count() + s.matches(" - ").count();
    for w in s.split(|c: char| !c.is_alphanumeric()) {
        let lw = w.to_ascii_lowercase();
        if matches!(
            lw.as_str(),
            "and"
                | "but"
                | "while"
                | "when"
                | "after"
                | "before"
                | "which"
                | "who"
                | "because"
                | "although"
                | "whereas"
                | "since"
        ) {
            n += 1;
        }
    }
    n
}

/// "the March 2022 talks", "Monday's meeting": a date used as a noun modifier.
/// Not when the noun it modifies is the event's own trigger ("Trump's July 25 phone
/// call", "an October news conference").
fn modifies_noun(text: &str, sentence: Span, t: &Timex, trigger: Span) -> bool {
    if trigger.start >= t.span.end && text[t.span.end..trigger.start].split_whitespace().count() <= 1 {
        return false;
    }
    let before = text[sentence.start..t.span.start].trim_end();
    let after = &text[t.span.end..sentence.end];
    // A possessive ("Jackson's 25 June death", tokenised "Jackson 's") determines a noun too.
    let possessive = ["'s", "’s", "s'", "s’"].iter().any(|p| before.ends_with(p));
    let det = possessive
        || before.rsplit(|c: char| !c.is_alphanumeric()).next().is_some_and(|w| {
            matches!(
                w.to_ascii_lowercase().as_str(),
                "the" | "a" | "an" | "its" | "their" | "his" | "her" | "our" | "your" | "my"
            )
        });
    if after.starts_with("'s") || after.starts_with("’s") {
        return true;
    }
    if !det || !after.starts_with(' ') {
        return false;
    }
    let next: String = after.trim_start().chars().take_while(|c| c.is_alphabetic()).collect();
    !next.is_empty()
        && next.chars().next().is_some_and(|c| c.is_lowercase())
        && !matches!(
            next.as_str(),
            "and"
                | "or"
                | "but"
                | "when"
                | "that"
                | "which"
                | "to"
                | "in"
                | "on"
                | "at"
                | "of"
                | "for"
                | "with"
                | "by"
                | "as"
                | "after"
                | "before"
                | "was"
                | "is"
                | "were"
                | "will"
                | "had"
                | "has"
                | "the"
        )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::time::TimeTagger;
    use jiff::civil::{date, Date};

    const PUB: Date = date(2025, 11, 25);

    #[test]
    fn governing_timex_skips_relative_participial_and_quoted_clauses() {
        let tagger = TimeTagger::new();
        // (sentence, verb, expected governing timex or None)
        let cases: &[(&str, &str, Option<&str>)] = &[
            (
                "He stated that Türkiye is ready to contribute to any initiative that facilitates direct \
                 contact between Moscow and Kiev, citing the history of the Istanbul Process, which was \
                 stopped in 2022.",
                "stated",
                None,
            ),
            (
                "Erdoğan recalled that the sides had talked, saying, “We came very close to an agreement \
                 in March 2022.”",
                "recalled",
                None,
            ),
            (
                "The minister said on Monday that the talks, which began in 2022, would resume.",
                "said",
                Some("Monday"),
            ),
            ("The talks, which began in 2022, resumed on Monday.", "resumed", Some("Monday")),
            ("The talks, which began in 2022, resumed.", "resumed", None),
            ("He visited the city where he was born in 1950.", "visited", None),
            ("The company reported losses, adding that sales fell in March.", "reported", None),
            ("He signed that agreement on Monday.", "signed", Some("Monday")),
            ("He met Putin on Monday, during the summit.", "met", Some("Monday")),
            ("The talks resumed in March 2022 in Istanbul.", "resumed", Some("March 2022")),
            (
                "Speaking a few days after Jackson 's 25 June death , Mr Chernoff , denied his client \
                 administered the drugs.",
                "denied",
                None,
            ),
            ("Days after the singer’s June 25 death, his doctor spoke.", "spoke", None),
            ("The singer died on June 25, his doctor said.", "died", Some("June 25")),
            (
                "Lawmakers questioned aides on Trump's July 25 phone call with President Zelensky.",
                "call",
                Some("July 25"),
            ),
            ("Lawmakers questioned aides on Trump's July 25 phone call.", "questioned", None),
        ];
        for &(text, verb, want) in cases {
            let tx = tagger.tag(text, Some(PUB));
            let v = text.find(verb).unwrap();
            let g = governing_timex(text, Span::new(0, text.len()), Span::new(v, v + verb.len()), &tx);
            assert_eq!(g.map(|i| tx[i].span.slice(text)), want, "{text}");
        }
    }

    #[test]
    fn governing_timex_prefers_the_verbs_clause() {
        let tagger = TimeTagger::new();
        let text = "After the March 2022 talks failed, Erdoğan met Putin on Monday.";
        let tx = tagger.tag(text, Some(PUB));
        let verb = text.find("met").unwrap();
        let g = governing_timex(text, Span::new(0, text.len()), Span::new(verb, verb + 3), &tx);
        assert_eq!(g.map(|i| tx[i].span.slice(text)), Some("Monday"));
        let text = "He said on Friday that “we will talk next week,” and left.";
        let tx = tagger.tag(text, Some(PUB));
        let verb = text.find("said").unwrap();
        let g = governing_timex(text, Span::new(0, text.len()), Span::new(verb, verb + 4), &tx);
        assert_eq!(g.map(|i| tx[i].span.slice(text)), Some("Friday"));
        let text = "The talks lasted three days.";
        let tx = tagger.tag(text, Some(PUB));
        let verb = text.find("lasted").unwrap();
        assert_eq!(governing_timex(text, Span::new(0, text.len()), Span::new(verb, verb + 6), &tx), None);
    }
}

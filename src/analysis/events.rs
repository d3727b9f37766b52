//! Events in a sentence: a trigger (the verb or noun phrase of a contact, statement,
//! meeting, offer, call, warning, ...) with a CAMEO code, its source and target actors
//! from the clause's structure, its place and its governing time expression.

use super::actors::{Mention, Place};
use super::text::{Token, TokenKind};

/// A trigger phrase: folded words, the CAMEO code it signals, and how to find its
/// target.
struct Trigger {
    words: &'static [&'static str],
    code: &'static str,
    target: TargetRule,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum TargetRule {
    /// The first actor after the trigger ("told Putin", "met Rutte").
    Object,
    /// The actor after "with" ("spoke with Zelenskyy").
    With,
    /// No target unless the joint subject gives one ("X and Y discussed").
    None,
}

macro_rules! t {
    ($code:literal, $rule:ident, [$($w:literal),+]) => {
        Trigger { words: &[$($w),+], code: $code, target: TargetRule::$rule }
    };
}

/// The trigger lexicon: general English diplomatic and conflict vocabulary, folded,
/// with CAMEO codes (as in the CAMEO codebook and PETRARCH's verb dictionary).
/// Longer phrases are tried first.
const TRIGGERS: &[Trigger] = &[
    // 041 Discuss by telephone
    t!("041", With, ["phone", "call"]),
    t!("041", With, ["telephone", "call"]),
    t!("041", With, ["phone", "conversation"]),
    t!("041", With, ["phone", "conversations"]),
    t!("041", With, ["telephone", "conversation"]),
    t!("041", With, ["phone", "talks"]),
    t!("041", Object, ["phoned"]),
    t!("041", Object, ["telephoned"]),
    t!("041", With, ["by", "phone"]),
    t!("041", With, ["by", "telephone"]),
    t!("041", With, ["over", "the", "phone"]),
    // 042 Make a visit
    t!("042", Object, ["visited"]),
    t!("042", Object, ["visits"]),
    t!("042", Object, ["paid", "a", "visit", "to"]),
    t!("042", Object, ["arrived", "in"]),
    t!("042", Object, ["travelled", "to"]),
    t!("042", Object, ["traveled", "to"]),
    // 043 Host a visit
    t!("043", Object, ["hosted"]),
    t!("043", Object, ["hosts"]),
    t!("043", Object, ["received"]),
    t!("043", Object, ["welcomed"]),
    // 036 / 039 Express intent to meet, negotiate or mediate
    t!("039", None, ["offered", "to", "mediate"]),
    t!("039", None, ["offer", "to", "mediate"]),
    t!("039", None, ["ready", "to", "mediate"]),
    t!("036", Object, ["offered", "to", "host"]),
    t!("036", Object, ["offer", "to", "host"]),
    t!("036", Object, ["ready", "to", "host"]),
    t!("036", Object, ["prepared", "to", "host"]),
    t!("036", Object, ["readiness", "to", "host"]),
    t!("036", Object, ["willing", "to", "host"]),
    t!("036", With, ["ready", "to", "meet"]),
    t!("036", With, ["readiness", "to", "meet"]),
    t!("036", With, ["readiness", "to", "negotiate"]),
    t!("036", With, ["ready", "to", "negotiate"]),
    t!("036", With, ["readiness", "to", "expand"]),
    t!("036", None, ["stands", "ready"]),
    t!("036", None, ["stand", "ready"]),
    // 045 Mediate, 046 Negotiate
    t!("045", Object, ["mediated"]),
    t!("045", Object, ["brokered"]),
    t!("046", With, ["negotiated"]),
    t!("046", With, ["held", "negotiations"]),
    t!("046", With, ["met", "for", "peace", "talks"]),
    t!("046", With, ["met", "for", "talks"]),
    // 040 Consult
    t!("040", With, ["held", "talks"]),
    t!("040", With, ["spoke", "with"]),
    t!("040", With, ["spoke", "to"]),
    t!("040", With, ["talked", "with"]),
    t!("040", With, ["talked", "to"]),
    t!("040", Object, ["met"]),
    t!("040", With, ["meeting", "with"]),
    t!("040", Object, ["consulted"]),
    t!("040", With, ["conferred"]),
    t!("040", With, ["discussed"]),
    t!("040", With, ["exchanged", "views"]),
    // 057 Sign formal agreement
    t!("057", With, ["signed"]),
    // 051 Praise or endorse
    t!("051", Object, ["praised"]),
    t!("051", Object, ["hailed"]),
    t!("051", Object, ["lauded"]),
    t!("051", Object, ["commended"]),
    t!("051", Object, ["thanked"]),
    t!("051", Object, ["endorsed"]),
    t!("051", Object, ["championed"]),
    // 020 Appeal
    t!("020", Object, ["urged"]),
    t!("020", Object, ["appealed", "to"]),
    t!("020", Object, ["called", "on"]),
    t!("020", Object, ["called", "for"]),
    t!("020", Object, ["called", "to"]),
    t!("020", Object, ["asked"]),
    t!("020", Object, ["requested"]),
    // 030 Express intent to cooperate
    t!("030", None, ["pledged"]),
    t!("030", None, ["promised"]),
    t!("030", With, ["agreed"]),
    t!("030", None, ["would", "continue"]),
    t!("030", None, ["will", "continue"]),
    // 100 Demand
    t!("100", Object, ["demanded"]),
    t!("100", Object, ["insisted"]),
    // 111 Criticise or denounce, 112 Accuse
    t!("111", Object, ["criticized"]),
    t!("111", Object, ["criticised"]),
    t!("111", Object, ["condemned"]),
    t!("111", Object, ["denounced"]),
    t!("112", Object, ["accused"]),
    t!("112", Object, ["blamed"]),
    // 120 Reject
    t!("120", Object, ["rejected"]),
    t!("120", Object, ["refused"]),
    t!("120", Object, ["dismissed"]),
    // 130 Threaten (PETRARCH codes "warn" as 130)
    t!("130", Object, ["warned"]),
    t!("130", Object, ["threatened"]),
    // 163 Impose embargo, boycott or sanctions
    t!("163", Object, ["imposed", "sanctions"]),
    t!("163", Object, ["sanctioned"]),
    // 190s Fight
    t!("190", Object, ["attacked"]),
    t!("194", Object, ["shelled"]),
    t!("195", Object, ["bombed"]),
    t!("192", Object, ["invaded"]),
    // 010 Make statement
    t!("010", Object, ["told"]),
    t!("010", None, ["said"]),
    t!("010", None, ["says"]),
    t!("010", None, ["stated"]),
    t!("010", None, ["noted"]),
    t!("010", None, ["stressed"]),
    t!("010", None, ["emphasized"]),
    t!("010", None, ["emphasised"]),
    t!("010", None, ["underlined"]),
    t!("010", None, ["underscored"]),
    t!("010", None, ["reiterated"]),
    t!("010", None, ["announced"]),
    t!("010", None, ["declared"]),
    t!("010", None, ["added"]),
    t!("010", None, ["recalled"]),
];

/// How much a code outranks another when a sentence has several triggers: contacts and
/// actions first, plain statements last.
fn priority(code: &str) -> u8 {
    match code {
        "041" => 10,
        "042" | "043" | "044" | "045" | "046" => 9,
        "040" => 8,
        "036" | "039" => 7,
        "057" => 7,
        c if c.starts_with('1') || c.starts_with('2') => 6,
        "051" => 5,
        "020" => 4,
        "030" => 3,
        _ => 1,
    }
}

/// A trigger found in a sentence.
#[derive(Clone, Debug)]
pub(crate) struct Found {
    pub code: &'static str,
    /// Token range of the trigger.
    pub tokens: (usize, usize),
    pub target: TargetRule,
}

/// The best trigger of a sentence, if any.
pub(crate) fn find_trigger(tokens: &[Token]) -> Option<Found> {
    let mut best: Option<Found> = None;
    for i in 0..tokens.len() {
        for trig in TRIGGERS {
            let w = trig.words;
            if i + w.len() > tokens.len() {
                continue;
            }
            if w.iter().zip(&tokens[i..]).all(|(a, t)| *a == t.norm) {
                // A passive without its agent ("what was discussed") reports no act.
                let passive = w.len() == 1
                    && i > 0
                    && matches!(
                        tokens[i - 1].norm.as_str(),
                        "was" | "were" | "been" | "being" | "is" | "are"
                    )
                    && tokens.get(i + 1).is_none_or(|t| t.norm != "by");
                if passive {
                    continue;
                }
                let better = match &best {
                    None => true,
                    Some(b) => priority(trig.code) > priority(b.code),
                };
                if better {
                    best = Some(Found { code: trig.code, tokens: (i, i + w.len()), target: trig.target });
                }
            }
        }
    }
    best
}

/// A sentence opening with "The call", "The phone conversation", "The meeting": the
/// code of the contact it refers back to.
pub(crate) fn contact_anaphor(tokens: &[Token]) -> Option<&'static str> {
    let words: Vec<&str> = tokens.iter().take(3).map(|t| t.norm.as_str()).collect();
    match words.as_slice() {
        ["the", "call" | "conversation", ..]
        | ["the", "phone" | "telephone", "call" | "conversation" | "talk" | "talks"] => Some("041"),
        ["the", "meeting" | "talks", ..] => Some("040"),
        _ => None,
    }
}

/// Prepositions that put an actor mention into a phrase rather than the subject.
const PREPOSITIONS: &[&str] = &[
    "according",
    "to",
    "in",
    "on",
    "at",
    "with",
    "from",
    "of",
    "for",
    "by",
    "during",
    "after",
    "before",
    "following",
    "between",
    "about",
    "regarding",
    "amid",
    "against",
    "toward",
    "towards",
    "over",
    "under",
];

/// Whether the mention at token `start` sits in a prepositional phrase of its clause
/// (between the previous comma, or the sentence start, and itself).
pub(crate) fn in_prepositional_phrase(tokens: &[Token], start: usize) -> bool {
    let mut k = start;
    while k > 0 {
        k -= 1;
        let t = tokens[k].norm.as_str();
        if t == "," || t == ";" || t == ":" || t == "\"" {
            return false;
        }
        if PREPOSITIONS.contains(&t) {
            return true;
        }
        if tokens[k].kind == TokenKind::Word && !t.is_empty() && t != "the" && t != "'s" && t != "and" {
            // A verb or noun before the mention ends the search only at clause marks.
            continue;
        }
    }
    false
}

/// Whether the clause around the trigger is negated ("did not meet", "never called").
pub(crate) fn negated(tokens: &[Token], trigger: (usize, usize)) -> bool {
    let from = trigger.0.saturating_sub(3);
    tokens[from..trigger.0].iter().any(|t| matches!(t.norm.as_str(), "not" | "never" | "n't" | "no"))
}

/// Whether the clause is about the future or a plan ("will meet", "is set to", "plans to").
pub(crate) fn planned(tokens: &[Token], trigger: (usize, usize)) -> bool {
    let from = trigger.0.saturating_sub(4);
    let before: Vec<&str> = tokens[from..trigger.0].iter().map(|t| t.norm.as_str()).collect();
    before.iter().any(|w| matches!(*w, "will" | "shall" | "plans" | "planned" | "expected" | "scheduled"))
        || before.windows(2).any(|w| matches!(w, ["set", "to"] | ["is", "to"] | ["are", "to"] | ["to", "be"]))
}

/// Source and target mentions for a trigger: the subject is the first mention before
/// the trigger outside a prepositional phrase (a joint subject "X and Y" gives Y as
/// target); the target follows the target rule.
pub(crate) fn participants(
    tokens: &[Token],
    mentions: &[Mention],
    places: &[Place],
    trigger: &Found,
) -> (Option<usize>, Option<usize>) {
    let before: Vec<usize> = (0..mentions.len())
        .filter(|&m| mentions[m].tokens.1 <= trigger.tokens.0)
        .filter(|&m| !in_prepositional_phrase(tokens, mentions[m].tokens.0))
        .collect();
    let source = before.first().copied();
    let mut target = None;
    // Joint subject: "X and Y discussed".
    if before.len() >= 2 {
        let (a, b) = (before[0], before[1]);
        let between = &tokens[mentions[a].tokens.1..mentions[b].tokens.0];
        if between.len() == 1 && between[0].norm == "and" && mentions[a].actor != mentions[b].actor {
            target = Some(b);
        }
    }
    if target.is_none() {
        let after = (0..mentions.len()).filter(|&m| mentions[m].tokens.0 >= trigger.tokens.1);
        let clause_end = tokens[trigger.tokens.1..]
            .iter()
            .position(|t| matches!(t.norm.as_str(), "that" | ";" | "\"" | "because" | "which" | "who"))
            .map(|p| p + trigger.tokens.1)
            .unwrap_or(tokens.len());
        match trigger.target {
            TargetRule::Object => {
                target = after
                    .filter(|&m| mentions[m].tokens.0 < clause_end)
                    .find(|&m| source.is_none_or(|s| mentions[s].actor != mentions[m].actor));
            }
            TargetRule::With => {
                // Tokens "with" anywhere in the clause after or just before the trigger.
                target = (0..mentions.len())
                    .filter(|&m| mentions[m].tokens.0 < clause_end)
                    .filter(|&m| {
                        let s = mentions[m].tokens.0;
                        s > 0 && tokens[s - 1].norm == "with"
                            || (s > 1 && tokens[s - 1].norm == "the" && tokens[s - 2].norm == "with")
                    })
                    .find(|&m| source.is_none_or(|s| mentions[s].actor != mentions[m].actor));
                if target.is_none() {
                    // "told his Russian counterpart ... in a phone call": the object of the
                    // clause's verb before the trigger.
                    target = (0..mentions.len())
                        .filter(|&m| Some(m) != source && mentions[m].tokens.1 <= trigger.tokens.0)
                        .filter(|&m| {
                            let s = mentions[m].tokens.0;
                            s > 0 && matches!(tokens[s - 1].norm.as_str(), "told" | "with" | "called")
                        })
                        .find(|&m| source.is_none_or(|s| mentions[s].actor != mentions[m].actor));
                }
            }
            TargetRule::None => {}
        }
    }
    let _ = places;
    (source, target)
}

/// The short verb phrase of a summary for a code.
pub(crate) fn summary_phrase(code: &str, has_target: bool) -> &'static str {
    match (code, has_target) {
        ("041", true) => "speaks by phone with",
        ("041", false) => "holds a phone call",
        ("042", true) => "visits",
        ("042", false) => "makes a visit",
        ("043", true) => "hosts",
        ("043", false) => "hosts a visit",
        ("044", _) => "meets",
        ("045", _) => "mediates",
        ("046", true) => "negotiates with",
        ("046", false) => "negotiates",
        ("040", true) => "holds talks with",
        ("040", false) => "holds talks",
        ("036", true) => "offers to meet or host",
        ("036", false) => "offers to meet, negotiate or host talks",
        ("039", _) => "offers to mediate",
        ("057", true) => "signs an agreement with",
        ("057", false) => "signs an agreement",
        ("051", true) => "praises",
        ("051", false) => "expresses support",
        ("020", true) => "appeals to",
        ("020", false) => "makes an appeal",
        ("030", true) => "expresses intent to cooperate with",
        ("030", false) => "expresses intent to cooperate",
        ("100", true) => "makes demands of",
        ("100", false) => "makes a demand",
        ("111", true) => "criticises",
        ("111", false) => "voices criticism",
        ("112", true) => "accuses",
        ("112", false) => "makes an accusation",
        ("120", true) => "rejects",
        ("120", false) => "rejects a proposal",
        ("130", true) => "warns",
        ("130", false) => "issues a warning",
        ("163", true) => "imposes sanctions on",
        ("163", false) => "imposes sanctions",
        ("010", true) => "tells",
        ("010", false) => "makes a statement",
        (c, true) if c.starts_with("19") || c.starts_with("18") => "attacks",
        (c, false) if c.starts_with("19") || c.starts_with("18") => "uses force",
        (_, true) => "acts toward",
        (_, false) => "acts",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::text::tokenize;
    use crate::analysis::Span;

    fn trig(text: &str) -> Option<&'static str> {
        let toks = tokenize(text, Span::new(0, text.len()));
        find_trigger(&toks).map(|f| f.code)
    }

    #[test]
    fn triggers_pick_the_most_specific_code() {
        assert_eq!(trig("Erdogan told Putin in a phone call that Ankara would help."), Some("041"));
        assert_eq!(trig("Erdoğan received Rutte in Ankara."), Some("043"));
        assert_eq!(
            trig("He also repeated an offer to host the leaders for peace talks, it said."),
            Some("036")
        );
        assert_eq!(trig("Lavrov warned that talks were a utopia."), Some("130"));
        assert_eq!(trig("Lavrov said the plan was fine."), Some("010"));
        assert_eq!(trig("The weather was nice."), None);
    }

    #[test]
    fn negation_and_plans() {
        let text = "Putin did not meet Zelensky. They will meet on Monday.";
        let toks = tokenize(text, Span::new(0, text.len()));
        assert!(negated(&toks, (3, 4)));
        assert!(planned(&toks, (9, 10)));
    }
}

//! Events in a sentence: a trigger (the verb or noun phrase of a contact, statement,
//! meeting, offer, call, warning, ...) with a CAMEO code, its source and target actors
//! from the clause's structure, its place and its governing time expression.

mod verbs;

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
        c if c.starts_with("05") || c.starts_with("06") || c.starts_with("07") || c.starts_with("08") => 5,
        c if c.starts_with("09") => 5,
        "051" => 5,
        c if c.starts_with("02") => 4,
        c if c.starts_with("03") => 3,
        "010" => 1,
        _ => 2,
    }
}

/// A trigger found in a sentence.
#[derive(Clone, Debug)]
pub(crate) struct Found {
    pub code: &'static str,
    /// Token range of the trigger.
    pub tokens: (usize, usize),
    pub target: TargetRule,
    /// A passive with its agent ("was attacked by X"): the agent is the source and the
    /// subject the target.
    pub passive: bool,
}

/// Which lexicons `find_trigger_with` uses (to measure what each adds).
#[derive(Clone, Copy, Debug)]
pub(crate) struct Lexicons {
    /// The hand-written phrase lexicon (`TRIGGERS`).
    pub phrases: bool,
    /// PETRARCH-2's verb dictionary (`data/verbs.tsv`).
    pub verbs: bool,
}

impl Lexicons {
    /// The lexicons this build uses: all, unless the build sets `DATELINE_LEXICONS`
    /// (read at compile time, for measuring what each dictionary adds; see
    /// EVALUATION.md) to a comma-separated list of "phrases", "verbs".
    pub(crate) fn configured() -> Lexicons {
        match option_env!("DATELINE_LEXICONS") {
            Some(spec) => Lexicons { phrases: spec.contains("phrases"), verbs: spec.contains("verbs") },
            None => Lexicons { phrases: true, verbs: true },
        }
    }
}

/// Agent nouns that follow a name or a demonym ("Arnor government", "Gondor officials").
const AGENTS: &[&str] = &[
    "government",
    "officials",
    "official",
    "cleric",
    "diplomat",
    "diplomats",
    "police",
    "forces",
    "troops",
    "army",
    "military",
    "leaders",
    "leader",
    "authorities",
    "ministry",
    "soldiers",
    "rebels",
    "militants",
    "president",
    "minister",
    "spokesman",
    "spokeswoman",
    "delegation",
    "embassy",
    "court",
    "parliament",
];

const BE: &[&str] = &["is", "are", "was", "were", "be", "been", "being", "'s"];
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "this", "that", "these", "those", "his", "her", "its", "their", "our", "my", "your",
    "'s", "any", "some", "no", "every", "each", "such", "new", "first", "last", "recent", "latest",
];
const MODALS: &[&str] = &[
    "to", "will", "would", "can", "could", "may", "might", "shall", "should", "must", "did", "does", "do",
    "let", "n't", "not", "never",
];
const PREPS: &[&str] = &[
    "of", "for", "in", "on", "at", "by", "with", "from", "into", "about", "over", "after", "before",
    "during", "against", "amid", "and", "or", "between",
];
const VERB_FOLLOWERS: &[&str] = &[
    "the", "a", "an", "his", "her", "its", "their", "that", "to", "with", "for", "on", "against", "about",
    "off", "up", "out", "back", "him", "them", "it", "us", "plans", ",",
];
/// Words before "to" that make the following verb an intention ("offered to host").
const INTENT: &[&str] = &[
    "offered",
    "offers",
    "offer",
    "agreed",
    "agrees",
    "ready",
    "willing",
    "prepared",
    "pledged",
    "promised",
    "vowed",
    "readiness",
    "intends",
    "intend",
    "wants",
    "want",
    "hopes",
    "hope",
    "seeks",
    "sought",
    "proposed",
    "proposes",
];
/// Other words before "to" after which a verb is the clause's act ("decided to impose").
const TO_VERBS: &[&str] = &[
    "plans",
    "plan",
    "planned",
    "planning",
    "going",
    "set",
    "about",
    "decided",
    "decides",
    "expected",
    "scheduled",
    "due",
    "continue",
    "continues",
    "continued",
    "tried",
    "tries",
    "try",
    "attempted",
    "attempts",
    "threatened",
    "threatens",
    "vowed",
    "vows",
    "aims",
    "aimed",
    "moved",
    "need",
    "needs",
    "able",
    "began",
    "begins",
    "started",
    "order",
    "ordered",
    "voted",
    "chose",
    "managed",
    "used",
    "came",
    "went",
    "travel",
    "traveled",
    "travelled",
];

/// Words before "to" that deny the following verb ("refused to meet").
const REFUSAL: &[&str] = &["refused", "refuses", "declined", "declines", "failed", "fails", "rejected"];

fn is_adverb(w: &str) -> bool {
    w.ends_with("ly")
        || matches!(w, "also" | "soon" | "still" | "then" | "again" | "later" | "now" | "already")
}

/// Whether a dictionary verb form at `i..end` is used as a verb, judged from its
/// neighbours: a past form not after a determiner, an -s form after a pronoun or
/// before an object, a base form after "to" or a modal, an -ing form after "be".
/// Returns `Some(passive)` for a verb, `None` otherwise.
fn verb_use(tokens: &[Token], i: usize, end: usize, form: verbs::Form) -> Option<bool> {
    let w = |k: isize| -> &str {
        if k < 0 || k as usize >= tokens.len() {
            ""
        } else {
            tokens[k as usize].norm.as_str()
        }
    };
    let (p1, p2, n1) = (w(i as isize - 1), w(i as isize - 2), w(end as isize));
    let after_aux = |set: &[&str]| set.contains(&p1) || (is_adverb(p1) && set.contains(&p2));
    match form {
        verbs::Form::Past => {
            if DETERMINERS.contains(&p1) {
                return None;
            }
            if after_aux(BE) {
                // A passive: only with its agent.
                let by = tokens[end..].iter().take(3).any(|t| t.norm == "by");
                return by.then_some(true);
            }
            Some(false)
        }
        verbs::Form::S => {
            let pronoun = matches!(p1, "he" | "she" | "it" | "who" | "which");
            let ok = pronoun
                || (!DETERMINERS.contains(&p1)
                    && !PREPS.contains(&p1)
                    && !p1.is_empty()
                    && VERB_FOLLOWERS.contains(&n1));
            ok.then_some(false)
        }
        verbs::Form::Base => {
            // "to" only after a word of intention, plan or attempt ("agreed to meet"),
            // not after a noun ("the will to resume talks", "efforts to end").
            let to = if p1 == "to" {
                p2
            } else if p2 == "to" && is_adverb(p1) {
                w(i as isize - 3)
            } else {
                ""
            };
            let ok = if p1 == "to" || (p2 == "to" && is_adverb(p1)) {
                INTENT.contains(&to) || TO_VERBS.contains(&to) || BE.contains(&to)
            } else {
                after_aux(MODALS) || matches!(p1, "they" | "we" | "i" | "you")
            };
            ok.then_some(false)
        }
        verbs::Form::Ing => after_aux(BE).then_some(false),
    }
}

/// Whether a word is a common word of the lexicons (an agent noun such as "officials"
/// or a verb form), so not a name even when capitalised at a sentence start.
pub(crate) fn is_common_word(tokens: &[Token], i: usize) -> bool {
    AGENTS.contains(&tokens[i].norm.as_str())
        || (Lexicons::configured().verbs && !verbs::Verbs::builtin().at(tokens, i).is_empty())
}

/// Whether the tokens from `i` start a predicate or an agent phrase after a name: an
/// auxiliary ("is", "has", "will"), a finite verb of the verb dictionary ("accused",
/// "warns") or an agent noun ("government", "officials").
pub(crate) fn starts_predicate(tokens: &[Token], i: usize) -> bool {
    const AUX: &[&str] = &[
        "is", "was", "are", "were", "has", "had", "have", "will", "would", "could", "can", "should", "may",
        "might", "must", "did", "does",
    ];

    let Some(t) = tokens.get(i) else { return false };
    let w = t.norm.as_str();
    if AUX.contains(&w) || AGENTS.contains(&w) {
        return true;
    }
    if !Lexicons::configured().verbs {
        return false;
    }
    verbs::Verbs::builtin()
        .at(tokens, i)
        .iter()
        .any(|f| matches!(f.form, verbs::Form::Past | verbs::Form::S) && !DETERMINERS.contains(&w))
}

/// The best trigger of a sentence, if any, with the lexicons of this build (all by
/// default).
pub(crate) fn find_trigger(tokens: &[Token]) -> Option<Found> {
    find_trigger_with(tokens, Lexicons::configured())
}

/// The best trigger of a sentence: the hand-written phrases first (they cover nouns
/// and fixed phrases: "phone call", "held talks", "offered to host"), then the verbs
/// of PETRARCH-2's dictionary used as verbs, each coded by the dictionary's patterns.
/// The most specific code wins (see `priority`); on a tie, the earlier trigger.
pub(crate) fn find_trigger_with(tokens: &[Token], lex: Lexicons) -> Option<Found> {
    let mut cands: Vec<Found> = Vec::new();
    let mut covered = vec![false; tokens.len()];
    if lex.phrases {
        for i in 0..tokens.len() {
            for trig in TRIGGERS {
                let w = trig.words;
                if i + w.len() > tokens.len() {
                    continue;
                }
                if w.iter().zip(&tokens[i..]).all(|(a, t)| *a == t.norm) {
                    // A passive without its agent ("what was discussed") reports no act.
                    let after_be = w.len() == 1 && i > 0 && BE.contains(&tokens[i - 1].norm.as_str());
                    let by = tokens.get(i + 1).is_some_and(|t| t.norm == "by");
                    if after_be && !by {
                        continue;
                    }
                    covered[i..i + w.len()].iter_mut().for_each(|c| *c = true);
                    cands.push(Found {
                        code: trig.code,
                        tokens: (i, i + w.len()),
                        target: trig.target,
                        passive: after_be && by,
                    });
                }
            }
        }
    }
    let mut from_dict: Vec<usize> = Vec::new();
    if lex.verbs {
        let dict = verbs::Verbs::builtin();
        let mut i = 0;
        while i < tokens.len() {
            if covered[i] {
                i += 1;
                continue;
            }
            let mut next = i + 1;
            for form in dict.at(tokens, i) {
                let end = i + form.words.len();
                let Some(passive) = verb_use(tokens, i, end, form.form) else { continue };
                let code = dict.code_at(tokens, i, form);
                next = end;
                let Some(code) = code else { break };
                let with = tokens.get(end).is_some_and(|t| t.norm == "with")
                    || form.words.last().is_some_and(|w| w == "with");
                let target = if with {
                    TargetRule::With
                } else if code.starts_with("01") {
                    TargetRule::None
                } else {
                    TargetRule::Object
                };
                cands.push(Found { code, tokens: (i, end), target, passive });
                from_dict.push(cands.len() - 1);
                break;
            }
            i = next;
        }
    }
    // The curated phrases outrank the dictionary: its verb is taken only when it is
    // more specific than every phrase of the sentence ("accused" over "said"), and a
    // phrase of the same rank wins ("held talks" over a pattern's 046).
    let rank = |k: usize, c: &Found| 2 * u16::from(priority(c.code)) + u16::from(!from_dict.contains(&k));
    let mut best: Option<(u16, Found)> = None;
    for (k, mut c) in cands.into_iter().enumerate() {
        // "refused to meet": no meeting (the refusal is the trigger).
        let s = c.tokens.0;
        if s >= 2 && tokens[s - 1].norm == "to" {
            let before = tokens[s - 2].norm.as_str();
            if REFUSAL.contains(&before) {
                continue;
            }
            // "offered to host", "agreed to meet": an intention to meet or mediate.
            if INTENT.contains(&before) {
                if c.code.starts_with("04") && c.code != "045" {
                    c.code = "036";
                } else if c.code == "045" {
                    c.code = "039";
                }
            }
        }
        let r = rank(k, &c);
        if best.as_ref().is_none_or(|(b, _)| r > *b) {
            best = Some((r, c));
        }
    }
    best.map(|(_, c)| c)
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
    before.iter().any(|w| {
        matches!(*w, "will" | "shall" | "would" | "plans" | "planned" | "expected" | "scheduled" | "'ll")
    }) || before.windows(2).any(|w| matches!(w, ["set", "to"] | ["is", "to"] | ["are", "to"] | ["to", "be"]))
}

/// Verbs and phrases that report speech or belief, opening an embedded clause.
const REPORTING: &[&str] = &[
    "said",
    "says",
    "say",
    "told",
    "tells",
    "tell",
    "stated",
    "added",
    "noted",
    "stressed",
    "emphasized",
    "emphasised",
    "announced",
    "declared",
    "insisted",
    "claimed",
    "argued",
    "confirmed",
    "reported",
    "believes",
    "believed",
    "thinks",
    "expects",
    "expected",
    "wrote",
    "explained",
    "according",
    "informed",
    "indicated",
    "revealed",
    "acknowledged",
    "suggested",
    "recalled",
    "reiterated",
    "underlined",
    "underscored",
];

/// Source and target mentions for a trigger: the subject is the first mention before
/// the trigger outside a prepositional phrase (a joint subject "X and Y" gives Y as
/// target); the target follows the target rule.
pub(crate) fn participants(
    tokens: &[Token],
    mentions: &[Mention],
    places: &[Place],
    trigger: &Found,
) -> (Option<usize>, Option<usize>) {
    let mut before: Vec<usize> = (0..mentions.len())
        .filter(|&m| mentions[m].tokens.1 <= trigger.tokens.0)
        .filter(|&m| !in_prepositional_phrase(tokens, mentions[m].tokens.0))
        .collect();
    // Reported speech: "X said (that) Y would meet Z", "X told Y that Z agreed ...": the
    // subject is the embedded clause's, after the last reporting verb before the trigger
    // (not the object of "told").
    if let Some(k) = (0..trigger.tokens.0).rev().find(|&k| REPORTING.contains(&tokens[k].norm.as_str())) {
        let told = matches!(tokens[k].norm.as_str(), "told" | "tells" | "tell" | "informed");
        let embedded: Vec<usize> = before
            .iter()
            .copied()
            .filter(|&m| mentions[m].tokens.0 > k && !(told && mentions[m].tokens.0 == k + 1))
            .collect();
        if !embedded.is_empty() {
            before = embedded;
        }
    }
    if trigger.passive {
        // "Y was attacked by X": X is the source, Y the target.
        let agent = (0..mentions.len()).find(|&m| {
            let s = mentions[m].tokens.0;
            s >= trigger.tokens.1 && s > 0 && tokens[s - 1].norm == "by" && s <= trigger.tokens.1 + 3
        });
        return match agent {
            Some(a) => (Some(a), before.first().copied().filter(|&b| mentions[b].actor != mentions[a].actor)),
            None => (None, None),
        };
    }
    let source = before.first().copied();
    let mut target = None;
    // Joint subject: "X and Y discussed".
    let symmetric =
        matches!(&trigger.code[..2], "03" | "04" | "05" | "06") || trigger.target != TargetRule::Object;
    if before.len() >= 2 && symmetric {
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

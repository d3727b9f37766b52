//! Events in a sentence: a trigger (the verb or noun phrase of a contact, statement,
//! meeting, offer, call, warning, ...) with a CAMEO code, its source and target actors
//! from the clause's structure, its place and its governing time expression.

pub(crate) mod foreign;
mod roles;
mod verbs;

pub(crate) use roles::{commentator, roles, Roles};
pub(crate) use verbs::Coding;

use super::actors::{ActorTable, Mention};
use super::model::ActorKind;
use super::syntax::Parsed;
use super::text::{Token, TokenKind};
use super::Lexicons;

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
    /// Found by the verb dictionary (not the hand-written phrases).
    pub dict: bool,
    /// For a dictionary verb, what gave its code (a pattern, the verb's own code or its
    /// block's); a hand-written phrase counts as a pattern.
    pub coding: verbs::Coding,
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

/// Words before "to" that deny the following verb ("refused to meet").
const REFUSAL: &[&str] = &["refused", "refuses", "declined", "declines", "failed", "fails", "rejected"];

fn is_adverb(w: &str) -> bool {
    w.ends_with("ly")
        || matches!(w, "also" | "soon" | "still" | "then" | "again" | "later" | "now" | "already")
}

/// Whether the words at tokens `i..end` are used as a verb, by their tag and place in
/// the parse: a finite verb or an infinitive; a participle only with "have" ("has
/// accused"), as a passive ("was attacked by") or with a subject of its own (a past
/// tense the tagger took for one); an -ing form after "be" or opening a
/// clause of its own ("..., accusing him of"). Not a noun ("the visits"), nor an
/// adjective or a modifier ("the accused man", "forces backed by Iran").
/// Returns `Some(passive)` for a verb, `None` otherwise.
fn verb_use(p: &Parsed, i: usize, end: usize) -> Option<bool> {
    let w = p.head_of((i, end))?;
    let tag = p.parse.tag(w);
    let passive = p.kids(w, "aux:pass").next().is_some() || p.kids(w, "nsubj:pass").next().is_some();
    match tag {
        "VERB|VBD" | "VERB|VBZ" | "VERB|VBP" | "VERB|VB" => Some(passive),
        "VERB|VBN" => {
            let perfect = p.kids(w, "aux").any(|a| matches!(p.norm(a), "has" | "have" | "had" | "having"));
            let coordinated = p.base(w) == "conj";
            // A past tense the tagger took for a participle: the parse gives it a subject.
            let predicate = p.kids(w, "nsubj").any(|s| p.rel(s) == "nsubj");
            (passive || perfect || coordinated || predicate).then_some(passive)
        }
        "VERB|VBG" => {
            let progressive = p.kids(w, "aux").any(|a| BE.contains(&p.norm(a)));
            (progressive || matches!(p.base(w), "advcl" | "xcomp" | "conj")).then_some(false)
        }
        _ => None,
    }
}

/// Whether a word is a common word of the lexicons (an agent noun such as "officials"
/// or a verb form), so not a name even when capitalised at a sentence start.
pub(crate) fn is_common_word(tokens: &[Token], i: usize, verbs: bool) -> bool {
    AGENTS.contains(&tokens[i].norm.as_str())
        || ((i == 0 || tokens[i - 1].kind == TokenKind::Punct) && is_adverb(&tokens[i].norm))
        || (verbs && !verbs::Verbs::builtin().at(tokens, i).is_empty())
}

/// Whether the tokens from `i` start a predicate or an agent phrase after a name: an
/// auxiliary ("is", "has", "will"), a finite verb of the verb dictionary ("accused",
/// "warns") or an agent noun ("government", "officials").
pub(crate) fn starts_predicate(tokens: &[Token], i: usize, verbs: bool) -> bool {
    const AUX: &[&str] = &[
        "is", "was", "are", "were", "has", "had", "have", "will", "would", "could", "can", "should", "may",
        "might", "must", "did", "does",
    ];

    let Some(t) = tokens.get(i) else { return false };
    let w = t.norm.as_str();
    if AUX.contains(&w) || AGENTS.contains(&w) {
        return true;
    }
    if !verbs {
        return false;
    }
    verbs::Verbs::builtin()
        .at(tokens, i)
        .iter()
        .any(|f| matches!(f.form, verbs::Form::Past | verbs::Form::S) && !DETERMINERS.contains(&w))
}

/// Words that give a force verb ("attacked", "fought", "seized") a physical object or a
/// military setting: without one of them in the clause, the verb is used figuratively
/// ("attacked each other's policies", "battling extradition").
const FORCE_CONTEXT: &[&str] = &[
    "troops",
    "soldiers",
    "soldier",
    "forces",
    "army",
    "armed",
    "military",
    "militants",
    "militant",
    "rebels",
    "insurgents",
    "gunmen",
    "fighters",
    "militia",
    "militias",
    "police",
    "missile",
    "missiles",
    "rocket",
    "rockets",
    "bomb",
    "bombs",
    "airstrike",
    "airstrikes",
    "strikes",
    "shelling",
    "shells",
    "artillery",
    "tank",
    "tanks",
    "drone",
    "drones",
    "gun",
    "guns",
    "gunfire",
    "weapons",
    "weapon",
    "fire",
    "killed",
    "killing",
    "kill",
    "wounded",
    "injured",
    "dead",
    "casualties",
    "clashes",
    "explosives",
    "grenade",
    "grenades",
    "warplanes",
    "jets",
    "aircraft",
    "base",
    "bases",
    "positions",
    "convoy",
    "border",
    "territory",
    "village",
    "villages",
    "town",
    "city",
    "ships",
    "vessel",
    "vessels",
    "navy",
    "ship",
    "tear",
    "batons",
    "protesters",
    "demonstrators",
    "checkpoint",
    "violence",
    "violent",
    "offensive",
    "invasion",
    "occupation",
    "raid",
    "raids",
    "property",
    "homes",
];

/// Nouns that, after "called X a", name X pejoratively ("a sham", "a hoax").
const PEJORATIVE: &[&str] = &[
    "sham",
    "hoax",
    "farce",
    "disgrace",
    "travesty",
    "joke",
    "lie",
    "lies",
    "liar",
    "fraud",
    "disaster",
    "failure",
    "mistake",
    "witch",
    "threat",
    "terrorist",
    "terrorists",
    "criminal",
    "criminals",
    "dictator",
    "coup",
    "scandal",
    "outrage",
    "insult",
    "provocation",
    "betrayal",
];

/// Force verbs that, used figuratively, are criticism ("attacked the policy").
const VERBAL_FORCE: &[&str] = &[
    "attack",
    "attacks",
    "attacked",
    "attacking",
    "assail",
    "assailed",
    "lash",
    "lashed",
    "slam",
    "slammed",
];

/// Words after "called X" that make X the object of a naming ("called the process a
/// sham", "called him a liar"), not of a phone call.
fn calls_a_person(tokens: &[Token], mentions: &[Mention], table: &ActorTable, end: usize) -> bool {
    let Some(m) = starting_at(mentions, end) else { return false };
    if table.actors[m.actor].actor.kind != ActorKind::Person {
        return false;
    }
    match tokens.get(m.tokens.1).map(|t| t.norm.as_str()) {
        None => true,
        Some(w) => matches!(
            w,
            "." | ","
                | ";"
                | "on"
                | "to"
                | "and"
                | "in"
                | "late"
                | "early"
                | "last"
                | "yesterday"
                | "today"
                | "after"
                | "before"
                | "from"
                | "twice"
                | "again"
                | "during"
                | "this"
                | "overnight"
        ),
    }
}

/// Whether a trigger stands in a conditional or open question ("if", "whether",
/// "unless") or under a modal of possibility ("could meet", "might impose").
pub(crate) fn hypothetical(tokens: &[Token], trigger: (usize, usize)) -> bool {
    let from = trigger.0.saturating_sub(3);
    if tokens[from..trigger.0].iter().any(|t| matches!(t.norm.as_str(), "could" | "might" | "may")) {
        return true;
    }
    // The clause opened by a conditional, up to the trigger.
    let mut k = trigger.0;
    while k > 0 {
        k -= 1;
        match tokens[k].norm.as_str() {
            "if" | "whether" | "unless" | "lest" => return true,
            ";" | "\"" | ":" => return false,
            "," => {
                // "If X, Y would ...": the conditional clause precedes.
                let cond = tokens[..k].iter().any(|t| matches!(t.norm.as_str(), "if" | "unless"));
                let would = tokens[k..trigger.0].iter().any(|t| matches!(t.norm.as_str(), "would"));
                return cond && would;
            }
            _ => {}
        }
    }
    false
}

/// The phrases of [`TRIGGERS`] by their first word (in table order), built once: a
/// sentence looks up each of its words instead of trying every phrase at every word.
fn triggers_by_first_word() -> &'static rustc_hash::FxHashMap<&'static str, Vec<usize>> {
    static INDEX: std::sync::OnceLock<rustc_hash::FxHashMap<&'static str, Vec<usize>>> =
        std::sync::OnceLock::new();
    INDEX.get_or_init(|| {
        let mut index: rustc_hash::FxHashMap<&'static str, Vec<usize>> = rustc_hash::FxHashMap::default();
        for (k, t) in TRIGGERS.iter().enumerate() {
            if let Some(first) = t.words.first() {
                index.entry(first).or_default().push(k);
            }
        }
        index
    })
}

/// Every trigger candidate of a sentence with its rank: the hand-written phrases (nouns
/// and fixed phrases: "phone call", "held talks", "offered to host"), then the verbs of
/// PETRARCH-2's dictionary used as verbs, each coded by the dictionary's patterns.
fn candidates(tokens: &[Token], lex: Lexicons, p: &Parsed) -> Vec<(u16, Found)> {
    let mut cands: Vec<Found> = Vec::new();
    let mut covered = vec![false; tokens.len()];
    if lex.phrases {
        let by_first = triggers_by_first_word();
        for i in 0..tokens.len() {
            let Some(list) = by_first.get(tokens[i].norm.as_str()) else { continue };
            for trig in list.iter().map(|&k| &TRIGGERS[k]) {
                let w = trig.words;
                if i + w.len() > tokens.len() {
                    continue;
                }
                if w.iter().zip(&tokens[i..]).all(|(a, t)| *a == t.norm) {
                    // A one-word phrase is a verb ("met", "visited"): used as one.
                    if w.len() == 1 && verb_use(p, i, i + 1).is_none() {
                        continue;
                    }
                    covered[i..i + w.len()].iter_mut().for_each(|c| *c = true);
                    cands.push(Found {
                        code: trig.code,
                        tokens: (i, i + w.len()),
                        target: trig.target,
                        dict: false,
                        coding: verbs::Coding::Pattern,
                    });
                }
            }
        }
    }
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
                if verb_use(p, i, end).is_none() {
                    continue;
                }
                // The verb's patterns are matched against its complements, in order.
                let (code, coding) = match p.head_of((i, end)) {
                    Some(v) => {
                        let mut seq: Vec<Token> = tokens[i..end].to_vec();
                        seq.extend(
                            p.complement_tokens(v)
                                .into_iter()
                                .filter(|&t| t >= end)
                                .map(|t| tokens[t].clone()),
                        );
                        dict.coded_at(&seq, 0, form)
                    }
                    None => dict.coded_at(tokens, i, form),
                };
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
                cands.push(Found { code, tokens: (i, end), target, dict: true, coding });
                break;
            }
            i = next;
        }
    }
    // The curated phrases outrank the dictionary: its verb is taken only when it is
    // more specific than every phrase of the sentence ("accused" over "said"), and a
    // phrase of the same rank wins ("held talks" over a pattern's 046).
    let mut out = Vec::with_capacity(cands.len());
    for mut c in cands {
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
        let r = 2 * u16::from(priority(c.code)) + u16::from(!c.dict);
        out.push((r, c));
    }
    out
}

/// Checks a candidate against the sentence's actors and words: force codes need a
/// physical or military setting (else a verbal attack is criticism, other uses no
/// event); "called X" is a phone call only with a person as X and no complement
/// ("called the vote a sham"); a dictionary verb must follow its subject; a
/// pluperfect ("had agreed") is background.
fn vet(tokens: &[Token], mentions: &[Mention], table: &ActorTable, mut c: Found) -> Option<Found> {
    let root = &c.code[..2.min(c.code.len())];
    let first = tokens[c.tokens.0].norm.as_str();
    let force = matches!(root, "15" | "18" | "19" | "20")
        || (root == "17" && !matches!(c.code, "173" | "174" | "175"));
    if force {
        let clause = clause_of(tokens, c.tokens);
        let physical = tokens[clause.0..clause.1].iter().any(|t| FORCE_CONTEXT.contains(&t.norm.as_str()));
        // "bombed", "shelled", "invaded" are physical by themselves.
        let literal = !c.dict && matches!(c.code, "192" | "194" | "195");
        if !physical && !literal {
            if VERBAL_FORCE.contains(&first) {
                c.code = "111";
            } else {
                return None;
            }
        }
    }
    if c.dict
        && c.code == "041"
        && first.starts_with("call")
        && !calls_a_person(tokens, mentions, table, c.tokens.1)
    {
        // "called the process a sham": naming with a pejorative is criticism.
        let clause = clause_of(tokens, c.tokens);
        let named = tokens[c.tokens.1..clause.1].windows(2).any(|w| {
            matches!(w[0].norm.as_str(), "a" | "an" | "the") && PEJORATIVE.contains(&w[1].norm.as_str())
                || PEJORATIVE.contains(&w[0].norm.as_str()) && matches!(w[1].norm.as_str(), "." | ",")
        });
        if !named {
            return None;
        }
        c.code = "111";
        c.target = TargetRule::Object;
    }
    // A contact named by a noun ("phone call", "meeting with") is an event where a
    // verb makes it one ("held a phone call", "in a phone call", "following a meeting
    // with"), not where it is referred back to ("the phone call was unusual") or is a
    // topic ("briefed on last weekend's phone call").
    if !c.dict && matches!(first, "phone" | "telephone" | "meeting") {
        let before: Vec<&str> =
            tokens[c.tokens.0.saturating_sub(4)..c.tokens.0].iter().map(|t| t.norm.as_str()).collect();
        let made = before.iter().any(|w| {
            matches!(
                *w,
                "in" | "during"
                    | "held"
                    | "had"
                    | "made"
                    | "hold"
                    | "holds"
                    | "has"
                    | "have"
                    | "make"
                    | "makes"
                    | "conducted"
                    | "following"
                    | "after"
                    | "joined"
                    | "attended"
                    | "exchanged"
            )
        });
        let topic = before.iter().any(|w| matches!(*w, "on" | "about" | "of" | "regarding" | "over"));
        let definite = matches!(before.last(), Some(&("the" | "that" | "this")));
        if !made && (topic || definite) {
            return None;
        }
    }
    // Background: a pluperfect ("had agreed", "had been facing").
    let before: Vec<&str> =
        tokens[c.tokens.0.saturating_sub(3)..c.tokens.0].iter().map(|t| t.norm.as_str()).collect();
    if matches!(
        before.as_slice(),
        [.., "had"] | [.., "had", "been"] | [.., "had", _, "been"] | [.., "had", "been", _]
    ) && c.tokens.1 - c.tokens.0 == 1
    {
        return None;
    }
    // A dictionary verb coded only by its block's default ("faces", "serves") needs an
    // actor after it in its clause to be an act.
    if c.dict && c.coding == verbs::Coding::Block && !c.code.starts_with("01") {
        let clause = clause_of(tokens, c.tokens);
        let next = mentions.partition_point(|m| m.tokens.0 < c.tokens.1);
        if mentions.get(next).is_none_or(|m| m.tokens.0 >= clause.1) {
            return None;
        }
    }
    Some(c)
}

/// The clause around a trigger: from the last clause mark before it to the next after.
fn clause_of(tokens: &[Token], trigger: (usize, usize)) -> (usize, usize) {
    let mark = |t: &Token| matches!(t.norm.as_str(), ";" | ":" | "\"" | "but" | "while" | "whereas");
    // Within 40 tokens each way: a clause is never longer, and long runs stay linear.
    let lo = trigger.0.saturating_sub(40);
    let hi = (trigger.1 + 40).min(tokens.len());
    let start = (lo..trigger.0).rev().find(|&k| mark(&tokens[k])).map(|k| k + 1).unwrap_or(lo);
    let end = (trigger.1..hi).find(|&k| mark(&tokens[k])).unwrap_or(hi);
    (start, end)
}

/// The triggers of a sentence, best first: candidates that pass `vet`, ranked by how
/// specific their code is (see `priority`; a hand-written phrase wins a tie, then the
/// earlier trigger), none overlapping a better one. The caller keeps one event per
/// subject.
pub(crate) fn find_triggers(
    tokens: &[Token],
    mentions: &[Mention],
    table: &ActorTable,
    p: &Parsed,
) -> Vec<Found> {
    let mut cands: Vec<(u16, Found)> = candidates(tokens, table.lex, p)
        .into_iter()
        .filter_map(|(r, c)| vet(tokens, mentions, table, c).map(|c| (r, c)))
        .map(|(r, c)| (r.max(2 * u16::from(priority(c.code)) + u16::from(!c.dict)), c))
        .collect();
    cands.sort_by_key(|(r, c)| (std::cmp::Reverse(*r), c.tokens.0));
    let mut out: Vec<Found> = Vec::new();
    let mut taken = vec![false; tokens.len()];
    for (_, c) in cands {
        if taken[c.tokens.0..c.tokens.1].iter().all(|t| !t) {
            taken[c.tokens.0..c.tokens.1].iter_mut().for_each(|t| *t = true);
            out.push(c);
        }
    }
    out
}

/// The mention starting at token `s` (mentions are in text order).
fn starting_at(mentions: &[Mention], s: usize) -> Option<&Mention> {
    let i = mentions.partition_point(|m| m.tokens.0 < s);
    mentions.get(i).filter(|m| m.tokens.0 == s)
}

/// Whether a sentence could hold an event, judged before parsing it: a hand-written
/// phrase, or a verb of the dictionary that a code could come from (its own, its
/// block's, or a pattern whose first word follows it in the sentence), with an actor
/// before it that could be its subject (or, for a statement, after it: "..., said
/// Erdoğan"). Only those sentences are parsed.
pub(crate) fn any_candidate(tokens: &[Token], mentions: &[Mention], lex: Lexicons) -> bool {
    let Some(first) = mentions.first().map(|m| m.tokens.0) else { return false };
    let by_first = triggers_by_first_word();
    let dict = verbs::Verbs::builtin();
    (0..tokens.len()).any(|i| {
        let phrase = lex.phrases
            && by_first.get(tokens[i].norm.as_str()).is_some_and(|list| {
                list.iter().any(|&k| {
                    let w = TRIGGERS[k].words;
                    i + w.len() <= tokens.len() && w.iter().zip(&tokens[i..]).all(|(a, t)| *a == t.norm)
                })
            });
        let code = || dict.at(tokens, i).iter().filter_map(|f| dict.coded_at(tokens, i, f).0).next();
        let coded = if phrase {
            Some("")
        } else if lex.verbs {
            code()
        } else {
            None
        };
        coded.is_some_and(|c| first < i || c.starts_with("01"))
    })
}

/// The best trigger of a sentence ignoring its actors (for unit tests of the lexicons).
#[cfg(test)]
pub(crate) fn find_trigger_with(text: &str, tokens: &[Token], lex: Lexicons) -> Option<Found> {
    let p = super::syntax::Syntax::builtin().parse_tokens(text, tokens, &[]);
    let mut best: Option<(u16, Found)> = None;
    for (r, c) in candidates(tokens, lex, &p) {
        if best.as_ref().is_none_or(|(b, _)| r > *b) {
            best = Some((r, c));
        }
    }
    best.map(|(_, c)| c)
}

#[cfg(test)]
pub(crate) fn find_trigger(text: &str, tokens: &[Token]) -> Option<Found> {
    find_trigger_with(text, tokens, Lexicons::default())
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
    let stop = start.saturating_sub(40);
    while k > stop {
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

/// Verbs whose complement is a plan ("plans to visit", "is expected to meet").
const PLANNING: &[&str] = &[
    "plan",
    "plans",
    "planned",
    "planning",
    "expect",
    "expects",
    "expected",
    "schedule",
    "scheduled",
    "set",
    "due",
    "intend",
    "intends",
    "intended",
    "aim",
    "aims",
    "aimed",
    "going",
    "hope",
    "hopes",
    "hoped",
    "want",
    "wants",
    "wanted",
    "seek",
    "seeks",
    "sought",
    "prepare",
    "prepares",
    "preparing",
];

/// `v` and the verbs it complements ("agreed" for "meet" in "agreed to meet"): a
/// negation, a modal or a plan on any of them bears on `v`.
fn governors(p: &Parsed, v: usize) -> Vec<usize> {
    let mut out = vec![v];
    let mut k = v;
    while p.base(k) == "xcomp" && out.len() < 6 {
        match p.head(k) {
            Some(h) => {
                out.push(h);
                k = h;
            }
            None => break,
        }
    }
    out
}

/// Whether the parse denies the act of verb `v` or leaves it open: "did not meet",
/// "refused to meet" (the refusal is coded instead), "could meet", "if they meet",
/// "whether he met".
pub(crate) fn denied(p: &Parsed, v: usize) -> bool {
    let chain = governors(p, v);
    if chain.iter().any(|&k| p.negated(k) || p.possible(k)) {
        return true;
    }
    let clause = *chain.last().unwrap_or(&v);
    let open =
        |k: usize| p.kids(k, "mark").any(|m| matches!(p.norm(m), "if" | "whether" | "unless" | "lest"));
    open(clause) || (p.base(clause) == "conj" && p.head(clause).is_some_and(open))
}

/// Whether the parse puts the act of verb `v` in the future: "will meet", "would
/// visit", "plans to host", "is expected to sign".
pub(crate) fn future(p: &Parsed, v: usize) -> bool {
    let chain = governors(p, v);
    chain.iter().any(|&k| p.future(k)) || chain[1..].iter().any(|&k| PLANNING.contains(&p.norm(k)))
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
        find_trigger(text, &toks).map(|f| f.code)
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

    /// The events of one short article (no publication date).
    fn analyse(text: &str) -> Vec<crate::analysis::EventOut> {
        use super::super::{Analyzer, Document};
        Analyzer::builder(jiff::civil::date(2026, 11, 22))
            .build()
            .analyze(&[Document::from_text("a.txt", text)])
            .events
    }

    #[test]
    fn a_verb_outside_quotes_takes_its_subject_outside_them() {
        for text in [
            "Talks\n\n“Russia has lost this war,” Foreign Minister Ilse Vantrow said on Monday.\n",
            // The quotation opened in the sentence before: seen from its closing mark.
            "Talks\n\n“Russia must leave. Ukraine will win,” Foreign Minister Ilse Vantrow said.\n",
        ] {
            let events = analyse(text);
            let statement = events.iter().find(|e| e.cameo.starts_with("01")).expect("a statement");
            assert_eq!(statement.source.as_ref().unwrap().name, "Ilse Vantrow", "{statement:#?}");
        }
    }

    #[test]
    fn relative_clauses_and_each_other() {
        let text = "Talks\n\nIlse Vantrow criticised Russia, which accuses her of spying.\n\n\
                    President Ilse Vantrow and King Theodric Morwen criticised each other's plans.\n\n\
                    President Ilse Vantrow and King Theodric Morwen, who met in Oslo on Monday, are old rivals.\n";
        let pairs: Vec<(String, String, Option<String>)> = analyse(text)
            .iter()
            .map(|e| {
                (
                    e.cameo.clone(),
                    e.source.as_ref().unwrap().name.clone(),
                    e.target.as_ref().map(|t| t.name.clone()),
                )
            })
            .collect();
        // "Russia, which accuses her": Russia accuses her (the sentence's subject).
        assert!(pairs.contains(&("112".into(), "Russia".into(), Some("Ilse Vantrow".into()))), "{pairs:?}");
        // "X and Y, who met …": X met Y.
        assert!(
            pairs.contains(&("040".into(), "Ilse Vantrow".into(), Some("Theodric Morwen".into()))),
            "{pairs:?}"
        );
        // "X and Y criticised each other": X criticised Y.
        assert!(
            pairs.contains(&("111".into(), "Ilse Vantrow".into(), Some("Theodric Morwen".into()))),
            "{pairs:?}"
        );
    }

    #[test]
    fn negation_and_plans() {
        let text = "Putin did not meet Zelensky. They will meet on Monday.";
        let toks = tokenize(text, Span::new(0, text.len()));
        assert!(negated(&toks, (3, 4)));
        assert!(planned(&toks, (9, 10)));
    }
}

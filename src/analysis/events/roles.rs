//! Who did it and to whom, read from the parse: a verb's subject (through relative
//! clauses, coordination and control: "Trump, who spoke ...", "X met Y and discussed",
//! "agreed to meet"), the agent of a passive, its objects and the oblique its pattern
//! names ("with", "to", "against"); a nominal trigger's possessor, the subject of the
//! verb it is the object of ("held talks"), and its "with"/"between" phrase.

use super::super::actors::Mention;
use super::super::syntax::Parsed;
use super::super::text::Token;
use super::{in_prepositional_phrase, Found, TargetRule};

/// The participants of one trigger, as indexes into the sentence's mentions.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Roles {
    pub sources: Vec<usize>,
    pub targets: Vec<usize>,
    /// The word the event hangs on (the verb, or the verb governing a nominal trigger).
    pub verb: Option<usize>,
}

/// Relative pronouns: a relative clause's subject stands for the noun it modifies.
const RELATIVE: &[&str] = &["who", "which", "that", "whom"];
/// Prepositions that introduce a target, by the trigger's rule.
const TARGET_CASES: &[&str] = &["to", "against", "on", "with", "at", "toward", "towards", "into", "upon"];

/// The mention covering word `w`.
fn mention_at(p: &Parsed, mentions: &[Mention], w: usize) -> Option<usize> {
    let t = p.words[w].token;
    let i = mentions.partition_point(|m| m.tokens.1 <= t);
    (i < mentions.len() && mentions[i].tokens.0 <= t).then_some(i)
}

/// The actor a phrase headed by `w` stands for: the mention covering its head, else
/// the nearest mention within it (breadth first: "the Turkish foreign ministry" is
/// Turkey's, "the ambassador of China" China's), not looking into clauses of its own;
/// for a target, into the agent of a participle ("the move announced by Pompeo").
fn actor_of(p: &Parsed, mentions: &[Mention], w: usize, target: bool) -> Option<usize> {
    if let Some(m) = mention_at(p, mentions, w) {
        return Some(m);
    }
    let mut queue = std::collections::VecDeque::from([w]);
    let mut seen = 0;
    while let Some(k) = queue.pop_front() {
        seen += 1;
        if seen > 40 {
            break;
        }
        for &c in p.parse.kids(k) {
            let participle = target && p.rel(c) == "acl" && p.kids(c, "obl").any(|a| p.rel(a) == "obl:agent");
            if !participle
                && matches!(p.base(c), "acl" | "advcl" | "ccomp" | "parataxis" | "conj" | "punct" | "cc")
            {
                continue;
            }
            if let Some(m) = mention_at(p, mentions, c) {
                return Some(m);
            }
            queue.push_back(c);
        }
    }
    None
}

/// The subject words of verb `v` (coordinated subjects all), looked for through
/// relative clauses, coordinated verbs, control ("agreed to meet", "urged X to
/// withdraw") and participial clauses.
pub(crate) fn subjects(p: &Parsed, v: usize) -> Vec<usize> {
    let mut v = v;
    for _ in 0..6 {
        if let Some(s) = p.kids(v, "nsubj").find(|&s| p.rel(s) != "nsubj:pass") {
            if RELATIVE.contains(&p.norm(s)) {
                // "the United States, which accuses him": the noun the clause modifies,
                // or where the parse attached the clause elsewhere, the noun before it.
                if p.rel(v).starts_with("acl") {
                    return p.head(v).map(|h| p.conjuncts(h)).unwrap_or_default();
                }
                let before = (0..s).rev().find(|&k| !matches!(p.upos(k), "PUNCT"));
                return before.filter(|&k| matches!(p.upos(k), "PROPN" | "NOUN")).into_iter().collect();
            }
            return p.conjuncts(s);
        }
        let Some(h) = p.head(v) else { return Vec::new() };
        match p.base(v) {
            "conj" => v = h,
            "xcomp" => {
                // Object control: "urged Russia to withdraw" is Russia's withdrawal.
                if let Some(o) = p.kids(h, "obj").chain(p.kids(h, "iobj")).next() {
                    return p.conjuncts(o);
                }
                v = h;
            }
            "acl" => return p.conjuncts(h),
            "advcl" if p.parse.tag(v).ends_with("VBG") => v = h,
            _ => return Vec::new(),
        }
    }
    Vec::new()
}

/// Whether `v` is passive (a passive subject or auxiliary).
fn passive(p: &Parsed, v: usize) -> bool {
    p.kids(v, "nsubj:pass").next().is_some() || p.kids(v, "aux:pass").next().is_some()
}

/// The agent of a passive ("by X"; not "by blocking the delivery").
fn agent(p: &Parsed, v: usize) -> Option<usize> {
    p.kids(v, "obl").find(|&k| {
        (p.rel(k) == "obl:agent" || p.case(k) == Some("by")) && matches!(p.upos(k), "NOUN" | "PROPN" | "PRON")
    })
}

/// The targets of verb `v` by the trigger's rule, in order of preference: for a
/// "with" verb, its "with" phrase, then its objects; else its objects, then the
/// oblique of a target's preposition ("appealed to X", "sanctions on X").
fn verb_targets(p: &Parsed, v: usize, rule: TargetRule) -> Vec<usize> {
    let objects: Vec<usize> = p.kids(v, "iobj").chain(p.kids(v, "obj")).collect();
    let oblique = |cases: &[&str]| -> Vec<usize> {
        p.kids(v, "obl").filter(|&k| p.case(k).is_some_and(|c| cases.contains(&c))).collect()
    };
    let out: Vec<usize> = match rule {
        TargetRule::With => oblique(&["with"]).into_iter().chain(objects).collect(),
        TargetRule::Object => objects.into_iter().chain(oblique(TARGET_CASES)).collect(),
        TargetRule::None => Vec::new(),
    };
    out.into_iter().flat_map(|w| p.conjuncts(w)).collect()
}

/// Roles of a trigger whose head word is `n`, a noun ("phone call", "talks", "visit").
fn nominal(p: &Parsed, n: usize) -> (Vec<usize>, Vec<usize>, Option<usize>) {
    // "a phone call between X and Y".
    if let Some(b) = p.kids(n, "nmod").find(|&k| p.case(k) == Some("between")) {
        let both = p.conjuncts(b);
        return (both[..1].to_vec(), both[1..].to_vec(), p.head(n));
    }
    let with: Vec<usize> = p
        .kids(n, "nmod")
        .filter(|&k| p.case(k).is_some_and(|c| matches!(c, "with" | "to")))
        .flat_map(|k| p.conjuncts(k))
        .collect();
    // "Erdoğan's visit to Kyiv".
    if let Some(owner) = p.kids(n, "nmod:poss").next() {
        return (vec![owner], with, None);
    }
    let Some(v) = p.head(n).filter(|&v| p.upos(v) == "VERB") else { return (Vec::new(), with, None) };
    let sources = if passive(p, v) { agent(p, v).into_iter().collect() } else { subjects(p, v) };
    let mut targets = with;
    if targets.is_empty() {
        // "told his counterpart in a phone call", "held talks with X" (the "with" on
        // the verb).
        targets =
            p.kids(v, "obl").filter(|&k| p.case(k) == Some("with")).flat_map(|k| p.conjuncts(k)).collect();
        if targets.is_empty() && p.base(n) == "obl" {
            targets = verb_targets(p, v, TargetRule::Object);
        }
    }
    (sources, targets, Some(v))
}

/// Pronouns that stand for the subject of the clause that reports them ("Russia said
/// it would ...").
const PRONOUNS: &[&str] = &["it", "they", "he", "she", "we", "i"];

/// The subject of the verb that reports the clause of `v` ("said" in "Russia said it
/// would respond"), if `v`'s clause is a complement.
fn reporter(p: &Parsed, v: usize) -> Vec<usize> {
    let mut k = v;
    for _ in 0..6 {
        match p.base(k) {
            "conj" | "xcomp" => {
                k = match p.head(k) {
                    Some(h) => h,
                    None => return Vec::new(),
                }
            }
            "ccomp" => return p.head(k).map(|h| subjects(p, h)).unwrap_or_default(),
            _ => return Vec::new(),
        }
    }
    Vec::new()
}

/// Whether verb `v` is finite: a tensed form, or one with an auxiliary.
fn finite(p: &Parsed, v: usize) -> bool {
    matches!(p.parse.tag(v), "VERB|VBD" | "VERB|VBZ" | "VERB|VBP") || p.kids(v, "aux").next().is_some()
}

/// The mention nearest before token `t` in its clause: not in a prepositional phrase,
/// with no clause mark or finite verb between.
fn nearest_before(p: &Parsed, tokens: &[Token], mentions: &[Mention], t: usize) -> Option<usize> {
    let m = mentions.iter().rposition(|m| m.tokens.1 <= t)?;
    let between = mentions[m].tokens.1..t;
    let blocked = between.clone().any(|k| {
        matches!(tokens[k].norm.as_str(), ";" | ":" | "\"" | "that" | "which" | "who" | "because")
            || (k > mentions[m].tokens.1 && finite(p, p.word(k)) && p.upos(p.word(k)) == "VERB")
    });
    (!blocked && between.len() <= 8 && !in_prepositional_phrase(tokens, mentions[m].tokens.0)).then_some(m)
}

/// Whether "each other" or "one another" is among `v`'s complements.
fn targets_each_other(p: &Parsed, v: usize) -> bool {
    let words: Vec<&str> = p.complement_tokens(v).iter().map(|&t| p.norm(p.word(t))).collect();
    words.windows(2).any(|w| w == ["each", "other"] || w == ["one", "another"])
}

/// The roles of `trigger`, or `None` when the parse gives it no source, or puts it in
/// the background: a modifier ("the accused man", "the only states to have signed",
/// "the move announced by X") reports no act.
pub(crate) fn roles(p: &Parsed, tokens: &[Token], mentions: &[Mention], trigger: &Found) -> Option<Roles> {
    let head = p.head_of(trigger.tokens)?;
    if matches!(p.rel(head), "acl" | "amod" | "csubj" | "compound") {
        return None;
    }
    let (sources, targets, verb) = if matches!(p.upos(head), "VERB" | "AUX") {
        if passive(p, head) {
            let src: Vec<usize> = agent(p, head).into_iter().collect();
            let tgt: Vec<usize> = p.kids(head, "nsubj:pass").flat_map(|s| p.conjuncts(s)).collect();
            (src, tgt, Some(head))
        } else {
            (subjects(p, head), verb_targets(p, head, trigger.target), Some(head))
        }
    } else {
        nominal(p, head)
    };
    // "Russia said it would respond": the pronoun is the reporting clause's subject.
    let unresolved = |w: &usize| PRONOUNS.contains(&p.norm(*w)) && mention_at(p, mentions, *w).is_none();
    let sources = match (sources.first(), verb) {
        (Some(w), Some(v)) if unresolved(w) => reporter(p, v),
        _ => sources,
    };
    let mut src: Vec<usize> = Vec::new();
    for w in sources {
        if let Some(m) = actor_of(p, mentions, w, false) {
            if !src.iter().any(|&s| mentions[s].actor == mentions[m].actor) {
                src.push(m);
            }
        }
    }
    // Where the parse found no subject for a finite verb (a long opening phrase or a
    // quotation can mislead it), the nearest actor before the verb in its clause, not
    // in a prepositional phrase and with no other verb between, is taken.
    if src.is_empty() && verb == Some(head) && finite(p, head) && !passive(p, head) {
        src.extend(nearest_before(p, tokens, mentions, trigger.tokens.0));
    }
    let first = *src.first()?;
    // "X and Y attacked each other's policies": each is the other's target.
    if targets_each_other(p, head) && src.len() >= 2 {
        return Some(Roles { sources: src.clone(), targets: vec![src[1]], verb });
    }
    let mut tgt: Vec<usize> = Vec::new();
    for w in targets {
        if let Some(m) = actor_of(p, mentions, w, true) {
            let new = mentions[m].actor != mentions[first].actor
                && !tgt.iter().any(|&t| mentions[t].actor == mentions[m].actor);
            if new {
                tgt.push(m);
            }
        }
    }
    Some(Roles { sources: src, targets: tgt, verb })
}

/// Nouns that describe a commentator rather than an actor: their words are not a
/// party's statement ("Omar Lamrani, a senior military analyst at Stratfor, said").
const COMMENTATORS: &[&str] = &[
    "analyst",
    "analysts",
    "expert",
    "experts",
    "scholar",
    "scholars",
    "professor",
    "professors",
    "researcher",
    "researchers",
    "economist",
    "economists",
    "journalist",
    "journalists",
    "reporter",
    "reporters",
    "correspondent",
    "correspondents",
    "editor",
    "columnist",
    "commentator",
    "author",
    "historian",
    "academic",
    "lecturer",
    "fellow",
    "strategist",
    "pollster",
    "observer",
    "observers",
    "witness",
    "witnesses",
    "resident",
    "residents",
    "administrator",
];

/// Whether the phrase of mention `m` describes a commentator: the noun it stands in
/// apposition to or that stands in apposition to it, or a title before it.
pub(crate) fn commentator(p: &Parsed, mentions: &[Mention], m: usize) -> bool {
    let Some(w) = p.head_of(mentions[m].tokens) else { return false };
    let mut described: Vec<usize> = p.kids(w, "appos").collect();
    if p.base(w) == "appos" {
        described.extend(p.head(w));
    }
    described.extend(
        p.parse.kids(w).iter().copied().filter(|&k| matches!(p.base(k), "compound" | "amod" | "nmod")),
    );
    described.iter().any(|&d| COMMENTATORS.contains(&p.norm(d)))
}

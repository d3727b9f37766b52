//! The analysis's output: articles, actors and events, as serialised in the project's
//! one exchange format (JSON schema 1, documented in the README).

use serde::{Deserialize, Serialize};

/// What kind of actor a name denotes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ActorKind {
    Person,
    Country,
    Organization,
    Group,
}

impl ActorKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ActorKind::Person => "person",
            ActorKind::Country => "country",
            ActorKind::Organization => "organization",
            ActorKind::Group => "group",
        }
    }
}

/// An actor as cited by an event.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Actor {
    /// Canonical name: the fullest form seen ("Recep Tayyip Erdoğan").
    pub name: String,
    pub kind: ActorKind,
    /// ISO 3166-1 alpha-3, where one applies.
    pub country: Option<String>,
}

/// An actor of the analysis, with every form of its name seen in the articles.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActorEntry {
    pub name: String,
    pub kind: ActorKind,
    pub country: Option<String>,
    /// Other forms seen: "Erdogan", "President Erdoğan", "the Turkish president".
    pub aliases: Vec<String>,
    /// Roles the articles give it ("president", "foreign minister"), folded.
    #[serde(default)]
    pub roles: Vec<String>,
    /// How many events cite it.
    pub events: usize,
}

/// How an article's publication date was found.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PublishedSource {
    /// Set by the user (the page's date field or the CLI's `--published`).
    User,
    /// Stated by the file: an HTML page's metadata or a JSON field.
    Metadata,
    /// A date line or dateline in the text.
    Text,
    /// A date in the file name.
    FileName,
    /// Inferred: a weekday written with its month and day, or another article.
    Inferred,
    /// Not known.
    Unknown,
}

impl PublishedSource {
    /// Where the date came from, in a few words ("set by you", "from the file name").
    pub fn describe(self) -> &'static str {
        match self {
            PublishedSource::User => "set by you",
            PublishedSource::Metadata => "from the file's metadata",
            PublishedSource::Text => "from the text",
            PublishedSource::FileName => "from the file name",
            PublishedSource::Inferred => "inferred",
            PublishedSource::Unknown => "unknown",
        }
    }
}

/// An article as analysed.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ArticleOut {
    pub id: String,
    pub file: String,
    pub title: String,
    /// The article's language (ISO 639-1: "en", "fr", "tr"…), detected from its words
    /// (`lang::detect`), or null when too short or in none of the eight known.
    #[serde(default)]
    pub language: Option<String>,
    /// `YYYY-MM-DD`, or null when unknown.
    pub published: Option<String>,
    /// Why that date, in plain words.
    pub published_reason: String,
    pub published_source: PublishedSource,
    /// Whether the date is inferred rather than read or set.
    pub published_inferred: bool,
    pub warnings: Vec<String>,
    /// The days (`YYYY-MM-DD`) its time expressions name, resolved against its
    /// publication date, each once, in order of first mention: what the story's key
    /// dates count.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub days: Vec<String>,
    /// The article's text; evidence offsets are byte offsets into it.
    pub text: String,
}

/// Where an event was reported.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Source {
    /// The article's id.
    pub article: String,
    /// The evidence sentence.
    pub sentence: String,
    /// Byte offsets of the sentence in the article's text.
    pub start: usize,
    pub end: usize,
    /// Byte offsets of the words that name the act ("met", "phone call"), when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub trigger: Option<super::Span>,
}

/// One event on the timeline.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EventOut {
    pub id: String,
    /// TimeML value (`YYYY-MM-DD`, `YYYY-MM`, `YYYY`, `YYYY-Www`), or null when unknown.
    pub date: Option<String>,
    /// The expression the date came from, as written.
    pub date_text: Option<String>,
    /// How the date was resolved, in plain words.
    pub date_how: Option<String>,
    /// Whether the date is assumed rather than stated for this event: its sentence
    /// names no time, so it is the article's publication date (news reports what
    /// happened by then, most often that day or the day before; `date_how` says so).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub date_assumed: bool,
    /// CAMEO code ("041").
    pub cameo: String,
    /// Name of the CAMEO root code ("Consult").
    #[serde(rename = "type")]
    pub kind: String,
    /// Name of the specific CAMEO code ("Discuss by telephone").
    pub cameo_name: String,
    /// The PLOVER event type of the code ("CONSULT"); null for CAMEO roots 01 and 02
    /// (statements and appeals), which PLOVER drops.
    #[serde(default)]
    pub plover: Option<String>,
    /// The PLOVER mode, where the mapping gives one ("phone", "visit").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plover_mode: Option<String>,
    pub source: Option<Actor>,
    pub target: Option<Actor>,
    pub actors: Vec<Actor>,
    pub places: Vec<String>,
    pub summary: String,
    pub sources: Vec<Source>,
    pub confidence: f32,
    /// Whether the event is planned or announced rather than reported as done.
    #[serde(default)]
    pub planned: bool,
    /// The merge key: events with the same key are one happening.
    pub key: String,
}

/// The whole analysis of a set of articles.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Analysis {
    pub schema: u32,
    pub articles: Vec<ArticleOut>,
    pub events: Vec<EventOut>,
    /// The actors the events cite, most cited first, with their aliases.
    #[serde(default)]
    pub actors: Vec<ActorEntry>,
}

impl Default for Analysis {
    /// No articles, no events.
    fn default() -> Analysis {
        Analysis { schema: super::SCHEMA, articles: Vec::new(), events: Vec::new(), actors: Vec::new() }
    }
}

impl Analysis {
    /// The article with id `id` (ids are "a1", "a2", … in order, so this is a lookup
    /// by position, with a scan for analyses read from elsewhere).
    pub fn article(&self, id: &str) -> Option<&ArticleOut> {
        let by_position = id
            .strip_prefix('a')
            .and_then(|n| n.parse::<usize>().ok())
            .and_then(|n| self.articles.get(n.checked_sub(1)?));
        by_position.filter(|a| a.id == id).or_else(|| self.articles.iter().find(|a| a.id == id))
    }
}

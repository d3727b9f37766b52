//! The one error type of the analysis core.

use std::fmt;

/// An error from the analysis core. Its message names what was expected and what was
/// found; `file()` names the input it concerns, when there is one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error {
    file: Option<String>,
    kind: ErrorKind,
}

#[derive(Clone, Debug, PartialEq, Eq)]
enum ErrorKind {
    /// The file is not a text article (binary, PDF, image, …).
    NotText { looks_like: String },
    /// The file has no text once decoded.
    Empty,
    /// The file is larger than the reader takes.
    TooLarge { bytes: usize, limit: usize },
    /// A date given by the user could not be read.
    BadDate { input: String },
    /// A TimeML document could not be read.
    TimeMl { reason: String },
    /// A JSON document could not be read.
    Json { reason: String },
    /// A CoNLL-U treebank could not be read.
    Conllu { reason: String },
    /// A syntax model could not be read.
    Model { reason: String },
    /// The file needs the full reader (HTML, a legacy encoding), which this build of the
    /// reader leaves out (the page's module: see `ingest::read_plain`).
    NeedsReader { what: &'static str },
}

impl Error {
    pub(crate) fn not_text(looks_like: impl Into<String>) -> Error {
        Error { file: None, kind: ErrorKind::NotText { looks_like: looks_like.into() } }
    }

    pub(crate) fn empty() -> Error {
        Error { file: None, kind: ErrorKind::Empty }
    }

    pub(crate) fn too_large(bytes: usize, limit: usize) -> Error {
        Error { file: None, kind: ErrorKind::TooLarge { bytes, limit } }
    }

    pub(crate) fn bad_date(input: impl Into<String>) -> Error {
        Error { file: None, kind: ErrorKind::BadDate { input: input.into() } }
    }

    pub(crate) fn timeml(reason: impl Into<String>) -> Error {
        Error { file: None, kind: ErrorKind::TimeMl { reason: reason.into() } }
    }

    pub(crate) fn json(reason: impl Into<String>) -> Error {
        Error { file: None, kind: ErrorKind::Json { reason: reason.into() } }
    }

    pub(crate) fn conllu(reason: impl Into<String>) -> Error {
        Error { file: None, kind: ErrorKind::Conllu { reason: reason.into() } }
    }

    pub(crate) fn model(reason: impl Into<String>) -> Error {
        Error { file: None, kind: ErrorKind::Model { reason: reason.into() } }
    }

    pub(crate) fn reader_needed(what: &'static str) -> Error {
        Error { file: None, kind: ErrorKind::NeedsReader { what } }
    }

    /// Whether the file needs the full reader (see [`read_plain`]).
    ///
    /// [`read_plain`]: crate::analysis::ingest::read_plain
    pub fn needs_reader(&self) -> bool {
        matches!(self.kind, ErrorKind::NeedsReader { .. })
    }

    /// The same error, naming the file it concerns.
    pub fn in_file(mut self, file: impl Into<String>) -> Error {
        self.file = Some(file.into());
        self
    }

    /// The file this error concerns, if known.
    pub fn file(&self) -> Option<&str> {
        self.file.as_deref()
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(file) = &self.file {
            write!(f, "file {file}: ")?;
        }
        match &self.kind {
            ErrorKind::NotText { looks_like } => {
                write!(f, "not a text article (looks like {looks_like})")
            }
            ErrorKind::Empty => write!(f, "no text in this file"),
            ErrorKind::TooLarge { bytes, limit } => {
                write!(f, "too large ({}; the limit is {})", megabytes(*bytes), megabytes(*limit))
            }
            ErrorKind::BadDate { input } => {
                write!(f, "expected a date as YYYY-MM-DD, found {input:?}")
            }
            ErrorKind::TimeMl { reason } => write!(f, "not readable as TimeML: {reason}"),
            ErrorKind::Json { reason } => write!(f, "not readable as JSON: {reason}"),
            ErrorKind::Conllu { reason } => write!(f, "not readable as CoNLL-U: {reason}"),
            ErrorKind::Model { reason } => write!(f, "not a syntax model of this version: {reason}"),
            ErrorKind::NeedsReader { what } => write!(f, "{what} needs the full reader, which is not loaded"),
        }
    }
}

impl std::error::Error for Error {}

/// "52.4 MB", "20 MB" (decimal megabytes, one decimal unless whole).
fn megabytes(bytes: usize) -> String {
    let tenths = (bytes as u64 + 50_000) / 100_000;
    if tenths % 10 == 0 {
        format!("{} MB", tenths / 10)
    } else {
        format!("{}.{} MB", tenths / 10, tenths % 10)
    }
}

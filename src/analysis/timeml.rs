//! TimeML in and out: read a TempEval-3 document's creation time and text, and write the
//! same document with this tagger's TIMEX3 tags.
//!
//! STUB: to be implemented.

use super::{Error, TimeTagger};

/// Reads a TimeML document, removes the tags inside `<TEXT>`, tags the text with
/// `tagger` anchored at the document creation time, and returns the document with the
/// system's `<TIMEX3 tid type value>` tags in TEXT, every other character unchanged.
pub fn annotate(_tml: &str, _tagger: &TimeTagger) -> Result<String, Error> {
    Err(Error::timeml("not implemented"))
}

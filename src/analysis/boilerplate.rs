//! Regions of an article that are not its story: "Read also" link lists and their
//! items, which must make no events.

use super::text::{fold, lines};
use super::Span;

/// Headings that open a list of links to other stories.
const LIST_HEADINGS: &[&str] = &[
    "read also",
    "read more",
    "also read",
    "related",
    "related articles",
    "related stories",
    "related news",
    "see also",
    "more on this",
    "more on this story",
    "you may also like",
    "recommended",
    "most read",
    "popular",
    "trending",
    "more stories",
    "latest news",
];

/// Byte regions to skip: each link-list heading with the indented, bulleted or very
/// short lines that follow it.
pub(crate) fn regions(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let lines = lines(text);
    let mut i = 0;
    while i < lines.len() {
        let head = fold(lines[i].slice(text));
        let head = head.trim_end_matches([':', '.']).trim();
        if !LIST_HEADINGS.contains(&head) {
            i += 1;
            continue;
        }
        let start = lines[i].start;
        let mut end = lines[i].end;
        let mut j = i + 1;
        while j < lines.len() {
            let l = lines[j];
            let line_start = text[..l.start].rfind('\n').map(|p| p + 1).unwrap_or(0);
            let indented = l.start > line_start;
            let s = l.slice(text);
            let bullet = s.starts_with(['•', '-', '*', '·', '–']);
            let short = s.split_whitespace().count() <= 2;
            if indented || bullet || short {
                end = l.end;
                j += 1;
            } else {
                break;
            }
        }
        out.push(Span::new(start, end));
        i = j;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn read_also_lists_are_skipped_and_the_story_goes_on() {
        let text = "Story one.\n\nRead also\n  • world\n\n    Leader A met leader B\n  • world\n    Other link\n\nStory goes on.\n";
        let r = regions(text);
        assert_eq!(r.len(), 1);
        let skipped = r[0].slice(text);
        assert!(skipped.starts_with("Read also") && skipped.ends_with("Other link"));
        assert!(!skipped.contains("Story goes on"));
    }
}

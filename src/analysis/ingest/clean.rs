//! Lines that are not the story, removed when the text is built: photo credits and
//! gallery counters, image file names, captions between them, "Read also" link lists
//! and share prompts.

use super::super::boilerplate;
use super::super::text::lines;

/// The text without its boilerplate lines; runs of blank lines left by a removal
/// become one. Text with nothing to remove comes back unchanged.
///
/// ```
/// use dateline::analysis::ingest::clean_text;
///
/// let text = "Leaders met.\n\nPhoto by Jane Doe/Getty Images\n\nShare this article\n\nThey agreed.\n";
/// assert_eq!(clean_text(text), "Leaders met.\n\nThey agreed.\n");
/// ```
pub fn clean_text(text: &str) -> String {
    let spans = lines(text);
    let mut drop: Vec<bool> = spans.iter().map(|l| is_boilerplate_line(l.slice(text))).collect();
    // A short caption between two dropped lines (a gallery) goes with them.
    for i in 1..spans.len().saturating_sub(1) {
        if !drop[i] && drop[i - 1] && drop[i + 1] && is_caption(spans[i].slice(text)) {
            drop[i] = true;
        }
    }
    for region in boilerplate::regions(text) {
        for (i, l) in spans.iter().enumerate() {
            if region.contains(*l) {
                drop[i] = true;
            }
        }
    }
    if !drop.contains(&true) {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut blank_run = 0;
    let mut end = 0;
    let mut next = 0;
    for physical in text.split_inclusive('\n') {
        end += physical.len();
        // The lines inside this physical line (split also at \r, U+2028 …).
        let first = next;
        while next < spans.len() && spans[next].end <= end {
            next += 1;
        }
        if first < next && drop[first..next].iter().all(|d| *d) {
            continue;
        }
        if physical.trim().is_empty() {
            blank_run += 1;
            if blank_run > 1 || out.is_empty() {
                continue;
            }
        } else {
            blank_run = 0;
        }
        out.push_str(physical);
    }
    out
}

/// Whether a (trimmed) line is a credit, an image file name, a share prompt or a
/// one-line link to another story.
pub(super) fn is_boilerplate_line(line: &str) -> bool {
    let l = line.to_lowercase();
    let l = l.trim_matches(|c: char| c.is_whitespace() || c == '|' || c == '•');
    let words = l.split_whitespace().count();
    is_credit(l, words) || has_image_file(l) && words <= 40 || is_prompt(l, words) || is_link_line(l, words)
}

fn is_credit(l: &str, words: usize) -> bool {
    const PREFIXES: &[&str] = &[
        "photo by",
        "photo:",
        "photos:",
        "photo credit",
        "photograph:",
        "photograph by",
        "photographs by",
        "(photo",
        "[photo",
        "(image",
        "image:",
        "image by",
        "image credit",
        "images:",
        "picture:",
        "pictured:",
        "credit:",
        "credits:",
        "©",
        "(c) ",
        "file photo",
        "illustration:",
        "illustration by",
        "foto:",
    ];
    const AGENCIES: &[&str] = &[
        "getty images",
        "afp via",
        "via reuters",
        "/reuters",
        "reuters/",
        "/afp",
        "afp/",
        "ap photo",
        "epa-efe",
        "/epa",
        "shutterstock",
        "anadolu agency",
        "/anadolu",
        "xinhua/",
        "/xinhua",
        "/tass",
        "/sputnik",
        "alamy",
        "pool photo",
        "/pool",
        "/bloomberg",
    ];
    if words <= 30 && PREFIXES.iter().any(|p| l.starts_with(p)) {
        return true;
    }
    if words <= 15 && !l.ends_with(['.', '?', '!', '"', '”']) && AGENCIES.iter().any(|a| l.contains(a)) {
        return true;
    }
    words <= 30 && gallery_counter(l)
}

/// "… 2 of 3" at the end of a line (a gallery's counter).
fn gallery_counter(l: &str) -> bool {
    let Some(rest) = strip_number_end(l) else { return false };
    let Some(rest) = rest.strip_suffix(" of ") else { return false };
    strip_number_end(rest).is_some()
}

fn strip_number_end(s: &str) -> Option<&str> {
    let t = s.trim_end_matches(|c: char| c.is_ascii_digit());
    (t.len() < s.len() && s.len() - t.len() <= 3).then_some(t)
}

/// A token like "GettyImages-1243932531.jpg" or "logo.png1".
fn has_image_file(l: &str) -> bool {
    const EXTS: &[&str] = &[".jpg", ".jpeg", ".png", ".gif", ".webp", ".avif", ".svg", ".bmp", ".tif"];
    EXTS.iter().any(|ext| {
        l.match_indices(ext).any(|(i, _)| {
            let before = l[..i].chars().next_back();
            let after = l[i + ext.len()..].chars().next();
            before.is_some_and(|c| c.is_alphanumeric() || c == '-' || c == '_')
                && !after.is_some_and(|c| c.is_alphabetic())
        })
    })
}

fn is_prompt(l: &str, words: usize) -> bool {
    const STARTS: &[&str] = &[
        "share this",
        "share on ",
        "share via",
        "share article",
        "share story",
        "follow us",
        "follow our",
        "click here",
        "sign up for",
        "sign up to",
        "subscribe to",
        "subscribe now",
        "join our",
        "download our",
        "download the app",
        "listen to this article",
        "copy link",
        "copy the link",
        "print this",
        "email this",
        "tap here",
        "continue reading",
        "skip advertisement",
        "scroll to continue",
        "story continues below",
        "article continues below",
        "you can follow",
        "like us on facebook",
    ];
    const WHOLE: &[&str] = &[
        "share",
        "tweet",
        "email",
        "print",
        "facebook",
        "twitter",
        "x",
        "linkedin",
        "whatsapp",
        "telegram",
        "reddit",
        "copy",
        "comments",
        "ad",
        "advertisement",
        "close",
        "menu",
        "save",
        "bookmark",
    ];
    let bare = l.trim_end_matches([':', '.', '!']);
    words <= 12 && STARTS.iter().any(|s| l.starts_with(s)) || WHOLE.contains(&bare)
}

fn is_link_line(l: &str, words: usize) -> bool {
    const STARTS: &[&str] = &[
        "read also:",
        "read also -",
        "read also –",
        "read more:",
        "also read:",
        "see also:",
        "related:",
        "related article:",
        "related story:",
        "recommended:",
        "read next:",
        "watch:",
    ];
    words <= 30 && STARTS.iter().any(|s| l.starts_with(s))
}

/// A short line without sentence punctuation at its end.
fn is_caption(line: &str) -> bool {
    line.split_whitespace().count() <= 12 && !line.trim_end().ends_with(['.', '!', '?', ':', '"', '”'])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn credits_prompts_and_file_names_are_boilerplate() {
        for line in [
            "Photo by Jane Doe",
            "(Photo by Presidency of the Republic of Turkey/Murat Cetinmuhurdar/Anadolu via Getty Images)3 of 3",
            "Anadolu Agency/Getty Images 2 of 3",
            "GettyImages-1243932531.jpg3 photosPutin shakes hands with ErdoganConditional closure.Logo-metropolis-branca.png1 of 3",
            "Share this article",
            "Follow us on Telegram",
            "Read also: Leaders meet in Ankara",
            "Advertisement",
            "REUTERS/Murad Sezer",
        ] {
            assert!(is_boilerplate_line(line), "{line}");
        }
        for line in [
            "Getty Images said on Monday that it had agreed to buy a rival agency for a sum it did not disclose.",
            "Putin stated that the first version of the US plan was “in line” with the summit.",
            "Erdogan wants to resume the Istanbul process",
            "The share of exports rose to 40 percent.",
        ] {
            assert!(!is_boilerplate_line(line), "{line}");
        }
    }

    #[test]
    fn the_seed_gallery_and_link_list_go_and_the_story_stays() {
        let text = include_str!("../../../seeds/004_80507271b0520eef.txt");
        let clean = clean_text(text);
        for gone in
            ["GettyImages", "Anadolu Agency/Getty", "Photo by", "Read also", "Trump announced progress"]
        {
            assert!(!clean.contains(gone), "{gone} left in");
        }
        assert!(!clean.contains("\nPutin and Erdogan\n"));
        for kept in [
            "Türkiye intensifies its contacts with Russia",
            "Erdogan wants to resume the Istanbul process",
            "The Kremlin reiterated",
            "  • The US government provided a 28 point plan",
            "Different plans",
        ] {
            assert!(clean.contains(kept), "{kept} missing");
        }
        assert!(!clean.contains("\n\n\n"));
        assert_eq!(clean_text(&clean), clean, "cleaning twice changes nothing");
    }

    #[test]
    fn clean_text_is_unchanged() {
        let text = "Title\r\n\r\n\r\nBody one.\n";
        assert_eq!(clean_text(text), text);
    }
}

//! The UI benchmark's generated articles (`e2e/support.mjs`, `generatedArticles`), for
//! the native examples that measure the same drop: `n` articles of 8 events each
//! ("On Monday, President Ilse X spoke by phone with King Theodric Y."…), every article
//! with its own names, dated by its file name across 2010–2024.

/// Three syllables from the article number (the bench page's names).
fn name(mut i: usize, k: usize) -> String {
    const SYL: &[u8] = b"bcdfghjklmnpqrstvwxz";
    const VOW: &[u8] = b"aeiou";
    let mut s = String::new();
    for _ in 0..3 {
        s.push(SYL[(i + k) % 20] as char);
        s.push(VOW[(i / 20) % 5] as char);
        i /= 100;
    }
    s[..1].to_ascii_uppercase() + &s[1..]
}

/// `n` articles as (file name, bytes).
pub fn articles(n: usize) -> Vec<(String, Vec<u8>)> {
    let verbs =
        ["spoke by phone with", "met", "visited", "criticised", "praised", "accused", "hosted", "warned"];
    (0..n)
        .map(|i| {
            let lines: Vec<String> = verbs
                .iter()
                .enumerate()
                .map(|(k, v)| {
                    format!(
                        "On Monday, President Ilse {}son {v} King Theodric {}dal.",
                        name(i, k),
                        name(i, k + 7)
                    )
                })
                .collect();
            let text = format!("Report {i}\n\n{}\n", lines.join("\n"));
            (format!("20{}-0{}-{:02}-r{i}.txt", 10 + i % 15, 1 + i % 9, 1 + i % 28), text.into_bytes())
        })
        .collect()
}

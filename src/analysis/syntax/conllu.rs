//! Reading CoNLL-U treebanks (Universal Dependencies): the words of each sentence with
//! their tags, heads and relations. Multiword-token lines ("19-20 don't") and empty
//! nodes ("8.1") are skipped: the syntactic words are what the tagger and parser see.

use crate::analysis::Error;

/// One syntactic word of a treebank sentence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GoldWord {
    pub form: String,
    pub upos: String,
    pub xpos: String,
    /// 1-based index of the head word; 0 for the root.
    pub head: usize,
    /// The relation to the head, with its subtype ("nsubj:pass").
    pub deprel: String,
}

/// A treebank sentence.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct GoldSentence {
    pub text: String,
    pub words: Vec<GoldWord>,
}

/// Reads every sentence of a CoNLL-U document.
pub fn read(conllu: &str) -> Result<Vec<GoldSentence>, Error> {
    let mut out = Vec::new();
    let mut cur = GoldSentence::default();
    for (no, line) in conllu.lines().enumerate() {
        if line.trim().is_empty() {
            if !cur.words.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
            continue;
        }
        if let Some(rest) = line.strip_prefix("# text = ") {
            cur.text = rest.to_string();
            continue;
        }
        if line.starts_with('#') {
            continue;
        }
        let f: Vec<&str> = line.split('\t').collect();
        let bad = |what: &str| Error::conllu(format!("line {}: {what}: {line:?}", no + 1));
        if f.len() != 10 {
            return Err(bad("expected 10 tab-separated fields"));
        }
        if f[0].contains('-') || f[0].contains('.') {
            continue;
        }
        let id: usize = f[0].parse().map_err(|_| bad("expected a word index"))?;
        if id != cur.words.len() + 1 {
            return Err(bad("word indexes out of order"));
        }
        let head: usize = f[6].parse().map_err(|_| bad("expected a head index"))?;
        cur.words.push(GoldWord {
            form: f[1].to_string(),
            upos: f[3].to_string(),
            xpos: f[4].to_string(),
            head,
            deprel: f[7].to_string(),
        });
    }
    if !cur.words.is_empty() {
        out.push(cur);
    }
    for (k, s) in out.iter().enumerate() {
        if s.words.iter().any(|w| w.head > s.words.len()) {
            return Err(Error::conllu(format!("sentence {}: a head points past the sentence", k + 1)));
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_words_and_skips_multiword_tokens() {
        let doc =
            "# text = I don't.\n1\tI\tI\tPRON\tPRP\t_\t3\tnsubj\t_\t_\n2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n\
                   2\tdo\tdo\tAUX\tVBP\t_\t3\taux\t_\t_\n3\tn't\tnot\tPART\tRB\t_\t0\troot\t_\t_\n\
                   4\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_\n\n";
        let s = read(doc).unwrap();
        assert_eq!(s.len(), 1);
        assert_eq!(s[0].text, "I don't.");
        let forms: Vec<&str> = s[0].words.iter().map(|w| w.form.as_str()).collect();
        assert_eq!(forms, ["I", "do", "n't", "."]);
        assert_eq!(s[0].words[0].head, 3);
        assert_eq!(s[0].words[2].deprel, "root");
    }

    #[test]
    fn names_the_line_of_a_bad_record() {
        let err = read("1\tI\tI\tPRON\n").unwrap_err().to_string();
        assert!(err.contains("line 1"), "{err}");
    }
}

//! CoNLL-format files: one token per line (first column), blank lines between
//! sentences, `-DOCSTART-` lines between documents; the last column, when
//! there is more than one, is the entity tag.

use super::tags::Tag;
use std::fmt::Write;

/// The line that separates documents.
pub const DOCSTART: &str = "-DOCSTART-";

/// A sentence read from a CoNLL file.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Sentence {
    /// Tokens (first column).
    pub words: Vec<String>,
    /// Tags (last column; `O` when absent or not a PER/ORG/LOC/MISC tag).
    pub tags: Vec<Tag>,
}

/// A document: the sentences between two `-DOCSTART-` lines.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Document {
    /// Its sentences, none empty.
    pub sentences: Vec<Sentence>,
}

impl Document {
    /// The words, sentence by sentence, as the taggers take them.
    pub fn words(&self) -> Vec<Vec<&str>> {
        self.sentences
            .iter()
            .map(|s| s.words.iter().map(String::as_str).collect())
            .collect()
    }
}

/// What one input line is.
enum Line<'a> {
    Blank,
    DocStart,
    Token { word: &'a str, tag: Tag },
}

fn classify(line: &str) -> Line<'_> {
    let mut cols = line.split_whitespace();
    let Some(word) = cols.next() else {
        return Line::Blank;
    };
    if word == DOCSTART {
        return Line::DocStart;
    }
    let tag = cols.last().and_then(Tag::parse).unwrap_or(Tag::O);
    Line::Token { word, tag }
}

/// Reads a CoNLL file into documents. Text before the first `-DOCSTART-`
/// (or a file without any) forms a document of its own.
pub fn read(input: &str) -> Vec<Document> {
    let mut docs = vec![Document::default()];
    let mut sent = Sentence::default();
    for line in input.lines() {
        match classify(line) {
            Line::Token { word, tag } => {
                sent.words.push(word.to_string());
                sent.tags.push(tag);
                continue;
            }
            Line::Blank => {}
            Line::DocStart => {
                flush(&mut docs, &mut sent);
                docs.push(Document::default());
            }
        }
        flush(&mut docs, &mut sent);
    }
    flush(&mut docs, &mut sent);
    docs.retain(|d| !d.sentences.is_empty());
    docs
}

fn flush(docs: &mut [Document], sent: &mut Sentence) {
    if !sent.words.is_empty() {
        if let Some(d) = docs.last_mut() {
            d.sentences.push(std::mem::take(sent));
        }
    }
}

/// Writes documents as `token<TAB>tag` lines, each document opened by a
/// `-DOCSTART-` line, sentences separated by blank lines. [`read`] reads it back.
pub fn write(docs: &[Document]) -> String {
    let mut out = String::new();
    for d in docs {
        out.push_str(DOCSTART);
        out.push_str("\tO\n\n");
        for s in &d.sentences {
            for (w, t) in s.words.iter().zip(&s.tags) {
                let _ = writeln!(out, "{w}\t{t}");
            }
            out.push('\n');
        }
    }
    out
}

/// Tags a CoNLL file with the shipped model: one `token<TAB>tag` line per
/// token line, blank lines kept, `-DOCSTART-` lines kept (as `-DOCSTART-<TAB>O`),
/// so the output lines up with the input for an outside scorer.
pub fn tag_conll(input: &str) -> String {
    tag_conll_with(input, super::tag_document)
}

/// [`tag_conll`] with any document tagger.
pub(crate) fn tag_conll_with(
    input: &str,
    mut tagger: impl FnMut(&[Vec<&str>]) -> Vec<Vec<Tag>>,
) -> String {
    let lines: Vec<Line> = input.lines().map(classify).collect();
    // Group token lines into documents of sentences, as `read` does.
    let mut docs: Vec<Vec<Vec<&str>>> = vec![Vec::new()];
    let mut sent: Vec<&str> = Vec::new();
    for l in &lines {
        match l {
            Line::Token { word, .. } => sent.push(word),
            Line::Blank | Line::DocStart => {
                let last = docs.len() - 1;
                if !sent.is_empty() {
                    docs[last].push(std::mem::take(&mut sent));
                }
                if matches!(l, Line::DocStart) {
                    docs.push(Vec::new());
                }
            }
        }
    }
    if !sent.is_empty() {
        let last = docs.len() - 1;
        docs[last].push(sent);
    }
    let tags: Vec<Tag> = docs
        .iter()
        .flat_map(|d| tagger(d).into_iter().flatten())
        .collect();
    let mut tags = tags.into_iter();
    let mut out = String::with_capacity(input.len());
    for l in &lines {
        match l {
            Line::Blank => out.push('\n'),
            Line::DocStart => {
                out.push_str(DOCSTART);
                out.push_str("\tO\n");
            }
            Line::Token { word, .. } => {
                let t = tags.next().unwrap_or(Tag::O);
                let _ = writeln!(out, "{word}\t{t}");
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::nlp::ner::tags::EntityType;

    const SAMPLE: &str = "-DOCSTART- -X- O O\n\nAnna NNP I-NP I-PER\nKarlsson NNP I-NP I-PER\nvisited VBD I-VP O\nOslo NNP I-NP I-LOC\n\nShe PRP I-NP O\nleft VBD I-VP O\n\n-DOCSTART- -X- O O\n\nACME NNP I-NP I-ORG\n";

    #[test]
    fn reads_documents_sentences_and_tags() {
        let docs = read(SAMPLE);
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[0].sentences.len(), 2);
        let s = &docs[0].sentences[0];
        assert_eq!(s.words, vec!["Anna", "Karlsson", "visited", "Oslo"]);
        assert_eq!(s.tags[1], Tag::I(EntityType::Per));
        assert_eq!(s.tags[3], Tag::I(EntityType::Loc));
        assert_eq!(docs[1].sentences[0].tags, vec![Tag::I(EntityType::Org)]);
    }

    #[test]
    fn write_read_round_trip() {
        let docs = read(SAMPLE);
        let text = write(&docs);
        assert_eq!(read(&text), docs);
        assert!(text.starts_with("-DOCSTART-\tO\n\nAnna\tI-PER\n"));
    }

    #[test]
    fn one_column_files_and_crlf() {
        let docs = read("Anna\r\nKarlsson\r\n\r\nleft\r\n");
        assert_eq!(docs.len(), 1);
        assert_eq!(docs[0].sentences[1].words, vec!["left"]);
        assert!(docs[0].sentences[0].tags.iter().all(|&t| t == Tag::O));
    }

    #[test]
    fn tagging_keeps_line_structure() {
        // A stand-in tagger: capitalised words are B-PER.
        let fake = |doc: &[Vec<&str>]| -> Vec<Vec<Tag>> {
            doc.iter()
                .map(|s| {
                    s.iter()
                        .map(|w| {
                            if w.chars().next().is_some_and(char::is_uppercase) {
                                Tag::B(EntityType::Per)
                            } else {
                                Tag::O
                            }
                        })
                        .collect()
                })
                .collect()
        };
        let out = tag_conll_with(SAMPLE, fake);
        assert_eq!(out.lines().count(), SAMPLE.lines().count());
        for (a, b) in SAMPLE.lines().zip(out.lines()) {
            assert_eq!(a.is_empty(), b.is_empty());
            assert_eq!(
                a.split_whitespace().next(),
                b.split('\t').next().filter(|s| !s.is_empty())
            );
        }
        assert!(out.contains("visited\tO\nOslo\tB-PER\n"));
        assert!(out.starts_with("-DOCSTART-\tO\n\n"));
        // The output is itself a readable CoNLL file with the tagger's tags.
        let again = read(&out);
        assert_eq!(again[0].sentences[0].tags[0], Tag::B(EntityType::Per));
    }
}

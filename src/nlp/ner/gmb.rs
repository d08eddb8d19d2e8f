//! Reader for the GMB-derived NER CSV (`Sentence #,Word,POS,Tag`, BIO tags
//! with lower-case types). Types are mapped to CoNLL's, and the titles GMB
//! puts inside person names ("President George Bush") are moved out, since
//! CoNLL — and this project — do not count them as part of the name.

use super::conll::Sentence;
use super::tags::{EntityType, Tag};

/// Leading words of a GMB person span that are titles, not name.
const TITLES: &[&str] = &[
    "mr.",
    "mrs.",
    "ms.",
    "dr.",
    "mr",
    "mrs",
    "ms",
    "dr",
    "president",
    "prime",
    "minister",
    "vice",
    "general",
    "gen.",
    "senator",
    "sen.",
    "secretary",
    "chancellor",
    "king",
    "queen",
    "pope",
    "foreign",
    "defense",
    "defence",
    "interior",
    "finance",
    "state",
    "ambassador",
    "envoy",
    "governor",
    "gov.",
    "colonel",
    "col.",
    "lieutenant",
    "lt.",
    "captain",
    "commander",
    "chairman",
    "chief",
    "judge",
    "justice",
    "leader",
    "spokesman",
    "former",
    "u.s.",
    "army",
    "rebel",
    "opposition",
    "cardinal",
    "archbishop",
    "bishop",
    "rev.",
    "reverend",
    "sergeant",
    "sgt.",
    "major",
    "admiral",
    "deputy",
    "acting",
    "premier",
    "presidential",
    "candidate",
    "sir",
    "lord",
    "prince",
    "princess",
    "sheik",
];

/// Reads the CSV into sentences with CoNLL types in BIO.
pub(crate) fn read(csv: &str) -> Vec<Sentence> {
    let mut out: Vec<Sentence> = Vec::new();
    for line in csv.lines().skip(1) {
        let f = split_csv(line);
        if f.len() < 4 {
            continue;
        }
        if !f[0].is_empty() || out.is_empty() {
            out.push(Sentence::default());
        }
        let s = out.last_mut().expect("pushed above");
        s.words.push(f[1].clone());
        s.tags.push(map_tag(&f[3], &f[2]));
    }
    for s in &mut out {
        strip_titles(s);
    }
    out.retain(|s| !s.words.is_empty());
    out
}

fn map_tag(tag: &str, pos: &str) -> Tag {
    let Some((bio, ty)) = tag.split_once('-') else {
        return Tag::O;
    };
    let kind = match ty {
        "per" => EntityType::Per,
        "org" => EntityType::Org,
        "geo" => EntityType::Loc,
        // Nationality adjectives ("Iraqi") are MISC in CoNLL; country names LOC.
        "gpe" if pos.starts_with("NNP") => EntityType::Loc,
        "gpe" | "art" | "eve" | "nat" => EntityType::Misc,
        _ => return Tag::O, // tim and anything unknown
    };
    if bio == "B" {
        Tag::B(kind)
    } else {
        Tag::I(kind)
    }
}

/// Turns leading title words of each person span into `O`.
fn strip_titles(s: &mut Sentence) {
    let per = EntityType::Per;
    let mut i = 0;
    while i < s.tags.len() {
        if s.tags[i] != Tag::B(per) {
            i += 1;
            continue;
        }
        // Strip while this token is a title and the span goes on after it.
        let mut j = i;
        while j + 1 < s.tags.len() && s.tags[j + 1] == Tag::I(per) && is_title(&s.words[j]) {
            s.tags[j] = Tag::O;
            j += 1;
        }
        s.tags[j] = Tag::B(per);
        i = j + 1;
    }
}

fn is_title(w: &str) -> bool {
    let lw = w.to_lowercase();
    TITLES.contains(&lw.as_str()) || w.chars().next().is_some_and(char::is_lowercase)
}

/// Splits one CSV line (RFC 4180 quoting).
fn split_csv(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                cur.push('"');
                chars.next();
            }
            ('"', _) => quoted = !quoted,
            (',', false) => out.push(std::mem::take(&mut cur)),
            _ => cur.push(c),
        }
    }
    out.push(cur);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_maps_and_strips_titles() {
        let csv = "Sentence #,Word,POS,Tag\nSentence: 1,President,NNP,B-per\n,Ada,NNP,I-per\n,Lind,NNP,I-per\n,visited,VBD,O\n,\"\"\"\",``,O\n,Norway,NNP,B-gpe\nSentence: 2,\"1,000\",CD,O\n,Norwegian,JJ,B-gpe\n,Mr.,NNP,B-per\n,Lind,NNP,I-per\n";
        let s = read(csv);
        assert_eq!(s.len(), 2);
        assert_eq!(
            s[0].words,
            vec!["President", "Ada", "Lind", "visited", "\"", "Norway"]
        );
        let t: Vec<String> = s[0].tags.iter().map(|t| t.to_string()).collect();
        assert_eq!(t, vec!["O", "B-PER", "I-PER", "O", "O", "B-LOC"]);
        assert_eq!(s[1].words[0], "1,000");
        let t: Vec<String> = s[1].tags.iter().map(|t| t.to_string()).collect();
        assert_eq!(t, vec!["O", "B-MISC", "O", "B-PER"]);
    }

    #[test]
    fn lone_title_span_is_kept() {
        // A one-token person span that looks like a title stays (nothing to strip to).
        let csv = "Sentence #,Word,POS,Tag\nSentence: 1,King,NNP,B-per\n,spoke,VBD,O\n";
        assert_eq!(read(csv)[0].tags[0], Tag::B(EntityType::Per));
    }
}

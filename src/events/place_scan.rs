//! Which gazetteer places a text can name, found from the text's words
//! instead of by searching the text for every place.
//!
//! The gazetteer holds every dateline place of the corpus, so searching each
//! article for each place grows with the corpus squared (at 19k Reuters
//! articles it was most of the events stage of an incremental build). A
//! place can occur as whole words at byte `k` only if `k` starts a run of
//! alphanumeric characters and that run is the place's own first run (a
//! place's first run is followed by a non-alphanumeric character or ends
//! it). So looking up each run of the text as a prefix of the sorted
//! gazetteer finds a superset of the places it names; the callers then apply
//! their exact whole-word tests to those few, and decide exactly as if they
//! had tested every place.

use std::collections::BTreeSet;
use std::ops::Bound;

/// Places of `gazetteer` that may occur as whole words in one of `texts`,
/// in gazetteer (sorted) order. Places that do not start with an
/// alphanumeric character are always included (the word test cannot rule
/// them out).
pub(crate) fn candidates<'g>(gazetteer: &'g BTreeSet<String>, texts: &[&str]) -> Vec<&'g str> {
    let mut out: BTreeSet<&'g str> = gazetteer
        .iter()
        .filter(|g| !g.chars().next().is_some_and(char::is_alphanumeric))
        .map(String::as_str)
        .collect();
    for text in texts {
        for run in text
            .split(|c: char| !c.is_alphanumeric())
            .filter(|r| !r.is_empty())
        {
            let from = (Bound::Included(run), Bound::Unbounded);
            for g in gazetteer
                .range::<str, _>(from)
                .take_while(|g| g.starts_with(run))
            {
                let next = g[run.len()..].chars().next();
                if !next.is_some_and(char::is_alphanumeric) {
                    out.insert(g.as_str());
                }
            }
        }
    }
    out.into_iter().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set(v: &[&str]) -> BTreeSet<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn finds_whole_word_places_and_only_plausible_ones() {
        let g = set(&["New York", "Newark", "York", "Yorkshire", "Rio", "-X-"]);
        let c = candidates(&g, &["Talks in New York and Yorkshire", "Rio"]);
        assert_eq!(c, vec!["-X-", "New York", "Rio", "York", "Yorkshire"]);
        // "Newark" never starts with a whole word of the text.
        assert!(!candidates(&g, &["Newer York"]).contains(&"Newark"));
        assert!(candidates(&g, &["Newer"]).iter().all(|p| *p == "-X-"));
    }

    #[test]
    fn every_whole_word_occurrence_is_a_candidate() {
        // Exactness: whatever a full scan finds as a whole word is proposed.
        let g = set(&["São Paulo", "Paulo", "Ho Chi Minh City", "Chi", "O'Hare"]);
        let texts = [
            "Flights from São Paulo, then Ho Chi Minh City; O'Hare shut.",
            "chi Paulo",
        ];
        let c = candidates(&g, &texts);
        for p in &g {
            let whole = texts.iter().any(|t| {
                t.match_indices(p.as_str()).any(|(k, _)| {
                    !t[..k]
                        .chars()
                        .next_back()
                        .is_some_and(char::is_alphanumeric)
                        && !t[k + p.len()..]
                            .chars()
                            .next()
                            .is_some_and(char::is_alphanumeric)
                })
            });
            assert!(!whole || c.contains(&p.as_str()), "{p} missed");
        }
    }
}

//! One company's different announcements. A wire headline that starts with
//! a company and its bracketed mark (`ACME CORP <ACM> ...`) says after the
//! mark what the company did: results, a dividend, a purchase, a suit. Two
//! headlines led by the same mark whose words after it share nothing are
//! two announcements (results and a stock split), not one happening, however
//! much the company's name and boilerplate make their texts alike.

/// Words a company name before its mark may have at most: further in, the
/// mark is part of a story about someone else ("X SAYS HE TALKED TO <Y>").
const MAX_NAME_WORDS: usize = 5;

/// Letters of a word compared: "suit" and "suits" are one word.
const PREFIX: usize = 4;

/// Shortest word compared (shorter ones are "to", "of", initials).
const MIN_LEN: usize = 3;

/// The leading mark of a headline and the words after it.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct Lead {
    /// The first bracketed mark, uppercase, spaces removed.
    mark: String,
    /// Word prefixes after the mark (letters only, other marks left out),
    /// sorted and deduplicated.
    what: Vec<String>,
}

/// The lead of `title`, if its first mark comes within
/// [`MAX_NAME_WORDS`] words and some word follows it.
pub(crate) fn lead(title: &str) -> Option<Lead> {
    let open = title.find('<')?;
    let close = open + title[open..].find('>')?;
    if title[..open].split_whitespace().count() > MAX_NAME_WORDS {
        return None;
    }
    let mark: String = title[open + 1..close]
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_uppercase();
    let mut rest = String::new();
    let mut inside = false;
    for c in title[close + 1..].chars() {
        match c {
            '<' => inside = true,
            '>' => inside = false,
            _ if !inside => rest.push(c),
            _ => {}
        }
    }
    let mut what: Vec<String> = rest
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| w.chars().count() >= MIN_LEN)
        .map(|w| w.to_lowercase().chars().take(PREFIX).collect())
        .collect();
    what.sort();
    what.dedup();
    (!mark.is_empty() && !what.is_empty()).then_some(Lead { mark, what })
}

/// Led by the same mark, and nothing said after it in common.
pub(crate) fn differ(a: &Lead, b: &Lead) -> bool {
    a.mark == b.mark && !a.what.iter().any(|w| b.what.binary_search(w).is_ok())
}

/// The article's lead differs from the lead of every member of `core` led
/// by the same mark, and at least one is.
pub(crate) fn conflict(article: Option<&Lead>, core: &[Option<&Lead>]) -> bool {
    let Some(a) = article else { return false };
    let same: Vec<&Lead> = core
        .iter()
        .flatten()
        .copied()
        .filter(|m| m.mark == a.mark)
        .collect();
    !same.is_empty() && same.iter().all(|m| differ(a, m))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_company_results_and_split_differ() {
        let a = lead("QUILLFEN CORP <QFN> 3RD QTR NET").unwrap();
        let b = lead("QUILLFEN CORP <QFN> SETS TWO-FOR-ONE SPLIT").unwrap();
        assert!(differ(&a, &b));
        assert!(conflict(Some(&a), &[Some(&b), None]));
    }

    #[test]
    fn one_company_one_matter_does_not_differ() {
        let a = lead("MARLOWE <MRL> TO FIGHT SUIT").unwrap();
        let b = lead("MARLOWE <MRL> FILES COUNTER SUITS").unwrap();
        assert!(!differ(&a, &b));
    }

    #[test]
    fn a_mark_deep_in_the_headline_or_another_leader_is_no_lead_match() {
        assert_eq!(
            lead("ORMSBY SAYS HE DISCUSSED CONTROL OF TALLIS <TLS> WITH BANKS"),
            None
        );
        let a = lead("PENROSE <PNR> AGREES TO VELLUM <VLM> BUYOUT").unwrap();
        let b = lead("VELLUM <VLM> ACQUIRES STAKE IN PENROSE <PNR>").unwrap();
        assert!(!differ(&a, &b));
        assert!(!conflict(Some(&a), &[Some(&b)]));
    }
}

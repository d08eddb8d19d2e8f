//! Event titles and slugs: the most representative headline, cleaned.

/// Small words kept lowercase inside a title-cased headline.
const SMALL: &[&str] = &[
    "a", "an", "and", "as", "at", "by", "for", "from", "in", "into", "of", "on", "or", "over",
    "the", "to", "vs", "with",
];

/// A headline without outlet suffixes (" - Reuters", " | BBC News"),
/// surrounding quotes and shouting (ALL CAPS becomes Title Case).
pub fn clean_title(raw: &str, source: Option<&str>) -> String {
    let mut t = raw.split_whitespace().collect::<Vec<_>>().join(" ");
    loop {
        let before = t.len();
        t = strip_suffix(&t, source);
        t = strip_quotes(&t);
        if t.len() == before {
            break;
        }
    }
    if is_shouting(&t) {
        t = title_case(&t);
    }
    t
}

/// Drops a trailing " - Outlet" / " | Outlet" / " — Outlet" segment when it
/// is short (≤ 4 words) or names the article's source.
fn strip_suffix(t: &str, source: Option<&str>) -> String {
    for sep in [" | ", " - ", " — ", " – "] {
        if let Some(k) = t.rfind(sep) {
            let (head, tail) = (&t[..k], &t[k + sep.len()..]);
            let is_source = source.is_some_and(|s| tail.eq_ignore_ascii_case(s));
            let short = tail.split_whitespace().count() <= 4
                && tail.starts_with(|c: char| c.is_uppercase());
            if !head.trim().is_empty()
                && head.split_whitespace().count() >= 3
                && (is_source || short)
            {
                return head.trim_end().to_string();
            }
        }
    }
    t.to_string()
}

fn strip_quotes(t: &str) -> String {
    let pairs = [('"', '"'), ('“', '”'), ('\'', '\''), ('‘', '’'), ('«', '»')];
    for (open, close) in pairs {
        if let Some(inner) = t.strip_prefix(open).and_then(|r| r.strip_suffix(close)) {
            if !inner.contains(open) && !inner.contains(close) {
                return inner.trim().to_string();
            }
        }
    }
    t.to_string()
}

/// Mostly upper-case letters (at least 4 letters).
fn is_shouting(t: &str) -> bool {
    let letters: Vec<char> = t.chars().filter(|c| c.is_alphabetic()).collect();
    letters.len() >= 4
        && letters.iter().filter(|c| c.is_uppercase()).count() * 10 >= letters.len() * 9
}

/// "CANDLEWOOD BANK OF U.S. STARTS OFFERING" → "Candlewood Bank of U.S. Starts Offering".
fn title_case(t: &str) -> String {
    t.split(' ')
        .enumerate()
        .map(|(i, w)| {
            let lower = w.to_lowercase();
            if w.contains('.') || w.chars().any(|c| c.is_ascii_digit()) {
                w.to_string() // U.S., 1987/88: keep as written
            } else if i > 0 && SMALL.contains(&lower.as_str()) {
                lower
            } else {
                // Capitalise the first letter, after any "<" or "(".
                let k = lower.find(char::is_alphabetic).unwrap_or(0);
                let (head, tail) = lower.split_at(k);
                let mut c = tail.chars();
                let first: String = c
                    .next()
                    .map(|f| f.to_uppercase().collect())
                    .unwrap_or_default();
                format!("{head}{first}{}", c.as_str())
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Lowercase ASCII slug of at most `max_words` words: "U.S.-Russia Talks
/// Begin in Saudi Arabia" → "us-russia-talks-begin-in-saudi".
pub fn slugify(text: &str, max_words: usize) -> String {
    let ascii = deunicode::deunicode(text)
        .to_lowercase()
        .replace(['.', '\''], "");
    ascii
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(max_words)
        .collect::<Vec<_>>()
        .join("-")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_outlets_quotes_and_shouting() {
        assert_eq!(
            clean_title("Storm hits the coast - Reuters", Some("Reuters")),
            "Storm hits the coast"
        );
        assert_eq!(
            clean_title("Storm hits the coast | Daily Planet", None),
            "Storm hits the coast"
        );
        assert_eq!(
            clean_title("“Storm hits the coast”", None),
            "Storm hits the coast"
        );
        assert_eq!(
            clean_title("CANDLEWOOD BANK OF U.S. STARTS OFFERING", None),
            "Candlewood Bank of U.S. Starts Offering"
        );
        assert_eq!(
            clean_title("<OE INC> 4TH QTR NET", None),
            "<Oe Inc> 4TH Qtr Net"
        );
        assert_eq!(
            clean_title("A - B", None),
            "A - B",
            "too short to have an outlet suffix"
        );
        assert_eq!(
            clean_title("Talks in Riyadh - what we know so far about it", None),
            "Talks in Riyadh - what we know so far about it"
        );
    }

    #[test]
    fn slugs_are_ascii_and_short() {
        assert_eq!(
            slugify("U.S.-Russia Talks Begin in Saudi Arabia", 6),
            "us-russia-talks-begin-in-saudi"
        );
        assert_eq!(
            slugify("Zürich: Straße gesperrt!", 6),
            "zurich-strasse-gesperrt"
        );
        assert_eq!(slugify("", 6), "");
    }
}

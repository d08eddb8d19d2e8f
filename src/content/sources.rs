//! Outlet names from article addresses.
//!
//! A small table of well-known outlets gives their proper names; any other
//! host falls back to its registrable domain's name, title-cased
//! (`kyiv-post.example` → "Kyiv Post"). The table is matched on the host and
//! its parent domains, so `edition.cnn.com` is CNN.

/// (domain, outlet name); a host matches a domain when it equals it or ends
/// with `.` + it.
const KNOWN: &[(&str, &str)] = &[
    ("themoscowtimes.com", "The Moscow Times"),
    ("reuters.com", "Reuters"),
    ("cnbc.com", "CNBC"),
    ("dw.com", "DW"),
    ("bbc.co.uk", "BBC"),
    ("bbc.com", "BBC"),
    ("apnews.com", "AP"),
    ("nytimes.com", "The New York Times"),
    ("theguardian.com", "The Guardian"),
    ("aljazeera.com", "Al Jazeera"),
    ("cnn.com", "CNN"),
    ("washingtonpost.com", "The Washington Post"),
    ("wsj.com", "The Wall Street Journal"),
    ("ft.com", "Financial Times"),
    ("bloomberg.com", "Bloomberg"),
    ("politico.com", "Politico"),
    ("politico.eu", "Politico Europe"),
    ("euronews.com", "Euronews"),
    ("france24.com", "France 24"),
    ("afp.com", "AFP"),
    ("npr.org", "NPR"),
    ("nbcnews.com", "NBC News"),
    ("cbsnews.com", "CBS News"),
    ("abcnews.go.com", "ABC News"),
    ("foxnews.com", "Fox News"),
    ("axios.com", "Axios"),
    ("thehill.com", "The Hill"),
    ("economist.com", "The Economist"),
    ("independent.co.uk", "The Independent"),
    ("telegraph.co.uk", "The Telegraph"),
    ("news.sky.com", "Sky News"),
    ("spiegel.de", "Der Spiegel"),
    ("lemonde.fr", "Le Monde"),
    ("kyivindependent.com", "The Kyiv Independent"),
    ("kyivpost.com", "Kyiv Post"),
    ("meduza.io", "Meduza"),
    ("rferl.org", "RFE/RL"),
    ("voanews.com", "VOA"),
    ("tass.com", "TASS"),
    ("tass.ru", "TASS"),
    ("rt.com", "RT"),
    ("arabnews.com", "Arab News"),
    ("aa.com.tr", "Anadolu Agency"),
    ("thenationalnews.com", "The National"),
    ("timesofisrael.com", "The Times of Israel"),
];

/// Second-level labels under which registrations happen (`example.co.uk`).
const SECOND_LEVEL: &[&str] = &[
    "co", "com", "org", "net", "ac", "gov", "edu", "go", "ne", "or",
];

/// The host of an `http(s)://` address, lowercased, without `www.`, port
/// or credentials. `None` for anything else.
pub fn host(url: &str) -> Option<String> {
    let rest = url
        .trim()
        .strip_prefix("https://")
        .or_else(|| url.trim().strip_prefix("http://"))?;
    let authority = rest.split(['/', '?', '#']).next()?;
    let authority = authority.rsplit('@').next()?;
    let host = authority.split(':').next()?.trim_end_matches('.');
    let host = host.strip_prefix("www.").unwrap_or(host);
    let valid = !host.is_empty()
        && host.contains('.')
        && host
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'.' || b == b'-');
    valid.then(|| host.to_ascii_lowercase())
}

/// The outlet name for an article address: the table, else the
/// registrable domain's name title-cased. `None` when `url` has no host.
pub fn outlet_from_url(url: &str) -> Option<String> {
    let host = host(url)?;
    if let Some((_, name)) = KNOWN.iter().find(|(domain, _)| {
        host == *domain
            || (host.ends_with(domain) && host[..host.len() - domain.len()].ends_with('.'))
    }) {
        return Some(name.to_string());
    }
    let labels: Vec<&str> = host.split('.').collect();
    let n = labels.len();
    let name = if n >= 3 && labels[n - 1].len() == 2 && SECOND_LEVEL.contains(&labels[n - 2]) {
        labels[n - 3]
    } else {
        labels[n - 2]
    };
    Some(title_case_label(name))
}

/// Words of a title kept when it names a source.
const SHORT_TITLE_WORDS: usize = 5;

/// A name for an article's source, never empty: the outlet, else the
/// outlet of its address (table or domain), else its title's first words,
/// else its id.
pub fn source_name(outlet: Option<&str>, url: Option<&str>, title: &str, id: &str) -> String {
    if let Some(o) = outlet.map(str::trim).filter(|o| !o.is_empty()) {
        return o.to_string();
    }
    if let Some(o) = url.and_then(outlet_from_url) {
        return o;
    }
    let words: Vec<&str> = title.split_whitespace().collect();
    match words.len() {
        0 => id.to_string(),
        n if n <= SHORT_TITLE_WORDS => words.join(" "),
        _ => format!("{}…", words[..SHORT_TITLE_WORDS].join(" ")),
    }
}

/// `kyiv-post` → "Kyiv Post"; `example` → "Example".
fn title_case_label(label: &str) -> String {
    label
        .split(['-', '_'])
        .filter(|w| !w.is_empty())
        .map(|w| {
            let mut c = w.chars();
            let first = c.next().map(|f| f.to_ascii_uppercase()).unwrap_or_default();
            std::iter::once(first).chain(c).collect::<String>()
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn source_names_are_never_bare() {
        let name = |o, u, t| source_name(o, u, t, "id-1");
        assert_eq!(name(Some("Harbour Times"), None, "x"), "Harbour Times");
        assert_eq!(
            name(None, Some("https://www.reuters.com/a"), "x"),
            "Reuters"
        );
        assert_eq!(
            name(Some(" "), Some("https://lake-post.example/b"), "x"),
            "Lake Post"
        );
        assert_eq!(
            name(None, None, "Ferry service resumes on the northern route"),
            "Ferry service resumes on the…"
        );
        assert_eq!(name(None, None, ""), "id-1");
    }

    #[test]
    fn extracts_hosts() {
        assert_eq!(
            host("https://www.Example.org/a/b?c").as_deref(),
            Some("example.org")
        );
        assert_eq!(
            host("http://user@news.example.net:8080/x").as_deref(),
            Some("news.example.net")
        );
        assert_eq!(host("ftp://example.org"), None);
        assert_eq!(host("https://localhost/"), None);
    }

    #[test]
    fn known_outlets_by_domain_and_subdomain() {
        let names: Vec<_> = [
            "https://www.themoscowtimes.com/2020/01/01/x",
            "https://edition.cnn.com/y",
            "https://www.bbc.co.uk/news/z",
            "https://apnews.com/article/q",
        ]
        .iter()
        .map(|u| outlet_from_url(u).unwrap())
        .collect();
        assert_eq!(names, ["The Moscow Times", "CNN", "BBC", "AP"]);
    }

    #[test]
    fn does_not_match_a_suffix_that_is_not_a_label() {
        // "notreuters.com" must not be taken for reuters.com.
        assert_eq!(
            outlet_from_url("https://notreuters.com/a").as_deref(),
            Some("Notreuters")
        );
    }

    #[test]
    fn unknown_hosts_use_the_registrable_domain() {
        assert_eq!(
            outlet_from_url("https://news.kyiv-post.example/a").as_deref(),
            Some("Kyiv Post")
        );
        assert_eq!(
            outlet_from_url("https://www.dailyplanet.co.uk/a").as_deref(),
            Some("Dailyplanet")
        );
        assert_eq!(outlet_from_url("not a url"), None);
    }
}

//! Article slugs: the `id` in `/articles/<id>/`.
//!
//! A slug is the title transliterated to ASCII (deunicode), lowercased,
//! with every run of other characters turned into one `-`, cut at a word
//! boundary to at most [`SLUG_MAX`] characters; the file stem is the
//! fallback when the title has no letters or digits, then "article".
//!
//! Collisions: among articles with the same slug, the one with the earliest
//! (date, source_path) keeps the plain slug; each other one gets
//! `-<first 6 hex digits of FNV-1a 64 of its source_path>`. The suffix only
//! depends on the article's own path, so adding a later article with the
//! same title never moves an existing article's address. Drafts take part,
//! so publishing a draft does not move anything either.

use super::article::Article;
use std::collections::{BTreeMap, BTreeSet};

/// Longest slug, in characters, before it is cut at a word boundary.
pub const SLUG_MAX: usize = 60;

/// The slug of `title`, or `None` when it has no ASCII letters or digits.
pub fn slugify(title: &str) -> Option<String> {
    let ascii = deunicode::deunicode(title);
    let mut slug = String::with_capacity(ascii.len());
    for c in ascii.chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c.to_ascii_lowercase());
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    let mut slug = slug.trim_end_matches('-').to_string();
    if slug.len() > SLUG_MAX {
        let cut = slug[..=SLUG_MAX]
            .rfind('-')
            .filter(|&i| i > 0)
            .unwrap_or(SLUG_MAX);
        slug.truncate(cut);
    }
    (!slug.is_empty()).then_some(slug)
}

/// The slug for an article: from its title, else its file stem, else "article".
pub fn article_slug(title: &str, source_path: &str) -> String {
    let file = source_path.rsplit('/').next().unwrap_or(source_path);
    let stem = file.rsplit_once('.').map_or(file, |(s, _)| s);
    slugify(title)
        .or_else(|| slugify(stem))
        .unwrap_or_else(|| "article".to_string())
}

/// FNV-1a, 64 bit: stable across platforms and releases (unlike `std`'s
/// hasher), which is what a published address needs.
pub fn fnv1a64(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= b as u64;
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// Makes `id`s unique as described in the module docs. A suffixed slug that
/// still collides (astronomically unlikely) takes more hex digits of the hash.
pub fn dedupe(articles: &mut [Article]) {
    let mut groups: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (i, a) in articles.iter().enumerate() {
        groups.entry(a.id.clone()).or_default().push(i);
    }
    let mut taken: BTreeSet<String> = groups.keys().cloned().collect();
    for (slug, mut members) in groups {
        if members.len() < 2 {
            continue;
        }
        members.sort_by(|&a, &b| {
            let (a, b) = (&articles[a], &articles[b]);
            (a.date, &a.source_path).cmp(&(b.date, &b.source_path))
        });
        for &i in &members[1..] {
            let hash = format!("{:016x}", fnv1a64(articles[i].source_path.as_bytes()));
            let id = (6..=16)
                .map(|n| format!("{slug}-{}", &hash[..n]))
                .find(|id| !taken.contains(id))
                .unwrap_or_else(|| format!("{slug}-{hash}-{i}"));
            taken.insert(id.clone());
            articles[i].id = id;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_lowercase_ascii_with_single_hyphens() {
        assert_eq!(
            slugify("Zoë's Café — Open Again!").as_deref(),
            Some("zoe-s-cafe-open-again")
        );
        assert_eq!(slugify("  --Ünïcödé  ").as_deref(), Some("unicode"));
        assert_eq!(slugify("!!!"), None);
    }

    #[test]
    fn long_titles_are_cut_at_a_word_boundary() {
        let title = "alpha ".repeat(20);
        let s = slugify(&title).unwrap();
        assert!(s.len() <= SLUG_MAX, "{s}");
        assert!(s.ends_with("alpha") && !s.ends_with('-'), "{s}");
        let one_word = "x".repeat(80);
        assert_eq!(slugify(&one_word).unwrap().len(), SLUG_MAX);
    }

    #[test]
    fn falls_back_to_stem_then_article() {
        assert_eq!(article_slug("???", "dir/Some File.txt"), "some-file");
        assert_eq!(article_slug("", "dir/___.md"), "article");
    }

    #[test]
    fn fnv_matches_reference_values() {
        assert_eq!(fnv1a64(b""), 0xcbf29ce484222325);
        assert_eq!(fnv1a64(b"a"), 0xaf63dc4c8601ec8c);
    }
}

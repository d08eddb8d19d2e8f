//! Stable addresses: once published, an event or person address keeps
//! answering, whatever later articles do.
//!
//! The build remembers every address it published in `.briefing/addresses.json`
//! at the site root (commit it, like a lock file: CI builds on GitHub Pages
//! then keep the same addresses). On the next build each new event or person
//! is matched to the old address whose members (article ids) it shares most:
//! it *inherits* that slug even if its title or canonical name changed. When
//! two old events (or people) merge, the loser's address becomes a redirect
//! page to the winner. An address whose articles all disappeared redirects to
//! its index page. Redirect chains are collapsed.

use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Where the address memory lives, relative to the site root.
pub const ADDRESSES_FILE: &str = ".briefing/addresses.json";

/// A page that moved: `from` (site-relative dir) now points at `to`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Redirect {
    /// Old site-relative directory (`events/old-slug/`).
    pub from: String,
    /// New site-relative directory.
    pub to: String,
    /// Title of the target, for the redirect page.
    pub title: String,
}

/// Addresses published by earlier builds.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct AddressBook {
    /// Format version.
    pub version: u32,
    /// Article: source path → id.
    pub articles: BTreeMap<String, String>,
    /// Events by slug.
    pub events: BTreeMap<String, Entry>,
    /// People by slug.
    pub people: BTreeMap<String, Entry>,
}

/// One published address.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    /// Article ids it covered when last published. Empty for a redirect to
    /// another item; kept for an address whose articles all disappeared
    /// (a *tombstone*, redirecting to the index), so that when they come
    /// back their item reclaims the address instead of taking `-2`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub members: Vec<String>,
    /// Slug it now redirects to; `""` means "the index page".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub redirect: Option<String>,
}

/// Something that gets an address: its freshly computed slug and members.
pub struct Addressable<'a> {
    /// Slug computed by this build.
    pub slug: &'a mut String,
    /// Article ids.
    pub members: &'a [String],
}

impl AddressBook {
    /// Path of the memory file for a site root.
    pub fn path(root: &Path) -> PathBuf {
        root.join(ADDRESSES_FILE)
    }

    /// Loads the memory; a missing file is an empty book. A corrupt file is
    /// an error: silently forgetting it would move published addresses.
    pub fn load(root: &Path) -> Result<AddressBook, String> {
        let path = AddressBook::path(root);
        match std::fs::read_to_string(&path) {
            Ok(text) => serde_json::from_str(&text).map_err(|e| {
                format!("{}:{}:{}: {e}\n  help: restore the file from version control, or delete it to start addresses afresh", path.display(), e.line(), e.column())
            }),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(AddressBook { version: 1, ..Default::default() }),
            Err(e) => Err(format!("{}: cannot read: {e}", path.display())),
        }
    }

    /// Writes the memory atomically (temp file + rename).
    pub fn save(&self, root: &Path) -> std::io::Result<()> {
        let path = AddressBook::path(root);
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)?;
        }
        let tmp = path.with_extension("json.tmp");
        let mut text = serde_json::to_string_pretty(self).expect("address book serialises");
        text.push('\n');
        std::fs::write(&tmp, text)?;
        std::fs::rename(tmp, path)
    }
}

/// Gives each item a stable slug (mutating `slug`) and returns the updated
/// book section plus the old slug → new slug renames for redirects.
/// `book` is the previous section (events or people).
pub fn stabilise(
    book: &BTreeMap<String, Entry>,
    items: &mut [Addressable],
) -> (BTreeMap<String, Entry>, BTreeMap<String, String>) {
    let mut claimed: BTreeSet<String> = BTreeSet::new();
    let mut redirects: BTreeMap<String, String> = BTreeMap::new();
    let live: Vec<(&String, &Entry)> = book.iter().filter(|(_, e)| e.redirect.is_none()).collect();
    // Tombstones: claimable by their old members, after every live address.
    let dead: Vec<(&String, &Entry)> = book
        .iter()
        .filter(|(_, e)| e.redirect.as_deref() == Some("") && !e.members.is_empty())
        .collect();
    // Inverted index member → live old addresses, so matching costs the
    // number of shared members, not items × addresses.
    let mut postings: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (k, (_, e)) in live.iter().enumerate() {
        for m in &e.members {
            postings.entry(m.as_str()).or_default().push(k);
        }
    }
    let overlaps = |members: &[String]| -> BTreeMap<usize, usize> {
        let mut counts = BTreeMap::new();
        for m in members {
            for &k in postings.get(m.as_str()).map(Vec::as_slice).unwrap_or(&[]) {
                *counts.entry(k).or_insert(0) += 1;
            }
        }
        counts
    };
    let counts: Vec<BTreeMap<usize, usize>> = items.iter().map(|it| overlaps(it.members)).collect();
    let dead_counts = tombstone_overlaps(&dead, items);
    let mut slugs: Vec<String> = items.iter().map(|it| it.slug.clone()).collect();
    // The unclaimed old address sharing most members with item `i`.
    let best = |i: usize, claimed: &BTreeSet<String>| -> Option<(usize, String)> {
        counts[i]
            .iter()
            .map(|(&k, &n)| (n, live[k].0))
            .filter(|(_, s)| !claimed.contains(*s))
            .max_by(|a, b| a.0.cmp(&b.0).then_with(|| b.1.cmp(a.1)))
            .map(|(n, s)| (n, s.clone()))
    };
    // Items with the largest overlap claim first, so a merge keeps the
    // address of the biggest old page; ties by slug for determinism.
    let first_best: Vec<usize> = (0..items.len())
        .map(|i| best(i, &claimed).map_or(0, |b| b.0))
        .collect();
    let mut order: Vec<usize> = (0..items.len()).collect();
    order.sort_by(|&a, &b| {
        first_best[b]
            .cmp(&first_best[a])
            .then_with(|| slugs[a].cmp(&slugs[b]))
    });
    let mut fresh: Vec<usize> = Vec::new();
    let mut reclaimed: BTreeSet<usize> = BTreeSet::new();
    for &i in &order {
        match best(i, &claimed) {
            Some((_, old)) => slugs[i] = old,
            None => {
                fresh.push(i);
                continue;
            }
        }
        claimed.insert(slugs[i].clone());
    }
    // Items no live address fits: a tombstone sharing their members, else
    // a new slug (after every reclaim, so a new slug never takes a
    // tombstone's own suffix first).
    for &i in &fresh {
        let back = dead_counts[i]
            .iter()
            .map(|(&k, &n)| (n, dead[k].0))
            .filter(|(_, s)| !claimed.contains(*s))
            .max_by(|a, b| a.0.cmp(&b.0).then_with(|| b.1.cmp(a.1)))
            .map(|(_, s)| s.clone());
        if let Some(old) = back {
            slugs[i] = old;
            claimed.insert(slugs[i].clone());
            reclaimed.insert(i);
        }
    }
    for &i in fresh.iter().filter(|i| !reclaimed.contains(i)) {
        slugs[i] = unique(&slugs[i], &claimed, book);
        claimed.insert(slugs[i].clone());
    }
    // Old live addresses not inherited: redirect to the item that took most of their members.
    let mut took: BTreeMap<usize, Vec<(usize, usize)>> = BTreeMap::new();
    for (i, c) in counts.iter().enumerate() {
        for (&k, &n) in c {
            took.entry(k).or_default().push((n, i));
        }
    }
    for (k, (slug, _)) in live.iter().enumerate() {
        if claimed.contains(*slug) {
            continue;
        }
        let target = took
            .get(&k)
            .and_then(|v| {
                v.iter()
                    .max_by(|a, b| a.0.cmp(&b.0).then_with(|| slugs[b.1].cmp(&slugs[a.1])))
            })
            .map(|&(_, i)| slugs[i].clone())
            .unwrap_or_default();
        redirects.insert((*slug).clone(), target);
    }
    for (it, slug) in items.iter_mut().zip(slugs) {
        *it.slug = slug;
    }
    let mut out: BTreeMap<String, Entry> = BTreeMap::new();
    for it in items.iter() {
        let mut members = it.members.to_vec();
        members.sort();
        out.insert(
            it.slug.clone(),
            Entry {
                members,
                redirect: None,
            },
        );
    }
    // Keep every old redirect, following chains to a live address.
    for (slug, entry) in book {
        if let Some(to) = &entry.redirect {
            redirects.entry(slug.clone()).or_insert_with(|| to.clone());
        }
    }
    let resolved: BTreeMap<String, String> = redirects
        .keys()
        .map(|from| (from.clone(), resolve_chain(from, &redirects, &out)))
        .filter(|(from, _)| !out.contains_key(from))
        .collect();
    for (from, to) in &resolved {
        // An address redirecting to the index keeps the members it last had.
        let members = match (to.as_str(), book.get(from)) {
            ("", Some(e)) => e.members.clone(),
            _ => Vec::new(),
        };
        out.insert(
            from.clone(),
            Entry {
                members,
                redirect: Some(to.clone()),
            },
        );
    }
    (out, resolved)
}

fn resolve_chain(
    from: &str,
    redirects: &BTreeMap<String, String>,
    live: &BTreeMap<String, Entry>,
) -> String {
    let mut cur = from.to_string();
    for _ in 0..64 {
        match redirects.get(&cur) {
            Some(next) if !next.is_empty() && !live.contains_key(next) && next != &cur => {
                cur = next.clone()
            }
            Some(next) => return next.clone(),
            None => return cur,
        }
    }
    String::new()
}

/// For each item, the tombstones (indices into `dead`) sharing members
/// with it, and how many.
fn tombstone_overlaps(
    dead: &[(&String, &Entry)],
    items: &[Addressable],
) -> Vec<BTreeMap<usize, usize>> {
    let mut postings: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (k, (_, e)) in dead.iter().enumerate() {
        for m in &e.members {
            postings.entry(m.as_str()).or_default().push(k);
        }
    }
    items
        .iter()
        .map(|it| {
            let mut counts = BTreeMap::new();
            for m in it.members {
                for &k in postings.get(m.as_str()).map(Vec::as_slice).unwrap_or(&[]) {
                    *counts.entry(k).or_insert(0) += 1;
                }
            }
            counts
        })
        .collect()
}

/// `slug`, or `slug-2`, `slug-3`… if taken now or by an earlier address.
fn unique(slug: &str, claimed: &BTreeSet<String>, book: &BTreeMap<String, Entry>) -> String {
    let taken = |s: &str| claimed.contains(s) || book.contains_key(s);
    if !taken(slug) {
        return slug.to_string();
    }
    (2..)
        .map(|n| format!("{slug}-{n}"))
        .find(|s| !taken(s))
        .expect("some suffix is free")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(members: &[&str]) -> Entry {
        Entry {
            members: members.iter().map(|s| s.to_string()).collect(),
            redirect: None,
        }
    }

    fn run(
        book: &BTreeMap<String, Entry>,
        items: &[(&str, &[&str])],
    ) -> (
        Vec<String>,
        BTreeMap<String, String>,
        BTreeMap<String, Entry>,
    ) {
        let mut slugs: Vec<String> = items.iter().map(|(s, _)| s.to_string()).collect();
        let members: Vec<Vec<String>> = items
            .iter()
            .map(|(_, m)| m.iter().map(|s| s.to_string()).collect())
            .collect();
        let mut adds: Vec<Addressable> = slugs
            .iter_mut()
            .zip(&members)
            .map(|(slug, m)| Addressable { slug, members: m })
            .collect();
        let (book, redirects) = stabilise(book, &mut adds);
        (slugs, redirects, book)
    }

    #[test]
    fn keeps_slug_when_title_changes() {
        let mut book = BTreeMap::new();
        book.insert("talks".to_string(), entry(&["a"]));
        let (slugs, redirects, _) = run(&book, &[("renamed-talks", &["a", "b"])]);
        assert_eq!(slugs, vec!["talks"]);
        assert!(redirects.is_empty());
    }

    #[test]
    fn merged_events_leave_a_redirect_and_chains_collapse() {
        let mut book = BTreeMap::new();
        book.insert("x".to_string(), entry(&["a", "b"]));
        book.insert("y".to_string(), entry(&["c"]));
        book.insert(
            "old".to_string(),
            Entry {
                members: vec![],
                redirect: Some("y".into()),
            },
        );
        let (slugs, redirects, book) = run(&book, &[("z", &["a", "b", "c"])]);
        assert_eq!(slugs, vec!["x"]);
        assert_eq!(redirects.get("y").map(String::as_str), Some("x"));
        assert_eq!(redirects.get("old").map(String::as_str), Some("x"));
        assert_eq!(book["y"].redirect.as_deref(), Some("x"));
    }

    #[test]
    fn a_deleted_item_that_comes_back_reclaims_its_address() {
        let mut book = BTreeMap::new();
        book.insert("talks".to_string(), entry(&["a"]));
        book.insert("other".to_string(), entry(&["b"]));
        // "a" deleted: its address redirects to the index, remembering "a".
        let (_, redirects, book) = run(&book, &[("other", &["b"])]);
        assert_eq!(redirects.get("talks").map(String::as_str), Some(""));
        assert_eq!(book["talks"].members, vec!["a".to_string()]);
        // "a" back: same address, no redirect, no `-2`; and again.
        let (slugs, redirects, book) = run(&book, &[("other", &["b"]), ("talks", &["a"])]);
        assert_eq!(slugs, vec!["other", "talks"]);
        assert!(redirects.is_empty());
        assert!(book["talks"].redirect.is_none());
        let (_, _, book) = run(&book, &[("other", &["b"])]);
        let (slugs, _, book) = run(&book, &[("other", &["b"]), ("talks", &["a"])]);
        assert_eq!(slugs, vec!["other", "talks"]);
        assert_eq!(book.len(), 2);
        // A new item with that slug but other members still gets a suffix.
        let (_, _, book) = run(&book, &[("other", &["b"])]);
        let (slugs, _, _) = run(&book, &[("other", &["b"]), ("talks", &["z"])]);
        assert_eq!(slugs, vec!["other", "talks-2"]);
    }

    #[test]
    fn new_slug_never_reuses_an_old_address() {
        let mut book = BTreeMap::new();
        book.insert("talks".to_string(), entry(&["a"]));
        let (slugs, _, _) = run(&book, &[("talks", &["zzz"]), ("other", &["a"])]);
        assert_eq!(slugs, vec!["talks-2", "talks"]);
    }
}

//! Memo of each event's briefing: lede, summary, timeline and what comes
//! next, keyed by a hash of what they are computed from.
//!
//! Those four are a pure function of the event's member articles (in
//! order), its place and whether a curated summary replaces the inferred
//! one (see `events::event`): they are scored in the event's own term space
//! (`summary::event_space`), never against corpus-wide statistics. So an
//! event whose members did not change reuses them byte for byte, and an
//! incremental build equals a clean one. The memo file also carries the
//! code fingerprint ([`crate::cache::code_fingerprint`]), so a new binary,
//! e.g. with evt's or brief's changed rules, starts afresh.

use super::summary::SummarySentence;
use super::timeline::Dated;
use crate::cache::Memo;
use crate::content::Article;
use rayon::prelude::*;
use serde::{Deserialize, Serialize};

/// Memo file relative to the site root.
pub const MEMO_FILE: &str = ".briefing/cache/events.bin";

/// The memoised part of an [`super::Event`].
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Briefing {
    /// `Event::lede`.
    pub lede: Vec<SummarySentence>,
    /// `Event::summary`.
    pub summary: Vec<SummarySentence>,
    /// `Event::timeline`.
    pub timeline: Vec<Dated>,
    /// `Event::next`.
    pub next: Vec<Dated>,
}

/// Event briefings by input hash.
pub type EventMemo = Memo<Briefing>;

/// An empty memo (a clean build).
pub fn empty() -> EventMemo {
    Memo::empty(MEMO_FILE)
}

/// Content hash of each article (everything in it, as the analysis cache
/// keys it), computed on all cores.
pub fn article_keys(articles: &[&Article]) -> Vec<u128> {
    articles.par_iter().map(|a| crate::cache::key(a)).collect()
}

/// The key of one event's briefing: its members' content hashes in member
/// order, its place, and whether a curated summary replaces the inferred.
pub fn key(member_keys: &[u128], place: Option<&str>, curated_summary: bool) -> u128 {
    let mut bytes = Vec::with_capacity(member_keys.len() * 16 + 64);
    for k in member_keys {
        bytes.extend_from_slice(&k.to_le_bytes());
    }
    bytes.push(curated_summary as u8);
    match place {
        Some(p) => {
            bytes.push(1);
            bytes.extend_from_slice(p.as_bytes());
        }
        None => bytes.push(0),
    }
    crate::output::hash_bytes(&bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn key_covers_members_order_place_and_curation() {
        let base = key(&[1, 2], Some("Oslo"), false);
        assert_ne!(base, key(&[2, 1], Some("Oslo"), false));
        assert_ne!(base, key(&[1, 2, 3], Some("Oslo"), false));
        assert_ne!(base, key(&[1, 2], Some("Bergen"), false));
        assert_ne!(base, key(&[1, 2], None, false));
        assert_ne!(base, key(&[1, 2], Some("Oslo"), true));
        assert_eq!(base, key(&[1, 2], Some("Oslo"), false));
    }

    #[test]
    fn memo_round_trips_and_keeps_only_used_entries() {
        let root = std::env::temp_dir().join(format!("briefing-evmemo-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&root);
        let b = Briefing {
            lede: Vec::new(),
            summary: Vec::new(),
            timeline: Vec::new(),
            next: Vec::new(),
        };
        let mut m = empty();
        m.record(7, Some(EventMemo::encode(&b)));
        m.record(8, Some(EventMemo::encode(&b)));
        m.save(&root).unwrap();
        let mut again = EventMemo::load(&root, MEMO_FILE);
        assert_eq!(again.get(7), Some(b.clone()));
        assert_eq!(again.get(9), None);
        again.record(7, None);
        again.save(&root).unwrap();
        let last = EventMemo::load(&root, MEMO_FILE);
        assert!(last.get(7).is_some());
        assert!(last.get(8).is_none(), "an unused entry is dropped");
        std::fs::write(root.join(MEMO_FILE), "garbage").unwrap();
        assert!(EventMemo::load(&root, MEMO_FILE).get(7).is_none());
        std::fs::remove_dir_all(&root).unwrap();
    }
}

//! Name lists learned from the training data ("gazetteers").
//!
//! Every capitalised token seen inside an annotated entity gets a bit for how
//! it was used (first or last token of a person name, part of an
//! organisation, …). The model sees these bits as features, which lets it
//! generalise from "seen as a surname" rather than from the word alone.
//! Keys are lower-case word hashes, so the list ships as numbers, not text.

use super::features::{lex, BuildIdentity, INIT_CAP};
use super::tags::{entities, EntityType, Tag};
use std::collections::HashMap;

/// First token of a multi-token CoNLL person name.
pub(crate) const PER_FIRST: u8 = 1;
/// Last token (or only token) of a CoNLL person name.
pub(crate) const PER_LAST: u8 = 2;
/// Token of a CoNLL organisation.
pub(crate) const ORG: u8 = 4;
/// Token of a CoNLL location.
pub(crate) const LOC: u8 = 8;
/// Token of a CoNLL miscellaneous entity.
pub(crate) const MISC: u8 = 16;
/// Token of a GMB person name (titles stripped).
pub(crate) const GMB_PER: u8 = 32;
/// Token of a GMB place (geo / gpe).
pub(crate) const GMB_LOC: u8 = 64;
/// Token of a GMB organisation.
pub(crate) const GMB_ORG: u8 = 128;

/// Lower-case word hash → bits.
#[derive(Clone, Debug, Default)]
pub(crate) struct Gazetteer {
    map: HashMap<u64, u8, BuildIdentity>,
}

impl Gazetteer {
    /// Bits for a lower-case word hash (0 if unknown).
    #[inline]
    pub(crate) fn get(&self, lower: u64) -> u8 {
        if self.map.is_empty() {
            return 0;
        }
        self.map.get(&lower).copied().unwrap_or(0)
    }

    /// Adds `bits` to the entry for `lower`.
    pub(crate) fn add(&mut self, lower: u64, bits: u8) {
        *self.map.entry(lower).or_insert(0) |= bits;
    }

    /// Adds the capitalised tokens of every entity in a tagged sentence,
    /// with the CoNLL bits.
    pub(crate) fn add_conll(&mut self, words: &[String], tags: &[Tag]) {
        for e in entities(tags) {
            let toks = &words[e.span.clone()];
            for (k, w) in toks.iter().enumerate() {
                let l = lex(w);
                if l.flags & INIT_CAP == 0 {
                    continue; // "of", "de", "van": function words carry no signal
                }
                let bit = match e.kind {
                    EntityType::Per if k + 1 == toks.len() => PER_LAST,
                    EntityType::Per => PER_FIRST,
                    EntityType::Org => ORG,
                    EntityType::Loc => LOC,
                    EntityType::Misc => MISC,
                };
                self.add(l.lower, bit);
            }
        }
    }

    /// Adds the capitalised tokens of GMB persons (titles already stripped),
    /// places and organisations, with the GMB bits: a second, independent
    /// source, so its bits mean "known name" even for CoNLL training tokens.
    pub(crate) fn add_gmb(&mut self, words: &[String], tags: &[Tag]) {
        for e in entities(tags) {
            let bit = match e.kind {
                EntityType::Per => GMB_PER,
                EntityType::Loc => GMB_LOC,
                EntityType::Org => GMB_ORG,
                EntityType::Misc => continue,
            };
            for w in &words[e.span] {
                let l = lex(w);
                if l.flags & INIT_CAP != 0 {
                    self.add(l.lower, bit);
                }
            }
        }
    }

    /// Entries sorted by key (for a deterministic file).
    pub(crate) fn sorted(&self) -> Vec<GazEntry> {
        let mut v: Vec<GazEntry> = self
            .map
            .iter()
            .map(|(&key, &bits)| GazEntry { key, bits })
            .collect();
        v.sort_unstable_by_key(|e| e.key);
        v
    }

    /// Number of entries.
    pub(crate) fn len(&self) -> usize {
        self.map.len()
    }
}

/// One serialised gazetteer entry.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct GazEntry {
    /// Lower-case word hash.
    pub key: u64,
    /// Bits.
    pub bits: u8,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn learns_name_positions_from_tags() {
        let words: Vec<String> = [
            "Mr.", "Bill", "Clinton", "of", "the", "Bank", "of", "England",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        let tags: Vec<Tag> = ["O", "B-PER", "I-PER", "O", "O", "B-ORG", "I-ORG", "I-ORG"]
            .iter()
            .map(|t| Tag::parse(t).unwrap())
            .collect();
        let mut g = Gazetteer::default();
        g.add_conll(&words, &tags);
        assert_eq!(g.get(lex("bill").lower), PER_FIRST);
        assert_eq!(g.get(lex("CLINTON").lower), PER_LAST);
        assert_eq!(g.get(lex("England").lower), ORG);
        assert_eq!(g.get(lex("of").lower), 0);
        assert_eq!(g.get(lex("Mr.").lower), 0);
        assert_eq!(g.len(), 4);
        g.add_gmb(&words, &tags);
        assert_eq!(g.get(lex("bill").lower), PER_FIRST | GMB_PER);
        assert_eq!(g.get(lex("England").lower), ORG | GMB_ORG);
        let s = g.sorted();
        assert!(s.windows(2).all(|w| w[0].key < w[1].key));
    }
}

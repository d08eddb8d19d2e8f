//! Grouping full-name spellings into people.
//!
//! Curated names and aliases are forced together first. Every other
//! spelling joins the one existing group whose every member it is
//! compatible with (`names::same_person`: complete linkage, so "J. Okafor"
//! can never glue a Ruth Okafor to a Daniel Okafor); with no such group, or
//! several, it starts its own. Spellings seen only in photo captions may
//! join a group but never start one.

use super::curated::Curation;
use crate::nlp::names::{self, NameKey};
use std::collections::{BTreeMap, BTreeSet};

/// A full-name spelling seen in the corpus.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Candidate {
    /// Normalised spelling.
    pub key: NameKey,
    /// Number of articles using it.
    pub articles: usize,
    /// Seen only in photo captions.
    pub caption_only: bool,
}

/// Groups of spellings, one per person.
#[derive(Debug, Default)]
pub(crate) struct Clusters {
    /// Spellings checked for compatibility, per group.
    members: Vec<Vec<NameKey>>,
    /// Curated file index, per group.
    pub curated: Vec<Option<usize>>,
    /// `briefing.yaml` alias group index, per group.
    pub alias_group: Vec<Option<usize>>,
    by_key: BTreeMap<NameKey, usize>,
    forced_bare: BTreeMap<NameKey, usize>,
    surnames: BTreeMap<String, BTreeSet<usize>>,
    /// Phonetic word → groups with a member using it: two spellings of one
    /// person share at least their surname, so only these are compared.
    words: BTreeMap<String, BTreeSet<usize>>,
}

impl Clusters {
    /// Groups `candidates` under `curation`.
    pub fn build(curation: &Curation, candidates: &[Candidate]) -> Clusters {
        let mut c = Clusters::default();
        for (i, p) in curation.people.iter().enumerate() {
            let id = c.forced(std::iter::once(&p.name).chain(&p.aliases));
            c.curated[id] = Some(i);
        }
        for (i, g) in curation.aliases.iter().enumerate() {
            let id = c.forced(std::iter::once(&g.canonical).chain(&g.variants));
            c.alias_group[id] = Some(i);
        }
        let mut order: Vec<&Candidate> = candidates
            .iter()
            .filter(|x| !curation.never.contains(&x.key))
            .collect();
        order.sort_by_key(|x| {
            (
                x.caption_only,
                has_initial(&x.key),
                std::cmp::Reverse(x.articles),
                std::cmp::Reverse(x.key.words().len()),
                x.key.clone(),
            )
        });
        for cand in order {
            if c.by_key.contains_key(&cand.key) {
                continue;
            }
            // Exactly one fitting group takes the name, else a new group.
            let fits = c.fitting(&cand.key);
            match (fits.as_slice(), cand.caption_only) {
                ([id], _) => c.add(*id, &cand.key),
                (_, false) => {
                    let id = c.new_group();
                    c.add(id, &cand.key);
                }
                _ => {}
            }
        }
        for (k, &id) in &c.by_key {
            for s in names::surnames(k) {
                c.surnames
                    .entry(names::phonetic(&s))
                    .or_default()
                    .insert(id);
            }
        }
        c
    }

    /// Number of groups.
    pub fn len(&self) -> usize {
        self.members.len()
    }

    /// The group of a full-name spelling.
    pub fn full(&self, key: &NameKey) -> Option<usize> {
        self.by_key.get(key).copied()
    }

    /// The group of a one-word (or particle-led) name: a curated alias, else
    /// the only group with that surname.
    pub fn bare(&self, key: &NameKey) -> Option<usize> {
        if let Some(&id) = self.forced_bare.get(key) {
            return Some(id);
        }
        let words = key.words();
        let last = words.iter().rev().find(|w| !names::is_particle(w))?;
        let groups = self.surnames.get(&names::phonetic(last))?;
        (groups.len() == 1).then(|| *groups.iter().next().unwrap_or(&0))
    }

    /// Every group whose surname a one-word (or particle-led) name is, when
    /// that surname belongs to more than one group ("Bush": George W. and
    /// Laura). Empty when it belongs to one or none (see [`Clusters::bare`]).
    pub fn bare_shared(&self, key: &NameKey) -> Vec<usize> {
        let words = key.words();
        let Some(last) = words.iter().rev().find(|w| !names::is_particle(w)) else {
            return Vec::new();
        };
        match self.surnames.get(&names::phonetic(last)) {
            Some(groups) if groups.len() > 1 => groups.iter().copied().collect(),
            _ => Vec::new(),
        }
    }

    /// The group a curated alias forces a one-word name into.
    pub fn forced_bare(&self, key: &NameKey) -> Option<usize> {
        self.forced_bare.get(key).copied()
    }

    /// Phonetic surname → group, for surnames that belong to one group only.
    pub fn unique_surnames(&self) -> BTreeMap<String, usize> {
        self.surnames
            .iter()
            .filter(|(_, g)| g.len() == 1)
            .filter_map(|(s, g)| g.iter().next().map(|&id| (s.clone(), id)))
            .collect()
    }

    fn new_group(&mut self) -> usize {
        self.members.push(Vec::new());
        self.curated.push(None);
        self.alias_group.push(None);
        self.members.len() - 1
    }

    fn add(&mut self, id: usize, key: &NameKey) {
        self.members[id].push(key.clone());
        self.by_key.insert(key.clone(), id);
        self.index_words(id, key);
    }

    fn index_words(&mut self, id: usize, key: &NameKey) {
        for w in key.words().into_iter().filter(|w| !names::is_particle(w)) {
            self.words.entry(names::phonetic(w)).or_default().insert(id);
        }
    }

    /// Groups with a member sharing a (non-particle) word with `key`, in order.
    fn sharing_a_word(&self, key: &NameKey) -> BTreeSet<usize> {
        key.words()
            .into_iter()
            .filter_map(|w| self.words.get(&names::phonetic(w)))
            .flatten()
            .copied()
            .collect()
    }

    /// Registers names forced together; joins the group already holding one of them.
    fn forced<'a>(&mut self, list: impl Iterator<Item = &'a String>) -> usize {
        let keys: Vec<NameKey> = list
            .map(|n| names::normalise(n))
            .filter(|k| !k.as_str().is_empty())
            .collect();
        let existing = keys.iter().find_map(|k| {
            self.by_key
                .get(k)
                .or_else(|| self.forced_bare.get(k))
                .copied()
        });
        let id = existing.unwrap_or_else(|| self.new_group());
        for (i, k) in keys.iter().enumerate() {
            if names::name_words(k) >= 2 {
                // Only the canonical name is checked for compatibility:
                // aliases are forced, not necessarily alike.
                if i == 0 && existing.is_none() {
                    self.members[id].push(k.clone());
                    self.index_words(id, k);
                }
                self.by_key.insert(k.clone(), id);
            } else {
                self.forced_bare.insert(k.clone(), id);
            }
        }
        id
    }

    /// Groups sharing a word with `key` whose every member is the same
    /// person as `key`: the one such group, or none or two of them when
    /// there is not exactly one (all that [`Clusters::build`] asks). A
    /// common given name is shared by hundreds of groups in a huge article
    /// (issue 12), so hundreds are tested on all cores, stopping at two.
    fn fitting(&self, key: &NameKey) -> Vec<usize> {
        use rayon::prelude::*;
        let sharing: Vec<usize> = self.sharing_a_word(key).into_iter().collect();
        let fits = |&id: &usize| self.compatible(id, key);
        // Below this many, a parallel call's wake-ups cost more than the tests.
        if sharing.len() < 256 {
            return sharing.into_iter().filter(fits).take(2).collect();
        }
        sharing.into_par_iter().filter(fits).take_any(2).collect()
    }

    fn compatible(&self, id: usize, key: &NameKey) -> bool {
        !self.members[id].is_empty() && self.members[id].iter().all(|m| names::same_person(m, key))
    }
}

fn has_initial(key: &NameKey) -> bool {
    key.words().iter().any(|w| w.len() == 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::people::curated::{AliasGroup, CuratedPerson};

    fn cand(name: &str, articles: usize) -> Candidate {
        Candidate {
            key: names::normalise(name),
            articles,
            caption_only: false,
        }
    }

    fn group(c: &Clusters, name: &str) -> Option<usize> {
        c.full(&names::normalise(name))
    }

    #[test]
    fn variants_join_namesakes_do_not() {
        let c = Clusters::build(
            &Curation::default(),
            &[
                cand("Ruth Okafor", 2),
                cand("Daniel Okafor", 1),
                cand("R. Okafor", 1),
                cand("Sergey Ivanov", 1),
                cand("Sergei Ivanov", 3),
            ],
        );
        assert_eq!(c.len(), 3);
        assert_ne!(group(&c, "Ruth Okafor"), group(&c, "Daniel Okafor"));
        assert_eq!(group(&c, "R. Okafor"), group(&c, "Ruth Okafor"));
        assert_eq!(group(&c, "Sergey Ivanov"), group(&c, "Sergei Ivanov"));
        // Two Okafors: a bare "Okafor" is ambiguous and resolves to no one.
        assert_eq!(c.bare(&names::normalise("Okafor")), None);
        assert_eq!(
            c.bare(&names::normalise("Ivanov")),
            group(&c, "Sergei Ivanov")
        );
    }

    #[test]
    fn ambiguous_initial_stays_apart() {
        let c = Clusters::build(
            &Curation::default(),
            &[
                cand("Ruth Okafor", 1),
                cand("Rita Okafor", 1),
                cand("R. Okafor", 1),
            ],
        );
        assert_eq!(c.len(), 3);
    }

    #[test]
    fn caption_spellings_join_but_never_start() {
        let mut only = cand("Tomas Lind", 1);
        only.caption_only = true;
        let mut longer = cand("Ada Maria Brandt", 1);
        longer.caption_only = true;
        let c = Clusters::build(&Curation::default(), &[only, longer, cand("Ada Brandt", 1)]);
        assert_eq!(c.len(), 1);
        assert_eq!(group(&c, "Ada Maria Brandt"), Some(0));
        assert_eq!(group(&c, "Tomas Lind"), None);
    }

    #[test]
    fn curation_forces_aliases() {
        let cur = Curation {
            people: vec![CuratedPerson {
                slug: "ada-brandt".into(),
                name: "Ada Brandt".into(),
                aliases: vec!["The Governor".into(), "Brandtie".into()],
                role: None,
                links: vec![],
                bio: None,
                path: "people/ada-brandt.md".into(),
            }],
            never: BTreeSet::new(),
            aliases: vec![AliasGroup {
                canonical: "Ada Brandt".into(),
                variants: vec!["Adeline Brandt".into()],
            }],
        };
        let c = Clusters::build(
            &cur,
            &[
                cand("The Governor", 1),
                cand("Adeline Brandt", 1),
                cand("Ada K. Brandt", 1),
            ],
        );
        assert_eq!(c.len(), 1);
        assert_eq!(c.curated[0], Some(0));
        assert_eq!(c.alias_group[0], Some(0));
        assert_eq!(c.bare(&names::normalise("Brandtie")), Some(0));
        assert_eq!(group(&c, "Ada K. Brandt"), Some(0));
    }
}

//! Replaying the unchanged start of the streaming pass (issue 9).
//!
//! The pass visits articles in `(date, id)` order, and the decision for the
//! article at step `k` depends only on what the pass saw before and at `k`:
//! the article's own inputs and the events the earlier articles built. So a
//! build that finds the first `n` steps' inputs unchanged takes their events
//! from the previous build and only joins them (cheap vector sums), never
//! scoring candidates; the pass proper starts at the first changed step.
//! Adding today's article re-decides only today.
//!
//! A step's inputs are summed up in a fingerprint ([`fingerprints`]): the
//! article's feature key (its text, names and the frozen background), id,
//! date, places and pin, the ids of its nearest neighbours, whether its
//! headline is a routine series, its headline subjects and its company
//! lead: everything [`super::cluster`] reads of an article while placing
//! it. The corpus-level statistics (neighbours, series, subjects) are thus
//! compared per article, so an article whose neighbours or subjects moved
//! is re-decided like an edited one. The same inputs give the same steps,
//! so replaying is exactly a full pass (`tests/incremental.rs`).

use super::cluster::Decision;
use super::features::Features;
use super::kinds::Lead;
use super::params::{ClusterDoc, Params};
use super::subjects::Subjects;
use crate::cache::code_fingerprint;
use std::path::Path;

/// The pass memo, relative to the site root.
pub const PASS_FILE: &str = ".briefing/cache/pass.bin";

const FORMAT: u32 = 1;

/// Steps of the last pass and the steps of this one.
#[derive(Default)]
pub struct Replay {
    /// `(fingerprint, event)` of each step of the previous pass.
    old: Vec<(u128, u32)>,
    /// Hash of the parameters the previous pass ran with.
    old_params: u128,
    /// This build's steps, to save.
    new: Option<(u128, Vec<(u128, u32)>)>,
    /// Steps taken from the previous pass in this build.
    pub replayed: usize,
    /// False: decide every step afresh (an explanation needs the scores).
    pub reuse: bool,
}

/// What the file holds: format, code fingerprint, parameters, steps.
type Stored = (u32, String, u128, Vec<(u128, u32)>);

impl Replay {
    /// Nothing to replay (a build without state).
    pub fn empty() -> Replay {
        Replay {
            reuse: true,
            ..Replay::default()
        }
    }

    /// The steps saved under `root`; missing, unreadable or made by other
    /// code means none.
    pub fn load(root: &Path) -> Replay {
        let mut r = Replay::empty();
        let stored = std::fs::read(root.join(PASS_FILE))
            .ok()
            .and_then(|b| bincode::deserialize::<Stored>(&b).ok());
        if let Some((FORMAT, fp, params, steps)) = stored {
            if fp == code_fingerprint() {
                (r.old, r.old_params) = (steps, params);
            }
        }
        r
    }

    /// Writes this build's steps (atomically), if it made a pass that
    /// differs from the one loaded.
    pub fn save(&self, root: &Path) -> std::io::Result<()> {
        let Some((params, steps)) = &self.new else {
            return Ok(());
        };
        let path = root.join(PASS_FILE);
        if *steps == self.old && *params == self.old_params && path.is_file() {
            return Ok(());
        }
        std::fs::create_dir_all(path.parent().expect("pass path has a parent"))?;
        let stored: Stored = (
            FORMAT,
            code_fingerprint().to_string(),
            *params,
            steps.clone(),
        );
        let bytes = bincode::serialize(&stored).map_err(std::io::Error::other)?;
        let tmp = path.with_extension("bin.tmp");
        std::fs::write(&tmp, bytes)?;
        std::fs::rename(tmp, path)
    }

    /// How many leading steps can be replayed: those whose fingerprints
    /// equal the previous pass's, under the same parameters.
    pub(crate) fn prefix(&self, fps: &[u128], params: u128) -> usize {
        if !self.reuse || params != self.old_params {
            return 0;
        }
        fps.iter()
            .zip(&self.old)
            .take_while(|(f, o)| **f == o.0)
            .count()
    }

    /// The event of step `k` of the previous pass.
    pub(crate) fn event(&self, k: usize) -> usize {
        self.old[k].1 as usize
    }

    /// Keeps this pass's steps (`fps[k]` decided `events[k]`).
    pub(crate) fn record(&mut self, params: u128, fps: &[u128], events: &[usize]) {
        let steps = fps
            .iter()
            .zip(events)
            .map(|(&f, &e)| (f, e as u32))
            .collect();
        self.new = Some((params, steps));
    }
}

/// Hash of the clustering parameters.
pub(crate) fn params_hash(p: &Params) -> u128 {
    crate::output::hash_bytes(format!("{p:?}").as_bytes())
}

/// Everything the pass reads of the articles besides the event states.
pub(crate) struct StepInputs<'a> {
    pub docs: &'a [ClusterDoc],
    /// Visiting order (input indices).
    pub order: &'a [usize],
    pub feats: &'a [Features],
    /// Feature memo key of each input document.
    pub keys: &'a [u128],
    pub series: &'a [Option<u32>],
    pub subjects: &'a Subjects<'a>,
    pub leads: &'a [Option<Lead>],
}

/// The fingerprint of each step (in visiting order): see the module doc.
pub(crate) fn fingerprints(s: &StepInputs) -> Vec<u128> {
    use rayon::prelude::*;
    s.order
        .par_iter()
        .map(|&i| {
            let d = &s.docs[i];
            let mut b: Vec<u8> = Vec::with_capacity(256);
            b.extend_from_slice(&s.keys[i].to_le_bytes());
            push(&mut b, &d.id);
            b.extend_from_slice(&d.date.to_days().to_le_bytes());
            b.push(d.dated as u8);
            for p in &d.places {
                push(&mut b, p);
            }
            b.push(1);
            push(&mut b, d.pinned.as_deref().unwrap_or("\u{1}"));
            // Neighbours are positions in the visiting order, which shift
            // when an earlier article comes or goes: their ids do not.
            for &n in &s.feats[i].neighbours {
                push(&mut b, &s.docs[s.order[n]].id);
            }
            b.push(1);
            // The pass only asks whether an article is a series member.
            b.push(s.series.get(i).copied().flatten().is_some() as u8);
            // Sorted: subject ids, so their order, depend on the corpus.
            let mut words: Vec<&str> = s.subjects.words_of(i).collect();
            words.sort_unstable();
            for w in words {
                push(&mut b, w);
            }
            b.push(1);
            push(&mut b, &format!("{:?}", s.leads.get(i)));
            crate::output::hash_bytes(&b)
        })
        .collect()
}

/// Appends `s` and a terminator.
fn push(b: &mut Vec<u8>, s: &str) {
    b.extend_from_slice(s.as_bytes());
    b.push(0);
}

/// The decision of a replayed step: its event, without candidate scores
/// (a build that explains decisions does not replay).
pub(crate) fn replayed(event: usize, events_so_far: usize, pinned: bool) -> Decision {
    Decision {
        joined: (event < events_so_far).then_some(event),
        pinned,
        candidates: Vec::new(),
        split: None,
    }
}

#[cfg(test)]
#[path = "replay_tests.rs"]
mod tests;

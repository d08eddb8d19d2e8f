//! Within-article consistency and resolution, in time linear in the
//! article (up to the few names sharing a word): full names are looked up
//! by their first word and surnames in a set, never by scanning every name
//! at every token — an article of thousands of capitalised words must not
//! cost minutes.

use super::entities::Layer;
use super::gender;
use super::{push, words_of};
use crate::nlp::layer::{Found, MentionKind, Sentence};
use crate::nlp::names::{self, NameKey};
use crate::nlp::tokens::Token;
use std::collections::{HashMap, HashSet};
use std::ops::Range;

/// Full names of the article, by their first word.
struct Fulls(HashMap<String, Vec<NameKey>>);

impl Fulls {
    fn new(mut keys: Vec<NameKey>) -> Fulls {
        keys.sort();
        keys.dedup();
        let mut map: HashMap<String, Vec<NameKey>> = HashMap::new();
        for k in keys {
            if let Some(w) = k.words().first() {
                map.entry(w.to_string()).or_default().push(k.clone());
            }
        }
        Fulls(map)
    }

    /// A full name starting at token `i`. Token and word counts differ for
    /// glued particles ("al-Nasser"): every length up to the name's word
    /// count is tried, longest first.
    fn at(&self, t: &[Token], i: usize) -> Option<Range<usize>> {
        if !names::starts_name(t[i].text) {
            return None;
        }
        let first = names::normalise(t[i].text);
        let keys = self.0.get(*first.words().first()?)?;
        keys.iter().find_map(|k| {
            let most = (i + k.words().len()).min(t.len());
            (i + 1..=most)
                .rev()
                .find(|&end| {
                    names::starts_name(t[end - 1].text)
                        && names::normalise(&words_of(t, &(i..end))) == *k
                })
                .map(|end| i..end)
        })
    }
}

/// Document consistency: once a full name is accepted in the article (or
/// listed in its front matter), its other occurrences, and standalone
/// occurrences of its surname, are mentions too — never inside an
/// organisation, place or other named thing ("Wall Street", "Goldman
/// Sachs"). `found[s]` holds the candidates of sentence `s`.
pub(super) fn consistency(
    sents: &[Sentence],
    front_matter: &[String],
    layer: &Layer,
    found: &mut [Vec<Found>],
) {
    let mut keys: Vec<NameKey> = found
        .iter()
        .flatten()
        .filter(|f| names::name_words(&f.key) >= 2)
        .map(|f| f.key.clone())
        .collect();
    keys.extend(front_matter.iter().map(|n| names::normalise(n)));
    let surnames: HashSet<String> = keys
        .iter()
        .flat_map(names::surnames)
        .map(|s| names::phonetic(&s))
        .collect();
    let fulls = Fulls::new(keys);
    for (si, s) in sents.iter().enumerate() {
        let t = &s.tokens;
        let here = &mut found[si];
        let mut i = 0;
        while i < t.len() {
            let free = |r: &Range<usize>| !layer.blocks(si, r);
            if let Some(r) = fulls.at(t, i).filter(|r| free(r) && widens(here, r)) {
                // A full name wins over shorter candidates inside it
                // ("Khalid" → "Khalid al-Nasser").
                here.retain(|f| !(r.start <= f.tokens.start && f.tokens.end <= r.end));
                i = r.end;
                push(here, si, t, r);
                continue;
            }
            let covered = here.iter().any(|f| f.tokens.contains(&i));
            // The tagger reads a word in capitals alone as anything; the
            // article's surname outvotes it.
            let capitals = |r: &Range<usize>| {
                capital_surname(t[r.start].text, r.start).is_some()
                    && layer
                        .others
                        .get(si)
                        .into_iter()
                        .flatten()
                        .filter(|(o, _)| o.start < r.end && r.start < o.end)
                        .all(|(o, _)| o == r)
            };
            match surname_at(t, i, &surnames).filter(|r| !covered && (free(r) || capitals(r))) {
                Some(r) => {
                    i = r.end;
                    push(here, si, t, r);
                }
                None => i += 1,
            }
        }
    }
}

/// Whether `r` adds a name: every candidate (of its sentence) it overlaps
/// lies strictly inside it.
fn widens(found: &[Found], r: &Range<usize>) -> bool {
    found
        .iter()
        .filter(|f| f.tokens.start < r.end && r.start < f.tokens.end)
        .all(|f| r.start <= f.tokens.start && f.tokens.end <= r.end && f.tokens.len() < r.len())
}

/// A standalone capitalised word equal to a known surname ("Halvorsen", or
/// "Brandt" in "Brandt's"), not glued to another name word. A surname the
/// article also writes in capitals ("HALVORSEN", as a caption or a
/// transcript writes it) is the same name, when it is long enough not to
/// be an acronym and not a common word.
fn surname_at(t: &[Token], i: usize, surnames: &HashSet<String>) -> Option<Range<usize>> {
    if !names::starts_name(t[i].text) {
        return None;
    }
    let word = names::normalise(t[i].text);
    if !surnames.contains(&names::phonetic(word.as_str())) {
        return None;
    }
    let r = names::clean_span(t, i..i + 1).or_else(|| capital_surname(t[i].text, i))?;
    let glued = |j: Option<&Token>| {
        j.is_some_and(|x| names::clean_span(std::slice::from_ref(x), 0..1).is_some())
    };
    let alone = !glued(i.checked_sub(1).map(|j| &t[j])) && !glued(t.get(i + 1));
    let after_initial = i.checked_sub(1).is_some_and(|j| is_initial(t[j].text));
    (r == (i..i + 1) && alone && !after_initial).then_some(r)
}

/// A word in capitals only, of at least four letters and no common word
/// ("HALVORSEN"; not "SAID", nor a short acronym), as the one-token name
/// span `i`.
fn capital_surname(text: &str, i: usize) -> Option<Range<usize>> {
    let letters = text.chars().count() >= 4 && text.chars().all(|c| c.is_ascii_uppercase());
    (letters && !names::is_common_word(text)).then_some(i..i + 1)
}

/// "S" or "S.": an initial before a surname makes another full name ("S
/// Brandt" in a squad list is not Ada Brandt), whether or not it was read.
pub(super) fn is_initial(text: &str) -> bool {
    let letters = text.strip_suffix('.').unwrap_or(text);
    letters.chars().count() == 1 && letters.chars().all(char::is_uppercase)
}

/// Attaches partial mentions to the most recent full name they fit (the next
/// one when none precedes); one-word names with no fit stay `Bare`. Only
/// full names sharing a (phonetic) word with the partial are compared.
/// A partial whose honorific states the other gender than the article
/// states for a full name ("Mrs Brandt" beside a Tomas Brandt it calls
/// "Mr Brandt" or "he") never attaches to it; when it fits no other, it
/// is someone the article does not name in full (his wife) and is dropped.
pub(super) fn resolve_in_article(sents: &[Sentence], found: &mut Vec<Found>) {
    let is_full: Vec<bool> = found
        .iter()
        .map(|f| names::name_words(&f.key) >= 2 && !names::is_particle(f.key.words()[0]))
        .collect();
    let genders = gender::of_full_names(sents, found, &is_full);
    let fulls: Vec<(usize, NameKey, String)> = found
        .iter()
        .enumerate()
        .filter(|(i, _)| is_full[*i])
        .map(|(i, f)| (i, f.key.clone(), f.name.clone()))
        .collect();
    let mut by_word: HashMap<String, Vec<usize>> = HashMap::new();
    for (n, (_, k, _)) in fulls.iter().enumerate() {
        for w in k.words() {
            by_word.entry(names::phonetic(w)).or_default().push(n);
        }
        // Given-name variants ("Bill" for William) are looked up by group.
        if let Some(first) = k.words().first() {
            by_word.entry(given(first)).or_default().push(n);
        }
    }
    let mut other_person = vec![false; found.len()];
    for (i, f) in found.iter_mut().enumerate() {
        if is_full[i] {
            continue;
        }
        let near = near_fulls(&f.key, &by_word);
        let stated = sents
            .get(f.sent)
            .and_then(|s| gender::before(&s.tokens, f.tokens.start));
        let agrees =
            |n: usize| stated.is_none_or(|g| genders.get(&fulls[n].1).is_none_or(|&h| h == g));
        let pick = |gendered: bool| {
            [2u8, 1].iter().find_map(|&want| {
                let fits = |n: &&usize| {
                    names::partial_score(&f.key, &fulls[**n].1) == want
                        && (!gendered || agrees(**n))
                };
                near.iter()
                    .rev()
                    .filter(|&&n| fulls[n].0 < i)
                    .find(fits)
                    .or_else(|| near.iter().find(fits))
                    .copied()
            })
        };
        match pick(true) {
            Some(n) => {
                f.kind = MentionKind::Partial;
                f.name = fulls[n].2.clone();
            }
            None => {
                f.kind = MentionKind::Bare;
                other_person[i] = pick(false).is_some();
            }
        }
    }
    let mut i = 0;
    found.retain(|_| {
        i += 1;
        !other_person[i - 1]
    });
}

/// The full names (indices into the article's list) sharing a phonetic
/// word or a given-name group with a partial name's key, in order.
fn near_fulls(key: &NameKey, by_word: &HashMap<String, Vec<usize>>) -> Vec<usize> {
    let words = key.words();
    let mut near: Vec<usize> = words
        .iter()
        .map(|w| names::phonetic(w))
        .chain(words.first().map(|w| given(w)))
        .filter_map(|w| by_word.get(&w))
        .flatten()
        .copied()
        .collect();
    near.sort_unstable();
    near.dedup();
    near
}

/// The index key of a given name's variant group (kept apart from the
/// phonetic word keys).
fn given(word: &str) -> String {
    format!("given:{}", names::given_key(word))
}

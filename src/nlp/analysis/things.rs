//! Person-shaped names that the article itself shows to be things: a band,
//! a firm, a car, a ground. The cues are grammatical, not lists of names:
//!
//! - a kind-of-thing noun right before the name, or before a comma in front
//!   of it ("car maker Aston Martin", "the airline, Aer Lingus", "the film
//!   Raging Bull");
//! - a plural verb right after the name as the sole subject ("Duran Duran
//!   are …");
//! - "of" between a person and the name ("Andrew Kim of Eberstadt
//!   Fleming": the name is the person's firm or town);
//! - a job noun and "at" or "with" before the name ("economist at Dean
//!   Witter", "analyst with Ada Brandt Securities");
//! - the name modifies a job noun ("Dean Witter analyst Ada Brandt");
//! - the name is read inside an organisation or place of the same article
//!   ("Dean Witter" and "Dean Witter Reynolds Inc").
//!
//! One cue anywhere in the article makes every mention of that name a thing
//! there (the other mentions carry no cue of their own).

use crate::nlp::layer::{Found, Sentence};
use crate::nlp::names::{self, NameKey};
use crate::nlp::tokens::Token;
use std::collections::HashSet;

/// Drops the candidates whose name the article shows to be a thing, and
/// returns those full names (sorted, once each): the corpus's evidence that
/// the name is a thing. `inside` holds the word sequences of the article's
/// organisations and places ([`super::entities::Layer::inside_things`]).
pub(super) fn drop_things(
    sents: &[Sentence],
    inside: &HashSet<String>,
    found: &mut Vec<Found>,
) -> Vec<String> {
    let mut things: HashSet<NameKey> = HashSet::new();
    for f in found.iter() {
        if inside.contains(f.key.as_str()) {
            things.insert(f.key.clone());
            continue;
        }
        let t = &sents[f.sent].tokens;
        let after_person = f.tokens.start >= 2
            && t[f.tokens.start - 1].text == "of"
            && found.iter().any(|g| {
                g.sent == f.sent && g.tokens.end + 1 == f.tokens.start && !std::ptr::eq(g, f)
            });
        let cued = kind_noun_before(t, f)
            || firm_suffix_after(t, f.tokens.end)
            || facility_after(t, f)
            || organisation_word_before(t, f.tokens.start)
            || plural_verb_after(t, f)
            || after_person
            || workplace(t, f)
            || modifies_a_job(t, f);
        if cued {
            things.insert(f.key.clone());
        }
    }
    if things.is_empty() {
        return Vec::new();
    }
    // Only full names are judged; a one-word mention goes with its name.
    things.retain(|k| names::name_words(k) >= 2);
    let mut shown: Vec<String> = found
        .iter()
        .filter(|f| things.contains(&f.key))
        .map(|f| f.name.clone())
        .collect();
    shown.sort();
    shown.dedup();
    found.retain(|f| !things.contains(&f.key));
    shown
}

/// A company suffix right after the name, or "and"/"&" and one ("Ada
/// Brandt Securities", "Ada Brandt and Co"): the name is the firm's.
fn firm_suffix_after(t: &[Token], end: usize) -> bool {
    let suffix = |i: usize| {
        t.get(i)
            .is_some_and(|w| names::starts_name(w.text) && names::is_corporate_suffix(w.text))
    };
    suffix(end) || (t.get(end).is_some_and(|w| names::is_firm_connector(w.text)) && suffix(end + 1))
}

/// The full names (two name words or more) written right before a company
/// suffix anywhere in the article, whether or not read as a person here
/// ("Ada Brandt Corp" in one article, "Ada Brandt" alone in another): the
/// corpus's evidence that the name, written alone elsewhere, is the firm's.
pub(super) fn suffixed_names(sents: &[Sentence]) -> Vec<String> {
    let mut out = Vec::new();
    for s in sents {
        let t = &s.tokens;
        for end in 1..t.len() {
            if !firm_suffix_after(t, end) || !names::starts_name(t[end - 1].text) {
                continue;
            }
            let mut start = end;
            while start > 0 && names::starts_name(t[start - 1].text) {
                start -= 1;
            }
            let Some(r) = names::clean_span(t, start..end).filter(|r| r.end == end) else {
                continue;
            };
            let name = super::words_of(t, &r);
            if names::name_words(&names::normalise(&name)) >= 2 {
                out.push(name);
            }
        }
    }
    out.sort();
    out.dedup();
    out
}

/// A lower-case noun naming a kind of thing, right before the name or
/// before a comma in front of it.
/// Before a comma only in apposition, with a comma after the name too ("the
/// airline, Aer Lingus, said"): "a fine team, Lind said" names a speaker.
fn kind_noun_before(t: &[Token], f: &Found) -> bool {
    let at = |i: usize| t.get(i).map(|x| x.text);
    let start = f.tokens.start;
    let noun = match start.checked_sub(1).and_then(at) {
        Some(",") if at(f.tokens.end) == Some(",") => start.checked_sub(2).and_then(at),
        other => other,
    };
    // "Chairman of the firm Gordon Wu said": the noun ends a title's
    // complement, and the name is the title holder's.
    let of_before = (2..=3).any(|k| start.checked_sub(k).and_then(at) == Some("of"));
    // "car maker X" is a firm, "film maker X" a person.
    let maker = noun == Some("maker")
        && !matches!(
            start.checked_sub(2).and_then(at),
            Some("film" | "movie" | "documentary" | "programme")
        );
    (maker || noun.is_some_and(is_kind_noun)) && !of_before
}

/// Nouns for kinds of organisations, places and works: what a news text
/// calls a thing right before naming it.
pub(super) fn is_kind_noun(word: &str) -> bool {
    matches!(
        word,
        "band"
            | "group"
            | "firm"
            | "company"
            | "manufacturer"
            | "carmaker"
            | "airline"
            | "carrier"
            | "provider"
            | "retailer"
            | "chain"
            | "brand"
            | "label"
            | "bank"
            | "brokerage"
            | "insurer"
            | "lender"
            | "giant"
            | "subsidiary"
            | "unit"
            | "club"
            | "side"
            | "team"
            | "film"
            | "movie"
            | "album"
            | "single"
            | "song"
            | "series"
            | "sitcom"
            | "drama"
            | "musical"
            | "novel"
            | "book"
            | "magazine"
            | "newspaper"
            | "paper"
            | "channel"
            | "network"
            | "station"
            | "studio"
            | "studios"
            | "game"
            | "console"
            | "ground"
            | "stadium"
            | "town"
            | "village"
            | "city"
            | "suburb"
            | "district"
            | "county"
            | "region"
            | "province"
            | "tract"
            | "agency"
            | "outfit"
    )
}

/// "its X mine", "the X plant": a possessive or article before the name
/// and a lower-case noun for a works or a business unit right after it.
/// A person's name takes neither, so the name is the facility's.
fn facility_after(t: &[Token], f: &Found) -> bool {
    let det = f
        .tokens
        .start
        .checked_sub(1)
        .and_then(|i| t.get(i))
        .is_some_and(|w| matches!(w.text, "its" | "their" | "the" | "a" | "an" | "this"));
    det && t
        .get(f.tokens.end)
        .is_some_and(|w| is_facility_noun(w.text))
}

/// Lower-case nouns for sites and units a company runs.
fn is_facility_noun(word: &str) -> bool {
    matches!(
        word,
        "mine"
            | "mines"
            | "plant"
            | "plants"
            | "field"
            | "fields"
            | "oilfield"
            | "refinery"
            | "project"
            | "smelter"
            | "mill"
            | "mills"
            | "well"
            | "wells"
            | "site"
            | "unit"
            | "division"
            | "factory"
            | "terminal"
            | "pipeline"
            | "prospect"
            | "deposit"
            | "reactor"
            | "works"
    )
}

/// "Banco Ada Brandt", "Groupe Ada Brandt": a capitalised word that opens
/// a company's or a bank's name in another language, right before the name.
fn organisation_word_before(t: &[Token], start: usize) -> bool {
    start
        .checked_sub(1)
        .and_then(|i| t.get(i))
        .is_some_and(|w| names::starts_name(w.text) && names::is_foreign_org_word(w.text))
}

/// "X are", "X were", "X have": a plural verb after the name, in a
/// sentence with no list before it ("Lind and Brandt are" is two people).
fn plural_verb_after(t: &[Token], f: &Found) -> bool {
    // "Lind and Mr Brandt are", "the minister and adviser Lind were",
    // "Could Lind have": any list or modal earlier in the sentence.
    let listed = t[..f.tokens.start].iter().any(|x| {
        matches!(
            x.text.to_lowercase().as_str(),
            "and"
                | "&"
                | ","
                | "with"
                | "could"
                | "would"
                | "should"
                | "might"
                | "must"
                | "may"
                | "will"
        )
    });
    let verb = t.get(f.tokens.end).map(|x| x.text);
    !listed && matches!(verb, Some("are" | "were" | "have"))
}

/// "economist at X", "analyst with X": where someone works is a thing.
fn workplace(t: &[Token], f: &Found) -> bool {
    let at = |k: usize| f.tokens.start.checked_sub(k).map(|i| t[i].text);
    matches!(at(1), Some("at" | "with"))
        && at(2).is_some_and(|w| {
            let l = w.to_lowercase();
            w.chars().next().is_some_and(char::is_lowercase)
                && (crate::nlp::roles::is_head_noun(&l) || is_job_noun(&l))
        })
}

/// Jobs that are not titles ("analyst", "economist").
fn is_job_noun(lower: &str) -> bool {
    matches!(
        lower,
        "analyst"
            | "analysts"
            | "economist"
            | "economists"
            | "strategist"
            | "trader"
            | "traders"
            | "dealer"
            | "dealers"
            | "partner"
            | "official"
            | "officials"
            | "manager"
            | "engineer"
            | "researcher"
            | "professor"
            | "lecturer"
            | "employee"
            | "employees"
            | "worker"
            | "workers"
            | "consultant"
            | "banker"
            | "specialist"
            | "expert"
    )
}

/// "the Dean Witter economist", "Smith Barney analyst Ada Brandt": a name
/// right before a job noun names the employer ("X boss Y", "X chairman Y"),
/// or the work ("X star Y", "X director Y"). A person's own staff come with
/// a possessive ("X's spokesman").
fn modifies_a_job(t: &[Token], f: &Found) -> bool {
    let lower_at = |i: usize| {
        t.get(i)
            .filter(|w| w.text.chars().next().is_some_and(char::is_lowercase))
            .map(|w| w.text.to_lowercase())
    };
    let Some(l) = lower_at(f.tokens.end) else {
        return false;
    };
    if is_job_noun(&l)
        || matches!(
            l.as_str(),
            "spokesman" | "spokeswoman" | "shares" | "unit" | "subsidiary"
        )
    {
        return true;
    }
    // A title noun names the employer or the work only with its holder's
    // name after it ("X chairman Ada Brandt", "X chief executive Ada
    // Brandt"); "X chairman of Y" and "elected X chairman" are titles of X.
    let capital = |i: usize| {
        t.get(i)
            .is_some_and(|w| w.text.chars().next().is_some_and(char::is_uppercase))
    };
    let holder = capital(f.tokens.end + 1)
        || (lower_at(f.tokens.end + 1).is_some_and(|w| w != "of") && capital(f.tokens.end + 2));
    holder
        && matches!(
            l.as_str(),
            "boss"
                | "chief"
                | "chairman"
                | "founder"
                | "owner"
                | "star"
                | "stars"
                | "director"
                | "producer"
        )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::nlp::layer::MentionKind;
    use crate::nlp::tokens::tokenize;

    /// Whether "Vell Oskarsen", opening `text`, modifies a job noun.
    fn employer(text: &str) -> bool {
        let t = tokenize(text);
        let f = Found {
            sent: 0,
            tokens: 0..2,
            key: names::normalise("Vell Oskarsen"),
            name: "Vell Oskarsen".into(),
            kind: MentionKind::Full,
        };
        modifies_a_job(&t, &f)
    }

    #[test]
    fn a_title_after_a_name_makes_it_the_employer_only_with_a_holder_named() {
        assert!(employer("Vell Oskarsen analyst Ada Brandt said."));
        assert!(employer("Vell Oskarsen chairman Ada Brandt said."));
        assert!(employer("Vell Oskarsen chief executive Ada Brandt said."));
        assert!(employer("Vell Oskarsen star Ada Brandt arrived."));
        assert!(!employer("Vell Oskarsen chairman of Tarn Mining said."));
        assert!(!employer("Vell Oskarsen chairman since 1990, said."));
        assert!(!employer("Vell Oskarsen said."));
    }

    /// Whether the name `name` in `text` carries a cue of
    /// [`facility_after`] or [`organisation_word_before`].
    fn facility_or_foreign(text: &str, name: &str) -> bool {
        let t = tokenize(text);
        let first = name.split(' ').next().unwrap_or_default();
        let start = t.iter().position(|w| w.text == first).expect("in text");
        let f = Found {
            sent: 0,
            tokens: start..start + name.split(' ').count(),
            key: names::normalise(name),
            name: name.into(),
            kind: MentionKind::Full,
        };
        facility_after(&t, &f) || organisation_word_before(&t, f.tokens.start)
    }

    #[test]
    fn a_facility_or_a_foreign_firm_word_makes_the_name_a_thing() {
        assert!(facility_or_foreign(
            "It sold its Vell Oskarsen mine.",
            "Vell Oskarsen"
        ));
        assert!(facility_or_foreign(
            "Output at the Vell Oskarsen refinery fell.",
            "Vell Oskarsen"
        ));
        assert!(facility_or_foreign(
            "Shares in Banco Vell Oskarsen rose.",
            "Vell Oskarsen"
        ));
        assert!(facility_or_foreign(
            "Shares in Groupe Vell Oskarsen rose.",
            "Vell Oskarsen"
        ));
        assert!(!facility_or_foreign(
            "Vell Oskarsen visited the mine.",
            "Vell Oskarsen"
        ));
        assert!(!facility_or_foreign(
            "He met Vell Oskarsen at the plant.",
            "Vell Oskarsen"
        ));
        assert!(!facility_or_foreign(
            "Shares rose, Vell Oskarsen said.",
            "Vell Oskarsen"
        ));
        assert!(!facility_or_foreign(
            "Bank chief Vell Oskarsen said.",
            "Vell Oskarsen"
        ));
    }
}

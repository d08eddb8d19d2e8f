//! Who a pronoun stands for when the current subject cannot be it: the
//! nearest person named before of the pronoun's gender. The last few person
//! mentions outside quotations are kept (somebody unnamed or unknown as a
//! blank), and a "he" or "she" the subject does not fit goes to the one of
//! them the article has shown to be of the pronoun's gender ("Mr Y", or a
//! pronoun already read as Y) — only when every other one is known to be
//! of the other gender: "Ms X's plan did not impress Mr Y. “…,” he said."
//! is Y's, while "Ms X's plan did not impress Y." (Y's gender unknown) or
//! "X met Mr Y and Mr Z." leave "he" to nobody. A person the analysis did
//! not read as one ("Finance Minister Sue Essex said") is a blank.
//!
//! Cost: a bounded list, so every lookup is constant work.

use std::collections::BTreeMap;

/// How many mentions back a pronoun may reach.
const REACH: usize = 3;

/// The last person mentions, most recent last (`None`: somebody unnamed).
#[derive(Default)]
pub(super) struct Recent(Vec<Option<String>>);

impl Recent {
    /// Notes a mention of `who` (`None`: an unnamed or unknown person).
    pub(super) fn push(&mut self, who: Option<&str>) {
        if who.is_some() && self.0.last().is_some_and(|w| w.as_deref() == who) {
            return;
        }
        self.0.push(who.map(str::to_string));
        if self.0.len() > REACH {
            self.0.remove(0);
        }
    }

    /// The one person of the last mentions known to be "she" (`she`) or
    /// "he", all others known to be of the other gender.
    pub(super) fn fitting(&self, she: bool, genders: &BTreeMap<String, bool>) -> Option<String> {
        let mut fit: Option<&String> = None;
        for w in &self.0 {
            let w = w.as_ref()?;
            match genders.get(w) {
                Some(&g) if g != she => continue,
                Some(_) => {}
                None => return None,
            }
            if fit.is_some_and(|f| f != w) {
                return None;
            }
            fit = Some(w);
        }
        fit.cloned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn genders(known: &[(&str, bool)]) -> BTreeMap<String, bool> {
        known.iter().map(|(n, g)| (n.to_string(), *g)).collect()
    }

    #[test]
    fn the_one_person_of_the_pronouns_gender() {
        let mut r = Recent::default();
        r.push(Some("Ada Brandt"));
        r.push(Some("Tomas Lind"));
        let g = genders(&[("Ada Brandt", true), ("Tomas Lind", false)]);
        assert_eq!(r.fitting(false, &g), Some("Tomas Lind".into()));
        // Lind's gender unknown: he may be "she" too, so nobody is.
        let g = genders(&[("Ada Brandt", true)]);
        assert_eq!(r.fitting(false, &g), None);
        assert_eq!(r.fitting(true, &g), None);
    }

    #[test]
    fn somebody_unnamed_or_too_far_back_blocks_or_drops_out() {
        let mut r = Recent::default();
        r.push(Some("Tomas Lind"));
        r.push(Some("Ada Brandt"));
        r.push(None);
        let g = genders(&[("Ada Brandt", true), ("Tomas Lind", false)]);
        assert_eq!(r.fitting(false, &g), None);
        // Three later mentions of Brandt push Lind out of reach.
        let mut r = Recent::default();
        r.push(Some("Tomas Lind"));
        for other in ["Ada Brandt", "Piet Kruse", "Ada Brandt"] {
            r.push(Some(other));
        }
        let g = genders(&[
            ("Ada Brandt", true),
            ("Piet Kruse", true),
            ("Tomas Lind", false),
        ]);
        assert_eq!(r.fitting(false, &g), None);
    }
}

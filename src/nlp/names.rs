//! Person names: cleaning a recognised span into a name, normalised keys, and
//! deciding when two spellings name the same person.
//!
//! Matching is generic rather than a per-person list: a transliteration key
//! per token (`y`→`i`, doubled letters collapsed, `ks`→`x`, …) catches
//! Sergei/Sergey, Yuri/Yury and Zelensky/Zelenskyy/Zelenskiy; a small table
//! of given-name variants catches Joe/Joseph; middle names and extra family
//! names (`Al Saud`) are allowed as long as the given name and the surname
//! still agree.

use crate::nlp::roles;
use crate::nlp::tokens::Token;
use serde::{Deserialize, Serialize};
use std::collections::HashSet;
use std::ops::Range;
use std::sync::OnceLock;

/// A normalised name: ASCII (deunicode), lowercase, punctuation dropped,
/// hyphens as spaces, single-spaced. Equal keys mean equal spellings.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct NameKey(String);

impl NameKey {
    /// The key as a string ("sergei lavrov").
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The key's words.
    pub fn words(&self) -> Vec<&str> {
        self.0.split(' ').filter(|w| !w.is_empty()).collect()
    }
}

/// Normalises a name for comparison: "Recep Tayyip Erdoğan" → "recep tayyip erdogan",
/// "al-Aiban" → "al aiban", "J. Smith" → "j smith".
pub fn normalise(name: &str) -> NameKey {
    let ascii = deunicode::deunicode(name);
    let mut out = String::with_capacity(ascii.len());
    for c in ascii.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if c == '\'' || c == '.' {
            // O'Brien → obrien, J. → j
        } else if !out.ends_with(' ') && !out.is_empty() {
            out.push(' ');
        }
    }
    NameKey(out.trim_end().to_string())
}

/// The URL slug of a name: "Recep Tayyip Erdoğan" → "recep-tayyip-erdogan".
pub fn slug(name: &str) -> String {
    normalise(name).as_str().replace(' ', "-")
}

/// A transliteration-insensitive key for one normalised word: Sergei/Sergey,
/// Yuri/Yury, Zelensky/Zelenskyy/Zelenskiy, Dmitriev/Dmitriyev give equal keys.
pub fn phonetic(word: &str) -> String {
    let mut s = word.to_string();
    for (from, to) in [("kh", "h"), ("ph", "f"), ("th", "t"), ("ck", "k"), ("ks", "x"), ("w", "v")] {
        s = s.replace(from, to);
    }
    if let Some(stem) = s.strip_suffix("off") {
        s = format!("{stem}ov"); // Rachmaninoff / Rachmaninov
    }
    let s = s.replace('y', "i");
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if !out.ends_with(c) {
            out.push(c);
        }
    }
    out
}

/// Groups of given names that are the same name (short forms, transliterations).
const GIVEN_NAME_GROUPS: &[&[&str]] = &[
    &["joe", "joseph"],
    &["mike", "michael", "mick"],
    &["steve", "steven", "stephen"],
    &["bill", "billy", "william", "will"],
    &["bob", "bobby", "robert", "rob"],
    &["tom", "thomas"],
    &["tony", "anthony", "antony"],
    &["jim", "jimmy", "james"],
    &["dick", "richard", "rick", "rich"],
    &["alex", "alexander", "aleksandr", "alexandr", "oleksandr"],
    &["dan", "daniel"],
    &["dave", "david"],
    &["ben", "benjamin"],
    &["chris", "christopher"],
    &["nick", "nicholas", "nikolai", "nikolay", "mykola"],
    &["ed", "edward", "ted"],
    &["andy", "andrew", "andrei", "andrey", "andriy"],
    &["pete", "peter", "pyotr", "petro"],
    &["matt", "matthew"],
    &["greg", "gregory"],
    &["jeff", "jeffrey"],
    &["liz", "elizabeth"],
    &["kate", "katherine", "catherine"],
    &["vladimir", "volodymyr"],
    &["mohammed", "muhammad", "mohammad", "mohamed", "muhammed"],
];

/// Whether two normalised given names can be the same: equal transliteration
/// key, a known variant, or an initial ("j" ~ "joe").
pub fn given_names_match(a: &str, b: &str) -> bool {
    if a.len() == 1 || b.len() == 1 {
        return a.chars().next() == b.chars().next();
    }
    phonetic(a) == phonetic(b)
        || GIVEN_NAME_GROUPS.iter().any(|g| g.contains(&a) && g.contains(&b))
}

/// Whether two normalised surnames (or other name words) can be the same.
pub fn words_match(a: &str, b: &str) -> bool {
    phonetic(a) == phonetic(b)
}

/// Name particles: lowercase connectors inside names ("bin", "al", "van").
pub fn is_particle(word: &str) -> bool {
    matches!(
        word.to_lowercase().as_str(),
        "bin" | "ibn" | "bint" | "al" | "el" | "ul" | "abu" | "abd" | "de" | "da" | "di" | "do"
            | "dos" | "das" | "du" | "del" | "della" | "der" | "den" | "van" | "von" | "ter"
            | "le" | "la" | "y" | "zu" | "af" | "ben"
    )
}

/// The surname(s) of a name key: the last non-particle word, and, when the
/// name ends in a particle-led family name ("… Farhan Al Saud"), the word
/// before that particle too.
pub fn surnames(key: &NameKey) -> Vec<String> {
    let w = key.words();
    let mut out: Vec<String> = w.iter().rev().find(|x| !is_particle(x)).map(|x| x.to_string()).into_iter().collect();
    let tail = (2..w.len().saturating_sub(1))
        .rev()
        .find(|&p| is_particle(w[p]) && !matches!(w[p], "bin" | "ibn") && !is_particle(w[p - 1]));
    if let Some(p) = tail {
        out.push(w[p - 1].to_string());
    }
    out.dedup();
    out
}

/// Whether `short`'s words appear in `long`, in order (with transliteration
/// tolerance); returns the index in `long` matched by `short`'s last word.
fn subsequence(short: &[&str], long: &[&str]) -> Option<usize> {
    let mut j = 0;
    let mut last = None;
    for (i, s) in short.iter().enumerate() {
        let found = (j..long.len()).find(|&k| {
            if i == 0 {
                given_names_match(s, long[k])
            } else {
                words_match(s, long[k])
            }
        })?;
        last = Some(found);
        j = found + 1;
    }
    last
}

/// Whether two full names (two or more words each) can name the same person:
/// the shorter's words appear in the longer in order, its given name is the
/// longer's first or second word (Tayyip Erdoğan ~ Recep Tayyip Erdoğan), and
/// the surnames agree, unless the longer only adds a particle-led family
/// name (Faisal bin Farhan ~ Faisal bin Farhan Al Saud).
pub fn same_person(a: &NameKey, b: &NameKey) -> bool {
    let (wa, wb) = (a.words(), b.words());
    let (short, long) = if wa.len() <= wb.len() { (wa, wb) } else { (wb, wa) };
    if short.len() < 2 {
        return false;
    }
    let start = if given_names_match(short[0], long[0]) {
        0
    } else if long.len() >= 3 && given_names_match(short[0], long[1]) {
        1
    } else {
        return false;
    };
    let Some(end) = subsequence(&short, &long[start..]).map(|e| e + start) else {
        return false;
    };
    // Anything after the matched surname must be a particle-led family name.
    end + 1 == long.len() || (is_particle(long[end + 1]) && !matches!(long[end + 1], "bin" | "ibn"))
}

/// How well a partial mention ("Lavrov", "bin Farhan") fits a full name in
/// the same article: 2 = surname or in-order words, 1 = another single word
/// (a given name), 0 = no match.
pub fn partial_score(partial: &NameKey, full: &NameKey) -> u8 {
    let (p, f) = (partial.words(), full.words());
    if p.len() == 1 {
        if surnames(full).iter().any(|s| words_match(s, p[0])) {
            return 2;
        }
        let other = f.iter().any(|w| !is_particle(w) && words_match(w, p[0]));
        return u8::from(other);
    }
    let first_given = !is_particle(p[0]) && p.len() >= 2;
    if first_given {
        return if same_person(partial, full) { 2 } else { 0 };
    }
    // "bin Farhan": a particle-led tail of the full name.
    let tail = f.len().saturating_sub(p.len());
    let fits = (0..=tail).any(|s| p.iter().zip(&f[s..]).all(|(a, b)| words_match(a, b)));
    if fits {
        2
    } else {
        0
    }
}

/// Number of non-particle words: 2+ makes a full name.
pub fn name_words(key: &NameKey) -> usize {
    key.words().iter().filter(|w| !is_particle(w)).count()
}

fn set(words: &'static str, cell: &'static OnceLock<HashSet<&'static str>>) -> &'static HashSet<&'static str> {
    cell.get_or_init(|| words.split_whitespace().collect())
}

/// Words that mark an organisation, a place or a thing, never a person's name.
fn is_org_word(lower: &str) -> bool {
    static CELL: OnceLock<HashSet<&str>> = OnceLock::new();
    set(
        "ministry ministries department division office agency service services press news times post journal \
         herald tribune gazette images image photos photo pictures media tv television radio fund bank group company \
         corp corporation inc ltd llc council committee commission conference convention summit forum assembly \
         parliament congress senate house palace hall court church mosque cathedral university college school \
         institute foundation party army navy force forces guard police union league association organization \
         organisation federation republic kingdom states nations strip sea gulf ocean river mountains island islands \
         street square avenue airport station city province region war revolution agreement agreements accords \
         treaty exchange market index stadium museum hospital centre center cup championship olympics prize award \
         club airlines airways motors embassy consulate cabinet administration government kremlin pentagon \
         reuters bloomberg interfax tass afp cnn bbc nbc cbs abc fox ap telegram twitter facebook instagram youtube",
        &CELL,
    )
    .contains(lower)
}

/// Nationality adjectives and similar leading words stripped off a span.
fn is_demonym(lower: &str) -> bool {
    static CELL: OnceLock<HashSet<&str>> = OnceLock::new();
    set(
        "american british english french german russian ukrainian chinese japanese korean indian pakistani iranian \
         iraqi syrian turkish saudi emirati qatari israeli palestinian egyptian lebanese jordanian dutch belgian \
         spanish italian polish swedish norwegian danish finnish swiss austrian greek hungarian czech slovak romanian \
         bulgarian serbian croatian belarusian georgian armenian canadian mexican brazilian argentine australian \
         european african asian arab western eastern northern southern us u.s. uk u.k. eu un nato u.ok.",
        &CELL,
    )
    .contains(lower)
}

/// Multi-word place names that look like "Firstname Lastname" to a shape rule.
fn is_place(key: &str) -> bool {
    static CELL: OnceLock<HashSet<&str>> = OnceLock::new();
    set(
        "saudi_arabia middle_east united_states united_kingdom united_nations south_korea north_korea new_york \
         new_delhi new_zealand hong_kong los_angeles san_francisco sri_lanka south_africa gaza_strip west_bank \
         costa_rica el_salvador buenos_aires tel_aviv abu_dhabi kuala_lumpur rio_de_janeiro sao_paulo cape_town \
         mexico_city las_vegas puerto_rico north_macedonia east_timor south_sudan ivory_coast red_sea black_sea \
         persian_gulf white_house downing_street capitol_hill wall_street silicon_valley",
        &CELL,
    )
    .contains(key.replace(' ', "_").as_str())
}

/// Common English words that are never part of a name ("Will Not", "The Hague"
/// aside): a span containing one is a headline fragment, not a person.
fn is_function_word(lower: &str) -> bool {
    static CELL: OnceLock<HashSet<&str>> = OnceLock::new();
    set(
        "the a an and or but not no nor is are was were be been has have had do does did says said say tells told \
         this that these those it its in on at of for to from with by as if then than so all any some more most \
         also after before over under into about against between during while when where what which who why how \
         our their his her my your we they he she you i me us them there here very just only both each every \
         monday tuesday wednesday thursday friday saturday sunday january february march april june july august \
         september october november december",
        &CELL,
    )
    .contains(lower)
}

/// Honorifics and leading words stripped before a name ("Mr.", "Sir", "Then").
fn is_leading_noise(lower: &str) -> bool {
    matches!(lower, "mr" | "mr." | "mrs" | "mrs." | "ms" | "ms." | "dr" | "dr." | "sir" | "dame" | "lord" | "lady" | "then" | "former")
        || is_function_word(lower)
        || is_demonym(lower)
}

fn is_suffix(text: &str) -> bool {
    matches!(text, "Jr." | "Jr" | "Sr." | "Sr" | "II" | "III" | "IV" | "'s" | "’s" | "'" | "’")
}

/// Whether a token is shaped like a word of a name: capitalised letters
/// (hyphen, apostrophe allowed), an initial ("J."), or a lowercase particle.
fn is_name_shaped(text: &str) -> bool {
    if is_particle(text) {
        return true;
    }
    let body = text.strip_suffix('.').unwrap_or(text);
    let mut chars = body.chars();
    let Some(first) = chars.next() else { return false };
    if !first.is_uppercase() {
        return false;
    }
    let letters = body.chars().filter(|c| c.is_alphabetic()).count();
    if text.ends_with('.') && letters != 1 {
        return false; // "U.S." is not an initial
    }
    let all_caps = letters >= 2 && body.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase);
    !all_caps && body.chars().all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’'))
}

/// A token that cannot be inside a name: everything left of it in a span is a
/// title, organisation or punctuation ("Kremlin Spokesman | Dmitry Peskov").
fn is_cut(text: &str) -> bool {
    let lower = text.to_lowercase();
    let last_part = lower.rsplit('-').next().unwrap_or(&lower);
    roles::is_title_word(last_part) && !roles::is_ambiguous_title(last_part)
        || is_org_word(&lower)
        || !is_name_shaped(text) && !is_leading_noise(&lower)
}

/// Cleans a candidate span (token indices into one sentence) into the span
/// of a person's name, or `None` when it is not a person: titles, nationality
/// words and possessives are stripped ("President Trump" → "Trump",
/// "Putin's" → "Putin"); organisations, places, acronyms and headline
/// fragments are rejected. A name continued by particles ("Faisal" + "bin
/// Farhan") is extended.
pub fn clean_span(tokens: &[Token], span: Range<usize>) -> Option<Range<usize>> {
    let (mut s, mut e) = (span.start, span.end.min(tokens.len()));
    // Extend over "bin Farhan", "al Alban", "Al Saud".
    while e + 1 < tokens.len() && is_particle(tokens[e].text) && is_name_shaped(tokens[e + 1].text) && !is_particle(tokens[e + 1].text) {
        e += 2;
        while e < tokens.len() && is_name_shaped(tokens[e].text) && !is_cut(tokens[e].text) && !is_particle(tokens[e].text) {
            e += 1;
        }
    }
    while e > s && is_suffix(tokens[e - 1].text) {
        e -= 1;
    }
    if let Some(k) = (s..e).rev().find(|&k| is_cut(tokens[k].text)) {
        s = k + 1;
    }
    if is_place(normalise(&text_of(&tokens[s..e])).as_str()) {
        return None;
    }
    while s < e && (is_leading_noise(&tokens[s].text.to_lowercase()) || roles::is_title_word(&tokens[s].text.to_lowercase()) || is_particle(tokens[s].text)) {
        s += 1;
    }
    while e > s && is_particle(tokens[e - 1].text) {
        e -= 1;
    }
    valid_name(&tokens[s..e]).then_some(s..e)
}

fn text_of(words: &[Token]) -> String {
    words.iter().map(|t| t.text).collect::<Vec<_>>().join(" ")
}

fn valid_name(words: &[Token]) -> bool {
    if words.is_empty() || words.len() > 6 {
        return false;
    }
    let lower: Vec<String> = words.iter().map(|t| t.text.to_lowercase()).collect();
    let key = normalise(&text_of(words));
    words.iter().all(|t| is_name_shaped(t.text))
        && lower.iter().all(|w| !is_function_word(w) && !is_org_word(w))
        && words.iter().any(|t| t.text.trim_end_matches('.').chars().count() >= 2)
        && !lower.iter().all(|w| is_demonym(w))
        && !is_place(key.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::nlp::tokens::tokenize;

    fn clean(s: &str) -> Option<String> {
        let t = tokenize(s);
        clean_span(&t, 0..t.len()).map(|r| t[r].iter().map(|x| x.text).collect::<Vec<_>>().join(" "))
    }

    fn key(s: &str) -> NameKey {
        normalise(s)
    }

    #[test]
    fn normalises_diacritics_case_and_punctuation() {
        assert_eq!(normalise("Ángel  Gurría-Núñez").as_str(), "angel gurria nunez");
        assert_eq!(normalise("D. O'Neill").as_str(), "d oneill");
        assert_eq!(slug("Zoë Ünal"), "zoe-unal");
    }

    #[test]
    fn strips_titles_possessives_and_nationalities() {
        assert_eq!(clean("President Halvorsen").as_deref(), Some("Halvorsen"));
        assert_eq!(clean("Halvorsen's").as_deref(), Some("Halvorsen"));
        assert_eq!(clean("Norwegian Trade Minister Ingrid Halvorsen").as_deref(), Some("Ingrid Halvorsen"));
        assert_eq!(clean("Then-Governor Ada Brandt").as_deref(), Some("Ada Brandt"));
        assert_eq!(clean("Mr. Brandt").as_deref(), Some("Brandt"));
        assert_eq!(clean("Acme Holdings CEO Tomas Lind").as_deref(), Some("Tomas Lind"));
    }

    #[test]
    fn rejects_places_organisations_and_fragments() {
        for s in ["Getty Images", "Saudi Arabia", "Borvia Envoy", "Foreign Ministry", "Lake Palace", "NORTHVILLE", "Will Not", "White House", "Cold War"] {
            assert_eq!(clean(s), None, "{s}");
        }
    }

    #[test]
    fn extends_over_particles() {
        let t = tokenize("Minister Khalid bin Nasser Al Thani (R) spoke");
        let r = clean_span(&t, 0..2).unwrap();
        assert_eq!(t[r].iter().map(|x| x.text).collect::<Vec<_>>().join(" "), "Khalid bin Nasser Al Thani");
    }

    #[test]
    fn transliterations_share_a_key() {
        assert_eq!(phonetic("sergei"), phonetic("sergey"));
        assert_eq!(phonetic("yuri"), phonetic("yury"));
        assert_eq!(phonetic("zelensky"), phonetic("zelenskyy"));
        assert_eq!(phonetic("zelenskiy"), phonetic("zelensky"));
        assert_ne!(phonetic("mark"), phonetic("mirko"));
    }

    #[test]
    fn variants_are_the_same_person() {
        assert!(same_person(&key("Sergey Ivanov"), &key("Sergei Ivanov")));
        assert!(same_person(&key("Ana Maria Lopez"), &key("Ana Lopez")));
        assert!(same_person(&key("Khalid bin Nasser"), &key("Khalid bin Nasser Al Thani")));
        assert!(same_person(&key("Kemal Öztürk"), &key("Kemal Ozturk")));
        assert!(same_person(&key("J. Doyle"), &key("Jim Doyle")));
        assert!(same_person(&key("Joe Doyle"), &key("Joseph Doyle")));
        assert!(same_person(&key("Ahmet Kemal Öztürk"), &key("Kemal Ozturk")));
    }

    #[test]
    fn namesakes_stay_apart() {
        assert!(!same_person(&key("Ruth Okafor"), &key("Daniel Okafor")));
        assert!(!same_person(&key("Ana Lopez"), &key("Ana Lopez Garcia")));
        assert!(!same_person(&key("Khalid bin Nasser"), &key("Khalid bin Salem")));
        assert!(!same_person(&key("Mark Brandt"), &key("Mirko Brandt")));
    }

    #[test]
    fn partials_score_surname_over_given_name() {
        let full = key("Ingrid Halvorsen");
        assert_eq!(partial_score(&key("Halvorsen"), &full), 2);
        assert_eq!(partial_score(&key("Ingrid"), &full), 1);
        assert_eq!(partial_score(&key("Brandt"), &full), 0);
        assert_eq!(partial_score(&key("bin Nasser"), &key("Khalid bin Nasser")), 2);
        assert_eq!(partial_score(&key("Thani"), &key("Khalid bin Nasser Al Thani")), 2);
        assert_eq!(surnames(&key("Khalid bin Nasser Al Thani")), vec!["thani", "nasser"]);
    }
}

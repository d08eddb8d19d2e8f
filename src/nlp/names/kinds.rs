//! Kinds of words that clean a span into a person's name: organisation and
//! place words, company suffixes, nationality words, function words,
//! connectives, honorifics and abbreviated titles. Small generic lists of
//! kinds of words, not lists of names (split out of `clean.rs`).

use std::collections::HashSet;
use std::sync::OnceLock;

pub(super) fn set(
    words: &'static str,
    cell: &'static OnceLock<HashSet<&'static str>>,
) -> &'static HashSet<&'static str> {
    cell.get_or_init(|| words.split_whitespace().collect())
}

/// Words that mark an organisation, a place or a thing, never a person's name.
pub(super) fn is_org_word(lower: &str) -> bool {
    static CELL: OnceLock<HashSet<&str>> = OnceLock::new();
    set(
        "ministry ministries department division office agency service services press news times post journal \
         herald tribune gazette images image photos photo pictures media tv television radio fund bank group company \
         corp corporation inc ltd llc plc gmbh spa int intl bros council committee commission conference convention summit forum assembly \
         parliament congress senate house palace mosque cathedral university college school \
         institute foundation party army navy force forces guard police union league association organization \
         organisation federation republic kingdom states nations strip sea gulf ocean river mountains island islands \
         street square avenue airport station city province region war revolution agreement agreements accords \
         treaty exchange market index stadium museum hospital centre center cup championship olympics prize award \
         club hotel hof clinic dam restaurant theatre theater cinema bulletin airlines airways motors embassy consulate cabinet administration government kremlin pentagon \
         reuters bloomberg interfax tass afp cnn bbc nbc cbs abc ap telegram twitter facebook instagram youtube",
        &CELL,
    )
    .contains(lower)
        || is_corporate_suffix(lower)
        || is_foreign_org_word(lower)
}

/// Words that open a company's or a bank's name in Romance languages
/// ("Banco …", "Groupe …", "Compagnie …"): "Banque Ada Brandt" is the bank,
/// like "Ada Brandt Inc". Any case, accents optional.
pub fn is_foreign_org_word(word: &str) -> bool {
    matches!(
        word.to_lowercase().as_str(),
        "gruppo"
            | "grupo"
            | "groupe"
            | "banco"
            | "banca"
            | "banque"
            | "compagnie"
            | "compagnia"
            | "compania"
            | "compañía"
            | "companhia"
            | "societe"
            | "société"
            | "societa"
            | "società"
            | "sociedad"
            | "sociedade"
            | "credito"
            | "crédito"
            | "credit"
            | "crédit"
            | "caisse"
            | "caja"
            | "cassa"
            | "cia"
            | "empresa"
            | "empresas"
            | "établissements"
            | "etablissements"
            | "industrias"
            | "industrie"
    )
}

/// Whether a word (any case) marks an organisation, a place or a thing
/// ("Inc", "Group", "Clinic").
pub fn is_thing_word(word: &str) -> bool {
    is_org_word(&word.to_lowercase())
}

/// Words that end a company's name, right after it ("… Inc", "… Ltd",
/// "… Securities") or after "and"/"&" ("… and Co", "… & Sons"): what makes
/// "Ada Brandt Securities" a firm named after someone, not the someone
/// (also after "und"/"et": [`is_firm_connector`]).
/// Generic legal and trade forms, any case, a final period ignored.
pub fn is_corporate_suffix(word: &str) -> bool {
    matches!(
        word.trim_end_matches('.').to_lowercase().as_str(),
        "co" | "cos"
            | "company"
            | "inc"
            | "incorporated"
            | "corp"
            | "corporation"
            | "ltd"
            | "limited"
            | "plc"
            | "llc"
            | "llp"
            | "lp"
            | "gmbh"
            | "ag"
            | "sa"
            | "nv"
            | "bv"
            | "spa"
            | "group"
            | "securities"
            | "partners"
            | "holdings"
            | "associates"
            | "brothers"
            | "bros"
            | "sons"
            | "industries"
            | "cie"
            | "kg"
    )
}

/// "and", "&" and their French and German forms, between a name and a
/// company suffix ("… and Co", "… und Co", "… et Cie").
pub fn is_firm_connector(word: &str) -> bool {
    matches!(word, "and" | "&" | "und" | "et")
}

/// Nationality adjectives and similar leading words stripped off a span.
pub(super) fn is_demonym(lower: &str) -> bool {
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
pub(super) fn is_place(key: &str) -> bool {
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
pub(super) fn is_function_word(lower: &str) -> bool {
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

/// Discourse connectives and sentence adverbs: capitalised only because
/// they open a sentence, never the start of a name ("Meanwhile Labour").
pub(super) fn is_connective(lower: &str) -> bool {
    static CELL: OnceLock<HashSet<&str>> = OnceLock::new();
    set(
        "meanwhile however moreover furthermore nevertheless nonetheless yet instead indeed earlier later \
         separately elsewhere overall now today yesterday tonight thus hence therefore additionally finally \
         initially last next besides otherwise although though because since unless until whereas despite \
         unlike once perhaps maybe certainly clearly sadly unfortunately fortunately interestingly ironically \
         surprisingly notably recently currently previously eventually ultimately similarly likewise \
         conversely alternatively consequently accordingly specifically namely already even only either \
         neither whether asked speaking according following amid among meantime thereafter afterwards",
        &CELL,
    )
    .contains(lower)
}

/// Honorifics and leading words stripped before a name ("Mr.", "Sir", "Then").
pub(super) fn is_leading_noise(lower: &str) -> bool {
    matches!(
        lower,
        "mr" | "mr."
            | "mrs"
            | "mrs."
            | "ms"
            | "ms."
            | "dr"
            | "dr."
            | "sir"
            | "dame"
            | "lord"
            | "lady"
            | "then"
            | "former"
    ) || is_abbreviated_title(lower)
        || is_function_word(lower)
        || is_connective(lower)
        || is_demonym(lower)
}

/// Abbreviated titles and ranks ("Gen Pervez Musharraf", "Sgt. Ada Brandt").
pub(super) fn is_abbreviated_title(lower: &str) -> bool {
    matches!(
        lower.trim_end_matches('.'),
        "gen"
            | "lt"
            | "col"
            | "capt"
            | "cpt"
            | "maj"
            | "sgt"
            | "cpl"
            | "pte"
            | "pvt"
            | "adm"
            | "cmdr"
            | "rev"
            | "prof"
            | "gov"
            | "sen"
            | "rep"
            | "supt"
            | "insp"
            | "det"
    )
}

/// A hyphenated adjective made from a name ("Bracknell-based",
/// "Jackson-style", "Oscar-winning"): the part after the last hyphen is a
/// lower-case word of the kinds that turn a noun into a modifier.
pub(super) fn is_adjectival_compound(text: &str) -> bool {
    let Some((_, tail)) = text.rsplit_once('-') else {
        return false;
    };
    matches!(
        tail,
        "based"
            | "style"
            | "born"
            | "winning"
            | "led"
            | "backed"
            | "owned"
            | "run"
            | "made"
            | "like"
            | "type"
            | "era"
            | "bound"
            | "linked"
            | "controlled"
            | "funded"
            | "listed"
            | "registered"
            | "speaking"
            | "inspired"
            | "themed"
            | "sponsored"
            | "designed"
            | "trained"
            | "educated"
            | "appointed"
            | "nominated"
            | "starring"
            | "directed"
    )
}

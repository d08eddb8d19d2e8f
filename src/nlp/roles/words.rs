//! The closed word classes role detection reads: job-title head nouns and
//! their modifiers, ambiguous titles, sentence adverbs, prepositions and
//! auxiliaries that end or break an apposition.

/// Nouns that head a title: the word a title phrase ends in (or that its
/// "of …" complement follows).
pub fn is_head_noun(lower: &str) -> bool {
    matches!(
        lower,
        "president"
            | "vice-president"
            | "president-elect"
            | "minister"
            | "secretary"
            | "undersecretary"
            | "chancellor"
            | "premier"
            | "adviser"
            | "advisor"
            | "aide"
            | "envoy"
            | "spokesman"
            | "spokeswoman"
            | "spokesperson"
            | "ambassador"
            | "ceo"
            | "cfo"
            | "chief"
            | "head"
            | "director"
            | "chairman"
            | "chairwoman"
            | "chair"
            | "governor"
            | "senator"
            | "congressman"
            | "congresswoman"
            | "mayor"
            | "general"
            | "admiral"
            | "colonel"
            | "commander"
            | "king"
            | "queen"
            | "prince"
            | "princess"
            | "emir"
            | "sheikh"
            | "sultan"
            | "pope"
            | "cardinal"
            | "bishop"
            | "archbishop"
            | "judge"
            | "leader"
            | "negotiator"
            | "diplomat"
            | "commissioner"
            | "founder"
            | "officer"
            | "executive"
            | "lawmaker"
            | "deputy"
            | "prosecutor"
            | "attorney"
            | "counsel"
            | "coordinator"
            | "representative"
    )
}

/// Words that modify a title without heading it ("foreign", "national security").
pub(super) fn is_modifier(lower: &str) -> bool {
    matches!(
        lower,
        "foreign"
            | "national"
            | "security"
            | "special"
            | "senior"
            | "vice"
            | "prime"
            | "state"
            | "defence"
            | "defense"
            | "interior"
            | "finance"
            | "trade"
            | "economy"
            | "economic"
            | "energy"
            | "health"
            | "justice"
            | "policy"
            | "affairs"
            | "presidential"
            | "first"
            | "acting"
            | "interim"
            | "assistant"
            | "top"
            | "press"
            | "military"
            | "intelligence"
            | "former"
            | "crown"
            | "supreme"
            | "high"
            | "general"
            | "chief"
            | "executive"
            | "white"
            | "house"
            | "middle"
            | "east"
            | "then"
    )
}

/// Any word that can be part of a title before a name.
pub fn is_title_word(lower: &str) -> bool {
    is_head_noun(lower) || is_modifier(lower)
}

/// Titles that are also common surnames or given names (Stephen King, John
/// Major): stripped in front of a name, but not a reason to reject a span
/// ending in them.
pub fn is_ambiguous_title(lower: &str) -> bool {
    matches!(
        lower,
        "king"
            | "prince"
            | "princess"
            | "queen"
            | "bishop"
            | "judge"
            | "major"
            | "marshal"
            | "dean"
            | "pope"
            | "cardinal"
            | "general"
            | "chancellor"
            | "first"
            | "white"
            | "house"
            | "middle"
            | "east"
            | "high"
            | "crown"
            | "justice"
            | "chief"
            | "state"
    )
}

/// Sentence-initial words that are capitalised only by position.
pub(super) fn is_sentence_adverb(lower: &str) -> bool {
    matches!(
        lower,
        "earlier"
            | "later"
            | "meanwhile"
            | "however"
            | "separately"
            | "also"
            | "today"
            | "yesterday"
            | "last"
            | "next"
            | "now"
            | "still"
            | "even"
            | "only"
            | "speaking"
            | "asked"
            | "but"
            | "and"
            | "the"
            | "a"
            | "an"
            | "in"
            | "on"
            | "at"
            | "as"
            | "after"
            | "before"
            | "when"
            | "while"
            | "his"
            | "her"
            | "their"
            | "its"
            | "our"
            | "with"
            | "by"
            | "for"
            | "from"
            | "led"
            | "headed"
            | "according"
            | "then"
    )
}

/// Words that open a prepositional or adverbial phrase, never a noun
/// phrase in apposition (", alongside X,", ", with X,", ", like X,").
pub(super) fn is_opening_preposition(lower: &str) -> bool {
    matches!(
        lower,
        "alongside"
            | "with"
            | "without"
            | "including"
            | "like"
            | "unlike"
            | "from"
            | "in"
            | "on"
            | "at"
            | "for"
            | "to"
            | "by"
            | "after"
            | "before"
            | "as"
            | "than"
            | "via"
            | "against"
            | "among"
            | "between"
            | "near"
            | "under"
            | "over"
            | "about"
            | "despite"
            | "plus"
            | "not"
            | "then"
            | "now"
            | "once"
            | "there"
            | "here"
            | "again"
            | "though"
            | "although"
            | "if"
            | "because"
            | "so"
            | "behind"
            | "beside"
            | "besides"
            | "into"
            | "of"
    )
}

/// Auxiliary and modal verbs: a phrase holding one is a clause ("X, will
/// take place at …", "X, was named to …"), not an apposition.
pub(super) fn is_auxiliary(lower: &str) -> bool {
    matches!(
        lower,
        "will"
            | "would"
            | "was"
            | "were"
            | "is"
            | "are"
            | "has"
            | "have"
            | "had"
            | "can"
            | "could"
            | "may"
            | "might"
            | "must"
            | "shall"
            | "should"
            | "be"
            | "been"
            | "being"
            | "does"
            | "did"
            | "do"
            | "'re"
            | "’re"
            | "'ve"
            | "’ve"
    )
}

pub(super) fn is_first_or_second_person(lower: &str) -> bool {
    matches!(
        lower,
        "i" | "you" | "we" | "my" | "your" | "our" | "me" | "us"
    )
}

pub(super) fn is_preposition(lower: &str) -> bool {
    matches!(lower, "of" | "to" | "for" | "at" | "in" | "on")
}

/// "Mr", "Mrs", "Dr", "Sir", …: a word that marks the next one as a person's name.
pub fn is_honorific(word: &str) -> bool {
    matches!(
        word,
        "Mr" | "Mr."
            | "Mrs"
            | "Mrs."
            | "Ms"
            | "Ms."
            | "Dr"
            | "Dr."
            | "Miss"
            | "Sir"
            | "Lord"
            | "Lady"
            | "Dame"
            | "Prof"
            | "Prof."
            | "Professor"
            | "Msgr."
            | "Rev."
            | "Const."
    )
}

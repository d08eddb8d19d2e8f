//! Word lists for quote attribution: reporting verbs, pronouns, adverbs.

pub use crate::nlp::speech::is_speech_verb;

/// Verbs that introduce a direct quotation: the speech verbs and more
/// ("instructed reporters", "vowed", "saying"). Only read next to a
/// quotation, so they never create a name.
pub fn is_reporting_verb(lower: &str) -> bool {
    is_speech_verb(lower)
        || matches!(
            lower,
            "saying"
                // Participles after their subject's clause ("went further,
                // claiming that “…”").
                | "claiming"
                | "arguing"
                | "stressing"
                | "explaining"
                | "declaring"
                | "admitting"
                | "conceding"
                | "adding"
                | "noting"
                | "telling"
                | "warning"
                | "insisting"
                | "instructed"
                | "informed"
                | "assured"
                | "reassured"
                | "reminded"
                | "vowed"
                | "pledged"
                | "promised"
                | "demanded"
                | "reiterated"
                | "underlined"
                | "underscored"
                | "asserted"
                | "contended"
                | "maintained"
                | "complained"
                | "lamented"
                | "boasted"
                | "quipped"
                | "joked"
                | "wondered"
                | "concluded"
                | "testified"
                | "answered"
                | "threatened"
                | "alleged"
                | "revealed"
                | "affirmed"
                | "echoed"
                | "exclaimed"
                | "shouted"
                | "wrote"
                | "emailed"
                | "texted"
                | "recounted"
                | "insist"
                | "warn"
                | "note"
                | "add"
                | "tell"
                | "told"
                | "explains"
                | "recalls"
                | "argues"
                | "asks"
                | "continues"
                // Present-tense and less common verbs of a reply or admission.
                | "replies"
                | "retorted"
                | "retorts"
                | "confesses"
                | "confessed"
                | "declares"
                | "admits"
                | "concedes"
        )
}

/// "went on:" / "goes on:" at token `i` (the "on"): a two-word verb that
/// introduces a quotation right after it.
pub fn went_on(tokens: &[crate::nlp::tokens::Token], i: usize) -> bool {
    i > 0
        && tokens[i].text == "on"
        && matches!(tokens[i - 1].text, "went" | "goes" | "go")
        && tokens
            .get(i + 1)
            .is_some_and(|t| matches!(t.text, ":" | "“" | "\""))
}

/// The reporting verb at token `i` as written ("said", "went on").
pub fn verb_word(tokens: &[crate::nlp::tokens::Token], i: usize) -> String {
    if went_on(tokens, i) {
        format!("{} on", tokens[i - 1].text)
    } else {
        tokens[i].text.to_string()
    }
}

/// Verbs that pass judgement on something in the speaker's own words
/// (`branded it "scandalous"`, `described him as "a huge figure"`).
pub fn is_judging_verb(lower: &str) -> bool {
    matches!(
        lower,
        "branded"
            | "brands"
            | "described"
            | "describes"
            | "describing"
            | "called"
            | "calls"
            | "calling"
            | "dubbed"
            | "labelled"
            | "labeled"
            | "attacked"
            | "attacks"
            | "accused"
            | "accuses"
            | "criticised"
            | "criticized"
            | "condemned"
            | "praised"
            | "hailed"
            | "dismissed"
            | "found"
            | "believed"
            | "believes"
            | "thought"
            | "urged"
            | "predicted"
            // Verbs of speech acts that take the speaker's phrase
            // ("questioned why there was “such a rush”", "vowed to “…”").
            | "questioned"
            | "queried"
            | "complained"
            | "vowed"
            | "promised"
            | "pledged"
    )
}

/// A personal pronoun that can stand for a named person.
pub fn is_pronoun(lower: &str) -> bool {
    matches!(lower, "he" | "she")
}

/// An adverb between a speaker and the verb ("Brandt also said").
pub fn is_adverb(lower: &str) -> bool {
    matches!(
        lower,
        "also"
            | "later"
            | "then"
            | "again"
            | "further"
            | "previously"
            | "earlier"
            | "separately"
            | "recently"
            | "reportedly"
            | "once"
            | "repeatedly"
            | "publicly"
            | "privately"
            | "bluntly"
            | "flatly"
            | "initially"
            | "subsequently"
            | "finally"
            | "simply"
            | "has"
            | "had"
            | "have"
    )
}

/// A last word that makes a name an organisation's ("Stop Stansted
/// Expansion", "Green Party"): never a speaker as a person.
pub fn is_organisation_word(word: &str) -> bool {
    matches!(
        word,
        "Party"
            | "Council"
            | "Association"
            | "Campaign"
            | "Union"
            | "Expansion"
            | "Committee"
            | "Commission"
            | "Ministry"
            | "Department"
            | "Office"
            | "Agency"
            | "Group"
            | "Society"
            | "Institute"
            | "Foundation"
            | "Trust"
            | "Federation"
            | "Alliance"
            | "Coalition"
            | "Authority"
            | "Board"
            | "Bank"
            | "Corporation"
            | "Company"
            | "Inc"
            | "Ltd"
            | "Club"
            | "Police"
            | "Government"
            | "Kremlin"
            | "Telecom"
            | "Systems"
            | "Technologies"
            | "Software"
            | "Networks"
            | "Airlines"
            | "Airways"
            | "Motors"
            | "Media"
            | "Communications"
            | "Energy"
            | "Holdings"
            | "Partners"
    )
}

/// A word that opens a sentence or clause before its subject ("But X
/// warned", "Meanwhile X said", "And he added"): skipped when looking for
/// the clause's subject. Only capitalised (sentence-initial) forms, and
/// "but" after a comma, so "the talks and X" stays an object.
pub fn is_discourse_word(word: &str) -> bool {
    matches!(
        word,
        "But"
            | "And"
            | "Yet"
            | "So"
            | "Still"
            | "However"
            | "Meanwhile"
            | "Earlier"
            | "Later"
            | "Separately"
            | "Also"
            | "Now"
            | "Then"
            | "Instead"
            | "Elsewhere"
            | "Afterwards"
            | "Previously"
            | "Today"
            | "Yesterday"
            | "but"
            // ", as X declared, “…”": X is the subject of the aside.
            | "As"
            | "as"
    )
}

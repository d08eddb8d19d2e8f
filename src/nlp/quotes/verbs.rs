//! Word lists for quote attribution: reporting verbs, pronouns, adverbs.

/// Reporting verbs ("said", "told", "added", …), lowercase. Also a name cue
/// for the analysis ("X said"), so it stays to verbs that people do.
pub fn is_speech_verb(lower: &str) -> bool {
    matches!(
        lower,
        "said"
            | "says"
            | "say"
            | "told"
            | "tells"
            | "added"
            | "adds"
            | "stated"
            | "states"
            | "noted"
            | "notes"
            | "wrote"
            | "writes"
            | "posted"
            | "declared"
            | "insisted"
            | "insists"
            | "emphasized"
            | "emphasised"
            | "stressed"
            | "warned"
            | "warns"
            | "asked"
            | "replied"
            | "explained"
            | "argued"
            | "mentioned"
            | "described"
            | "welcomed"
            | "praised"
            | "called"
            | "calling"
            | "denied"
            | "urged"
            | "claimed"
            | "announced"
            | "acknowledged"
            | "admitted"
            | "suggested"
            | "confirmed"
            | "predicted"
            | "tweeted"
            | "commented"
            | "remarked"
            | "estimated"
            | "estimates"
            | "continued"
            | "recalled"
            | "cautioned"
            | "conceded"
            | "countered"
            | "responded"
            | "observed"
    )
}

/// Verbs that introduce a direct quotation: the speech verbs and more
/// ("instructed reporters", "vowed", "saying"). Only read next to a
/// quotation, so they never create a name.
pub fn is_reporting_verb(lower: &str) -> bool {
    is_speech_verb(lower)
        || matches!(
            lower,
            "saying"
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

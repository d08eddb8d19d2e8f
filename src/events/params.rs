//! The clusterer's input (one [`ClusterDoc`] per article) and its global
//! knobs ([`Params`]). They sit below both `cluster` and `features`, so
//! neither imports the other's types.

use crate::date::Date;

/// What the clusterer needs to know about one article.
#[derive(Clone, Debug, PartialEq)]
pub struct ClusterDoc {
    /// Unique article id; the tie-breaker of the visiting order.
    pub id: String,
    /// Publication day (for ordering even when not `dated`).
    pub date: Date,
    /// False when the date is only a file time: no time penalty then.
    pub dated: bool,
    /// Headline.
    pub title: String,
    /// Body text.
    pub text: String,
    /// People the article mentions.
    pub names: Vec<String>,
    /// Places the article is about (its dateline place).
    pub places: Vec<String>,
    /// Front matter `event:` slug: the article goes to that event.
    pub pinned: Option<String>,
}

/// Members that make an event's core (see [`Params::min_first`]).
pub const CORE: usize = 3;

/// Global knobs. Defaults were chosen on the ECB+ train topics (see
/// `bench/ecb_eval.md`), never per document.
#[derive(Clone, Debug, PartialEq)]
pub struct Params {
    /// Minimum total score to join an event instead of starting one.
    pub threshold: f32,
    /// Title terms count this many times.
    pub title_weight: u32,
    /// Proper (capitalised mid-sentence) body terms count this many times.
    pub proper_weight: u32,
    /// Share of the nearest-member cosine in the similarity; the rest is
    /// the centroid cosine.
    pub link_weight: f32,
    /// Neighbours per article for the shared-neighbour similarity.
    pub neighbours: usize,
    /// Weight of the shared-neighbour similarity.
    pub snn_weight: f32,
    /// Minimum cosine for two articles to be neighbours.
    pub neighbour_min_cosine: f32,
    /// Minimum direct similarity to join at all: shared neighbours support
    /// a text match, they never replace one.
    pub min_similarity: f32,
    /// Weight of the name overlap.
    pub name_weight: f32,
    /// Bonus when the article's place is one of the event's places.
    pub place_weight: f32,
    /// Penalty when the article and the event have places and none match.
    pub place_mismatch: f32,
    /// Weight of the anchor support: the share of the article's specific
    /// anchors that the event's core carries.
    pub anchor_weight: f32,
    /// Minimum anchor support to join at all: an article that shares no
    /// specific who/what/where with the event's core is another happening,
    /// however close its vocabulary.
    pub min_anchor: f32,
    /// Weight of the shared-neighbour similarity for a pair with no time
    /// signal (either side undated): without time to narrow them, an
    /// article's nearest neighbours are its topic-mates, not its event's.
    pub undated_snn_weight: f32,
    /// Minimum direct similarity for a pair with no time signal: content
    /// must make the case on its own.
    pub undated_min_similarity: f32,
    /// Threshold for a pair with no time signal (its score lacks the
    /// shared-neighbour part when `undated_snn_weight` is low).
    pub undated_threshold: f32,
    /// A pair with no time signal joins only when it shares at least one
    /// specific anchor (a name, or an anchor of the event's core).
    pub undated_needs_anchor: bool,
    /// Apply the head veto ([`crate::events::cluster::CandidateScore::head_conflict`])
    /// to pairs with no time signal too (it always applies to dated pairs).
    pub undated_head_veto: bool,
    /// For a pair with no time signal, the shared-neighbour bonus counts in
    /// proportion to the specific body names the pair shares, in full from
    /// this sum on ([`crate::events::cluster::CandidateScore::body_shared`]);
    /// 0 = always in full. Without time, an article's neighbours are its
    /// topic-mates; only shared people and places make them its event's.
    pub undated_snn_lift: f32,
    /// Specificity-weighted sum of names shared by the article's body and
    /// the bodies of the event's core from which the head veto does not
    /// fire ([`crate::events::cluster::CandidateScore::body_shared`]): a
    /// template pile shares generic words, two reports of one happening
    /// share its specific people and places.
    pub head_lift: f32,
    /// Score lost by a pair with no time signal when the article's headline
    /// and first sentence name numbers and none is among those of the
    /// event's core ([`crate::events::heads::head_numbers`]): two
    /// look-alike happenings (two earthquakes, two offers) differ in them.
    pub number_clash: f32,
    /// Minimum cosine with the event centroid: every member stays close to
    /// the core, so an event cannot grow by a chain of neighbours.
    pub min_core: f32,
    /// Minimum cosine with the centroid of the event's first [`CORE`]
    /// members: the running centroid drifts as an event grows, its core
    /// does not, so a chain cannot walk away from what the event was.
    pub min_first: f32,
    /// Minimum average cosine between the members of one event when both
    /// of a pair are dated (see [`crate::events::chains`]); 0 = no regrouping.
    pub split_min: f32,
    /// The same for a pair with no time signal: content alone must hold
    /// the group together.
    pub undated_split_min: f32,
    /// Added to a pair's cosine when regrouping, in proportion to the
    /// specific body names the two share (in full from `head_lift`): two
    /// reports of one happening name its people and places, however
    /// differently they are worded.
    pub split_name_bonus: f32,
    /// Anchor support from which a match counts as strong: it may then
    /// follow up an event up to `follow_up_days` after its start.
    pub strong_anchor: f32,
    /// How long after its first article a strongly anchored follow-up may
    /// still join an event.
    pub follow_up_days: i64,
    /// Score lost per day of distance beyond the first.
    pub day_penalty: f32,
    /// Dated events (and neighbours) further than this many days are not
    /// candidates.
    pub window_days: i64,
    /// An event spans at most this many days from its first dated article.
    pub max_span_days: i64,
    /// Heaviest terms per article used as index keys.
    pub keys_per_doc: usize,
    /// Postings scanned per key.
    pub max_scan: usize,
    /// Candidates proposed by the index per article (scored by centroid cosine).
    pub max_candidates: usize,
    /// Of those, the most similar ones fully scored.
    pub full_scores: usize,
    /// A headline template that recurs on this many different days is a
    /// routine series whose members join only their own day's reports
    /// ([`crate::events::series`]); 0 = off.
    pub series_min_days: usize,
    /// Minimum best cosine with one of the event's members for a pair with
    /// no time signal: without time, only a close text match is evidence of
    /// one happening rather than one topic; 0 = off.
    pub undated_min_link: f32,
    /// Minimum specificity-weighted body names shared with the event's
    /// core for a pair with no time signal; 0 = off.
    pub undated_min_body: f32,
    /// Veto merges of capitals-only headlines about different subjects
    /// that neither side mentions ([`crate::events::subjects`]), and of one
    /// company's different announcements ([`crate::events::kinds`]).
    pub subject_veto: bool,
}

impl Default for Params {
    fn default() -> Self {
        Params {
            threshold: 0.55,
            title_weight: 2,
            proper_weight: 2,
            link_weight: 0.5,
            neighbours: 5,
            snn_weight: 1.5,
            neighbour_min_cosine: 0.2,
            min_similarity: 0.1,
            name_weight: 0.1,
            place_weight: 0.05,
            place_mismatch: 0.2,
            anchor_weight: 0.3,
            min_anchor: 0.0,
            undated_snn_weight: 1.5,
            undated_min_similarity: 0.15,
            undated_threshold: 0.55,
            undated_needs_anchor: true,
            undated_head_veto: false,
            head_lift: 2.0,
            undated_snn_lift: 0.0,
            number_clash: 0.2,
            min_core: 0.15,
            min_first: 0.0,
            split_min: 0.25,
            undated_split_min: 0.15,
            split_name_bonus: 0.0,
            strong_anchor: 0.5,
            follow_up_days: 28,
            day_penalty: 0.15,
            window_days: 14,
            max_span_days: 10,
            keys_per_doc: 20,
            max_scan: 20,
            max_candidates: 24,
            full_scores: 4,
            series_min_days: 3,
            undated_min_link: 0.0,
            undated_min_body: 0.0,
            subject_veto: true,
        }
    }
}

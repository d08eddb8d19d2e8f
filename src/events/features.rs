//! Per-article features for clustering: TF-IDF vector (boilerplate left
//! out), index keys, names, and the specific anchors (names, tickers,
//! capitalised words, numbers) that identify a happening.

use crate::events::boilerplate::{self, Boilerplate};
use crate::events::heads::{self, CaseEvidence, HeadWord};
use crate::events::params::{ClusterDoc, Params};
use crate::events::terms::{cased_terms_masked, lower_words, CasedTerm};
use crate::events::tfidf::{self, SparseVec, TermId, Vocab};
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use std::collections::HashSet;

/// Prepared features of one article.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub(crate) struct Features {
    /// TF-IDF of title and body (unit length).
    pub vector: SparseVec,
    /// Index keys (heaviest terms, names, tickers) with their weights.
    pub keys: SparseVec,
    /// Name keys, one per distinct name.
    pub names: Vec<NameKeys>,
    /// Specific anchors with their specificity weight (> 0), sorted by
    /// term: the article's heaviest [`ANCHORS`] only.
    pub anchors: SparseVec,
    /// Every specific anchor of the article (sorted), rare ones included.
    pub all_anchors: Vec<TermId>,
    /// The specific anchors of the headline (sorted): who and where the
    /// story says it is about.
    pub title_anchors: Vec<TermId>,
    /// Ticker keys of the headline (`<ABC>`), sorted.
    pub tickers: Vec<TermId>,
    /// Places, lowercased.
    pub places: Vec<String>,
    /// Heads: the named things of the headline and first sentence, each a
    /// sorted set of specific terms (see [`heads`]).
    pub heads: Vec<heads::Head>,
    /// Numbers of the headline and first sentence ([`heads::head_numbers`]).
    pub numbers: Vec<String>,
    /// The specific names the body mentions (capitalised words inside
    /// sentences, no numbers, no boilerplate), each with its specificity in
    /// (0, 1] ([`specificity`]), sorted by term: who and where the body is
    /// about, which two reports of one happening share even when their
    /// headlines name different things.
    #[serde(default)]
    pub body_anchors: SparseVec,
    /// Position in visiting order.
    pub pos: usize,
    /// Nearest articles over the whole corpus (positions, sorted).
    pub neighbours: Vec<usize>,
}

/// Anchors kept per article: enough for a long report's protagonists,
/// few enough that a wordy article is not diluted.
pub(crate) const ANCHORS: usize = 12;

/// The keys of one name: the whole name and its last word, so that
/// "Sergei Lavrov" and a later "Lavrov" meet.
#[derive(Clone, Copy, Debug, Serialize, Deserialize)]
pub(crate) struct NameKeys {
    pub full: TermId,
    pub last: TermId,
}

/// Name keys live in the term vocabulary under a prefix no word can have.
fn name_terms(name: &str) -> Option<(String, String)> {
    let words: Vec<String> = tfidf::terms(name)
        .into_iter()
        .filter(|w| w.len() > 1)
        .collect();
    let last = words.last()?.clone();
    Some((format!("#{}", words.join(" ")), format!("#{last}")))
}

/// Companies a headline marks in angle brackets, as keys: a stock ticker
/// (`<ABC>`, `<ABC.L>`) or a name (`<ACME HOLDINGS INC>`), the wire
/// convention for "this is the company the story is about".
pub(crate) fn tickers(title: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = title;
    while let Some(open) = rest.find('<') {
        let Some(len) = rest[open + 1..].find('>') else {
            break;
        };
        let t = &rest[open + 1..open + 1 + len];
        let words: Vec<String> = t
            .split(|c: char| !c.is_alphanumeric() && c != '.')
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect();
        let ok = !words.is_empty()
            && words.len() <= 8
            && t.chars()
                .filter(|c| c.is_alphabetic())
                .all(char::is_uppercase)
            && t.chars().any(char::is_alphabetic);
        if ok {
            out.push(format!("${}", words.join(" ")));
        }
        rest = &rest[open + 1 + len..];
    }
    out.sort();
    out.dedup();
    out
}

/// What one pass over an article's words yields before IDF is known.
#[derive(Default)]
struct Raw {
    counts: Vec<(TermId, u32)>,
    /// Counts of the boilerplate terms.
    boiler: Vec<(TermId, u32)>,
    anchors: Vec<TermId>,
    title_anchors: Vec<TermId>,
    names: Vec<NameKeys>,
    tickers: Vec<TermId>,
    head_words: Vec<HeadWord>,
    /// Capitalised words inside the body's sentences (sorted).
    body_names: Vec<TermId>,
    /// The body is in capitals: its case says nothing.
    caps_body: bool,
}

/// Counts terms, builds the vocabulary (document frequencies over the whole
/// corpus) and each article's vector, keys and anchors. `order` is the
/// visiting order, which fixes term ids and so every tie-break downstream.
pub(crate) fn featurize(
    docs: &[ClusterDoc],
    order: &[usize],
    p: &Params,
) -> (Vocab, Vec<Features>) {
    let (vocab, _, _, feats) = learn(docs, order, p);
    (vocab, feats)
}

/// [`featurize`], also returning the boilerplate and the case evidence
/// learnt: with the vocabulary, the corpus statistics a frozen background
/// keeps ([`crate::events::frozen`]).
pub(crate) fn learn(
    docs: &[ClusterDoc],
    order: &[usize],
    p: &Params,
) -> (Vocab, Boilerplate, CaseEvidence, Vec<Features>) {
    // Trigram document frequencies, a batch of articles at a time on all
    // cores (never every article's words at once: memory).
    let mut df = tfidf::FxMap::default();
    for batch in docs.chunks(TOKEN_BATCH) {
        let sets: Vec<Vec<u64>> = batch
            .par_iter()
            .map(|d| {
                let mut w = lower_words(&d.title);
                w.extend(lower_words(&d.text));
                boilerplate::doc_trigrams(&w)
            })
            .collect();
        for s in &sets {
            boilerplate::count_doc(&mut df, s);
        }
    }
    let bp = Boilerplate::from_counts(df, docs.len());
    let mut vocab = Vocab::default();
    let mut raw: Vec<Raw> = (0..docs.len()).map(|_| Raw::default()).collect();
    let mut evidence = CaseEvidence::default();
    // Splitting, folding and stemming on all cores, a bounded batch at a
    // time (memory); term ids are then given in visiting order, one article
    // after another, exactly as one sequential pass would.
    for batch in order.chunks(TOKEN_BATCH) {
        let toks: Vec<Tokens> = batch
            .par_iter()
            .map(|&i| tokens(&docs[i], &bp, p))
            .collect();
        for (&i, t) in batch.iter().zip(toks) {
            raw[i] = count(&mut |t| vocab.intern(t), t, Some(&mut evidence));
            add_doc(&mut vocab, &raw[i]);
        }
    }
    let floor = specific_floor(&vocab);
    let feats = raw
        .into_par_iter()
        .enumerate()
        .map(|(i, r)| finish(&vocab, &evidence, floor, r, &docs[i], p))
        .collect();
    (vocab, bp, evidence, feats)
}

/// Features of `docs` against a frozen background (`vocab`, `bp`): those
/// `known` holds are taken as they are, the others computed on all cores.
/// Each article's features depend on the article and the background only,
/// which is what lets a build keep them between builds.
pub(crate) fn featurize_frozen(
    docs: &[ClusterDoc],
    vocab: &Vocab,
    bp: &Boilerplate,
    evidence: &CaseEvidence,
    p: &Params,
    known: Vec<Option<Features>>,
) -> Vec<Features> {
    let floor = specific_floor(vocab);
    known
        .into_par_iter()
        .zip(docs.par_iter())
        .map(|(k, d)| match k {
            Some(mut f) => {
                // Places come from the corpus gazetteer, not the article alone.
                f.places = d.places.iter().map(|s| s.to_lowercase()).collect();
                f
            }
            None => {
                let r = count(&mut |t| vocab.lookup(t), tokens(d, bp, p), None);
                finish(vocab, evidence, floor, r, d, p)
            }
        })
        .collect()
}

/// An article's features from its counted terms, once IDF is known.
fn finish(
    vocab: &Vocab,
    evidence: &CaseEvidence,
    floor: f32,
    r: Raw,
    d: &ClusterDoc,
    p: &Params,
) -> Features {
    let head_floor = floor.min(HEAD_SHARE.ln());
    let mut heads = heads::heads(&r.head_words, evidence, vocab, head_floor);
    // A company the headline marks is a head of its own.
    heads.extend(tickers(&d.title).into_iter().map(|t| vec![(t, 1.0)]));
    let vector = vector(vocab, &r.counts, &r.boiler);
    let mut keys = tfidf::top_k(&vector, p.keys_per_doc);
    for n in &r.names {
        keys.push((n.full, vocab.idf(n.full)));
        keys.push((n.last, vocab.idf(n.last)));
    }
    keys.extend(r.tickers.iter().map(|&t| (t, vocab.idf(t))));
    keys.sort_by_key(|k| k.0);
    keys.dedup_by_key(|k| k.0);
    let anchors = anchor_weights(vocab, &r.anchors, floor);
    let specific = |ts: &[TermId]| -> Vec<TermId> {
        ts.iter()
            .copied()
            .filter(|&t| vocab.idf(t) > floor)
            .collect()
    };
    let places = d.places.iter().map(|s| s.to_lowercase()).collect();
    // In a capitals body only words the corpus writes as names count.
    let body_anchors = r
        .body_names
        .iter()
        .filter(|&&t| vocab.df(t) > 1 && (!r.caps_body || evidence.name_like(t)))
        .filter_map(|&t| specificity(vocab, floor, t).map(|s| (t, s)))
        .collect();
    Features {
        vector,
        keys,
        names: r.names,
        anchors,
        all_anchors: specific(&r.anchors),
        title_anchors: specific(&r.title_anchors),
        tickers: r.tickers,
        places,
        heads,
        numbers: heads::head_numbers(&d.title, &d.text),
        body_anchors,
        pos: 0,
        neighbours: Vec::new(),
    }
}

/// Articles tokenised in parallel before their terms get ids in order.
const TOKEN_BATCH: usize = 256;

/// Counts one article's distinct terms into the document frequencies.
fn add_doc(vocab: &mut Vocab, r: &Raw) {
    let mut seen_terms: Vec<TermId> = r.counts.iter().chain(&r.boiler).map(|e| e.0).collect();
    seen_terms.extend(r.names.iter().flat_map(|n| [n.full, n.last]));
    seen_terms.extend(&r.tickers);
    seen_terms.sort_unstable();
    seen_terms.dedup();
    vocab.add_doc(&seen_terms);
}

/// One article's terms before ids are given: what [`count`] needs, found
/// without the vocabulary so that articles can be split in parallel.
struct Tokens {
    /// Title and body terms, each with its ordinary and proper weight and
    /// whether it is the title.
    parts: [(Vec<CasedTerm>, u32, u32, bool); 2],
    /// Name keys (whole name, last word) of each name.
    names: Vec<(String, String)>,
    /// Ticker keys of the headline.
    tickers: Vec<String>,
    /// The body is in capitals: its case says nothing.
    caps_body: bool,
    /// Head words of the headline and first sentence (ids not yet given).
    head_words: Vec<HeadWord>,
}

/// The terms, name keys and tickers of one article.
fn tokens(d: &ClusterDoc, bp: &Boilerplate, p: &Params) -> Tokens {
    let caps_body = heads::all_caps(&d.text);
    Tokens {
        parts: [
            (
                cased_terms_masked(&d.title, Some(bp)),
                p.title_weight,
                p.title_weight,
                true,
            ),
            (
                cased_terms_masked(&d.text, Some(bp)),
                1,
                p.proper_weight,
                false,
            ),
        ],
        names: d.names.iter().filter_map(|n| name_terms(n)).collect(),
        tickers: tickers(&d.title),
        caps_body,
        head_words: heads::head_words(&d.title, &d.text, caps_body),
    }
}

/// One article's term counts (boilerplate left out) and anchor terms;
/// `intern` gives each term its id. While the background is learnt, the
/// case of the body's words goes to `evidence`; against a frozen background
/// (`None`) the background's own evidence is used.
fn count(
    intern: &mut impl FnMut(&str) -> TermId,
    tok: Tokens,
    mut evidence: Option<&mut CaseEvidence>,
) -> Raw {
    let mut counts: Vec<(TermId, u32)> = Vec::new();
    let mut boiler: Vec<(TermId, u32)> = Vec::new();
    let mut anchors: Vec<TermId> = Vec::new();
    let mut title_anchors: Vec<TermId> = Vec::new();
    let mut body_names: Vec<TermId> = Vec::new();
    let caps_body = tok.caps_body;
    for (terms, weight, proper, title) in tok.parts {
        for t in terms {
            let id = intern(&t.term);
            let digits = t.term.bytes().any(|b| b.is_ascii_digit());
            if let Some(ev) = evidence.as_deref_mut() {
                if !title && !caps_body && !t.initial && !digits {
                    ev.add(id, t.proper);
                }
            }
            let c = (id, if t.proper { proper } else { weight });
            if t.boilerplate {
                boiler.push(c);
                continue;
            }
            counts.push(c);
            if t.proper && !title {
                body_names.push(id);
            }
            // In an all-capitals headline every word counts: the old
            // headline test (`headlines_conflict`) relies on it.
            if t.proper || digits {
                anchors.push(id);
                if title {
                    title_anchors.push(id);
                }
            }
        }
    }
    let mut names = Vec::new();
    let mut seen = HashSet::new();
    for (full, last) in &tok.names {
        let k = NameKeys {
            full: intern(full),
            last: intern(last),
        };
        if seen.insert(k.full) {
            anchors.push(k.full);
            names.push(k);
        }
    }
    let tickers: Vec<TermId> = tok.tickers.iter().map(|t| intern(t)).collect();
    anchors.extend(&tickers);
    anchors.sort_unstable();
    anchors.dedup();
    title_anchors.extend(&tickers);
    title_anchors.sort_unstable();
    title_anchors.dedup();
    body_names.sort_unstable();
    body_names.dedup();
    Raw {
        body_names,
        caps_body,
        title_anchors,
        counts: tfidf::sum_counts(counts),
        boiler: tfidf::sum_counts(boiler),
        anchors,
        names,
        tickers,
        head_words: heads::intern(intern, tok.head_words),
    }
}

/// TF-IDF of the article's own words, scaled as if its boilerplate were
/// still there: an article that is nine tenths template has a short vector,
/// so the few words it adds cannot make it look like another such article.
fn vector(vocab: &Vocab, counts: &[(TermId, u32)], boiler: &[(TermId, u32)]) -> SparseVec {
    let own = tfidf::tfidf(vocab, counts);
    if boiler.is_empty() || own.is_empty() {
        return own;
    }
    let raw = |c: &[(TermId, u32)]| -> f32 {
        c.iter()
            .filter(|&&(t, _)| vocab.df(t) > 1)
            .map(|&(t, n)| ((1.0 + (n as f32).ln()) * vocab.idf(t)).powi(2))
            .sum()
    };
    let (mine, all) = (raw(counts), raw(counts) + raw(boiler));
    let scale = if all > 0.0 { (mine / all).sqrt() } else { 1.0 };
    own.into_iter().map(|(t, w)| (t, w * scale)).collect()
}

/// A word in more than one article in this many is too common to name a
/// head (a country may; "Bank" may not).
const HEAD_SHARE: f32 = 10.0;

/// IDF of a term as common as boilerplate: anchors no rarer than that say
/// what kind of story it is, not which one.
fn specific_floor(vocab: &Vocab) -> f32 {
    let n = vocab.n_docs() as f32 + tfidf::BACKGROUND_DOCS;
    (n / (boilerplate::min_df(vocab.n_docs() as usize) as f32 + 1.0)).ln()
}

/// How specific an anchor is, in (0, 1]: its IDF above the floor as a
/// share of the most an article's word can have (a word of two articles),
/// so that the same share means the same in a site of twenty articles and
/// in an archive of twenty thousand. `None` at or below the floor.
pub(crate) fn specificity(vocab: &Vocab, floor: f32, t: TermId) -> Option<f32> {
    let top = ((vocab.n_docs() as f32 + tfidf::BACKGROUND_DOCS) / 2.0).ln();
    let w = vocab.idf(t) - floor;
    (w > 0.0 && top > floor).then(|| (w / (top - floor)).min(1.0))
}

/// Specificity of each anchor (IDF above the floor), the heaviest
/// [`ANCHORS`] kept; anchors no other article has are dropped (they can
/// never be shared).
fn anchor_weights(vocab: &Vocab, anchors: &[TermId], floor: f32) -> SparseVec {
    let v: SparseVec = anchors
        .iter()
        .filter(|&&t| vocab.df(t) > 1)
        .map(|&t| (t, vocab.idf(t) - floor))
        .filter(|&(_, w)| w > 0.0)
        .collect();
    tfidf::top_k(&v, ANCHORS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tickers_are_read_from_angle_brackets() {
        assert_eq!(tickers("ACME <ACM> 3RD QTR NET"), vec!["$acm"]);
        assert_eq!(tickers("<BP.L> AND <XON> TALK"), vec!["$bp.l", "$xon"]);
        assert_eq!(
            tickers("<ACME HOLDINGS INC> YEAR NET"),
            vec!["$acme holdings inc"]
        );
        assert!(tickers("a <b> c <Acme Inc> <12>").is_empty());
    }
}

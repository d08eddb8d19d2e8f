//! Tagging a document with a model: read tokens, score features, run
//! Viterbi for stage 1, derive document features, run Viterbi for stage 2.

use super::clusters;
use super::docfeats::DocLabels;
use super::features::{
    base_features, bucket, is_caps_sentence, lex, DocAppearance, FeatBuf, Lex, TokenCtx,
};
use super::gazetteer::Gazetteer;
use super::model::{Model, ROW};
use super::tags::NUM_TAGS;
use super::viterbi::{viterbi, Emission};

/// A document read for featurisation.
pub(crate) struct DocCtx {
    /// Lexical facts per sentence and token.
    pub lexes: Vec<Vec<Lex>>,
    /// Tokens in context (gazetteer + document appearance bits).
    pub ctx: Vec<Vec<TokenCtx>>,
    /// Headline-style sentences.
    pub caps: Vec<bool>,
}

/// Reads a document (`doc[s][k]` = token `k` of sentence `s`).
pub(crate) fn doc_ctx<S: AsRef<str>>(doc: &[Vec<S>], gaz: &Gazetteer) -> DocCtx {
    let lexes: Vec<Vec<Lex>> = doc
        .iter()
        .map(|s| s.iter().map(|w| lex(w.as_ref())).collect())
        .collect();
    let appear = DocAppearance::new(&lexes);
    let clu = clusters::shipped().unwrap_or_else(|e| panic!("{e}"));
    let ctx = lexes
        .iter()
        .map(|s| {
            s.iter()
                .map(|&l| {
                    let (fine, coarse) = clu.get(l.word, l.lower);
                    TokenCtx {
                        lex: l,
                        gaz: gaz.get(l.lower),
                        doc: appear.get(l.lower),
                        fine,
                        coarse,
                    }
                })
                .collect()
        })
        .collect();
    let caps = lexes.iter().map(|s| is_caps_sentence(s)).collect();
    DocCtx { lexes, ctx, caps }
}

/// Tag indices for every token of a document. With `two_stage == false`
/// only the local (stage-1) model runs — used to measure what stage 2 adds.
pub(crate) fn tag_doc<S: AsRef<str>>(
    model: &Model,
    doc: &[Vec<S>],
    two_stage: bool,
) -> Vec<Vec<u8>> {
    let dc = doc_ctx(doc, &model.gaz);
    let mut fb = FeatBuf::new();
    let mut scores: Vec<Vec<[i32; ROW]>> = Vec::with_capacity(doc.len());
    let mut tags1: Vec<Vec<u8>> = Vec::with_capacity(doc.len());
    let mut em: Vec<Emission> = Vec::new();
    for (ctx, &caps) in dc.ctx.iter().zip(&dc.caps) {
        let mut sc = Vec::with_capacity(ctx.len());
        for i in 0..ctx.len() {
            base_features(ctx, i, caps, &mut fb);
            let mut acc = [0i32; ROW];
            add_rows(model, &fb, &mut acc, 0..ROW);
            sc.push(acc);
        }
        em.clear();
        em.extend(sc.iter().map(|a| stage(a, 0)));
        let mut t = Vec::new();
        viterbi(&em, &model.trans[0], &mut t);
        scores.push(sc);
        tags1.push(t);
    }
    if !two_stage {
        return tags1;
    }
    let labels = DocLabels::new(&dc.lexes, &tags1);
    let mut out = Vec::with_capacity(doc.len());
    for ((lexes, sc), t1) in dc.lexes.iter().zip(&mut scores).zip(&tags1) {
        em.clear();
        for (k, acc) in sc.iter_mut().enumerate() {
            fb.n = 0;
            labels.features(&lexes[k], t1, k, &mut fb);
            add_rows(model, &fb, acc, NUM_TAGS..ROW);
            em.push(stage(acc, 1));
        }
        let mut t = Vec::new();
        viterbi(&em, &model.trans[1], &mut t);
        out.push(t);
    }
    out
}

/// Adds the weight rows of all features in `fb` to `acc`, lanes `lanes`.
#[inline]
fn add_rows(model: &Model, fb: &FeatBuf, acc: &mut [i32; ROW], lanes: std::ops::Range<usize>) {
    for &h in &fb.h[..fb.n] {
        let row = model.row(bucket(h, model.bits));
        for k in lanes.clone() {
            acc[k] += row[k] as i32;
        }
    }
}

/// The emission scores of stage `s` from a combined row.
#[inline]
fn stage(acc: &[i32; ROW], s: usize) -> Emission {
    let mut e = [0; NUM_TAGS];
    e.copy_from_slice(&acc[s * NUM_TAGS..(s + 1) * NUM_TAGS]);
    e
}

//! Training: CoNLL (+ optional GMB gazetteer) → two-stage perceptron model.
//!
//! Stage 1 sees local features only. Stage 2 adds document features built from
//! stage-1 tags; for the training set those tags come from a jackknife (each
//! fold tagged by a stage-1 model that never saw it), so stage 2 learns how
//! far to trust stage 1 as it behaves on unseen text. The learned gazetteer is
//! jackknifed the same way. The dev file only picks epochs and is checked
//! not to overlap the training file.

use super::conll::{self, Document};
use super::decode::{doc_ctx, tag_doc, DocCtx};
use super::docfeats::DocLabels;
use super::features::{base_features, bucket, lex, mix, FeatBuf};
use super::gazetteer::Gazetteer;
use super::model::Model;
use super::perceptron::{Averaged, Instance, Perceptron, Rng};
use super::score::Score;
use super::tags::{to_bio, EntityType, NUM_TAGS};
use super::{gmb, tags_from_indices};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// What to train on and how.
#[derive(Clone, Debug)]
pub struct TrainOptions {
    /// CoNLL training file (eng.train).
    pub train: PathBuf,
    /// Optional GMB CSV, used for name lists (never as dev data).
    pub gmb: Option<PathBuf>,
    /// Optional CoNLL dev file (eng.testa), only scored.
    pub dev: Option<PathBuf>,
    /// Where to write the weights file.
    pub out: PathBuf,
    /// Perceptron epochs per stage.
    pub epochs: usize,
    /// Jackknife folds for stage-2 and gazetteer features.
    pub folds: usize,
    /// Shuffling seed.
    pub seed: u64,
    /// The weight table has `2^bits` rows.
    pub bits: u32,
    /// Score the dev file after every epoch (slower; for choosing `epochs`).
    pub dev_every_epoch: bool,
    /// Also learn the weights from the GMB sentences (in pseudo-documents
    /// of [`GMB_DOC_SENTENCES`] consecutive sentences), not only name lists.
    pub gmb_train: bool,
    /// Print progress to stderr.
    pub verbose: bool,
}

/// Consecutive GMB sentences grouped into one training pseudo-document.
pub const GMB_DOC_SENTENCES: usize = 20;

impl Default for TrainOptions {
    fn default() -> TrainOptions {
        TrainOptions {
            train: PathBuf::from("../shared/data/conll2003/eng.train"),
            gmb: None,
            dev: None,
            out: PathBuf::from("models/ner.bin"),
            epochs: 8,
            folds: 5,
            seed: 1,
            bits: 19,
            dev_every_epoch: false,
            gmb_train: std::env::var_os("BRIEFING_NER_GMB_TRAIN").is_some(),
            verbose: false,
        }
    }
}

impl TrainOptions {
    /// The documented configuration (see models/README.md) for these files,
    /// with progress printed to stderr.
    pub fn new(train: &Path, gmb: Option<&Path>, dev: Option<&Path>, out: &Path) -> TrainOptions {
        TrainOptions {
            train: train.to_path_buf(),
            gmb: gmb.map(Path::to_path_buf),
            dev: dev.map(Path::to_path_buf),
            out: out.to_path_buf(),
            verbose: true,
            ..TrainOptions::default()
        }
    }
}

/// Dev scores after one epoch.
#[derive(Clone, Debug)]
pub struct EpochScore {
    /// 1 = local model only, 2 = with document features.
    pub stage: usize,
    /// 1-based epoch.
    pub epoch: usize,
    /// Training tokens mis-tagged during the epoch.
    pub train_errors: usize,
    /// Dev PER F1.
    pub per_f1: f64,
    /// Dev F1 over all types.
    pub overall_f1: f64,
}

/// What training did.
#[derive(Clone, Debug)]
pub struct TrainReport {
    /// Training sentences / tokens (CoNLL).
    pub train_sentences: usize,
    /// Training tokens.
    pub train_tokens: usize,
    /// GMB sentences read for the name lists.
    pub gmb_sentences: usize,
    /// Gazetteer entries shipped.
    pub gazetteer_entries: usize,
    /// Per-epoch dev scores (when asked for).
    pub curve: Vec<EpochScore>,
    /// Dev score of the written model, stage 1 only.
    pub dev_stage1: Option<Score>,
    /// Dev score of the written model (both stages).
    pub dev: Option<Score>,
    /// Size of the weights file in bytes.
    pub model_bytes: usize,
}

impl std::fmt::Display for TrainReport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        writeln!(
            f,
            "trained on {} sentences, {} tokens",
            self.train_sentences, self.train_tokens
        )?;
        writeln!(
            f,
            "gazetteer: {} entries ({} GMB sentences read)",
            self.gazetteer_entries, self.gmb_sentences
        )?;
        for e in &self.curve {
            writeln!(
                f,
                "stage {} epoch {:2}: {:6} training errors, dev PER F1 {:.4}, all {:.4}",
                e.stage, e.epoch, e.train_errors, e.per_f1, e.overall_f1
            )?;
        }
        if let Some(s) = &self.dev_stage1 {
            writeln!(f, "dev, stage 1 only:\n{s}")?;
        }
        if let Some(s) = &self.dev {
            writeln!(f, "dev, shipped model:\n{s}")?;
        }
        write!(f, "weights file: {} bytes", self.model_bytes)
    }
}

struct TrainDoc {
    fold: usize,
    ctx: DocCtx,
    gold: Vec<Vec<u8>>,
    base: Vec<Instance>,
}

/// Everything read and featurised once, shared by all training runs.
struct Prepared {
    docs: Vec<Document>,
    dev: Option<Vec<Document>>,
    data: Vec<TrainDoc>,
    /// `fold_gaz[k]`: name lists from every fold but `k` (plus GMB).
    fold_gaz: Vec<Gazetteer>,
    /// Name lists from all training data (shipped).
    full_gaz: Gazetteer,
    gmb_sentences: usize,
}

/// Trains a model and writes it to `opts.out`. (Unlike the rest of `nlp`,
/// this reads and writes files: it is the `briefing train-ner` command.)
pub fn train(opts: &TrainOptions) -> Result<TrainReport, String> {
    let p = prepare(opts)?;
    let n_sent: usize = p.data.iter().map(|d| d.base.len()).sum();
    let n_tok: usize = p.data.iter().flat_map(|d| &d.base).map(Instance::len).sum();
    log(
        opts,
        format!("{} docs, {n_sent} sentences, {n_tok} tokens", p.docs.len()),
    );
    let jack = jackknife(opts, &p);
    let mut curve = Vec::new();
    let stage1 = train_stage1(opts, &p, &mut curve);
    let stage2 = train_stage2(opts, &p, &jack, &stage1, &mut curve);
    let bytes = Model::quantize(opts.bits, [&stage1, &stage2], p.full_gaz.clone()).encode();
    std::fs::write(&opts.out, &bytes).map_err(|e| format!("{}: {e}", opts.out.display()))?;
    log(
        opts,
        format!("wrote {} ({} bytes)", opts.out.display(), bytes.len()),
    );
    // Score exactly what was written.
    let shipped = Model::decode(&bytes)?;
    let score = |two| p.dev.as_ref().map(|dev| score_docs(&shipped, dev, two));
    Ok(TrainReport {
        train_sentences: n_sent,
        train_tokens: n_tok,
        gmb_sentences: p.gmb_sentences,
        gazetteer_entries: p.full_gaz.len(),
        curve,
        dev_stage1: score(false),
        dev: score(true),
        model_bytes: bytes.len(),
    })
}

fn log(opts: &TrainOptions, m: String) {
    if opts.verbose {
        eprintln!("{m}");
    }
}

/// Reads the files, builds the (jackknifed) name lists and featurises the
/// training documents.
fn prepare(opts: &TrainOptions) -> Result<Prepared, String> {
    let read =
        |p: &PathBuf| std::fs::read_to_string(p).map_err(|e| format!("{}: {e}", p.display()));
    let mut docs = conll::read(&read(&opts.train)?);
    for s in docs.iter_mut().flat_map(|d| &mut d.sentences) {
        to_bio(&mut s.tags);
    }
    let dev = match &opts.dev {
        Some(p) => Some(conll::read(&read(p)?)),
        None => None,
    };
    if let Some(dev) = &dev {
        check_disjoint(&docs, dev)?;
    }
    let (gmb_gaz, gmb_sentences) = match &opts.gmb {
        Some(p) => {
            let sents = gmb::read(&read(p)?);
            let mut g = Gazetteer::default();
            for s in &sents {
                g.add_gmb(&s.words, &s.tags);
            }
            if opts.gmb_train {
                docs.extend(sents.chunks(GMB_DOC_SENTENCES).map(|c| Document {
                    sentences: c.to_vec(),
                }));
            }
            (g, sents.len())
        }
        None => (Gazetteer::default(), 0),
    };
    let folds = opts.folds.max(2);
    let fold_of = |d: usize| d * folds / docs.len().max(1);
    let mut fold_gaz = vec![gmb_gaz.clone(); folds];
    let mut full_gaz = gmb_gaz;
    for (d, doc) in docs.iter().enumerate() {
        for s in &doc.sentences {
            full_gaz.add_conll(&s.words, &s.tags);
            for g in fold_gaz
                .iter_mut()
                .enumerate()
                .filter(|(k, _)| *k != fold_of(d))
                .map(|(_, g)| g)
            {
                g.add_conll(&s.words, &s.tags);
            }
        }
    }
    let data = docs
        .iter()
        .enumerate()
        .map(|(d, doc)| {
            let ctx = doc_ctx(&doc.words(), &fold_gaz[fold_of(d)]);
            let gold: Vec<Vec<u8>> = doc
                .sentences
                .iter()
                .map(|s| s.tags.iter().map(|t| t.index() as u8).collect())
                .collect();
            let base = base_instances(&ctx, &gold, opts.bits);
            TrainDoc {
                fold: fold_of(d),
                ctx,
                gold,
                base,
            }
        })
        .collect();
    Ok(Prepared {
        docs,
        dev,
        data,
        fold_gaz,
        full_gaz,
        gmb_sentences,
    })
}

/// Stage-1 tags for every training document from a model trained without
/// that document's fold (and with name lists that exclude it).
fn jackknife(opts: &TrainOptions, p: &Prepared) -> Vec<Vec<Vec<u8>>> {
    let mut jack: Vec<Vec<Vec<u8>>> = vec![Vec::new(); p.data.len()];
    for (k, gaz_k) in p.fold_gaz.iter().enumerate() {
        let train_k: Vec<&Instance> = p
            .data
            .iter()
            .filter(|d| d.fold != k)
            .flat_map(|d| &d.base)
            .collect();
        let w = run_epochs(&train_k, opts, 100 + k as u64, &mut |_, _| {}).averaged();
        let m = Model::quantize(opts.bits, [&w, &zero(opts.bits)], gaz_k.clone());
        for (d, doc) in p
            .docs
            .iter()
            .enumerate()
            .filter(|(d, _)| p.data[*d].fold == k)
        {
            jack[d] = tag_doc(&m, &doc.words(), false);
        }
        log(opts, format!("jackknife fold {k} done"));
    }
    jack
}

/// Stage 1 (local features) on all training data.
fn train_stage1(opts: &TrainOptions, p: &Prepared, curve: &mut Vec<EpochScore>) -> Averaged {
    let all: Vec<&Instance> = p.data.iter().flat_map(|d| &d.base).collect();
    let mut on_epoch = |w: &Perceptron, e: EpochScore| {
        if let (Some(dev), true) = (&p.dev, opts.dev_every_epoch) {
            let m = Model::quantize(
                opts.bits,
                [&w.averaged(), &zero(opts.bits)],
                p.full_gaz.clone(),
            );
            curve.push(with_dev(e, &score_docs(&m, dev, false)));
            log(opts, format!("{:?}", curve.last()));
        }
    };
    run_epochs(&all, opts, 1, &mut on_epoch).averaged()
}

/// Stage 2: base features plus document features from the jackknifed tags.
fn train_stage2(
    opts: &TrainOptions,
    p: &Prepared,
    jack: &[Vec<Vec<u8>>],
    stage1: &Averaged,
    curve: &mut Vec<EpochScore>,
) -> Averaged {
    let inst: Vec<Instance> = p
        .data
        .iter()
        .zip(jack)
        .flat_map(|(d, j)| stage2_instances(d, j, opts.bits))
        .collect();
    let all: Vec<&Instance> = inst.iter().collect();
    let mut on_epoch = |w: &Perceptron, e: EpochScore| {
        if let (Some(dev), true) = (&p.dev, opts.dev_every_epoch) {
            let m = Model::quantize(opts.bits, [stage1, &w.averaged()], p.full_gaz.clone());
            curve.push(with_dev(e, &score_docs(&m, dev, true)));
            log(opts, format!("{:?}", curve.last()));
        }
    };
    run_epochs(&all, opts, 2, &mut on_epoch).averaged()
}

/// Trains one stage for `opts.epochs` epochs, shuffling with a seed derived
/// from `opts.seed` and `salt`; `on_epoch` sees the model after each epoch.
fn run_epochs(
    data: &[&Instance],
    opts: &TrainOptions,
    salt: u64,
    on_epoch: &mut dyn FnMut(&Perceptron, EpochScore),
) -> Perceptron {
    let mut p = Perceptron::new(1 << opts.bits);
    let mut rng = Rng::new(mix(opts.seed, salt));
    let mut order: Vec<usize> = (0..data.len()).collect();
    for epoch in 1..=opts.epochs {
        rng.shuffle(&mut order);
        let st = p.epoch(data, &order);
        let stage = if salt == 2 { 2 } else { 1 };
        on_epoch(
            &p,
            EpochScore {
                stage,
                epoch,
                train_errors: st.errors,
                per_f1: 0.0,
                overall_f1: 0.0,
            },
        );
    }
    p
}

fn with_dev(mut e: EpochScore, s: &Score) -> EpochScore {
    e.per_f1 = s.get(EntityType::Per).f1();
    e.overall_f1 = s.overall().f1();
    e
}

fn zero(bits: u32) -> Averaged {
    Averaged {
        w: vec![0.0; (1 << bits) * NUM_TAGS],
        trans: [[0.0; NUM_TAGS]; NUM_TAGS + 1],
    }
}

/// Scores `model` on gold documents.
pub(crate) fn score_docs(model: &Model, docs: &[Document], two_stage: bool) -> Score {
    let mut score = Score::default();
    for d in docs {
        let pred = tag_doc(model, &d.words(), two_stage);
        for (s, p) in d.sentences.iter().zip(pred) {
            score.add_sentence(&s.tags, &tags_from_indices(&p));
        }
    }
    score
}

fn base_instances(ctx: &DocCtx, gold: &[Vec<u8>], bits: u32) -> Vec<Instance> {
    let mut fb = FeatBuf::new();
    let mut out = Vec::with_capacity(gold.len());
    for ((toks, &caps), g) in ctx.ctx.iter().zip(&ctx.caps).zip(gold) {
        let mut inst = Instance {
            offs: vec![0],
            gold: g.clone(),
            ..Instance::default()
        };
        for i in 0..toks.len() {
            base_features(toks, i, caps, &mut fb);
            inst.feats
                .extend(fb.h[..fb.n].iter().map(|&h| bucket(h, bits) as u32));
            inst.offs.push(inst.feats.len() as u32);
        }
        out.push(inst);
    }
    out
}

fn stage2_instances(d: &TrainDoc, tags1: &[Vec<u8>], bits: u32) -> Vec<Instance> {
    let labels = DocLabels::new(&d.ctx.lexes, tags1);
    let mut fb = FeatBuf::new();
    let mut out = Vec::with_capacity(d.base.len());
    for ((base, lexes), t1) in d.base.iter().zip(&d.ctx.lexes).zip(tags1) {
        let mut inst = Instance {
            offs: vec![0],
            gold: base.gold.clone(),
            ..Instance::default()
        };
        for (k, l) in lexes.iter().enumerate() {
            inst.feats.extend_from_slice(base.token(k));
            fb.n = 0;
            labels.features(l, t1, k, &mut fb);
            inst.feats
                .extend(fb.h[..fb.n].iter().map(|&h| bucket(h, bits) as u32));
            inst.offs.push(inst.feats.len() as u32);
        }
        out.push(inst);
    }
    debug_assert_eq!(
        out.iter().map(|i| i.gold.len()).sum::<usize>(),
        d.gold.iter().map(Vec::len).sum::<usize>()
    );
    out
}

/// Refuses a dev file that shares a document with the training file, so the
/// dev score can never be a training score.
fn check_disjoint(train: &[Document], dev: &[Document]) -> Result<(), String> {
    let key = |d: &Document| -> u64 {
        d.sentences
            .iter()
            .flat_map(|s| &s.words)
            .fold(0u64, |h, w| mix(h, lex(w).word))
    };
    let seen: BTreeSet<u64> = train.iter().map(key).collect();
    match dev
        .iter()
        .position(|d| d.sentences.len() > 1 && seen.contains(&key(d)))
    {
        Some(i) => Err(format!(
            "dev document {} also occurs in the training file",
            i + 1
        )),
        None => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overlapping_dev_is_refused() {
        let text = "-DOCSTART- O\n\nAnna I-PER\nleft O\n\nShe O\nwent O\n\n-DOCSTART- O\n\nBo I-PER\n\nran O\n";
        let a = conll::read(text);
        assert!(check_disjoint(&a, &a).is_err());
        assert!(check_disjoint(&a[..1], &a[1..]).is_ok());
    }
}

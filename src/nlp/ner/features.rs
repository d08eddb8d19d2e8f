//! Feature extraction by the hashing trick.
//!
//! Each token is read once into a [`Lex`] (hashes of the word, its lower-case
//! form, its shape and affixes, plus flags). Features are then 64-bit mixes of
//! a template id and those hashes — no strings are built per feature — and a
//! feature's weight row is found by [`bucket`]. Changing anything here that
//! alters a hash must bump [`FEATURE_SET_VERSION`], so an old weights file is
//! refused instead of silently scoring garbage.

/// Version of the feature templates; stored in the weights file.
pub(crate) const FEATURE_SET_VERSION: u32 = 2;

/// Most features one token can produce (base + document features).
pub(crate) const MAX_FEATS: usize = 64;

const MIX_K: u64 = 0x517c_c1b7_2722_0a95;
const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

/// Token starts with an upper-case letter.
pub(crate) const INIT_CAP: u16 = 1;
/// All letters are upper-case (and there is at least one).
pub(crate) const ALL_CAPS: u16 = 2;
/// Contains a lower-case letter.
pub(crate) const HAS_LOWER: u16 = 4;
/// Contains a digit.
pub(crate) const HAS_DIGIT: u16 = 8;
/// Contains a letter.
pub(crate) const HAS_ALPHA: u16 = 16;

/// FxHash-style combining step.
#[inline]
pub(crate) fn mix(h: u64, v: u64) -> u64 {
    (h.rotate_left(5) ^ v).wrapping_mul(MIX_K)
}

/// FNV-1a step over a whole code point (cheaper than per byte, same job).
#[inline]
fn fnv(h: u64, c: char) -> u64 {
    (h ^ c as u64).wrapping_mul(FNV_PRIME)
}

/// Row index of feature hash `h` in a table of `2^bits` rows.
#[inline]
pub(crate) fn bucket(h: u64, bits: u32) -> usize {
    // Final avalanche (murmur3 fmix64) so the top bits depend on every input bit.
    let mut x = h ^ (h >> 33);
    x = x.wrapping_mul(0xff51_afd7_ed55_8ccd);
    x ^= x >> 33;
    (x >> (64 - bits)) as usize
}

/// Typographic quotes and dashes as in the (ASCII) training data.
#[inline]
fn normalise(c: char) -> char {
    if c.is_ascii() {
        return c;
    }
    match c {
        '\u{2018}' | '\u{2019}' | '\u{02bc}' => '\'',
        '\u{201c}' | '\u{201d}' | '\u{201e}' | '«' | '»' => '"',
        '\u{2013}' | '\u{2014}' => '-',
        _ => c,
    }
}

#[inline]
fn lower_char(c: char) -> char {
    if c.is_ascii() {
        c.to_ascii_lowercase()
    } else {
        c.to_lowercase().next().unwrap_or(c)
    }
}

/// Lexical facts about one token, computed once per token.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Lex {
    /// Hash of the (normalised) word, case kept.
    pub word: u64,
    /// Hash of the lower-cased word.
    pub lower: u64,
    /// Hash of the collapsed shape ("Xx", "X.X.", "d-d").
    pub shape: u64,
    /// Lower-cased prefixes of 1..=4 chars, then suffixes of 1..=4 chars; 0 = absent.
    pub affix: [u64; 8],
    /// `INIT_CAP` | `ALL_CAPS` | ….
    pub flags: u16,
    /// Length in chars, capped at 255.
    pub nchars: u8,
}

/// Shape class of a char: `X`, `x`, `d`, or the char itself.
#[inline]
fn class(c: char) -> char {
    if c.is_uppercase() {
        'X'
    } else if c.is_lowercase() {
        'x'
    } else if c.is_numeric() {
        'd'
    } else {
        c
    }
}

/// Reads one token.
pub(crate) fn lex(word: &str) -> Lex {
    let mut out = Lex {
        word: FNV_OFFSET,
        lower: FNV_OFFSET,
        shape: FNV_OFFSET,
        ..Lex::default()
    };
    let (mut upper, mut lower, mut n) = (0usize, 0usize, 0usize);
    let mut last_class = '\0';
    for c in word.chars().map(normalise) {
        out.word = fnv(out.word, c);
        out.lower = fnv(out.lower, lower_char(c));
        if n < 4 {
            out.affix[n] = out.lower;
        }
        let k = class(c);
        match k {
            'X' => upper += 1,
            'x' => lower += 1,
            'd' => out.flags |= HAS_DIGIT,
            _ => {}
        }
        if n == 0 && k == 'X' {
            out.flags |= INIT_CAP;
        }
        if k != last_class {
            out.shape = fnv(out.shape, k);
            last_class = k;
        }
        n += 1;
    }
    let mut s = FNV_OFFSET;
    for (k, c) in word.chars().rev().take(4).enumerate() {
        s = fnv(s, lower_char(normalise(c)));
        out.affix[4 + k] = s;
    }
    if upper + lower > 0 {
        out.flags |= HAS_ALPHA;
    }
    if upper > 0 && lower == 0 {
        out.flags |= ALL_CAPS;
    }
    if lower > 0 {
        out.flags |= HAS_LOWER;
    }
    out.nchars = n.min(255) as u8;
    out
}

/// A token in context: its lexical facts plus what the gazetteer and the
/// rest of the document say about it.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct TokenCtx {
    /// Lexical facts.
    pub lex: Lex,
    /// Gazetteer bits for the lower-cased word.
    pub gaz: u8,
    /// Document appearance bits (see [`DocAppearance`]).
    pub doc: u8,
    /// Fine word cluster + 1 (0 = no cluster), from unlabelled text.
    pub fine: u16,
    /// Coarse word cluster + 1 (0 = no cluster).
    pub coarse: u8,
}

/// Lower-case form also occurs as an all-lower-case token in the document.
pub(crate) const SEEN_LOWER: u8 = 1;
/// Occurs capitalised, not sentence-initially, in a mixed-case sentence.
pub(crate) const SEEN_CAP_MID: u8 = 2;

/// Whether a sentence is a headline-style, mostly upper-case line, where
/// capitalisation says little.
pub(crate) fn is_caps_sentence(lexes: &[Lex]) -> bool {
    let alpha = lexes
        .iter()
        .filter(|l| l.flags & HAS_ALPHA != 0 && l.nchars > 1)
        .count();
    let caps = lexes
        .iter()
        .filter(|l| l.flags & ALL_CAPS != 0 && l.nchars > 1)
        .count();
    alpha >= 2 && caps * 2 > alpha
}

/// How each lower-cased word appears across a document (no model needed).
pub(crate) struct DocAppearance {
    map: std::collections::HashMap<u64, u8, BuildIdentity>,
}

impl DocAppearance {
    /// Collects appearance bits over all sentences of a document.
    pub(crate) fn new(doc: &[Vec<Lex>]) -> DocAppearance {
        let mut map = std::collections::HashMap::with_hasher(BuildIdentity);
        for sent in doc {
            let caps = is_caps_sentence(sent);
            for (i, l) in sent.iter().enumerate() {
                let bit = if l.flags & (HAS_LOWER | INIT_CAP) == HAS_LOWER {
                    SEEN_LOWER
                } else if i > 0 && !caps && l.flags & INIT_CAP != 0 && l.flags & HAS_LOWER != 0 {
                    SEEN_CAP_MID
                } else {
                    0
                };
                *map.entry(l.lower).or_insert(0) |= bit;
            }
        }
        DocAppearance { map }
    }

    /// Appearance bits for a lower-case hash.
    pub(crate) fn get(&self, lower: u64) -> u8 {
        self.map.get(&lower).copied().unwrap_or(0)
    }
}

/// Keys here are already hashes; re-hashing them would only cost time.
#[derive(Clone, Copy, Default)]
pub(crate) struct BuildIdentity;

/// Hasher for [`BuildIdentity`].
#[derive(Default)]
pub(crate) struct IdentityHasher(u64);

impl std::hash::Hasher for IdentityHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = mix(self.0, b as u64);
        }
    }
    fn write_u64(&mut self, v: u64) {
        self.0 = v;
    }
}

impl std::hash::BuildHasher for BuildIdentity {
    type Hasher = IdentityHasher;
    fn build_hasher(&self) -> IdentityHasher {
        IdentityHasher(0)
    }
}

/// Feature hashes of one token.
pub(crate) struct FeatBuf {
    /// The hashes; only `..n` are valid.
    pub h: [u64; MAX_FEATS],
    /// How many are valid.
    pub n: usize,
}

impl FeatBuf {
    /// An empty buffer.
    pub(crate) fn new() -> FeatBuf {
        FeatBuf {
            h: [0; MAX_FEATS],
            n: 0,
        }
    }

    /// Adds the feature `template` × `value`.
    #[inline]
    pub(crate) fn push(&mut self, template: u64, value: u64) {
        self.h[self.n] = mix(mix(template.wrapping_mul(MIX_K), value), template);
        self.n += 1;
    }
}

/// Sentinel lexes for positions before the start / after the end.
const BOS: Lex = Lex {
    word: 1,
    lower: 1,
    shape: 1,
    affix: [0; 8],
    flags: 0,
    nchars: 0,
};
const EOS: Lex = Lex {
    word: 2,
    lower: 2,
    shape: 2,
    affix: [0; 8],
    flags: 0,
    nchars: 0,
};

const BOS_CTX: TokenCtx = TokenCtx {
    lex: BOS,
    gaz: 0,
    doc: 0,
    fine: 0,
    coarse: 0,
};
const EOS_CTX: TokenCtx = TokenCtx {
    lex: EOS,
    gaz: 0,
    doc: 0,
    fine: 0,
    coarse: 0,
};

#[inline]
fn at_ctx(toks: &[TokenCtx], i: isize) -> &TokenCtx {
    if i < 0 {
        &BOS_CTX
    } else if i as usize >= toks.len() {
        &EOS_CTX
    } else {
        &toks[i as usize]
    }
}

#[inline]
fn at(toks: &[TokenCtx], i: isize) -> (Lex, u8) {
    let t = at_ctx(toks, i);
    (t.lex, t.gaz)
}

fn len_bucket(n: u8) -> u64 {
    match n {
        0..=4 => n as u64,
        5..=6 => 5,
        7..=9 => 6,
        _ => 7,
    }
}

/// Base (local + gazetteer + document-appearance) features of token `i`.
/// Template ids are the first argument of each `push`; they must stay unique.
pub(crate) fn base_features(toks: &[TokenCtx], i: usize, caps: bool, out: &mut FeatBuf) {
    out.n = 0;
    word_features(&toks[i].lex, out);
    context_features(toks, i, caps, out);
    list_features(toks, i, caps, out);
    cluster_features(toks, i, out);
}

/// Word clusters of the token and its neighbours (learned from unlabelled
/// text, so they generalise to words the labelled data never had).
fn cluster_features(toks: &[TokenCtx], i: usize, out: &mut FeatBuf) {
    let ii = i as isize;
    let t = &toks[i];
    let p1 = at_ctx(toks, ii - 1);
    let n1 = at_ctx(toks, ii + 1);
    out.push(39, t.fine as u64);
    out.push(40, t.coarse as u64);
    out.push(41, mix(t.coarse as u64, t.lex.shape));
    out.push(42, p1.fine as u64);
    out.push(43, n1.fine as u64);
    out.push(44, mix(p1.coarse as u64, t.coarse as u64));
    out.push(45, mix(t.coarse as u64, n1.coarse as u64));
}

/// The word itself: identity, lower case, shape, affixes.
fn word_features(w: &Lex, out: &mut FeatBuf) {
    out.push(0, 0);
    out.push(1, w.word);
    out.push(2, w.lower);
    out.push(3, w.shape);
    for (k, &a) in w.affix.iter().enumerate() {
        if a != 0 {
            out.push(4 + k as u64, a);
        }
    }
    out.push(38, mix(len_bucket(w.nchars), w.shape));
}

/// Words and shapes around the token (±2). Title cues ("president",
/// "minister of") and speech verbs ("said", "told") are learned here as
/// context words joined with the token's shape.
fn context_features(toks: &[TokenCtx], i: usize, caps: bool, out: &mut FeatBuf) {
    let ii = i as isize;
    let w = toks[i].lex;
    let (p1, _) = at(toks, ii - 1);
    let (p2, _) = at(toks, ii - 2);
    let (n1, _) = at(toks, ii + 1);
    let (n2, _) = at(toks, ii + 2);
    out.push(12, p1.lower);
    out.push(13, n1.lower);
    out.push(14, p2.lower);
    out.push(15, n2.lower);
    out.push(16, p1.shape);
    out.push(17, n1.shape);
    out.push(18, p2.shape);
    out.push(19, n2.shape);
    out.push(20, mix(p1.lower, w.lower));
    out.push(21, mix(w.lower, n1.lower));
    out.push(22, mix(p1.shape, w.shape));
    out.push(23, mix(w.shape, n1.shape));
    out.push(24, mix(mix(p1.shape, w.shape), n1.shape));
    out.push(25, mix(p1.lower, w.shape));
    out.push(26, mix(w.shape, n1.lower));
    out.push(27, mix(mix(p2.lower, p1.lower), w.shape));
    out.push(28, mix(n1.lower, n2.lower));
    // Sentence-initial capitals say less than capitals mid-sentence.
    out.push(29, mix((i.min(2)) as u64, w.shape));
    if caps {
        out.push(30, w.shape);
        out.push(31, w.lower);
    }
}

/// Learned name lists for the token and its neighbours, and how the word
/// appears elsewhere in the document.
fn list_features(toks: &[TokenCtx], i: usize, caps: bool, out: &mut FeatBuf) {
    let ii = i as isize;
    let t = &toks[i];
    let (_, g1) = at(toks, ii - 1);
    let (_, gn1) = at(toks, ii + 1);
    out.push(32, t.gaz as u64);
    for b in 0..8 {
        if t.gaz & (1 << b) != 0 {
            out.push(33, b);
        }
    }
    out.push(34, g1 as u64);
    out.push(35, gn1 as u64);
    out.push(36, mix(t.gaz as u64, t.lex.shape));
    let cap = (t.lex.flags & (INIT_CAP | ALL_CAPS)) as u64;
    let pos = cap | ((i == 0) as u64) << 4 | (caps as u64) << 5;
    out.push(37, mix(t.doc as u64, pos));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ctx(words: &[&str]) -> Vec<TokenCtx> {
        words
            .iter()
            .map(|w| TokenCtx {
                lex: lex(w),
                ..TokenCtx::default()
            })
            .collect()
    }

    #[test]
    fn shape_and_case() {
        assert_eq!(lex("Clinton").shape, lex("Xy").shape);
        assert_eq!(lex("U.S.").shape, lex("A.B.").shape);
        assert_eq!(lex("1996-08-22").shape, lex("1-2-3").shape);
        assert_ne!(lex("Clinton").shape, lex("CLINTON").shape);
        assert_eq!(lex("CLINTON").lower, lex("Clinton").lower);
        assert_ne!(lex("CLINTON").word, lex("Clinton").word);
        assert_eq!(
            lex("Clinton").flags & (INIT_CAP | ALL_CAPS | HAS_LOWER),
            INIT_CAP | HAS_LOWER
        );
        assert_eq!(lex("NATO").flags & ALL_CAPS, ALL_CAPS);
        assert_eq!(lex("Éric").flags & INIT_CAP, INIT_CAP);
    }

    #[test]
    fn affixes_and_typographic_quotes() {
        let a = lex("Ushakov");
        let b = lex("Romanov");
        // "v" and "ov" are shared, "kov" / "nov" are not.
        assert_eq!(a.affix[4..6], b.affix[4..6]);
        assert_ne!(a.affix[6], b.affix[6]);
        assert_eq!(lex("Rubio").affix[0], lex("rabbit").affix[0]);
        assert_eq!(lex("’s").word, lex("'s").word);
        assert_eq!(lex("ab").affix[2], 0);
    }

    #[test]
    fn features_depend_on_context() {
        let s1 = ctx(&["President", "Smith", "said"]);
        let s2 = ctx(&["Mr.", "Smith", "said"]);
        let (mut f1, mut f2) = (FeatBuf::new(), FeatBuf::new());
        base_features(&s1, 1, false, &mut f1);
        base_features(&s2, 1, false, &mut f2);
        assert_eq!(f1.n, f2.n);
        // The word's own features agree; the left-context ones differ.
        assert_eq!(f1.h[1], f2.h[1]);
        let differ = (0..f1.n).filter(|&k| f1.h[k] != f2.h[k]).count();
        assert!(differ >= 4 && differ < f1.n / 2, "{differ} of {}", f1.n);
        // All hashes in one token are distinct (templates do not collide).
        let mut v = f1.h[..f1.n].to_vec();
        v.sort_unstable();
        v.dedup();
        assert_eq!(v.len(), f1.n);
    }

    #[test]
    fn caps_sentence_and_doc_appearance() {
        let head: Vec<Lex> = ["SOCCER", "-", "JAPAN", "GET", "LUCKY", "WIN"]
            .iter()
            .map(|w| lex(w))
            .collect();
        assert!(is_caps_sentence(&head));
        let body: Vec<Lex> = ["Japan", "got", "a", "lucky", "win", "."]
            .iter()
            .map(|w| lex(w))
            .collect();
        assert!(!is_caps_sentence(&body));
        let body2: Vec<Lex> = ["They", "beat", "Japan", "."]
            .iter()
            .map(|w| lex(w))
            .collect();
        let doc = DocAppearance::new(&[head, body, body2]);
        assert_eq!(doc.get(lex("LUCKY").lower), SEEN_LOWER);
        assert_eq!(doc.get(lex("JAPAN").lower), SEEN_CAP_MID);
        assert_eq!(doc.get(lex("unknown").lower), 0);
    }
}

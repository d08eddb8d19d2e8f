//! The trained model: quantised weights, transitions, gazetteer; its file
//! format; and the copy shipped inside the binary.
//!
//! Two stages share one hashed table: each row holds 9 stage-1 weights (local
//! features) followed by 9 stage-2 weights (local + document features), so
//! one memory access per feature serves both passes.
//!
//! File layout (little-endian): magic `BRIEFNER`, format version, feature-set
//! version, table bits, tag count, stage count, transitions (i32), gazetteer
//! (count, then sorted `u64 key, u8 bits`), non-zero rows (count, then per row
//! a varint index delta and `ROW` zigzag-varint weights), FNV-1a checksum.

use super::features::FEATURE_SET_VERSION;
use super::gazetteer::Gazetteer;
use super::perceptron::Averaged;
use super::tags::NUM_TAGS;
use super::viterbi::Transitions;
use std::sync::OnceLock;

/// Number of stages (passes) in the model.
pub(crate) const STAGES: usize = 2;
/// Weights per table row.
pub(crate) const ROW: usize = STAGES * NUM_TAGS;

const MAGIC: &[u8; 8] = b"BRIEFNER";
const FORMAT_VERSION: u32 = 1;

/// A loaded model.
pub(crate) struct Model {
    /// The table has `2^bits` rows.
    pub bits: u32,
    /// `2^bits × ROW` quantised weights.
    pub weights: Vec<i16>,
    /// Transition scores per stage, on the same scale as the weights.
    pub trans: [Transitions; STAGES],
    /// Learned name lists.
    pub gaz: Gazetteer,
}

impl Model {
    /// Quantises trained stages to 16-bit weights (one scale per stage; the
    /// scale does not matter to Viterbi, only the ratios do).
    pub(crate) fn quantize(bits: u32, stages: [&Averaged; STAGES], gaz: Gazetteer) -> Model {
        let rows = 1usize << bits;
        let mut weights = vec![0i16; rows * ROW];
        let mut trans = [[[0i32; NUM_TAGS]; NUM_TAGS + 1]; STAGES];
        for (s, st) in stages.iter().enumerate() {
            let max = st.w.iter().fold(0f32, |m, &v| m.max(v.abs()));
            let scale = if max > 0.0 { 32000.0 / max } else { 1.0 };
            for r in 0..rows {
                for t in 0..NUM_TAGS {
                    let v = (st.w[r * NUM_TAGS + t] * scale).round();
                    weights[r * ROW + s * NUM_TAGS + t] = v as i16;
                }
            }
            for (p, row) in st.trans.iter().enumerate() {
                for (t, &v) in row.iter().enumerate() {
                    trans[s][p][t] = (v * scale).round() as i32;
                }
            }
        }
        Model {
            bits,
            weights,
            trans,
            gaz,
        }
    }

    /// The weight row of table row `b`.
    #[inline]
    pub(crate) fn row(&self, b: usize) -> &[i16] {
        &self.weights[b * ROW..(b + 1) * ROW]
    }

    /// Serialises the model (deterministic: same model, same bytes).
    pub(crate) fn encode(&self) -> Vec<u8> {
        let mut out = Vec::new();
        out.extend_from_slice(MAGIC);
        for v in [
            FORMAT_VERSION,
            FEATURE_SET_VERSION,
            self.bits,
            NUM_TAGS as u32,
            STAGES as u32,
        ] {
            out.extend_from_slice(&v.to_le_bytes());
        }
        for t in self.trans.iter().flatten().flatten() {
            out.extend_from_slice(&t.to_le_bytes());
        }
        let gaz = self.gaz.sorted();
        out.extend_from_slice(&(gaz.len() as u32).to_le_bytes());
        for e in gaz {
            out.extend_from_slice(&e.key.to_le_bytes());
            out.push(e.bits);
        }
        let nonzero: Vec<usize> = (0..1usize << self.bits)
            .filter(|&r| self.row(r).iter().any(|&w| w != 0))
            .collect();
        out.extend_from_slice(&(nonzero.len() as u32).to_le_bytes());
        let mut prev = 0;
        for r in nonzero {
            put_varint(&mut out, (r - prev) as u64);
            prev = r;
            for &w in self.row(r) {
                put_varint(&mut out, zigzag(w));
            }
        }
        let sum = fnv1a(&out);
        out.extend_from_slice(&sum.to_le_bytes());
        out
    }

    /// Reads a model written by [`Model::encode`], refusing anything else.
    pub(crate) fn decode(bytes: &[u8]) -> Result<Model, String> {
        if bytes.len() < 16 || &bytes[..8] != MAGIC {
            return Err(format!(
                "not a briefing NER model (expected magic {:?})",
                "BRIEFNER"
            ));
        }
        let (body, sum) = bytes.split_at(bytes.len() - 8);
        if fnv1a(body).to_le_bytes() != sum {
            return Err("NER model file is corrupt (checksum mismatch)".into());
        }
        let mut c = Cursor { b: body, at: 8 };
        let version = c.u32()?;
        if version != FORMAT_VERSION {
            return Err(format!(
                "NER model format {version}, this build reads {FORMAT_VERSION}"
            ));
        }
        let fset = c.u32()?;
        if fset != FEATURE_SET_VERSION {
            return Err(format!(
                "NER model was trained with feature set {fset}, this build computes {FEATURE_SET_VERSION}: retrain it"
            ));
        }
        let bits = c.u32()?;
        let (tags, stages) = (c.u32()?, c.u32()?);
        if !(10..=26).contains(&bits) || tags as usize != NUM_TAGS || stages as usize != STAGES {
            return Err(format!("NER model header has unsupported shape ({bits} bits, {tags} tags, {stages} stages)"));
        }
        let mut trans = [[[0i32; NUM_TAGS]; NUM_TAGS + 1]; STAGES];
        for t in trans.iter_mut().flatten().flatten() {
            *t = c.u32()? as i32;
        }
        let mut gaz = Gazetteer::default();
        for _ in 0..c.u32()? {
            let key = c.u64()?;
            gaz.add(key, c.byte()?);
        }
        let rows = 1usize << bits;
        let mut weights = vec![0i16; rows * ROW];
        let mut r = 0usize;
        for _ in 0..c.u32()? {
            r += c.varint()? as usize;
            if r >= rows {
                return Err("NER model row index out of range".into());
            }
            for w in &mut weights[r * ROW..(r + 1) * ROW] {
                *w = unzigzag(c.varint()?)?;
            }
        }
        if c.at != body.len() {
            return Err("NER model has trailing bytes".into());
        }
        Ok(Model {
            bits,
            weights,
            trans,
            gaz,
        })
    }
}

struct Cursor<'a> {
    b: &'a [u8],
    at: usize,
}

impl Cursor<'_> {
    fn take(&mut self, n: usize) -> Result<&[u8], String> {
        let s = self
            .b
            .get(self.at..self.at + n)
            .ok_or("NER model file is truncated")?;
        self.at += n;
        Ok(s)
    }
    fn byte(&mut self) -> Result<u8, String> {
        Ok(self.take(1)?[0])
    }
    fn u32(&mut self) -> Result<u32, String> {
        Ok(u32::from_le_bytes(
            self.take(4)?.try_into().expect("4 bytes"),
        ))
    }
    fn u64(&mut self) -> Result<u64, String> {
        Ok(u64::from_le_bytes(
            self.take(8)?.try_into().expect("8 bytes"),
        ))
    }
    fn varint(&mut self) -> Result<u64, String> {
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.byte()?;
            v |= ((b & 0x7f) as u64) << shift;
            if b & 0x80 == 0 {
                return Ok(v);
            }
        }
        Err("NER model has a malformed varint".into())
    }
}

fn put_varint(out: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

fn zigzag(w: i16) -> u64 {
    (((w as i32) << 1) ^ ((w as i32) >> 31)) as u32 as u64
}

fn unzigzag(v: u64) -> Result<i16, String> {
    let v = u32::try_from(v).map_err(|_| "NER model weight out of range")?;
    let w = ((v >> 1) as i32) ^ -((v & 1) as i32);
    i16::try_from(w).map_err(|_| "NER model weight out of range".to_string())
}

fn fnv1a(b: &[u8]) -> u64 {
    b.iter().fold(0xcbf2_9ce4_8422_2325u64, |h, &x| {
        (h ^ x as u64).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

/// The weights file compiled into the binary (see models/README.md).
static EMBEDDED: &[u8] = include_bytes!("../../../models/ner.bin");

/// The raw bytes of the shipped weights (for cache fingerprints).
pub fn embedded_bytes() -> &'static [u8] {
    EMBEDDED
}

static SHIPPED: OnceLock<Result<Model, String>> = OnceLock::new();

/// The shipped model, decoded on first use.
pub(crate) fn shipped() -> Result<&'static Model, String> {
    SHIPPED
        .get_or_init(|| Model::decode(EMBEDDED))
        .as_ref()
        .map_err(|e| format!("models/ner.bin: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tiny() -> Model {
        let mut a = Averaged {
            w: vec![0.0; 1024 * NUM_TAGS],
            trans: [[0.0; NUM_TAGS]; NUM_TAGS + 1],
        };
        a.w[5 * NUM_TAGS + 1] = 2.5;
        a.w[700 * NUM_TAGS] = -1.0;
        a.trans[0][1] = 0.5;
        let b = Averaged {
            w: vec![0.0; 1024 * NUM_TAGS],
            trans: [[0.0; NUM_TAGS]; NUM_TAGS + 1],
        };
        let mut gaz = Gazetteer::default();
        gaz.add(42, 3);
        Model::quantize(10, [&a, &b], gaz)
    }

    #[test]
    fn encode_decode_round_trip() {
        let m = tiny();
        assert_eq!(m.row(5)[1], 32000);
        assert_eq!(m.row(700)[0], -12800);
        let bytes = m.encode();
        let d = Model::decode(&bytes).unwrap();
        assert_eq!(d.weights, m.weights);
        assert_eq!(d.trans, m.trans);
        assert_eq!(d.gaz.get(42), 3);
        assert_eq!(d.encode(), bytes);
    }

    #[test]
    fn wrong_files_fail_clearly() {
        let err = Model::decode(b"this is not a model at all").err().unwrap();
        assert!(err.contains("magic"), "{err}");
        let mut bytes = tiny().encode();
        bytes[20] ^= 1;
        assert!(Model::decode(&bytes).err().unwrap().contains("checksum"));
        assert!(Model::decode(&bytes[..bytes.len() - 3]).is_err());
    }

    #[test]
    fn zigzag_round_trip() {
        for w in [0i16, 1, -1, 300, -300, i16::MAX, i16::MIN] {
            assert_eq!(unzigzag(zigzag(w)).unwrap(), w);
        }
    }
}

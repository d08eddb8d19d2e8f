//! Entity types and BIO tags, plus conversion between tag sequences and spans.
//!
//! The model predicts BIO tags (`B-` opens every entity). Gold CoNLL-2003
//! data is IOB1 (`B-` only between two touching entities of one type); the
//! reader converts it, and the span decoder below accepts both schemes.

use std::fmt;
use std::ops::Range;

/// The four CoNLL-2003 entity types.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EntityType {
    /// A person.
    Per,
    /// An organisation.
    Org,
    /// A location.
    Loc,
    /// Anything else named (nationalities, events, works …).
    Misc,
}

impl EntityType {
    /// All types, in tag-index order.
    pub const ALL: [EntityType; 4] = [
        EntityType::Per,
        EntityType::Org,
        EntityType::Loc,
        EntityType::Misc,
    ];

    /// The CoNLL spelling: `PER`, `ORG`, `LOC`, `MISC`.
    pub fn as_str(self) -> &'static str {
        match self {
            EntityType::Per => "PER",
            EntityType::Org => "ORG",
            EntityType::Loc => "LOC",
            EntityType::Misc => "MISC",
        }
    }

    /// Parses `PER`/`ORG`/`LOC`/`MISC` (case-insensitive).
    pub fn parse(s: &str) -> Option<EntityType> {
        EntityType::ALL
            .into_iter()
            .find(|t| t.as_str().eq_ignore_ascii_case(s))
    }

    fn index(self) -> usize {
        self as usize
    }
}

impl fmt::Display for EntityType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A BIO tag. Displays as `O`, `B-PER`, `I-PER`, ….
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Tag {
    /// Outside any entity.
    O,
    /// First token of an entity.
    B(EntityType),
    /// Continuation of an entity.
    I(EntityType),
}

/// Number of distinct tags (O + B/I for four types).
pub(crate) const NUM_TAGS: usize = 9;

impl Tag {
    /// Dense index 0..NUM_TAGS: O, B-PER, I-PER, B-ORG, I-ORG, ….
    pub(crate) fn index(self) -> usize {
        match self {
            Tag::O => 0,
            Tag::B(t) => 1 + 2 * t.index(),
            Tag::I(t) => 2 + 2 * t.index(),
        }
    }

    /// Inverse of [`Tag::index`]; panics on an out-of-range index.
    pub(crate) fn from_index(i: usize) -> Tag {
        match i {
            0 => Tag::O,
            i if i < NUM_TAGS && i % 2 == 1 => Tag::B(EntityType::ALL[(i - 1) / 2]),
            i if i < NUM_TAGS => Tag::I(EntityType::ALL[(i - 2) / 2]),
            _ => panic!("tag index {i} out of range"),
        }
    }

    /// The entity type, if any.
    pub fn entity_type(self) -> Option<EntityType> {
        match self {
            Tag::O => None,
            Tag::B(t) | Tag::I(t) => Some(t),
        }
    }

    /// Parses an IOB tag such as `I-PER`, `B-MISC` or `O`. Unknown types
    /// (e.g. GMB's `tim`) are mapped by the caller, not here.
    pub fn parse(s: &str) -> Option<Tag> {
        if s == "O" {
            return Some(Tag::O);
        }
        let (prefix, ty) = s.split_once('-')?;
        let ty = EntityType::parse(ty)?;
        match prefix {
            "B" => Some(Tag::B(ty)),
            "I" => Some(Tag::I(ty)),
            _ => None,
        }
    }
}

impl fmt::Display for Tag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Tag::O => f.write_str("O"),
            Tag::B(t) => write!(f, "B-{t}"),
            Tag::I(t) => write!(f, "I-{t}"),
        }
    }
}

/// An entity found in a tag sequence: token range and type.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entity {
    /// Token indices covered.
    pub span: Range<usize>,
    /// The entity type.
    pub kind: EntityType,
}

/// Entities in a tag sequence, conlleval-style: `B-X` always opens an
/// entity, `I-X` opens one unless it continues an entity of type X. Works
/// for IOB1 and BIO alike.
pub fn entities(tags: &[Tag]) -> Vec<Entity> {
    let mut out: Vec<Entity> = Vec::new();
    let mut open: Option<Entity> = None;
    for (i, &tag) in tags.iter().enumerate() {
        let continues = match (tag, &open) {
            (Tag::I(t), Some(e)) => e.kind == t,
            _ => false,
        };
        if continues {
            if let Some(e) = open.as_mut() {
                e.span.end = i + 1;
            }
            continue;
        }
        out.extend(open.take());
        if let Some(kind) = tag.entity_type() {
            open = Some(Entity {
                span: i..i + 1,
                kind,
            });
        }
    }
    out.extend(open);
    out
}

/// Rewrites IOB1 (or any mix) into strict BIO: the first token of every
/// entity gets `B-`.
pub(crate) fn to_bio(tags: &mut [Tag]) {
    for e in entities(tags) {
        tags[e.span.start] = Tag::B(e.kind);
        for t in &mut tags[e.span.start + 1..e.span.end] {
            *t = Tag::I(e.kind);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tags(s: &str) -> Vec<Tag> {
        s.split_whitespace()
            .map(|t| Tag::parse(t).unwrap())
            .collect()
    }

    #[test]
    fn index_round_trip_and_display() {
        for i in 0..NUM_TAGS {
            let t = Tag::from_index(i);
            assert_eq!(t.index(), i);
            assert_eq!(Tag::parse(&t.to_string()), Some(t));
        }
        assert_eq!(Tag::B(EntityType::Per).to_string(), "B-PER");
        assert_eq!(Tag::parse("I-XYZ"), None);
    }

    #[test]
    fn iob1_entities_and_bio_conversion() {
        // Two touching PER entities in IOB1, then an ORG after O.
        let mut t = tags("I-PER I-PER B-PER O I-ORG I-LOC");
        let e = entities(&t);
        let spans: Vec<_> = e.iter().map(|e| (e.span.clone(), e.kind)).collect();
        assert_eq!(
            spans,
            vec![
                (0..2, EntityType::Per),
                (2..3, EntityType::Per),
                (4..5, EntityType::Org),
                (5..6, EntityType::Loc)
            ]
        );
        to_bio(&mut t);
        assert_eq!(t, tags("B-PER I-PER B-PER O B-ORG B-LOC"));
    }
}

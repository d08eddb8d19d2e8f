//! Bytes → text: BOMs, UTF-16, non-UTF-8 bytes and line endings.
//!
//! Scraped files arrive in whatever encoding the scraper's platform used.
//! Failing the build on a stray 0x92 (a Windows "smart" apostrophe) would be
//! hostile, so bytes that are not valid UTF-8 are decoded as Windows-1252
//! (a superset of Latin-1 for printable text) and the article gets a note.

use std::borrow::Cow;

/// The note added to an article that was not valid UTF-8.
pub const NOTE_WINDOWS_1252: &str = "decoded as Windows-1252: not valid UTF-8";
/// The note added to an article that carried a UTF-16 byte-order mark.
pub const NOTE_UTF16: &str = "decoded as UTF-16 (byte-order mark)";
/// The note added to an article that carried a UTF-32 byte-order mark.
pub const NOTE_UTF32: &str = "decoded as UTF-32 (byte-order mark)";
/// The note added to an article recognised as UTF-16 without a byte-order mark.
pub const NOTE_UTF16_NO_BOM: &str =
    "decoded as UTF-16: no byte-order mark, recognised by its zero bytes";
/// The note added to an article recognised as UTF-32 without a byte-order mark.
pub const NOTE_UTF32_NO_BOM: &str =
    "decoded as UTF-32: no byte-order mark, recognised by its zero bytes";

/// Decoded text, `\n` line endings only, no BOM.
pub struct Decoded<'a> {
    /// The text.
    pub text: Cow<'a, str>,
    /// What was done that a user may want to know.
    pub note: Option<&'static str>,
}

/// Decodes `bytes`: UTF-8 (BOM stripped), UTF-32 or UTF-16 with a BOM,
/// UTF-32 or UTF-16 recognised without one (see [`sniff_wide`]), else
/// Windows-1252. CRLF and lone CR become LF. Borrows when nothing changes.
pub fn decode(bytes: &[u8]) -> Decoded<'_> {
    let (text, note): (Cow<'_, str>, _) = if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        utf8_or_1252(rest)
    } else if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE\0\0") {
        (
            Cow::Owned(utf32(rest, u32::from_le_bytes)),
            Some(NOTE_UTF32),
        )
    } else if let Some(rest) = bytes.strip_prefix(b"\0\0\xFE\xFF") {
        (
            Cow::Owned(utf32(rest, u32::from_be_bytes)),
            Some(NOTE_UTF32),
        )
    } else if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        (
            Cow::Owned(utf16(rest, u16::from_le_bytes)),
            Some(NOTE_UTF16),
        )
    } else if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        (
            Cow::Owned(utf16(rest, u16::from_be_bytes)),
            Some(NOTE_UTF16),
        )
    } else if let Some(wide) = sniff_wide(bytes) {
        let text = match wide {
            Wide::Utf16Le => utf16(bytes, u16::from_le_bytes),
            Wide::Utf16Be => utf16(bytes, u16::from_be_bytes),
            Wide::Utf32Le => utf32(bytes, u32::from_le_bytes),
            Wide::Utf32Be => utf32(bytes, u32::from_be_bytes),
        };
        let note = match wide {
            Wide::Utf16Le | Wide::Utf16Be => NOTE_UTF16_NO_BOM,
            Wide::Utf32Le | Wide::Utf32Be => NOTE_UTF32_NO_BOM,
        };
        (Cow::Owned(text), Some(note))
    } else {
        utf8_or_1252(bytes)
    };
    Decoded {
        text: normalise_newlines(text),
        note,
    }
}

fn utf8_or_1252(bytes: &[u8]) -> (Cow<'_, str>, Option<&'static str>) {
    match std::str::from_utf8(bytes) {
        Ok(s) => (Cow::Borrowed(s), None),
        Err(_) => (Cow::Owned(windows_1252(bytes)), Some(NOTE_WINDOWS_1252)),
    }
}

fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> String {
    let units = bytes.chunks_exact(2).map(|c| unit([c[0], c[1]]));
    char::decode_utf16(units)
        .map(|r| r.unwrap_or(char::REPLACEMENT_CHARACTER))
        .collect()
}

fn utf32(bytes: &[u8], unit: fn([u8; 4]) -> u32) -> String {
    bytes
        .chunks_exact(4)
        .map(|c| {
            char::from_u32(unit([c[0], c[1], c[2], c[3]])).unwrap_or(char::REPLACEMENT_CHARACTER)
        })
        .collect()
}

/// A wide encoding recognised without a byte-order mark.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Wide {
    /// UTF-16, little-endian.
    Utf16Le,
    /// UTF-16, big-endian.
    Utf16Be,
    /// UTF-32, little-endian.
    Utf32Le,
    /// UTF-32, big-endian.
    Utf32Be,
}

/// Recognises BOM-less UTF-16/32 by where its zero bytes fall. Text in a
/// Latin script has a zero in every high byte: in UTF-16LE nearly every odd
/// byte is zero and almost no even one is; UTF-32 has three zero bytes in
/// four. Valid UTF-8 and text in single-byte encodings have no zero bytes at
/// all, so they are never taken for either. Only the first 64 KiB are
/// looked at (the decision must not cost more than the file).
pub fn sniff_wide(bytes: &[u8]) -> Option<Wide> {
    let sample = &bytes[..bytes.len().min(64 * 1024)];
    if sample.len() < 4 || !sample.contains(&0) {
        return None;
    }
    let mut zeros = [0usize; 4];
    for (i, &b) in sample.iter().enumerate() {
        if b == 0 {
            zeros[i % 4] += 1;
        }
    }
    let quarter = (sample.len() / 4).max(1) as f64;
    let frac = |i: usize| zeros[i] as f64 / quarter;
    // Per parity, for UTF-16: zeros over the bytes at that parity.
    let half = |a: usize, b: usize| (zeros[a] + zeros[b]) as f64 / (sample.len() / 2).max(1) as f64;
    let mostly = |i: usize| frac(i) > 0.9;
    let rarely = |i: usize| frac(i) < 0.1;
    if bytes.len().is_multiple_of(4) {
        if rarely(0) && mostly(1) && mostly(2) && mostly(3) {
            return Some(Wide::Utf32Le);
        }
        if mostly(0) && mostly(1) && mostly(2) && rarely(3) {
            return Some(Wide::Utf32Be);
        }
    }
    if bytes.len().is_multiple_of(2) {
        let (even, odd) = (half(0, 2), half(1, 3));
        if odd > 0.6 && even < 0.1 {
            return Some(Wide::Utf16Le);
        }
        if even > 0.6 && odd < 0.1 {
            return Some(Wide::Utf16Be);
        }
    }
    None
}

/// Why a file's bytes are not an article to publish.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NotText {
    /// Zero bytes long.
    Empty,
    /// Nothing but spaces, tabs and line breaks.
    Blank,
    /// Binary data: NUL bytes or control characters in every decoding tried.
    Binary {
        /// What gave it away, for the message.
        why: String,
    },
}

impl std::fmt::Display for NotText {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            NotText::Empty => write!(f, "empty file"),
            NotText::Blank => write!(f, "only whitespace, no text"),
            NotText::Binary { why } => write!(
                f,
                "not text ({why}): binary data, or an encoding other than UTF-8, UTF-16, UTF-32 or Windows-1252"
            ),
        }
    }
}

/// Checks decoded text before it becomes an article: empty, blank and
/// binary files are refused. Binary means a NUL character (no text format
/// has one, and it must never reach a page), or more than 1 in 20
/// characters a control character other than tab, line and page breaks:
/// that is what an executable or random bytes look like in Windows-1252,
/// the last decoding tried.
pub fn screen(bytes: &[u8], text: &str) -> Result<(), NotText> {
    if bytes.is_empty() {
        return Err(NotText::Empty);
    }
    if let Some(at) = text.find('\0') {
        let line = text[..at].matches('\n').count() + 1;
        return Err(NotText::Binary {
            why: format!("a NUL character on line {line}"),
        });
    }
    let mut chars = 0usize;
    let mut controls = 0usize;
    let mut blank = true;
    for c in text.chars() {
        chars += 1;
        blank &= c.is_whitespace();
        let control = c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\u{c}');
        controls += usize::from(control || c == char::REPLACEMENT_CHARACTER);
    }
    if blank {
        return Err(NotText::Blank);
    }
    if controls * 20 > chars {
        return Err(NotText::Binary {
            why: format!("{controls} control characters in {chars}"),
        });
    }
    Ok(())
}

/// Windows-1252 code points for bytes 0x80..=0x9F. The five bytes the code
/// page leaves undefined map to the C1 control of the same value, as the
/// WHATWG encoding standard does.
const CP1252_HIGH: [char; 32] = [
    '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8D}', 'Ž', '\u{8F}',
    '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9D}', 'ž', 'Ÿ',
];

/// Decodes every byte as Windows-1252 (Latin-1 outside 0x80..=0x9F).
pub fn windows_1252(bytes: &[u8]) -> String {
    bytes
        .iter()
        .map(|&b| match b {
            0x80..=0x9F => CP1252_HIGH[(b - 0x80) as usize],
            _ => b as char,
        })
        .collect()
}

fn normalise_newlines(text: Cow<'_, str>) -> Cow<'_, str> {
    if !text.contains('\r') {
        return text;
    }
    Cow::Owned(text.replace("\r\n", "\n").replace('\r', "\n"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_utf8_is_borrowed_without_note() {
        let d = decode("Zoë went home.\n".as_bytes());
        assert!(matches!(d.text, Cow::Borrowed(_)));
        assert_eq!(d.text, "Zoë went home.\n");
        assert!(d.note.is_none());
    }

    #[test]
    fn strips_bom_and_crlf() {
        let d = decode(b"\xEF\xBB\xBFone\r\ntwo\rthree\n");
        assert_eq!(d.text, "one\ntwo\nthree\n");
        assert!(d.note.is_none());
    }

    #[test]
    fn invalid_utf8_becomes_windows_1252_with_note() {
        let d = decode(b"It\x92s \x93fine\x94 \x80 caf\xE9 \x81");
        assert_eq!(d.text, "It’s “fine” € café \u{81}");
        assert_eq!(d.note, Some(NOTE_WINDOWS_1252));
    }

    #[test]
    fn decodes_utf16_with_bom() {
        let le: Vec<u8> = b"\xFF\xFE"
            .iter()
            .copied()
            .chain("hé\r\n".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        let d = decode(&le);
        assert_eq!(d.text, "hé\n");
        assert_eq!(d.note, Some(NOTE_UTF16));
        let be: Vec<u8> = b"\xFE\xFF"
            .iter()
            .copied()
            .chain("ok".encode_utf16().flat_map(u16::to_be_bytes))
            .collect();
        assert_eq!(decode(&be).text, "ok");
    }

    fn wide(text: &str, f: fn(&str) -> Vec<u8>) -> Vec<u8> {
        f(text)
    }

    #[test]
    fn recognises_utf16_and_utf32_without_bom() {
        let text = "The council met on Tuesday.\nIt voted 7 to 2.\n";
        let le16 = wide(text, |t| {
            t.encode_utf16().flat_map(u16::to_le_bytes).collect()
        });
        let be16 = wide(text, |t| {
            t.encode_utf16().flat_map(u16::to_be_bytes).collect()
        });
        let le32 = wide(text, |t| {
            t.chars().flat_map(|c| (c as u32).to_le_bytes()).collect()
        });
        let be32 = wide(text, |t| {
            t.chars().flat_map(|c| (c as u32).to_be_bytes()).collect()
        });
        for (bytes, note) in [
            (&le16, NOTE_UTF16_NO_BOM),
            (&be16, NOTE_UTF16_NO_BOM),
            (&le32, NOTE_UTF32_NO_BOM),
            (&be32, NOTE_UTF32_NO_BOM),
        ] {
            let d = decode(bytes);
            assert_eq!(d.text, text);
            assert_eq!(d.note, Some(note));
            assert!(screen(bytes, &d.text).is_ok());
        }
        let mut bom32 = b"\xFF\xFE\0\0".to_vec();
        bom32.extend(&le32);
        assert_eq!(decode(&bom32).text, text);
        assert_eq!(decode(&bom32).note, Some(NOTE_UTF32));
    }

    #[test]
    fn screens_out_binary_empty_and_blank() {
        assert_eq!(screen(b"", ""), Err(NotText::Empty));
        assert_eq!(screen(b" \n\t\n", " \n\t\n"), Err(NotText::Blank));
        let elf = b"\x7fELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x03\0>\0\x01\0\0\0";
        let d = decode(elf);
        assert!(matches!(screen(elf, &d.text), Err(NotText::Binary { .. })));
        // Pseudo-random bytes, without a NUL: caught by control characters.
        let mut x: u32 = 12345;
        let random: Vec<u8> = (0..4000)
            .map(|_| {
                x = x.wrapping_mul(1_103_515_245).wrapping_add(12345);
                ((x >> 16) as u8).max(1)
            })
            .collect();
        let d = decode(&random);
        assert!(matches!(
            screen(&random, &d.text),
            Err(NotText::Binary { .. })
        ));
        // Text with a NUL inside is refused, naming the line.
        let e = screen(b"one\ntwo\0", "one\ntwo\0").unwrap_err();
        assert!(e.to_string().contains("line 2"), "{e}");
        // Ordinary text, with a page break and Windows-1252 punctuation, passes.
        let t = decode(b"It\x92s fine.\x0c\nNext page.\n");
        assert!(screen(b"x", &t.text).is_ok());
    }
}

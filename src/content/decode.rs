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

/// Decoded text, `\n` line endings only, no BOM.
pub struct Decoded<'a> {
    /// The text.
    pub text: Cow<'a, str>,
    /// What was done that a user may want to know.
    pub note: Option<&'static str>,
}

/// Decodes `bytes`: UTF-8 (BOM stripped), UTF-16 with a BOM, else
/// Windows-1252. CRLF and lone CR become LF. Borrows when nothing changes.
pub fn decode(bytes: &[u8]) -> Decoded<'_> {
    let (text, note): (Cow<'_, str>, _) = if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        utf8_or_1252(rest)
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
}

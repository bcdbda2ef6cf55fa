//! Which bytes we are looking at: refuses binary formats up front and picks the text
//! encoding, because a wrongly decoded "Kanał" silently becomes a different channel.
//!
//! Journey Lens reads UTF-8, UTF-16 with a byte-order mark, and the two legacy code pages
//! its users' spreadsheets save in: windows-1250 (Polish) and windows-1252 (Spanish,
//! Catalan, French, English). The decoders are written here rather than taken from
//! `encoding_rs` + `chardetng`: those carry every WHATWG encoding (the CJK tables) and a
//! detector for every script, 158 KB of the gzipped app (and 155 KB of the parse worker)
//! for four encodings we can name (issue 13, README "Build size"). The tests prove the
//! decoders equal `encoding_rs` byte for byte, streamed in any chunks, and the guess equal
//! to `chardetng`'s on every legacy file we have (`tests/it/ingest_encoding.rs`).

use super::error::{BinaryKind, IngestError};

/// A text encoding Journey Lens decodes; `name` is its WHATWG label, as in the load report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextEncoding {
    Utf8,
    Utf16Le,
    Utf16Be,
    /// Central European (Polish) Windows code page.
    Windows1250,
    /// Western European Windows code page (what "Latin-1" files really are).
    Windows1252,
}

impl TextEncoding {
    /// The WHATWG name, e.g. "UTF-8", "UTF-16LE", "windows-1250".
    pub fn name(self) -> &'static str {
        match self {
            TextEncoding::Utf8 => "UTF-8",
            TextEncoding::Utf16Le => "UTF-16LE",
            TextEncoding::Utf16Be => "UTF-16BE",
            TextEncoding::Windows1250 => "windows-1250",
            TextEncoding::Windows1252 => "windows-1252",
        }
    }
}

/// Rejects files that are obviously not text: users drop spreadsheets and screenshots.
pub fn reject_binary(sample: &[u8]) -> Result<(), IngestError> {
    let what = if sample.starts_with(b"\x89PNG") {
        BinaryKind::Png
    } else if sample.starts_with(b"PK\x03\x04") || sample.starts_with(b"PK\x05\x06") {
        BinaryKind::Zip
    } else if sample.starts_with(b"%PDF") {
        BinaryKind::Pdf
    } else if sample.starts_with(&[0x1f, 0x8b]) {
        BinaryKind::Gzip
    } else if sample.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        BinaryKind::Xls
    } else if sample.starts_with(&[0xFF, 0xD8, 0xFF]) {
        BinaryKind::Jpeg
    } else if sample.starts_with(b"GIF8") {
        BinaryKind::Gif
    } else if bom_encoding(sample).is_none() && sample.contains(&0) {
        BinaryKind::Other
    } else {
        return Ok(());
    };
    Err(IngestError::NotCsv { what })
}

/// The encoding a byte-order mark announces, with the mark's length.
pub fn bom_encoding(sample: &[u8]) -> Option<(TextEncoding, usize)> {
    if sample.starts_with(&[0xEF, 0xBB, 0xBF]) {
        Some((TextEncoding::Utf8, 3))
    } else if sample.starts_with(&[0xFF, 0xFE]) {
        Some((TextEncoding::Utf16Le, 2))
    } else if sample.starts_with(&[0xFE, 0xFF]) {
        Some((TextEncoding::Utf16Be, 2))
    } else {
        None
    }
}

/// Picks the encoding of a file from its first bytes. `complete` says the sample is the
/// whole file (so a multi-byte sequence cut at the end is a real error).
pub fn detect(sample: &[u8], complete: bool) -> TextEncoding {
    if let Some((enc, _)) = bom_encoding(sample) {
        return enc;
    }
    match std::str::from_utf8(sample) {
        Ok(_) => return TextEncoding::Utf8,
        // Cut in the middle of a character at the sample's end: still UTF-8.
        Err(e) if e.error_len().is_none() && !complete => return TextEncoding::Utf8,
        Err(_) => {}
    }
    let (polish, western) = letter_evidence(sample);
    if polish > western {
        TextEncoding::Windows1250
    } else {
        TextEncoding::Windows1252
    }
}

/// Weighs the bytes that read differently in the two code pages, with Polish spelling and
/// the punctuation of Western text: a Polish letter in windows-1250 is often a symbol in
/// windows-1252 (ą ł ż / ¹ ³ ¿, Ł Ą Ż / £ ¥ ¯), and ś ź ć ń share their bytes with œ Ÿ æ ñ.
/// Bytes that are the same character in both (é ó ü ß ç, quotes, dashes) say nothing, so a
/// German name in a Polish file or a "Müller" in an English one does not tip the scale.
/// Returns (Polish, Western) evidence; the guess is windows-1250 only when Polish wins.
fn letter_evidence(sample: &[u8]) -> (usize, usize) {
    let (mut polish, mut western) = (0, 0);
    for (i, &b) in sample.iter().enumerate() {
        if b < 0x80
            || high_char(TextEncoding::Windows1250, b) == high_char(TextEncoding::Windows1252, b)
        {
            continue;
        }
        let before = i.checked_sub(1).and_then(|j| sample.get(j)).copied();
        let after = sample.get(i + 1).copied();
        let (pl, we) = byte_evidence(b, before, after);
        polish += pl as usize;
        western += we as usize;
    }
    (polish, western)
}

/// Whether a byte is a letter in either code page (not punctuation such as « – or a
/// no-break space, which share the high bytes).
fn is_letter(b: u8) -> bool {
    b.is_ascii_alphabetic()
        || (b >= 0xC0 && b != 0xD7 && b != 0xF7)
        || matches!(
            b,
            0x8A | 0x8C
                | 0x8E
                | 0x8F
                | 0x9A
                | 0x9C
                | 0x9E
                | 0x9F
                | 0xA3
                | 0xA5
                | 0xAF
                | 0xB3
                | 0xB9
                | 0xBF
        )
}

fn is_vowel(b: u8) -> bool {
    matches!(
        b.to_ascii_lowercase(),
        b'a' | b'e' | b'i' | b'o' | b'u' | b'y'
    )
}

/// (Polish, Western) evidence of one byte that differs between the code pages.
fn byte_evidence(b: u8, before: Option<u8>, after: Option<u8>) -> (bool, bool) {
    let after_letter = before.is_some_and(is_letter);
    let before_letter = after.is_some_and(is_letter);
    match b {
        // ś Ś ź Ź ć Ć ń Ń never come before a vowel in Polish ("si", "ni" are written
        // instead); œ Œ æ Æ ñ Ñ do (cœur, año, España).
        0x9C | 0x8C | 0x9F | 0x8F | 0xE6 | 0xC6 | 0xF1 | 0xD1 => {
            let vowel_next = after.is_some_and(is_vowel);
            (!vowel_next && (after_letter || before_letter), vowel_next)
        }
        // Ł Ą Ż start words ("Łukasz", "Żaneta"); £ ¥ ¯ stand before digits and spaces.
        0xA3 | 0xA5 | 0xAF => (after_letter || before_letter, false),
        // "m³", "cm³": a unit, not "mł".
        0xB3 if matches!(before, Some(b'm' | b'M')) && !before_letter => (false, false),
        // ł ą ż inside or at the end of a word; ¿ opens a phrase, ³ ¹ follow digits.
        0xB3 | 0xB9 | 0xBF => (after_letter, false),
        // ę Ę end words ("się", "będę"); ê inside French words says little either way.
        0xEA | 0xCA => (after_letter && !before_letter, false),
        // ¡ opens a Spanish phrase; ª º follow a number ("1º", "2ª").
        0xA1 => (false, before_letter),
        0xAA | 0xBA => (false, before.is_some_and(|c| c.is_ascii_digit())),
        // à è ì ò ù ã õ å ï ð ø þ û: Western letters (Czech or Hungarian ones in
        // windows-1250, which our users do not write).
        _ if b >= 0xC0 => (false, true),
        _ => (false, false),
    }
}

/// Whether the encoding needs an explicit decoding pass (everything but UTF-8).
pub fn needs_decoding(enc: TextEncoding) -> bool {
    enc != TextEncoding::Utf8
}

/// Whether a BOM-less UTF-16 guess is even possible (we only accept UTF-16 with a BOM).
pub fn is_utf16(enc: TextEncoding) -> bool {
    matches!(enc, TextEncoding::Utf16Le | TextEncoding::Utf16Be)
}

/// Decodes a sample (lossily) to text for sniffing. A byte-order mark picks the encoding
/// and is dropped, as the WHATWG `decode` does; a second one (a file saved twice with a
/// BOM) is dropped too, so it cannot end up in the first header.
pub fn decode_sample(sample: &[u8], enc: TextEncoding) -> String {
    let (enc, skip) = bom_encoding(sample).unwrap_or((enc, 0));
    let body = &sample[skip..];
    let text = if enc == TextEncoding::Utf8 {
        String::from_utf8_lossy(body).into_owned()
    } else {
        let mut out = Vec::with_capacity(body.len() + body.len() / 2);
        let mut decoder = StreamDecoder::new(enc);
        // The mark was skipped above: a second one is the text's, dropped once below.
        decoder.at_start = skip == 0;
        decoder.decode_into(body, true, &mut out);
        String::from_utf8(out)
            .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
    };
    match text.strip_prefix('\u{feff}') {
        Some(rest) => rest.to_string(),
        None => text,
    }
}

/// The characters of bytes 0x80–0xFF in windows-1250 (WHATWG index; unassigned bytes map
/// to the C1 control of the same number).
const WINDOWS_1250_HIGH: [u16; 128] = [
    0x20AC, 0x0081, 0x201A, 0x0083, 0x201E, 0x2026, 0x2020, 0x2021, //
    0x0088, 0x2030, 0x0160, 0x2039, 0x015A, 0x0164, 0x017D, 0x0179, //
    0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, //
    0x0098, 0x2122, 0x0161, 0x203A, 0x015B, 0x0165, 0x017E, 0x017A, //
    0x00A0, 0x02C7, 0x02D8, 0x0141, 0x00A4, 0x0104, 0x00A6, 0x00A7, //
    0x00A8, 0x00A9, 0x015E, 0x00AB, 0x00AC, 0x00AD, 0x00AE, 0x017B, //
    0x00B0, 0x00B1, 0x02DB, 0x0142, 0x00B4, 0x00B5, 0x00B6, 0x00B7, //
    0x00B8, 0x0105, 0x015F, 0x00BB, 0x013D, 0x02DD, 0x013E, 0x017C, //
    0x0154, 0x00C1, 0x00C2, 0x0102, 0x00C4, 0x0139, 0x0106, 0x00C7, //
    0x010C, 0x00C9, 0x0118, 0x00CB, 0x011A, 0x00CD, 0x00CE, 0x010E, //
    0x0110, 0x0143, 0x0147, 0x00D3, 0x00D4, 0x0150, 0x00D6, 0x00D7, //
    0x0158, 0x016E, 0x00DA, 0x0170, 0x00DC, 0x00DD, 0x0162, 0x00DF, //
    0x0155, 0x00E1, 0x00E2, 0x0103, 0x00E4, 0x013A, 0x0107, 0x00E7, //
    0x010D, 0x00E9, 0x0119, 0x00EB, 0x011B, 0x00ED, 0x00EE, 0x010F, //
    0x0111, 0x0144, 0x0148, 0x00F3, 0x00F4, 0x0151, 0x00F6, 0x00F7, //
    0x0159, 0x016F, 0x00FA, 0x0171, 0x00FC, 0x00FD, 0x0163, 0x02D9, //
];

/// The characters of bytes 0x80–0x9F in windows-1252; 0xA0–0xFF are U+00A0–U+00FF.
const WINDOWS_1252_C1: [u16; 32] = [
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, //
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F, //
    0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, //
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178, //
];

/// The character of a byte ≥ 0x80 in a single-byte code page.
fn high_char(enc: TextEncoding, b: u8) -> u16 {
    let i = usize::from(b - 0x80);
    match enc {
        TextEncoding::Windows1250 => WINDOWS_1250_HIGH[i],
        _ if b >= 0xA0 => u16::from(b),
        _ => WINDOWS_1252_C1[i],
    }
}

/// Streams non-UTF-8 input into UTF-8 bytes chunk by chunk, replacing what cannot be
/// decoded with U+FFFD as the WHATWG decoders do (UTF-8 input is passed through as it is:
/// the readers check it themselves). A UTF-16 code unit or surrogate pair cut
/// between chunks is kept until the next one.
pub struct StreamDecoder {
    enc: TextEncoding,
    /// The first byte of a UTF-16 code unit cut at a chunk's end.
    odd: Option<u8>,
    /// A UTF-16 high surrogate waiting for its low half.
    high: Option<u16>,
    /// Nothing decoded yet, so a leading byte-order mark is dropped.
    at_start: bool,
}

impl StreamDecoder {
    pub fn new(enc: TextEncoding) -> StreamDecoder {
        StreamDecoder {
            enc,
            odd: None,
            high: None,
            at_start: true,
        }
    }

    /// Appends the UTF-8 form of `chunk` to `out`.
    pub fn decode_into(&mut self, chunk: &[u8], last: bool, out: &mut Vec<u8>) {
        match self.enc {
            TextEncoding::Utf8 => out.extend_from_slice(chunk),
            TextEncoding::Utf16Le | TextEncoding::Utf16Be => self.utf16(chunk, last, out),
            _ => {
                out.reserve(chunk.len());
                for &b in chunk {
                    if b < 0x80 {
                        out.push(b);
                    } else {
                        push_unit(out, high_char(self.enc, b));
                    }
                }
            }
        }
    }

    fn utf16(&mut self, chunk: &[u8], last: bool, out: &mut Vec<u8>) {
        out.reserve(chunk.len() + chunk.len() / 2);
        let le = self.enc == TextEncoding::Utf16Le;
        let mut bytes = chunk.iter().copied();
        while let Some(b) = self.odd.take().or_else(|| bytes.next()) {
            let Some(b2) = bytes.next() else {
                self.odd = Some(b);
                break;
            };
            let unit = if le {
                u16::from_le_bytes([b, b2])
            } else {
                u16::from_be_bytes([b, b2])
            };
            self.unit(unit, out);
        }
        if last && (self.odd.take().is_some() | self.high.take().is_some()) {
            out.extend_from_slice("\u{FFFD}".as_bytes());
        }
    }

    fn unit(&mut self, unit: u16, out: &mut Vec<u8>) {
        let start = std::mem::replace(&mut self.at_start, false);
        if let Some(high) = self.high.take() {
            if (0xDC00..0xE000).contains(&unit) {
                let c = 0x10000 + ((u32::from(high) - 0xD800) << 10) + (u32::from(unit) - 0xDC00);
                push_char(out, char::from_u32(c).unwrap_or('\u{FFFD}'));
                return;
            }
            out.extend_from_slice("\u{FFFD}".as_bytes());
        }
        match unit {
            0xFEFF if start => {}
            0xD800..=0xDBFF => self.high = Some(unit),
            _ => push_unit(out, unit),
        }
    }
}

/// Appends a BMP code unit that is not part of a surrogate pair (a lone low surrogate
/// becomes U+FFFD).
fn push_unit(out: &mut Vec<u8>, unit: u16) {
    push_char(out, char::from_u32(u32::from(unit)).unwrap_or('\u{FFFD}'));
}

fn push_char(out: &mut Vec<u8>, c: char) {
    let mut buf = [0u8; 4];
    out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_cut_mid_character_is_still_utf8() {
        let s = "Świetnie".as_bytes();
        assert_eq!(detect(&s[..1], false), TextEncoding::Utf8);
    }

    #[test]
    fn nul_bytes_without_bom_are_binary() {
        assert!(reject_binary(b"a,b\0c").is_err());
        assert!(reject_binary(b"\xFF\xFEa\0,\0").is_ok());
    }
}

//! Which bytes we are looking at: refuses binary formats up front and picks the text
//! encoding, because a wrongly decoded "Kanał" silently becomes a different channel.

use super::error::{BinaryKind, IngestError};
use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, UTF_8, WINDOWS_1250, WINDOWS_1252};

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
pub fn bom_encoding(sample: &[u8]) -> Option<(&'static Encoding, usize)> {
    Encoding::for_bom(sample)
}

/// Picks the encoding of a file from its first bytes. `complete` says the sample is the
/// whole file (so a multi-byte sequence cut at the end is a real error).
pub fn detect(sample: &[u8], complete: bool) -> &'static Encoding {
    if let Some((enc, _)) = bom_encoding(sample) {
        return enc;
    }
    match std::str::from_utf8(sample) {
        Ok(_) => return UTF_8,
        // Cut in the middle of a character at the sample's end: still UTF-8.
        Err(e) if e.error_len().is_none() && !complete => return UTF_8,
        Err(_) => {}
    }
    let mut det = chardetng::EncodingDetector::new();
    det.feed(sample, true);
    let guess = det.guess(None, false);
    if guess == WINDOWS_1250 || guess == encoding_rs::ISO_8859_2 {
        return WINDOWS_1250;
    }
    if guess == WINDOWS_1252 {
        return WINDOWS_1252;
    }
    // Ambiguous (chardetng guessed a script we do not target): Polish letters decide.
    if polish_evidence(sample) {
        WINDOWS_1250
    } else {
        WINDOWS_1252
    }
}

/// Bytes that are Polish letters in cp1250 (ą ł ś ź Ą Ł Ś Ź) but rare symbols in cp1252
/// (¹ ³ œ Ÿ ¥ £ Œ), so their presence means Polish text.
fn polish_evidence(sample: &[u8]) -> bool {
    let n = sample
        .iter()
        .filter(|b| matches!(b, 0xB9 | 0xB3 | 0x9C | 0x9F | 0xA5 | 0xA3 | 0x8C | 0x8F))
        .count();
    n > 0
}

/// Whether the encoding needs an explicit decoding pass (everything but UTF-8).
pub fn needs_decoding(enc: &'static Encoding) -> bool {
    enc != UTF_8
}

/// Whether a BOM-less UTF-16 guess is even possible (we only accept UTF-16 with a BOM).
pub fn is_utf16(enc: &'static Encoding) -> bool {
    enc == UTF_16LE || enc == UTF_16BE
}

/// Decodes a sample (lossily) to text for sniffing.
pub fn decode_sample(sample: &[u8], enc: &'static Encoding) -> String {
    let (text, _, _) = enc.decode(sample);
    let text = text.into_owned();
    text.strip_prefix('\u{feff}')
        .map(str::to_string)
        .unwrap_or(text)
}

/// Streams non-UTF-8 input into UTF-8 bytes chunk by chunk.
pub struct StreamDecoder {
    decoder: encoding_rs::Decoder,
    buf: String,
}

impl StreamDecoder {
    pub fn new(enc: &'static Encoding) -> StreamDecoder {
        StreamDecoder {
            decoder: enc.new_decoder_with_bom_removal(),
            buf: String::new(),
        }
    }

    /// Appends the UTF-8 form of `chunk` to `out`.
    pub fn decode_into(&mut self, chunk: &[u8], last: bool, out: &mut Vec<u8>) {
        let need = self
            .decoder
            .max_utf8_buffer_length(chunk.len())
            .unwrap_or(chunk.len().saturating_mul(3).saturating_add(16));
        self.buf.clear();
        self.buf.reserve(need);
        let mut src = chunk;
        loop {
            let (res, read, _) = self.decoder.decode_to_string(src, &mut self.buf, last);
            src = &src[read..];
            out.extend_from_slice(self.buf.as_bytes());
            self.buf.clear();
            match res {
                encoding_rs::CoderResult::InputEmpty => break,
                encoding_rs::CoderResult::OutputFull => self.buf.reserve(4096 + src.len() * 3),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_cut_mid_character_is_still_utf8() {
        let s = "Świetnie".as_bytes();
        assert_eq!(detect(&s[..1], false), UTF_8);
    }

    #[test]
    fn nul_bytes_without_bom_are_binary() {
        assert!(reject_binary(b"a,b\0c").is_err());
        assert!(reject_binary(b"\xFF\xFEa\0,\0").is_ok());
    }
}

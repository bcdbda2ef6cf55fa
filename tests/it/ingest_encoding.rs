//! Our own decoders and code-page guess (src/ingest/encoding.rs) against the libraries they
//! replaced: byte for byte equal to `encoding_rs` in any chunking, and the same guess as
//! `chardetng` (as Journey Lens used it) on every legacy-encoded file we have.

use journey_lens::ingest::encoding::{decode_sample, detect, StreamDecoder, TextEncoding};
use proptest::prelude::*;

const LEGACY: [TextEncoding; 4] = [
    TextEncoding::Windows1250,
    TextEncoding::Windows1252,
    TextEncoding::Utf16Le,
    TextEncoding::Utf16Be,
];

fn reference(enc: TextEncoding) -> &'static encoding_rs::Encoding {
    match enc {
        TextEncoding::Utf8 => encoding_rs::UTF_8,
        TextEncoding::Utf16Le => encoding_rs::UTF_16LE,
        TextEncoding::Utf16Be => encoding_rs::UTF_16BE,
        TextEncoding::Windows1250 => encoding_rs::WINDOWS_1250,
        TextEncoding::Windows1252 => encoding_rs::WINDOWS_1252,
    }
}

/// What encoding_rs streams out for `bytes` fed in one go, BOM of the encoding removed.
fn expected(enc: TextEncoding, bytes: &[u8]) -> String {
    let mut dec = reference(enc).new_decoder_with_bom_removal();
    let mut out = String::with_capacity(bytes.len() * 3 + 16);
    let (res, read, _) = dec.decode_to_string(bytes, &mut out, true);
    assert_eq!(
        (res, read),
        (encoding_rs::CoderResult::InputEmpty, bytes.len())
    );
    out
}

/// Ours, fed in pieces cut at `cuts` (positions taken modulo the length).
fn ours(enc: TextEncoding, bytes: &[u8], cuts: &[usize]) -> String {
    let mut at: Vec<usize> = cuts.iter().map(|c| c % (bytes.len() + 1)).collect();
    at.sort_unstable();
    let mut dec = StreamDecoder::new(enc);
    let mut out = Vec::new();
    let mut from = 0;
    for to in at {
        dec.decode_into(&bytes[from..to], false, &mut out);
        from = to;
    }
    dec.decode_into(&bytes[from..], true, &mut out);
    String::from_utf8(out).expect("the decoder writes UTF-8")
}

fn decoded(enc: TextEncoding, bytes: &[u8]) -> String {
    ours(enc, bytes, &[])
}

#[test]
fn polish_and_western_letters_decode_as_the_code_pages_define_them() {
    let polish = b"Za\xbf\xf3\xb3\xe6 g\xea\x9cl\xb9 ja\x9f\xf1 \x80";
    assert_eq!(
        decoded(TextEncoding::Windows1250, polish),
        "Zażółć gęślą jaźń €"
    );
    let catalan = b"per\xf2 l\xb7l\xedcit; qu\xe8 \x80 \x81";
    assert_eq!(
        decoded(TextEncoding::Windows1252, catalan),
        "però l·lícit; què € \u{81}"
    );
}

#[test]
fn utf16_pairs_cut_between_chunks_and_broken_ones_become_replacement_characters() {
    // BOM, "a", 😀 (D83D DE00), "b" in UTF-16LE, cut inside the pair and inside a unit.
    let le = b"\xff\xfea\x00\x3d\xd8\x00\xdeb\x00";
    assert_eq!(ours(TextEncoding::Utf16Le, le, &[3, 5, 7]), "a😀b");
    let be = b"\xfe\xff\x00a\xd8\x3d\xde\x00\x00b";
    assert_eq!(ours(TextEncoding::Utf16Be, be, &[1, 6]), "a😀b");
    // A high surrogate followed by "c", a lone low surrogate, then an odd last byte.
    let broken = b"\x3d\xd8c\x00\x00\xdeZ";
    assert_eq!(
        decoded(TextEncoding::Utf16Le, broken),
        "\u{FFFD}c\u{FFFD}\u{FFFD}"
    );
    // A BOM later in the text is a character (zero-width no-break space), not dropped.
    assert_eq!(
        decoded(TextEncoding::Utf16Le, b"a\x00\xff\xfe"),
        "a\u{FEFF}"
    );
    // The sniffing sample drops the mark and one more (as encoding_rs's decode + strip).
    let marks = b"\xff\xfe\xff\xfe\xff\xfea\x00";
    assert_eq!(decode_sample(marks, TextEncoding::Utf16Le), "\u{FEFF}a");
}

#[test]
fn the_code_page_guess_follows_the_letters_of_our_users_languages() {
    use TextEncoding::{Windows1250 as Pl, Windows1252 as We};
    let cases: [(&[u8], TextEncoding); 18] = [
        (b"Za\xbf\xf3\xb3\xe6 g\xea\x9cl\xb9 ja\x9f\xf1", Pl),
        // "Łódź, Müller, może być": a German letter among Polish ones says nothing.
        (b"\xa3\xf3d\x9f, M\xfcller, mo\xbfe by\xe6", Pl),
        (
            b"Kana\xb3\nM\xfcller;Krak\xf3w\nSchr\xf6der;Gda\xf1sk\nJ\xe4ger;\xa3\xf3d\x9f\n",
            Pl,
        ),
        // Only ó (the same in both) and ń: "Gdańsk", "Poznań".
        (b"Krak\xf3w;Sklep\nGda\xf1sk;Sklep\nPozna\xf1;Web\n", Pl),
        // Polish letters only at the start of words: "Łukasz", "Żaneta", "Ścibor".
        (
            b"\xa3ukasz;Warszawa\n\xafaneta;Krak\xf3w\n\x8ccibor;Gda\xf1sk\n",
            Pl,
        ),
        // Capitals: "ŁÓDZKIE", "ŚWIĘTOKRZYSKIE", "WARMIŃSKO-MAZURSKIE".
        (
            b"\xa3\xd3DZKIE;10\n\x8cWI\xcaTOKRZYSKIE;26\nWARMI\xd1SKO-MAZURSKIE;28\n",
            Pl,
        ),
        // "będzie", "być", "się".
        (b"b\xeadzie dobrze\nmusi by\xe6\nCzy si\xea podoba\n", Pl),
        // "¿Cómo fue la atención? Señor": ¿ is ż's byte, but it opens the phrase.
        (b"\xbfC\xf3mo fue la atenci\xf3n? Se\xf1or", We),
        (b"\xab\xbfC\xf3mo valora el servicio?\xbb;5\n", We),
        (b"\xa1Hola! \xbfqu\xe9 tal? A\xf1o 2024", We),
        // "£20" (Ł's byte before a digit), also after a dash or a no-break space.
        (b"Precio: \xa320 por unidad", We),
        (b"\xa310\x96\xa320,5\n", We),
        (b"Price:\xa0\xa320", We),
        // "usage_m³": a unit, not "mł".
        (b"date,usage_m\xb3,cost\n", We),
        // French œ ("cœur", "bœuf", "Sœur") is ś's byte, but a vowel follows.
        (b"Tomate c\x9cur de b\x9cuf;3,50\nS\x9cur Marie;2\n", We),
        (b"per\xf2 l\xb7l\xedcit; qu\xe8 m\xe9s?", We),
        (b"\xc7a co\xfbte tr\xe8s cher \xe0 c\xf4t\xe9", We),
        // Nothing either way (é, ü, ß are the same in both): Western, as before.
        (b"Caf\xe9 M\xfcller, Stra\xdfe", We),
    ];
    for (bytes, enc) in cases {
        assert_eq!(
            detect(bytes, true),
            enc,
            "{}",
            String::from_utf8_lossy(bytes)
        );
    }
    assert_eq!(detect("Kanał".as_bytes(), true), TextEncoding::Utf8);
    assert_eq!(detect(b"\xfe\xff\x00a", true), TextEncoding::Utf16Be);
}

/// How Journey Lens chose a code page with chardetng before (commit 4dd5779).
fn chardetng_guess(sample: &[u8]) -> &'static str {
    let mut det = chardetng::EncodingDetector::new();
    det.feed(sample, true);
    let guess = det.guess(None, false);
    if guess == encoding_rs::WINDOWS_1250 || guess == encoding_rs::ISO_8859_2 {
        "windows-1250"
    } else if guess == encoding_rs::WINDOWS_1252 {
        "windows-1252"
    } else if sample
        .iter()
        .any(|b| matches!(b, 0xB9 | 0xB3 | 0x9C | 0x9F | 0xA5 | 0xA3 | 0x8C | 0x8F))
    {
        "windows-1250"
    } else {
        "windows-1252"
    }
}

#[test]
fn every_legacy_file_we_have_gets_the_code_page_chardetng_gave_it() {
    let root = env!("CARGO_MANIFEST_DIR");
    let files = [
        ("tests/fixtures/polish_cp1250.csv", "windows-1250"),
        ("tests/fixtures/catalan_cp1252.csv", "windows-1252"),
        ("tests/fixtures/spanish_cp1252.csv", "windows-1252"),
        // The real French survey (Latin-1); ../shared is beside the repository here.
        ("../shared/data/real/botanic_nps_fr/nps.csv", "windows-1252"),
    ];
    for (path, want) in files {
        let Ok(bytes) = std::fs::read(format!("{root}/{path}")) else {
            assert!(path.starts_with("../"), "{path} missing");
            eprintln!("note: {path} not found, skipped");
            continue;
        };
        let head = &bytes[..bytes.len().min(64 * 1024)];
        let ours = detect(head, head.len() == bytes.len()).name();
        assert_eq!(ours, want, "{path}");
        assert_eq!(chardetng_guess(head), want, "{path}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    /// Any bytes, any chunking: the same text as encoding_rs, replacement characters
    /// included. Surrogate-range bytes are drawn often so UTF-16 pairs get broken.
    #[test]
    fn decoders_equal_encoding_rs(
        bytes in prop::collection::vec(
            prop_oneof![any::<u8>(), Just(0xD8u8), Just(0xDCu8), Just(0xFEu8), Just(0xFFu8)],
            0..200,
        ),
        cuts in prop::collection::vec(any::<usize>(), 0..6),
        which in 0usize..4,
        bom in any::<bool>(),
    ) {
        let enc = LEGACY[which];
        let mut input = match (bom, enc) {
            (true, TextEncoding::Utf16Le) => vec![0xFF, 0xFE],
            (true, TextEncoding::Utf16Be) => vec![0xFE, 0xFF],
            _ => Vec::new(),
        };
        input.extend_from_slice(&bytes);
        prop_assert_eq!(ours(enc, &input, &cuts), expected(enc, &input));
    }

    /// The sniffing sample's text equals encoding_rs's `decode` (which lets a BOM pick
    /// the encoding), for UTF-8 too.
    #[test]
    fn sample_text_equals_encoding_rs_decode(
        bytes in prop::collection::vec(any::<u8>(), 0..200),
        which in 0usize..5,
        bom in 0usize..4,
    ) {
        let enc = [TextEncoding::Utf8, LEGACY[0], LEGACY[1], LEGACY[2], LEGACY[3]][which];
        let mut input = [&b""[..], b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff"][bom].to_vec();
        input.extend_from_slice(&bytes);
        let (want, _, _) = reference(enc).decode(&input);
        let want = want.strip_prefix('\u{feff}').map(str::to_string).unwrap_or(want.into_owned());
        prop_assert_eq!(decode_sample(&input, enc), want);
    }
}

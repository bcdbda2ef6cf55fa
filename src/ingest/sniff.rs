//! Guesses how a CSV file is written from its first 64 KiB: encoding, separator, header,
//! decimal mark and date order. The UI shows the result with a preview so the user can
//! correct the mapping before the full load.

use super::encoding::TextEncoding;
use super::encoding::{decode_sample, detect, reject_binary};
use super::error::IngestError;
use super::mapping::{auto_roles, header_key, unique_headers, MAX_COLUMNS};
use super::milestones::{detect as detect_milestones, Candidate};
use super::values::{
    is_missing, parse_date, trim, DateOrder, DecimalEvidence, OrderEvidence, ParsedDate,
};
use crate::dataset::Role;
use serde::Serialize;

/// How much of the file the sniffer looks at.
pub const SNIFF_BYTES: usize = 64 * 1024;
/// Rows shown on the mapping screen.
pub const PREVIEW_ROWS: usize = 8;
/// Records examined when choosing the separator.
const SNIFF_RECORDS: usize = 200;

/// What the sniffer found.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Sniffed {
    /// Encoding name, e.g. "UTF-8", "UTF-16LE", "windows-1250".
    pub encoding: String,
    pub delimiter: u8,
    /// Every line was one quoted field holding the real, separated fields (an Excel re-save);
    /// `delimiter` is then the inner separator.
    pub wrapped: bool,
    /// Column names (empty ones named "column N", repeats numbered).
    pub headers: Vec<String>,
    /// The automatic role of each column.
    pub roles: Vec<Role>,
    /// The first data records, cells as text.
    pub preview: Vec<Vec<String>>,
    /// Same header, same key: lets the UI remember a mapping.
    pub header_key: String,
    pub decimal_comma: bool,
    /// Columns with day/month ambiguous dates in the sample, and the order the sample suggests
    /// (the load decides again from the whole column).
    pub date_orders: Vec<(String, DateOrder)>,
    /// Date columns that could become journey stages (empty unless there are two or more).
    pub milestones: Vec<Candidate>,
}

/// Sniffs the start of a file (`bytes` may be the whole file or its first chunk).
pub fn sniff(bytes: &[u8]) -> Result<Sniffed, IngestError> {
    let (head, complete) = head_of(bytes);
    sniff_inner(head, complete).map(|(s, _)| s)
}

/// The head a file held in memory is sniffed from, and whether it is the whole file.
pub(crate) fn head_of(bytes: &[u8]) -> (&[u8], bool) {
    (
        &bytes[..bytes.len().min(SNIFF_BYTES)],
        bytes.len() <= SNIFF_BYTES,
    )
}

/// Splits sample text into records with one separator; drops a last record that may be
/// cut off when the sample is not the whole file.
fn records(text: &str, delim: u8, complete: bool, max: usize) -> Vec<csv::ByteRecord> {
    let mut rdr = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delim)
        .from_reader(text.as_bytes());
    let mut out = Vec::new();
    let mut rec = csv::ByteRecord::new();
    while out.len() < max {
        match rdr.read_byte_record(&mut rec) {
            Ok(true) => out.push(rec.clone()),
            _ => break,
        }
    }
    if !complete && out.len() < max && out.len() > 1 {
        out.pop();
    }
    out
}

const CANDIDATES: [u8; 4] = [b',', b';', b'\t', b'|'];

/// Share of records with the header's field count, and that count.
fn consistency(recs: &[csv::ByteRecord]) -> (f64, usize) {
    let Some(first) = recs.first() else {
        return (0.0, 0);
    };
    let n = first.len();
    let same = recs.iter().filter(|r| r.len() == n).count();
    (same as f64 / recs.len() as f64, n)
}

/// The separator giving a consistent field count above one, if any.
pub fn choose_delimiter(text: &str, complete: bool) -> Option<u8> {
    let mut best: Option<(u8, f64, usize)> = None;
    for d in CANDIDATES {
        let recs = records(text, d, complete, SNIFF_RECORDS);
        let (share, n) = consistency(&recs);
        if n < 2 {
            continue;
        }
        let better = match best {
            None => true,
            Some((_, bs, bn)) => share > bs + 1e-9 || ((share - bs).abs() < 1e-9 && n > bn),
        };
        if better {
            best = Some((d, share, n));
        }
    }
    best.map(|b| b.0)
}

/// Excel re-saves sometimes wrap each whole line in quotes; detects the inner separator.
fn wrapped_delimiter(recs: &[csv::ByteRecord]) -> Option<u8> {
    if recs.is_empty() || recs.iter().any(|r| r.len() != 1) {
        return None;
    }
    let joined: Vec<u8> = recs
        .iter()
        .flat_map(|r| {
            r.get(0)
                .unwrap_or(b"")
                .iter()
                .copied()
                .chain(std::iter::once(b'\n'))
        })
        .collect();
    let text = String::from_utf8_lossy(&joined);
    choose_delimiter(&text, true)
}

/// Splits one unwrapped line into fields.
pub fn split_inner(field: &[u8], delim: u8, out: &mut csv::ByteRecord) -> bool {
    let mut rdr = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delim)
        .from_reader(field);
    matches!(rdr.read_byte_record(out), Ok(true))
}

/// The sample's records with the separator, and whether each line was wrapped whole in
/// quotes. A sample with no separator at all is refused: one column cannot be a journey.
fn split_sample(
    text: &str,
    complete: bool,
) -> Result<(u8, bool, Vec<csv::ByteRecord>), IngestError> {
    if let Some(d) = choose_delimiter(text, complete) {
        return Ok((d, false, records(text, d, complete, SNIFF_RECORDS)));
    }
    let outer = records(text, b',', complete, SNIFF_RECORDS);
    let Some(inner) = wrapped_delimiter(&outer) else {
        let header = text.lines().next().unwrap_or("").to_string();
        return Err(IngestError::OnlyOneColumn { header });
    };
    let recs = outer
        .iter()
        .map(|r| {
            let mut rec = csv::ByteRecord::new();
            split_inner(r.get(0).unwrap_or(b""), inner, &mut rec);
            rec
        })
        .collect();
    Ok((inner, true, recs))
}

/// Evidence from every filled cell: slashed dates vote on each column's day/month order,
/// and cells that are not dates vote on the decimal mark; a cell that reads as a date
/// never votes on the decimal mark.
fn cell_evidence(
    data: &[csv::ByteRecord],
    columns: usize,
) -> (DecimalEvidence, Vec<OrderEvidence>) {
    let mut dec = DecimalEvidence::default();
    let mut orders = vec![OrderEvidence::default(); columns];
    for r in data {
        for (i, f) in r.iter().enumerate() {
            let f = trim(f);
            if is_missing(f) {
                continue;
            }
            match parse_date(f) {
                ParsedDate::Slashed(sd) => {
                    if let Some(o) = orders.get_mut(i) {
                        o.observe(&sd);
                    }
                }
                ParsedDate::Exact(..) => {}
                ParsedDate::Invalid => dec.observe(f),
            }
        }
    }
    (dec, orders)
}

pub(crate) fn sniff_inner(
    sample: &[u8],
    complete: bool,
) -> Result<(Sniffed, TextEncoding), IngestError> {
    if sample.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(IngestError::Empty);
    }
    reject_binary(sample)?;
    let enc = detect(sample, complete);
    let text = decode_sample(sample, enc);
    if text.trim().is_empty() {
        return Err(IngestError::Empty);
    }
    let (delimiter, wrapped, recs) = split_sample(&text, complete)?;
    let Some(head) = recs.first() else {
        return Err(IngestError::Empty);
    };
    if head.len() > MAX_COLUMNS {
        return Err(IngestError::TooManyColumns { limit: MAX_COLUMNS });
    }
    let headers = unique_headers(
        head.iter()
            .map(|f| String::from_utf8_lossy(f).into_owned())
            .collect(),
    );
    let data = &recs[1..];
    if complete && data.iter().all(|r| r.iter().all(|f| trim(f).is_empty())) {
        return Err(IngestError::HeaderOnly);
    }
    let roles = auto_roles(&headers);
    let preview = data
        .iter()
        .take(PREVIEW_ROWS)
        .map(|r| {
            r.iter()
                .map(|f| String::from_utf8_lossy(f).into_owned())
                .collect()
        })
        .collect();

    let (dec, orders) = cell_evidence(data, headers.len());
    let date_orders = headers
        .iter()
        .zip(&orders)
        .filter(|(_, o)| o.any())
        .map(|(h, o)| (h.clone(), o.decide()))
        .collect();
    let cells: Vec<Vec<&[u8]>> = data.iter().map(|r| r.iter().collect()).collect();
    let milestones = detect_milestones(&headers, &cells);
    Ok((
        Sniffed {
            milestones,
            encoding: enc.name().to_string(),
            delimiter,
            wrapped,
            header_key: header_key(&headers),
            headers,
            roles,
            preview,
            decimal_comma: dec.decimal_comma(delimiter),
            date_orders,
        },
        enc,
    ))
}

/// The separator as the report shows it.
pub fn delimiter_text(d: u8) -> String {
    match d {
        b'\t' => "\\t".to_string(),
        other => (other as char).to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn picks_the_consistent_separator() {
        let t = "a;b;c\n1,5;2;x\n3,5;4;y\n";
        assert_eq!(choose_delimiter(t, true), Some(b';'));
        let t = "a,b\n\"x;y\",1\n\"z;w\",2\n";
        assert_eq!(choose_delimiter(t, true), Some(b','));
    }

    #[test]
    fn dates_vote_on_order_and_other_cells_on_the_mark() {
        let data = [
            csv::ByteRecord::from(vec!["13/04/2024", "4,5", ""]),
            csv::ByteRecord::from(vec!["02/03/2024", "1,25", "NA"]),
        ];
        let (dec, orders) = cell_evidence(&data, 3);
        assert_eq!(orders.len(), 3);
        assert_eq!(orders[0].decide(), DateOrder::DayFirst);
        assert!(!orders[1].any());
        assert!(!orders[2].any());
        assert!(dec.decimal_comma(b';'));
    }

    #[test]
    fn lines_wrapped_in_quotes_are_split_on_the_inner_separator() {
        let (delimiter, wrapped, recs) = split_sample("\"a;b\"\n\"1;2\"\n", true).unwrap();
        assert_eq!((delimiter, wrapped), (b';', true));
        assert_eq!(recs.len(), 2);
        assert_eq!(&recs[1][1], b"2");
        assert!(matches!(
            split_sample("a\nb\n", true),
            Err(IngestError::OnlyOneColumn { .. })
        ));
    }
}

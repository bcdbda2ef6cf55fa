//! Renders generated events as the three file shapes Journey Lens reads: the English CSV,
//! the JSON feed, and a Catalan-headed CSV in the European style (`;`, decimal comma,
//! dd/mm/yyyy).
//!
//! Rows are assembled by hand into one reused byte buffer instead of going through
//! `write!`, which keeps a million rows at around a second.

use super::comments::Comment;
use super::model::{
    GenEvent, CHANNELS_ES, CHANNELS_PL, PERSONAS_ES, PERSONAS_PL, STAGES, STAGES_ES, STAGES_PL,
    TOUCHPOINTS_ES, TOUCHPOINTS_PL,
};
use std::io::{self, Write};

/// The header of the English CSV, in column order.
pub const CSV_HEADER: &str = "customer_id,timestamp,journey,stage,touchpoint,channel,persona,satisfaction,effort,nps,revenue,comment,region";
/// The header of the Catalan CSV, in column order.
pub const CSV_HEADER_CA: &str =
    "client;data;etapa;punt de contacte;canal;persona;satisfacció;nps;ingressos;comentari";

/// The header of the Spanish CSV, in column order.
pub const CSV_HEADER_ES: &str =
    "cliente;fecha;etapa;punto de contacto;canal;persona;satisfacción;nps;ingresos;comentario";
/// The header of the Polish CSV, in column order.
pub const CSV_HEADER_PL: &str =
    "klient;data;etap;punkt styku;kanał;persona;satysfakcja;nps;przychód;komentarz";

/// The words and date style of a spreadsheet kept in Spanish or Polish: the same events as
/// the Catalan one, in that language, so each language's visitor starts with their own.
pub struct LocalCsv {
    pub header: &'static str,
    /// Between day, month and year: `/` in Spain, `.` in Poland.
    pub date_sep: u8,
    pub stages: [&'static str; 5],
    pub touchpoints: [&'static str; 10],
    pub channels: [&'static str; 4],
    pub personas: [&'static str; 4],
    pub comment: fn(Comment) -> &'static str,
}

pub const SPANISH: LocalCsv = LocalCsv {
    header: CSV_HEADER_ES,
    date_sep: b'/',
    stages: STAGES_ES,
    touchpoints: TOUCHPOINTS_ES,
    channels: CHANNELS_ES,
    personas: PERSONAS_ES,
    comment: Comment::text_es,
};

pub const POLISH: LocalCsv = LocalCsv {
    header: CSV_HEADER_PL,
    date_sep: b'.',
    stages: STAGES_PL,
    touchpoints: TOUCHPOINTS_PL,
    channels: CHANNELS_PL,
    personas: PERSONAS_PL,
    comment: Comment::text_pl,
};

pub use crate::calendar::civil_from_days;

fn push_num(buf: &mut Vec<u8>, mut n: u64, width: usize) {
    let mut digits = [0u8; 20];
    let mut len = 0;
    loop {
        digits[len] = b'0' + (n % 10) as u8;
        n /= 10;
        len += 1;
        if n == 0 {
            break;
        }
    }
    for _ in len..width {
        buf.push(b'0');
    }
    buf.extend(digits[..len].iter().rev());
}

/// `2025-01-03T10:15:00`: naive ISO 8601, the timestamp as written in the simulated shop.
pub fn push_iso(buf: &mut Vec<u8>, t: i64) {
    let (y, m, d) = civil_from_days(t.div_euclid(86_400));
    let s = t.rem_euclid(86_400) as u64;
    push_num(buf, y.max(0) as u64, 4);
    buf.push(b'-');
    push_num(buf, m.into(), 2);
    buf.push(b'-');
    push_num(buf, d.into(), 2);
    buf.push(b'T');
    push_num(buf, s / 3_600, 2);
    buf.push(b':');
    push_num(buf, s / 60 % 60, 2);
    buf.push(b':');
    push_num(buf, s % 60, 2);
}

/// `03/01/2025`: the day-first date style of Catalan and Spanish spreadsheets.
fn push_dmy(buf: &mut Vec<u8>, t: i64) {
    push_dmy_with(buf, t, b'/');
}

/// A day-first date with `sep` between its parts (`03.01.2025` in Poland).
fn push_dmy_with(buf: &mut Vec<u8>, t: i64, sep: u8) {
    let (y, m, d) = civil_from_days(t.div_euclid(86_400));
    push_num(buf, d.into(), 2);
    buf.push(sep);
    push_num(buf, m.into(), 2);
    buf.push(sep);
    push_num(buf, y.max(0) as u64, 4);
}

/// A CSV field, quoted (with quotes doubled) only when it has to be.
pub fn push_field(buf: &mut Vec<u8>, s: &str, delim: u8) {
    let needs = s
        .bytes()
        .any(|b| b == delim || b == b'"' || b == b'\n' || b == b'\r')
        || s.starts_with(' ')
        || s.ends_with(' ');
    if !needs {
        buf.extend_from_slice(s.as_bytes());
        return;
    }
    buf.push(b'"');
    for b in s.bytes() {
        if b == b'"' {
            buf.push(b'"');
        }
        buf.push(b);
    }
    buf.push(b'"');
}

fn push_customer(buf: &mut Vec<u8>, id: u32) {
    buf.push(b'C');
    push_num(buf, id.into(), 6);
}

fn push_money(buf: &mut Vec<u8>, cents: u32, decimal: u8) {
    push_num(buf, u64::from(cents / 100), 1);
    buf.push(decimal);
    push_num(buf, u64::from(cents % 100), 2);
}

fn push_opt(buf: &mut Vec<u8>, v: Option<u8>) {
    if let Some(v) = v {
        push_num(buf, v.into(), 1);
    }
}

/// Flushes the row buffer once it is big enough to make the write worthwhile.
fn flush_if_full(buf: &mut Vec<u8>, out: &mut impl Write) -> io::Result<()> {
    if buf.len() >= 1 << 16 {
        out.write_all(buf)?;
        buf.clear();
    }
    Ok(())
}

/// The English CSV: header then one line per event.
pub fn write_csv(events: impl Iterator<Item = GenEvent>, out: &mut impl Write) -> io::Result<()> {
    let mut buf = Vec::with_capacity(1 << 17);
    buf.extend_from_slice(CSV_HEADER.as_bytes());
    buf.push(b'\n');
    for e in events {
        push_customer(&mut buf, e.customer);
        buf.push(b',');
        push_iso(&mut buf, e.timestamp);
        for s in [
            e.journey_name(),
            e.stage_name(),
            e.touchpoint_name(),
            e.channel_name(),
            e.persona_name(),
        ] {
            buf.push(b',');
            push_field(&mut buf, s, b',');
        }
        buf.push(b',');
        push_opt(&mut buf, e.satisfaction);
        buf.push(b',');
        push_opt(&mut buf, e.effort);
        buf.push(b',');
        push_opt(&mut buf, e.nps);
        buf.push(b',');
        if let Some(c) = e.revenue_cents {
            push_money(&mut buf, c, b'.');
        }
        buf.push(b',');
        if let Some(c) = e.comment {
            push_field(&mut buf, c.text(), b',');
        }
        buf.push(b',');
        push_field(&mut buf, e.region_name(), b',');
        buf.push(b'\n');
        flush_if_full(&mut buf, out)?;
    }
    out.write_all(&buf)?;
    out.flush()
}

/// The Catalan CSV: `;`-separated, decimal comma, day-first dates, translated values.
/// It has no journey, effort or region column, like a typical hand-kept spreadsheet.
pub fn write_csv_ca(
    events: impl Iterator<Item = GenEvent>,
    out: &mut impl Write,
) -> io::Result<()> {
    let mut buf = Vec::with_capacity(1 << 17);
    buf.extend_from_slice(CSV_HEADER_CA.as_bytes());
    buf.push(b'\n');
    for e in events {
        push_customer(&mut buf, e.customer);
        buf.push(b';');
        push_dmy(&mut buf, e.timestamp);
        for s in [
            e.stage_name_ca(),
            e.touchpoint_name_ca(),
            e.channel_name_ca(),
            e.persona_name_ca(),
        ] {
            buf.push(b';');
            push_field(&mut buf, s, b';');
        }
        buf.push(b';');
        push_opt(&mut buf, e.satisfaction);
        buf.push(b';');
        push_opt(&mut buf, e.nps);
        buf.push(b';');
        if let Some(c) = e.revenue_cents {
            push_money(&mut buf, c, b',');
        }
        buf.push(b';');
        if let Some(c) = e.comment {
            push_field(&mut buf, c.text_ca(), b';');
        }
        buf.push(b'\n');
        flush_if_full(&mut buf, out)?;
    }
    out.write_all(&buf)?;
    out.flush()
}

/// A Spanish or Polish CSV: the Catalan file's layout (`;`, decimal comma, day-first dates,
/// no journey, effort or region column) with `local`'s words.
pub fn write_csv_local(
    events: impl Iterator<Item = GenEvent>,
    local: &LocalCsv,
    out: &mut impl Write,
) -> io::Result<()> {
    let mut buf = Vec::with_capacity(1 << 17);
    buf.extend_from_slice(local.header.as_bytes());
    buf.push(b'\n');
    for e in events {
        push_customer(&mut buf, e.customer);
        buf.push(b';');
        push_dmy_with(&mut buf, e.timestamp, local.date_sep);
        for s in [
            local.stages[e.stage as usize],
            local.touchpoints[e.touchpoint as usize],
            local.channels[e.channel_index()],
            local.personas[e.persona as usize],
        ] {
            buf.push(b';');
            push_field(&mut buf, s, b';');
        }
        buf.push(b';');
        push_opt(&mut buf, e.satisfaction);
        buf.push(b';');
        push_opt(&mut buf, e.nps);
        buf.push(b';');
        if let Some(c) = e.revenue_cents {
            push_money(&mut buf, c, b',');
        }
        buf.push(b';');
        if let Some(c) = e.comment {
            push_field(&mut buf, (local.comment)(c), b';');
        }
        buf.push(b'\n');
        flush_if_full(&mut buf, out)?;
    }
    out.write_all(&buf)?;
    out.flush()
}

fn push_json_str(buf: &mut Vec<u8>, s: &str) {
    // serde_json's escaping cannot fail on a &str; fall back to an empty string regardless.
    let quoted = serde_json::to_string(s).unwrap_or_else(|_| "\"\"".to_string());
    buf.extend_from_slice(quoted.as_bytes());
}

/// The JSON feed: a `meta` block (stage order, conversion stage, KPI targets) and one
/// event object per line. Missing answers are left out rather than written as null,
/// the way most exporting systems do it.
pub fn write_json(events: impl Iterator<Item = GenEvent>, out: &mut impl Write) -> io::Result<()> {
    let mut buf = Vec::with_capacity(1 << 17);
    buf.extend_from_slice(b"{\"meta\": {\"name\": \"Demo feed\", \"stage_order\": [");
    for (i, s) in STAGES.iter().enumerate() {
        if i > 0 {
            buf.extend_from_slice(b", ");
        }
        push_json_str(&mut buf, s);
    }
    buf.extend_from_slice(
        b"], \"conversion_stage\": \"purchase\", \"targets\": {\"conversion_rate\": 30, \"nps\": 20, \"csat\": 80}},\n\"events\": [",
    );
    let mut first = true;
    for e in events {
        buf.extend_from_slice(if first { b"\n" } else { b",\n" });
        first = false;
        buf.extend_from_slice(b"{\"customer_id\": \"");
        push_customer(&mut buf, e.customer);
        buf.extend_from_slice(b"\", \"timestamp\": \"");
        push_iso(&mut buf, e.timestamp);
        buf.push(b'"');
        for (k, v) in [
            ("journey", e.journey_name()),
            ("stage", e.stage_name()),
            ("touchpoint", e.touchpoint_name()),
            ("channel", e.channel_name()),
            ("persona", e.persona_name()),
            ("region", e.region_name()),
        ] {
            buf.extend_from_slice(b", \"");
            buf.extend_from_slice(k.as_bytes());
            buf.extend_from_slice(b"\": ");
            push_json_str(&mut buf, v);
        }
        for (k, v) in [
            ("satisfaction", e.satisfaction),
            ("effort", e.effort),
            ("nps", e.nps),
        ] {
            if let Some(v) = v {
                buf.extend_from_slice(b", \"");
                buf.extend_from_slice(k.as_bytes());
                buf.extend_from_slice(b"\": ");
                push_num(&mut buf, v.into(), 1);
            }
        }
        if let Some(c) = e.revenue_cents {
            buf.extend_from_slice(b", \"revenue\": ");
            push_money(&mut buf, c, b'.');
        }
        if let Some(c) = e.comment {
            buf.extend_from_slice(b", \"comment\": ");
            push_json_str(&mut buf, c.text());
        }
        buf.push(b'}');
        flush_if_full(&mut buf, out)?;
    }
    buf.extend_from_slice(b"\n]}\n");
    out.write_all(&buf)?;
    out.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn iso(t: i64) -> String {
        let mut b = Vec::new();
        push_iso(&mut b, t);
        String::from_utf8(b).unwrap_or_default()
    }

    #[test]
    fn dates_match_known_calendar_days() {
        // Worked out by hand: 2025-01-01 is day 20089; 2024 is a leap year.
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(civil_from_days(20_089), (2025, 1, 1));
        assert_eq!(civil_from_days(19_782), (2024, 2, 29));
        assert_eq!(civil_from_days(20_453), (2025, 12, 31));
        assert_eq!(iso(1_735_899_300), "2025-01-03T10:15:00");
        let mut b = Vec::new();
        push_dmy(&mut b, 1_735_899_300);
        assert_eq!(b, b"03/01/2025");
    }

    #[test]
    fn fields_are_quoted_only_when_needed() {
        let q = |s: &str, d: u8| {
            let mut b = Vec::new();
            push_field(&mut b, s, d);
            String::from_utf8(b).unwrap_or_default()
        };
        assert_eq!(q("Fine", b','), "Fine");
        assert_eq!(
            q("Slow delivery, \"again\"", b','),
            "\"Slow delivery, \"\"again\"\"\""
        );
        assert_eq!(q("a,b", b';'), "a,b");
        assert_eq!(q("a;b", b';'), "\"a;b\"");
        assert_eq!(q(" padded", b','), "\" padded\"");
    }

    #[test]
    fn money_keeps_two_decimals() {
        let mut b = Vec::new();
        push_money(&mut b, 2_005, b'.');
        b.push(b' ');
        push_money(&mut b, 40_000, b',');
        b.push(b' ');
        push_money(&mut b, 7, b'.');
        assert_eq!(b, b"20.05 400,00 0.07");
    }
}

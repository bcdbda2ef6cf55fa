//! A compact binary form for handing a parsed part of a file from a Web Worker to the
//! page: columns go as raw little-endian arrays (a million rows copy in milliseconds,
//! where JSON would take seconds), text as length-prefixed UTF-8.
//!
//! The bytes come from our own worker, but they cross a boundary the page does not
//! control, so the reader checks every length and fails with an error instead of panicking.

use super::notes::RowProblem;
use crate::dataset::{Dataset, DimColumn, Role, Scale, TextColumn, DICT_STRETCH, MISSING};
use std::future::Future;

/// Appends values to a byte buffer.
#[derive(Debug, Default)]
pub struct Writer {
    pub buf: Vec<u8>,
}

impl Writer {
    pub fn u8(&mut self, v: u8) {
        self.buf.push(v);
    }
    pub fn u64(&mut self, v: u64) {
        self.buf.extend_from_slice(&v.to_le_bytes());
    }
    pub fn usize(&mut self, v: usize) {
        self.u64(v as u64);
    }
    pub fn i64(&mut self, v: i64) {
        self.buf.extend_from_slice(&v.to_le_bytes());
    }
    pub fn f64(&mut self, v: f64) {
        self.buf.extend_from_slice(&v.to_le_bytes());
    }
    pub fn bool(&mut self, v: bool) {
        self.u8(v as u8);
    }
    pub fn str(&mut self, s: &str) {
        self.usize(s.len());
        self.buf.extend_from_slice(s.as_bytes());
    }
    pub fn strs(&mut self, v: &[String]) {
        self.usize(v.len());
        for s in v {
            self.str(s);
        }
    }
    pub fn u32s(&mut self, v: &[u32]) {
        self.usize(v.len());
        self.buf.reserve(v.len() * 4);
        for x in v {
            self.buf.extend_from_slice(&x.to_le_bytes());
        }
    }
    pub fn i64s(&mut self, v: &[i64]) {
        self.usize(v.len());
        self.buf.reserve(v.len() * 8);
        for x in v {
            self.buf.extend_from_slice(&x.to_le_bytes());
        }
    }
    pub fn f64s(&mut self, v: &[f64]) {
        self.usize(v.len());
        self.buf.reserve(v.len() * 8);
        for x in v {
            self.buf.extend_from_slice(&x.to_le_bytes());
        }
    }
}

/// Why bytes could not be read back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WireError;

pub type Wire<T> = Result<T, WireError>;

/// Reads values back in the order they were written.
#[derive(Debug)]
pub struct Reader<'a> {
    data: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    pub fn new(data: &'a [u8]) -> Reader<'a> {
        Reader { data, at: 0 }
    }
    fn take(&mut self, n: usize) -> Wire<&'a [u8]> {
        let end = self.at.checked_add(n).ok_or(WireError)?;
        let s = self.data.get(self.at..end).ok_or(WireError)?;
        self.at = end;
        Ok(s)
    }
    fn arr<const N: usize>(&mut self) -> Wire<[u8; N]> {
        let mut a = [0u8; N];
        a.copy_from_slice(self.take(N)?);
        Ok(a)
    }
    pub fn u8(&mut self) -> Wire<u8> {
        Ok(self.take(1)?[0])
    }
    pub fn u64(&mut self) -> Wire<u64> {
        Ok(u64::from_le_bytes(self.arr()?))
    }
    pub fn usize(&mut self) -> Wire<usize> {
        usize::try_from(self.u64()?).map_err(|_| WireError)
    }
    pub fn i64(&mut self) -> Wire<i64> {
        Ok(i64::from_le_bytes(self.arr()?))
    }
    pub fn f64(&mut self) -> Wire<f64> {
        Ok(f64::from_le_bytes(self.arr()?))
    }
    pub fn bool(&mut self) -> Wire<bool> {
        Ok(self.u8()? != 0)
    }
    pub fn str(&mut self) -> Wire<String> {
        let n = self.usize()?;
        let b = self.take(n)?;
        String::from_utf8(b.to_vec()).map_err(|_| WireError)
    }
    /// A count of items each at least `min` bytes long, checked against what is left so a
    /// forged count cannot make the reader reserve gigabytes.
    fn count(&mut self, min: usize) -> Wire<usize> {
        let n = self.usize()?;
        if n.saturating_mul(min.max(1)) > self.data.len() - self.at {
            return Err(WireError);
        }
        Ok(n)
    }
    pub fn strs(&mut self) -> Wire<Vec<String>> {
        let n = self.count(8)?;
        (0..n).map(|_| self.str()).collect()
    }
    pub fn u32s(&mut self) -> Wire<Vec<u32>> {
        let n = self.count(4)?;
        Ok(self
            .take(n * 4)?
            .chunks_exact(4)
            .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]))
            .collect())
    }
    pub fn i64s(&mut self) -> Wire<Vec<i64>> {
        let n = self.count(8)?;
        Ok(self
            .take(n * 8)?
            .chunks_exact(8)
            .map(|c| {
                let mut a = [0u8; 8];
                a.copy_from_slice(c);
                i64::from_le_bytes(a)
            })
            .collect())
    }
    pub fn f64s(&mut self) -> Wire<Vec<f64>> {
        let n = self.count(8)?;
        Ok(self
            .take(n * 8)?
            .chunks_exact(8)
            .map(|c| {
                let mut a = [0u8; 8];
                a.copy_from_slice(c);
                f64::from_le_bytes(a)
            })
            .collect())
    }
    /// Whether every byte has been read (trailing bytes mean the two sides disagree).
    pub fn done(&self) -> bool {
        self.at == self.data.len()
    }
}

/// Writes a dataset's columns (not its meta or scales, which both sides already have).
pub fn put_dataset(w: &mut Writer, d: &Dataset) {
    put_dim(w, &d.customer);
    put_opt(w, d.timestamp.as_deref(), Writer::i64s);
    for c in [&d.journey, &d.stage, &d.touchpoint, &d.channel, &d.persona] {
        put_opt(w, c.as_ref(), put_dim);
    }
    for c in [&d.satisfaction, &d.effort, &d.nps, &d.revenue] {
        put_opt(w, c.as_deref(), Writer::f64s);
    }
    put_opt(w, d.comment.as_ref(), |w, c| {
        let (buf, ends) = c.raw();
        w.str(&c.name);
        w.str(buf);
        w.u32s(ends);
    });
    w.usize(d.extras.len());
    for c in &d.extras {
        put_dim(w, c);
    }
}

/// Reads what [`put_dataset`] wrote, with `pause().await` after each column (a million
/// events' column is a few milliseconds to check and copy); every column must have one
/// entry per event.
pub async fn get_dataset_paused<F: Future<Output = ()>>(
    r: &mut Reader<'_>,
    pause: &mut impl FnMut() -> F,
) -> Wire<Dataset> {
    let customer = get_dim(r, pause).await?;
    pause().await;
    let timestamp = get_opt(r, Reader::i64s)?;
    pause().await;
    let mut dims = Vec::with_capacity(5);
    for _ in 0..5 {
        dims.push(if r.bool()? {
            Some(get_dim(r, pause).await?)
        } else {
            None
        });
        pause().await;
    }
    let mut nums = Vec::with_capacity(4);
    for _ in 0..4 {
        nums.push(get_opt(r, Reader::f64s)?);
        pause().await;
    }
    let comment = get_opt(r, |r| {
        let (name, buf, ends) = (r.str()?, r.str()?, r.u32s()?);
        TextColumn::from_raw(name, buf, ends).ok_or(WireError)
    })?;
    let n = r.count(8)?;
    let mut extras = Vec::with_capacity(n);
    for _ in 0..n {
        extras.push(get_dim(r, pause).await?);
        pause().await;
    }
    let mut dims = dims.into_iter();
    let mut nums = nums.into_iter();
    let mut next_dim = || dims.next().flatten();
    let mut next_num = || nums.next().flatten();
    let d = Dataset {
        customer,
        timestamp,
        journey: next_dim(),
        stage: next_dim(),
        touchpoint: next_dim(),
        channel: next_dim(),
        persona: next_dim(),
        satisfaction: next_num(),
        effort: next_num(),
        nps: next_num(),
        revenue: next_num(),
        comment,
        extras,
        ..Dataset::default()
    };
    let len = d.len();
    let dims_ok = [&d.journey, &d.stage, &d.touchpoint, &d.channel, &d.persona]
        .into_iter()
        .flatten()
        .chain(&d.extras)
        .all(|c| c.codes.len() == len);
    let nums_ok = [&d.satisfaction, &d.effort, &d.nps, &d.revenue]
        .into_iter()
        .flatten()
        .all(|c| c.len() == len);
    let rest_ok = d.timestamp.as_ref().is_none_or(|t| t.len() == len)
        && d.comment.as_ref().is_none_or(|c| c.len() == len);
    if dims_ok && nums_ok && rest_ok {
        Ok(d)
    } else {
        Err(WireError)
    }
}

fn put_opt<T: ?Sized>(w: &mut Writer, v: Option<&T>, put: impl FnOnce(&mut Writer, &T)) {
    match v {
        None => w.bool(false),
        Some(v) => {
            w.bool(true);
            put(w, v);
        }
    }
}

fn get_opt<'a, T>(
    r: &mut Reader<'a>,
    get: impl FnOnce(&mut Reader<'a>) -> Wire<T>,
) -> Wire<Option<T>> {
    if r.bool()? {
        get(r).map(Some)
    } else {
        Ok(None)
    }
}

fn put_dim(w: &mut Writer, c: &DimColumn) {
    w.str(&c.name);
    w.strs(&c.values);
    w.u32s(&c.codes);
}

/// A dictionary column, with `pause().await` after every [`DICT_STRETCH`] values (a
/// part's customers are a hundred thousand strings to allocate); codes outside the
/// dictionary are refused.
async fn get_dim<F: Future<Output = ()>>(
    r: &mut Reader<'_>,
    pause: &mut impl FnMut() -> F,
) -> Wire<DimColumn> {
    let mut c = DimColumn::new(r.str()?);
    let n = r.count(8)?;
    c.values.reserve(n);
    for from in (0..n).step_by(DICT_STRETCH) {
        for _ in from..n.min(from + DICT_STRETCH) {
            c.values.push(r.str()?);
        }
        pause().await;
    }
    c.codes = r.u32s()?;
    let n = c.values.len() as u32;
    if c.codes.iter().all(|&k| k == MISSING || k < n) {
        Ok(c)
    } else {
        Err(WireError)
    }
}

/// Writes a refused cell's problem field by field. (Its JSON form needed serde's
/// deserialiser for internally tagged enums in the app, 35 KB of code in one function.)
pub fn put_problem(w: &mut Writer, problem: &RowProblem) {
    use RowProblem as P;
    let role =
        |w: &mut Writer, r: Role| w.u8(Role::ALL.iter().position(|&x| x == r).unwrap_or(0) as u8);
    match problem {
        P::CustomerMissing => w.u8(0),
        P::NestedText => w.u8(1),
        P::NestedDate => w.u8(2),
        P::NestedNumber { field } => {
            w.u8(3);
            role(w, *field);
        }
        P::DateOutOfRange {
            value,
            min_year,
            max_year,
        } => {
            w.u8(4);
            w.str(value);
            w.i64(i64::from(*min_year));
            w.i64(i64::from(*max_year));
        }
        P::DateUnrecognised { value } => {
            w.u8(5);
            w.str(value);
        }
        P::NotANumber { field, value } => {
            w.u8(6);
            role(w, *field);
            w.str(value);
        }
        P::OutOfScale {
            field,
            value,
            scale,
        } => {
            w.u8(7);
            role(w, *field);
            w.f64s(&[*value, scale.min, scale.max]);
        }
        P::WrongWidth { values, columns } => {
            w.u8(8);
            w.u64(*values);
            w.u64(*columns);
        }
        P::UnclosedQuote {
            values,
            columns,
            from,
            to,
        } => {
            w.u8(9);
            for v in [values, columns, from, to] {
                w.u64(*v);
            }
        }
        P::NulBytes => w.u8(10),
        P::NotAnObject => w.u8(11),
        P::InvalidJsonLine { detail } => {
            w.u8(12);
            w.str(detail);
        }
        P::NoMilestoneDate => w.u8(13),
    }
}

/// Reads what [`put_problem`] wrote; an unknown kind or role is an error.
pub fn get_problem(r: &mut Reader<'_>) -> Wire<RowProblem> {
    use RowProblem as P;
    let role = |r: &mut Reader<'_>| {
        Role::ALL
            .get(usize::from(r.u8()?))
            .copied()
            .ok_or(WireError)
    };
    let year = |r: &mut Reader<'_>| i32::try_from(r.i64()?).map_err(|_| WireError);
    Ok(match r.u8()? {
        0 => P::CustomerMissing,
        1 => P::NestedText,
        2 => P::NestedDate,
        3 => P::NestedNumber { field: role(r)? },
        4 => P::DateOutOfRange {
            value: r.str()?,
            min_year: year(r)?,
            max_year: year(r)?,
        },
        5 => P::DateUnrecognised { value: r.str()? },
        6 => P::NotANumber {
            field: role(r)?,
            value: r.str()?,
        },
        7 => {
            let field = role(r)?;
            let &[value, min, max] = &r.f64s()?[..] else {
                return Err(WireError);
            };
            P::OutOfScale {
                field,
                value,
                scale: Scale::new(min, max),
            }
        }
        8 => P::WrongWidth {
            values: r.u64()?,
            columns: r.u64()?,
        },
        9 => P::UnclosedQuote {
            values: r.u64()?,
            columns: r.u64()?,
            from: r.u64()?,
            to: r.u64()?,
        },
        10 => P::NulBytes,
        11 => P::NotAnObject,
        12 => P::InvalidJsonLine { detail: r.str()? },
        13 => P::NoMilestoneDate,
        _ => return Err(WireError),
    })
}

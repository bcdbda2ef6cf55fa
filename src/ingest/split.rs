//! Cuts CSV records straight out of the input bytes, without copying them.
//!
//! Loading a million rows is dominated by per-cell work, and the `csv` crate copies every
//! field into a record buffer. Almost every record of a real export is one plain line
//! (no quotes), so the fast path just notes where the separators are and hands out slices
//! of the input. A record that opens a quoted field is re-read by a small state machine
//! that follows csv-core's reading rules exactly (double-quote escapes, `\r`, `\n` and
//! `\r\n` all end a record, blank lines are skipped, a quote inside an unquoted field is
//! literal), so both paths produce the fields the `csv` crate would. Tests compare them on
//! random input.
//!
//! Records cut at the end of a chunk are reported as unfinished and resumed, not
//! rescanned, when the next chunk arrives, so a long record costs linear time.

/// One record located in the input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Found {
    /// Line ends skipped before the record's first byte (blank lines, the LF of a CRLF).
    pub newlines_before: u64,
    /// Line feeds inside the record, its terminator included.
    pub newlines_in: u64,
    /// The record's first byte.
    pub start: usize,
    /// Where the next record may start.
    pub next: usize,
    /// Whether the fields were unquoted into the splitter's own buffer.
    copied: bool,
}

/// What [`Splitter::next`] found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    Record(Found),
    /// The input ends inside a record: keep `input[skip..]` and call again with more bytes
    /// appended (and `pos` pointing at the same record). `newlines` were skipped before it.
    NeedMore {
        skip: usize,
        newlines: u64,
    },
    /// Nothing but line ends remain and the input is complete.
    End,
}

/// State of the quote-aware reader.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Scan {
    StartField,
    InField,
    InQuoted,
    /// Just after a quote inside a quoted field: a second quote is an escaped quote.
    ClosingQuote,
}

/// Where an unfinished record stopped, relative to its first byte.
#[derive(Debug, Clone, Copy)]
enum Resume {
    /// Plain scan stopped at `at`; the current field starts at `field`.
    Plain { at: usize, field: usize },
    /// Quote-aware scan stopped at `at`; the current field starts at `field` in `buf`.
    Quoted {
        at: usize,
        field: usize,
        state: Scan,
        newlines: u64,
    },
}

/// Splits records on one separator byte, reusing its buffers from record to record.
#[derive(Debug, Clone)]
pub struct Splitter {
    delim: u8,
    /// Unquoted field bytes of the current record when it needed the slow path.
    buf: Vec<u8>,
    /// Field start and end: into the input (plain records, relative to the record start)
    /// or into `buf`.
    bounds: Vec<(usize, usize)>,
    resume: Option<Resume>,
}

/// The fields of one record.
#[derive(Debug, Clone, Copy)]
pub struct Record<'r> {
    data: &'r [u8],
    bounds: &'r [(usize, usize)],
}

impl<'r> Record<'r> {
    /// A record over `data` with the given field bounds.
    pub fn new(data: &'r [u8], bounds: &'r [(usize, usize)]) -> Record<'r> {
        Record { data, bounds }
    }
    pub fn len(&self) -> usize {
        self.bounds.len()
    }
    pub fn is_empty(&self) -> bool {
        self.bounds.is_empty()
    }
    pub fn get(&self, i: usize) -> Option<&'r [u8]> {
        let &(s, e) = self.bounds.get(i)?;
        self.data.get(s..e)
    }
    /// All the field bytes as text when they are valid UTF-8, checked in one go rather
    /// than cell by cell; fields are then cut out with [`Record::get_str`].
    pub fn text(&self) -> Option<&'r str> {
        let end = self.bounds.last().map_or(0, |b| b.1);
        std::str::from_utf8(self.data.get(..end)?).ok()
    }
    /// Field `i` of `text` (what [`Record::text`] returned).
    pub fn get_str(&self, text: &'r str, i: usize) -> Option<&'r str> {
        let &(s, e) = self.bounds.get(i)?;
        text.get(s..e)
    }
    pub fn iter(&self) -> impl Iterator<Item = &'r [u8]> + '_ {
        let data = self.data;
        self.bounds
            .iter()
            .map(move |&(s, e)| data.get(s..e).unwrap_or(b""))
    }
}

fn is_term(b: u8) -> bool {
    b == b'\n' || b == b'\r'
}

impl Splitter {
    pub fn new(delim: u8) -> Splitter {
        Splitter {
            delim,
            buf: Vec::new(),
            bounds: Vec::new(),
            resume: None,
        }
    }

    /// The one driver loop over [`Splitter::next`]: hands every complete record of `input`
    /// to `each` with the line its first byte is on, keeps `line` counting across calls, and
    /// returns how many bytes were used; the rest (an unfinished record) must be fed again
    /// with the bytes that follow (all of it is used when `eof`).
    pub fn records(
        &mut self,
        input: &[u8],
        eof: bool,
        line: &mut u64,
        mut each: impl FnMut(&Found, Record<'_>, u64),
    ) -> usize {
        let mut pos = 0;
        loop {
            match self.next(input, pos, eof) {
                Step::Record(found) => {
                    *line += found.newlines_before;
                    let at = *line;
                    *line += found.newlines_in;
                    pos = found.next;
                    each(&found, self.record(input, &found), at);
                }
                Step::NeedMore { skip, newlines } => {
                    *line += newlines;
                    return skip;
                }
                Step::End => return input.len(),
            }
        }
    }

    /// Finds the record at or after `pos`. `eof` says no more input will follow, so a
    /// record without a line end is complete.
    pub fn next(&mut self, input: &[u8], pos: usize, eof: bool) -> Step {
        let mut i = pos;
        let mut newlines_before = 0u64;
        if self.resume.is_none() {
            while i < input.len() && is_term(input[i]) {
                newlines_before += (input[i] == b'\n') as u64;
                i += 1;
            }
            if i == input.len() {
                return if eof {
                    Step::End
                } else {
                    Step::NeedMore {
                        skip: i,
                        newlines: newlines_before,
                    }
                };
            }
            self.bounds.clear();
        }
        let start = i;
        let found = match self.resume.take() {
            None => self.plain(input, start, 0, 0, eof),
            Some(Resume::Plain { at, field }) => self.plain(input, start, at, field, eof),
            Some(Resume::Quoted {
                at,
                field,
                state,
                newlines,
            }) => self.quoted(input, start, at, field, state, newlines, eof),
        };
        match found {
            Some(mut f) => {
                f.newlines_before = newlines_before;
                Step::Record(f)
            }
            None => Step::NeedMore {
                skip: start,
                newlines: newlines_before,
            },
        }
    }

    /// The fields of a record [`Splitter::next`] just found in `input`.
    pub fn record<'r>(&'r self, input: &'r [u8], found: &Found) -> Record<'r> {
        if found.copied {
            Record::new(&self.buf, &self.bounds)
        } else {
            Record::new(input.get(found.start..).unwrap_or(b""), &self.bounds)
        }
    }

    /// The common case: no field opens with a quote. Bounds are relative to `start`.
    fn plain(
        &mut self,
        input: &[u8],
        start: usize,
        mut at: usize,
        mut field: usize,
        eof: bool,
    ) -> Option<Found> {
        let rec = &input[start..];
        let d = self.delim;
        let splat = |b: u8| u64::from_le_bytes([b; 8]);
        let (wd, wq, wn, wr) = (splat(d), splat(b'"'), splat(b'\n'), splat(b'\r'));
        while at < rec.len() {
            // Skip eight ordinary bytes at a time: `zero` flags the first byte equal to one of
            // the four special ones (later flags may be spurious, the first never is).
            if let Some(word) = rec.get(at..at + 8) {
                let mut a = [0u8; 8];
                a.copy_from_slice(word);
                let w = u64::from_le_bytes(a);
                let zero = |x: u64| x.wrapping_sub(splat(1)) & !x & splat(0x80);
                let hits = zero(w ^ wd) | zero(w ^ wq) | zero(w ^ wn) | zero(w ^ wr);
                if hits == 0 {
                    at += 8;
                    continue;
                }
                at += (hits.trailing_zeros() / 8) as usize;
            }
            let b = rec[at];
            if b == d {
                self.bounds.push((field, at));
                at += 1;
                field = at;
            } else if is_term(b) {
                self.bounds.push((field, at));
                let mut next = at + 1;
                let mut newlines = (b == b'\n') as u64;
                if b == b'\r' && rec.get(next) == Some(&b'\n') {
                    next += 1;
                    newlines += 1;
                }
                return Some(Found {
                    newlines_before: 0,
                    start,
                    newlines_in: newlines,
                    next: start + next,
                    copied: false,
                });
            } else if b == b'"' && at == field {
                // A quoted field: re-read the whole record with the quote rules.
                self.bounds.clear();
                return self.quoted(input, start, 0, 0, Scan::StartField, 0, eof);
            } else {
                at += 1;
            }
        }
        if !eof {
            self.resume = Some(Resume::Plain { at, field });
            return None;
        }
        self.bounds.push((field, rec.len()));
        Some(Found {
            newlines_before: 0,
            start,
            newlines_in: 0,
            next: input.len(),
            copied: false,
        })
    }

    /// csv-core's reading rules for a record that has quoted fields; unquoted field bytes
    /// go to `buf`.
    #[allow(clippy::too_many_arguments)]
    fn quoted(
        &mut self,
        input: &[u8],
        start: usize,
        mut at: usize,
        mut field: usize,
        mut state: Scan,
        mut newlines: u64,
        eof: bool,
    ) -> Option<Found> {
        if at == 0 {
            self.buf.clear();
            self.bounds.clear();
        }
        let rec = &input[start..];
        let d = self.delim;
        while at < rec.len() {
            let b = rec[at];
            match state {
                Scan::StartField | Scan::InField | Scan::ClosingQuote => {
                    if state == Scan::StartField && b == b'"' {
                        state = Scan::InQuoted;
                    } else if state == Scan::ClosingQuote && b == b'"' {
                        self.buf.push(b'"');
                        state = Scan::InQuoted;
                    } else if b == d {
                        self.bounds.push((field, self.buf.len()));
                        field = self.buf.len();
                        state = Scan::StartField;
                    } else if is_term(b) {
                        self.bounds.push((field, self.buf.len()));
                        let mut next = at + 1;
                        newlines += (b == b'\n') as u64;
                        if b == b'\r' && rec.get(next) == Some(&b'\n') {
                            next += 1;
                            newlines += 1;
                        }
                        return Some(Found {
                            newlines_before: 0,
                            start,
                            newlines_in: newlines,
                            next: start + next,
                            copied: true,
                        });
                    } else {
                        self.buf.push(b);
                        state = Scan::InField;
                    }
                }
                Scan::InQuoted => {
                    if b == b'"' {
                        state = Scan::ClosingQuote;
                    } else {
                        newlines += (b == b'\n') as u64;
                        self.buf.push(b);
                    }
                }
            }
            at += 1;
        }
        if !eof {
            self.resume = Some(Resume::Quoted {
                at,
                field,
                state,
                newlines,
            });
            return None;
        }
        self.bounds.push((field, self.buf.len()));
        Some(Found {
            newlines_before: 0,
            start,
            newlines_in: newlines,
            next: input.len(),
            copied: true,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every record of `input` as the splitter reads it, fed in pieces of `chunk` bytes
    /// the way the loader does (unfinished tails kept and extended).
    fn split_all(input: &[u8], delim: u8, chunk: usize) -> Vec<(u64, Vec<Vec<u8>>)> {
        let mut s = Splitter::new(delim);
        let mut out = Vec::new();
        let mut pending: Vec<u8> = Vec::new();
        let mut line = 1u64;
        let pieces: Vec<&[u8]> = input.chunks(chunk.max(1)).collect();
        let n = pieces.len();
        for (k, piece) in pieces
            .into_iter()
            .chain(std::iter::once(&b""[..]))
            .enumerate()
        {
            let eof = k == n;
            pending.extend_from_slice(piece);
            let mut pos = 0;
            loop {
                match s.next(&pending, pos, eof) {
                    Step::Record(f) => {
                        line += f.newlines_before;
                        let at = line;
                        line += f.newlines_in;
                        let rec = s.record(&pending, &f);
                        out.push((at, rec.iter().map(<[u8]>::to_vec).collect()));
                        pos = f.next;
                    }
                    Step::NeedMore { skip, newlines } => {
                        line += newlines;
                        pos = skip;
                        break;
                    }
                    Step::End => {
                        pos = pending.len();
                        break;
                    }
                }
            }
            pending.drain(..pos);
        }
        out
    }

    #[test]
    fn plain_and_quoted_records() {
        let got = split_all(b"a,b\n\"x,\"\"y\"\"\",z\r\n\n,\n", b',', 100);
        assert_eq!(
            got,
            vec![
                (1, vec![b"a".to_vec(), b"b".to_vec()]),
                (2, vec![b"x,\"y\"".to_vec(), b"z".to_vec()]),
                (4, vec![b"".to_vec(), b"".to_vec()]),
            ]
        );
    }
}

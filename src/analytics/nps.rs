//! Net Promoter Score: the headline, its uncertainty, its trend and who drives it.

use serde::{Deserialize, Serialize};

/// NPS figures for one group of responses.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NpsSummary {
    pub responses: u64,
    pub promoters: u64,
    pub passives: u64,
    pub detractors: u64,
    /// Shares in % of responses.
    pub promoter_pct: Option<f64>,
    pub passive_pct: Option<f64>,
    pub detractor_pct: Option<f64>,
    /// −100…100.
    pub nps: Option<f64>,
    /// 95 % margin of error, in NPS points.
    pub margin: Option<f64>,
}

/// NPS of one period.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NpsPoint {
    pub period: String,
    pub summary: NpsSummary,
}

/// NPS of one segment compared with all other responses.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NpsSegment {
    pub value: String,
    pub summary: NpsSummary,
    /// Two-sample z of this segment against the rest.
    pub z: Option<f64>,
    /// Two-sided p-value of `z`.
    pub p_value: Option<f64>,
    /// p < 0.05.
    pub significant: bool,
    /// Fewer than 30 responses.
    pub low_sample: bool,
}

/// NPS split by one dimension (each response's own value).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NpsBreakdown {
    pub dimension: DimKey,
    /// The extra column's header (`None` for a role, which each language names itself).
    #[serde(default)]
    pub header: Option<String>,
    pub unavailable: Option<Needs>,
    /// Most responses first.
    pub segments: Vec<NpsSegment>,
}

/// Which group a comment belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CommentCategory {
    Promoter,
    Passive,
    Detractor,
    /// A comment on a row without an NPS answer.
    NoScore,
}

/// One verbatim comment.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Comment {
    pub customer: String,
    pub text: String,
    pub nps: Option<f64>,
}

/// Comments of one category; `comments` is bounded, `total` is not.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CommentGroup {
    pub category: CommentCategory,
    pub total: u64,
    pub comments: Vec<Comment>,
}

/// Everything the NPS page shows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NpsView {
    /// "nps" when the file has no NPS column.
    pub unavailable: Option<Needs>,
    pub latest_only: bool,
    pub summary: NpsSummary,
    /// Responses per answer 0…10 (11 counts).
    pub distribution: Vec<u64>,
    pub trend: Vec<NpsPoint>,
    pub breakdown: Option<NpsBreakdown>,
    /// "comment" when the file has no comment column.
    pub comments_unavailable: Option<Needs>,
    /// Promoter, passive, detractor, no score — always in that order.
    pub comments: Vec<CommentGroup>,
}

use super::filter::MISSING_LABEL;
use super::period::PeriodIndex;
use super::settings::Settings;
use super::stats::{pct, two_sided_p, Z95};
use crate::dataset::{Dataset, DimColumn, TextColumn, MISSING};
use crate::dataset::{DimKey, Role};
use crate::message::{Need, Needs};

/// Segments below this many responses are flagged as a low sample.
pub const LOW_SAMPLE: u64 = 30;

/// Promoter / passive / detractor counts.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub(crate) struct Counts {
    pub p: u64,
    pub pas: u64,
    pub d: u64,
}

impl Counts {
    /// Branch-free: the class of each answer is unpredictable.
    #[inline]
    pub(crate) fn add(&mut self, v: f64) {
        let promoter = v >= 9.0;
        let passive = !promoter & (v >= 7.0);
        self.p += promoter as u64;
        self.pas += passive as u64;
        self.d += (!promoter & !passive) as u64;
    }
    fn n(&self) -> u64 {
        self.p + self.pas + self.d
    }
    fn minus(&self, o: &Counts) -> Counts {
        Counts {
            p: self.p - o.p,
            pas: self.pas - o.pas,
            d: self.d - o.d,
        }
    }
    pub fn nps(&self) -> Option<f64> {
        pct(self.p as f64 - self.d as f64, self.n() as f64)
    }
    pub(crate) fn se(&self) -> Option<f64> {
        let n = self.n() as f64;
        if n == 0.0 {
            return None;
        }
        let (p, d) = (self.p as f64 / n, self.d as f64 / n);
        let var = (p + d - (p - d) * (p - d)).max(0.0);
        Some(100.0 * (var / n).sqrt())
    }
    pub fn summary(&self) -> NpsSummary {
        let n = self.n() as f64;
        NpsSummary {
            responses: self.n(),
            promoters: self.p,
            passives: self.pas,
            detractors: self.d,
            promoter_pct: pct(self.p as f64, n),
            passive_pct: pct(self.pas as f64, n),
            detractor_pct: pct(self.d as f64, n),
            nps: self.nps(),
            margin: self.se().map(|se| Z95 * se),
        }
    }
}

/// A usable NPS answer of event `i` (inside the 0–10 scale).
pub(crate) fn answer(ds: &Dataset, i: usize) -> Option<f64> {
    let v = *ds.nps.as_ref()?.get(i)?;
    (!v.is_nan() && ds.scales.nps.contains(v)).then_some(v)
}

/// The NPS responses among the selected events, in customer then time order.
pub(crate) fn responses(ds: &Dataset, sel: &[u32], latest_only: bool) -> Vec<u32> {
    let mut out: Vec<u32> = Vec::new();
    let cust = &ds.customer.codes;
    for &e in sel {
        if answer(ds, e as usize).is_none() {
            continue;
        }
        if latest_only {
            if let Some(last) = out.last_mut() {
                if cust[*last as usize] == cust[e as usize] {
                    *last = e; // sorted by time: the later answer replaces the earlier one
                    continue;
                }
            }
        }
        out.push(e);
    }
    out
}

/// The view before any answer is counted (also the summary feed's starting point).
pub(crate) fn empty_view(settings: &Settings, missing: Option<Needs>) -> NpsView {
    NpsView {
        unavailable: missing,
        latest_only: settings.nps_latest_only,
        summary: Counts::default().summary(),
        distribution: vec![0; 11],
        trend: Vec::new(),
        breakdown: None,
        comments_unavailable: None,
        comments: Vec::new(),
    }
}

/// NPS answers counted overall, on the 0–10 bar chart, per period and per breakdown group
/// (the last group is "(missing)").
struct NpsAcc<'a> {
    total: Counts,
    distribution: Vec<u64>,
    periods: Option<(&'a PeriodIndex, &'a [i64])>,
    trend: Vec<Counts>,
    groups: Option<&'a [u32]>,
    segs: Vec<Counts>,
}

impl<'a> NpsAcc<'a> {
    fn new(
        ds: &'a Dataset,
        periods: Option<&'a PeriodIndex>,
        bcol: Option<&'a DimColumn>,
    ) -> NpsAcc<'a> {
        let times = ds.timestamp.as_deref().filter(|_| periods.is_some());
        NpsAcc {
            total: Counts::default(),
            distribution: vec![0; 11],
            periods: periods.zip(times),
            trend: vec![Counts::default(); periods.map_or(0, |p| p.len)],
            groups: bcol.map(|c| &c.codes[..]),
            segs: vec![Counts::default(); bcol.map_or(0, |c| c.values.len() + 1)],
        }
    }

    /// Counts answer `v` of event `i`.
    fn add(&mut self, i: usize, v: f64) {
        self.total.add(v);
        self.distribution[(v.round() as usize).min(10)] += 1;
        if let Some((p, ts)) = self.periods {
            if let Some(s) = p.slot(ts[i]) {
                self.trend[s].add(v);
            }
        }
        if let Some(codes) = self.groups {
            let nb = self.segs.len();
            let c = codes[i];
            self.segs[if c == MISSING { nb - 1 } else { c as usize }].add(v);
        }
    }

    /// One point per period with answers.
    fn trend_points(&self) -> Vec<NpsPoint> {
        let Some((p, _)) = self.periods else {
            return Vec::new();
        };
        self.trend
            .iter()
            .enumerate()
            .filter(|(_, c)| c.n() > 0)
            .map(|(s, c)| NpsPoint {
                period: p.label(s),
                summary: c.summary(),
            })
            .collect()
    }

    /// Each group with answers, tested against all the other answers, most answers first.
    fn segments(&self, col: &DimColumn) -> Vec<NpsSegment> {
        let mut segments: Vec<NpsSegment> = self
            .segs
            .iter()
            .enumerate()
            .filter(|(_, c)| c.n() > 0)
            .map(|(g, c)| {
                let z = z_test(c, &self.total.minus(c));
                let p_value = z.map(two_sided_p);
                NpsSegment {
                    value: col
                        .values
                        .get(g)
                        .cloned()
                        .unwrap_or_else(|| MISSING_LABEL.to_string()),
                    summary: c.summary(),
                    z,
                    p_value,
                    significant: p_value.is_some_and(|p| p < 0.05),
                    low_sample: c.n() < LOW_SAMPLE,
                }
            })
            .collect();
        crate::order::sort_by_key(&mut segments, |s| std::cmp::Reverse(s.summary.responses));
        segments
    }
}

/// Feeds every selected answer to `acc` (or only each customer's latest with
/// `nps_latest_only`); with every answer counted, comments are gathered in the same pass.
fn count_answers(
    ds: &Dataset,
    settings: &Settings,
    sel: &[u32],
    acc: &mut NpsAcc,
    view: &mut NpsView,
) {
    if settings.nps_latest_only {
        for &e in &responses(ds, sel, true) {
            if let Some(v) = answer(ds, e as usize) {
                acc.add(e as usize, v);
            }
        }
    } else if let Some(col) = ds.nps.as_deref() {
        // Every answer counts: no need to collect the responses first.
        let scale = ds.scales.nps;
        let mut comment_acc = ds
            .comment
            .as_ref()
            .map(|c| CommentsAcc::new(c, settings.comments_limit));
        for &e in sel {
            let i = e as usize;
            let v = col[i];
            let a = (!v.is_nan() && scale.contains(v)).then_some(v);
            if let Some(v) = a {
                acc.add(i, v);
            }
            if let Some(c) = comment_acc.as_mut() {
                c.add(ds, i, a);
            }
        }
        if let Some(c) = comment_acc {
            view.comments_unavailable = None;
            view.comments = c.groups;
        }
    }
}

/// The NPS view for the selected events.
pub(crate) fn compute(
    ds: &Dataset,
    periods: Option<&PeriodIndex>,
    settings: &Settings,
    sel: &[u32],
) -> NpsView {
    let mut view = empty_view(settings, Needs::missing(&[(Role::Nps, ds.nps.is_some())]));
    // With every answer counted, comments are gathered in the same pass (below).
    let fused = ds.nps.is_some() && ds.comment.is_some() && !settings.nps_latest_only;
    if !fused {
        let (comments_unavailable, comments) = comments(ds, sel, settings.comments_limit);
        view.comments_unavailable = comments_unavailable;
        view.comments = comments;
    }
    if ds.nps.is_none() {
        return view;
    }
    let bcol = settings.breakdown.map(|k| (k, ds.dimension(k)));
    let mut acc = NpsAcc::new(ds, periods, bcol.and_then(|b| b.1));
    count_answers(ds, settings, sel, &mut acc, &mut view);
    view.summary = acc.total.summary();
    if periods.is_some() {
        view.trend = acc.trend_points();
    }
    view.breakdown = bcol.map(|(key, col)| NpsBreakdown {
        dimension: key,
        header: ds.extra_name(key).map(str::to_string),
        unavailable: col.is_none().then(|| Needs(vec![Need::Dimension(key)])),
        segments: col.map_or_else(Vec::new, |col| acc.segments(col)),
    });
    view.distribution = acc.distribution;
    view
}

/// z = (NPS₁ − NPS₂) / √(SE₁² + SE₂²); None when either side is empty or both have no spread.
pub(crate) fn z_test(a: &Counts, b: &Counts) -> Option<f64> {
    let (n1, n2) = (a.nps()?, b.nps()?);
    let (s1, s2) = (a.se()?, b.se()?);
    let den = (s1 * s1 + s2 * s2).sqrt();
    if den == 0.0 {
        return None;
    }
    let z = (n1 - n2) / den;
    z.is_finite().then_some(z)
}

/// Comment groups filled event by event, in selection order.
struct CommentsAcc<'a> {
    col: &'a TextColumn,
    limit: usize,
    groups: Vec<CommentGroup>,
}

impl<'a> CommentsAcc<'a> {
    fn new(col: &'a TextColumn, limit: usize) -> CommentsAcc<'a> {
        let cats = [
            CommentCategory::Promoter,
            CommentCategory::Passive,
            CommentCategory::Detractor,
            CommentCategory::NoScore,
        ];
        let groups = cats
            .iter()
            .map(|&category| CommentGroup {
                category,
                total: 0,
                comments: Vec::new(),
            })
            .collect();
        CommentsAcc { col, limit, groups }
    }

    /// Event `i`, whose usable NPS answer is `nps`.
    #[inline]
    fn add(&mut self, ds: &Dataset, i: usize, nps: Option<f64>) {
        let Some(text) = self.col.get(i) else { return };
        let g = match nps {
            Some(v) if v >= 9.0 => 0,
            Some(v) if v >= 7.0 => 1,
            Some(_) => 2,
            None => 3,
        };
        let grp = &mut self.groups[g];
        grp.total += 1;
        if grp.comments.len() < self.limit {
            grp.comments.push(Comment {
                customer: ds.customer.get(i).unwrap_or_default().to_string(),
                text: text.to_string(),
                nps,
            });
        }
    }
}

fn comments(ds: &Dataset, sel: &[u32], limit: usize) -> (Option<Needs>, Vec<CommentGroup>) {
    let Some(col) = ds.comment.as_ref() else {
        return (Some(Needs::column(Role::Comment)), Vec::new());
    };
    let mut acc = CommentsAcc::new(col, limit);
    for &e in sel {
        acc.add(ds, e as usize, answer(ds, e as usize));
    }
    (None, acc.groups)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_are_counted_overall_on_the_bars_and_per_group() {
        let mut col = DimColumn::new("region");
        for v in [Some("North"), Some("South"), None, Some("North")] {
            col.push(v);
        }
        let mut acc = NpsAcc {
            total: Counts::default(),
            distribution: vec![0; 11],
            periods: None,
            trend: Vec::new(),
            groups: Some(&col.codes),
            segs: vec![Counts::default(); 3],
        };
        for (i, v) in [10.0, 3.0, 8.0, 9.4].into_iter().enumerate() {
            acc.add(i, v);
        }
        // 10 and 9.4 promote, 8 is passive, 3 detracts.
        assert_eq!(acc.total, Counts { p: 2, pas: 1, d: 1 });
        assert_eq!(acc.distribution, [0, 0, 0, 1, 0, 0, 0, 0, 1, 1, 1]);
        assert_eq!(acc.segs[0], Counts { p: 2, pas: 0, d: 0 });
        assert_eq!(acc.segs[1], Counts { p: 0, pas: 0, d: 1 });
        assert_eq!(acc.segs[2], Counts { p: 0, pas: 1, d: 0 });
        // Most answers first: North (2), then South and (missing) in code order.
        let names: Vec<String> = acc.segments(&col).into_iter().map(|s| s.value).collect();
        assert_eq!(names, ["North", "South", MISSING_LABEL]);
        assert!(acc.trend_points().is_empty());
    }
}

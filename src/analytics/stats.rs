//! Small statistics helpers. Every function returns `None` rather than NaN or infinity
//! so no undefined number can leak into a chart or the JSON report.

// Published coefficients are kept digit for digit.
#![allow(clippy::excessive_precision)]

/// z for a two-sided 95 % interval.
pub const Z95: f64 = 1.96;

/// `a / b`, or None when `b` is zero or the result is not finite.
pub fn ratio(a: f64, b: f64) -> Option<f64> {
    if b == 0.0 {
        return None;
    }
    let r = a / b;
    r.is_finite().then_some(r)
}

/// `100 · a / b`.
pub fn pct(a: f64, b: f64) -> Option<f64> {
    ratio(a, b).map(|r| r * 100.0)
}

/// Relative change in %: (current / previous − 1) · 100.
pub fn delta_pct(current: Option<f64>, previous: Option<f64>) -> Option<f64> {
    let (c, p) = (current?, previous?);
    ratio(c, p).map(|r| (r - 1.0) * 100.0)
}

/// Wilson score interval (z = 1.96) of `x` successes out of `n`, on 0–100.
///
/// Wilson rather than the normal approximation because funnel steps often have few
/// customers or rates near 0 % / 100 %, where the normal interval leaves 0–100.
pub fn wilson(x: u64, n: u64) -> Option<(f64, f64)> {
    if n == 0 {
        return None;
    }
    let n = n as f64;
    let p = x as f64 / n;
    let z2 = Z95 * Z95;
    let denom = 1.0 + z2 / n;
    let centre = (p + z2 / (2.0 * n)) / denom;
    let half = Z95 / denom * (p * (1.0 - p) / n + z2 / (4.0 * n * n)).sqrt();
    Some((
        ((centre - half) * 100.0).max(0.0),
        ((centre + half) * 100.0).min(100.0),
    ))
}

/// 95 % interval of a Pearson correlation `r` over `n` pairs, by Fisher's z:
/// tanh(atanh r ± 1.96 / √(n − 3)).
///
/// The transform, because r's own sampling distribution is skewed near ±1 and a
/// symmetric interval would leave −1…1. None below 4 pairs (no standard error).
pub fn correlation_interval(r: f64, n: u64) -> Option<(f64, f64)> {
    if n < 4 || !r.is_finite() {
        return None;
    }
    let r = r.clamp(-1.0, 1.0);
    if r.abs() >= 1.0 {
        return Some((r, r));
    }
    // libm rather than std: the same bits natively and in wasm (see `erfc`).
    let z = libm::atanh(r);
    let half = Z95 / ((n - 3) as f64).sqrt();
    Some((libm::tanh(z - half), libm::tanh(z + half)))
}

/// Median of the values; reorders the slice in place.
///
/// A selection (linear time) rather than a full sort: the funnel takes medians of up to
/// one value per customer per step, and sorting those dominated a filter change.
pub fn median(v: &mut [f64]) -> Option<f64> {
    if v.is_empty() {
        return None;
    }
    let m = v.len() / 2;
    let odd = v.len() % 2 == 1;
    let (lower, mid, _) = v.select_nth_unstable_by(m, f64::total_cmp);
    let mid = *mid;
    if odd {
        return Some(mid);
    }
    // Everything left of the m-th value is not greater than it, so the (m−1)-th value of
    // the sorted order is the largest of them.
    let below = lower
        .iter()
        .copied()
        .reduce(|a, b| if b.total_cmp(&a).is_gt() { b } else { a })
        .unwrap_or(mid);
    Some((below + mid) / 2.0)
}

/// Running sum and count, for means without storing values.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Mean {
    pub sum: f64,
    pub n: u64,
}

impl Mean {
    pub fn add(&mut self, v: f64) {
        self.sum += v;
        self.n += 1;
    }
    /// Adds `v` unless it is NaN (no answer), without a branch: whether a cell holds an
    /// answer is as good as random, and a mispredicted branch costs more than the adds.
    /// Adding +0.0 instead leaves the sum unchanged bit for bit, because a sum that starts
    /// at +0.0 can never become −0.0.
    #[inline]
    pub fn add_present(&mut self, v: f64) {
        let ok = !v.is_nan();
        self.sum += if ok { v } else { 0.0 };
        self.n += ok as u64;
    }
    pub fn get(&self) -> Option<f64> {
        ratio(self.sum, self.n as f64)
    }
}

/// Running sums for a Pearson correlation.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Pearson {
    pub n: u64,
    sx: f64,
    sy: f64,
    sxx: f64,
    syy: f64,
    sxy: f64,
}

impl Pearson {
    pub fn add(&mut self, x: f64, y: f64) {
        self.n += 1;
        self.sx += x;
        self.sy += y;
        self.sxx += x * x;
        self.syy += y * y;
        self.sxy += x * y;
    }
    /// None when fewer than two pairs or either variable is constant.
    pub fn get(&self) -> Option<f64> {
        if self.n < 2 {
            return None;
        }
        let n = self.n as f64;
        let cov = n * self.sxy - self.sx * self.sy;
        let vx = n * self.sxx - self.sx * self.sx;
        let vy = n * self.syy - self.sy * self.sy;
        // Relative tolerance: a constant variable leaves rounding noise, not zero.
        let tol = 1e-12;
        if vx <= tol * n * self.sxx.abs().max(1.0) || vy <= tol * n * self.syy.abs().max(1.0) {
            return None;
        }
        let r = cov / (vx.sqrt() * vy.sqrt());
        r.is_finite().then_some(r.clamp(-1.0, 1.0))
    }
}

/// Complementary error function, from `libm` (pure Rust): the standard library has none,
/// and the platform's would give natively and in wasm results that differ in the last bit.
pub fn erfc(x: f64) -> f64 {
    libm::erfc(x)
}

/// Error function (see [`erfc`]).
pub fn erf(x: f64) -> f64 {
    libm::erf(x)
}

/// Standard normal cumulative distribution function.
pub fn normal_cdf(x: f64) -> f64 {
    0.5 * erfc(-x / std::f64::consts::SQRT_2)
}

/// Two-sided p-value of a z statistic.
pub fn two_sided_p(z: f64) -> f64 {
    (2.0 * normal_cdf(-z.abs())).min(1.0)
}

/// Pooled two-proportion z-test of `x1` of `n1` against `x2` of `n2`: (z, two-sided p).
///
/// The test a rate's change gets on a KPI card: the pooled form because the question is
/// "could both periods share one rate?". None when a side is empty or both sides are all
/// or nothing (no spread, so nothing to tell apart).
pub fn two_proportion_z(x1: u64, n1: u64, x2: u64, n2: u64) -> Option<(f64, f64)> {
    if n1 == 0 || n2 == 0 || x1 > n1 || x2 > n2 {
        return None;
    }
    let (a, b) = (n1 as f64, n2 as f64);
    let pool = (x1 + x2) as f64 / (a + b);
    let se = (pool * (1.0 - pool) * (1.0 / a + 1.0 / b)).sqrt();
    if se <= 0.0 || !se.is_finite() {
        return None;
    }
    let z = (x1 as f64 / a - x2 as f64 / b) / se;
    Some((z, two_sided_p(z)))
}

/// z-test of a difference between two independent estimates with standard errors `se1`
/// and `se2` (e.g. two periods' NPS): (z, two-sided p). The difference is clear at the 5 %
/// level exactly when it exceeds the margin of error of the difference,
/// 1.96 · √(se1² + se2²).
pub fn difference_z(diff: f64, se1: f64, se2: f64) -> Option<(f64, f64)> {
    let se = (se1 * se1 + se2 * se2).sqrt();
    if se <= 0.0 || !se.is_finite() || !diff.is_finite() {
        return None;
    }
    let z = diff / se;
    Some((z, two_sided_p(z)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn two_proportions_by_hand() {
        // 30/100 vs 20/100: pooled p = 0.25, se = √(0.25·0.75·0.02) = 0.0612372,
        // z = 0.10 / 0.0612372 = 1.63299, p = 0.10247: no clear change.
        let (z, p) = two_proportion_z(30, 100, 20, 100).unwrap();
        assert!((z - 1.632_99).abs() < 1e-5, "{z}");
        assert!((p - 0.102_47).abs() < 1e-5, "{p}");
        // 40/100 vs 20/100: pooled 0.3, se = √(0.3·0.7·0.02) = 0.0648074, z = 3.08607,
        // p = 0.00203: a clear change.
        let (z, p) = two_proportion_z(40, 100, 20, 100).unwrap();
        assert!((z - 3.086_07).abs() < 1e-5, "{z}");
        assert!((p - 0.002_03).abs() < 1e-5, "{p}");
        // Sign follows the first sample.
        let (z, _) = two_proportion_z(20, 100, 40, 100).unwrap();
        assert!((z + 3.086_07).abs() < 1e-5);
        assert_eq!(two_proportion_z(0, 0, 1, 2), None);
        assert_eq!(
            two_proportion_z(5, 5, 7, 7),
            None,
            "all converted both times"
        );
        assert_eq!(two_proportion_z(0, 5, 0, 7), None);
        assert_eq!(
            two_proportion_z(6, 5, 1, 7),
            None,
            "more successes than trials"
        );
    }

    #[test]
    fn difference_of_two_nps_by_hand() {
        // NPS 30 (50 P, 30 passive, 20 D of 100): var = 0.5 + 0.2 − 0.3² = 0.61, se = 7.8102.
        // NPS 10 (40/30/30 of 100): var = 0.7 − 0.1² = 0.69, se = 8.3066.
        // Difference 20 vs margin 1.96·√(61 + 69) = 22.35: z = 20/11.4018 = 1.75412, p = 0.0794.
        let (z, p) = difference_z(20.0, 0.61f64.sqrt() * 10.0, 0.69f64.sqrt() * 10.0).unwrap();
        assert!((z - 1.754_12).abs() < 1e-5, "{z}");
        assert!((p - 0.079_41).abs() < 1e-5, "{p}");
        assert_eq!(difference_z(3.0, 0.0, 0.0), None);
        assert_eq!(difference_z(f64::NAN, 1.0, 1.0), None);
    }

    #[test]
    fn normal_cdf_matches_tables() {
        // Reference values from standard normal tables (8+ digits).
        let cases = [
            (0.0, 0.5),
            (1.0, 0.841_344_746_1),
            (-1.0, 0.158_655_253_9),
            (1.96, 0.975_002_104_9),
            (0.3, 0.617_911_422_2),
            (2.5, 0.993_790_334_7),
            (-3.0, 0.001_349_898_0),
            (5.0, 0.999_999_713_3),
        ];
        for (x, want) in cases {
            assert!((normal_cdf(x) - want).abs() < 1e-9, "x={x}");
        }
        assert!((erf(0.5) - 0.520_499_877_8).abs() < 1e-9);
        assert!((erf(-0.2) + 0.222_702_589_2).abs() < 1e-9);
        assert!((two_sided_p(1.96) - 0.049_995_790).abs() < 1e-8);
    }

    #[test]
    fn wilson_by_hand() {
        // x=8, n=10, z=1.96: z²=3.8416; denom=1.38416; centre=(0.8+0.19208)/1.38416=0.716738;
        // half=1.96/1.38416*sqrt(0.016+0.0096040)=1.416021*0.160012=0.226581
        let (lo, hi) = wilson(8, 10).unwrap();
        assert!((lo - 49.016).abs() < 0.01, "{lo}");
        assert!((hi - 94.332).abs() < 0.01, "{hi}");
        assert_eq!(wilson(0, 0), None);
        let (lo, _) = wilson(0, 5).unwrap();
        assert_eq!(lo, 0.0);
    }

    #[test]
    fn correlation_interval_by_hand() {
        // r = 0.5, n = 28: atanh 0.5 = 0.549306, half = 1.96 / √25 = 0.392;
        // tanh(0.157306) = 0.156021, tanh(0.941306) = 0.735822.
        let (lo, hi) = correlation_interval(0.5, 28).unwrap();
        assert!((lo - 0.156_021).abs() < 1e-6, "{lo}");
        assert!((hi - 0.735_822).abs() < 1e-6, "{hi}");
        // r = −0.2, n = 103: atanh = −0.202733, half = 0.196; tanh(−0.398733) = −0.378864,
        // tanh(−0.006733) = −0.006732.
        let (lo, hi) = correlation_interval(-0.2, 103).unwrap();
        assert!((lo + 0.378_864).abs() < 1e-6, "{lo}");
        assert!((hi + 0.006_732).abs() < 1e-6, "{hi}");
        assert_eq!(correlation_interval(0.5, 3), None);
        assert_eq!(correlation_interval(1.0, 10), Some((1.0, 1.0)));
        assert_eq!(correlation_interval(f64::NAN, 10), None);
    }

    #[test]
    fn undefined_is_none() {
        assert_eq!(ratio(1.0, 0.0), None);
        assert_eq!(median(&mut []), None);
        assert_eq!(median(&mut [3.0, 1.0, 2.0, 10.0]), Some(2.5));
        assert_eq!(delta_pct(Some(5.0), Some(0.0)), None);
        assert_eq!(delta_pct(Some(6.0), Some(4.0)), Some(50.0));
        let mut p = Pearson::default();
        p.add(1.0, 2.0);
        p.add(1.0, 3.0);
        assert_eq!(p.get(), None);
        let mut p = Pearson::default();
        for (x, y) in [(1.0, 2.0), (2.0, 4.0), (3.0, 7.0)] {
            p.add(x, y);
        }
        // sx=6 sy=13 sxx=14 syy=69 sxy=31, n=3: cov=93-78=15, vx=42-36=6, vy=207-169=38
        // r = 15/sqrt(228) = 0.993399
        assert!((p.get().unwrap() - 0.993_399).abs() < 1e-6);
    }
}

//! The page address as the state of what is on screen: which view, which filters, the
//! analysis choices a reader would notice (breakdown, funnel mode and window, period, stage
//! order, conversion stage), language, theme and where the data came from.
//!
//! Copying the address reproduces the view with the same data. The data itself never goes
//! into the address: a feed is named by its URL (anyone with access can fetch it again), a
//! file only by its name, so the link can ask for that file instead of showing other data.
//!
//! Parameters (all optional; anything unusable is dropped, never an error):
//! `view`, `journey` (the journey shown, or `all`; see [`crate::analytics::journeys`]),
//! `f.<dimension key>` (`f.persona`, `f.extra:0`; repeated, one accepted value each),
//! `from`, `to`, `breakdown` (a dimension key), `columns` (the experience map's
//! column dimension key), `mode` (`ordered`/`any`), `window`
//! (days), `period` (`week`/`quarter`), `stage` (repeated, in order), `conversion`, the flow
//! diagram's `flow.dim` (`touchpoint`/`stage`/`channel`), `flow.root`, `flow.dir`
//! (`backward`), `flow.depth`, `flow.top`, `flow.collapse` (`0`), the KPI cards' period
//! `kpi` (`quarter`/`year`/`custom`), `kpi.at` (`2025-Q1`), `kpi.from`, `kpi.to`
//! (`YYYY-MM-DD`) and `kpi.vs` (`year_before`), `lang`, `theme` (`light`/`dark`), and one
//! of `feed`, `file`, `sample`, `pasted=1`.

use super::query;
use crate::analytics::filter::parse_bound;
use crate::analytics::flows::{Direction, FlowDim, FlowParams, MAX_DEPTH, MAX_TOP, MIN_DEPTH};
use crate::analytics::journeys::{JourneyScope, JOURNEY};
use crate::analytics::{
    Filter, FunnelMode, KpiCompare, KpiPeriod, KpiPeriodKind, PeriodKind, Settings,
};
use crate::calendar::parse_iso_day as parse_day;
use crate::dataset::DimKey;
use crate::i18n::Lang;

/// The longest text kept for one value (a dimension value, a stage, a file name).
const MAX_VALUE_CHARS: usize = 500;
/// The longest feed address kept.
const MAX_URL_CHARS: usize = 4000;
/// A conversion window longer than this (ten years) is not a window.
const MAX_WINDOW_DAYS: f64 = 3650.0;

/// The app's views, by their address key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    Map,
    Data,
    Funnel,
    Experience,
    Nps,
    Kpis,
    Flows,
}

impl View {
    pub const ALL: [View; 7] = [
        View::Map,
        View::Data,
        View::Funnel,
        View::Experience,
        View::Flows,
        View::Nps,
        View::Kpis,
    ];

    pub fn key(self) -> &'static str {
        match self {
            View::Map => "journey-map",
            View::Data => "data",
            View::Funnel => "funnel",
            View::Experience => "experience",
            View::Nps => "nps",
            View::Kpis => "kpis",
            View::Flows => "flows",
        }
    }

    pub fn from_key(key: &str) -> Option<View> {
        let key = key.trim().to_ascii_lowercase();
        View::ALL.into_iter().find(|v| v.key() == key)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Theme {
    Light,
    Dark,
}

impl Theme {
    pub fn key(self) -> &'static str {
        match self {
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }

    pub fn from_key(key: &str) -> Option<Theme> {
        match key.trim().to_ascii_lowercase().as_str() {
            "light" => Some(Theme::Light),
            "dark" => Some(Theme::Dark),
            _ => None,
        }
    }
}

/// Where the data of a shared view came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DataRef {
    /// A bundled sample, by file name.
    Sample(String),
    /// A file the user opened, by name: the link asks the reader for the same file.
    File(String),
    /// A feed address, fetched again by whoever opens the link.
    Feed(String),
    /// Text pasted into the app, which a link cannot bring along.
    Pasted,
}

/// Everything the address says about the view.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ViewState {
    pub view: Option<View>,
    /// The journey shown, when the data has a choice of journeys; `None` in a link made
    /// without one (the journey the data opens on stays).
    pub journey: Option<JourneyScope>,
    /// The filters within that journey.
    pub filter: Filter,
    pub breakdown: Option<DimKey>,
    /// The experience map's column dimension (`None` = the touchpoint).
    pub map_columns: Option<DimKey>,
    pub mode: FunnelMode,
    pub window_days: Option<f64>,
    pub period: PeriodKind,
    pub stage_order: Option<Vec<String>>,
    pub conversion_stage: Option<String>,
    /// The journey-flow diagram's choices (the node filter a click sets stays out: it
    /// belongs to one flow on one data set and is shown as a chip the reader can remove).
    pub flow: FlowParams,
    /// The KPI cards' period: a reader of the link sees the cards of the same quarter,
    /// compared the same way, not the period their own browser last remembered.
    pub kpi_period: KpiPeriod,
    pub lang: Option<Lang>,
    pub theme: Option<Theme>,
    pub data: Option<DataRef>,
}

/// A value kept only when it is non-empty text of reasonable length without control
/// characters (which no dimension value, stage or file name needs).
fn clean(value: &str, max: usize) -> Option<String> {
    let v = value.trim();
    let ok = !v.is_empty() && v.chars().count() <= max && !value.chars().any(char::is_control);
    ok.then(|| v.to_string())
}

fn clean_date(value: &str, end: bool) -> Option<String> {
    let v = clean(value, 40)?;
    parse_bound(&v, end).ok().map(|_| v)
}

fn parse_window(value: &str) -> Option<f64> {
    let days: f64 = value.trim().parse().ok()?;
    (days.is_finite() && days > 0.0 && days <= MAX_WINDOW_DAYS).then_some(days)
}

/// `flow.*` parameters (`key` is the part after the dot); a bad value keeps the current one.
fn read_flow(flow: &mut FlowParams, key: &str, value: &str) {
    match key {
        "dim" => flow.dim = parse_flow_dim(value).unwrap_or(flow.dim),
        "root" => flow.root = clean(value, MAX_VALUE_CHARS),
        "dir" => {
            flow.direction = match value.trim() {
                "backward" => Direction::Backward,
                _ => Direction::Forward,
            }
        }
        "depth" => flow.depth = parse_bounded(value, MIN_DEPTH, MAX_DEPTH).unwrap_or(flow.depth),
        "top" => flow.top = parse_bounded(value, 1, MAX_TOP).unwrap_or(flow.top),
        "collapse" => flow.collapse = value.trim() != "0",
        _ => {}
    }
}

/// `kpi` and `kpi.*` parameters: the KPI period picker's state.
fn read_kpi(kpi: &mut KpiPeriod, name: &str, value: &str) {
    match name {
        "kpi" => kpi.kind = parse_kpi_kind(value).unwrap_or_default(),
        "kpi.at" => kpi.at = clean(value, 20),
        "kpi.from" => kpi.from = clean_day(value),
        "kpi.to" => kpi.to = clean_day(value),
        "kpi.vs" => {
            kpi.compare = match value.trim() {
                "year_before" => KpiCompare::YearBefore,
                _ => KpiCompare::Previous,
            }
        }
        _ => {}
    }
}

/// The data a link names, when `name` is a data parameter with a usable value; a bad
/// value leaves the data named by an earlier parameter in place.
fn data_ref(name: &str, value: &str) -> Option<DataRef> {
    match name {
        "feed" => clean(value, MAX_URL_CHARS).map(DataRef::Feed),
        "file" => clean(value, MAX_VALUE_CHARS).map(DataRef::File),
        "sample" => clean(value, 200)
            .filter(|n| is_sample_name(n))
            .map(DataRef::Sample),
        "pasted" => Some(DataRef::Pasted),
        _ => None,
    }
}

impl ViewState {
    /// Reads a query string (`?view=nps&f.persona=Student`, with or without `?`).
    pub fn parse(query_string: &str) -> ViewState {
        let mut s = ViewState::default();
        let mut stages: Vec<String> = Vec::new();
        for (name, value) in query::parse(query_string) {
            if let Some(dim) = name.strip_prefix("f.") {
                if let (Some(dim), Some(v)) = (parse_dim(dim), clean(&value, MAX_VALUE_CHARS)) {
                    s.filter.dims.entry(dim).or_default().insert(v);
                }
                continue;
            }
            if let Some(key) = name.strip_prefix("flow.") {
                read_flow(&mut s.flow, key, &value);
                continue;
            }
            if name == "kpi" || name.starts_with("kpi.") {
                read_kpi(&mut s.kpi_period, &name, &value);
                continue;
            }
            if let Some(data) = data_ref(&name, &value) {
                s.data = Some(data);
                continue;
            }
            match name.as_str() {
                "view" => s.view = View::from_key(&value).or(s.view),
                "journey" => {
                    s.journey = clean(&value, MAX_VALUE_CHARS)
                        .and_then(|v| JourneyScope::parse(&v))
                        .or(s.journey.take())
                }
                "from" => s.filter.from = clean_date(&value, false),
                "to" => s.filter.to = clean_date(&value, true),
                "breakdown" => s.breakdown = parse_dim(&value),
                "columns" => s.map_columns = parse_dim(&value),
                "mode" => {
                    s.mode = match value.trim() {
                        "ordered" => FunnelMode::Ordered,
                        "any" => FunnelMode::AnyOrder,
                        _ => FunnelMode::Auto,
                    }
                }
                "window" => s.window_days = parse_window(&value),
                "period" => {
                    s.period = match value.trim() {
                        "week" => PeriodKind::Week,
                        "quarter" => PeriodKind::Quarter,
                        _ => PeriodKind::Month,
                    }
                }
                "stage" => {
                    if let Some(v) = clean(&value, MAX_VALUE_CHARS) {
                        if !stages.contains(&v) {
                            stages.push(v);
                        }
                    }
                }
                "conversion" => s.conversion_stage = clean(&value, MAX_VALUE_CHARS),
                "lang" => s.lang = Lang::from_tag(&value),
                "theme" => s.theme = Theme::from_key(&value),
                _ => {}
            }
        }
        s.stage_order = (!stages.is_empty()).then_some(stages);
        s
    }

    /// The query string (without `?`) that [`ViewState::parse`] reads back as `self`.
    /// Settings at their defaults are left out, so everyday links stay short.
    pub fn to_query(&self) -> String {
        let mut pairs: Vec<(String, String)> = Vec::new();
        let mut push = |n: &str, v: &str| pairs.push((n.to_string(), v.to_string()));
        if let Some(v) = self.view {
            push("view", v.key());
        }
        if let Some(j) = &self.journey {
            push("journey", j.key());
        }
        for (dim, values) in &self.filter.dims {
            for v in values {
                push(&format!("f.{dim}"), v);
            }
        }
        if let Some(f) = &self.filter.from {
            push("from", f);
        }
        if let Some(t) = &self.filter.to {
            push("to", t);
        }
        if let Some(b) = &self.breakdown {
            push("breakdown", &b.to_string());
        }
        if let Some(c) = &self.map_columns {
            push("columns", &c.to_string());
        }
        match self.mode {
            FunnelMode::Auto => {}
            FunnelMode::Ordered => push("mode", "ordered"),
            FunnelMode::AnyOrder => push("mode", "any"),
        }
        if let Some(w) = self.window_days {
            push("window", &w.to_string());
        }
        match self.period {
            PeriodKind::Week => push("period", "week"),
            PeriodKind::Quarter => push("period", "quarter"),
            PeriodKind::Month => {}
        }
        for stage in self.stage_order.iter().flatten() {
            push("stage", stage);
        }
        if let Some(c) = &self.conversion_stage {
            push("conversion", c);
        }
        self.push_flow(&mut push);
        self.push_kpi_period(&mut push);
        if let Some(l) = self.lang {
            push("lang", l.code());
        }
        if let Some(t) = self.theme {
            push("theme", t.key());
        }
        match &self.data {
            Some(DataRef::Feed(url)) => push("feed", url),
            Some(DataRef::File(name)) => push("file", name),
            Some(DataRef::Sample(name)) => push("sample", name),
            Some(DataRef::Pasted) => push("pasted", "1"),
            None => {}
        }
        query::write(&pairs)
    }

    /// Whether the address describes a view at all (a shared link, or a reload of one),
    /// rather than a plain visit that should start from the remembered settings.
    pub fn is_link(&self) -> bool {
        self.view.is_some()
    }

    /// The analysis settings of this view, over `base` (the settings the address does
    /// not carry, such as KPI targets, stay as they are).
    pub fn settings_over(&self, base: &Settings) -> Settings {
        Settings {
            stage_order: self.stage_order.clone(),
            conversion_stage: self.conversion_stage.clone(),
            mode: self.mode,
            window_days: self.window_days,
            breakdown: self.breakdown,
            map_columns: self.map_columns,
            period: self.period,
            flow: self.flow.clone(),
            kpi_period: self.kpi_period.clone(),
            ..base.clone()
        }
    }

    /// Copies the settings the address carries out of `settings`.
    pub fn take_settings(&mut self, settings: &Settings) {
        self.stage_order = settings.stage_order.clone();
        self.conversion_stage = settings.conversion_stage.clone();
        self.mode = settings.mode;
        self.window_days = settings
            .window_days
            .filter(|w| w.is_finite() && *w > 0.0 && *w <= MAX_WINDOW_DAYS);
        self.breakdown = settings.breakdown;
        self.map_columns = settings.map_columns;
        self.period = settings.period;
        self.flow = settings.flow.clone();
        self.kpi_period = KpiPeriod {
            at: settings.kpi_period.at.as_deref().and_then(|a| clean(a, 20)),
            from: settings.kpi_period.from.as_deref().and_then(clean_day),
            to: settings.kpi_period.to.as_deref().and_then(clean_day),
            ..settings.kpi_period.clone()
        };
    }

    /// The KPI period choices that differ from the defaults (the last complete month,
    /// compared with the month before).
    fn push_kpi_period(&self, push: &mut impl FnMut(&str, &str)) {
        let k = &self.kpi_period;
        if k.kind != KpiPeriodKind::Month {
            push("kpi", kpi_kind_key(k.kind));
        }
        if let Some(at) = &k.at {
            push("kpi.at", at);
        }
        if let Some(from) = &k.from {
            push("kpi.from", from);
        }
        if let Some(to) = &k.to {
            push("kpi.to", to);
        }
        if k.compare == KpiCompare::YearBefore {
            push("kpi.vs", "year_before");
        }
    }

    /// The flow choices that differ from the defaults.
    fn push_flow(&self, push: &mut impl FnMut(&str, &str)) {
        let (f, d) = (&self.flow, FlowParams::default());
        if f.dim != d.dim {
            push("flow.dim", flow_dim_key(f.dim));
        }
        if let Some(root) = &f.root {
            push("flow.root", root);
        }
        if f.direction == Direction::Backward {
            push("flow.dir", "backward");
        }
        if f.depth != d.depth {
            push("flow.depth", &f.depth.to_string());
        }
        if f.top != d.top {
            push("flow.top", &f.top.to_string());
        }
        if f.collapse != d.collapse {
            push("flow.collapse", if f.collapse { "1" } else { "0" });
        }
    }

    /// Whether going from `self` to `next` is a step the Back button should undo: another
    /// view or other filters (settings, language and theme changes replace the entry).
    pub fn is_new_step(&self, next: &ViewState) -> bool {
        self.view != next.view || self.filter != next.filter || self.journey != next.journey
    }

    /// Takes the filter on screen: with a choice of journeys (`journey_choice`), the one
    /// journey shown moves out of the filter into [`ViewState::journey`], so the address
    /// says `journey=support` (or `journey=all`) rather than a filter on journeys.
    /// Several journeys ticked in a filter stay a filter.
    pub fn take_filter(&mut self, filter: Filter, journey_choice: bool) {
        let several = filter.dims.get(&JOURNEY).is_some_and(|s| s.len() > 1);
        if !journey_choice || several {
            self.journey = None;
            self.filter = filter;
            return;
        }
        let scope = JourneyScope::of(&filter);
        self.filter = JourneyScope::All.apply(filter);
        self.journey = Some(scope);
    }

    /// The filter to show for this address, `scope` being the journey to show (the
    /// address's own, checked against the data, or the one on screen when it names none).
    /// A filter that names journeys itself (an older link's `f.journey`) is kept as it is.
    pub fn filter_in(&self, scope: &JourneyScope) -> Filter {
        if self.filter.dims.contains_key(&JOURNEY) {
            return self.filter.clone();
        }
        scope.apply(self.filter.clone())
    }
}

/// Whether a query parameter belongs to the view state (the rest, such as `embed=` or a
/// debugging switch, is kept as it is when the app rewrites the address).
pub fn is_view_param(name: &str) -> bool {
    name.starts_with("f.")
        || name.starts_with("flow.")
        || name.starts_with("kpi.")
        || matches!(
            name,
            "view"
                | "journey"
                | "from"
                | "to"
                | "breakdown"
                | "columns"
                | "mode"
                | "window"
                | "period"
                | "stage"
                | "conversion"
                | "kpi"
                | "lang"
                | "theme"
                | "feed"
                | "file"
                | "sample"
                | "pasted"
        )
}

/// A bundled sample is a plain file name under `sample/`: no path, no scheme.
fn is_sample_name(name: &str) -> bool {
    !name.starts_with('.')
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
}

/// A dimension in its key form (`persona`, `extra:2`): a header text would name another
/// column, or none, in the next file with the same layout.
fn parse_dim(value: &str) -> Option<DimKey> {
    clean(value, 40)?.parse().ok()
}

fn parse_bounded(value: &str, min: usize, max: usize) -> Option<usize> {
    let n: usize = value.trim().parse().ok()?;
    (min..=max).contains(&n).then_some(n)
}

fn flow_dim_key(dim: FlowDim) -> &'static str {
    match dim {
        FlowDim::Touchpoint => "touchpoint",
        FlowDim::Stage => "stage",
        FlowDim::Channel => "channel",
    }
}

/// The address key of a KPI period kind.
pub fn kpi_kind_key(kind: KpiPeriodKind) -> &'static str {
    match kind {
        KpiPeriodKind::Month => "month",
        KpiPeriodKind::Quarter => "quarter",
        KpiPeriodKind::Year => "year",
        KpiPeriodKind::Custom => "custom",
    }
}

/// A KPI period kind from its address key (`month`, `quarter`, `year`, `custom`).
pub fn parse_kpi_kind(value: &str) -> Option<KpiPeriodKind> {
    [
        KpiPeriodKind::Month,
        KpiPeriodKind::Quarter,
        KpiPeriodKind::Year,
        KpiPeriodKind::Custom,
    ]
    .into_iter()
    .find(|k| kpi_kind_key(*k) == value.trim().to_ascii_lowercase())
}

/// A custom KPI period day: a real `YYYY-MM-DD` calendar day, or nothing.
fn clean_day(value: &str) -> Option<String> {
    let v = clean(value, 10)?;
    parse_day(&v).map(|_| v)
}

fn parse_flow_dim(value: &str) -> Option<FlowDim> {
    [FlowDim::Touchpoint, FlowDim::Stage, FlowDim::Channel]
        .into_iter()
        .find(|d| flow_dim_key(*d) == value.trim().to_ascii_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_usable_data_parameters_name_data() {
        assert_eq!(
            data_ref("feed", " https://x.example/f.json "),
            Some(DataRef::Feed("https://x.example/f.json".into()))
        );
        assert_eq!(data_ref("feed", "  "), None);
        assert_eq!(
            data_ref("sample", "journeys.csv"),
            Some(DataRef::Sample("journeys.csv".into()))
        );
        assert_eq!(data_ref("sample", "../secret"), None);
        assert_eq!(data_ref("pasted", ""), Some(DataRef::Pasted));
        assert_eq!(data_ref("view", "nps"), None);
    }

    #[test]
    fn a_bad_flow_value_keeps_the_current_one() {
        let mut flow = FlowParams::default();
        let before = flow.clone();
        read_flow(&mut flow, "depth", "many");
        read_flow(&mut flow, "top", "0");
        assert_eq!(flow, before);
        read_flow(&mut flow, "dir", "backward");
        read_flow(&mut flow, "collapse", "0");
        assert_eq!(flow.direction, Direction::Backward);
        assert!(!flow.collapse);
    }
}

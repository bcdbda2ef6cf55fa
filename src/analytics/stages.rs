//! Which stages form the funnel, in which order, and which one is the conversion.

use super::funnel::{FunnelNote, StageOrderSource};
use super::prepared::Prepared;
use super::settings::{Settings, StageReading};
use crate::dataset::{Dataset, DimColumn};
use std::collections::{HashMap, HashSet};

/// Marks a stage code that is not a funnel step.
pub const NOT_A_STEP: u32 = u32::MAX;

/// The funnel's stages resolved against the dataset's stage dictionary.
#[derive(Debug, Clone, PartialEq)]
pub struct StagePlan {
    pub stages: Vec<String>,
    /// Per stage code: its step index, or [`NOT_A_STEP`].
    pub step_of_code: Vec<u32>,
    pub source: StageOrderSource,
    /// Data stages a configured order leaves out.
    pub unlisted: Vec<String>,
    pub conversion_step: Option<usize>,
    /// Unrecognised stage names placed among the recognised ones by the data.
    pub placed_by_data: Vec<String>,
    pub notes: Vec<FunnelNote>,
    /// The stage column is read as a status ([`super::status`]).
    pub furthest: bool,
}

/// Lower-case and strip the accents of Catalan, Spanish and Polish, so "Consideración",
/// "consideracion" and "CONSIDERACIÓN" are one stage name.
pub fn normalize(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.trim().chars().flat_map(char::to_lowercase) {
        match (c, crate::fold::fold(c)) {
            ('·', _) => out.push('.'),
            (_, Some(ascii)) => out.push_str(ascii),
            (c, None) => out.push(c),
        }
    }
    out
}

/// Built-in stage names (already normalised) by position in the classic journey, with
/// the synonyms marketers use in English, Catalan, Spanish and Polish
/// (`../shared/glossary.md`).
const BUILT_IN: [&[&str]; 5] = [
    &[
        "awareness",
        "discovery",
        "descobriment",
        "coneixement",
        "consciencia",
        "descubrimiento",
        "conocimiento",
        "conciencia",
        "swiadomosc",
        "odkrycie",
    ],
    &[
        "consideration",
        "research",
        "consideracio",
        "consideracion",
        "evaluacion",
        "rozwazanie",
        "poszukiwanie",
    ],
    &[
        "purchase",
        "conversion",
        "buy",
        "compra",
        "conversio",
        "zakup",
        "konwersja",
    ],
    &[
        "retention",
        "loyalty",
        "use",
        "retencio",
        "fidelitzacio",
        "us",
        "retencion",
        "fidelizacion",
        "uso",
        "lojalnosc",
        "retencja",
        "utrzymanie",
        "korzystanie",
    ],
    &[
        "advocacy",
        "recommendation",
        "recomanacio",
        "prescripcio",
        "advocacia",
        "recomendacion",
        "rekomendacja",
        "polecenie",
    ],
];

/// Position (0 = awareness … 4 = advocacy) of a recognised stage name.
pub fn built_in_rank(name: &str) -> Option<usize> {
    let n = normalize(name);
    BUILT_IN
        .iter()
        .position(|names| names.contains(&n.as_str()))
}

const PURCHASE_RANK: usize = 2;

/// Orders stage codes when some names are recognised: the recognised ones by their rank,
/// and each unrecognised one just before the first recognised stage that customers reach
/// later than it (by median first-reach time), or, without times, that first appears
/// later in the file. Appending unknown names at the end would put a Catalan file's
/// `inspiració` after `recomanació` and make every conversion after it wrong.
fn place_by_data(ranks: &[Option<usize>], median: &dyn Fn(usize) -> Option<i64>) -> Vec<usize> {
    let mut known: Vec<usize> = (0..ranks.len()).filter(|&c| ranks[c].is_some()).collect();
    crate::order::sort_by_key(&mut known, |&c| {
        (ranks[c], median(c).is_none(), median(c).unwrap_or(0), c)
    });
    // (slot before which it goes, median, code) of each unrecognised stage.
    let mut unknown: Vec<(usize, bool, i64, usize)> = (0..ranks.len())
        .filter(|&c| ranks[c].is_none())
        .map(|u| {
            let later = |&k: &usize| match (median(u), median(k)) {
                (Some(mu), Some(mk)) => mk > mu,
                (Some(_), None) => false,
                (None, _) => k > u,
            };
            let slot = known.iter().position(later).unwrap_or(known.len());
            (slot, median(u).is_none(), median(u).unwrap_or(0), u)
        })
        .collect();
    crate::order::sort(&mut unknown);
    let mut out = Vec::with_capacity(ranks.len());
    let mut next = unknown.iter().peekable();
    for (slot, &k) in known.iter().enumerate() {
        while let Some(&&(_, _, _, u)) = next.peek().filter(|x| x.0 == slot) {
            out.push(u);
            next.next();
        }
        out.push(k);
    }
    out.extend(next.map(|x| x.3));
    out
}

/// The order of a status column: recognised progress statuses by their place in an
/// order's life, then the others in file order, then the end states kept as steps.
fn status_order(values: &[String], is_dropped: &dyn Fn(&str) -> bool) -> Vec<usize> {
    use super::status::{is_end_state, progress_rank};
    let mut codes: Vec<usize> = (0..values.len())
        .filter(|&c| !is_dropped(&values[c]))
        .collect();
    crate::order::sort_by_key(&mut codes, |&c| {
        let v = &values[c];
        (
            is_end_state(v),
            progress_rank(v).is_none(),
            progress_rank(v),
            c,
        )
    });
    codes
}

/// The feed's order wins over a saved one. A saved order that names none of these stages
/// was made for other data: it is dropped (with a note) and the automatic order is used.
fn configured_order<'a>(
    ds: &'a Dataset,
    settings: &'a Settings,
    col: &DimColumn,
    notes: &mut Vec<FunnelNote>,
) -> Option<(&'a [String], StageOrderSource)> {
    let configured = ds
        .meta
        .stage_order
        .as_ref()
        .filter(|o| !o.is_empty())
        .map(|o| (o, StageOrderSource::Meta))
        .or_else(|| {
            settings
                .stage_order
                .as_ref()
                .filter(|o| !o.is_empty())
                .map(|o| (o, StageOrderSource::Setting))
        });
    let values = &col.values;
    configured
        .filter(|&(order, source)| {
            let fits = source == StageOrderSource::Meta
                || order.iter().any(|n| {
                    col.code_of(n.trim()).is_some()
                        || values.iter().any(|v| normalize(v) == normalize(n))
                });
            if !fits {
                notes.push(FunnelNote::SavedOrderIgnored {
                    stages: order.iter().map(|n| n.trim().to_string()).collect(),
                });
            }
            fits
        })
        .map(|(order, source)| (order.as_slice(), source))
}

impl StagePlan {
    /// An empty plan for a dataset without a stage column.
    pub fn none() -> StagePlan {
        StagePlan {
            stages: Vec::new(),
            step_of_code: Vec::new(),
            source: StageOrderSource::FileOrder,
            unlisted: Vec::new(),
            conversion_step: None,
            placed_by_data: Vec::new(),
            notes: Vec::new(),
            furthest: false,
        }
    }

    /// `shown`: per stage code, whether the journey on screen has it
    /// ([`super::journeys::stages_shown`]); the automatic order leaves out those it lacks.
    /// An order the user or the feed configured is kept as it is.
    pub fn resolve(
        ds: &Dataset,
        prep: &Prepared,
        settings: &Settings,
        shown: Option<&[bool]>,
    ) -> StagePlan {
        let Some(col) = ds.stage.as_ref() else {
            return StagePlan::none();
        };
        let values = &col.values;
        let mut plan = StagePlan::none();
        plan.step_of_code = vec![NOT_A_STEP; values.len()];
        plan.furthest = match settings.stage_reading {
            StageReading::Auto => super::status::looks_like_status(ds),
            StageReading::Events => false,
            StageReading::FurthestStage => true,
        };
        // Under the status reading, end states are outcomes, not steps (unless kept).
        let drop_end = plan.furthest && !settings.keep_end_states;
        let is_dropped = |name: &str| drop_end && super::status::is_end_state(name);
        if plan.furthest {
            plan.notes.push(FunnelNote::ReadAsStatus {
                end_states: values.iter().filter(|v| is_dropped(v)).cloned().collect(),
            });
        }
        match configured_order(ds, settings, col, &mut plan.notes) {
            Some((order, source)) => {
                if source == StageOrderSource::Meta && settings.stage_order.is_some() {
                    plan.notes.push(FunnelNote::MetaOrderWins);
                }
                plan.follow(col, order, source, &is_dropped);
            }
            None => plan.order_automatically(values, prep, &is_dropped, shown),
        }
        plan.conversion_step = plan.pick_conversion(ds, settings);
        plan
    }

    /// Steps in a configured order. A name the data lacks is a 0-customer step when the
    /// feed's author listed it (unless the list is too long to be a funnel), and is named
    /// as missing when it came from a saved setting.
    fn follow(
        &mut self,
        col: &DimColumn,
        order: &[String],
        source: StageOrderSource,
        is_dropped: &dyn Fn(&str) -> bool,
    ) {
        let values = &col.values;
        self.source = source;
        // Normalised names looked up in maps, so a feed's order of 100,000 names
        // costs 100,000 steps, not their square.
        let mut by_norm: HashMap<String, u32> = HashMap::with_capacity(values.len());
        for (c, v) in values.iter().enumerate().rev() {
            by_norm.insert(normalize(v), c as u32);
        }
        let mut listed: HashSet<String> = HashSet::new();
        let mut absent: Vec<String> = Vec::new();
        let long_meta = order.len() > super::cap::META_ORDER_STAGES;
        for name in order.iter().filter(|n| !is_dropped(n)) {
            let n = normalize(name);
            let code = col
                .code_of(name.trim())
                .or_else(|| by_norm.get(&n).copied());
            match code {
                Some(c) if self.step_of_code[c as usize] != NOT_A_STEP => {}
                Some(c) => {
                    self.step_of_code[c as usize] = self.stages.len() as u32;
                    self.stages.push(values[c as usize].clone());
                    listed.insert(n);
                }
                None if listed.contains(&n) => {}
                // A stage the feed's author expects but nobody reached yet is a step
                // with 0 customers; a saved stage this data lacks is left out and named.
                None if source == StageOrderSource::Meta && !long_meta => {
                    self.stages.push(name.trim().to_string());
                    listed.insert(n);
                }
                None => {
                    absent.push(name.trim().to_string());
                    listed.insert(n);
                }
            }
        }
        self.unlisted = (0..values.len())
            .filter(|&c| self.step_of_code[c] == NOT_A_STEP && !is_dropped(&values[c]))
            .map(|c| values[c].clone())
            .collect();
        if source == StageOrderSource::Meta {
            if !absent.is_empty() {
                self.notes.push(FunnelNote::LongOrderTrimmed {
                    listed: order.len() as u64,
                    absent: absent.len() as u64,
                });
            }
        } else if !absent.is_empty() {
            self.notes.push(FunnelNote::SavedOrderMismatch {
                absent,
                new: self.unlisted.clone(),
            });
        }
    }

    /// Steps without a configured order: a status column by progress, recognised names
    /// by the classic journey, otherwise by when customers first reach each stage.
    fn order_automatically(
        &mut self,
        values: &[String],
        prep: &Prepared,
        is_dropped: &dyn Fn(&str) -> bool,
        shown: Option<&[bool]>,
    ) {
        let median = |c: usize| prep.stage_median_first.get(c).copied().flatten();
        let ranks: Vec<Option<usize>> = values.iter().map(|v| built_in_rank(v)).collect();
        let codes = if self.furthest {
            self.source = StageOrderSource::BuiltIn;
            status_order(values, is_dropped)
        } else if ranks.iter().any(Option::is_some) {
            self.source = StageOrderSource::BuiltIn;
            let codes = place_by_data(&ranks, &median);
            self.placed_by_data = codes
                .iter()
                .filter(|&&c| ranks[c].is_none())
                .map(|&c| values[c].clone())
                .collect();
            if !self.placed_by_data.is_empty() {
                self.notes.push(FunnelNote::PlacedByData {
                    stages: self.placed_by_data.clone(),
                });
            }
            codes
        } else {
            let mut codes: Vec<usize> = (0..values.len()).collect();
            // Unknown medians sort after known ones; ties keep file order.
            crate::order::sort_by_key(&mut codes, |&c| {
                (median(c).is_none(), median(c).unwrap_or(0), c)
            });
            self.source = if (0..values.len()).any(|c| median(c).is_some()) {
                StageOrderSource::MedianTime
            } else {
                StageOrderSource::FileOrder
            };
            codes
        };
        let in_journey = |c: &usize| shown.is_none_or(|s| s.get(*c).copied().unwrap_or(false));
        for c in codes.into_iter().filter(in_journey) {
            self.step_of_code[c] = self.stages.len() as u32;
            self.stages.push(values[c].clone());
        }
    }

    fn pick_conversion(&mut self, ds: &Dataset, settings: &Settings) -> Option<usize> {
        if self.stages.is_empty() {
            return None;
        }
        let wanted = settings
            .conversion_stage
            .as_deref()
            .or(ds.meta.conversion_stage.as_deref())
            .filter(|s| !s.trim().is_empty());
        if let Some(w) = wanted {
            let n = normalize(w);
            if let Some(p) = self.stages.iter().position(|s| normalize(s) == n) {
                return Some(p);
            }
            self.notes.push(FunnelNote::UnknownConversionStage {
                stage: w.to_string(),
            });
        }
        self.stages
            .iter()
            .position(|s| built_in_rank(s) == Some(PURCHASE_RANK))
            .or(Some(self.stages.len() - 1))
    }
}

//! Which stages form the funnel, in which order, and which one is the conversion.

use super::funnel::StageOrderSource;
use super::prepared::Prepared;
use super::settings::Settings;
use crate::dataset::Dataset;
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
    pub notes: Vec<String>,
}

/// Lower-case and strip the accents of Catalan, Spanish and Polish, so "Consideración",
/// "consideracion" and "CONSIDERACIÓN" are one stage name.
pub fn normalize(s: &str) -> String {
    s.trim()
        .chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'à' | 'á' | 'â' | 'ä' | 'ą' => 'a',
            'è' | 'é' | 'ê' | 'ë' | 'ę' => 'e',
            'ì' | 'í' | 'î' | 'ï' => 'i',
            'ò' | 'ó' | 'ô' | 'ö' => 'o',
            'ù' | 'ú' | 'û' | 'ü' => 'u',
            'ç' | 'ć' => 'c',
            'ñ' | 'ń' => 'n',
            'ś' => 's',
            'ł' => 'l',
            'ż' | 'ź' => 'z',
            '·' => '.',
            c => c,
        })
        .collect()
}

/// Built-in stage names (already normalised) by position in the classic journey.
const BUILT_IN: [&[&str]; 5] = [
    &[
        "awareness",
        "consciencia",
        "coneixement",
        "conciencia",
        "descubrimiento",
        "swiadomosc",
    ],
    &[
        "consideration",
        "consideracio",
        "consideracion",
        "rozwazanie",
    ],
    &["purchase", "buy", "compra", "zakup"],
    &[
        "retention",
        "retencio",
        "fidelitzacio",
        "retencion",
        "fidelizacion",
        "retencja",
        "utrzymanie",
    ],
    &[
        "advocacy",
        "recomanacio",
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

impl StagePlan {
    /// An empty plan for a dataset without a stage column.
    pub fn none() -> StagePlan {
        StagePlan {
            stages: Vec::new(),
            step_of_code: Vec::new(),
            source: StageOrderSource::FileOrder,
            unlisted: Vec::new(),
            conversion_step: None,
            notes: Vec::new(),
        }
    }

    pub fn resolve(ds: &Dataset, prep: &Prepared, settings: &Settings) -> StagePlan {
        let Some(col) = ds.stage.as_ref() else {
            return StagePlan::none();
        };
        let values = &col.values;
        let mut plan = StagePlan::none();
        plan.step_of_code = vec![NOT_A_STEP; values.len()];
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
        if let Some((order, source)) = configured {
            if source == StageOrderSource::Meta && settings.stage_order.is_some() {
                plan.notes.push(
                    "The feed sets its own stage order, so the stage order in the settings is not used."
                        .into(),
                );
            }
            plan.source = source;
            // Normalised names → first code, and the normalised names already in the plan:
            // a feed may list thousands of stages, and comparing each name with every
            // value would be quadratic. The table is only built if a name is not found as
            // written.
            let mut by_name: Option<HashMap<String, u32>> = None;
            let mut planned: HashSet<String> = HashSet::new();
            for name in order {
                let code = col.code_of(name.trim()).or_else(|| {
                    let table = by_name.get_or_insert_with(|| {
                        let mut t = HashMap::new();
                        for (c, v) in values.iter().enumerate() {
                            t.entry(normalize(v)).or_insert(c as u32);
                        }
                        t
                    });
                    table.get(&normalize(name)).copied()
                });
                match code {
                    Some(c) if plan.step_of_code[c as usize] != NOT_A_STEP => {}
                    Some(c) => {
                        plan.step_of_code[c as usize] = plan.stages.len() as u32;
                        plan.stages.push(values[c as usize].clone());
                        planned.insert(normalize(&values[c as usize]));
                    }
                    None if planned.contains(&normalize(name)) => {}
                    None => {
                        planned.insert(normalize(name));
                        plan.stages.push(name.trim().to_string());
                    }
                }
            }
            plan.unlisted = (0..values.len())
                .filter(|&c| plan.step_of_code[c] == NOT_A_STEP)
                .map(|c| values[c].clone())
                .collect();
        } else {
            let median = |c: usize| prep.stage_median_first.get(c).copied().flatten();
            let ranks: Vec<Option<usize>> = values.iter().map(|v| built_in_rank(v)).collect();
            let mut codes: Vec<usize> = (0..values.len()).collect();
            // Unknown medians sort after known ones; ties keep file order.
            codes.sort_by_key(|&c| {
                (
                    ranks[c].unwrap_or(usize::MAX),
                    median(c).is_none(),
                    median(c).unwrap_or(0),
                    c,
                )
            });
            plan.source = if ranks.iter().any(Option::is_some) {
                StageOrderSource::BuiltIn
            } else if (0..values.len()).any(|c| median(c).is_some()) {
                StageOrderSource::MedianTime
            } else {
                StageOrderSource::FileOrder
            };
            for c in codes {
                plan.step_of_code[c] = plan.stages.len() as u32;
                plan.stages.push(values[c].clone());
            }
        }
        plan.conversion_step = plan.pick_conversion(ds, settings);
        plan
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
            self.notes.push(format!(
                "The conversion stage \"{w}\" is not one of the funnel stages; using the default instead."
            ));
        }
        self.stages
            .iter()
            .position(|s| built_in_rank(s) == Some(PURCHASE_RANK))
            .or(Some(self.stages.len() - 1))
    }
}

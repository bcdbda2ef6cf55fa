//! "What to fix first" in words: the rule, each item's reasons and its place in the list,
//! from the typed [`crate::analytics::priorities`] result.

use crate::analytics::priorities::{FixFirst, Item, Reason};
use crate::format as f;
use crate::i18n::{tr, trc, Arg, Lang};

/// Items shown per list in the card; the pain-point table and the matrix list them all.
pub const SHOWN: usize = 5;
/// Thin items shown under "Too few answers to rank".
pub const THIN_SHOWN: usize = 3;

/// One item as the card writes it.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    /// "Purchase · Web" or "Web".
    pub name: String,
    /// "priority 90"; empty for a thin item (it has no place in the ranking).
    pub score: String,
    pub reasons: Vec<String>,
}

/// The card's two lists: ranked items, then the thin ones.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Lists {
    pub ranked: Vec<Line>,
    pub thin: Vec<Line>,
}

/// The rule in one sentence.
pub fn rule(lang: Lang, min_count: u64) -> String {
    trc(lang, "fix.rule", &[("min", Arg::Count(count(min_count)))])
}

fn count(n: u64) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

/// One reason in words.
pub fn reason(lang: Lang, r: &Reason) -> String {
    let interval = |key: &str, r: f64, low: f64, high: f64| {
        trc(
            lang,
            key,
            &[
                ("r", Arg::Text(&f::signed(lang, r, 2))),
                ("low", Arg::Text(&f::signed(lang, low, 2))),
                ("high", Arg::Text(&f::signed(lang, high, 2))),
            ],
        )
    };
    match *r {
        Reason::Satisfaction { percent, n } => trc(
            lang,
            "fix.reason.satisfaction",
            &[
                ("pct", Arg::Text(&f::number(lang, percent, 0))),
                ("n", Arg::Count(count(n))),
            ],
        ),
        Reason::MovesNps { r, low, high } => interval("fix.reason.moves_nps", r, low, high),
        Reason::UnclearImportance { r, low, high } => interval("fix.reason.unclear", r, low, high),
        Reason::NoImportance => tr(lang, "fix.reason.no_importance"),
        Reason::ThinEvidence { n, min } => trc(
            lang,
            "fix.reason.thin",
            &[("n", Arg::Count(count(n))), ("min", Arg::Count(count(min)))],
        ),
    }
}

fn line(lang: Lang, item: &Item) -> Line {
    Line {
        name: match &item.stage {
            Some(stage) => format!("{stage} · {}", item.touchpoint),
            None => item.touchpoint.clone(),
        },
        score: if item.thin {
            String::new()
        } else {
            trc(
                lang,
                "fix.score",
                &[("score", Arg::Text(&f::number(lang, item.score, 0)))],
            )
        },
        reasons: item.reasons.iter().map(|r| reason(lang, r)).collect(),
    }
}

/// The first [`SHOWN`] ranked items and the first [`THIN_SHOWN`] thin ones.
pub fn lists(lang: Lang, items: &[Item]) -> Lists {
    Lists {
        ranked: items
            .iter()
            .filter(|i| !i.thin)
            .take(SHOWN)
            .map(|i| line(lang, i))
            .collect(),
        thin: items
            .iter()
            .filter(|i| i.thin)
            .take(THIN_SHOWN)
            .map(|i| line(lang, i))
            .collect(),
    }
}

/// Why nothing is ranked ("no moment has at least 20 answers"), or None when something is.
pub fn empty_reason(lang: Lang, fix: &FixFirst) -> Option<String> {
    fix.cells.iter().all(|i| i.thin).then(|| {
        trc(
            lang,
            "fix.none_ranked",
            &[("min", Arg::Count(count(fix.min_count)))],
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analytics::priorities::Importance;

    fn item(stage: Option<&str>, thin: bool, reasons: Vec<Reason>) -> Item {
        Item {
            stage: stage.map(str::to_string),
            touchpoint: "Web".into(),
            satisfaction: 40.0,
            answers: 30,
            importance: Some(Importance {
                r: 0.6,
                low: 0.5,
                high: 0.7,
            }),
            score: 90.0,
            thin,
            reasons,
        }
    }

    #[test]
    fn reasons_in_words() {
        let sat = Reason::Satisfaction {
            percent: 40.0,
            n: 30,
        };
        assert_eq!(
            reason(Lang::En, &sat),
            "satisfaction 40/100 from 30 answers"
        );
        assert_eq!(
            reason(
                Lang::En,
                &Reason::MovesNps {
                    r: 0.6,
                    low: 0.5,
                    high: 0.7
                }
            ),
            "moves NPS: r = +0.60 (95% interval +0.50 to +0.70)"
        );
        assert_eq!(
            reason(Lang::En, &Reason::ThinEvidence { n: 1, min: 20 }),
            "only 1 answer (minimum 20)"
        );
        assert_eq!(
            reason(Lang::Pl, &Reason::ThinEvidence { n: 3, min: 20 }),
            "tylko 3 odpowiedzi (minimum 20)"
        );
        assert_eq!(
            reason(Lang::Es, &sat),
            "satisfacción 40/100 con 30 respuestas"
        );
    }

    #[test]
    fn lists_split_ranked_and_thin() {
        let sat = Reason::Satisfaction {
            percent: 40.0,
            n: 30,
        };
        let items = vec![
            item(Some("Buy"), false, vec![sat]),
            item(None, true, vec![Reason::ThinEvidence { n: 5, min: 20 }]),
        ];
        let l = lists(Lang::En, &items);
        assert_eq!(
            l.ranked,
            vec![Line {
                name: "Buy · Web".into(),
                score: "priority 90".into(),
                reasons: vec!["satisfaction 40/100 from 30 answers".into()],
            }]
        );
        assert_eq!(l.thin[0].name, "Web");
        assert_eq!(l.thin[0].score, "");
        assert_eq!(l.thin[0].reasons, vec!["only 5 answers (minimum 20)"]);
    }

    #[test]
    fn nothing_ranked_says_why() {
        let fix = FixFirst {
            unavailable: None,
            min_count: 20,
            cells: vec![item(Some("Buy"), true, vec![])],
            touchpoints: Vec::new(),
        };
        assert_eq!(
            empty_reason(Lang::En, &fix).as_deref(),
            Some("Nothing can be ranked yet: no moment has at least 20 answers. Lower the minimum in Settings or widen the filter.")
        );
        let mut ranked = fix.clone();
        ranked.cells[0].thin = false;
        assert_eq!(empty_reason(Lang::En, &ranked), None);
    }
}

//! The report's two placeholder labels in the reader's language.
//!
//! The analytics name an empty cell [`MISSING_LABEL`] and the categories folded past the
//! top ones [`OTHERS_LABEL`], in English, because the report is also the locale-free JSON
//! document the CLI prints and the web app downloads. What a person reads is a copy of the
//! report whose label fields carry these two placeholders in their language
//! ([`localized`]); values from the data are never touched, so a stage really called
//! "(others)" in a file reads the same as before, only translated like the placeholder.

use crate::analytics::journey_map::JourneyMap;
use crate::analytics::{Report, MISSING_LABEL, OTHERS_LABEL};
use crate::i18n::{tr, Lang};
use std::borrow::Cow;

/// `label` in `lang` when it is one of the placeholders, else `label` itself.
///
/// ```
/// use journey_lens::i18n::Lang;
/// use journey_lens::present::labels::category;
/// assert_eq!(category(Lang::Es, "(others)"), "(otros)");
/// assert_eq!(category(Lang::Es, "Web"), "Web");
/// ```
pub fn category(lang: Lang, label: &str) -> Cow<'_, str> {
    if label == MISSING_LABEL {
        Cow::Owned(tr(lang, "label.missing"))
    } else if label == OTHERS_LABEL {
        Cow::Owned(tr(lang, "label.others"))
    } else {
        Cow::Borrowed(label)
    }
}

/// A copy of `report` whose dimension-value labels read in `lang` (the JSON report is
/// written from the original).
pub fn localized(report: &Report, lang: Lang) -> Report {
    let mut r = report.clone();
    let fix = |s: &mut String| {
        if let Cow::Owned(t) = category(lang, s) {
            *s = t;
        }
    };
    if let Some(b) = r.funnel.breakdown.as_mut() {
        b.groups.iter_mut().for_each(|g| fix(&mut g.value));
    }
    if let Some(b) = r.nps.breakdown.as_mut() {
        b.segments.iter_mut().for_each(|s| fix(&mut s.value));
    }
    let e = &mut r.experience;
    e.grid.stages.iter_mut().for_each(fix);
    e.grid.touchpoints.iter_mut().for_each(fix);
    for c in &mut e.grid.cells {
        fix(&mut c.stage);
        fix(&mut c.touchpoint);
    }
    e.emotion
        .by_persona
        .iter_mut()
        .for_each(|p| fix(&mut p.persona));
    for p in &mut e.pain_points {
        fix(&mut p.stage);
        fix(&mut p.touchpoint);
    }
    e.exits.iter_mut().for_each(|x| fix(&mut x.touchpoint));
    for s in &mut e.exits_by_stage {
        fix(&mut s.stage);
        s.exits.iter_mut().for_each(|x| fix(&mut x.touchpoint));
    }
    for h in &mut e.handoffs.top {
        fix(&mut h.from);
        fix(&mut h.to);
    }
    e.priority
        .points
        .iter_mut()
        .for_each(|p| fix(&mut p.touchpoint));
    e.priority
        .excluded
        .iter_mut()
        .for_each(|p| fix(&mut p.touchpoint));
    r
}

/// `map` with its dimension-value labels in `lang`, like [`localized`] for the report.
pub fn localized_map(mut map: JourneyMap, lang: Lang) -> JourneyMap {
    let fix = |s: &mut String| {
        if let Cow::Owned(t) = category(lang, s) {
            *s = t;
        }
    };
    for c in &mut map.stages {
        fix(&mut c.stage);
        c.touchpoints.iter_mut().for_each(|x| fix(&mut x.name));
        c.channels.iter_mut().for_each(|x| fix(&mut x.name));
        for p in &mut c.pain_points {
            fix(&mut p.stage);
            fix(&mut p.touchpoint);
        }
        c.exits.iter_mut().for_each(|x| fix(&mut x.touchpoint));
        c.moments.iter_mut().for_each(|m| fix(&mut m.touchpoint));
    }
    map.persona_curves
        .iter_mut()
        .for_each(|p| fix(&mut p.persona));
    map
}

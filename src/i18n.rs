//! Every user-facing word goes through here, in the user's language, via Project Fluent.
//!
//! The texts live in `locales/<lang>/*.ftl`, files a translator edits without touching Rust
//! (all files of a folder are embedded by `build.rs`). Code names a message by a stable
//! dotted key (`nav.funnel`); its Fluent id is the same key with `.` written as `-`
//! (`nav-funnel`), because Fluent ids cannot hold dots. A message missing in a language
//! falls back to English, and an unknown key is returned as-is, so a gap is visible in the
//! UI rather than blank (the tests fail on any gap before that can ship).
//!
//! Values are passed already formatted (`trf`) or, where the sentence depends on a count
//! (Polish: 1 wiersz, 2 wiersze, 5 wierszy), as a number (`trc` with [`Arg::Count`]): Fluent
//! picks the CLDR plural form and our formatter writes the number the language's way.

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use fluent_syntax::ast;
use intl_memoizer::concurrent::IntlLangMemoizer;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::collections::BTreeSet;
use std::sync::OnceLock;

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/locales.rs"));
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum Lang {
    #[default]
    En,
    Ca,
    Es,
    Pl,
}

impl Lang {
    /// In the order the language switcher lists them.
    pub const ALL: [Lang; 4] = [Lang::En, Lang::Ca, Lang::Es, Lang::Pl];

    /// The BCP 47 code (`<html lang>`, `?lang=`, folder name under `locales/`).
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Ca => "ca",
            Lang::Es => "es",
            Lang::Pl => "pl",
        }
    }

    /// The language's own name, as the switcher shows it whatever the current language.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Ca => "Català",
            Lang::Es => "Español",
            Lang::Pl => "Polski",
        }
    }

    /// A language tag such as `ca`, `es-ES` or `PL-pl`; only the primary subtag counts.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        Lang::ALL.into_iter().find(|l| l.code() == primary)
    }

    /// The first of the user's preferred languages that we speak, else English.
    pub fn negotiate<'a>(preferred: impl IntoIterator<Item = &'a str>) -> Lang {
        preferred
            .into_iter()
            .find_map(Lang::from_tag)
            .unwrap_or_default()
    }

    /// The language a page starts in: the address's `?lang=` when it names one we speak,
    /// else the user's remembered choice, else the browser's preferred languages, else
    /// English. An explicit choice (address, then switcher) beats what the browser guesses.
    pub fn choose(query: Option<&str>, stored: Option<&str>, preferred: &[&str]) -> Lang {
        query
            .and_then(Lang::from_tag)
            .or_else(|| stored.and_then(Lang::from_tag))
            .unwrap_or_else(|| Lang::negotiate(preferred.iter().copied()))
    }

    fn index(self) -> usize {
        self as usize
    }
}

/// A value for a placeholder.
#[derive(Debug, Clone, Copy)]
pub enum Arg<'a> {
    /// Already formatted text (a name, a percentage, a date).
    Text(&'a str),
    /// A count: selects the plural form and is written with the language's digit grouping.
    Count(i64),
}

impl<'a> From<&'a str> for Arg<'a> {
    fn from(s: &'a str) -> Self {
        Arg::Text(s)
    }
}

impl<'a> From<&'a String> for Arg<'a> {
    fn from(s: &'a String) -> Self {
        Arg::Text(s)
    }
}

impl From<usize> for Arg<'_> {
    fn from(n: usize) -> Self {
        Arg::Count(i64::try_from(n).unwrap_or(i64::MAX))
    }
}

type Bundle = FluentBundle<FluentResource>;
type Formatter = fn(&FluentValue, &IntlLangMemoizer) -> Option<String>;

/// The text for `key` in `lang`.
pub fn tr(lang: Lang, key: &str) -> String {
    format(lang, key, None)
}

/// The text for `key` with its `{ $name }` placeholders filled by already formatted values.
pub fn trf(lang: Lang, key: &str, args: &[(&str, &str)]) -> String {
    let mut fa = FluentArgs::new();
    for (name, value) in args {
        fa.set(*name, FluentValue::String(Cow::Borrowed(value)));
    }
    format(lang, key, Some(&fa))
}

/// Like [`trf`], with counts that choose the plural form.
pub fn trc(lang: Lang, key: &str, args: &[(&str, Arg)]) -> String {
    let mut fa = FluentArgs::new();
    for (name, value) in args {
        let v = match value {
            Arg::Text(s) => FluentValue::String(Cow::Borrowed(s)),
            Arg::Count(n) => FluentValue::from(*n),
        };
        fa.set(*name, v);
    }
    format(lang, key, Some(&fa))
}

/// Whether `lang`'s own files define `key` (no fallback): the completeness tests use it.
pub fn defines(lang: Lang, key: &str) -> bool {
    bundle(lang).has_message(&fluent_id(key))
}

/// The dotted keys of every message in `lang`'s files, in file order.
pub fn keys(lang: Lang) -> Vec<String> {
    let mut out = Vec::new();
    for (code, _, source) in embedded::FILES {
        if *code != lang.code() {
            continue;
        }
        let Ok(res) = FluentResource::try_new((*source).to_string()) else {
            continue;
        };
        for entry in res.entries() {
            if let ast::Entry::Message(m) = entry {
                out.push(m.id.name.replace('-', "."));
            }
        }
    }
    out
}

/// The names of the `{ $name }` placeholders `lang`'s own text for `key` uses (in any
/// variant of a plural selector, and the selector itself). A translation that drops or
/// invents a placeholder would show a raw `{$name}` or lose a value, so the tests compare
/// these sets with English.
pub fn placeholders(lang: Lang, key: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    if let Some(pattern) = bundle(lang)
        .get_message(&fluent_id(key))
        .and_then(|m| m.value())
    {
        collect_pattern(pattern, &mut out);
    }
    out
}

fn collect_pattern(pattern: &ast::Pattern<&str>, out: &mut BTreeSet<String>) {
    for element in &pattern.elements {
        if let ast::PatternElement::Placeable { expression } = element {
            collect_expression(expression, out);
        }
    }
}

fn collect_expression(expression: &ast::Expression<&str>, out: &mut BTreeSet<String>) {
    match expression {
        ast::Expression::Select { selector, variants } => {
            collect_inline(selector, out);
            for v in variants {
                collect_pattern(&v.value, out);
            }
        }
        ast::Expression::Inline(inline) => collect_inline(inline, out),
    }
}

fn collect_inline(inline: &ast::InlineExpression<&str>, out: &mut BTreeSet<String>) {
    match inline {
        ast::InlineExpression::VariableReference { id } => {
            out.insert(id.name.to_string());
        }
        ast::InlineExpression::Placeable { expression } => collect_expression(expression, out),
        _ => {}
    }
}

/// Problems in the embedded files (syntax errors, ids defined twice): empty when healthy.
pub fn problems() -> Vec<String> {
    let mut out = Vec::new();
    for lang in Lang::ALL {
        let mut bundle = new_bundle(lang);
        for (code, path, source) in embedded::FILES {
            if *code != lang.code() {
                continue;
            }
            match FluentResource::try_new((*source).to_string()) {
                Ok(res) => {
                    if let Err(errs) = bundle.add_resource(res) {
                        out.push(format!("{path}: {errs:?}"));
                    }
                }
                Err((_, errs)) => out.push(format!("{path}: {errs:?}")),
            }
        }
    }
    out
}

fn format(lang: Lang, key: &str, args: Option<&FluentArgs>) -> String {
    let id = fluent_id(key);
    for b in [bundle(lang), bundle(Lang::En)] {
        if let Some(pattern) = b.get_message(&id).and_then(|m| m.value()) {
            let mut errors = Vec::new();
            return b.format_pattern(pattern, args, &mut errors).into_owned();
        }
    }
    key.to_string()
}

fn fluent_id(key: &str) -> String {
    key.replace('.', "-")
}

fn bundle(lang: Lang) -> &'static Bundle {
    static BUNDLES: OnceLock<[Bundle; 4]> = OnceLock::new();
    let all = BUNDLES.get_or_init(|| Lang::ALL.map(load));
    &all[lang.index()]
}

/// A language's bundle from its embedded files; a broken file is skipped (and reported by
/// [`problems`], which the tests check), never a crash.
fn load(lang: Lang) -> Bundle {
    let mut bundle = new_bundle(lang);
    for (code, _, source) in embedded::FILES {
        if *code == lang.code() {
            let res = match FluentResource::try_new((*source).to_string()) {
                Ok(res) => res,
                Err((res, _)) => res,
            };
            bundle.add_resource_overriding(res);
        }
    }
    bundle
}

fn new_bundle(lang: Lang) -> Bundle {
    let id = lang.code().parse().unwrap_or_default();
    let mut bundle = Bundle::new_concurrent(vec![id]);
    // Isolation marks (U+2068/9) would end up in canvas text, CSV and aria labels.
    bundle.set_use_isolating(false);
    let formatter: Formatter = match lang {
        Lang::En => |v, _| number(Lang::En, v),
        Lang::Ca => |v, _| number(Lang::Ca, v),
        Lang::Es => |v, _| number(Lang::Es, v),
        Lang::Pl => |v, _| number(Lang::Pl, v),
    };
    bundle.set_formatter(Some(formatter));
    bundle
}

/// Counts reach Fluent as numbers (for the plural rules); they are written here, the
/// language's way, instead of Fluent's plain `1234`.
fn number(lang: Lang, v: &FluentValue) -> Option<String> {
    match v {
        FluentValue::Number(n) if n.value.fract() == 0.0 && n.value.abs() < 9.0e15 => {
            Some(crate::format::int(lang, n.value as i64))
        }
        FluentValue::Number(n) => Some(crate::format::number(lang, n.value, 1)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_parse_without_problems() {
        assert_eq!(problems(), Vec::<String>::new());
    }

    #[test]
    fn lookup_fills_and_falls_back() {
        assert_eq!(tr(Lang::En, "nav.funnel"), "Funnel");
        assert_eq!(tr(Lang::En, "no.such.key"), "no.such.key");
        assert_eq!(trf(Lang::En, "chart.answer_n", &[("n", "7")]), "Answer 7");
    }

    #[test]
    fn tags_and_negotiation() {
        assert_eq!(Lang::from_tag("ca-ES"), Some(Lang::Ca));
        assert_eq!(Lang::from_tag("PL_pl"), Some(Lang::Pl));
        assert_eq!(Lang::from_tag("fr"), None);
        assert_eq!(Lang::negotiate(["fr-FR", "es-419", "en"]), Lang::Es);
        assert_eq!(Lang::negotiate(["de", "fr"]), Lang::En);
    }

    #[test]
    fn the_address_beats_the_remembered_choice_which_beats_the_browser() {
        assert_eq!(Lang::choose(Some("pl"), Some("ca"), &["es-ES"]), Lang::Pl);
        assert_eq!(Lang::choose(Some("xx"), Some("ca"), &["es-ES"]), Lang::Ca);
        assert_eq!(
            Lang::choose(None, None, &["de-DE", "es-ES", "ca"]),
            Lang::Es
        );
        assert_eq!(Lang::choose(None, Some("<script>"), &["fr"]), Lang::En);
        assert_eq!(Lang::choose(None, None, &[]), Lang::En);
    }
}

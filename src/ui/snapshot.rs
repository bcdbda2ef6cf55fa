//! What "Download PNG" and "Download CSV" hand over: an image at twice the screen's
//! resolution with the chart's title, the dataset, the filters and the day drawn above it
//! (see [`crate::charts::framed`]), and file names that carry the view, the dataset and
//! the date (see [`crate::export::name`]).

use super::chart::Area;
use super::dom;
use super::print::describe_filters;
use super::state::{Analysis, DataState, Look};
use crate::charts::framed::{draw_framed, Heading};
use crate::charts::{ChartMap, Table, Theme};
use crate::i18n::{trf, Lang};
use leptos::prelude::*;
use plotters::prelude::*;
use plotters_canvas::CanvasBackend;
use wasm_bindgen::JsCast;

/// Backing pixels per CSS pixel of a downloaded image: at least 2, so it stays sharp on a
/// slide or a printed page.
const PNG_RATIO: f64 = 2.0;

/// Today in the user's time zone, `YYYY-MM-DD`.
fn today_iso() -> String {
    let d = js_sys::Date::new_0();
    format!(
        "{:04}-{:02}-{:02}",
        d.get_full_year(),
        d.get_month() + 1,
        d.get_date()
    )
}

/// `journey-lens-{view}-{dataset}-{date}.{ext}` for the loaded dataset.
pub fn file_name(data: DataState, lang: Lang, view: &str, ext: &str) -> String {
    file_name_for(&data.dataset_name(lang), view, ext)
}

/// `journey-lens-{view}-{dataset}-{date}.{ext}` for a file other than the loaded dataset
/// (one added to it).
pub fn file_name_for(dataset: &str, view: &str, ext: &str) -> String {
    crate::export::name::file_name(view, dataset, &today_iso(), ext)
}

/// The heading drawn above a downloaded chart: its title, "Data: name · date", the filters.
pub fn heading(data: DataState, analysis: Analysis, lang: Lang, title: String) -> Heading {
    let date = crate::format::iso_date(lang, &today_iso());
    let source = trf(
        lang,
        "export.png_source",
        &[("name", &data.dataset_name(lang)), ("date", &date)],
    );
    let filters = analysis
        .filter
        .with_untracked(|f| describe_filters(data, lang, f));
    Heading {
        title,
        lines: vec![source, trf(lang, "print.filters", &[("filters", &filters)])],
    }
}

/// Downloads `table` as the CSV a spreadsheet in `lang` opens as numbers.
pub fn download_csv(data: DataState, view: &str, table: &Table, lang: Lang) {
    dom::download(
        &file_name(data, lang, view, "csv"),
        "text/csv;charset=utf-8",
        table.to_csv(lang).as_bytes(),
    );
}

/// Draws a `w`×`h` CSS px chart under `heading` on a canvas that never enters the page and
/// downloads it as a PNG.
pub fn download_png(
    data: DataState,
    look: Look,
    view: &str,
    (w, h): (f64, f64),
    heading: &Heading,
    draw: impl FnOnce(&Area, &Theme) -> Result<ChartMap, String>,
) {
    let ratio = dom::device_pixel_ratio().max(PNG_RATIO);
    let dark = look.dark.get_untracked();
    let band = heading.css_height(w, &theme_for(dark, ratio));
    let Some(canvas) = offscreen() else { return };
    let drawn = paint(&canvas, (w, h + band), ratio, dark, |area, theme| {
        draw_framed(area, heading, theme, |chart| draw(chart, theme)).map(|_| ChartMap::default())
    });
    if drawn {
        if let Ok(url) = canvas.to_data_url_with_type("image/png") {
            dom::download_url(
                &file_name(data, look.lang.get_untracked(), view, "png"),
                &url,
            );
        }
    }
}

fn offscreen() -> Option<web_sys::HtmlCanvasElement> {
    let doc = web_sys::window()?.document()?;
    doc.create_element("canvas").ok()?.dyn_into().ok()
}

fn theme_for(dark: bool, ratio: f64) -> Theme {
    let mut theme = if dark { Theme::dark() } else { Theme::light() };
    theme.scale = ratio;
    theme
}

/// Draws on `canvas` with a backing store of `w`×`h` CSS px × `ratio`.
pub fn paint(
    canvas: &web_sys::HtmlCanvasElement,
    (w, h): (f64, f64),
    ratio: f64,
    dark: bool,
    f: impl FnOnce(&Area, &Theme) -> Result<ChartMap, String>,
) -> bool {
    canvas.set_width((w * ratio).round() as u32);
    canvas.set_height((h * ratio).round() as u32);
    let Some(backend) = CanvasBackend::with_canvas_object(canvas.clone()) else {
        return false;
    };
    let root = backend.into_drawing_area();
    let theme = theme_for(dark, ratio);
    match f(&root, &theme) {
        Ok(_) => root.present().is_ok(),
        Err(e) => {
            web_sys::console::warn_1(&e.into());
            false
        }
    }
}

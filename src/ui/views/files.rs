//! The "Files" card of the Data view: add another export of the same customers, see what
//! each file contributed (loaded, rejected, matched, unmatched, ambiguous), change an
//! added file's own mapping, remove it, and download the rows no customer was found for.

use crate::dataset::Role;
use crate::format;
use crate::i18n::{tr, trf};
use crate::join::FileSummary;
use crate::ui::dom;
use crate::ui::file_picker::FilePicker;
use crate::ui::files::Added;
use crate::ui::state::{use_lang, AppState, DataState, Look};
use leptos::prelude::*;
use std::sync::Arc;

#[component]
pub fn FilesCard() -> impl IntoView {
    let data = expect_context::<DataState>();
    let lang = use_lang();
    let files = data.files;
    let mappings = move || {
        files
            .added
            .get()
            .into_iter()
            .enumerate()
            .map(|(i, a)| view! { <AddedMapping index=i added=a /> })
            .collect_view()
    };
    view! {
        <Show when=move || data.current.with(|c| c.is_some())>
            <section class="jl-card" data-testid="files">
                <h2>{tr(lang, "files.title")}</h2>
                <p class="jl-sub">{tr(lang, "files.add_help")}</p>
                <FilesTable />
                {mappings}
                <AddFile />
            </section>
        </Show>
    }
}

/// What each file contributed, once a file was added, and "Download unmatched rows".
#[component]
fn FilesTable() -> impl IntoView {
    let data = expect_context::<DataState>();
    let lang = use_lang();
    let files = data.files;
    let download = move |_| {
        if let Some(s) = files.summary.get_untracked() {
            dom::download(
                &crate::ui::snapshot::file_name(data, lang, "unmatched-rows", "csv"),
                "text/csv;charset=utf-8",
                s.unmatched_csv(lang).as_bytes(),
            );
        }
    };
    move || {
        let s = files.summary.get()?;
        let rows = s
            .files
            .iter()
            .enumerate()
            .map(|(i, f)| view! { <FileRow index=i file=f.clone() /> })
            .collect_view();
        let any_unmatched = !s.unmatched.is_empty();
        Some(view! {
            <div class="jl-table-wrap">
                <table class="jl-table" data-testid="files-table">
                    <thead>
                        <tr>
                            <th scope="col">{tr(lang, "files.col_file")}</th>
                            <th scope="col">{tr(lang, "files.col_key")}</th>
                            <th scope="col">{tr(lang, "files.col_loaded")}</th>
                            <th scope="col">{tr(lang, "files.col_rejected")}</th>
                            <th scope="col">{tr(lang, "files.col_matched")}</th>
                            <th scope="col">{tr(lang, "files.col_unmatched")}</th>
                            <th scope="col">{tr(lang, "files.col_ambiguous")}</th>
                            <th scope="col"></th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
            {any_unmatched.then(|| view! {
                <div class="jl-chart-actions">
                    <button class="jl-btn" data-action="download-unmatched" on:click=download>
                        {tr(lang, "files.download_unmatched")}
                    </button>
                </div>
            })}
        })
    }
}

/// One file's counts; an added file (`index` > 0) can be removed.
#[component]
fn FileRow(index: usize, file: FileSummary) -> impl IntoView {
    let lang = expect_context::<Look>().lang.get_untracked();
    let state = expect_context::<AppState>();
    let files = expect_context::<DataState>().files;
    let f = file;
    let key = f
        .key
        .clone()
        .unwrap_or_else(|| tr(lang, "files.own_customers"));
    let examples = (!f.ambiguous_keys.is_empty()).then(|| {
        trf(
            lang,
            "files.ambiguous_keys",
            &[("keys", &f.ambiguous_keys.join(", "))],
        )
    });
    view! {
        <tr data-file=f.name.clone()>
            <td>{f.name.clone()}{examples.map(|t| view! { <div class="jl-note">{t}</div> })}</td>
            <td>{key}</td>
            <td data-col="loaded">{format::count(lang, f.rows_loaded)}</td>
            <td data-col="rejected">{format::count(lang, f.rows_rejected)}</td>
            <td data-col="matched">{format::count(lang, f.matched)}</td>
            <td data-col="unmatched">{format::count(lang, f.unmatched)}</td>
            <td data-col="ambiguous">{format::count(lang, f.ambiguous)}</td>
            <td>
                {(index > 0).then(|| view! {
                    <button class="jl-btn" data-action="remove-file" on:click=move |_| files.remove(state, index - 1)>
                        {tr(lang, "files.remove")}
                    </button>
                })}
            </td>
        </tr>
    }
}

/// The key column to join on (or automatic) and "Add a file".
#[component]
fn AddFile() -> impl IntoView {
    let lang = expect_context::<Look>().lang.get_untracked();
    let data = expect_context::<DataState>();
    let state = expect_context::<AppState>();
    let files = data.files;
    let key = RwSignal::new(String::new());
    let on_file = move |file: web_sys::File| {
        let k = key.get_untracked();
        let k = (!k.is_empty()).then_some(k);
        leptos::task::spawn_local(async move { files.add_file(state, file, k).await });
    };
    let key_options = move || {
        data.current.track();
        files.added.track();
        files.key_columns(state)
    };
    view! {
        <div class="jl-row">
            <label>
                {tr(lang, "files.key")}
                " "
                <select data-testid="add-file-key" on:change=move |e| key.set(event_target_value(&e))>
                    <option value="">{tr(lang, "files.key_auto")}</option>
                    {move || key_options()
                        .into_iter()
                        .map(|k| view! { <option value=k.clone()>{k.clone()}</option> })
                        .collect_view()}
                </select>
            </label>
            <FilePicker label=tr(lang, "files.add") testid="add-file-input" on_file />
        </div>
    }
}

/// An added file's own column mapping, editable like the first file's.
#[component]
fn AddedMapping(index: usize, added: Arc<Added>) -> impl IntoView {
    let data = expect_context::<DataState>();
    let state = expect_context::<AppState>();
    let lang = use_lang();
    let applied = added.report.mapping.roles();
    let draft = RwSignal::new(applied.clone());
    let title = trf(lang, "files.mapping_of", &[("name", &added.name)]);
    let rejected = (!added.rejected_csv.is_empty()).then(|| {
        let csv = added.rejected_csv.clone();
        let name = added.name.clone();
        view! {
            <button
                class="jl-btn"
                data-action="download-added-rejected"
                on:click=move |_| {
                    dom::download(&crate::ui::snapshot::file_name_for(&name, "rejected-rows", "csv"), "text/csv;charset=utf-8", csv.as_bytes())
                }
            >
                {tr(lang, "files.download_rejected")}
            </button>
        }
    });
    let rows = added
        .headers
        .iter()
        .enumerate()
        .map(|(i, h)| {
            let role = applied.get(i).copied().unwrap_or(Role::Ignore);
            let preview: Vec<String> = added
                .preview
                .iter()
                .take(3)
                .filter_map(|r| r.get(i).cloned())
                .collect();
            view! { <AddedColumn i header=h.clone() role preview=preview.join(" · ") draft /> }
        })
        .collect_view();
    view! {
        <details class="jl-mt" data-testid="added-mapping">
            <summary>{title}</summary>
            <div class="jl-table-wrap">
                <table class="jl-table">
                    <thead>
                        <tr>
                            <th scope="col">{tr(lang, "data.column")}</th>
                            <th scope="col">{tr(lang, "data.role")}</th>
                            <th scope="col">{tr(lang, "data.preview")}</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
            <button
                class="jl-btn primary"
                on:click=move |_| {
                    let roles = draft.get_untracked();
                    leptos::task::spawn_local(async move { data.files.remap(state, index, roles).await });
                }
            >
                {tr(lang, "data.apply_mapping")}
            </button>
            {rejected}
        </details>
    }
}

/// One column of an added file: its header, a role menu that edits the draft, its first
/// values.
#[component]
fn AddedColumn(
    i: usize,
    header: String,
    role: Role,
    preview: String,
    draft: RwSignal<Vec<Role>>,
) -> impl IntoView {
    let lang = expect_context::<Look>().lang.get_untracked();
    let label = trf(lang, "data.role_of", &[("column", &header)]);
    view! {
        <tr data-column=header.clone()>
            <td>{header.clone()}</td>
            <td>
                <select
                    aria-label=label
                    on:change=move |e| {
                        let r = Role::from_key(&event_target_value(&e)).unwrap_or(Role::Ignore);
                        draft.update(|d| {
                            if let Some(slot) = d.get_mut(i) {
                                *slot = r;
                            }
                        });
                    }
                >
                    {Role::ALL
                        .iter()
                        .map(|r| view! {
                            <option value=r.key() selected=*r == role>
                                {tr(lang, &format!("role.{}", r.key())).to_string()}
                            </option>
                        })
                        .collect_view()}
                </select>
            </td>
            <td class="jl-preview">{preview}</td>
        </tr>
    }
}

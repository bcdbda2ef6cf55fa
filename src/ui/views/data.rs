//! The Data view: where the data comes from, how it loaded (summary, mapping, rejected
//! rows) and the analysis settings.

use crate::dataset::{Role, Scale};
use crate::format;
use crate::i18n::{tr, trc, trf, Arg, Lang};
use crate::ingest::LoadNote;
use crate::present::message::{problem_column, rejected_csv, render};
use crate::ui::dom;
use crate::ui::file_picker::FilePicker;
use crate::ui::loader::LoadChoices;
use crate::ui::state::{use_lang, AppState, DataState, Look, Source};
use leptos::ev;
use leptos::prelude::*;

#[component]
pub fn DataView() -> impl IntoView {
    let data = expect_context::<DataState>();
    view! {
        <div data-view="data">
            <div class="jl-grid">
                <Sources />
                <LoadSummary />
            </div>
            <super::files::FilesCard />
            // Mounted afresh for each load, so an unapplied draft never outlives its file.
            {move || {
                data.current.track();
                view! { <MappingCard /> }
            }}
            <RejectedCard />
            <super::settings::SettingsCard />
            <super::recovery::ForgetCard />
        </div>
    }
}

fn first_file(files: Option<web_sys::FileList>) -> Option<web_sys::File> {
    files.and_then(|f| f.get(0))
}

#[component]
fn Sources() -> impl IntoView {
    let lang = expect_context::<Look>().lang.get_untracked();
    view! {
        <section class="jl-card" data-testid="sources">
            <h2>{tr(lang, "data.sources")}</h2>
            <DropZone />
            <ProgressBar />
            <PasteBox />
            <h3>{tr(lang, "data.feed")}</h3>
            <FeedRow />
            <h3>{tr(lang, "data.samples")}</h3>
            <SampleButtons />
        </section>
    }
}

/// Drop a file here, or pick one.
#[component]
fn DropZone() -> impl IntoView {
    let lang = expect_context::<Look>().lang.get_untracked();
    let state = expect_context::<AppState>();
    let over = RwSignal::new(false);
    // While the user looks for a file (in the dialog, or dragging it here), the workers
    // that will parse it start; closing the dialog without a file, or leaving the view,
    // stops them if no file came.
    let reach = Callback::new(move |()| state.stand_by());
    let give_up = Callback::new(move |()| state.stand_down());
    on_cleanup(move || state.stand_down());
    let open_file = move |file: web_sys::File| {
        leptos::task::spawn_local(
            async move { state.load_file(file, LoadChoices::default()).await },
        );
    };
    let on_drop = move |e: ev::DragEvent| {
        e.prevent_default();
        over.set(false);
        if let Some(file) = first_file(e.data_transfer().and_then(|d| d.files())) {
            open_file(file);
        }
    };
    view! {
        <div
            class=move || if over.get() { "jl-dropzone over" } else { "jl-dropzone" }
            on:dragover=move |e: ev::DragEvent| {
                e.prevent_default();
                over.set(true);
            }
            on:dragenter=move |_| reach.run(())
            on:dragleave=move |_| over.set(false)
            on:drop=on_drop
        >
            <p>{tr(lang, "data.drop")}</p>
            <FilePicker label=tr(lang, "data.pick") primary=true testid="file-input" on_file=open_file on_open=reach on_close=give_up />
        </div>
    }
}

/// Paste CSV text and load it.
#[component]
fn PasteBox() -> impl IntoView {
    let lang = expect_context::<Look>().lang.get_untracked();
    let state = expect_context::<AppState>();
    let pasted = RwSignal::new(String::new());
    view! {
        <details>
            <summary>{tr(lang, "data.paste")}</summary>
            <textarea
                class="jl-paste"
                data-testid="paste"
                aria-label=tr(lang, "data.paste")
                prop:value=move || pasted.get()
                on:input=move |e| pasted.set(event_target_value(&e))
            ></textarea>
            <button
                class="jl-btn"
                data-action="load-pasted"
                on:click=move |_| {
                    let text = pasted.get_untracked();
                    if !text.trim().is_empty() {
                        state.load_bytes(text.into_bytes(), Source::Pasted, LoadChoices::default());
                    }
                }
            >
                {tr(lang, "data.load_pasted")}
            </button>
        </details>
    }
}

/// A feed address to load; once a feed is on screen, reload it or refresh it every so often.
#[component]
fn FeedRow() -> impl IntoView {
    let lang = expect_context::<Look>().lang.get_untracked();
    let data = expect_context::<DataState>();
    let state = expect_context::<AppState>();
    let feed_url = RwSignal::new(dom::query_param("feed").unwrap_or_default());
    let load_feed = move || {
        let url = feed_url.get_untracked();
        leptos::task::spawn_local(async move { state.load_feed(&url).await });
    };
    let is_feed = move || {
        data.current
            .with(|c| matches!(c.as_ref().map(|c| &c.source), Some(Source::Feed(_))))
    };
    view! {
        <div class="jl-row">
            <input
                type="url"
                class="jl-input"
                data-testid="feed-url"
                placeholder="https://…/events.json"
                aria-label=tr(lang, "data.feed")
                prop:value=move || feed_url.get()
                on:input=move |e| feed_url.set(event_target_value(&e))
                on:keydown=move |e: ev::KeyboardEvent| {
                    if e.key() == "Enter" {
                        load_feed();
                    }
                }
            />
            <button class="jl-btn" data-action="load-feed" disabled=move || data.feed_busy.get() on:click=move |_| load_feed()>
                {tr(lang, "data.load_feed")}
            </button>
            <Show when=is_feed>
                <FeedRefresh />
            </Show>
        </div>
    }
}

/// "Reload feed" and "refresh every", for the feed on screen.
#[component]
fn FeedRefresh() -> impl IntoView {
    let lang = expect_context::<Look>().lang.get_untracked();
    let data = expect_context::<DataState>();
    let state = expect_context::<AppState>();
    view! {
        <button
            class="jl-btn"
            data-action="reload-feed"
            disabled=move || data.feed_busy.get()
            on:click=move |_| {
                if let Some(Source::Feed(url)) = data.current.with_untracked(|c| c.as_ref().map(|c| c.source.clone())) {
                    leptos::task::spawn_local(async move { state.load_feed(&url).await });
                }
            }
        >
            {tr(lang, "data.reload_feed")}
        </button>
        <label>
            {tr(lang, "data.refresh_every")}
            " "
            <select
                prop:value=move || data.feed_every.get().to_string()
                on:change=move |e| data.feed_every.set(event_target_value(&e).parse().unwrap_or(0))
            >
                <option value="0">{tr(lang, "data.refresh_off")}</option>
                <option value="30">"30 s"</option>
                <option value="60">"1 min"</option>
                <option value="300">"5 min"</option>
            </select>
        </label>
    }
}

/// One button per bundled sample.
#[component]
fn SampleButtons() -> impl IntoView {
    let state = expect_context::<AppState>();
    let load_sample = move |path: &'static str| {
        leptos::task::spawn_local(async move {
            if path.ends_with(".json") {
                state.load_feed(path).await
            } else {
                state.load_sample(path).await
            }
        })
    };
    view! {
        <div class="jl-row">
            <button class="jl-btn" on:click=move |_| load_sample("sample/journeys.csv")>"journeys.csv"</button>
            <button class="jl-btn" on:click=move |_| load_sample("sample/viatge_ca.csv")>"viatge_ca.csv"</button>
            <button class="jl-btn" on:click=move |_| load_sample("sample/viaje_es.csv")>"viaje_es.csv"</button>
            <button class="jl-btn" on:click=move |_| load_sample("sample/podroz_pl.csv")>"podroz_pl.csv"</button>
            <button class="jl-btn" on:click=move |_| load_sample("sample/feed.json")>"feed.json"</button>
        </div>
    }
}

/// Rows and MB done, with Cancel, while a file loads. Built once per load and updated in
/// place, so the Cancel button stays put under the pointer while the numbers move.
#[component]
fn ProgressBar() -> impl IntoView {
    let data = expect_context::<DataState>();
    let lang = use_lang();
    let pct = move || {
        data.progress.with(|p| match p {
            Some(p) if p.total > 0.0 => p.bytes / p.total * 100.0,
            _ => 0.0,
        })
    };
    let text = move || {
        data.progress.with(|p| {
            p.map(|p| {
                trc(
                    lang,
                    "load.progress",
                    &[
                        ("rows", p.rows.into()),
                        (
                            "done",
                            Arg::Text(&format::number(lang, p.bytes / 1_048_576.0, 1)),
                        ),
                        (
                            "total",
                            Arg::Text(&format::number(lang, p.total / 1_048_576.0, 1)),
                        ),
                    ],
                )
            })
            .unwrap_or_default()
        })
    };
    view! {
        <Show when=move || data.progress.with(|p| p.is_some())>
            <div class="jl-load-progress" data-testid="progress">
                <div
                    class="jl-progress"
                    role="progressbar"
                    aria-valuemin="0"
                    aria-valuemax="100"
                    aria-valuenow=move || format!("{:.0}", pct())
                >
                    <div style=move || format!("transform:scaleX({:.4})", pct() / 100.0)></div>
                </div>
                <div class="jl-row">
                    <span>{text}</span>
                    <button class="jl-btn" data-action="cancel-load" on:click=move |_| data.cancel.set_value(true)>
                        {tr(lang, "action.cancel")}
                    </button>
                </div>
            </div>
        </Show>
    }
}

#[component]
fn LoadSummary() -> impl IntoView {
    let data = expect_context::<DataState>();
    let lang = use_lang();
    let body = move || {
        data.current.with(|c| {
            let c = c.as_ref()?;
            let r = &c.loaded.report;
            let summary = trc(lang, "load.summary", &[
                    ("loaded", r.rows_loaded.into()),
                    ("rejected", r.rows_rejected.into()),
                ],
            );
            let customers = trc(lang, "data.customers", &[("n", c.loaded.dataset.customer_count().into())]);
            let mut facts = vec![(tr(lang, "load.format"), r.format.to_uppercase())];
            if !r.encoding.is_empty() {
                facts.push((tr(lang, "load.encoding"), r.encoding.clone()));
            }
            if !r.delimiter.is_empty() {
                let d = match r.delimiter.as_str() {
                    "\t" => tr(lang, "load.delimiter_tab"),
                    other => other.to_string(),
                };
                facts.push((tr(lang, "load.delimiter"), d));
                facts.push((
                    tr(lang, "load.decimal"),
                    tr(lang, if r.decimal_comma { "load.decimal_comma" } else { "load.decimal_point" }).to_string(),
                ));
            }
            for (col, readings) in &r.date_readings {
                let read: Vec<String> = readings.iter().map(|d| render(lang, d)).collect();
                facts.push((tr(lang, "load.dates"), format!("{col}: {}", read.join(", "))));
            }
            let notes: Vec<String> = r.notes.iter().map(|n| render(lang, n)).collect();
            let suggestion = r.suggested_satisfaction_scale;
            Some(view! {
                <p class="jl-big" data-testid="load-summary">{summary}</p>
                <p data-testid="customer-count">{customers}</p>
                <dl class="jl-facts">
                    {facts.into_iter().map(|(k, v)| view! { <dt>{k}</dt><dd>{v}</dd> }).collect_view()}
                </dl>
                {notes.into_iter().map(|n| view! { <p class="jl-note">{n}</p> }).collect_view()}
                {suggestion.map(|s| view! { <ScaleSuggestion scale=s /> })}
            })
        })
    };
    view! {
        <section class="jl-card" data-testid="load-card">
            <h2>{tr(lang, "data.summary")}</h2>
            {body}
        </section>
    }
}

/// "Values fall outside 1–5: use 1–10?" — never switched silently.
#[component]
fn ScaleSuggestion(scale: Scale) -> impl IntoView {
    let data = expect_context::<DataState>();
    let state = expect_context::<AppState>();
    let lang = use_lang();
    let label = crate::format::scale(lang, scale);
    let text = trf(lang, "load.suggest_scale", &[("scale", &label)]);
    view! {
        <div class="jl-note" data-testid="scale-suggestion">
            {text}
            " "
            <button
                class="jl-btn"
                on:click=move |_| {
                    let mut choices = current_choices(data);
                    choices.scales.satisfaction = scale;
                    leptos::task::spawn_local(async move { state.reload_with(choices).await });
                }
            >
                {trf(lang, "load.use_scale", &[("scale", &crate::format::scale(lang, scale))])}
            </button>
        </div>
    }
}

/// The choices behind the current data, as a starting point for a change.
fn current_choices(data: DataState) -> LoadChoices {
    data.current.with_untracked(|c| match c {
        Some(c) => LoadChoices {
            roles: if data.files.milestones.with_untracked(Option::is_some) {
                data.files.chosen_roles.get_untracked()
            } else {
                Some(c.loaded.report.mapping.roles())
            },
            scales: c.loaded.dataset.scales,
            row_ids: c
                .loaded
                .report
                .notes
                .contains(&LoadNote::RowNumberAsCustomer),
            milestones: data.files.milestones.get_untracked(),
            key: None,
        },
        None => LoadChoices::default(),
    })
}

/// Each column's role with a preview of its first values; any role can be changed.
/// One column of the file as the mapping table shows it.
#[derive(Clone, PartialEq)]
struct ColumnRow {
    i: usize,
    header: String,
    role: Role,
    /// The first three values, joined with " · ".
    preview: String,
}

/// The mapping table's rows and roles: the draft's, else what was applied, else what was
/// sniffed. `None` before a file is sniffed.
fn column_rows(data: DataState, draft: Option<Vec<Role>>) -> Option<(Vec<ColumnRow>, Vec<Role>)> {
    let s = data.sniffed.get()?;
    let applied = if data.files.milestones.with(Option::is_some) {
        data.files.chosen_roles.get()
    } else {
        data.current
            .with(|c| c.as_ref().map(|c| c.loaded.report.mapping.roles()))
    };
    let roles = draft.or(applied).unwrap_or_else(|| s.roles.clone());
    let rows = s
        .headers
        .iter()
        .enumerate()
        .map(|(i, h)| {
            let preview: Vec<String> = s
                .preview
                .iter()
                .take(3)
                .filter_map(|r| r.get(i).cloned())
                .collect();
            ColumnRow {
                i,
                header: h.clone(),
                role: roles.get(i).copied().unwrap_or(Role::Ignore),
                preview: preview.join(" · "),
            }
        })
        .collect();
    Some((rows, roles))
}

/// Downloads the mapping table as it stands (the draft's roles, if any) as CSV.
fn download_mapping(data: DataState, rows: Memo<Option<(Vec<ColumnRow>, Vec<Role>)>>, lang: Lang) {
    let table = crate::charts::Table {
        caption: String::new(),
        headers: vec![
            tr(lang, "data.column"),
            tr(lang, "data.role"),
            tr(lang, "data.preview"),
        ],
        rows: rows
            .get_untracked()
            .map(|(rows, _)| rows)
            .unwrap_or_default()
            .into_iter()
            .map(|r| vec![r.header, r.role.key().to_string(), r.preview])
            .collect(),
    };
    crate::ui::snapshot::download_csv(data, "mapping", &table, lang);
}

/// The column → role table, with the milestones picker, the scale and row-id choices and
/// "Apply". The draft lives in the card, which is mounted afresh for each load.
#[component]
fn MappingCard() -> impl IntoView {
    let data = expect_context::<DataState>();
    let state = expect_context::<AppState>();
    let lang = use_lang();
    let draft = RwSignal::new(None::<Vec<Role>>);
    let row_ids = RwSignal::new(false);
    let sat_scale = RwSignal::new(None::<Scale>);
    let milestones = RwSignal::new(None::<super::milestones::Draft>);
    let rows = Memo::new(move |_| column_rows(data, draft.get()));
    let apply = move |_| {
        let mut choices = current_choices(data);
        if let Some(d) = draft.get_untracked() {
            choices.roles = Some(d);
        }
        choices.row_ids = row_ids.get_untracked();
        if let Some(s) = sat_scale.get_untracked() {
            choices.scales.satisfaction = s;
        }
        if let Some(m) = milestones.get_untracked() {
            choices.milestones = m.spec();
        }
        leptos::task::spawn_local(async move { state.reload_with(choices).await });
    };
    let download = move |_| download_mapping(data, rows, lang);
    view! {
        <Show when=move || data.sniffed.with(|s| s.is_some())>
            <section class="jl-card" data-testid="mapping">
                <h2 id="jl-mapping-title">{tr(lang, "data.mapping")}</h2>
                <p class="jl-sub">{tr(lang, "data.mapping_help")}</p>
                <div class="jl-table-wrap" tabindex="0" role="region" aria-labelledby="jl-mapping-title">
                    <table class="jl-table">
                        <thead>
                            <tr>
                                <th scope="col">{tr(lang, "data.column")}</th>
                                <th scope="col">{tr(lang, "data.role")}</th>
                                <th scope="col">{tr(lang, "data.preview")}</th>
                            </tr>
                        </thead>
                        <tbody>
                            {move || {
                                let (list, roles) = rows.get().unwrap_or_default();
                                let labels = role_labels(lang);
                                list.into_iter()
                                    .map(|row| {
                                        let labels = labels.clone();
                                        view! { <MappingRow row roles=roles.clone() labels draft /> }
                                    })
                                    .collect_view()
                            }}
                        </tbody>
                    </table>
                </div>
                <super::milestones::MilestonesPicker draft=milestones />
                <div class="jl-row jl-mapping-actions">
                    <label>
                        <input type="checkbox" on:change=move |e| row_ids.set(event_target_checked(&e)) />
                        " "
                        {tr(lang, "data.row_ids")}
                    </label>
                    <SatisfactionScale choice=sat_scale />
                    <button class="jl-btn" data-action="download-mapping" on:click=download>
                        {tr(lang, "table.download_csv")}
                    </button>
                    <button class="jl-btn primary" data-action="apply-mapping" on:click=apply>
                        {tr(lang, "data.apply_mapping")}
                    </button>
                </div>
            </section>
        </Show>
    }
}

/// Each role's key and name in `lang`, looked up once for all the columns' menus (a dozen
/// columns times every role was two hundred lookups in the task that shows a new file).
fn role_labels(lang: Lang) -> std::rc::Rc<[(Role, String)]> {
    Role::ALL
        .iter()
        .map(|r| (*r, tr(lang, &format!("role.{}", r.key()))))
        .collect()
}

/// One column's row: its header, a role menu that edits the draft, its first values.
#[component]
fn MappingRow(
    row: ColumnRow,
    roles: Vec<Role>,
    labels: std::rc::Rc<[(Role, String)]>,
    draft: RwSignal<Option<Vec<Role>>>,
) -> impl IntoView {
    let lang = expect_context::<Look>().lang.get_untracked();
    let ColumnRow {
        i,
        header,
        role,
        preview,
    } = row;
    let on_change = move |e: leptos::ev::Event| {
        let chosen = Role::from_key(&event_target_value(&e)).unwrap_or(Role::Ignore);
        let mut next = roles.clone();
        if let Some(slot) = next.get_mut(i) {
            *slot = chosen;
        }
        draft.set(Some(next));
    };
    view! {
        <tr data-column=header.clone()>
            <td>{header.clone()}</td>
            <td>
                <select
                    aria-label=trf(lang, "data.role_of", &[("column", &header)])
                    data-testid="role-select"
                    on:change=on_change
                >
                    {labels
                        .iter()
                        .map(|(r, label)| {
                            view! {
                                <option value=r.key() selected=*r == role>
                                    {label.clone()}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            </td>
            <td class="jl-preview">{preview}</td>
        </tr>
    }
}

/// The satisfaction scale menu of the mapping card.
#[component]
fn SatisfactionScale(choice: RwSignal<Option<Scale>>) -> impl IntoView {
    let data = expect_context::<DataState>();
    let lang = use_lang();
    let current = data
        .current
        .with_untracked(|c| c.as_ref().map(|c| c.loaded.dataset.scales.satisfaction));
    view! {
        <label>
            {tr(lang, "data.sat_scale")}
            " "
            <select on:change=move |e| {
                let i: usize = event_target_value(&e).parse().unwrap_or(0);
                choice.set(Scale::SATISFACTION_CHOICES.get(i).copied());
            }>
                {Scale::SATISFACTION_CHOICES
                    .iter()
                    .enumerate()
                    .map(|(i, s)| {
                        view! {
                            <option value=i.to_string() selected=current == Some(*s)>
                                {crate::format::scale(lang, *s)}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
        </label>
    }
}

/// Rejected rows with line, column and reason, downloadable as CSV.
#[component]
fn RejectedCard() -> impl IntoView {
    let data = expect_context::<DataState>();
    let lang = use_lang();
    const SHOWN: usize = 200;
    let count = move || {
        data.current.with(|c| {
            c.as_ref()
                .map(|c| c.loaded.report.rows_rejected)
                .unwrap_or(0)
        })
    };
    let download = move |_| {
        let csv = data.current.with_untracked(|c| {
            c.as_ref()
                .map(|c| rejected_csv(lang, &c.loaded.headers, &c.loaded.rejected))
        });
        if let Some(csv) = csv {
            dom::download(
                &crate::ui::snapshot::file_name(data, lang, "rejected-rows", "csv"),
                "text/csv;charset=utf-8",
                csv.as_bytes(),
            );
        }
    };
    view! {
        <Show when=move || { count() > 0 }>
            <section class="jl-card" data-testid="rejected">
                <h2 id="jl-rejected-title">{move || trc(lang, "data.rejected", &[("n", count().into())])}</h2>
                <div class="jl-table-wrap" tabindex="0" role="region" aria-labelledby="jl-rejected-title">
                    <table class="jl-table">
                        <thead>
                            <tr>
                                <th scope="col">{tr(lang, "data.line")}</th>
                                <th scope="col">{tr(lang, "data.column")}</th>
                                <th scope="col">{tr(lang, "data.reason")}</th>
                            </tr>
                        </thead>
                        <tbody>
                            {move || {
                                data.current.with(|c| {
                                    c.as_ref()
                                        .map(|c| {
                                            c.loaded
                                                .report
                                                .errors
                                                .iter()
                                                .take(SHOWN)
                                                .map(|e| {
                                                    view! {
                                                        <tr>
                                                            <td>{e.line}</td>
                                                            <td>{problem_column(lang, e.column.as_deref())}</td>
                                                            <td>{render(lang, &e.problem)}</td>
                                                        </tr>
                                                    }
                                                })
                                                .collect_view()
                                        })
                                })
                            }}
                        </tbody>
                    </table>
                </div>
                <div class="jl-chart-actions">
                    <button class="jl-btn" data-action="download-rejected" on:click=download>
                        {tr(lang, "table.download_csv")}
                    </button>
                </div>
            </section>
        </Show>
    }
}

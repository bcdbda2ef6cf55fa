//! "Use these date columns as journey stages" on the mapping screen: the sniffed date
//! columns, each with a tick, an editable stage name and up/down buttons, ordered as in the
//! file or by date; the result is the [`Milestones`] spec the next load follows.

use crate::i18n::{tr, trf};
use crate::ingest::milestones::{by_dates, Candidate};
use crate::ingest::{MilestoneStage, Milestones};
use crate::ui::state::{use_lang, DataState, Look};
use leptos::prelude::*;

/// One date column on the screen.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub column: String,
    pub stage: String,
    pub used: bool,
    pub offset: Option<i64>,
}

/// What the user has set so far.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Draft {
    pub on: bool,
    pub rows: Vec<Row>,
    pub measures_on: Option<String>,
}

impl Draft {
    /// Starts from the applied spec when there is one, else from the sniffer's proposal.
    pub fn new(cands: &[Candidate], applied: Option<&Milestones>) -> Draft {
        let row = |c: &Candidate| Row {
            column: c.column.clone(),
            stage: c.stage.clone(),
            used: !c.planned,
            offset: c.offset,
        };
        match applied {
            None => Draft {
                on: false,
                rows: cands.iter().map(row).collect(),
                measures_on: None,
            },
            Some(m) => {
                let mut rows: Vec<Row> = m
                    .stages
                    .iter()
                    .map(|s| Row {
                        column: s.column.clone(),
                        stage: s.stage.clone(),
                        used: true,
                        offset: cands
                            .iter()
                            .find(|c| c.column == s.column)
                            .and_then(|c| c.offset),
                    })
                    .collect();
                for c in cands {
                    if !rows.iter().any(|r| r.column == c.column) {
                        rows.push(Row {
                            used: false,
                            ..row(c)
                        });
                    }
                }
                Draft {
                    on: true,
                    rows,
                    measures_on: m.measures_on.clone(),
                }
            }
        }
    }

    /// The spec to load with (`None` when off or nothing is ticked).
    pub fn spec(&self) -> Option<Milestones> {
        let stages: Vec<MilestoneStage> = self
            .rows
            .iter()
            .filter(|r| r.used)
            .map(|r| MilestoneStage {
                column: r.column.clone(),
                stage: r.stage.clone(),
            })
            .collect();
        (self.on && !stages.is_empty()).then(|| Milestones {
            stages,
            measures_on: self.measures_on.clone(),
        })
    }

    fn by_date(&mut self) {
        let cands: Vec<Candidate> = self
            .rows
            .iter()
            .map(|r| Candidate {
                column: r.column.clone(),
                stage: r.stage.clone(),
                offset: r.offset,
                filled: 0,
                planned: false,
            })
            .collect();
        let order: Vec<String> = by_dates(cands).into_iter().map(|c| c.column).collect();
        crate::order::sort_by_key(&mut self.rows, |r| {
            order.iter().position(|c| *c == r.column)
        });
    }
}

/// The draft on screen and how to change it: every edit starts from what is shown.
#[derive(Clone, Copy)]
struct Editor {
    draft: RwSignal<Option<Draft>>,
    /// The draft shown: the user's edits, else the applied spec or the proposal.
    current: Memo<Draft>,
}

impl Editor {
    fn edit(self, f: &dyn Fn(&mut Draft)) {
        let mut d = self.current.get_untracked();
        f(&mut d);
        self.draft.set(Some(d));
    }
}

#[component]
pub fn MilestonesPicker(draft: RwSignal<Option<Draft>>) -> impl IntoView {
    let data = expect_context::<DataState>();
    let lang = use_lang();
    let cands = Memo::new(move |_| {
        data.sniffed
            .with(|s| s.as_ref().map(|s| s.milestones.clone()).unwrap_or_default())
    });
    let current = Memo::new(move |_| {
        draft
            .get()
            .unwrap_or_else(|| Draft::new(&cands.get(), data.files.milestones.get().as_ref()))
    });
    let editor = Editor { draft, current };
    view! {
        <Show when=move || !cands.with(Vec::is_empty)>
            <fieldset class="jl-mt" data-testid="milestones">
                <label>
                    <input
                        type="checkbox"
                        data-testid="use-milestones"
                        prop:checked=move || current.with(|d| d.on)
                        on:change=move |e| {
                            let on = event_target_checked(&e);
                            editor.edit(&|d| d.on = on);
                        }
                    />
                    " "
                    {tr(lang, "milestones.use")}
                </label>
                <Show when=move || current.with(|d| d.on)>
                    <p class="jl-sub">{tr(lang, "milestones.help")}</p>
                    <div class="jl-table-wrap">
                        <table class="jl-table">
                            <thead>
                                <tr>
                                    <th scope="col"></th>
                                    <th scope="col">{tr(lang, "milestones.column")}</th>
                                    <th scope="col">{tr(lang, "milestones.stage")}</th>
                                    <th scope="col"></th>
                                </tr>
                            </thead>
                            <tbody>
                                {move || {
                                    let rows = current.get().rows;
                                    let n = rows.len();
                                    rows.into_iter()
                                        .enumerate()
                                        .map(|(i, row)| view! { <MilestoneRow i n row editor /> })
                                        .collect_view()
                                }}
                            </tbody>
                        </table>
                    </div>
                    <MilestoneOrder cands editor />
                </Show>
            </fieldset>
        </Show>
    }
}

/// One date column: use it or not, its stage name, move it up or down.
#[component]
fn MilestoneRow(i: usize, n: usize, row: Row, editor: Editor) -> impl IntoView {
    let lang = expect_context::<Look>().lang.get_untracked();
    let r = row;
    let label = trf(lang, "milestones.stage_name", &[("column", &r.column)]);
    view! {
        <tr data-column=r.column.clone()>
            <td>
                <input
                    type="checkbox"
                    data-testid="milestone-use"
                    prop:checked=r.used
                    on:change=move |e| {
                        let on = event_target_checked(&e);
                        editor.edit(&|d| d.rows[i].used = on);
                    }
                />
            </td>
            <td>{r.column.clone()}</td>
            <td>
                <input
                    class="jl-input"
                    data-testid="milestone-stage"
                    aria-label=label
                    prop:value=r.stage.clone()
                    on:change=move |e| {
                        let v = event_target_value(&e);
                        editor.edit(&|d| d.rows[i].stage = v.clone());
                    }
                />
            </td>
            <td>
                <button class="jl-btn" disabled={i == 0} aria-label=tr(lang, "milestones.move_up")
                    on:click=move |_| editor.edit(&|d| d.rows.swap(i - 1, i))>"↑"</button>
                <button class="jl-btn" disabled={i + 1 >= n} aria-label=tr(lang, "milestones.move_down")
                    on:click=move |_| editor.edit(&|d| d.rows.swap(i, i + 1))>"↓"</button>
            </td>
        </tr>
    }
}

/// File order, date order, and the stage the measures are read on.
#[component]
fn MilestoneOrder(cands: Memo<Vec<Candidate>>, editor: Editor) -> impl IntoView {
    let lang = expect_context::<Look>().lang.get_untracked();
    let current = editor.current;
    let stages = move || {
        current
            .get()
            .rows
            .into_iter()
            .filter(|r| r.used)
            .map(|r| r.stage)
            .collect::<Vec<_>>()
    };
    view! {
        <div class="jl-row">
            <button class="jl-btn" data-action="milestones-file-order" on:click=move |_| {
                let order: Vec<String> = cands.get_untracked().into_iter().map(|c| c.column).collect();
                editor.edit(&|d| crate::order::sort_by_key(&mut d.rows, |r| order.iter().position(|c| *c == r.column)));
            }>{tr(lang, "milestones.file_order")}</button>
            <button class="jl-btn" data-action="milestones-by-date" on:click=move |_| editor.edit(&|d| d.by_date())>
                {tr(lang, "milestones.by_date")}
            </button>
            <label>
                {tr(lang, "milestones.measures_on")}
                " "
                <select on:change=move |e| {
                    let v = event_target_value(&e);
                    editor.edit(&|d| d.measures_on = Some(v.clone()));
                }>
                    {move || {
                        let chosen = current.with(|d| d.measures_on.clone());
                        stages()
                            .into_iter()
                            .map(|s| {
                                let sel = chosen.as_deref() == Some(s.as_str());
                                view! { <option value=s.clone() selected=sel>{s.clone()}</option> }
                            })
                            .collect_view()
                    }}
                </select>
            </label>
        </div>
    }
}

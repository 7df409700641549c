//! Every saved check-in: trend chart, since last time, the list (also the
//! chart's table alternative), deleting with undo, backup and restore.

use crate::pages::home::Title;
use crate::pages::results::{Items, ZoneMap};
use crate::state::{use_state, AppState};
use crate::{dom, files, fmt_date, t, tf, tk, tn};
use leptos::prelude::*;
use temper_core::backup::{self, ImportMode, Preview};
use temper_core::history::{
    build_another, chart_points, date_ticks, pages, parts_in_page, polyline, rows, since_last,
    y_of, Point, Since, LEFT, MAX_MARKS, PAGE, PATH_LEN, RIGHT, WIDTH,
};
use temper_core::insight::{insights, Insight};
use temper_core::route::Route;
use temper_core::store::{CheckIn, MAX_IMPORT_BYTES};

/// The id of the first row "Show all" adds.
const MORE_ID: &str = "history-more";

/// One line of the list.
#[derive(Clone, PartialEq)]
struct Line {
    id: String,
    at: i64,
    mode: &'static str,
    burnout: u8,
    rustout: u8,
    zone: &'static str,
    note: String,
}

/// Everything the screen shows, computed once per change of the data
/// (each check-in is scored once).
#[derive(Clone, PartialEq, Default)]
struct Overview {
    /// Newest first.
    lines: Vec<Line>,
    points: Vec<Point>,
    /// "Since your last ..., on ...", and its lines.
    since: Option<(String, Vec<String>)>,
    path: Vec<(u8, u8)>,
}

/// "Since your last quick pulse, on Nov 2, 2026", and a line per figure.
pub(crate) fn since_words(s: &Since) -> (String, Vec<String>) {
    let heading = tf(
        &format!("history.since.{}", s.mode.key()),
        &[("date", &fmt_date(s.then))],
    );
    let lines = s
        .changes
        .iter()
        .map(|c| {
            let (name, now, by) = (t(&c.key), c.now.to_string(), c.delta.abs().to_string());
            tf(
                c.direction.key(),
                &[("name", &name), ("now", &now), ("by", &by)],
            )
        })
        .collect();
    (heading, lines)
}

fn overview(checkins: &[CheckIn]) -> Overview {
    let scored = rows(checkins);
    let n = checkins.len();
    let since = since_last(checkins).map(|s| since_words(&s));
    Overview {
        lines: checkins
            .iter()
            .zip(&scored)
            .rev()
            .map(|(c, r)| Line {
                id: c.id.clone(),
                at: c.at,
                mode: c.mode.key(),
                burnout: r.burnout,
                rustout: r.rustout,
                zone: r.label,
                note: c.note.clone(),
            })
            .collect(),
        points: chart_points(&scored),
        since,
        path: scored[n.saturating_sub(PATH_LEN)..]
            .iter()
            .map(|r| (r.rustout, r.burnout))
            .collect(),
    }
}

/// An item dated where this device's clock says it can't be (before 2000,
/// or more than a day ahead): it is kept and listed here, never counted as
/// the latest check-in, and this says which one it is.
#[component]
fn ClockBanner() -> impl IntoView {
    let st = use_state();
    let item = Memo::new(move |_| st.data.with(|d| d.out_of_time(crate::now_ms())));
    move || {
        item.get().map(|item| {
            let text = tf("clock.outoftime", &[("item", &crate::words(&item))]);
            view! { <crate::Message alert=true text/> }
        })
    }
}

#[component]
pub fn History() -> impl IntoView {
    let st = use_state();
    let all = Memo::new(move |_| st.data.with(|d| overview(&d.checkins)));
    let lines = Memo::new(move |_| all.with(|o| o.lines.clone()));
    let empty = Memo::new(move |_| st.data.with(|d| d.checkins.is_empty()));
    view! {
        <Title text=t("history.title")/>
        <ClockBanner/>
        <Show when=move || !empty.get() fallback=|| view! {
            <p>{t("history.empty")}</p>
            <p><a class="button primary" href="#/checkin">{t("home.start")}</a></p>
        }>
            <Charts all/>
            <Findings/>
            <h2>{t("history.list")}</h2>
            <List lines/>
        </Show>
        <Backup/>
    }
}

/// The chart, the changes since last time and the path on the map.
#[component]
fn Charts(all: Memo<Overview>) -> impl IntoView {
    let charts =
        Memo::new(move |_| all.with(|o| (o.points.clone(), o.since.clone(), o.path.clone())));
    move || {
        let (points, since, path) = charts.get();
        let since = since.map(|(heading, items)| view! { <h2>{heading}</h2><Items items/> });
        let (fx, fy) = path.first().copied().unwrap_or_default();
        let (lx, ly) = path.last().copied().unwrap_or_default();
        let alt = temper_core::i18n::fill(
            &tn("history.path.alt", path.len()),
            &[
                ("n", &path.len().to_string()),
                ("from", &format!("{fx}/{fy}")),
                ("to", &format!("{lx}/{ly}")),
            ],
        );
        view! {
            <Trend points/>
            {since}
            <h2>{t("history.path")}</h2>
            <ZoneMap path alt/>
        }
    }
}

/// What the history supports (`temper_core::insight`), each finding with
/// what it rests on; nothing when it supports nothing yet.
#[component]
fn Findings() -> impl IntoView {
    let st = use_state();
    let found = Memo::new(move |_| st.data.with(|d| insights(d, crate::now_ms())));
    move || {
        let lines: Vec<String> = found.with(|f| f.iter().map(insight_words).collect());
        (!lines.is_empty()).then(|| {
            view! {
                <section class="findings" aria-labelledby="findings">
                    <h2 id="findings">{t("insight.title")}</h2>
                    <Items items=lines/>
                    <p class="fine">{t("insight.note")}</p>
                </section>
            }
        })
    }
}

fn insight_words(i: &Insight) -> String {
    match i {
        Insight::MovedMost {
            dimension,
            from,
            to,
            since,
            checkins,
        } => tf(
            "insight.moved",
            &[
                ("dim", &tk("dim", dimension.key())),
                ("from", &from.to_string()),
                ("to", &to.to_string()),
                ("n", &checkins.to_string()),
                ("date", &fmt_date(*since)),
            ],
        ),
        Insight::IndexMoved {
            index,
            mode,
            from,
            to,
            since,
            checkins,
        } => tf(
            "insight.index",
            &[
                ("index", &t(index.name_key())),
                ("from", &from.to_string()),
                ("to", &to.to_string()),
                ("n", &checkins.to_string()),
                ("mode", &tk("insight.mode", mode.key())),
                ("date", &fmt_date(*since)),
            ],
        ),
        Insight::DrainsWhenRising {
            area,
            times,
            drains,
            stretches,
            checkins,
        } => temper_core::i18n::fill(
            &tn("insight.drains", *stretches),
            &[
                ("stretches", &stretches.to_string()),
                ("area", &tk("ledger.area", area.key())),
                ("times", &times.to_string()),
                ("drains", &drains.to_string()),
                ("n", &checkins.to_string()),
            ],
        ),
    }
}

/// Both indices over time, with band lines; pulses are squares, full
/// check-ins circles. The table below carries the same numbers as text.
#[component]
pub fn Trend(points: Vec<Point>) -> impl IntoView {
    let bands = temper_core::scoring::BAND_LINES
        .map(|v| {
            let y = y_of(v);
            view! {
                <line class="band-line" x1=LEFT y1=y x2=RIGHT y2=y></line>
                <text class="axis" x=LEFT - 4 y=y + 4 text-anchor="end">{v.to_string()}</text>
            }
        })
        .into_iter()
        .collect_view();
    // Markers for the most recent check-ins only: with hundreds of points
    // they overlap into a solid band anyway, and each is DOM work. The
    // lines show every check-in; the table lists them all.
    let marks = points[points.len().saturating_sub(MAX_MARKS)..]
        .iter()
        .flat_map(|p| [(p.x, p.burnout_y, "b", p.pulse), (p.x, p.rustout_y, "r", p.pulse)])
        .map(|(x, y, which, pulse)| {
            let class = format!("mark mark-{which}{}", if pulse { " pulse" } else { "" });
            // A square for a pulse, a circle (fully rounded square) for a full check-in.
            view! { <rect class=class x=x - 5 y=y - 5 width="10" height="10" rx=if pulse { 0 } else { 5 }></rect> }
        })
        .collect_view();
    let dates = date_ticks(&points)
        .into_iter()
        .map(|(x, at, anchor)| view! { <text class="axis" x=x y="244" text-anchor=anchor>{fmt_date(at)}</text> })
        .collect_view();
    // One check-in has no line yet: its two values are written out.
    let single = (points.len() == 1).then(|| {
        let p = &points[0];
        let text = format!(
            "{} {} · {} {}",
            t("results.burnout"),
            p.burnout,
            t("results.rustout"),
            p.rustout
        );
        view! { <text class="axis value" x=LEFT + 8 y="30">{text}</text> }
    });
    let one = (points.len() == 1).then(|| view! { " "{t("history.chart.single")} });
    view! {
        <figure class="trend">
            <svg viewBox=format!("0 0 {WIDTH} 252") role="img" aria-label=t("history.chart.alt")>
                {bands}
                <polyline class="line-b" points=polyline(&points, |p| p.burnout_y)></polyline>
                <polyline class="line-r" points=polyline(&points, |p| p.rustout_y)></polyline>
                {marks}
                {single}
                {dates}
            </svg>
            <figcaption>{t("history.chart.legend")}{one}</figcaption>
        </figure>
    }
}

/// Delete one check-in, with Undo in the notice.
fn delete(st: AppState, id: &str) {
    if let Some(c) = st.data.try_update(|d| d.delete(id)).flatten() {
        st.persist();
        st.say(
            tf("history.deleted", &[("date", &fmt_date(c.at))]),
            false,
            Some(crate::state::Undo::CheckIn(c)),
        );
    }
}

#[component]
fn List(lines: Memo<Vec<Line>>) -> impl IntoView {
    let st = use_state();
    let show_all = RwSignal::new(false);
    let total = Memo::new(move |_| lines.with(Vec::len));
    // The table's rows as escaped markup (see `RowsMarkup`): the first
    // page in one body, the rest in parts of a body each.
    let first = Memo::new(move |_| lines.with(|l| rows_markup(pages(l).0, false)));
    let parts = Memo::new(move |_| lines.with(|l| pages(l).1.len()));
    // The rest is built ahead while the browser is idle, a part at a time,
    // hidden until "Show all": then showing it is only style and layout
    // (see README "Performance"). Each change of the rows starts a new
    // generation, whose parts are built afresh; `built` counts the parts
    // of the generation it names.
    let generation = Memo::new(move |prev: Option<&u32>| {
        lines.track();
        prev.map_or(0, |g| g.wrapping_add(1))
    });
    let built = RwSignal::new((0u32, 0usize));
    let built_of = |(of, n): (u32, usize), g: u32| if of == g { n } else { 0 };
    let built_now = move || {
        let g = generation.get();
        built_of(built.get(), g)
    };
    Effect::new(move |_| {
        let (g, n) = (generation.get(), built_now());
        if build_another(parts.get(), n, show_all.get()) {
            dom::when_idle(move || {
                // Only the part this was asked for: nothing if the rows
                // changed since, another callback built it, or the screen
                // is gone.
                if generation.try_get_untracked() == Some(g) {
                    built.try_maybe_update(|b| {
                        let next = built_of(*b, g) == n;
                        if next {
                            *b = (g, n + 1);
                        }
                        (next, ())
                    });
                }
            });
        }
    });
    let in_page = move || {
        let g = generation.get();
        let n = parts_in_page(parts.get(), built_now(), show_all.get());
        (0..n).map(move |i| (g, i))
    };
    // The rows' Delete buttons, found by their `data-delete` id.
    let on_rows = move |ev: leptos::ev::MouseEvent| {
        use wasm_bindgen::JsCast;
        let button = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|e| e.closest("button[data-delete]").ok().flatten());
        if let Some(id) = button.and_then(|b| b.get_attribute("data-delete")) {
            delete(st, &id);
        }
    };
    let delete_all = move |_| {
        if dom::confirm(&t("history.deleteall.confirm")) {
            st.delete_everything();
            st.say(t("history.deletedall"), false, None);
        }
    };
    let cols = [
        "history.col.date",
        "history.col.mode",
        "results.burnout",
        "results.rustout",
        "history.col.zone",
        "history.col.note",
    ]
    .map(|k| view! { <th scope="col">{t(k)}</th> })
    .into_iter()
    .collect_view();
    view! {
        <div class="table-wrap">
            <table class="history" on:click=on_rows>
                <thead><tr>{cols}<th scope="col"><span class="sr-only">{t("history.col.actions")}</span></th></tr></thead>
                <tbody inner_html=move || first.get().0></tbody>
                <For each=in_page key=|k| *k let((_, i))>
                    <tbody
                        hidden=move || !show_all.get()
                        inner_html=lines.with_untracked(|l| {
                            rows_markup(pages(l).1.nth(i).unwrap_or_default(), i == 0).0
                        })
                    ></tbody>
                </For>
            </table>
        </div>
        <Show when={move || !show_all.get() && total.get() > PAGE}>
            <p><button type="button" class="button" id="history-showall" on:click=move |_| {
                show_all.set(true);
                // Carry on where the new rows start, not back at the top.
                dom::focus_later(MORE_ID);
            }>{move || tf("history.showall", &[("n", &total.get().to_string())])}</button></p>
        </Show>
        <p><button type="button" class="button" on:click=delete_all>{t("history.deleteall")}</button></p>
    }
}

/// The history table's rows as markup, every value escaped
/// (`html_escape`). The one place Temper builds markup from text: with
/// 1,000 check-ins, "Show all" took 274 to 510 ms at 1x CPU with each cell
/// a Leptos element, against the 250 ms budget (issue 16 allows this one
/// table). Only [`rows_markup`] can make one; with `more` (the rows "Show
/// all" adds), its first row's link carries the id focus moves to.
#[derive(Clone, PartialEq)]
struct RowsMarkup(String);

fn rows_markup(lines: &[Line], more: bool) -> RowsMarkup {
    use html_escape::{encode_double_quoted_attribute as attr, encode_text as text};
    use std::fmt::Write;
    let delete = t("history.delete");
    let mut out = String::with_capacity(lines.len() * 320);
    for (i, l) in lines.iter().enumerate() {
        let id = if more && i == 0 {
            format!(" id=\"{MORE_ID}\"")
        } else {
            String::new()
        };
        // A note in its own direction (`bdi`); no element for none.
        let note = if l.note.is_empty() {
            String::new()
        } else {
            format!("<bdi>{}</bdi>", text(&l.note))
        };
        // The date is the row's header: a screen reader moving along a row
        // (or to its Delete) hears which check-in it is in.
        let _ = write!(
            out,
            "<tr><th scope=\"row\"><a href=\"{}\"{id}>{}</a></th><td>{}</td><td>{}</td><td>{}</td><td>{}</td>\
             <td class=\"note-cell\">{note}</td><td><button type=\"button\" class=\"link\" \
             data-delete=\"{}\">{}</button></td></tr>",
            attr(&Route::Results(Some(l.id.clone())).href()),
            text(&fmt_date(l.at)),
            text(&tk("mode", l.mode)),
            l.burnout,
            l.rustout,
            text(&t(l.zone)),
            attr(&l.id),
            text(&delete),
        );
    }
    RowsMarkup(out)
}

fn csv_header() -> [String; backup::CSV_COLUMNS] {
    [
        t("history.col.date"),
        t("history.col.mode"),
        t("results.burnout"),
        t("results.rustout"),
        t("history.col.zone"),
        t("dim.exhaustion"),
        t("dim.cynicism"),
        t("dim.efficacy"),
        t("dim.boredom"),
        t("dim.disengagement"),
        t("dim.underchallenge"),
        t("history.col.note"),
    ]
}

/// Export and import. Import validates the whole file and previews it;
/// nothing changes until the person chooses merge or replace.
#[component]
fn Backup() -> impl IntoView {
    let st = use_state();
    let preview: RwSignal<Option<Preview>> = RwSignal::new(None);
    // Each pick gets a number; a slow read of an earlier file never
    // replaces the preview of a later one.
    let picks = StoredValue::new(0u32);
    let download = move |name: &str, mime: &str, text: String| {
        if let Err(e) = files::download(name, mime, &text) {
            st.say(tf("store.failed", &[("reason", &e)]), true, None);
        }
    };
    let json = move |_| {
        download(
            "temper-backup.json",
            "application/json",
            st.data.with_untracked(backup::export_json),
        )
    };
    let csv = move |_| {
        let h = csv_header();
        let h: [&str; backup::CSV_COLUMNS] = std::array::from_fn(|i| h[i].as_str());
        // Each check-in's local day, at its own offset from UTC.
        let text = st
            .data
            .with_untracked(|d| backup::export_csv(d, &h, crate::utc_offset_minutes, t));
        download("temper-scores.csv", "text/csv", text);
    };
    let pick = move |ev: leptos::ev::Event| {
        let input = event_target::<web_sys::HtmlInputElement>(&ev);
        let Some(file) = input.files().and_then(|f| f.get(0)) else {
            return;
        };
        input.set_value("");
        preview.set(None);
        st.notice.set(None);
        picks.update_value(|n| *n += 1);
        let this = picks.get_value();
        leptos::task::spawn_local(async move {
            let read = files::read_text(file, MAX_IMPORT_BYTES).await;
            if picks.try_get_value() != Some(this) {
                return;
            }
            let result = match read {
                Ok(text) => st
                    .data
                    .with_untracked(|d| backup::parse_import(&text, d, crate::now_ms()))
                    .map_err(|e| crate::words(&e.reason())),
                Err(files::ReadError::Unreadable) => Err(t("import.unreadable")),
                Err(files::ReadError::TooLarge(bytes)) => Err(crate::words(
                    &backup::ImportError::TooLarge { bytes }.reason(),
                )),
            };
            match result {
                Ok(p) => {
                    let _ = preview.try_set(Some(p));
                    dom::focus_later("import-merge");
                }
                Err(e) => st.say(tf("import.refused", &[("problem", &e)]), true, None),
            }
        });
    };
    let apply = move |mode: ImportMode| {
        let Some(p) = preview.get_untracked() else {
            return;
        };
        let next = st.data.with_untracked(|d| backup::apply(d, &p, mode));
        // Everything in the file is deliberately back, even if deleted here
        // before: check-ins, plan steps and ledger entries alike.
        let restored: Vec<String> = p.incoming.item_ids().map(String::from).collect();
        st.data.set(next);
        st.persist_forgetting(&restored);
        preview.set(None);
        // Said only once it is stored; a failure shows the storage banner.
        if !st.saved() {
            return;
        }
        // What happened, counted: check-ins a merge added (and those it
        // found already here), or those a replace left.
        let done = match mode {
            ImportMode::Merge => temper_core::i18n::fill(
                &t("import.merged"),
                &[
                    ("n", &p.new.to_string()),
                    ("kept", &(p.total - p.new).to_string()),
                ],
            ),
            ImportMode::Replace => temper_core::i18n::fill(
                &tn("import.replaced", p.total),
                &[("n", &p.total.to_string())],
            ),
        };
        st.say(done, false, None);
    };
    let cancel = move |_| {
        preview.set(None);
        dom::focus_later("import-file");
    };
    let preview_text = move || {
        preview.with(|p| {
            p.as_ref().map(|p| {
                let range = p
                    .range
                    .map(|(a, b)| format!("{} – {}", fmt_date(a), fmt_date(b)))
                    .unwrap_or_default();
                fill_counted(
                    "import.preview",
                    p.total,
                    &[("new", &p.new.to_string()), ("range", &range)],
                )
            })
        })
    };
    view! {
        <h2>{t("backup.title")}</h2>
        <p>{t("backup.body")}</p>
        <div class="choices">
            <button type="button" class="button" on:click=json>{t("backup.json")}</button>
            <button type="button" class="button" on:click=csv>{t("backup.csv")}</button>
        </div>
        <p>
            <label for="import-file">{t("import.label")}</label><br/>
            <input id="import-file" type="file" accept=".json,application/json" on:change=pick/>
        </p>
        {move || preview_text().map(|text| view! {
            <div class="notice">
                <p>{text}</p>
                <div class="choices">
                    <button type="button" class="button primary" id="import-merge" on:click=move |_| apply(ImportMode::Merge)>{t("import.merge")}</button>
                    <button type="button" class="button" on:click=move |_| apply(ImportMode::Replace)>{t("import.replace")}</button>
                    <button type="button" class="button" on:click=cancel>{t("import.cancel")}</button>
                </div>
            </div>
        })}
    }
}

/// A text about `total` things (its singular variant for one), with
/// `{total}` and the other parameters filled.
fn fill_counted(key: &str, total: usize, args: &[(&str, &str)]) -> String {
    let n = total.to_string();
    let mut all = vec![("total", n.as_str())];
    all.extend_from_slice(args);
    temper_core::i18n::fill(&tn(key, total), &all)
}

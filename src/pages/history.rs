//! Every saved check-in: trend chart, since last time, the list (also the
//! chart's table alternative), deleting with undo, backup and restore.

use crate::blocks::{render, to_el, Block};
use crate::dom::mount_markup;
use crate::dom::{el, mount, svg, El};
use crate::state::{use_state, AppState};
use crate::{autofocus, files, fmt_date, html, refocus, t, tk, tn};
use leptos::prelude::*;
use temper_core::backup::{self, ImportMode, Preview};
use temper_core::history::{
    chart_points, polyline, rows, since_last, y_of, Point, Row, LEFT, RIGHT, WIDTH,
};
use temper_core::i18n::fill;

use temper_core::store::{CheckIn, MAX_IMPORT_BYTES};

/// How many recent check-ins the zone-map path shows.
const PATH_LEN: usize = 8;
/// The trend chart marks at most this many of the newest check-ins.
const MAX_MARKS: usize = 60;
/// The list shows this many newest check-ins until the person asks for all.
const PAGE: usize = 100;
/// The id of the first row "Show all" adds.
const MORE_ID: &str = "history-more";

thread_local! {
    /// "Show all" was chosen (for this session).
    static SHOW_ALL: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

#[component]
pub fn History() -> impl IntoView {
    let st = use_state();
    autofocus();
    let d = st.data.get_untracked();
    let body = if d.checkins.is_empty() {
        render(vec![
            Block::P(t("history.empty")),
            Block::Button("#/checkin".into(), t("home.start"), true),
        ])
    } else {
        let n = d.checkins.len();
        let rows = rows(&d.checkins);
        let mut b = vec![Block::Tree(chart(&chart_points(&rows)))];
        if n >= 2 {
            let changes = since_last(&d.checkins[n - 2], &d.checkins[n - 1]);
            b.push(Block::H2(t("history.since")));
            b.push(Block::List(
                changes
                    .iter()
                    .map(|c| {
                        let sign = if c.delta > 0 { "+" } else { "" };
                        format!("{}: {} ({sign}{})", t(&c.key), c.now, c.delta)
                    })
                    .collect(),
            ));
        }
        let path: Vec<(u8, u8)> = rows[n.saturating_sub(PATH_LEN)..]
            .iter()
            .map(|r| (r.rustout, r.burnout))
            .collect();
        let (fx, fy) = path[0];
        let (lx, ly) = path[path.len() - 1];
        let alt = fill(
            &tn("history.path.alt", path.len()),
            &[
                ("n", &path.len().to_string()),
                ("from", &format!("{fx}/{fy}")),
                ("to", &format!("{lx}/{ly}")),
            ],
        );
        b.push(Block::H2(t("history.path")));
        b.push(Block::Tree(crate::pages::results::zone_map(&path, alt)));
        b.push(Block::H2(t("history.list")));
        b.push(Block::Tree(list(&d.checkins, &rows)));
        let tree = el("div").kids(b.into_iter().map(to_el));
        mount(tree, move |action, id| act(st, action, id))
    };
    crate::dom::seq(vec![crate::dom::title(t("history.title")), body, backup()])
}

/// Clicks on the list's buttons.
fn act(st: AppState, action: &str, id: &str) {
    match action {
        "delete" => {
            if let Some(c) = st.data.try_update(|d| d.delete(id)).flatten() {
                st.persist();
                st.say(
                    fill(&t("history.deleted"), &[("date", &fmt_date(c.at))]),
                    false,
                    Some(c),
                );
                st.rerender();
            }
        }
        "all" => {
            SHOW_ALL.with(|s| s.set(true));
            // Carry on where the new rows start, not back at the top.
            refocus(MORE_ID);
            st.rerender();
        }
        "deleteall" => {
            let ok = web_sys::window()
                .and_then(|w| w.confirm_with_message(&t("history.deleteall.confirm")).ok());
            if ok == Some(true) {
                st.delete_everything();
                st.say(t("history.deletedall"), false, None);
                st.rerender();
            }
        }
        _ => {}
    }
}

/// The trend chart of a list of check-ins (for the printable report).
pub fn trend(checkins: &[CheckIn]) -> El {
    chart(&chart_points(&rows(checkins)))
}

/// Both indices over time, with band lines; pulses are squares, full
/// check-ins circles. The table below carries the same numbers as text.
fn chart(points: &[Point]) -> El {
    let bands = [25u8, 50, 75].into_iter().flat_map(|v| {
        let y = y_of(v);
        [
            svg("line")
                .class("band-line")
                .attr("x1", LEFT)
                .attr("y1", y)
                .attr("x2", RIGHT)
                .attr("y2", y),
            svg("text")
                .class("axis")
                .attr("x", LEFT - 4)
                .attr("y", y + 4)
                .attr("text-anchor", "end")
                .text(v.to_string()),
        ]
    });
    // Markers for the most recent check-ins only: with hundreds of points
    // they overlap into a solid band anyway, and each is DOM work. The
    // lines show every check-in; the table lists them all.
    let marks = points[points.len().saturating_sub(MAX_MARKS)..]
        .iter()
        .flat_map(|p| {
            [
                (p.x, p.burnout_y, "b", p.pulse),
                (p.x, p.rustout_y, "r", p.pulse),
            ]
        })
        .map(|(x, y, which, pulse)| {
            // A square for a pulse, a circle (fully rounded square) for a full check-in.
            svg("rect")
                .class(&format!(
                    "mark mark-{which}{}",
                    if pulse { " pulse" } else { "" }
                ))
                .attr("x", x - 5)
                .attr("y", y - 5)
                .attr("width", 10)
                .attr("height", 10)
                .attr("rx", if pulse { 0 } else { 5 })
        });
    el("figure")
        .class("trend")
        .child(
            svg("svg")
                .attr("viewBox", format!("0 0 {WIDTH} 230"))
                .attr("role", "img")
                .attr("aria-label", t("history.chart.alt"))
                .kids(bands)
                .child(
                    svg("polyline")
                        .class("line-b")
                        .attr("points", polyline(points, |p| p.burnout_y)),
                )
                .child(
                    svg("polyline")
                        .class("line-r")
                        .attr("points", polyline(points, |p| p.rustout_y)),
                )
                .kids(marks),
        )
        .child(el("figcaption").text(t("history.chart.legend")))
}

fn list(checkins: &[CheckIn], scored: &[Row]) -> El {
    let shown = if SHOW_ALL.with(|s| s.get()) {
        checkins.len()
    } else {
        PAGE.min(checkins.len())
    };
    // One piece of markup for the whole table: with 1,000 rows this is
    // several times faster than building each cell through the DOM API.
    let delete = t("history.delete");
    let mut rows = String::new();
    for (i, (c, s)) in checkins.iter().zip(scored).rev().take(shown).enumerate() {
        // The first row "Show all" added gets an id, for focus to go to.
        let id_attr = if i == PAGE {
            format!(" id=\"{MORE_ID}\"")
        } else {
            String::new()
        };
        rows += &html(
            "<tr><td><a href=\"#/results/{0}\"{=8}>{1}</a></td><td>{2}</td><td>{3}</td><td>{4}</td>\
             <td>{5}</td><td class=\"note-cell\">{6}</td><td><button type=\"button\" class=\"link\" \
             data-action=\"delete\" data-id=\"{0}\">{7}</button></td></tr>",
            &[
                &c.id,
                &fmt_date(c.at),
                &tk("mode", c.mode.key()),
                &s.burnout.to_string(),
                &s.rustout.to_string(),
                &t(s.zone.key()),
                &c.note,
                &delete,
                &id_attr,
            ],
        );
    }
    let table = html(
        "<table class=\"history\"><thead><tr><th scope=\"col\">{history.col.date}</th>\
         <th scope=\"col\">{history.col.mode}</th><th scope=\"col\">{results.burnout}</th>\
         <th scope=\"col\">{results.rustout}</th><th scope=\"col\">{history.col.zone}</th>\
         <th scope=\"col\">{history.col.note}</th><th scope=\"col\"><span class=\"sr-only\">{history.col.actions}</span></th>\
         </tr></thead><tbody>{=0}</tbody></table>",
        &[&rows],
    );
    let more = (shown < checkins.len()).then(|| {
        let label = fill(&t("history.showall"), &[("n", &checkins.len().to_string())]);
        el("p").child(
            el("button")
                .attr("type", "button")
                .class("button")
                .attr("data-action", "all")
                .text(label),
        )
    });
    el("div")
        .child(el("div").class("table-wrap").markup(table))
        .kids(more)
        .child(
            el("p").child(
                el("button")
                    .attr("type", "button")
                    .class("button")
                    .attr("data-action", "deleteall")
                    .text(t("history.deleteall")),
            ),
        )
}

fn csv_header() -> [String; 11] {
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
    ]
}

thread_local! {
    /// An import file that was read and validated, waiting for the person
    /// to choose merge or replace.
    static PREVIEW: std::cell::RefCell<Option<Preview>> = const { std::cell::RefCell::new(None) };
}

/// Export and import. Import validates the whole file and previews it;
/// nothing changes until the person chooses merge or replace.
fn backup() -> AnyView {
    let st = use_state();
    let preview = PREVIEW.with(|p| {
        p.borrow().as_ref().map(|p| {
            let range = p
                .range
                .map(|(a, b)| format!("{} – {}", fmt_date(a), fmt_date(b)))
                .unwrap_or_default();
            let text = fill(
                &tn("import.preview", p.total),
                &[("total", &p.total.to_string()), ("new", &p.new.to_string()), ("range", &range)],
            );
            html(
                "<div class=\"notice\"><p>{0}</p><div class=\"choices\">\
                 <button type=\"button\" class=\"button primary\" id=\"import-merge\" data-action=\"merge\">{import.merge}</button>\
                 <button type=\"button\" class=\"button\" data-action=\"replace\">{import.replace}</button>\
                 <button type=\"button\" class=\"button\" data-action=\"cancel\">{import.cancel}</button></div></div>",
                &[&text],
            )
        })
    });
    let markup = html(
        "<h2>{backup.title}</h2><p>{backup.body}</p><div class=\"choices\">\
         <button type=\"button\" class=\"button\" data-action=\"json\">{backup.json}</button>\
         <button type=\"button\" class=\"button\" data-action=\"csv\">{backup.csv}</button></div>\
         <p><label for=\"import-file\">{import.label}</label><br>\
         <input id=\"import-file\" type=\"file\" accept=\".json,application/json\" data-change=\"pick\"></p>{=0}",
        &[&preview.unwrap_or_default()],
    );
    mount_markup(markup, move |action, _| backup_action(st, action))
}

fn backup_action(st: AppState, action: &str) {
    let download = |name: &str, mime: &str, text: String| {
        if let Err(e) = files::download(name, mime, &text) {
            st.say(fill(&t("store.failed"), &[("reason", &e)]), true, None);
        }
    };
    match action {
        "json" => download(
            "temper-backup.json",
            "application/json",
            st.data.with_untracked(backup::export_json),
        ),
        "csv" => {
            let h = csv_header();
            let h: [&str; 11] = std::array::from_fn(|i| h[i].as_str());
            let csv = st
                .data
                .with_untracked(|d| backup::export_csv(d, &h, fmt_date, t));
            download("temper-scores.csv", "text/csv", csv);
        }
        "pick" => pick(st),
        "merge" | "replace" => {
            let mode = if action == "merge" {
                ImportMode::Merge
            } else {
                ImportMode::Replace
            };
            let Some(p) = PREVIEW.with(|p| p.borrow_mut().take()) else {
                return;
            };
            let next = st.data.with_untracked(|d| backup::apply(d, &p, mode));
            // Everything in the file is deliberately back, even if deleted here
            // before: check-ins, plan steps and ledger entries alike.
            let inc = &p.incoming;
            let mut restored: Vec<String> = inc.checkins.iter().map(|c| c.id.clone()).collect();
            restored.extend(inc.plan.iter().map(|s| s.id.clone()));
            restored.extend(inc.ledger.iter().map(|e| e.id.clone()));
            st.data.set(next);
            st.persist_forgetting(&restored);
            st.say(
                fill(&tn("import.done", p.total), &[("n", &p.total.to_string())]),
                false,
                None,
            );
            st.rerender();
        }
        "cancel" => {
            PREVIEW.with(|p| p.borrow_mut().take());
            refocus("import-file");
            st.rerender();
        }
        _ => {}
    }
}

/// A file was picked: read it, validate it completely, and preview it.
fn pick(st: AppState) {
    use wasm_bindgen::JsCast;
    let Some(input) = crate::dom::document()
        .and_then(|d| d.get_element_by_id("import-file"))
        .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok())
    else {
        return;
    };
    let Some(file) = input.files().and_then(|f| f.get(0)) else {
        return;
    };
    input.set_value("");
    PREVIEW.with(|p| p.borrow_mut().take());
    st.notice.set(None);
    files::read_text(file, MAX_IMPORT_BYTES, move |read| {
        let result = match read {
            Ok(text) => st
                .data
                .with_untracked(|d| backup::parse_import(&text, d))
                .map_err(|e| e.to_string()),
            Err(files::ReadError::Unreadable) => Err(t("import.unreadable")),
            Err(files::ReadError::TooLarge(bytes)) => {
                Err(backup::ImportError::TooLarge { bytes }.to_string())
            }
        };
        match result {
            Ok(p) => {
                PREVIEW.with(|slot| *slot.borrow_mut() = Some(p));
                refocus("import-merge");
                st.rerender();
            }
            Err(e) => st.say(fill(&t("import.refused"), &[("problem", &e)]), true, None),
        }
    });
}

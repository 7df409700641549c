//! Results of one saved check-in, recomputed from its stored answers.

use crate::blocks::{render, Block};
use crate::dom::{el, svg, El};
use crate::state::use_state;
use crate::{autofocus, fmt_date, t, tk};
use leptos::prelude::*;
use temper_core::content::{Mode, SCALE_KEYS};
use temper_core::explain::{explain, Explanation};
use temper_core::i18n::fill;
use temper_core::scoring::{display, score, Band, Scores};
use temper_core::store::CheckIn;
use temper_core::strategies::recommend;

#[component]
pub fn ResultsPage(id: Option<String>) -> impl IntoView {
    let st = use_state();
    autofocus();
    let found = st.data.with_untracked(|d| match &id {
        Some(id) => d.get(id).cloned(),
        None => d.latest().cloned(),
    });
    let body = match found {
        Some(c) => report(&c),
        None => {
            let msg = if id.is_some() {
                "results.notfound"
            } else {
                "results.none"
            };
            render(vec![
                Block::P(t(msg)),
                Block::Button("#/checkin".into(), t("home.start"), true),
            ])
        }
    };
    crate::dom::seq(vec![crate::dom::title(t("results.title")), body])
}

/// One ARIA meter: name, value and band, in text as well as in the bar.
fn meter(name: String, value: f64, big: bool) -> El {
    let v = display(value);
    let band = Band::of(value);
    let band_text = t(band.key());
    let class = format!(
        "meter {}{}",
        band.key().replace('.', "-"),
        if big { " big" } else { "" }
    );
    let bar = svg("svg")
        .attr("viewBox", "0 0 100 10")
        .attr("preserveAspectRatio", "none")
        .attr("aria-hidden", "true")
        .attr("focusable", "false")
        .child(
            svg("rect")
                .class("track")
                .attr("width", 100)
                .attr("height", 10),
        )
        .child(
            svg("rect")
                .class("fill")
                .attr("width", v)
                .attr("height", 10),
        );
    el("div")
        .class(&class)
        .child(
            el("span")
                .class("meter-name")
                .attr("aria-hidden", "true")
                .text(name.clone()),
        )
        .child(
            el("div")
                .attr("role", "meter")
                .attr("aria-label", name)
                .attr("aria-valuemin", 0)
                .attr("aria-valuemax", 100)
                .attr("aria-valuenow", v)
                .attr("aria-valuetext", format!("{v}, {band_text}"))
                .class("bar")
                .child(bar),
        )
        .child(
            el("span")
                .class("meter-value")
                .attr("aria-hidden", "true")
                .text(format!("{v} · {band_text}")),
        )
}

/// The 2-D stress-spectrum map: x = rust-out, y = burnout, with `path`
/// holding (rust-out, burnout) points, oldest first; the last is "you".
/// `alt` is the text alternative, shown as the caption too.
pub fn zone_map(path: &[(u8, u8)], alt: String) -> El {
    // 200-unit plot inside a 240-unit box, origin bottom-left; integers only.
    let at = |(x, y): (u8, u8)| (30 + u16::from(x) * 2, 210 - u16::from(y) * 2);
    let quads = [
        (30u16, 10u16, "zone.burnout", "q q-burnout"),
        (130, 10, "zone.both", "q q-both"),
        (30, 110, "zone.balance", "q q-balance"),
        (130, 110, "zone.rustout", "q q-rustout"),
    ]
    .into_iter()
    .flat_map(|(qx, qy, key, class)| {
        [
            svg("rect")
                .class(class)
                .attr("x", qx)
                .attr("y", qy)
                .attr("width", 100)
                .attr("height", 100),
            svg("text")
                .class("quad-label")
                .attr("x", qx + 50)
                .attr("y", qy + 54)
                .attr("text-anchor", "middle")
                .text(t(key)),
        ]
    });
    let axis = |x: u16, y: u16, label: &str| {
        svg("text")
            .class("axis")
            .attr("x", x)
            .attr("y", y)
            .attr("text-anchor", "middle")
            .text(t(label))
    };
    let points: Vec<(u16, u16)> = path.iter().copied().map(at).collect();
    let line = points
        .iter()
        .map(|(x, y)| format!("{x},{y}"))
        .collect::<Vec<_>>()
        .join(" ");
    let n = points.len();
    let dots = points.iter().enumerate().map(|(i, (x, y))| {
        let last = i + 1 == n;
        svg("circle")
            .class(if last { "you" } else { "past" })
            .attr("cx", x)
            .attr("cy", y)
            .attr("r", if last { 7 } else { 4 })
    });
    el("figure")
        .class("zone-map")
        .child(
            svg("svg")
                .attr("viewBox", "0 0 240 240")
                .attr("role", "img")
                .attr("aria-label", alt.clone())
                .kids(quads)
                .child(axis(130, 234, "results.map.x"))
                .child(axis(12, 110, "results.map.y").attr("transform", "rotate(-90 12 110)"))
                .child(svg("polyline").class("path").attr("points", line))
                .kids(dots),
        )
        .child(el("figcaption").text(alt))
}

fn talk_to_someone(prominent: bool) -> Block {
    let mut inner = vec![Block::H2(t("help.title"))];
    if prominent {
        inner.push(Block::Strong(t("help.prominent")));
    }
    inner.push(Block::P(t("help.body")));
    inner.push(Block::Strong(t("help.urgent")));
    Block::Section(if prominent { "help prominent" } else { "help" }, inner)
}

/// "Name (score): why" lines for drivers or rest kinds.
fn scored_lines<K: Copy>(
    items: &[(K, f64)],
    name: impl Fn(K) -> String,
    why: impl Fn(K) -> String,
) -> Vec<String> {
    items
        .iter()
        .map(|(k, v)| format!("{} ({}): {}", name(*k), display(*v), why(*k)))
        .collect()
}

fn explanation(e: &Explanation, mode: Mode) -> Vec<Block> {
    let mut b = vec![
        Block::H2(t("results.why")),
        Block::P(t(&format!("{}.summary", e.zone.key()))),
    ];
    if !e.rest_reasons.is_empty() {
        b.push(Block::H3(t("results.reasons")));
        b.push(Block::List(
            e.rest_reasons.iter().map(|r| t(r.key())).collect(),
        ));
    }
    if e.rustout_rest_note {
        b.push(Block::P(t("results.rustrest")));
    }
    if mode == Mode::Full {
        b.push(Block::H3(t("results.drivers")));
        b.push(if e.top_drivers.is_empty() {
            Block::P(t("results.drivers.none"))
        } else {
            Block::List(scored_lines(
                &e.top_drivers,
                |d| tk("drv", d.key()),
                |d| tk("drvwhy", d.key()),
            ))
        });
        b.push(Block::H3(t("results.rest")));
        b.push(if e.depleted_rest.is_empty() {
            Block::P(t("results.rest.none"))
        } else {
            Block::List(scored_lines(
                &e.depleted_rest,
                |r| tk("rest", r.key()),
                |r| tk("restwhy", r.key()),
            ))
        });
    }
    if !e.signals.is_empty() {
        b.push(Block::H3(t("results.signals")));
        b.push(Block::List(
            e.signals.iter().map(|s| tk("sig", s.key())).collect(),
        ));
        b.push(Block::P(t("results.signals.advice")));
    }
    if let Some(k) = e.role_note {
        b.push(Block::P(t(k)));
    }
    if mode == Mode::Pulse {
        b.push(Block::Fine(t("results.pulsenote")));
    }
    b
}

fn computation_table(c: &CheckIn) -> El {
    let rows = temper_core::content::ITEMS
        .iter()
        .filter_map(|item| c.answers.get(item.id).map(|a| (item, *a)))
        .map(|(item, a)| {
            el("tr")
                .child(el("td").text(tk("item", item.id)))
                .child(el("td").text(t(SCALE_KEYS[usize::from(a)])))
                .child(el("td").text(t(&item.category.name_key())))
                .child(el("td").text(if item.reverse { t("yes") } else { t("no") }))
        });
    let head = [
        "results.table.question",
        "results.table.answer",
        "results.table.counts",
        "results.table.reverse",
    ]
    .into_iter()
    .map(|k| el("th").attr("scope", "col").text(t(k)));
    let role = c
        .role
        .map(|r| format!("{}: {}", t("results.table.role"), tk("role", r.key())))
        .unwrap_or_default();
    el("details")
        .class("how")
        .child(el("summary").text(t("results.how")))
        .child(el("p").text(t("results.how.text")))
        .child(
            el("div").class("table-wrap").child(
                el("table")
                    .child(el("thead").child(el("tr").kids(head)))
                    .child(el("tbody").kids(rows)),
            ),
        )
        .child(el("p").text(role))
}

/// An optional note on this check-in. Rendered as text, never as HTML.
fn note_editor(c: &CheckIn) -> AnyView {
    let st = use_state();
    let id = c.id.clone();
    let markup = crate::html(
        "<div class=\"note\"><label for=\"note\">{note.label}</label>\
         <textarea id=\"note\" rows=\"3\" maxlength=\"{0}\" data-change=\"edit\">{1}</textarea>\
         <p><button type=\"button\" class=\"button\" data-action=\"save\">{note.save}</button> \
         <span role=\"status\" id=\"note-status\"></span></p></div>",
        &[&temper_core::store::MAX_NOTE_CHARS.to_string(), &c.note],
    );
    crate::dom::mount_markup(markup, move |action, _| {
        let status = match action {
            "save" => {
                let text = crate::dom::value("note");
                st.data.update(|d| d.set_note(&id, &text));
                st.persist();
                t("note.saved")
            }
            _ => String::new(),
        };
        crate::dom::set_text("note-status", &status);
    })
}

/// Both indices as meters, and the zone in words.
fn indices(s: &Scores) -> Vec<Block> {
    vec![
        Block::H2(t("results.indices")),
        Block::Tree(meter(t("results.burnout"), s.burnout, true)),
        Block::Tree(meter(t("results.rustout"), s.rustout, true)),
        Block::Strong(fill(&t("results.zone"), &[("zone", &t(s.zone().key()))])),
    ]
}

fn dimensions(s: &Scores) -> Vec<Block> {
    let mut b = vec![Block::H2(t("results.dimensions"))];
    b.extend(
        s.dimensions
            .iter()
            .map(|(d, v)| Block::Tree(meter(tk("dim", d.key()), *v, false))),
    );
    b
}

/// The scores of a check-in for the printable report.
pub fn summary(c: &CheckIn) -> Vec<Block> {
    let s = score(&c.answers);
    let mut b = indices(&s);
    b.extend(dimensions(&s));
    b
}

fn report(c: &CheckIn) -> AnyView {
    let s = score(&c.answers);
    let e = explain(&s, c.role);
    let prominent = s.talk_prominent();
    let mode = tk("mode", c.mode.key());
    let when = fill(
        &t("results.when"),
        &[("mode", &mode), ("date", &fmt_date(c.at))],
    );
    let mut b = vec![Block::Fine(when)];
    if prominent {
        b.push(talk_to_someone(true));
    }
    b.extend(indices(&s));
    b.push(Block::Fine(t("results.disclaimer")));
    let (x, y) = (display(s.rustout), display(s.burnout));
    let zone = t(s.zone().key());
    let alt = fill(
        &t("results.map.alt"),
        &[
            ("x", &x.to_string()),
            ("y", &y.to_string()),
            ("zone", &zone),
        ],
    );
    b.push(Block::Tree(zone_map(&[(x, y)], alt)));
    b.extend(dimensions(&s));
    b.extend(explanation(&e, c.mode));
    b.push(Block::Tree(computation_table(c)));
    let mut end = vec![];
    if let Some(first) = recommend(&s).first() {
        let name = tk("strat", &format!("{}.name", first.strategy.id));
        end.push(Block::H2(t("results.plan.title")));
        end.push(Block::P(fill(&t("results.plan.body"), &[("name", &name)])));
        end.push(Block::Button(
            "#/plan".into(),
            t("results.plan.button"),
            true,
        ));
    }
    if !prominent {
        end.push(talk_to_someone(false));
    }
    end.push(Block::Button("#/checkin".into(), t("results.again"), false));
    end.push(Block::Button(
        "#/history".into(),
        t("results.history"),
        false,
    ));
    crate::dom::seq(vec![render(b), note_editor(c), render(end)])
}

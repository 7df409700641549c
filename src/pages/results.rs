//! Results of one saved check-in, recomputed from its stored answers.

use crate::blocks::{render, Block};
use crate::state::use_state;
use crate::{autofocus, fmt_date, t};
use leptos::prelude::*;
use temper_core::content::{Mode, SCALE_KEYS};
use temper_core::explain::{explain, Explanation};
use temper_core::i18n::fill;
use temper_core::scoring::{display, score, Band, Scores};
use temper_core::store::CheckIn;

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
    view! {
        <h1 tabindex="-1" data-autofocus>{t("results.title")}</h1>
        {body}
    }
}

/// One ARIA meter: name, value and band, in text as well as in the bar.
#[inline(never)]
fn meter(name: String, value: f64, big: bool) -> AnyView {
    let v = display(value);
    let band = Band::of(value);
    let band_text = t(band.key());
    let valuetext = format!("{v}, {band_text}");
    let class = format!(
        "meter {}{}",
        band.key().replace('.', "-"),
        if big { " big" } else { "" }
    );
    view! {
        <div class=class>
            <span class="meter-name" aria-hidden="true">{name.clone()}</span>
            <div role="meter" aria-label=name aria-valuemin="0" aria-valuemax="100"
                aria-valuenow=v aria-valuetext=valuetext class="bar">
                <svg viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true" focusable="false">
                    <rect class="track" width="100" height="10"></rect>
                    <rect class="fill" width=v height="10"></rect>
                </svg>
            </div>
            <span class="meter-value" aria-hidden="true">{format!("{v} · {band_text}")}</span>
        </div>
    }
    .into_any()
}

/// The 2-D stress-spectrum map: x = rust-out, y = burnout.
fn zone_map(s: &Scores) -> AnyView {
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
    // Integer coordinates: no float formatting code in the wasm.
    let px = 30 + u16::from(x) * 2;
    let py = 210 - u16::from(y) * 2;
    let quads = [
        (30u16, 10u16, "zone.burnout", "q q-burnout"),
        (130, 10, "zone.both", "q q-both"),
        (30, 110, "zone.balance", "q q-balance"),
        (130, 110, "zone.rustout", "q q-rustout"),
    ]
    .into_iter()
    .map(|(qx, qy, key, class)| {
        view! {
            <rect class=class x=qx y=qy width="100" height="100"></rect>
            <text x=qx + 50 y=qy + 54 text-anchor="middle" class="quad-label">{t(key)}</text>
        }
    })
    .collect_view();
    view! {
        <figure class="zone-map">
            <svg viewBox="0 0 240 240" role="img" aria-labelledby="map-title map-desc">
                <title id="map-title">{t("results.map")}</title>
                <desc id="map-desc">{alt.clone()}</desc>
                {quads}
                <text x="130" y="234" text-anchor="middle" class="axis">{t("results.map.x")}</text>
                <text x="12" y="110" text-anchor="middle" class="axis" transform="rotate(-90 12 110)">{t("results.map.y")}</text>
                <circle class="you" cx=px cy=py r="7"></circle>
            </svg>
            <figcaption>{alt}</figcaption>
        </figure>
    }
    .into_any()
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
                |d| t(&format!("drv.{}", d.key())),
                |d| t(&format!("drvwhy.{}", d.key())),
            ))
        });
        b.push(Block::H3(t("results.rest")));
        b.push(if e.depleted_rest.is_empty() {
            Block::P(t("results.rest.none"))
        } else {
            Block::List(scored_lines(
                &e.depleted_rest,
                |r| t(&format!("rest.{}", r.key())),
                |r| t(&format!("restwhy.{}", r.key())),
            ))
        });
    }
    if !e.signals.is_empty() {
        b.push(Block::H3(t("results.signals")));
        b.push(Block::List(
            e.signals
                .iter()
                .map(|s| t(&format!("sig.{}", s.key())))
                .collect(),
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

fn computation_table(c: &CheckIn) -> AnyView {
    let rows = temper_core::content::ITEMS
        .iter()
        .filter_map(|item| c.answers.get(item.id).map(|a| (item, *a)))
        .map(|(item, a)| {
            view! {
                <tr>
                    <td>{t(&format!("item.{}", item.id))}</td>
                    <td>{t(SCALE_KEYS[usize::from(a)])}</td>
                    <td>{t(&item.category.name_key())}</td>
                    <td>{if item.reverse { t("yes") } else { t("no") }}</td>
                </tr>
            }
        })
        .collect_view();
    let role = c
        .role
        .map(|r| {
            format!(
                "{}: {}",
                t("results.table.role"),
                t(&format!("role.{}", r.key()))
            )
        })
        .unwrap_or_default();
    view! {
        <details class="how">
            <summary>{t("results.how")}</summary>
            <p>{t("results.how.text")}</p>
            <div class="table-wrap">
                <table>
                    <thead><tr>
                        <th scope="col">{t("results.table.question")}</th>
                        <th scope="col">{t("results.table.answer")}</th>
                        <th scope="col">{t("results.table.counts")}</th>
                        <th scope="col">{t("results.table.reverse")}</th>
                    </tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
            <p>{role}</p>
        </details>
    }
    .into_any()
}

fn report(c: &CheckIn) -> AnyView {
    let s = score(&c.answers);
    let e = explain(&s, c.role);
    let prominent = s.talk_prominent();
    let mode = t(&format!("mode.{}", c.mode.key()));
    let when = fill(
        &t("results.when"),
        &[("mode", &mode), ("date", &fmt_date(c.at))],
    );
    let mut top = vec![Block::Fine(when)];
    if prominent {
        top.push(talk_to_someone(true));
    }
    top.push(Block::H2(t("results.indices")));
    let zone_line = fill(&t("results.zone"), &[("zone", &t(s.zone().key()))]);
    let after_indices = vec![
        Block::Strong(zone_line),
        Block::Fine(t("results.disclaimer")),
    ];
    let dims = s
        .dimensions
        .iter()
        .map(|(d, v)| meter(t(&format!("dim.{}", d.key())), *v, false))
        .collect_view();
    let mut end = vec![];
    if !prominent {
        end.push(talk_to_someone(false));
    }
    end.push(Block::Button("#/checkin".into(), t("results.again"), true));
    end.push(Block::Button(
        "#/history".into(),
        t("results.history"),
        false,
    ));
    view! {
        {render(top)}
        {meter(t("results.burnout"), s.burnout, true)}
        {meter(t("results.rustout"), s.rustout, true)}
        {render(after_indices)}
        {zone_map(&s)}
        <h2>{t("results.dimensions")}</h2>
        {dims}
        {render(explanation(&e, c.mode))}
        {computation_table(c)}
        {render(end)}
    }
    .into_any()
}

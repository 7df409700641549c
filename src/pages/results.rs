//! Results of one saved check-in, recomputed from its stored answers.

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
    match found {
        Some(c) => view! { <Report checkin=c/> }.into_any(),
        None => {
            let msg = if id.is_some() {
                "results.notfound"
            } else {
                "results.none"
            };
            view! {
                <h1 tabindex="-1" data-autofocus>{t("results.title")}</h1>
                <p>{t(msg)}</p>
                <p><a class="button primary" href="#/checkin">{t("home.start")}</a></p>
            }
            .into_any()
        }
    }
}

/// One ARIA meter: name, value and band, in text as well as in the bar.
fn meter(name: String, value: f64, big: bool) -> impl IntoView {
    let v = display(value);
    let band = Band::of(value);
    let band_text = t(band.key());
    let valuetext = format!("{v}, {band_text}");
    let class = format!(
        "meter {} {}",
        band.key().replace('.', "-"),
        if big { "big" } else { "" }
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
            <span class="meter-value" aria-hidden="true">{v}" · "{band_text}</span>
        </div>
    }
}

/// The 2-D stress-spectrum map: x = rust-out, y = burnout.
fn zone_map(s: &Scores) -> impl IntoView {
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
    // 200-unit plot inside a 240-unit box, origin bottom-left.
    // Integer coordinates: no float formatting code in the wasm.
    let px = 30 + u16::from(x) * 2;
    let py = 210 - u16::from(y) * 2;
    let quad = |qx: u16, qy: u16, key: &str, class: &'static str| {
        view! {
            <rect class=class x=qx y=qy width="100" height="100"></rect>
            <text x=qx + 50 y=qy + 54 text-anchor="middle" class="quad-label">{t(key)}</text>
        }
    };
    view! {
        <figure class="zone-map">
            <svg viewBox="0 0 240 240" role="img" aria-labelledby="map-title map-desc">
                <title id="map-title">{t("results.map")}</title>
                <desc id="map-desc">{alt.clone()}</desc>
                {quad(30, 10, "zone.burnout", "q q-burnout")}
                {quad(130, 10, "zone.both", "q q-both")}
                {quad(30, 110, "zone.balance", "q q-balance")}
                {quad(130, 110, "zone.rustout", "q q-rustout")}
                <text x="130" y="234" text-anchor="middle" class="axis">{t("results.map.x")}</text>
                <text x="12" y="110" text-anchor="middle" class="axis" transform="rotate(-90 12 110)">{t("results.map.y")}</text>
                <circle class="you" cx=px cy=py r="7"></circle>
            </svg>
            <figcaption>{alt}</figcaption>
        </figure>
    }
}

fn talk_to_someone(prominent: bool) -> impl IntoView {
    let class = if prominent { "help prominent" } else { "help" };
    view! {
        <section class=class aria-labelledby="help-title">
            <h2 id="help-title">{t("help.title")}</h2>
            {prominent.then(|| view! { <p><strong>{t("help.prominent")}</strong></p> })}
            <p>{t("help.body")}</p>
            <p class="urgent"><strong>{t("help.urgent")}</strong></p>
        </section>
    }
}

fn explanation(e: &Explanation, mode: Mode) -> impl IntoView {
    let list = |items: Vec<String>| {
        view! { <ul>{items.into_iter().map(|i| view! { <li>{i}</li> }).collect_view()}</ul> }
    };
    let reasons = (!e.rest_reasons.is_empty()).then(|| {
        let items = e.rest_reasons.iter().map(|r| t(r.key())).collect();
        view! { <h3>{t("results.reasons")}</h3> {list(items)} }
    });
    let full = mode == Mode::Full;
    let drivers = full.then(|| {
        let body = if e.top_drivers.is_empty() {
            view! { <p>{t("results.drivers.none")}</p> }.into_any()
        } else {
            let items = e
                .top_drivers
                .iter()
                .map(|(d, v)| {
                    format!(
                        "{} ({}): {}",
                        t(&format!("drv.{}", d.key())),
                        display(*v),
                        t(&format!("drvwhy.{}", d.key()))
                    )
                })
                .collect();
            list(items).into_any()
        };
        view! { <h3>{t("results.drivers")}</h3> {body} }
    });
    let rest = full.then(|| {
        let body = if e.depleted_rest.is_empty() {
            view! { <p>{t("results.rest.none")}</p> }.into_any()
        } else {
            let items = e
                .depleted_rest
                .iter()
                .map(|(r, v)| {
                    format!(
                        "{} ({}): {}",
                        t(&format!("rest.{}", r.key())),
                        display(*v),
                        t(&format!("restwhy.{}", r.key()))
                    )
                })
                .collect();
            list(items).into_any()
        };
        view! { <h3>{t("results.rest")}</h3> {body} }
    });
    let signals = (!e.signals.is_empty()).then(|| {
        let items = e
            .signals
            .iter()
            .map(|s| t(&format!("sig.{}", s.key())))
            .collect();
        view! { <h3>{t("results.signals")}</h3> {list(items)} <p>{t("results.signals.advice")}</p> }
    });
    view! {
        <section aria-labelledby="why-title">
            <h2 id="why-title">{t("results.why")}</h2>
            <p>{t(&format!("{}.summary", e.zone.key()))}</p>
            {reasons}
            {e.rustout_rest_note.then(|| view! { <p>{t("results.rustrest")}</p> })}
            {drivers}
            {rest}
            {signals}
            {e.role_note.map(|k| view! { <p>{t(k)}</p> })}
            {(!full).then(|| view! { <p class="fine">{t("results.pulsenote")}</p> })}
        </section>
    }
}

fn computation_table(c: &CheckIn) -> impl IntoView {
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
            {c.role.map(|r| view! { <p>{t("results.table.role")}": "{t(&format!("role.{}", r.key()))}</p> })}
        </details>
    }
}

#[component]
fn Report(checkin: CheckIn) -> impl IntoView {
    let s = score(&checkin.answers);
    let e = explain(&s, checkin.role);
    let prominent = s.talk_prominent();
    let when = fill(
        &t("results.when"),
        &[
            ("mode", &t(&format!("mode.{}", checkin.mode.key()))),
            ("date", &fmt_date(checkin.at)),
        ],
    );
    let dims = s
        .dimensions
        .iter()
        .map(|(d, v)| meter(t(&format!("dim.{}", d.key())), *v, false))
        .collect_view();
    view! {
        <h1 tabindex="-1" data-autofocus>{t("results.title")}</h1>
        <p class="when">{when}</p>
        {prominent.then(|| talk_to_someone(true))}
        <section aria-labelledby="idx-title">
            <h2 id="idx-title">{t("results.indices")}</h2>
            {meter(t("results.burnout"), s.burnout, true)}
            {meter(t("results.rustout"), s.rustout, true)}
            <p class="zone-line"><strong>{fill(&t("results.zone"), &[("zone", &t(s.zone().key()))])}</strong></p>
            <p class="fine">{t("results.disclaimer")}</p>
        </section>
        {zone_map(&s)}
        <section aria-labelledby="dim-title">
            <h2 id="dim-title">{t("results.dimensions")}</h2>
            {dims}
        </section>
        {explanation(&e, checkin.mode)}
        {computation_table(&checkin)}
        {(!prominent).then(|| talk_to_someone(false))}
        <p class="actions">
            <a class="button primary" href="#/checkin">{t("results.again")}</a>
            <a class="button" href="#/history">{t("results.history")}</a>
        </p>
    }
}

//! Results of one saved check-in, recomputed from its stored answers.

use crate::pages::home::Title;
use crate::state::use_state;
use crate::{fmt_date, t, tf, tk};
use leptos::prelude::*;
use temper_core::content::{items_of, Mode, SCALE_KEYS};
use temper_core::explain::explain_checkin;
use temper_core::history::{map_label_key, map_path, map_point, MAP_QUADS};
use temper_core::i18n::capitalize;
use temper_core::plan::step_id;
use temper_core::profile::Profile;
use temper_core::scoring::{display, same_answer_throughout, Band, Scores};
use temper_core::store::{CheckIn, MAX_NOTE_CHARS};
use temper_core::strategies::first_step;

#[component]
pub fn ResultsPage(id: Option<String>) -> impl IntoView {
    let st = use_state();
    let asked = id.is_some();
    // Everything but the note, which only the note editor shows: a note
    // saved (here or in another tab) leaves the rest of the screen, and
    // what is being typed, as it is.
    let found = Memo::new(move |_| {
        st.data.with(|d| {
            let c = match &id {
                Some(id) => d.get(id),
                None => d.latest(crate::now_ms()),
            }?;
            Some(CheckIn {
                note: String::new(),
                ..c.clone()
            })
        })
    });
    view! {
        <Title text=t("results.title")/>
        {move || match found.get() {
            Some(c) => view! { <Report c/> }.into_any(),
            None => view! {
                <p>{t(if asked { "results.notfound" } else { "results.none" })}</p>
                <p><a class="button primary" href="#/checkin">{t("home.start")}</a></p>
            }
            .into_any(),
        }}
    }
}

/// One ARIA meter: name, value and band, in text as well as in the bar.
#[component]
pub fn Meter(name: String, value: f64, #[prop(optional)] big: bool) -> impl IntoView {
    let v = display(value);
    let band = Band::of(value);
    let band_text = t(band.key());
    let class = format!(
        "meter {}{}",
        band.key().replace('.', "-"),
        if big { " big" } else { "" }
    );
    view! {
        <div class=class>
            <span class="meter-name" aria-hidden="true">{name.clone()}</span>
            <div role="meter" aria-label=name aria-valuemin="0" aria-valuemax="100"
                aria-valuenow=v aria-valuetext=format!("{v}, {band_text}") class="bar">
                <svg viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true" focusable="false">
                    <rect class="track" width="100" height="10"></rect>
                    <rect class="fill" width=v height="10"></rect>
                </svg>
            </div>
            <span class="meter-value" aria-hidden="true">{format!("{v} · {band_text}")}</span>
        </div>
    }
}

/// The 2-D stress-spectrum map: x = rust-out, y = burnout, with `path`
/// holding (rust-out, burnout) points, oldest first; the last is "you".
/// `alt` is the text alternative, shown as the caption too.
#[component]
pub fn ZoneMap(path: Vec<(u8, u8)>, alt: String) -> impl IntoView {
    let quads = MAP_QUADS
        .iter()
        .map(|(x, y, zone)| {
            let class = format!("q q-{}", zone.key().trim_start_matches("zone."));
            view! {
                <rect class=class x=*x y=*y width="100" height="100"></rect>
                <text class="quad-label" x=x + 50 y=y + 54 text-anchor="middle">{t(&map_label_key(*zone))}</text>
            }
        })
        .collect_view();
    let n = path.len();
    let dots = path
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let (x, y) = map_point(*p);
            let last = i + 1 == n;
            view! { <circle class=if last { "you" } else { "past" } cx=x cy=y r=if last { 7 } else { 4 }></circle> }
        })
        .collect_view();
    view! {
        <figure class="zone-map">
            <svg viewBox="0 0 240 240" role="img" aria-label=alt.clone()>
                {quads}
                <text class="axis" x="130" y="234" text-anchor="middle">{t("results.map.x")}</text>
                <text class="axis" x="12" y="110" text-anchor="middle" transform="rotate(-90 12 110)">{t("results.map.y")}</text>
                <polyline class="path" points=map_path(&path)></polyline>
                {dots}
            </svg>
            <figcaption>{alt}</figcaption>
        </figure>
    }
}

/// "Talk to someone" first, when the answers call for it
/// (`Scores::talk_prominent`); otherwise the summary carries one line.
#[component]
fn TalkToSomeone() -> impl IntoView {
    view! {
        <section class="help prominent">
            <h2>{t("help.title")}</h2>
            <p><strong>{t("help.prominent")}</strong></p>
            <p>{t("help.body")}</p>
            <p><strong>{t("help.urgent")}</strong></p>
            <p><a class="button" href="#/help">{t("help.lines")}</a></p>
        </section>
    }
}

/// A list of texts.
#[component]
pub fn Items(items: Vec<String>) -> impl IntoView {
    view! { <ul>{items.into_iter().map(|i| view! { <li>{i}</li> }).collect_view()}</ul> }
}

/// "Name (score): why" lines for drivers or rest kinds.
/// "A workload you can't keep up, high: There is more work…": what the
/// answers point to in plain words, its band, and why it matters.
fn scored_lines<K: Copy>(
    items: &[(K, f64)],
    about: impl Fn(K) -> String,
    why: impl Fn(K) -> String,
) -> Vec<String> {
    items
        .iter()
        .map(|(k, v)| {
            let what = capitalize(&about(*k));
            tf(
                "results.line",
                &[
                    ("what", &what),
                    ("band", &t(Band::of(*v).key())),
                    ("why", &why(*k)),
                ],
            )
        })
        .collect()
}

#[component]
fn Explanation(s: Scores, c: CheckIn) -> impl IntoView {
    let e = explain_checkin(&c);
    let p = Profile::of(&s);
    let full = c.mode == Mode::Full;
    let pattern = full.then(|| {
        let line = |key: String| format!("{}: {}", t(&key), t(&format!("{key}.summary")));
        view! {
            <h3>{t("results.profile")}</h3>
            <Items items=vec![line(p.burnout_key()), line(p.rustout_key())]/>
        }
    });
    let listed = |h: &str, items: Vec<String>, none: &str| {
        view! {
            <h3>{t(h)}</h3>
            {if items.is_empty() {
                view! { <p>{t(none)}</p> }.into_any()
            } else {
                view! { <Items items/> }.into_any()
            }}
        }
    };
    view! {
        <details class="why">
        <summary><h2>{t("results.why")}</h2></summary>
        {pattern}
        {(!e.rest_reasons.is_empty()).then(|| view! {
            <h3>{t("results.reasons")}</h3>
            <Items items=e.rest_reasons.iter().map(|r| t(r.key())).collect()/>
        })}
        {e.rustout_rest_note.then(|| view! { <p>{t("results.rustrest")}</p> })}
        {full.then(|| view! {
            {listed("results.drivers", scored_lines(&e.top_drivers, |d| tk("about.drv", d.key()), |d| tk("drvwhy", d.key())), "results.drivers.none")}
            {listed("results.rest", scored_lines(&e.depleted_rest, |r| tk("about.rest", r.key()), |r| tk("restwhy", r.key())), "results.rest.none")}
        })}
        {(!e.signals.is_empty()).then(|| view! {
            <h3>{t("results.signals")}</h3>
            <Items items=e.signals.iter().map(|s| capitalize(&tk("about.sig", s.key()))).collect()/>
            <p>{t("results.signals.advice")}</p>
        })}
        {e.role_note.map(|k| view! { <p>{t(k)}</p> })}
        {(!full).then(|| view! { <p class="fine">{t("results.pulsenote")}</p> })}
        <p class="fine">{t("results.honesty")}</p>
        </details>
    }
}

#[component]
fn ComputationTable(c: CheckIn) -> impl IntoView {
    // The questions as that check-in asked them.
    let rows = items_of(c.content_version)
        .filter_map(|item| c.answers.get(item.id).map(|a| (item, *a)))
        .map(|(item, a)| {
            view! {
                <tr>
                    <td>{tk("item", item.id)}</td>
                    <td>{t(SCALE_KEYS[usize::from(a)])}</td>
                    <td>{t(&item.category.name_key())}</td>
                    <td>{t(if item.reverse { "yes" } else { "no" })}</td>
                </tr>
            }
        })
        .collect_view();
    let head = [
        "results.table.question",
        "results.table.answer",
        "results.table.counts",
        "results.table.reverse",
    ]
    .map(|k| view! { <th scope="col">{t(k)}</th> })
    .into_iter()
    .collect_view();
    let role = c
        .role
        .map(|r| format!("{}: {}", t("results.table.role"), tk("role", r.key())))
        .unwrap_or_default();
    view! {
        <details class="how">
            <summary>{t("results.how")}</summary>
            <p>{t("results.how.text")}</p>
            <div class="table-wrap">
                <table>
                    <thead><tr>{head}</tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
            <p>{role}</p>
        </details>
    }
}

/// An optional note on this check-in. What is typed stays until it is
/// saved, whatever another tab does.
#[component]
fn NoteEditor(id: String) -> impl IntoView {
    let st = use_state();
    let saved = st
        .data
        .with_untracked(|d| d.get(&id).map(|c| c.note.clone()))
        .unwrap_or_default();
    let text = RwSignal::new(saved);
    let status = RwSignal::new(String::new());
    let save = move |_| {
        st.data.update(|d| d.set_note(&id, &text.get_untracked()));
        st.persist();
        // Said only once it is stored; a failure shows the storage banner.
        if st.saved() {
            status.set(t("note.saved"));
        }
    };
    view! {
        <div class="note">
            <label for="note">{t("note.label")}</label>
            <textarea id="note" rows="3" dir="auto" maxlength=MAX_NOTE_CHARS
                prop:value=move || text.get()
                on:input=move |ev| { text.set(event_target_value(&ev)); status.set(String::new()); }>
            </textarea>
            <p>
                <button type="button" class="button" on:click=save>{t("note.save")}</button>" "
                <span role="status" id="note-status">{move || status.get()}</span>
            </p>
        </div>
    }
}

/// Both indices as meters (and, on the printed report, the zone in words:
/// the results say it in their summary).
#[component]
fn Indices(s: Scores, #[prop(optional)] zone: bool) -> impl IntoView {
    let zone = zone.then(|| {
        view! { <p><strong>{tf("results.zone", &[("zone", &t(Profile::of(&s).headline_key()))])}</strong></p> }
    });
    view! {
        <h2>{t("results.indices")}</h2>
        <Meter name=t("results.burnout") value=s.burnout big=true/>
        <Meter name=t("results.rustout") value=s.rustout big=true/>
        {zone}
    }
}

/// The six dimension meters of a full check-in (a pulse has none).
#[component]
fn Dimensions(s: Scores, mode: Mode) -> impl IntoView {
    let figures = s.figures(mode).to_vec();
    (!figures.is_empty()).then(|| view! {
        <h2>{t("results.dimensions")}</h2>
        {figures.into_iter().map(|(d, v)| view! { <Meter name=tk("dim", d.key()) value=v/> }).collect_view()}
    })
}

/// The scores of a check-in, for the printable report.
#[component]
pub fn Summary(c: CheckIn) -> impl IntoView {
    let s = c.scores();
    view! {
        <Indices s=s.clone() zone=true/>
        <Dimensions s mode=c.mode/>
    }
}

/// The top of the results: the zone or profile in a sentence, a very high
/// dimension if there is one, what weighs most, and one first step to add
/// to the plan right here; help as one clear line when the rules don't put
/// it first.
#[component]
fn InShort(s: Scores, c: CheckIn, prominent: bool) -> impl IntoView {
    let st = use_state();
    let p = Profile::of(&s);
    let full = c.mode == Mode::Full;
    // A very high dimension comes first, whatever the averages say.
    let very_high = (!p.very_high.is_empty()).then(|| {
        let dims = p
            .very_high
            .iter()
            // A pulse gives no dimension figures, only the name.
            .map(|(d, v)| match full {
                true => format!("{} ({})", tk("dim", d.key()), display(*v)),
                false => tk("dim", d.key()),
            })
            .collect::<Vec<_>>()
            .join(", ");
        view! { <p><strong>{tf("results.veryhigh", &[("dims", &dims)])}</strong></p> }
    });
    let main = explain_checkin(&c).top_drivers.first().map(|(d, v)| {
        let what = tf(
            "results.main",
            &[
                ("what", &tk("about.drv", d.key())),
                ("band", &t(Band::of(*v).key())),
            ],
        );
        view! { <p>{what}</p> }
    });
    // Chosen once, from the plan as it was when the results opened: the
    // step stays put once added, and shows that it is in the plan.
    let first = st
        .data
        .with_untracked(|d| first_step(&s, |id| d.plan.iter().any(|p| p.id == id)));
    let step = first.map(|(strategy, n)| {
        let id = step_id(strategy.id, n);
        let text = tk("strat", &format!("{}.step{n}", strategy.id));
        let here = {
            let id = id.clone();
            Memo::new(move |_| st.data.with(|d| d.plan.iter().any(|p| p.id == id)))
        };
        let status = RwSignal::new(String::new());
        let add = move |_| {
            st.data.update(|d| d.adopt(strategy, Some(n), crate::now_ms()));
            st.persist();
            // Said only once it is stored; a failure shows the storage banner.
            if st.saved() {
                status.set(t("plan.added"));
            }
            crate::dom::focus_later("open-plan");
        };
        let label = tf("plan.addstep.label", &[("step", &text)]);
        view! {
            <p><strong>{t("results.first")}</strong>" "{text}</p>
            <p class="actions">
                <Show when=move || here.get() fallback=move || view! {
                    <button type="button" class="button primary" aria-label=label.clone() on:click=add>{t("results.addplan")}</button>
                }>
                    <span class="tag">{t("plan.inplan")}</span>
                </Show>
                <a id="open-plan" class="button" href="#/plan">{t("results.plan.button")}</a>
                <span role="status">{move || status.get()}</span>
            </p>
        }
    });
    view! {
        <section class="in-short" aria-labelledby="in-short">
            <h2 id="in-short">{tf("results.zone", &[("zone", &t(p.headline_key()))])}</h2>
            <p>{t(&p.summary_key())}</p>
            {very_high}
            {main}
            {step}
            {(!prominent).then(|| view! {
                <p class="help-line">{t("results.helpline")}" "<a href="#/help">{t("help.lines")}</a></p>
            })}
        </section>
    }
}

#[component]
fn Report(c: CheckIn) -> impl IntoView {
    let s = c.scores();
    let prominent = s.talk_prominent();
    let when = tf(
        "results.when",
        &[
            ("mode", &tk("mode", c.mode.key())),
            ("date", &fmt_date(c.at)),
        ],
    );
    let (x, y) = (display(s.rustout), display(s.burnout));
    let alt = tf(
        "results.map.alt",
        &[
            ("x", &x.to_string()),
            ("y", &y.to_string()),
            ("zone", &t(Profile::of(&s).headline_key())),
        ],
    );
    view! {
        <div>
            <p class="fine">{when}</p>
            {prominent.then(|| view! { <TalkToSomeone/> })}
            <InShort s=s.clone() c=c.clone() prominent/>
            <Indices s=s.clone()/>
            {same_answer_throughout(&c.answers).then(|| view! { <p class="notice">{t("results.samethroughout")}</p> })}
            <p class="fine">{t("results.disclaimer")}</p>
            <ZoneMap path=vec![(x, y)] alt/>
            <Dimensions s=s.clone() mode=c.mode/>
            <Explanation s c=c.clone()/>
            <ComputationTable c=c.clone()/>
        </div>
        <NoteEditor id=c.id.clone()/>
        <div>
            <p><a class="button" href="#/checkin">{t("results.again")}</a></p>
            <p><a class="button" href="#/history">{t("results.history")}</a></p>
        </div>
    }
}

//! From scores to change: "My plan" with suggestions from the strategy
//! library, the energy ledger, the inner audit, the calendar reminder and
//! the printable report. What is shown comes from `temper_core`
//! (`strategies::recommend`, `plan`, `ledger`, `ics`); this file renders it
//! and turns the person's actions into calls on the data.

use crate::pages::home::Title;
use crate::pages::results::{Items, Summary};
use crate::state::{use_state, AppState};
use crate::{dom, files, fmt_date, now_ms, random_u32, t, tf, tk, tn, FormError};
use leptos::prelude::*;
use std::collections::HashSet;
use temper_core::content::RestKind;
use temper_core::ics::{ics, Every, LocalTime, Reminder, Rhythm};
use temper_core::ledger::{
    audit_gaps, changeable_counts, most_frequent, signed, verdict, week_balance, Area, Changeable,
    Entry, Flow, MAX_VALUES, MAX_WHAT_CHARS,
};
use temper_core::plan::{
    audit_values, due_day, overdue, own_text, step_id, step_text, strategy_of, AuditProblem,
    OwnProblem, StepText, MAX_OWN_CHARS, MAX_VALUE_CHARS, OWN,
};
use temper_core::store::{new_id, PlanStep};
use temper_core::strategies::{
    by_id, recommend, Recommendation, Strategy, AFTER_AUDIT, PROFESSIONAL, STRATEGIES,
};

/// How many ranked suggestions are shown before "More strategies".
const TOP: usize = 5;
/// Ledger entries listed, newest first.
const RECENT: usize = 20;

/// A strategy's text in the current language.
fn st_text(id: &str, part: &str) -> String {
    t(&format!("strat.{id}.{part}"))
}

/// What a plan step says, in the current language (a step of one's own
/// in the person's words).
pub fn step_words(step: &PlanStep) -> String {
    match step_text(step) {
        StepText::Library(s, n) => st_text(s.id, &format!("step{n}")),
        StepText::Own(text) => text.to_string(),
        StepText::Unknown(id) => tf("plan.unknown", &[("id", id)]),
    }
}

/// Save, and only then say it worked: a failed write shows the storage
/// banner instead.
fn save_and_say(st: AppState, key: &str) {
    st.persist();
    if st.saved() {
        st.say(t(key), false, None);
    }
}

/// The heading and the links between the four plan screens.
#[component]
fn PlanFrame(title: &'static str, current: &'static str, children: Children) -> impl IntoView {
    let links = ["plan", "ledger", "audit", "report"]
        .map(|k| {
            let here = (k == current).then_some("page");
            view! { <li><a href=format!("#/{k}") aria-current=here>{tk("plan.nav", k)}</a></li> }
        })
        .into_iter()
        .collect_view();
    view! {
        <Title text=t(title)/>
        <nav class="subnav" aria-label=t("plan.sub")><ul>{links}</ul></nav>
        <div>{children()}</div>
    }
}

/// Refuse a form's input: say why, and put focus on the control to fix.
fn refuse(error: RwSignal<String>, control: &str, key: &str) {
    error.set(t(key));
    dom::focus_now(control);
}

// ---------------------------------------------------------------- My plan

#[component]
pub fn Plan() -> impl IntoView {
    let st = use_state();
    let steps = Memo::new(move |_| st.data.with(|d| d.plan.clone()));
    let latest = Memo::new(move |_| {
        st.data
            .with(|d| d.latest(crate::now_ms()).map(|c| (c.at, c.scores())))
    });
    let ranked = Memo::new(move |_| {
        latest
            .with(|l| l.as_ref().map(|(_, s)| recommend(s)))
            .unwrap_or_default()
    });
    let progress = move || {
        let (done, total) = st.data.with(|d| d.plan_progress());
        (total > 0).then(|| {
            let text = temper_core::i18n::fill(
                &tn("plan.progress", total),
                &[("done", &done.to_string()), ("total", &total.to_string())],
            );
            view! {
                <p><label for="plan-progress">{text}</label></p>
                <progress id="plan-progress" max=total value=done></progress>
            }
        })
    };
    let suggestions = move || {
        let ranked = ranked.get();
        let top: Vec<Recommendation> = ranked.iter().take(TOP).cloned().collect();
        let more: Vec<(&'static Strategy, Option<Recommendation>)> = STRATEGIES
            .iter()
            .filter(|s| !top.iter().any(|r| r.strategy.id == s.id))
            .map(|s| (s, ranked.iter().find(|r| r.strategy.id == s.id).cloned()))
            .collect();
        // With nothing ranked, every strategy is "more": show them all, open.
        let nothing = ranked.is_empty();
        view! {
            {top.into_iter().map(|r| view! { <Card s=r.strategy r=Some(r.clone())/> }).collect_view()}
            <details open=nothing>
                <summary>{t(if nothing { "plan.all" } else { "plan.more" })}</summary>
                {more.into_iter().map(|(s, r)| view! { <Card s r/> }).collect_view()}
            </details>
        }
    };
    view! {
        <PlanFrame title="plan.title" current="plan">
            <h2>{t("plan.mine")}</h2>
            <Show when=move || steps.with(Vec::is_empty)>
                <p>{t("plan.empty")}</p>
            </Show>
            {progress}
            <MySteps steps/>
            <OwnStepForm/>
            <h2>{t("plan.suggested")}</h2>
            {move || match latest.get() {
                Some((at, _)) => view! { <p>{tf("plan.basis", &[("date", &fmt_date(at))])}</p> }.into_any(),
                None => view! {
                    <p>{t("plan.nocheckin")}</p>
                    <p><a class="button primary" href="#/checkin">{t("home.start")}</a></p>
                }
                .into_any(),
            }}
            {suggestions}
            <ReminderForm/>
            <p><a class="button" href="#/report">{t("plan.nav.report")}</a></p>
        </PlanFrame>
    }
}

/// The adopted steps, grouped by strategy in the order first adopted.
#[component]
fn MySteps(steps: Memo<Vec<PlanStep>>) -> impl IntoView {
    let groups = move || {
        steps.with(|steps| {
            let mut groups: Vec<&str> = vec![];
            for s in steps {
                let g = strategy_of(&s.id);
                if !groups.contains(&g) {
                    groups.push(g);
                }
            }
            groups.into_iter().map(str::to_string).collect::<Vec<_>>()
        })
    };
    view! {
        <For each=groups key=|g| g.clone() let:group>
            <StepGroup steps group/>
        </For>
    }
}

#[component]
fn StepGroup(steps: Memo<Vec<PlanStep>>, group: String) -> impl IntoView {
    let name = match by_id(&group) {
        Some(s) => st_text(s.id, "name"),
        None if group == OWN => t("plan.own.group"),
        None => group.clone(),
    };
    let mine = move || {
        steps.with(|s| {
            s.iter()
                .filter(|s| strategy_of(&s.id) == group)
                .cloned()
                .collect::<Vec<_>>()
        })
    };
    view! {
        <section class="plan-group">
            <h3>{name}</h3>
            <ul class="steps">
                <For each=mine key=|s| (s.id.clone(), s.done, s.due.clone()) let:step>
                    <MyStep step/>
                </For>
            </ul>
        </section>
    }
}

#[component]
fn MyStep(step: PlanStep) -> impl IntoView {
    let st = use_state();
    let text = step_words(&step);
    let id = step.id.clone();
    let tick = {
        let id = id.clone();
        move |ev: leptos::ev::Event| {
            let done = event_target_checked(&ev);
            st.data.update(|d| d.set_done(&id, done));
            st.persist();
            dom::focus_later(&format!("tick-{id}"));
        }
    };
    let due = {
        let id = id.clone();
        move |ev: leptos::ev::Event| {
            let due = event_target_value(&ev);
            if !st
                .data
                .try_update(|d| d.set_due(&id, &due))
                .unwrap_or(false)
            {
                return st.say(t("plan.baddate"), true, None);
            }
            st.persist();
            dom::focus_later(&format!("due-{id}"));
        }
    };
    let remove = {
        let id = id.clone();
        move |_| {
            st.data.update(|d| {
                d.remove_step(&id);
            });
            save_and_say(st, "plan.removed");
        }
    };
    view! {
        <li class=if step.done { "step done" } else { "step" }>
            <p>
                <input type="checkbox" id=format!("tick-{id}") checked=step.done on:change=tick/>
                <label for=format!("tick-{id}")>{text.clone()}</label>
            </p>
            <p class="step-tools">
                <label for=format!("due-{id}")>{t("plan.due")}</label>" "
                <input type="date" id=format!("due-{id}") value=step.due.clone() on:change=due/>" "
                {overdue(&step, crate::today()).then(|| view! { <span class="tag late">{t("plan.late")}</span>" " })}
                <button type="button" id=format!("remove-{id}") on:click=remove
                    aria-label=tf("plan.remove.label", &[("step", &text)])>{t("plan.remove")}</button>
            </p>
        </li>
    }
}

/// A step in the person's own words, kept like any step of the library:
/// ticked, dated, removed, in the report. Nothing is cut silently: a text
/// too long is refused with its length, and stays in the field.
#[component]
fn OwnStepForm() -> impl IntoView {
    let st = use_state();
    let text = RwSignal::new(String::new());
    let error = RwSignal::new(String::new());
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let typed = text.get_untracked();
        let words = match own_text(&typed) {
            Ok(words) => words,
            Err(OwnProblem::Empty) => return refuse(error, "own-text", "plan.own.empty"),
            Err(OwnProblem::TooLong) => {
                error.set(tf(
                    "plan.own.long",
                    &[
                        ("max", &MAX_OWN_CHARS.to_string()),
                        ("n", &typed.trim().chars().count().to_string()),
                    ],
                ));
                return dom::focus_now("own-text");
            }
        };
        error.set(String::new());
        let now = now_ms();
        let id = st
            .data
            .try_update(|d| d.add_own(words, &new_id(now, random_u32()), now));
        save_and_say(st, "plan.own.added");
        if st.saved() {
            text.set(String::new());
            if let Some(id) = id {
                dom::focus_later(&format!("tick-{id}"));
            }
        }
    };
    view! {
        <form class="form own-step" on:submit=add novalidate>
            <h3>{t("plan.own.title")}</h3>
            <FormError form="own" error/>
            <p class="field">
                <label for="own-text">{t("plan.own.label")}</label>
                <input type="text" id="own-text" dir="auto" autocomplete="off" aria-describedby="own-hint own-error" bind:value=text/>
                <span class="fine hint" id="own-hint">{tf("plan.own.hint", &[("max", &MAX_OWN_CHARS.to_string())])}</span>
            </p>
            <p><button type="submit" id="own-add">{t("plan.own.add")}</button></p>
        </form>
    }
}

/// "Why this is suggested for you", citing the person's own score.
fn because(r: &Recommendation) -> String {
    if r.strategy.id == PROFESSIONAL && f64::from(r.score) < temper_core::scoring::STEP {
        return t("plan.because.help");
    }
    tf(
        "plan.because",
        &[
            ("what", &t(&r.because.about_key())),
            ("score", &r.score.to_string()),
        ],
    )
}

/// One strategy from the library: what, why, "why for you", first steps.
#[component]
/// `from`: show only the steps from this one on, under `title` instead of
/// the strategy's name and explanation (after an inner audit, only what
/// comes after the audit itself).
fn Card(
    s: &'static Strategy,
    r: Option<Recommendation>,
    #[prop(optional)] from: Option<(u8, String)>,
) -> impl IntoView {
    let st = use_state();
    let adopted = Memo::new(move |_| {
        st.data
            .with(|d| d.plan.iter().map(|p| p.id.clone()).collect::<HashSet<_>>())
    });
    // A whole strategy: focus goes to its first step in the plan. One
    // step: focus stays here, on "In your plan" where the button was, so
    // adding several steps never moves the page.
    let adopt = move |only: Option<u8>| {
        st.data.update(|d| d.adopt(s, only, now_ms()));
        save_and_say(st, "plan.added");
        match only {
            Some(n) => dom::focus_later(&format!("inplan-{}", step_id(s.id, n))),
            None => dom::focus_later(&format!("tick-{}", step_id(s.id, 1))),
        }
    };
    let name = st_text(s.id, "name");
    let first = from.as_ref().map_or(1, |(n, _)| *n);
    let steps = (first..=s.steps)
        .map(|n| {
            let id = step_id(s.id, n);
            let text = st_text(s.id, &format!("step{n}"));
            let label = tf("plan.addstep.label", &[("step", &text)]);
            let button_id = format!("adopt-{id}");
            let tag_id = format!("inplan-{id}");
            let here = move || adopted.with(|a| a.contains(&id));
            view! {
                <li>
                    {text}" "
                    <Show when=here.clone() fallback=move || view! {
                        <button type="button" id=button_id.clone() aria-label=label.clone()
                            on:click=move |_| adopt(Some(n))>{t("plan.addstep")}</button>
                    }>
                        <span class="tag" id=tag_id.clone() tabindex="-1">{t("plan.inplan")}</span>
                    </Show>
                </li>
            }
        })
        .collect_view();
    let all_in = move || (1..=s.steps).all(|n| adopted.with(|a| a.contains(&step_id(s.id, n))));
    let all_label = tf("plan.addall.label", &[("name", &name)]);
    let intro = from.is_none().then(|| {
        view! {
            {r.as_ref().map(|r| view! { <p class="because">{because(r)}</p> })}
            <p>{st_text(s.id, "what")}</p>
            <p class="fine">{st_text(s.id, "why")}</p>
        }
    });
    let whole = from.is_none();
    view! {
        <section class="strategy">
            <h3>{from.map_or(name, |(_, title)| title)}</h3>
            {intro}
            <ol start=first>{steps}</ol>
            <Show when=move || whole && !all_in()>
                <p><button type="button" id=format!("adoptall-{}", s.id) aria-label=all_label.clone()
                    on:click=move |_| adopt(None)>{t("plan.addall")}</button></p>
            </Show>
        </section>
    }
}

// ---------------------------------------------------------------- Reminder

/// Radio buttons for `keys`, labelled `prefix.<key>`, bound to `chosen`.
#[component]
fn Radios(
    name: &'static str,
    prefix: &'static str,
    keys: &'static [&'static str],
    chosen: RwSignal<String>,
) -> impl IntoView {
    keys.iter()
        .map(|k| {
            let id = format!("{name}-{k}");
            view! {
                <p class="choice">
                    <input type="radio" name=name id=id.clone() value=*k
                        prop:checked=move || chosen.get() == *k
                        on:change=move |_| chosen.set(k.to_string())/>
                    <label for=id>{tk(prefix, k)}</label>
                </p>
            }
        })
        .collect_view()
}

/// `<option>`s for `keys`, labelled `prefix.<key>`.
fn options(prefix: &str, keys: &[&'static str]) -> impl IntoView {
    keys.iter()
        .map(|k| view! { <option value=*k>{tk(prefix, k)}</option> })
        .collect_view()
}

/// "Every two weeks, at 09:00. Next reminder: Dec 15, 2026."
fn rhythm_line(r: &Rhythm) -> Option<String> {
    let next = r.next(crate::today())?;
    let date = crate::fmt_day(next.year, next.month, next.day);
    let every = t(&format!("remind.{}", r.every()?.key()));
    Some(tf(
        "remind.set",
        &[("every", &every), ("time", &r.time), ("date", &date)],
    ))
}

#[component]
fn ReminderForm() -> impl IntoView {
    let st = use_state();
    let tomorrow = js_sys::Date::new_0();
    tomorrow.set_date(tomorrow.get_date() + 1);
    let stored = RwSignal::new(crate::storage::reminder());
    let kept = stored.get_untracked();
    let date = RwSignal::new(kept.as_ref().map(|r| r.first.clone()).unwrap_or_else(|| {
        format!(
            "{:04}-{:02}-{:02}",
            tomorrow.get_full_year(),
            tomorrow.get_month() + 1,
            tomorrow.get_date()
        )
    }));
    let time = RwSignal::new(
        kept.as_ref()
            .map_or_else(|| "09:00".to_string(), |r| r.time.clone()),
    );
    let every = RwSignal::new(kept.map_or_else(|| "week".to_string(), |r| r.every));
    let error = RwSignal::new(String::new());
    let download = move |_| {
        let every_key = every.get_untracked();
        let every = Every::from_key(&every_key).unwrap_or(Every::Week);
        let Some(start) = LocalTime::parse(&date.get_untracked(), &time.get_untracked()) else {
            return refuse(error, "remind-date", "remind.bad");
        };
        error.set(String::new());
        let href = web_sys::window()
            .and_then(|w| w.location().href().ok())
            .unwrap_or_default();
        let url = format!("{}#/checkin", href.split('#').next().unwrap_or_default());
        let now = now_ms();
        let uid = format!("{}@temper", new_id(now, random_u32()));
        let text = ics(&Reminder {
            start,
            every,
            url: &url,
            summary: &t("remind.summary"),
            description: &t("remind.description"),
            uid: &uid,
            stamp_ms: now,
        });
        if let Err(e) = files::download("temper-reminder.ics", "text/calendar", &text) {
            return st.say(tf("store.failed", &[("reason", &e)]), true, None);
        }
        let rhythm = Rhythm {
            every: every_key,
            first: date.get_untracked(),
            time: time.get_untracked(),
        };
        match crate::storage::write(crate::storage::REMIND_KEY, &rhythm.to_json()) {
            Ok(()) => {
                stored.set(Some(rhythm));
                st.say(t("remind.done"), false, None);
            }
            // The file is downloaded; only remembering it failed.
            Err(_) => st.say(t("remind.notkept"), true, None),
        }
    };
    view! {
        <section class="reminder">
            <h2>{t("remind.title")}</h2>
            {move || stored.with(|r| r.as_ref().and_then(rhythm_line)).map(|line| view! { <p class="notice"><strong>{line}</strong></p> })}
            <p>{t("remind.body")}</p>
            <fieldset>
                <legend>{t("remind.every")}</legend>
                <Radios name="every" prefix="remind" keys=&["week", "2weeks", "month"] chosen=every/>
            </fieldset>
            <p class="field">
                <label for="remind-date">{t("remind.first")}</label>
                <input type="date" id="remind-date" bind:value=date/>
            </p>
            <p class="field">
                <label for="remind-time">{t("remind.time")}</label>
                <input type="time" id="remind-time" bind:value=time/>
            </p>
            <FormError form="remind" error/>
            <p><button type="button" on:click=download>{t("remind.download")}</button></p>
        </section>
    }
}

// ---------------------------------------------------------------- Ledger

#[component]
pub fn Ledger() -> impl IntoView {
    let st = use_state();
    let entries = Memo::new(move |_| st.data.with(|d| d.ledger.clone()));
    let balance = Memo::new(move |_| entries.with(|e| week_balance(e, now_ms())));
    view! {
        <PlanFrame title="ledger.title" current="ledger">
            <p>{t("ledger.intro")}</p>
            <h2>{t("ledger.week")}</h2>
            <p class="balance"><strong>{move || signed(balance.get())}</strong>" "{move || t(verdict(balance.get()))}</p>
            <LedgerForm/>
            <Show when=move || !entries.with(Vec::is_empty)>
                <LedgerSummary entries/>
            </Show>
        </PlanFrame>
    }
}

#[component]
fn LedgerForm() -> impl IntoView {
    let st = use_state();
    let flow = RwSignal::new(String::new());
    let area = RwSignal::new(Area::KEYS[0].to_string());
    let rest = RwSignal::new(String::new());
    let size = RwSignal::new(String::new());
    let change = RwSignal::new(String::new());
    let what = RwSignal::new(String::new());
    let error = RwSignal::new(String::new());
    let add = move |_| {
        let Some(flow_now) = Flow::from_key(&flow.get_untracked()) else {
            return refuse(error, "flow-drain", "ledger.needflow");
        };
        let Ok(size_now) = size.get_untracked().parse::<u8>() else {
            return refuse(error, "size-1", "ledger.needsize");
        };
        let now = now_ms();
        let entry = Entry {
            id: new_id(now, random_u32()),
            at: now,
            flow: flow_now,
            area: Area::from_key(&area.get_untracked()).unwrap_or(Area::Other),
            rest: RestKind::from_key(&rest.get_untracked()),
            size: size_now,
            change: Changeable::from_key(&change.get_untracked())
                .filter(|_| flow_now == Flow::Drain),
            what: what
                .get_untracked()
                .trim()
                .chars()
                .take(MAX_WHAT_CHARS)
                .collect(),
        };
        if !entry.is_valid() {
            return refuse(error, "size-1", "ledger.needsize");
        }
        error.set(String::new());
        st.data.update(|d| d.add_entry(entry));
        save_and_say(st, "ledger.added");
        if st.saved() {
            what.set(String::new());
        }
    };
    view! {
        // Quick first: drained or restored, how much, what kind; the rest
        // is optional, folded away. A refusal says so at the top, beside the
        // field that gets the focus.
        <section class="form">
            <h2>{t("ledger.add")}</h2>
            <FormError form="ledger" error/>
            <fieldset>
                <legend>{t("ledger.flow")}</legend>
                <Radios name="flow" prefix="ledger.flow" keys=Flow::KEYS chosen=flow/>
            </fieldset>
            <fieldset class="inline">
                <legend>{t("ledger.size")}</legend>
                <Radios name="size" prefix="ledger.size" keys=&["1", "2", "3", "4", "5"] chosen=size/>
            </fieldset>
            <p class="field">
                <label for="ledger-area">{t("ledger.area")}</label>
                <select id="ledger-area" on:change=move |ev| area.set(event_target_value(&ev))>{options("ledger.area", Area::KEYS)}</select>
            </p>
            <details class="more-fields">
                <summary>{t("ledger.more")}</summary>
                <fieldset>
                    <legend>{t("ledger.change")}</legend>
                    <Radios name="change" prefix="ledger.change" keys=Changeable::KEYS chosen=change/>
                </fieldset>
                <p class="field">
                    <label for="ledger-rest">{t("ledger.rest")}</label>
                    <select id="ledger-rest" on:change=move |ev| rest.set(event_target_value(&ev))>
                        <option value="">{t("ledger.rest.none")}</option>
                        {options("rest", RestKind::KEYS)}
                    </select>
                </p>
                <p class="field">
                    <label for="ledger-what">{t("ledger.what")}</label>
                    <input type="text" id="ledger-what" dir="auto" maxlength=MAX_WHAT_CHARS autocomplete="off" bind:value=what/>
                </p>
            </details>
            <p><button type="button" id="ledger-add" on:click=add>{t("ledger.save")}</button></p>
        </section>
    }
}

#[component]
fn LedgerSummary(entries: Memo<Vec<Entry>>) -> impl IntoView {
    let st = use_state();
    let tops = move || {
        entries.with(|e| {
            [
                (Flow::Drain, "ledger.topdrains"),
                (Flow::Deposit, "ledger.topdeposits"),
            ]
            .map(|(flow, key)| {
                let mut lines: Vec<String> = most_frequent(e, flow)
                    .iter()
                    .take(3)
                    .map(|(area, times, size)| {
                        tf(
                            "ledger.top.line",
                            &[
                                ("kind", &tk("ledger.area", area.key())),
                                ("times", &times.to_string()),
                                ("size", &size.to_string()),
                            ],
                        )
                    })
                    .collect();
                if lines.is_empty() {
                    lines.push(t("ledger.none"));
                }
                view! { <h2>{t(key)}</h2><Items items=lines/> }
            })
            .into_iter()
            .collect_view()
        })
    };
    let changeable = move || {
        let [can, help, cannot] =
            entries.with(|e| changeable_counts(e).map(|(_, n)| n.to_string()));
        tf(
            "ledger.changeable",
            &[
                ("can", &can),
                ("help", &help),
                ("cannot", &cannot),
                // The strategies by their own names, never a copy.
                ("ask", &t("strat.help-at-work.name")),
                ("boundaries", &t("strat.boundaries.name")),
            ],
        )
    };
    let recent = move || entries.with(|e| e.iter().rev().take(RECENT).cloned().collect::<Vec<_>>());
    view! {
        {tops}
        <p>{changeable}</p>
        <h2>{t("ledger.recent")}</h2>
        <div class="table-wrap">
            <table class="ledger">
                <thead><tr>
                    <th scope="col">{t("ledger.col.date")}</th>
                    <th scope="col">{t("ledger.col.flow")}</th>
                    <th scope="col">{t("ledger.area")}</th>
                    <th scope="col">{t("ledger.size")}</th>
                    <th scope="col">{t("ledger.what")}</th>
                    <th scope="col">{t("ledger.col.actions")}</th>
                </tr></thead>
                <tbody>
                    <For each=recent key=|e| e.id.clone() let:e>
                        {
                            let sign = if e.flow == Flow::Deposit { "+" } else { "−" };
                            let mut what = e.what.clone();
                            if let Some(c) = e.change {
                                if !what.is_empty() {
                                    what += " · ";
                                }
                                what += &tk("ledger.change", c.key());
                            }
                            let date = fmt_date(e.at);
                            let label = tf("ledger.remove.label", &[("date", &date)]);
                            let id = e.id.clone();
                            let remove = move |_| {
                                st.data.update(|d| {
                                    d.remove_entry(&id);
                                });
                                save_and_say(st, "ledger.removed");
                            };
                            view! {
                                <tr>
                                    <td>{date}</td>
                                    <td>{tk("ledger.flow", e.flow.key())}</td>
                                    <td>{tk("ledger.area", e.area.key())}</td>
                                    <td>{format!("{sign}{}", e.size)}</td>
                                    <td><bdi>{what}</bdi></td>
                                    <td><button type="button" aria-label=label on:click=remove>{t("plan.remove")}</button></td>
                                </tr>
                            }
                        }
                    </For>
                </tbody>
            </table>
        </div>
    }
}

// ---------------------------------------------------------------- Audit

/// Suggested values (`audit.v.<key>`); the person can also type their own.
const VALUES: [&str; 12] = [
    "family",
    "health",
    "learning",
    "craft",
    "helping",
    "fairness",
    "creativity",
    "friendship",
    "independence",
    "nature",
    "faith",
    "security",
];

/// "Family: gap 7 (rated 3 of 10)", biggest gap first. The value the
/// person typed is isolated (`<bdi>`), so no character in it can turn
/// the rest of the line around, and it is never read as a parameter.
fn gap_lines(values: &[(String, u8)]) -> impl IntoView {
    let template = t("audit.gap.line");
    audit_gaps(values)
        .into_iter()
        .map(|(v, gap)| {
            let args = [("gap", gap.to_string()), ("rating", (10 - gap).to_string())];
            let args: Vec<(&str, &str)> = args.iter().map(|(k, v)| (*k, v.as_str())).collect();
            let (before, after) = template.split_once("{value}").unwrap_or(("", &template));
            let (before, after) = (
                temper_core::i18n::fill(before, &args),
                temper_core::i18n::fill(after, &args),
            );
            view! { <li>{before}<bdi>{v}</bdi>{after}</li> }
        })
        .collect_view()
}

#[component]
pub fn AuditScreen() -> impl IntoView {
    let st = use_state();
    let saved = st
        .data
        .with_untracked(|d| d.audit.clone().unwrap_or_default());
    // What is typed lives here until it is saved.
    let rows: Vec<(RwSignal<String>, RwSignal<String>)> = (0..MAX_VALUES)
        .map(|i| match saved.values.get(i) {
            Some((v, r)) => (RwSignal::new(v.clone()), RwSignal::new(r.to_string())),
            None => (RwSignal::new(String::new()), RwSignal::new(String::new())),
        })
        .collect();
    let error = RwSignal::new(String::new());
    let audit = Memo::new(move |_| {
        st.data
            .with(|d| d.audit.clone().filter(|a| !a.values.is_empty()))
    });
    let typed = rows.clone();
    let save = move |_| {
        let form: Vec<(String, String)> = typed
            .iter()
            .map(|(v, r)| (v.get_untracked(), r.get_untracked()))
            .collect();
        let values = match audit_values(&form) {
            Ok(values) => values,
            Err(AuditProblem::NeedName(i)) => {
                return refuse(error, &format!("value-{i}"), "audit.needname")
            }
            Err(AuditProblem::BadRating(i)) => {
                return refuse(error, &format!("rating-{i}"), "audit.badrating")
            }
        };
        error.set(String::new());
        st.data.update(|d| d.set_audit(values, now_ms()));
        save_and_say(st, "audit.saved");
    };
    let fields = rows
        .into_iter()
        .enumerate()
        .map(|(i, (value, rating))| {
            view! {
                <fieldset class="audit-row">
                    <legend>{tf("audit.value.n", &[("n", &(i + 1).to_string())])}</legend>
                    <p class="field">
                        <label for=format!("value-{i}")>{t("audit.value")}</label>
                        <input type="text" id=format!("value-{i}") dir="auto" list="audit-values" maxlength=MAX_VALUE_CHARS autocomplete="off" bind:value=value/>
                    </p>
                    <p class="field">
                        <label for=format!("rating-{i}")>{t("audit.rating")}</label>
                        <input type="number" id=format!("rating-{i}") min="0" max="10" step="1" inputmode="numeric" bind:value=rating/>
                    </p>
                </fieldset>
            }
        })
        .collect_view();
    let suggestions = VALUES
        .map(|v| view! { <option value=tk("audit.v", v)></option> })
        .into_iter()
        .collect_view();
    let values = by_id(AFTER_AUDIT.0).expect("the values strategy is in the library");
    view! {
        <PlanFrame title="audit.title" current="audit">
            <p>{t("audit.intro")}</p>
            <datalist id="audit-values">{suggestions}</datalist>
            <section class="form">
                {fields}
                <FormError form="audit" error/>
                <p><button type="button" id="audit-save" on:click=save>{t("audit.save")}</button></p>
            </section>
            {move || audit.get().map(|a| view! {
                <h2>{t("audit.gaps")}</h2>
                <p class="fine">{tf("audit.when", &[("date", &fmt_date(a.at))])}</p>
                <ol>{gap_lines(&a.values)}</ol>
                <p>{t("audit.next")}</p>
                // Writing the values down and rating them is done: what is
                // left of the strategy is acting on the biggest gap.
                <Card s=values r=None from=(AFTER_AUDIT.1, t("audit.act"))/>
            })}
        </PlanFrame>
    }
}

// ---------------------------------------------------------------- Report

/// The printable report: latest results, trend, plan, ledger and audit.
#[component]
pub fn Report() -> impl IntoView {
    let st = use_state();
    let d = st.data.get_untracked();
    let now = now_ms();
    let (done, total) = d.plan_progress();
    let progress = if total == 0 {
        t("plan.empty")
    } else {
        temper_core::i18n::fill(
            &tn("plan.progress", total),
            &[("done", &done.to_string()), ("total", &total.to_string())],
        )
    };
    let steps: Vec<String> = d
        .plan
        .iter()
        .map(|s| {
            let mark = if s.done { "☑" } else { "☐" };
            // In the app's date format; a passed one says so.
            let due = match due_day(&s.due) {
                None => String::new(),
                Some((y, m, day)) => {
                    let late = if overdue(s, crate::today()) {
                        format!(", {}", t("plan.late"))
                    } else {
                        String::new()
                    };
                    format!(" ({}: {}{late})", t("plan.due"), crate::fmt_day(y, m, day))
                }
            };
            format!("{mark} {}{due}", step_words(s))
        })
        .collect();
    let print = move |_| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    };
    view! {
        <div class="report">
            <Title text=t("report.title")/>
            <p class="fine">{tf("report.made", &[("date", &fmt_date(now))])}</p>
            <p><strong>{t("results.disclaimer")}</strong></p>
            {match d.latest(crate::now_ms()).cloned() {
                Some(c) => view! {
                    <h2>{tf("report.latest", &[("date", &fmt_date(c.at))])}</h2>
                    <Summary c/>
                }
                .into_any(),
                None => view! { <p>{t("plan.nocheckin")}</p> }.into_any(),
            }}
            {(d.checkins.len() >= 2).then(|| view! {
                <h2>{t("report.trend")}</h2>
                <crate::pages::history::Trend points=temper_core::history::chart_points(&temper_core::history::rows(&d.checkins))/>
            })}
            <h2>{t("plan.mine")}</h2>
            <p>{progress}</p>
            <Items items=steps/>
            {(!d.ledger.is_empty()).then(|| view! {
                <h2>{t("ledger.week")}</h2>
                <p>{
                    let b = week_balance(&d.ledger, now);
                    format!("{} {}", signed(b), t(verdict(b)))
                }</p>
            })}
            {d.audit.as_ref().filter(|a| !a.values.is_empty()).map(|a| view! {
                <h2>{t("audit.gaps")}</h2>
                <ul>{gap_lines(&a.values)}</ul>
            })}
            <p class="noprint">
                <a class="button" href="#/plan">{t("plan.nav.plan")}</a>" "
                <button type="button" on:click=print>{t("report.print")}</button>
            </p>
        </div>
    }
}

//! The home screen for a person coming back (in the history screen's split
//! module: the first visit's home stays as it is, prerendered and small).
//! First what fits a phone's screen: the latest result, where they stand
//! since the last comparable check-in, when the next check-in is due with
//! the button for it, and the plan's progress and next step; then a small
//! trend. All of it is `temper_core::history::welcome`.

use crate::pages::history::{since_words, Trend};
use crate::pages::home::{start_label, Title};
use crate::pages::results::Items;
use crate::state::use_state;
use crate::{fmt_date, now_ms, t, tf, tn};
use leptos::prelude::*;
use temper_core::history::{welcome, Due, DEFAULT_RHYTHM_DAYS};
use temper_core::i18n::fill;
use temper_core::profile::Profile;

#[component]
pub fn Welcome() -> impl IntoView {
    let st = use_state();
    // The reminder's rhythm sets when a check-in is due.
    let days = crate::storage::reminder()
        .and_then(|r| r.every())
        .map_or(DEFAULT_RHYTHM_DAYS, |e| e.days());
    let offset = crate::utc_offset_minutes(now_ms());
    let w = Memo::new(move |_| st.data.with(|d| welcome(d, now_ms(), offset, days)));
    let last = Memo::new(move |_| {
        st.data.with(|d| {
            d.latest(now_ms()).map(|c| {
                let zone = t(Profile::of(&c.scores()).headline_key());
                let text = tf("home.last", &[("date", &fmt_date(c.at)), ("zone", &zone)]);
                (format!("#/results/{}", c.id), text)
            })
        })
    });
    let start = start_label(st);
    let content = move || {
        w.get().map(|w| {
            let due = match w.due {
                Due::Now => t("welcome.due"),
                Due::InDays(n) => fill(&tn("welcome.next", n as usize), &[("n", &n.to_string())]),
            };
            let since = w.since.as_ref().map(|s| {
                let (heading, items) = since_words(s);
                view! { <h3>{heading}</h3><Items items/> }
            });
            let (done, total) = w.plan;
            let plan = if total == 0 {
                t("welcome.noplan")
            } else {
                fill(
                    &tn("plan.progress", total),
                    &[("done", &done.to_string()), ("total", &total.to_string())],
                )
            };
            let next = w.next_step.as_ref().map(|s| {
                tf(
                    "welcome.step",
                    &[("step", &crate::pages::plan::step_words(s))],
                )
            });
            view! {
                {since}
                <section class="welcome" aria-labelledby="welcome-due">
                    <h2 id="welcome-due">{due}</h2>
                    <p><a class="button primary" href="#/checkin">{start.clone()}</a></p>
                    <p><a href="#/plan">{plan}</a></p>
                    {next.map(|n| view! { <p>{n}</p> })}
                </section>
                <Trend points=w.trend/>
            }
        })
    };
    view! {
        <div>
            <Title text=t("welcome.title")/>
            {move || last.get().map(|(href, text)| view! { <p class="lead"><a href=href>{text}</a></p> })}
            {content}
            <p class="fine">{t("home.notdiagnosis")}</p>
        </div>
    }
}

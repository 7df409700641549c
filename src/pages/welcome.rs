//! The home screen for a person coming back (a split module of its own:
//! the first visit's home stays as it is, prerendered and small): where
//! they stand since the last comparable check-in, a small trend, the
//! plan's progress and next step, and when the next check-in is due. All
//! of it is `temper_core::history::welcome`.

use crate::pages::history::{since_words, Trend};
use crate::pages::results::Items;
use crate::state::use_state;
use crate::{now_ms, t, tf, tk, tn};
use leptos::prelude::*;
use temper_core::history::{welcome, Due, DEFAULT_RHYTHM_DAYS};
use temper_core::i18n::fill;
use temper_core::plan::parse_step;

#[component]
pub fn Welcome() -> impl IntoView {
    let st = use_state();
    // The reminder's rhythm sets when a check-in is due.
    let days = crate::storage::reminder()
        .and_then(|r| r.every())
        .map_or(DEFAULT_RHYTHM_DAYS, |e| e.days());
    // Minutes east of UTC (the browser counts them the other way round).
    let offset = -(js_sys::Date::new_0().get_timezone_offset() as i64);
    let w = Memo::new(move |_| st.data.with(|d| welcome(d, now_ms(), offset, days)));
    move || {
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
            let next = w.next_step.as_deref().and_then(parse_step).map(|(s, n)| {
                tf(
                    "welcome.step",
                    &[("step", &tk("strat", &format!("{}.step{n}", s.id)))],
                )
            });
            view! {
                <section class="welcome" aria-labelledby="welcome-due">
                    <h2 id="welcome-due">{due}</h2>
                    {since}
                    <Trend points=w.trend/>
                    <p><a href="#/plan">{plan}</a></p>
                    {next.map(|n| view! { <p>{n}</p> })}
                </section>
            }
        })
    }
}

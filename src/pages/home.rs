use crate::state::use_state;
use crate::{autofocus, fmt_date, t, tf};
use leptos::prelude::*;
use temper_core::profile::Profile;

/// A screen's heading, which takes focus when the screen opens.
#[component]
pub fn Title(#[prop(into)] text: String) -> impl IntoView {
    autofocus();
    view! { <h1 tabindex="-1" data-autofocus="">{text}</h1> }
}

#[component]
pub fn Home() -> impl IntoView {
    let st = use_state();
    let has_draft = Memo::new(move |_| st.draft.with(Option::is_some));
    // "Continue your check-in (question 11 of 47)" while one is under way
    // (read once: the screen is built again on every visit).
    let start = st.draft.with_untracked(|d| match d {
        Some(d) => {
            let (n, total) = (d.step + 1, d.total());
            tf(
                "home.continue",
                &[("n", &n.to_string()), ("total", &total.to_string())],
            )
        }
        None => t("home.start"),
    });
    let last = Memo::new(move |_| {
        st.data.with(|d| {
            d.latest(crate::now_ms()).map(|c| {
                let zone = t(Profile::of(&c.scores()).headline_key());
                let text = tf("home.last", &[("date", &fmt_date(c.at)), ("zone", &zone)]);
                (format!("#/results/{}", c.id), text)
            })
        })
    });
    view! {
        <div>
            <Title text=t("home.title")/>
            <p class="lead">{t("home.lead")}</p>
            <p>{t("home.what")}</p>
            <p class="promise"><strong>{t("home.privacy")}</strong></p>
            <Show when=move || has_draft.get()>
                <p class="notice">{t("home.resume")}</p>
            </Show>
            <p><a class="button primary" href="#/checkin">{start}</a></p>
            // A person coming back also gets where they stand and what's next.
            {move || last.get().map(|(href, text)| view! { <p><a href=href>{text}</a></p> {crate::lazy::welcome()} })}
            <p class="fine">{t("home.notdiagnosis")}</p>
        </div>
    }
}

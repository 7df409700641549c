use crate::state::use_state;
use crate::{autofocus, t};
use leptos::prelude::*;

/// A screen's heading, which takes focus when the screen opens.
#[component]
pub fn Title(#[prop(into)] text: String) -> impl IntoView {
    // An effect, so it runs only in the browser (not in the prerender).
    Effect::new(|_| autofocus());
    view! { <h1 tabindex="-1" data-autofocus="">{text}</h1> }
}

/// Home: the first visit's introduction (the screen `index.html` carries
/// prerendered), or, once there are check-ins, the return home (a split
/// module: `pages::welcome`).
#[component]
pub fn Home() -> impl IntoView {
    let st = use_state();
    let back = Memo::new(move |_| st.data.with(|d| !d.checkins.is_empty()));
    move || match back.get() {
        true => crate::lazy::welcome(),
        false => view! { <FirstVisit/> }.into_any(),
    }
}

/// The first visit's introduction; also prerendered into index.html
/// (`crate::prerender_home`).
#[component]
pub fn FirstVisit() -> impl IntoView {
    let st = use_state();
    let has_draft = st.draft.with_untracked(Option::is_some);
    view! {
        <div>
            <Title text=t("home.title")/>
            <p class="lead">{t("home.lead")}</p>
            <p>{t("home.what")}</p>
            <p class="promise"><strong>{t("home.privacy")}</strong></p>
            {has_draft.then(|| view! { <p class="notice">{t("home.resume")}</p> })}
            // The check-in's code is fetched as a pointer reaches the button
            // (a mouse over it, a finger on it), not at start-up, where
            // compiling it would hold up the first taps; after the first
            // visit it is on the device anyway (the service worker's cache).
            <p><a class="button primary" href="#/checkin"
                on:pointerover=|_| crate::lazy::prefetch_checkin()>{start_label(st)}</a></p>
            <p class="fine">{t("home.notdiagnosis")}</p>
        </div>
    }
}

/// "Continue your check-in (question 11 of 44)" while one is under way,
/// else "Start check-in" (read once: the screen is built again on every
/// visit).
pub fn start_label(st: crate::state::AppState) -> String {
    st.draft.with_untracked(|d| match d {
        Some(d) => crate::tf(
            "home.continue",
            &[
                ("n", &(d.step + 1).to_string()),
                ("total", &d.total().to_string()),
            ],
        ),
        None => t("home.start"),
    })
}

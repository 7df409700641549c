use crate::state::{load_draft, use_state};
use crate::{autofocus, fmt_date, t};
use leptos::prelude::*;
use temper_core::i18n::fill;
use temper_core::scoring::score;

#[component]
pub fn Home() -> impl IntoView {
    let st = use_state();
    autofocus();
    let has_draft = load_draft().is_some();
    let last = move || {
        st.data.with(|d| {
            d.latest().map(|c| {
                let zone = t(score(&c.answers).zone().key());
                let text = fill(
                    &t("home.last"),
                    &[("date", &fmt_date(c.at)), ("zone", &zone)],
                );
                view! { <p><a href=format!("#/results/{}", c.id)>{text}</a></p> }
            })
        })
    };
    view! {
        <h1 tabindex="-1" data-autofocus>{t("home.title")}</h1>
        <p class="lead">{t("home.lead")}</p>
        <p>{t("home.what")}</p>
        <p class="promise"><strong>{t("home.privacy")}</strong></p>
        {has_draft.then(|| view! { <p class="notice">{t("home.resume")}</p> })}
        <p><a class="button primary" href="#/checkin">{t("home.start")}</a></p>
        {last}
        <p class="fine">{t("home.notdiagnosis")}</p>
    }
}

use crate::{autofocus, t};
use leptos::prelude::*;

fn text_page(title: &'static str, body: &'static str) -> impl IntoView {
    autofocus();
    view! {
        <h1 tabindex="-1" data-autofocus>{t(title)}</h1>
        <p>{t(body)}</p>
    }
}

#[component]
pub fn Plan() -> impl IntoView {
    text_page("plan.title", "plan.soon")
}

#[component]
pub fn Privacy() -> impl IntoView {
    text_page("privacy.title", "privacy.body")
}

#[component]
pub fn NotFound() -> impl IntoView {
    text_page("notfound.title", "notfound.body")
}

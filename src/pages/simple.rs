use crate::{focus_on_mount, t};
use leptos::prelude::*;

fn text_page(title: &'static str, body: &'static str) -> impl IntoView {
    let heading = NodeRef::<leptos::html::H1>::new();
    focus_on_mount(heading);
    view! {
        <h1 tabindex="-1" node_ref=heading>{t(title)}</h1>
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

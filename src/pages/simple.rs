use crate::blocks::{page, Block};
use crate::t;
use leptos::prelude::*;

fn text_page(title: &'static str, body: &'static str) -> AnyView {
    page(t(title), vec![Block::P(t(body))])
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

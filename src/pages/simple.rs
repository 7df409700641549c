use crate::blocks::{page, Block};
use crate::t;
use leptos::prelude::*;

fn text_page(title: &'static str, body: &'static str) -> AnyView {
    page(t(title), vec![Block::P(t(body))])
}

#[component]
pub fn Privacy() -> impl IntoView {
    let list = t("privacy.stored.list")
        .split('|')
        .map(str::to_string)
        .collect();
    let text = page(
        t("privacy.title"),
        vec![
            Block::Classed("promise", t("privacy.body")),
            Block::H2(t("privacy.stored")),
            Block::List(list),
            Block::P(t("privacy.never")),
            Block::H2(t("privacy.backup")),
            Block::P(t("privacy.backup.body")),
            Block::Button("#/history".into(), t("nav.history"), false),
            Block::H2(t("privacy.erase")),
            Block::P(t("privacy.erase.body")),
        ],
    );
    crate::dom::seq(vec![text, crate::pages::lock::settings()])
}

#[component]
pub fn NotFound() -> impl IntoView {
    text_page("notfound.title", "notfound.body")
}

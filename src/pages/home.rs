use crate::blocks::{page, Block};
use crate::dom::el;
use crate::state::{has_draft, use_state};
use crate::{fmt_date, t};
use leptos::prelude::*;
use temper_core::i18n::fill;
use temper_core::scoring::score;

#[component]
pub fn Home() -> impl IntoView {
    let st = use_state();
    let mut b = vec![
        Block::Classed("lead", t("home.lead")),
        Block::P(t("home.what")),
        Block::Tree(
            el("p")
                .class("promise")
                .child(el("strong").text(t("home.privacy"))),
        ),
    ];
    if has_draft() {
        b.push(Block::Classed("notice", t("home.resume")));
    }
    b.push(Block::Button("#/checkin".into(), t("home.start"), true));
    if let Some((id, text)) = st.data.with_untracked(|d| {
        d.latest().map(|c| {
            let zone = t(score(&c.answers).zone().key());
            (
                c.id.clone(),
                fill(
                    &t("home.last"),
                    &[("date", &fmt_date(c.at)), ("zone", &zone)],
                ),
            )
        })
    }) {
        b.push(Block::Tree(el("p").child(
            el("a").attr("href", format!("#/results/{id}")).text(text),
        )));
    }
    b.push(Block::Fine(t("home.notdiagnosis")));
    page(t("home.title"), b)
}

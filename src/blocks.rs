//! Text-heavy screens are described as a list of [`Block`]s, turned into a
//! static [`El`](crate::dom::El) tree by one function.

use crate::dom::{el, show, El};
use leptos::prelude::*;

pub enum Block {
    H2(String),
    H3(String),
    P(String),
    /// A paragraph in bold.
    Strong(String),
    /// A paragraph of secondary text.
    Fine(String),
    List(Vec<String>),
    /// A link styled as a button; `true` for the primary action.
    Button(String, String, bool),
    /// A `<section>` with a class, e.g. the "Talk to someone" card.
    Section(&'static str, Vec<Block>),
    /// A paragraph with a class.
    Classed(&'static str, String),
    /// Any static tree.
    Tree(El),
}

pub fn to_el(b: Block) -> El {
    match b {
        Block::H2(t) => el("h2").text(t),
        Block::H3(t) => el("h3").text(t),
        Block::P(t) => el("p").text(t),
        Block::Strong(t) => el("p").child(el("strong").text(t)),
        Block::Fine(t) => el("p").class("fine").text(t),
        Block::List(items) => el("ul").kids(items.into_iter().map(|i| el("li").text(i))),
        Block::Button(href, text, primary) => el("p").child(
            el("a")
                .class(if primary { "button primary" } else { "button" })
                .attr("href", href)
                .text(text),
        ),
        Block::Section(class, inner) => el("section")
            .class(class)
            .kids(inner.into_iter().map(to_el)),
        Block::Classed(class, t) => el("p").class(class).text(t),
        Block::Tree(e) => e,
    }
}

/// Render blocks as one static tree.
pub fn render(blocks: Vec<Block>) -> AnyView {
    show(el("div").kids(blocks.into_iter().map(to_el))).into_any()
}

/// The screen's heading (which takes focus) and its blocks, as one tree.
pub fn heading(title: String) -> El {
    el("h1")
        .attr("tabindex", "-1")
        .attr("data-autofocus", "")
        .text(title)
}

/// A whole static screen: heading and blocks.
pub fn page(title: String, blocks: Vec<Block>) -> AnyView {
    crate::autofocus();
    show(
        el("div")
            .child(heading(title))
            .kids(blocks.into_iter().map(to_el)),
    )
    .into_any()
}

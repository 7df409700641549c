//! Text-heavy screens are described as a list of [`Block`]s and rendered by
//! one function. Each `view!` shape compiles to its own code in the wasm, so
//! one small renderer shared by every screen keeps the bundle small.

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
}

#[inline(never)]
pub fn render(blocks: Vec<Block>) -> AnyView {
    blocks.into_iter().map(render_one).collect_view().into_any()
}

#[inline(never)]
fn render_one(b: Block) -> AnyView {
    match b {
        Block::H2(t) => view! { <h2>{t}</h2> }.into_any(),
        Block::H3(t) => view! { <h3>{t}</h3> }.into_any(),
        Block::P(t) => view! { <p>{t}</p> }.into_any(),
        Block::Strong(t) => view! { <p><strong>{t}</strong></p> }.into_any(),
        Block::Fine(t) => view! { <p class="fine">{t}</p> }.into_any(),
        Block::List(items) => {
            view! { <ul>{items.into_iter().map(|i| view! { <li>{i}</li> }).collect_view()}</ul> }
                .into_any()
        }
        Block::Button(href, text, primary) => {
            let class = if primary { "button primary" } else { "button" };
            view! { <a class=class href=href>{text}</a> }.into_any()
        }
        Block::Section(class, inner) => {
            view! { <section class=class>{render(inner)}</section> }.into_any()
        }
    }
}

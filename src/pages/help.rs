//! "Talk to someone": helplines for the person's region (from the
//! browser's language settings; `temper_core::helplines`), reachable from
//! every screen's footer and shown at once during a check-in when an
//! answer calls for it. Numbers are `tel:` links; nothing is fetched.

use crate::pages::home::Title;
use crate::{t, tf};
use leptos::prelude::*;
use temper_core::helplines::{for_languages, DIRECTORY};

/// The browser's language tags, most preferred first.
fn browser_languages() -> Vec<String> {
    web_sys::window()
        .map(|w| {
            let mut tags: Vec<String> = w
                .navigator()
                .languages()
                .iter()
                .filter_map(|v| v.as_string())
                .collect();
            tags.extend(w.navigator().language());
            tags
        })
        .unwrap_or_default()
}

/// The helplines for this region, or the directory where Temper has none.
#[component]
pub fn HelpLines() -> impl IntoView {
    let tags = browser_languages();
    let lines = for_languages(tags.iter().map(String::as_str));
    if lines.is_empty() {
        return view! {
            <p>{t("help.none")}</p>
            <p><a href=DIRECTORY rel="noopener noreferrer">{t("help.directory")}</a></p>
        }
        .into_any();
    }
    let items = lines
        .into_iter()
        .map(|h| {
            view! {
                <li>
                    <a class="helpline" href=h.tel()>{format!("{}: {}", h.name, h.number)}</a>
                    " "{t(h.kind)}
                    <br/><span class="fine">{tf("help.source", &[("source", h.source), ("date", h.checked)])}</span>
                </li>
            }
        })
        .collect_view();
    view! {
        <ul class="helplines">{items}</ul>
        <p class="fine">{t("help.region")}</p>
    }
    .into_any()
}

#[component]
pub fn Help() -> impl IntoView {
    view! {
        <div>
            <Title text=t("help.title")/>
            <p><strong>{t("help.urgent")}</strong></p>
            <h2>{t("help.lines")}</h2>
            <HelpLines/>
            <p>{t("help.body")}</p>
        </div>
    }
}

use crate::pages::home::Title;
use crate::t;
use leptos::prelude::*;

#[component]
pub fn Privacy() -> impl IntoView {
    let stored = t("privacy.stored.list")
        .split('|')
        .map(|item| view! { <li>{item.to_string()}</li> })
        .collect_view();
    view! {
        <div>
            <Title text=t("privacy.title")/>
            <p class="promise">{t("privacy.body")}</p>
            <h2>{t("privacy.stored")}</h2>
            <ul>{stored}</ul>
            <p>{t("privacy.never")}</p>
            <h2>{t("privacy.backup")}</h2>
            <p>{t("privacy.backup.body")}</p>
            <p><a class="button" href="#/history">{t("nav.history")}</a></p>
            <h2>{t("privacy.erase")}</h2>
            <p>{t("privacy.erase.body")}</p>
        </div>
        <crate::pages::lock::LockSettings/>
    }
}

#[component]
pub fn NotFound() -> impl IntoView {
    view! {
        <div>
            <Title text=t("notfound.title")/>
            <p>{t("notfound.body")}</p>
        </div>
    }
}

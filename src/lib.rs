//! Temper's Leptos shell: renders screens and wires events. Domain logic
//! lives in `temper_core`; browser I/O lives in one adapter per concern
//! (`storage`, `files`).

pub mod blocks;
pub mod files;
pub mod pages;
pub mod state;
pub mod storage;

use leptos::prelude::*;
use state::{AppState, Status};
use std::cell::Cell;
use temper_core::i18n::{self, fill, Lang};
use temper_core::route::Route;
use wasm_bindgen::JsValue;

thread_local! {
    static LANG: Cell<Lang> = const { Cell::new(Lang::En) };
}

/// The current language's text for `key`.
pub fn t(key: &str) -> String {
    i18n::t(LANG.with(Cell::get), key).to_string()
}

pub fn lang() -> Lang {
    LANG.with(Cell::get)
}

/// A date in the current language's format, e.g. "22 Nov 2026".
pub fn fmt_date(ms: i64) -> String {
    let d = js_sys::Date::new(&JsValue::from_f64(ms as f64));
    let opts = js_sys::Object::new();
    for (k, v) in [("year", "numeric"), ("month", "short"), ("day", "numeric")] {
        let _ = js_sys::Reflect::set(&opts, &k.into(), &v.into());
    }
    d.to_locale_date_string(lang().code(), &opts).into()
}

pub fn now_ms() -> i64 {
    js_sys::Date::now() as i64
}

fn current_hash() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

/// Go to another screen. Routing lives in the URL fragment.
pub fn navigate(route: &Route) {
    if let Some(w) = web_sys::window() {
        let _ = w.location().set_hash(&route.href());
    }
}

/// Focus the element marked `data-autofocus` inside `<main>`, waiting up
/// to `frames` animation frames for the screen to be mounted.
fn focus_marked(frames: u8) {
    use wasm_bindgen::JsCast;
    let found = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector("main [data-autofocus]").ok().flatten())
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    match found {
        Some(el) => {
            let _ = el.focus();
        }
        None if frames > 0 => request_animation_frame(move || focus_marked(frames - 1)),
        None => {}
    }
}

/// Move keyboard and screen-reader focus to this screen's marked element
/// (its heading, or the question of a check-in step) once it is mounted.
pub fn autofocus() {
    Effect::new(|_| request_animation_frame(|| focus_marked(10)));
}

#[component]
fn StorageBanner() -> impl IntoView {
    let st = state::use_state();
    let download_raw = move |_| {
        if let Status::Corrupt { raw, .. } | Status::TooNew { raw, .. } = st.status.get_untracked()
        {
            let _ = files::download("temper-unreadable-data.json", "application/json", &raw);
        }
    };
    move || {
        let msg = match st.status.get() {
            Status::Saving => None,
            Status::Unavailable => Some((t("store.unavailable"), false)),
            Status::Corrupt { reason, .. } => {
                Some((fill(&t("store.corrupt"), &[("reason", &reason)]), true))
            }
            Status::TooNew { version, .. } => Some((
                fill(&t("store.toonew"), &[("version", &version.to_string())]),
                true,
            )),
        };
        msg.map(|(text, offer)| {
            view! {
                <div class="banner" role="alert">
                    <p>{text}</p>
                    {offer.then(|| view! {
                        <button type="button" on:click=download_raw>{t("store.download")}</button>
                    })}
                </div>
            }
        })
    }
}

#[component]
fn Nav() -> impl IntoView {
    let st = state::use_state();
    let link = move |route: Route, key: &'static str| {
        let href = route.href();
        let current = move || {
            let r = st.route.get();
            let same = match (&r, &route) {
                (Route::Results(_), Route::Results(_)) => true,
                (a, b) => a == b,
            };
            same.then_some("page")
        };
        view! { <li><a href=href aria-current=current>{t(key)}</a></li> }
    };
    view! {
        <nav aria-label=t("nav.label")>
            <ul>
                {link(Route::Home, "nav.home")}
                {link(Route::CheckIn, "nav.checkin")}
                {link(Route::Results(None), "nav.results")}
                {link(Route::History, "nav.history")}
                {link(Route::Plan, "nav.plan")}
                {link(Route::Privacy, "nav.privacy")}
            </ul>
        </nav>
    }
}

#[component]
pub fn App() -> impl IntoView {
    let st = AppState::new();
    st.route.set(Route::parse(&current_hash()));
    provide_context(st);
    let _ = window_event_listener(leptos::ev::hashchange, move |_| {
        st.route.set(Route::parse(&current_hash()));
    });
    let _ = window_event_listener(leptos::ev::storage, move |e| {
        if e.key().as_deref() == Some(storage::DATA_KEY) {
            st.on_external_change();
        }
    });
    let skip = move |ev: leptos::ev::MouseEvent| {
        ev.prevent_default();
        if let Some(main) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id("main"))
            .and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok())
        {
            let _ = main.focus();
        }
    };
    view! {
        <a class="skip" href="#main" on:click=skip>{t("skip")}</a>
        <header class="top">
            <a class="brand" href="#/">{t("app.name")}</a>
            <Nav/>
        </header>
        <StorageBanner/>
        {move || st.save_error.get().map(|m| view! { <div class="banner" role="alert"><p>{m}</p></div> })}
        <main id="main" tabindex="-1">
            {move || match st.route.get() {
                Route::Home => view! { <pages::home::Home/> }.into_any(),
                Route::CheckIn => view! { <pages::checkin::CheckInPage/> }.into_any(),
                Route::Results(id) => view! { <pages::results::ResultsPage id=id/> }.into_any(),
                Route::History => view! { <pages::history::History/> }.into_any(),
                Route::Plan => view! { <pages::simple::Plan/> }.into_any(),
                Route::Privacy => view! { <pages::simple::Privacy/> }.into_any(),
                Route::NotFound(_) => view! { <pages::simple::NotFound/> }.into_any(),
            }}
        </main>
        <footer class="foot"><p>{t("footer")}</p></footer>
    }
}

/// Mount the app. Called by the binary's `main`.
pub fn run() {
    leptos::mount::mount_to_body(App);
}

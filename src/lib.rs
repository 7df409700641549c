//! Temper's Leptos shell: renders screens and wires events. Domain logic
//! lives in `temper_core`; browser I/O lives in one adapter per concern
//! (`storage`, `files`).

#[cfg(target_arch = "wasm32")]
mod alloc;
pub mod blocks;
pub mod dom;
pub mod files;
pub mod js;
pub mod lazy;
pub mod lock;
pub mod pages;
pub mod state;
pub mod storage;
pub mod texts;

use leptos::prelude::*;

#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: alloc::Allocator = alloc::Allocator::new();
use state::{AppState, Status};
use std::cell::Cell;
use temper_core::i18n::{self, fill, Lang};
use temper_core::route::Route;
use wasm_bindgen::JsValue;

thread_local! {
    static LANG: Cell<Lang> = const { Cell::new(Lang::EN) };
    /// The current language's texts, loaded at start-up.
    static TEXTS: std::cell::RefCell<i18n::Texts> = std::cell::RefCell::new(i18n::Texts::default());
}

/// The current language's text for `key` (the key itself if missing, so a
/// gap is visible rather than blank).
#[inline(never)]
pub fn t(key: &str) -> String {
    TEXTS.with(|texts| texts.borrow().get(key).unwrap_or(key).to_string())
}

/// The current language's text about `n` things: its singular variant
/// when `n` is 1 (see `Texts::counted`).
pub fn tn(key: &str, n: usize) -> String {
    t(&TEXTS.with(|texts| texts.borrow().counted(key, n)))
}

pub fn lang() -> Lang {
    LANG.with(Cell::get)
}

/// Fill a markup template (see `temper_core::html`) in the current
/// language.
pub fn html(template: &str, args: &[&str]) -> String {
    temper_core::html::render(template, args, &t)
}

/// The text for `prefix.key`, e.g. `tk("dim", "exhaustion")`.
#[inline(never)]
pub fn tk(prefix: &str, key: &str) -> String {
    t(&format!("{prefix}.{key}"))
}

/// A date in the current language's format, e.g. "Nov 22, 2026", in local
/// time ("" for a time no calendar has).
#[inline(never)]
pub fn fmt_date(ms: i64) -> String {
    let d = js_sys::Date::new(&JsValue::from_f64(ms as f64));
    if d.get_time().is_nan() {
        return String::new();
    }
    TEXTS.with(|texts| {
        i18n::format_date(
            &texts.borrow(),
            d.get_full_year() as i32,
            d.get_month() + 1,
            d.get_date(),
        )
    })
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

thread_local! {
    /// The id of the control to focus when the screen is next rebuilt, so
    /// ticking a box or adding an entry doesn't throw keyboard focus away.
    static REFOCUS: std::cell::RefCell<Option<String>> = const { std::cell::RefCell::new(None) };
}

/// After the next rebuild, focus the element with this id instead of the
/// screen's heading.
pub fn refocus(id: &str) {
    REFOCUS.with(|r| *r.borrow_mut() = Some(id.to_string()));
}

/// Focus the element marked `data-autofocus` inside `<main>` (or the one
/// asked for with [`refocus`]), waiting up to `frames` animation frames for
/// the screen to be mounted.
fn focus_marked(frames: u8) {
    use wasm_bindgen::JsCast;
    let wanted = REFOCUS.with(|r| r.borrow().clone());
    let selector = match &wanted {
        Some(id) => format!("main [id=\"{id}\"]"),
        None => "main [data-autofocus]".into(),
    };
    let found = dom::document()
        .and_then(|d| d.query_selector(&selector).ok().flatten())
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    match found {
        Some(el) => {
            REFOCUS.with(|r| r.borrow_mut().take());
            let _ = el.focus();
        }
        None if wanted.is_some() && frames == 0 => {
            REFOCUS.with(|r| r.borrow_mut().take());
            focus_marked(0);
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

/// Download what Temper holds: the unreadable stored text as it is, or
/// else everything in memory as a backup file.
pub(crate) fn download_backup(st: AppState) {
    let (name, text) = match st.status.get_untracked() {
        Status::Corrupt { raw, .. } | Status::TooNew { raw, .. } | Status::Locked { raw } => {
            ("temper-unreadable-data.json", raw)
        }
        _ => (
            "temper-backup.json",
            st.data.with_untracked(temper_core::backup::export_json),
        ),
    };
    if let Err(e) = files::download(name, "application/json", &text) {
        st.save_error
            .set(Some(fill(&t("store.failed"), &[("reason", &e)])));
    }
}

/// Storage problems, each with a way to keep a copy of the data.
#[component]
fn StorageBanner() -> impl IntoView {
    let st = state::use_state();
    move || {
        let msg = match st.status.get() {
            Status::Saving => st.save_error.get()?,
            Status::Unavailable => t("store.unavailable"),
            Status::Corrupt { reason, .. } => fill(&t("store.corrupt"), &[("reason", &reason)]),
            Status::TooNew { version, .. } => {
                fill(&t("store.toonew"), &[("version", &version.to_string())])
            }
            Status::Locked { .. } => return None,
        };
        let tree = dom::message(true, msg, Some((t("store.download"), "download")));
        Some(dom::mount(tree, move |_, _| download_backup(st)))
    }
}

/// The current notice, with Undo when a check-in was just deleted.
#[component]
fn Notices() -> impl IntoView {
    let st = state::use_state();
    let undo = move |_: &str, _: &str| {
        if let Some(c) = st.notice.get_untracked().and_then(|n| n.undo) {
            let id = c.id.clone();
            st.data.update(|d| d.upsert(c));
            st.persist_forgetting(&[id]);
            st.notice.set(None);
            st.rerender();
        }
    };
    move || {
        st.notice.get().map(|n| {
            let button = n.undo.is_some().then(|| (t("history.undo"), "undo"));
            dom::mount(dom::message(n.alert, n.text, button), undo)
        })
    }
}

#[component]
fn Nav() -> impl IntoView {
    let st = state::use_state();
    let links = Route::NAV
        .iter()
        .map(|(section, href)| {
            let current = move || {
                st.route
                    .with(|r| (r.section() == *section).then_some("page"))
            };
            view! { <li><a href=*href aria-current=current>{t(&format!("nav.{section}"))}</a></li> }
        })
        .collect_view();
    view! { <nav aria-label=t("nav.label")><ul>{links}</ul></nav> }
}

/// The skip link and the navigation, mounted in a task before the rest.
#[component]
pub fn Top(st: AppState) -> impl IntoView {
    st.route.set(Route::parse(&current_hash()));
    provide_context(st);
    let skip = move |ev: leptos::ev::MouseEvent| {
        ev.prevent_default();
        if let Some(main) = dom::document()
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
    }
}

#[component]
pub fn App(st: AppState) -> impl IntoView {
    // Again: the address may have changed since `Top` mounted, before the
    // hashchange listener below existed (a tap on the static screen).
    st.route.set(Route::parse(&current_hash()));
    provide_context(st);
    let _ = window_event_listener(leptos::ev::hashchange, move |_| {
        st.notice.set(None);
        st.route.set(Route::parse(&current_hash()));
    });
    let _ = window_event_listener(leptos::ev::storage, move |e| {
        if e.key().as_deref() == Some(storage::DATA_KEY) {
            st.on_external_change();
        }
    });
    // The frame mounts first; the screen comes in a task of its own.
    let ready = RwSignal::new(false);
    js::later(move || {
        ready.set(true);
        drop_prerender();
    });
    view! {
        <StorageBanner/>
        <main id="main" tabindex="-1">
            <Notices/>
            {move || { st.refresh.track(); if !ready.get() {
                ().into_any()
            } else if matches!(st.status.get(), Status::Locked { .. }) {
                lazy::unlock()
            } else {
                screen(st.route.get())
            }}}
        </main>
        <footer class="foot"><p>{t("footer")}</p>{theme_picker()}</footer>
    }
}

/// The language and theme choices in the footer, remembered on this device.
/// Light, dark, or the system's setting; the stored theme is applied before
/// the first paint by `assets/prefs.js`.
fn theme_picker() -> AnyView {
    let current = storage::read(storage::THEME_KEY)
        .ok()
        .flatten()
        .unwrap_or_default();
    let mut options = String::new();
    for k in ["system", "light", "dark"] {
        let selected = if k == current || (k == "system" && current.is_empty()) {
            " selected"
        } else {
            ""
        };
        options += &html(
            "<option value=\"{0}\"{=1}>{2}</option>",
            &[k, selected, &tk("theme", k)],
        );
    }
    let mut langs = String::new();
    for l in Lang::all() {
        let selected = if l == lang() { " selected" } else { "" };
        langs += &html(
            "<option value=\"{0}\" lang=\"{0}\"{=1}>{2}</option>",
            &[l.code(), selected, l.name()],
        );
    }
    let markup = html(
        "<p class=\"theme\"><span><label for=\"lang-choice\">{lang.label}</label> \
         <select id=\"lang-choice\" data-change=\"lang\">{=1}</select></span> \
         <span><label for=\"theme-choice\">{theme.label}</label> \
         <select id=\"theme-choice\" data-change=\"theme\">{=0}</select></span></p>",
        &[&options, &langs],
    );
    let st = state::use_state();
    dom::mount_markup(markup, move |action, _| {
        if action == "lang" {
            // Reloading loads the other language file as part of the page
            // load; nothing is fetched while the app runs. A check-in in
            // progress is kept as a draft (sealed with the lock on).
            let code = dom::value("lang-choice");
            if storage::write(storage::LANG_KEY, &code).is_ok() {
                if let Some(w) = web_sys::window() {
                    let _ = w.location().reload();
                }
            } else {
                // Not remembered (storage blocked or full): the list goes
                // back to the language in use rather than show one that
                // isn't, and the person is told why nothing changed.
                dom::set_value("lang-choice", lang().code());
                st.say(t("lang.failed"), true, None);
            }
            return;
        }
        let choice = dom::value("theme-choice");
        let root = dom::document().and_then(|d| d.document_element());
        let Some(root) = root else { return };
        let kept = if choice == "light" || choice == "dark" {
            let _ = root.set_attribute("data-theme", &choice);
            storage::write(storage::THEME_KEY, &choice)
        } else {
            let _ = root.remove_attribute("data-theme");
            storage::remove(storage::THEME_KEY)
        };
        // The theme applies either way; say when it won't be remembered.
        if kept.is_err() {
            st.say(t("theme.failed"), true, None);
        }
    })
}

/// The screen for a route. Screens other than home and check-in come from
/// split modules (`lazy`). The others are called through a function
/// pointer: wasm-opt inlines every function that has a single caller, so
/// direct calls would merge the screens into the router, one big function
/// that V8 compiles, whole, the first time the router runs, during
/// start-up. Kept apart, each screen's code is compiled when that screen is
/// first shown (and each is measurable with twiggy).
fn screen(route: Route) -> AnyView {
    if let Some(load) = lazy::loader(&route) {
        return lazy::show(route, load);
    }
    let f: lazy::Screen = match route {
        Route::CheckIn => |_| pages::checkin::checkin(),
        Route::NotFound(_) => |_| pages::simple::NotFound().into_any(),
        _ => |_| pages::home::Home().into_any(),
    };
    std::hint::black_box(f)(route)
}

/// The language to use: the person's choice, else the browser's
/// preferences, else English.
fn chosen_lang() -> Lang {
    if let Some(l) = storage::read(storage::LANG_KEY)
        .ok()
        .flatten()
        .and_then(|c| Lang::from_code(&c))
    {
        return l;
    }
    let prefs: Vec<String> = web_sys::window()
        .map(|w| {
            w.navigator()
                .languages()
                .iter()
                .filter_map(|v| v.as_string())
                .collect()
        })
        .unwrap_or_default();
    Lang::negotiate(prefs.iter().map(String::as_str))
}

/// Load the language, then mount the app. Called by the binary's `main`.
/// Start-up runs as a chain of short tasks (texts, stored data, navigation,
/// the rest of the frame, screen), so a tap on the static home screen is never held up for long.
pub fn run() {
    // Out of the task that compiled and instantiated the wasm.
    js::later(load_texts);
}

fn load_texts() {
    let lang = chosen_lang();
    texts::fetch(lang.code(), move |text| {
        match text.map(|t| i18n::Texts::parse(&t)) {
            Some(Ok(texts)) => js::later(move || start(lang, texts)),
            // A broken or missing file: fall back to English, then to keys.
            _ if lang != Lang::EN => texts::fetch("en", |text| {
                let texts = text.and_then(|t| i18n::Texts::parse(&t).ok());
                js::later(move || start(Lang::EN, texts.unwrap_or_default()));
            }),
            _ => start(Lang::EN, i18n::Texts::default()),
        }
    });
}

/// Use this language and its texts from now on.
pub fn set_language(lang: Lang, texts: i18n::Texts) {
    LANG.with(|l| l.set(lang));
    TEXTS.with(|t| *t.borrow_mut() = texts);
}

/// Add the rest of the language's texts (`i18n/<code>.more.json`) to the
/// start-up ones.
pub fn add_texts(more: i18n::Texts) {
    TEXTS.with(|t| t.borrow_mut().merge(more));
}

fn start(lang: Lang, texts: i18n::Texts) {
    set_language(lang, texts);
    if let Some(root) = dom::document().and_then(|d| d.document_element()) {
        let _ = root.set_attribute("lang", lang.code());
        // For the service-worker adapter's "Update available" offer.
        let _ = root.set_attribute("data-update-text", &t("update.text"));
        let _ = root.set_attribute("data-update-button", &t("update.button"));
    }
    // Reading and parsing the stored data (a long history takes a while)
    // in one task, mounting in the next.
    js::later(|| {
        let st = AppState::from_loaded(state::load());
        js::later(move || {
            leptos::mount::mount_to_body(move || Top(TopProps { st }));
            js::later(move || leptos::mount::mount_to_body(move || App(AppProps { st })));
        });
    });
}

/// Swap the static home screen painted before the app loaded (index.html)
/// for the app, which stays hidden by CSS while `#prerender` exists.
fn drop_prerender() {
    if let Some(p) = dom::document().and_then(|d| d.get_element_by_id("prerender")) {
        p.remove();
    }
}

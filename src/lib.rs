//! Temper's Leptos shell: renders screens and wires events. Domain logic
//! lives in `temper_core`; browser I/O lives in one adapter per concern
//! (`storage`, `files`, `lock`, `texts`).

// Rendering the larger screens' view types to HTML (the `prerender`
// build's Leptos) nests deeper than the compiler's default limit of 128.
#![recursion_limit = "256"]

pub mod dom;
pub mod files;
pub mod lazy;
pub mod lock;
pub mod pages;
pub mod state;
pub mod storage;
pub mod texts;

use leptos::prelude::*;
use state::{AppState, Status};
use std::cell::{Cell, RefCell};
use std::time::Duration;
use temper_core::i18n::{self, fill, Lang};
use temper_core::route::Route;
use wasm_bindgen::JsValue;

thread_local! {
    static LANG: Cell<Lang> = const { Cell::new(Lang::EN) };
    /// The current language's texts, loaded at start-up (and completed by
    /// `add_texts` when a later screen needs the rest). Texts never change
    /// while a screen shows, so they are plain data, not signals.
    static TEXTS: RefCell<i18n::Texts> = RefCell::new(i18n::Texts::default());
}

/// The current language's text for `key` (the key itself if missing, so a
/// gap is visible rather than blank).
pub fn t(key: &str) -> String {
    TEXTS.with(|texts| texts.borrow().get(key).unwrap_or(key).to_string())
}

/// The current language's text about `n` things: its singular variant
/// when `n` is 1 (see `Texts::counted`).
pub fn tn(key: &str, n: usize) -> String {
    t(&TEXTS.with(|texts| texts.borrow().counted(key, n)))
}

/// The text for `prefix.key`, e.g. `tk("dim", "exhaustion")`.
pub fn tk(prefix: &str, key: &str) -> String {
    t(&format!("{prefix}.{key}"))
}

/// A text with its `{parameters}` filled.
pub fn tf(key: &str, args: &[(&str, &str)]) -> String {
    fill(&t(key), args)
}

/// A reason (why something could not be read or written) in the current
/// language.
pub fn words(reason: &temper_core::reason::Reason) -> String {
    reason.words(&t)
}

pub fn lang() -> Lang {
    LANG.with(Cell::get)
}

/// A date in the current language's format, e.g. "Nov 22, 2026", in local
/// time ("" for a time no calendar has).
pub fn fmt_date(ms: i64) -> String {
    let d = js_sys::Date::new(&JsValue::from_f64(ms as f64));
    if d.get_time().is_nan() {
        return String::new();
    }
    fmt_day(d.get_full_year() as i32, d.get_month() + 1, d.get_date())
}

/// A calendar day in the current language's format.
pub fn fmt_day(year: i32, month: u32, day: u32) -> String {
    TEXTS.with(|texts| i18n::format_date(&texts.borrow(), year, month, day))
}

/// Today's calendar day where the person is (year, month, day).
pub fn today() -> (i32, u32, u32) {
    let d = js_sys::Date::new_0();
    (d.get_full_year() as i32, d.get_month() + 1, d.get_date())
}

/// Minutes east of UTC where the person is, at the moment `ms` (the
/// browser counts them the other way round).
pub fn utc_offset_minutes(ms: i64) -> i64 {
    -(js_sys::Date::new(&JsValue::from_f64(ms as f64)).get_timezone_offset() as i64)
}

pub fn now_ms() -> i64 {
    js_sys::Date::now() as i64
}

/// A random number for ids.
pub fn random_u32() -> u32 {
    (js_sys::Math::random() * f64::from(u32::MAX)) as u32
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
    let found = dom::document()
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
    request_animation_frame(|| focus_marked(10));
}

/// Download what Temper holds: the unreadable stored text as it is, or
/// else everything in memory as a backup file.
pub(crate) fn download_backup(st: AppState) {
    let (name, text) = match st.status.get_untracked() {
        Status::Corrupt { raw, .. } | Status::TooNew { raw, .. } | Status::Locked { raw } => {
            ("temper-unreadable-data.json", raw)
        }
        _ => {
            // The codec is here whenever there is data to save; if not,
            // it is fetched first.
            return leptos::task::spawn_local(async move {
                // It can't fail without the `split` feature.
                #[allow(irrefutable_let_patterns)]
                if let Ok(codec) = lazy::codec().await {
                    let text = st.data.with_untracked(codec.save);
                    download_json(st, "temper-backup.json", &text);
                } else {
                    st.fail(state::no_codec());
                }
            });
        }
    };
    download_json(st, name, &text);
}

fn download_json(st: AppState, name: &str, text: &str) {
    if let Err(e) = files::download(name, "application/json", text) {
        st.save_error
            .set(Some(tf("store.failed", &[("reason", &e)])));
    }
}

/// A message line: role="alert" for problems, "status" otherwise, with an
/// optional button.
#[component]
pub fn Message(
    alert: bool,
    text: String,
    #[prop(optional, into)] button: Option<String>,
    #[prop(optional)] on_press: Option<Callback<()>>,
) -> impl IntoView {
    view! {
        <p class=if alert { "banner" } else { "notice" } role=if alert { "alert" } else { "status" }>
            {text}
            {button.map(|label| view! {
                " "
                <button type="button" on:click=move |_| if let Some(f) = on_press { f.run(()) }>{label}</button>
            })}
        </p>
    }
}

/// A form's problem, next to its button (role="alert"), as
/// `<form>-error`.
#[component]
pub fn FormError(form: &'static str, error: RwSignal<String>) -> impl IntoView {
    view! { <p class="error" role="alert" id=format!("{form}-error")>{move || error.get()}</p> }
}

/// Storage problems, each with a way to keep a copy of the data.
#[component]
fn StorageBanner() -> impl IntoView {
    let st = state::use_state();
    // What is wrong with the stored data as a whole is rare, and its words
    // are not among the start-up texts: it is said once they are here.
    let later = move |key: &str, args: &[(&str, &str)]| {
        lazy::ask_texts_once(st);
        (st.more_texts.get() == lazy::More::Here).then(|| tf(key, args))
    };
    let message = Memo::new(move |_| match st.status.get() {
        Status::Saving => st.save_error.get(),
        Status::Unavailable => later("storage.unavailable", &[]),
        Status::Corrupt { reason, .. } => later("storage.corrupt", &[("reason", &words(&reason))]),
        Status::TooNew { version, .. } => {
            later("storage.toonew", &[("version", &version.to_string())])
        }
        Status::Locked { .. } => None,
    });
    move || {
        message.get().map(|text| {
            let download = Callback::new(move |()| download_backup(st));
            view! { <Message alert=true text button=t("store.download") on_press=download/> }
        })
    }
}

/// The current notice, with Undo when a check-in was just deleted.
#[component]
fn Notices() -> impl IntoView {
    let st = state::use_state();
    let undo = Callback::new(move |()| {
        match st.notice.get_untracked().and_then(|n| n.undo) {
            Some(state::Undo::CheckIn(c)) => {
                let id = c.id.clone();
                st.data.update(|d| d.upsert(c));
                st.persist_forgetting(&[id]);
            }
            Some(state::Undo::Draft(d)) => st.set_draft(Some(d)),
            None => return,
        }
        st.notice.set(None);
    });
    move || {
        st.notice.get().map(|n| match n.undo {
            Some(_) => view! { <Message alert=n.alert text=n.text button=t("history.undo") on_press=undo/> }
                .into_any(),
            None => view! { <Message alert=n.alert text=n.text/> }.into_any(),
        })
    }
}

#[component]
fn Nav() -> impl IntoView {
    let st = state::use_state();
    let section = Memo::new(move |_| st.route.with(Route::section));
    let links = Route::NAV
        .iter()
        .map(|(name, href)| {
            let current = move || (section.get() == *name).then_some("page");
            view! { <li><a href=*href aria-current=current>{t(&format!("nav.{name}"))}</a></li> }
        })
        .collect_view();
    view! { <nav aria-label=t("nav.label")><ul>{links}</ul></nav> }
}

/// The skip link and the navigation, mounted in a task before the rest
/// (and prerendered into index.html with the first visit's home).
#[component]
pub fn Top(st: AppState) -> impl IntoView {
    provide_context(st);
    let skip = move |ev: leptos::ev::MouseEvent| {
        ev.prevent_default();
        dom::focus_now("main");
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
    let _ = window_event_listener(leptos::ev::storage, move |e| match e.key().as_deref() {
        Some(storage::DATA_KEY) => st.on_external_change(),
        Some(storage::DRAFT_KEY) => st.on_external_draft(),
        // "Lock now" in another tab: what this tab decrypted goes too.
        Some(storage::LOCK_NOW_KEY) if state::locked() => st.relock(),
        _ => {}
    });
    // The frame mounts first; the screen comes in a task of its own.
    let ready = RwSignal::new(false);
    set_timeout(
        move || {
            ready.set(true);
            drop_prerender();
        },
        Duration::ZERO,
    );
    let locked = Memo::new(move |_| st.status.with(|s| matches!(s, Status::Locked { .. })));
    // The screen is built again only when the route (or the lock) changes;
    // saved data changing under it updates just what depends on it.
    let screen = move || {
        if !ready.get() {
            ().into_any()
        } else if locked.get() {
            lazy::unlock()
        } else {
            screen(st.route.get())
        }
    };
    view! {
        <StorageBanner/>
        <main id="main" tabindex="-1">
            <Notices/>
            {screen}
        </main>
        <footer class="foot">
            <FootNotes/>
            <Preferences/>
        </footer>
    }
}

/// The footer's help link and its line about privacy (the part of the
/// footer that is prerendered: the preferences need the app to act).
#[component]
fn FootNotes() -> impl IntoView {
    view! {
        <p><a href="#/help">{t("footer.help")}</a></p>
        <p>{t("footer")}</p>
    }
}

/// The first visit's home screen in the frame around it, as static HTML:
/// what index.html shows before the app has loaded (`src/bin/prerender.rs`
/// writes it at build time; the app removes `#prerender` when its own
/// screen is in place, and `assets/prefs.js` hides it where it doesn't
/// apply). Rendered from the same components as the app, with nothing
/// stored: no storage, address or clock is read.
#[cfg(feature = "prerender")]
pub fn prerender_home(lang: Lang, texts: i18n::Texts) -> String {
    set_language(lang, texts);
    let owner = Owner::new();
    owner.with(|| {
        let st = AppState::fresh();
        provide_context(st);
        view! {
            <div id="prerender">
                <Top st/>
                <main id="main" tabindex="-1">
                    <pages::home::FirstVisit/>
                </main>
                <footer class="foot"><FootNotes/></footer>
            </div>
        }
        .to_html()
    })
}

/// The language and theme choices in the footer, remembered on this device.
/// Light, dark, or the system's setting; the stored theme is applied before
/// the first paint by `assets/prefs.js`.
#[component]
fn Preferences() -> impl IntoView {
    let st = state::use_state();
    let theme = storage::read(storage::THEME_KEY)
        .ok()
        .flatten()
        .filter(|k| k == "light" || k == "dark")
        .unwrap_or_else(|| "system".into());
    let choose_lang = move |ev: leptos::ev::Event| {
        let select = event_target::<web_sys::HtmlSelectElement>(&ev);
        // Reloading loads the other language file as part of the page
        // load; nothing is fetched while the app runs. A check-in in
        // progress is kept as a draft (sealed with the lock on).
        if storage::write(storage::LANG_KEY, &select.value()).is_ok() {
            dom::reload();
        } else {
            // Not remembered (storage blocked or full): the list goes back
            // to the language in use rather than show one that isn't, and
            // the person is told why nothing changed.
            select.set_value(lang().code());
            st.say(t("lang.failed"), true, None);
        }
    };
    let choose_theme = move |ev: leptos::ev::Event| {
        let choice = event_target_value(&ev);
        let Some(root) = dom::document().and_then(|d| d.document_element()) else {
            return;
        };
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
    };
    let langs = Lang::all()
        .map(|l| view! { <option value=l.code() lang=l.code() selected=l == lang()>{l.name()}</option> })
        .collect_view();
    let themes = ["system", "light", "dark"]
        .map(|k| view! { <option value=k selected=k == theme>{tk("theme", k)}</option> })
        .into_iter()
        .collect_view();
    view! {
        <p class="theme">
            <span>
                <label for="lang-choice">{t("lang.label")}</label>" "
                <select id="lang-choice" on:change=choose_lang>{langs}</select>
            </span>" "
            <span>
                <label for="theme-choice">{t("theme.label")}</label>" "
                <select id="theme-choice" on:change=choose_theme>{themes}</select>
            </span>
        </p>
    }
}

/// The screen for a route. Screens other than home come from split modules
/// (`lazy`).
fn screen(route: Route) -> AnyView {
    match route {
        Route::NotFound(_) => view! { <pages::simple::NotFound/> }.into_any(),
        Route::Home => view! { <pages::home::Home/> }.into_any(),
        other => lazy::show(other),
    }
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

/// Run `f` in a task of its own, so start-up comes in several short tasks
/// instead of one long one that would hold up a tap or a key press.
fn later(f: impl FnOnce() + 'static) {
    set_timeout(f, Duration::ZERO);
}

/// Load the language, then mount the app. Called by the binary's `main`.
/// Start-up runs as a chain of short tasks (texts, stored data, navigation,
/// the rest of the frame, screen).
pub fn run() {
    // Mounting would set up Leptos's task executor; start-up needs it earlier.
    let _ = any_spawner::Executor::init_wasm_bindgen();
    leptos::task::spawn_local(async {
        let lang = chosen_lang();
        // A broken or missing file: fall back to English, then to keys.
        let texts = async {
            match texts::fetch(lang.code()).await {
                Some(texts) => (lang, texts),
                None if lang != Lang::EN => {
                    (Lang::EN, texts::fetch("en").await.unwrap_or_default())
                }
                None => (Lang::EN, i18n::Texts::default()),
            }
        };
        // With data or a check-in in progress stored, the code that reads
        // them comes alongside (see `lazy::Codec`); a first visit doesn't
        // wait for it.
        let returning = storage::has(storage::DATA_KEY);
        if returning {
            lazy::prefetch_screen(&Route::parse(&current_hash()));
        }
        let codec = async move {
            if returning || storage::has(storage::DRAFT_KEY) {
                let _ = lazy::codec().await;
            }
        };
        let ((lang, texts), ()) = futures::future::join(texts, codec).await;
        later(move || start(lang, texts));
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
    later(|| {
        let loaded = state::load();
        later(move || {
            let st = AppState::from_loaded(loaded);
            st.route.set(Route::parse(&current_hash()));
            leptos::mount::mount_to_body(move || Top(TopProps { st }));
            later(move || leptos::mount::mount_to_body(move || App(AppProps { st })));
        });
    });
}

/// Swap the static home screen painted before the app loaded (index.html)
/// for the app, which CSS hides while `<html data-starting>` is set
/// (assets/prefs.js).
fn drop_prerender() {
    let Some(doc) = dom::document() else { return };
    if let Some(p) = doc.get_element_by_id("prerender") {
        p.remove();
    }
    if let Some(root) = doc.document_element() {
        let _ = root.remove_attribute("data-starting");
    }
}

//! Screens whose code is loaded when first shown. The frame and the home
//! screen are in the wasm that start-up loads; each other
//! screen's code is split into wasm files of its own (with the `split`
//! feature, which the release build turns on; scripts/post-build.mjs does
//! the splitting) and fetched the first time that screen is opened,
//! together with the rest of the language's texts (`i18n/<code>.more.json`,
//! see `temper_core::i18n::FIRST_LOAD`). The service worker precaches
//! every file, so after the first visit nothing here touches the network.
//!
//! A split function returns the screen's render function; once the code
//! has arrived, calling it costs no more than a direct call. Without the
//! `split` feature (the browser unit tests) the same functions are plain.

use crate::state::{use_state, AppState};
use crate::{lang, t};
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll, Waker};
use temper_core::route::Route;
use temper_core::store::{Data, Draft, Loaded, StoredDraft};

/// Renders one screen.
pub type Screen = fn(Route) -> AnyView;

/// The code for a screen failed to arrive (offline on a first visit, say).
#[cfg(feature = "split")]
type Failed = wasm_split_helpers::SplitLoaderError;
#[cfg(not(feature = "split"))]
type Failed = std::convert::Infallible;

/// Loads a screen's code (once), then gives its render function.
pub type Load = Pin<Box<dyn Future<Output = Result<Screen, Failed>>>>;

/// Declares `$name`: an async function that loads the split module
/// `$module` (once) and returns `$screen` from it.
macro_rules! split {
    ($module:ident, $name:ident, $screen:expr) => {
        #[cfg(feature = "split")]
        #[wasm_split_helpers::wasm_split($module, fallible)]
        fn $name() -> Result<Screen, Failed> {
            Ok($screen)
        }
        #[cfg(not(feature = "split"))]
        async fn $name() -> Result<Screen, Failed> {
            Ok($screen)
        }
    };
}

// The check-in and its results: one module, fetched while the home screen
// is idle, so "Start check-in" opens at once and the last answer shows
// results with no wait.
split!(results, results_screen, |r| match r {
    Route::Results(id) => view! { <crate::pages::results::ResultsPage id/> }.into_any(),
    _ => view! { <crate::pages::checkin::CheckIn/> }.into_any(),
});
// History, and the return home's section, which draws the same trend and
// "since last time" (one module for both keeps the split files few).
split!(history, history_screen, |r| match r {
    Route::Home => view! { <crate::pages::welcome::Welcome/> }.into_any(),
    _ => view! { <crate::pages::history::History/> }.into_any(),
});
split!(plan, plan_screen, |r| match r {
    Route::Ledger => view! { <crate::pages::plan::Ledger/> }.into_any(),
    Route::Audit => view! { <crate::pages::plan::AuditScreen/> }.into_any(),
    Route::Report => view! { <crate::pages::plan::Report/> }.into_any(),
    _ => view! { <crate::pages::plan::Plan/> }.into_any(),
});
split!(privacy, privacy_screen, |_| {
    view! { <crate::pages::simple::Privacy/> }.into_any()
});
// Help: the whole screen, or (inside a check-in) just the helplines.
split!(help, help_screen, |r| match r {
    Route::Help => view! { <crate::pages::help::Help/> }.into_any(),
    _ => view! { <crate::pages::help::HelpLines/> }.into_any(),
});
split!(unlock, unlock_screen, |_| {
    view! { <crate::pages::lock::Unlock/> }.into_any()
});

/// The stored data's code (`temper_core::store`: serde and every schema's
/// wire types, validation, migrations, merging copies, and the check-in in
/// progress's format), split off like a screen. A first visit, with
/// nothing stored, never needs it until the first save, and by then the
/// screen that saves has brought it along ([`with_codec`]); a returning
/// visit fetches it (from the service worker's cache) before the stored
/// data is read. Code in the start-up wasm reaches it only through these
/// pointers.
#[derive(Clone, Copy)]
pub struct Codec {
    pub load: fn(Option<&str>) -> Loaded,
    pub save: fn(&Data) -> String,
    /// See `temper_core::store::sealed`.
    pub sealed: fn(&str) -> Result<String, temper_core::reason::Reason>,
    /// `Data::merge`: another copy's items into this one.
    pub merge: fn(&mut Data, &Data),
    /// `Data::fold_in`; gives whether this copy held news for the stored
    /// one (`Data::has_news_for`, asked before folding).
    pub fold_in: fn(&mut Data, Data) -> bool,
    /// `Draft::read_stored`.
    pub read_draft: fn(&str) -> StoredDraft,
    /// `Draft::to_json`.
    pub draft_json: fn(&Draft) -> String,
}

/// The codec's functions (reached only from its split point).
fn codec_fns() -> Codec {
    Codec {
        load: temper_core::store::load,
        save: temper_core::store::save,
        sealed: temper_core::store::sealed,
        merge: Data::merge,
        fold_in: |d, stored| {
            let news = d.has_news_for(&stored);
            d.fold_in(stored);
            news
        },
        read_draft: Draft::read_stored,
        draft_json: Draft::to_json,
    }
}

#[cfg(feature = "split")]
#[wasm_split_helpers::wasm_split(codec, fallible)]
fn codec_code() -> Result<Codec, Failed> {
    Ok(codec_fns())
}
#[cfg(not(feature = "split"))]
async fn codec_code() -> Result<Codec, Failed> {
    Ok(codec_fns())
}

thread_local! {
    static CODEC: std::cell::Cell<Option<Codec>> = const { std::cell::Cell::new(None) };
}

/// The codec, if its code is here.
pub fn codec_now() -> Option<Codec> {
    CODEC.with(std::cell::Cell::get)
}

/// The codec, fetching its code the first time.
pub async fn codec() -> Result<Codec, Failed> {
    if let Some(c) = codec_now() {
        return Ok(c);
    }
    let c = codec_code().await?;
    CODEC.with(|cell| cell.set(Some(c)));
    Ok(c)
}

/// A screen's code and the codec together (fetched side by side): every
/// screen that saves gets the codec before it is shown.
fn with_codec(screen: impl Future<Output = Result<Screen, Failed>> + 'static) -> Load {
    Box::pin(async move {
        let (codec, screen) = futures::future::join(codec(), screen).await;
        codec?;
        screen
    })
}

/// Which split module a route's screen is in.
fn loader(route: &Route) -> fn() -> Load {
    match route {
        Route::Results(_) | Route::CheckIn => || with_codec(results_screen()),
        Route::History => || with_codec(history_screen()),
        Route::Plan | Route::Ledger | Route::Audit | Route::Report => || with_codec(plan_screen()),
        Route::Help => || with_codec(help_screen()),
        _ => || with_codec(privacy_screen()),
    }
}

/// A screen from a split module (every route but home and "not found").
/// The check-in waits only for its code: it asks for the rest of the texts
/// itself, when a step needs them (a pulse runs on the start-up texts).
pub fn show(route: Route) -> AnyView {
    let load = loader(&route);
    let texts = route != Route::CheckIn;
    view! { <Lazy route load texts/> }.into_any()
}

/// The helplines, inside a check-in (the help screen's split module).
pub fn help_lines() -> AnyView {
    let load: fn() -> Load = || with_codec(help_screen());
    view! { <Lazy route=Route::CheckIn load texts=true/> }.into_any()
}

/// The return home's section (in the history screen's split module).
pub fn welcome() -> AnyView {
    let load: fn() -> Load = || with_codec(history_screen());
    view! { <Lazy route=Route::Home load texts=true/> }.into_any()
}

/// The unlock screen, shown instead of every screen while data is locked.
pub fn unlock() -> AnyView {
    let load: fn() -> Load = || with_codec(unlock_screen());
    view! { <Lazy route=Route::Home load texts=true/> }.into_any()
}

/// Where the rest of the language's texts are.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum More {
    NotAsked,
    Coming,
    Here,
    Failed,
}

/// Ask for the rest of the texts unless they are here or on the way.
pub(crate) fn want_more_texts(st: AppState) {
    if matches!(st.more_texts.get_untracked(), More::Here | More::Coming) {
        return;
    }
    st.more_texts.set(More::Coming);
    spawn_local(async move {
        let more = crate::texts::fetch(&format!("{}.more", lang().code())).await;
        st.more_texts.set(match more {
            Some(texts) => {
                crate::add_texts(texts);
                More::Here
            }
            None => More::Failed,
        });
    });
}

/// Ask for the rest of the texts if nobody has yet (safe inside a memo or
/// a view: a failed fetch is not tried again from here, only by a screen's
/// "Try again").
pub(crate) fn ask_texts_once(st: AppState) {
    if st.more_texts.get_untracked() == More::NotAsked {
        want_more_texts(st);
    }
}

/// A returning visit: start fetching the code of the screen it opens on
/// (for home, the return home's) at start-up, beside the codec, so the
/// two arrive together instead of one after the other.
pub fn prefetch_screen(route: &Route) {
    let load: fn() -> Load = match route {
        Route::Home => || with_codec(history_screen()),
        Route::NotFound(_) => return,
        r => loader(r),
    };
    spawn_local(async move {
        let _ = load().await;
    });
}

/// Start fetching the check-in's code (with the results, and the codec
/// that saves it) when "Start check-in" is about to be pressed (a pointer
/// over it). Fetched once; later calls find it loaded.
pub fn prefetch_checkin() {
    spawn_local(async {
        let _ = with_codec(results_screen()).await;
    });
}

/// Start fetching the results screen's texts, and the help screen's code,
/// while a check-in is under way, so the last answer shows results with no
/// wait.
pub fn prefetch_results(st: AppState) {
    want_more_texts(st);
    spawn_local(async {
        // The loader keeps what it fetched; a failure shows when the
        // screen is opened. Help comes too, so it shows at once when an
        // answer calls for it.
        let _ = help_screen().await;
    });
}

/// What a split screen shows.
#[derive(Clone, Copy, PartialEq)]
enum Phase {
    Loading,
    Failed,
    Ready,
}

/// A screen whose code (and, if `texts`, the rest of the texts) may still
/// be on the way: "Loading" until both are here (shown after 0.3 s, by
/// CSS), then the screen; a message with "Try again" if either failed to
/// arrive.
#[component]
fn Lazy(route: Route, load: fn() -> Load, texts: bool) -> impl IntoView {
    let st = use_state();
    let code: RwSignal<Option<Result<Screen, ()>>> = RwSignal::new(None);
    let fetch_code = move || {
        let mut pending = load();
        // Already loaded: no task, no frame without the screen.
        match pending
            .as_mut()
            .poll(&mut Context::from_waker(Waker::noop()))
        {
            Poll::Ready(r) => code.set(Some(r.map_err(|_| ()))),
            Poll::Pending => spawn_local(async move {
                let r = pending.await;
                if r.is_ok() {
                    // With the codec here, stored data left unread is read.
                    st.read_again();
                }
                // The person may have moved on; then nobody is waiting.
                let _ = code.try_set(Some(r.map_err(|_| ())));
            }),
        }
    };
    // A prefetch of the texts that failed is simply tried again now.
    if texts {
        want_more_texts(st);
    }
    fetch_code();
    let more = move || match texts {
        true => st.more_texts.get(),
        false => More::Here,
    };
    let phase = Memo::new(move |_| match (code.get(), more()) {
        (Some(Err(())), _) | (_, More::Failed) => Phase::Failed,
        (Some(Ok(_)), More::Here) => Phase::Ready,
        _ => Phase::Loading,
    });
    let retry = Callback::new(move |()| {
        if texts {
            want_more_texts(st);
        }
        if code.with_untracked(|c| matches!(c, Some(Err(())))) {
            code.set(None);
            fetch_code();
        }
    });
    move || {
        match phase.get() {
        Phase::Ready => match code.get_untracked() {
            Some(Ok(screen)) => screen(route.clone()),
            _ => ().into_any(),
        },
        Phase::Failed => view! {
            <crate::Message alert=true text=t("loading.failed") button=t("loading.retry") on_press=retry/>
        }
        .into_any(),
        Phase::Loading => view! { <p class="loading" role="status">{t("loading")}</p> }.into_any(),
    }
    }
}

//! Screens whose code is loaded when first shown. The frame, the home
//! screen and the check-in are in the wasm that start-up loads; each other
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
use crate::{dom, t};
use leptos::prelude::*;
use std::cell::{Cell, RefCell};
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll, Waker};
use temper_core::route::Route;

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

split!(results, results_screen, |r| {
    let id = match r {
        Route::Results(id) => id,
        _ => None,
    };
    crate::pages::results::ResultsPage(crate::pages::results::ResultsPageProps { id }).into_any()
});
split!(history, history_screen, |_| {
    crate::pages::history::History().into_any()
});
split!(plan, plan_screen, |r| match r {
    Route::Ledger => crate::pages::plan::ledger(),
    Route::Audit => crate::pages::plan::audit(),
    Route::Report => crate::pages::plan::report(),
    _ => crate::pages::plan::plan(),
});
split!(privacy, privacy_screen, |_| {
    crate::pages::simple::Privacy().into_any()
});
split!(unlock, unlock_screen, |_| crate::pages::lock::unlock());

/// Which split module a route's screen is in (`None`: loaded at start-up).
pub fn loader(route: &Route) -> Option<fn() -> Load> {
    Some(match route {
        Route::Results(_) => || Box::pin(results_screen()),
        Route::History => || Box::pin(history_screen()),
        Route::Plan | Route::Ledger | Route::Audit | Route::Report => || Box::pin(plan_screen()),
        Route::Privacy => || Box::pin(privacy_screen()),
        _ => return None,
    })
}

/// The unlock screen, shown instead of every screen while data is locked.
pub fn unlock() -> AnyView {
    show(Route::Home, || Box::pin(unlock_screen()))
}

/// Where the rest of the language's texts are.
#[derive(Clone, Copy, PartialEq)]
enum More {
    NotAsked,
    Coming,
    Here,
    Failed,
}

thread_local! {
    static MORE: Cell<More> = const { Cell::new(More::NotAsked) };
    /// A screen is showing "Loading": what arrives should render again.
    static WAITING: Cell<bool> = const { Cell::new(false) };
    /// The route whose code a task is already waiting for.
    static WATCHING: RefCell<Option<Route>> = const { RefCell::new(None) };
    /// The route whose code just failed to arrive: its next rendering shows
    /// the failure (with a way to retry) instead of trying again on its own;
    /// the one after that tries again.
    static FAILED: RefCell<Option<Route>> = const { RefCell::new(None) };
}

/// The rest of the texts: here, or on the way (asked for now if need be;
/// `st` renders again when they arrive for a screen that waits).
fn more_texts(st: AppState) -> More {
    let now = MORE.with(Cell::get);
    if now != More::NotAsked {
        return now;
    }
    MORE.with(|m| m.set(More::Coming));
    crate::texts::fetch(&format!("{}.more", crate::lang().code()), move |text| {
        let now = match text.and_then(|t| temper_core::i18n::Texts::parse(&t).ok()) {
            Some(texts) => {
                crate::add_texts(texts);
                More::Here
            }
            // Shown as a failure to a screen waiting for them; a prefetch
            // that failed is simply tried again when a screen needs them.
            None if WAITING.with(Cell::get) => More::Failed,
            None => More::NotAsked,
        };
        MORE.with(|m| m.set(now));
        if WAITING.with(Cell::get) {
            st.rerender();
        }
    });
    More::Coming
}

/// Start fetching the results screen's code and texts while a check-in is
/// under way, so the last answer shows results with no wait.
pub fn prefetch_results() {
    more_texts(use_state());
    // Polled once, the load starts; the loader keeps what it fetches even
    // though this future is dropped.
    let mut load: Load = Box::pin(results_screen());
    let _ = poll_once(&mut load);
}

fn poll_once(load: &mut Load) -> Poll<Result<Screen, Failed>> {
    load.as_mut().poll(&mut Context::from_waker(Waker::noop()))
}

/// The screen for `route`, from the code `load` brings. The first time,
/// start fetching that code and the texts, and show that they are on their
/// way; the screen replaces this when both have arrived.
#[inline(never)]
pub fn show(route: Route, load: fn() -> Load) -> AnyView {
    let st = use_state();
    WAITING.with(|w| w.set(false));
    if FAILED.with(|f| f.borrow_mut().take()).as_ref() == Some(&route) {
        return failed();
    }
    let texts = more_texts(st);
    let mut pending = load();
    match (poll_once(&mut pending), texts) {
        (Poll::Ready(Ok(screen)), More::Here) => screen(route),
        (Poll::Ready(Err(_)), _) | (_, More::Failed) => failed(),
        (code, _) => {
            WAITING.with(|w| w.set(true));
            let watched = WATCHING.with(|w| w.borrow().as_ref() == Some(&route));
            if code.is_pending() && !watched {
                WATCHING.with(|w| *w.borrow_mut() = Some(route.clone()));
                leptos::task::spawn_local(async move {
                    let result = pending.await;
                    WATCHING.with(|w| {
                        let mut w = w.borrow_mut();
                        if w.as_ref() == Some(&route) {
                            *w = None;
                        }
                    });
                    if result.is_err() {
                        FAILED.with(|f| *f.borrow_mut() = Some(route));
                    }
                    // Render again: the screen is here now, or its failure is.
                    st.rerender();
                });
            }
            dom::show(
                dom::el("p")
                    .class("loading")
                    .attr("role", "status")
                    .text(t("loading")),
            )
        }
    }
}

/// The code or texts for a screen couldn't be fetched: say so, and offer
/// to try again.
fn failed() -> AnyView {
    let st = use_state();
    let tree = dom::message(
        true,
        t("loading.failed"),
        Some((t("loading.retry"), "retry")),
    );
    dom::mount(tree, move |_, _| {
        MORE.with(|m| {
            if m.get() == More::Failed {
                m.set(More::NotAsked);
            }
        });
        st.rerender();
    })
}

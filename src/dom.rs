//! Small helpers over the page itself (no data, no markup): the document,
//! focus, idle time, and the browser's confirmation dialog.

use wasm_bindgen::JsCast;

/// The page's document (None only outside a browser page).
pub fn document() -> Option<web_sys::Document> {
    web_sys::window().and_then(|w| w.document())
}

/// Move keyboard focus to the element with this id, once it is in the page
/// (after the next frame, so a view that is about to change is in place).
pub fn focus_later(id: &str) {
    let id = id.to_string();
    leptos::prelude::request_animation_frame(move || focus_now(&id));
}

/// Move keyboard focus to the element with this id, now.
pub fn focus_now(id: &str) {
    if let Some(e) = document()
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = e.focus();
    }
}

/// At the latest, a callback asked for idle time runs this long after.
const IDLE_WAIT_MS: u32 = 500;

/// Run `f` once, when the browser is next idle, or after
/// [`IDLE_WAIT_MS`] if it never is: a page that draws no frames may get
/// no idle time at all (headless Chromium with a service worker: in 2 of
/// 6 runs none within 500 ms of a click, and the history's hidden rows
/// were not rebuilt in 5 of 12 test runs). Where `requestIdleCallback` is
/// missing (Safari), after the same wait.
pub fn when_idle(f: impl FnOnce() + 'static) {
    let Some(w) = web_sys::window() else {
        return;
    };
    let f = wasm_bindgen::closure::Closure::once_into_js(f);
    let options = web_sys::IdleRequestOptions::new();
    options.set_timeout(IDLE_WAIT_MS);
    if w.request_idle_callback_with_options(f.unchecked_ref(), &options)
        .is_err()
    {
        let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(
            f.unchecked_ref(),
            IDLE_WAIT_MS as i32,
        );
    }
}

/// Ask the person to confirm; false if the browser won't ask.
pub fn confirm(question: &str) -> bool {
    web_sys::window()
        .and_then(|w| w.confirm_with_message(question).ok())
        .unwrap_or(false)
}

/// Reload the page.
pub fn reload() {
    if let Some(w) = web_sys::window() {
        let _ = w.location().reload();
    }
}

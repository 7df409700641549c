//! Small helpers over the page itself (no data, no markup): the document,
//! focus, and the browser's confirmation dialog.

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

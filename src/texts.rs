//! The adapter that loads a language's texts: `i18n/<code>.json` (the
//! start-up screens' texts) at start-up, `i18n/<code>.more.json` (the rest)
//! with the first screen whose code is loaded later (`crate::lazy`). Only
//! the language in use is downloaded; the service worker keeps every
//! language for offline use. Changing the language reloads the page.

use temper_core::i18n::Texts;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Fetch and read a language file (`None` if it can't be had or read).
pub async fn fetch(name: &str) -> Option<Texts> {
    let window = web_sys::window()?;
    let response = JsFuture::from(window.fetch_with_str(&format!("i18n/{name}.json")))
        .await
        .ok()?
        .dyn_into::<web_sys::Response>()
        .ok()
        .filter(web_sys::Response::ok)?;
    let text = JsFuture::from(response.text().ok()?)
        .await
        .ok()?
        .as_string()?;
    Texts::parse(&text).ok()
}

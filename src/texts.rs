//! The adapter that loads a language's texts: `i18n/<code>.json` (the
//! start-up screens' texts) at start-up, `i18n/<code>.more.json` (the rest)
//! with the first screen whose code is loaded later (`crate::lazy`). Only
//! the language in use is downloaded; the service worker keeps every
//! language for offline use. Changing the language reloads the page.

use wasm_bindgen::{JsCast, JsValue};

/// Fetch a language file's text.
pub fn fetch(code: &str, done: impl FnOnce(Option<String>) + 'static) {
    let url = format!("i18n/{code}.json");
    let promise = web_sys::window()
        .and_then(|w| crate::js::call(&w, "fetch", &[url.into()]))
        .and_then(|p| p.dyn_into::<js_sys::Promise>().ok());
    let Some(promise) = promise else {
        return done(None);
    };
    crate::js::settle(&promise, move |response| {
        let ok = |r: &JsValue| {
            js_sys::Reflect::get(r, &"ok".into())
                .ok()
                .and_then(|v| v.as_bool())
                .unwrap_or(false)
        };
        let text = response
            .ok()
            .filter(ok)
            .and_then(|r| crate::js::call(&r, "text", &[]))
            .and_then(|p| p.dyn_into::<js_sys::Promise>().ok());
        match text {
            Some(p) => crate::js::settle(&p, move |t| done(t.ok().and_then(|t| t.as_string()))),
            None => done(None),
        }
    });
}

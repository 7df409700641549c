//! The one adapter for cryptography: calls into `assets/lock.js`, which
//! holds the key (non-extractable) and does the WebCrypto work. Each call
//! takes a callback for its result, as WebCrypto is asynchronous.

use leptos::task::spawn_local;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(catch, js_namespace = temperLock, js_name = create)]
    fn js_create(passphrase: &str) -> Result<js_sys::Promise, JsValue>;
    #[wasm_bindgen(catch, js_namespace = temperLock, js_name = open)]
    fn js_open(passphrase: &str, sealed: &str) -> Result<js_sys::Promise, JsValue>;
    #[wasm_bindgen(catch, js_namespace = temperLock, js_name = reopen)]
    fn js_reopen(sealed: &str) -> Result<js_sys::Promise, JsValue>;
    #[wasm_bindgen(catch, js_namespace = temperLock, js_name = seal)]
    fn js_seal(plain: &str) -> Result<js_sys::Promise, JsValue>;
    #[wasm_bindgen(catch, js_namespace = temperLock, js_name = forget)]
    fn js_forget() -> Result<(), JsValue>;
    #[wasm_bindgen(catch, js_namespace = temperLock, js_name = autoLock)]
    fn js_auto_lock(minutes: u32) -> Result<(), JsValue>;
}

/// Wait for the adapter's promise (an adapter that is missing, or throws,
/// is a failure like a rejected promise).
fn settle(
    promise: Result<js_sys::Promise, JsValue>,
    done: impl FnOnce(Result<JsValue, JsValue>) + 'static,
) {
    spawn_local(async move {
        let result = match promise {
            Ok(p) => JsFuture::from(p).await,
            Err(e) => Err(e),
        };
        done(result);
    });
}

fn text(r: Result<JsValue, JsValue>) -> Result<String, ()> {
    r.ok().and_then(|v| v.as_string()).ok_or(())
}

/// Start locking with a new passphrase.
pub fn create(passphrase: &str, done: impl FnOnce(bool) + 'static) {
    settle(js_create(passphrase), move |r| done(r.is_ok()));
}

/// Decrypt stored sealed text with a passphrase; `Err` when it is wrong.
pub fn open(passphrase: &str, sealed: &str, done: impl FnOnce(Result<String, ()>) + 'static) {
    settle(js_open(passphrase, sealed), move |r| done(text(r)));
}

/// Decrypt sealed text with the key already held.
pub fn reopen(sealed: &str, done: impl FnOnce(Result<String, ()>) + 'static) {
    settle(js_reopen(sealed), move |r| done(text(r)));
}

/// Encrypt text; gives the `sealed` object for `store::sealed`.
pub fn seal(plain: &str, done: impl FnOnce(Result<String, ()>) + 'static) {
    settle(js_seal(plain), move |r| done(text(r)));
}

/// Drop the key from memory.
pub fn forget() {
    let _ = js_forget();
}

/// Lock again after this many minutes without input (0: never).
pub fn auto_lock(minutes: u32) {
    let _ = js_auto_lock(minutes);
}

//! The one adapter for cryptography: calls into `assets/lock.js`, which
//! holds the key (non-extractable) and does the WebCrypto work. Each call
//! takes a callback for its result, as WebCrypto is asynchronous.

use wasm_bindgen::{JsCast, JsValue};

/// Call `temperLock.<method>(args...)` and pass what its promise settles to.
fn call(method: &str, args: &[JsValue], done: impl FnOnce(Result<JsValue, JsValue>) + 'static) {
    let promise = web_sys::window()
        .and_then(|w| js_sys::Reflect::get(&w, &"temperLock".into()).ok())
        .filter(|l| l.is_object())
        .and_then(|lock| crate::js::call(&lock, method, args))
        .and_then(|p| p.dyn_into::<js_sys::Promise>().ok());
    match promise {
        Some(p) => crate::js::settle(&p, done),
        None => done(Err("the lock is not available in this browser".into())),
    }
}

fn text(r: Result<JsValue, JsValue>) -> Result<String, ()> {
    r.ok().and_then(|v| v.as_string()).ok_or(())
}

/// Start locking with a new passphrase.
pub fn create(passphrase: &str, done: impl FnOnce(bool) + 'static) {
    call("create", &[passphrase.into()], move |r| done(r.is_ok()));
}

/// Decrypt stored sealed text with a passphrase; `Err` when it is wrong.
pub fn open(passphrase: &str, sealed: &str, done: impl FnOnce(Result<String, ()>) + 'static) {
    call("open", &[passphrase.into(), sealed.into()], move |r| {
        done(text(r))
    });
}

/// Decrypt sealed text with the key already held.
pub fn reopen(sealed: &str, done: impl FnOnce(Result<String, ()>) + 'static) {
    call("reopen", &[sealed.into()], move |r| done(text(r)));
}

/// Encrypt text; gives the `sealed` object for `store::sealed`.
pub fn seal(plain: &str, done: impl FnOnce(Result<String, ()>) + 'static) {
    call("seal", &[plain.into()], move |r| done(text(r)));
}

fn sync(method: &str, arg: JsValue) {
    if let Some(lock) =
        web_sys::window().and_then(|w| js_sys::Reflect::get(&w, &"temperLock".into()).ok())
    {
        crate::js::call(&lock, method, &[arg]);
    }
}

/// Drop the key from memory.
pub fn forget() {
    sync("forget", JsValue::UNDEFINED);
}

/// Lock again after this many minutes without input (0: never).
pub fn auto_lock(minutes: u32) {
    sync("autoLock", minutes.into());
}

//! The one adapter for cryptography: calls into `assets/lock.js`, which
//! holds the key (non-extractable) and does the WebCrypto work. Each call
//! takes a callback for its result, as WebCrypto is asynchronous.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

type Done = Box<dyn FnOnce(Result<JsValue, JsValue>)>;

/// Call `temperLock.<method>(args...)` and pass what its promise settles to.
fn call(method: &str, args: &[JsValue], done: impl FnOnce(Result<JsValue, JsValue>) + 'static) {
    let Some(lock) = web_sys::window()
        .and_then(|w| js_sys::Reflect::get(&w, &"temperLock".into()).ok())
        .filter(|l| l.is_object())
    else {
        return done(Err("the lock is not available in this browser".into()));
    };
    let f = js_sys::Reflect::get(&lock, &method.into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    let array = js_sys::Array::new();
    for a in args {
        array.push(a);
    }
    let promise = f
        .map(|f| f.apply(&lock, &array))
        .and_then(|r| r.ok())
        .and_then(|p| p.dyn_into::<js_sys::Promise>().ok());
    let Some(promise) = promise else {
        return done(Err("the lock is not available in this browser".into()));
    };
    let slot: std::rc::Rc<std::cell::Cell<Option<Done>>> =
        std::rc::Rc::new(std::cell::Cell::new(Some(Box::new(done))));
    let on_fail = slot.clone();
    let ok = Closure::once(move |v: JsValue| {
        if let Some(f) = slot.take() {
            f(Ok(v));
        }
    });
    let fail = Closure::once(move |e: JsValue| {
        if let Some(f) = on_fail.take() {
            f(Err(e));
        }
    });
    let _ = promise.then2(&ok, &fail);
    // Exactly one of the pair runs, once per call; the pair is small.
    ok.forget();
    fail.forget();
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
    let lock = web_sys::window().and_then(|w| js_sys::Reflect::get(&w, &"temperLock".into()).ok());
    if let Some(lock) = lock {
        if let Ok(f) = js_sys::Reflect::get(&lock, &method.into()) {
            if let Some(f) = f.dyn_ref::<js_sys::Function>() {
                let _ = f.call1(&lock, &arg);
            }
        }
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

//! Promises without an async runtime: `settle` calls back once a promise
//! settles. Keeps an executor (and its code) out of the wasm; used by the
//! adapters that wait for the browser (files, crypto, language files).
//! `later` runs work in a task of its own.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsValue;

type Done = Box<dyn FnOnce(Result<JsValue, JsValue>)>;

/// Call `done` with what `promise` resolves or rejects to.
pub fn settle(promise: &js_sys::Promise, done: impl FnOnce(Result<JsValue, JsValue>) + 'static) {
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
    // Exactly one of the pair runs, once; the pair is small.
    ok.forget();
    fail.forget();
}

/// `object.method(args...)`, if the object has such a method.
pub fn call(object: &JsValue, method: &str, args: &[JsValue]) -> Option<JsValue> {
    use wasm_bindgen::JsCast;
    let f = js_sys::Reflect::get(object, &method.into())
        .ok()?
        .dyn_into::<js_sys::Function>()
        .ok()?;
    let array = js_sys::Array::new();
    for a in args {
        array.push(a);
    }
    f.apply(object, &array).ok()
}

/// Run `f` in a task of its own (a zero-delay timeout), so that start-up
/// work comes in several short tasks instead of one long one that would
/// hold up a tap or a key press.
pub fn later(f: impl FnOnce() + 'static) {
    later_boxed(Box::new(f));
}

// One closure type for every caller: a generic one would bring its own
// copy of wasm-bindgen's closure glue for each.
#[inline(never)]
fn later_boxed(f: Box<dyn FnOnce()>) {
    use wasm_bindgen::JsCast;
    let f = Closure::once_into_js(f);
    match web_sys::window() {
        Some(w) => {
            let _ = w.set_timeout_with_callback(f.unchecked_ref());
        }
        None => {
            let _ = f.unchecked_ref::<js_sys::Function>().call0(&JsValue::NULL);
        }
    }
}

//! The one adapter over browser storage. Everything that touches
//! localStorage goes through here; what is stored, and how it is read,
//! validated and merged, is decided in `temper_core::store`.

use gloo_storage::{LocalStorage, Storage};
use wasm_bindgen::JsValue;

/// The versioned envelope with every saved check-in.
pub const DATA_KEY: &str = "temper.data";
/// A copy of the raw stored text taken before any migration.
pub const BACKUP_KEY: &str = "temper.data.backup";
/// The check-in in progress.
pub const DRAFT_KEY: &str = "temper.draft";
/// The chosen theme (`light` or `dark`; absent: follow the system). Read
/// before the first paint by `assets/prefs.js`.
pub const THEME_KEY: &str = "temper.theme";
/// The chosen language code (absent: follow the browser).
pub const LANG_KEY: &str = "temper.lang";
/// Written by "Lock now" so that every other open tab locks too.
pub const LOCK_NOW_KEY: &str = "temper.locknow";
/// Minutes without input before the passphrase lock closes again.
pub const AUTOLOCK_KEY: &str = "temper.autolock";
/// The reminder last set (`temper_core::ics::Rhythm`).
pub const REMIND_KEY: &str = "temper.remind";

/// The reminder last set, if one is stored and reads.
pub fn reminder() -> Option<temper_core::ics::Rhythm> {
    let raw = read(REMIND_KEY).ok().flatten()?;
    temper_core::ics::Rhythm::from_json(&raw)
}

#[derive(Clone, Debug, PartialEq)]
pub enum StoreError {
    /// Storage is disabled or blocked (e.g. SecurityError).
    Unavailable,
    /// The browser's quota for this site is used up.
    Quota,
    Other(String),
}

fn storage() -> Result<web_sys::Storage, StoreError> {
    // Probe first: with storage blocked, `local_storage()` throws, and
    // gloo-storage's `raw()` would panic on that.
    match web_sys::window().map(|w| w.local_storage()) {
        Some(Ok(Some(_))) => Ok(LocalStorage::raw()),
        _ => Err(StoreError::Unavailable),
    }
}

fn classify(err: JsValue) -> StoreError {
    let name = js_sys::Reflect::get(&err, &JsValue::from_str("name"))
        .ok()
        .and_then(|n| n.as_string())
        .unwrap_or_default();
    match name.as_str() {
        "QuotaExceededError" | "NS_ERROR_DOM_QUOTA_REACHED" => StoreError::Quota,
        "SecurityError" => StoreError::Unavailable,
        _ => StoreError::Other(if name.is_empty() {
            err.as_string().unwrap_or_else(|| crate::t("store.unknown"))
        } else {
            name
        }),
    }
}

/// Whether this browser lets us store anything at all.
pub fn available() -> bool {
    storage().is_ok()
}

/// Whether something is stored under `key`, without reading it (a long
/// history is megabytes).
pub fn has(key: &str) -> bool {
    storage().is_ok_and(|s| js_sys::Reflect::has(&s, &JsValue::from_str(key)).unwrap_or(false))
}

pub fn read(key: &str) -> Result<Option<String>, StoreError> {
    storage()?.get_item(key).map_err(classify)
}

pub fn write(key: &str, value: &str) -> Result<(), StoreError> {
    storage()?.set_item(key, value).map_err(classify)
}

pub fn remove(key: &str) -> Result<(), StoreError> {
    storage()?.remove_item(key).map_err(classify)
}

/// Ask the browser not to evict our data under storage pressure. Best
/// effort: the answer does not change how Temper behaves.
pub fn request_persistence() {
    if let Some(w) = web_sys::window() {
        if let Ok(p) = w.navigator().storage().persist() {
            // Nothing to do with the result; the request itself is the point.
            drop(p);
        }
    }
}

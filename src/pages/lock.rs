//! The optional passphrase lock: the unlock screen, and its settings on the
//! Privacy screen. The cryptography is in `assets/lock.js` (through
//! `crate::lock`); what gets written, and when, is in `crate::state`; the
//! rules for a passphrase are `temper_core::passphrase`.

use crate::state::{auto_lock_minutes, locked, use_state, Status, AUTO_LOCK_CHOICES};
use crate::storage::{self, AUTOLOCK_KEY, DATA_KEY, DRAFT_KEY, LOCK_NOW_KEY};
use crate::{autofocus, dom, lock, t, tk, FormError};
use leptos::prelude::*;

/// A form's submit button, with "Working…" beside it while `working`.
#[component]
fn SubmitRow(
    id: &'static str,
    label: String,
    status: &'static str,
    working: RwSignal<bool>,
) -> impl IntoView {
    view! {
        <p>
            <button type="submit" class="button primary" id=id>{label}</button>" "
            <span role="status" id=status>{move || if working.get() { t("lock.working") } else { String::new() }}</span>
        </p>
    }
}

/// The passphrase in Unicode normalization form C, so "é" typed as one
/// character or as "e" and a combining accent is the same passphrase
/// (the browser's own `String.prototype.normalize`).
fn nfc(pass: &str) -> String {
    js_sys::JsString::from(pass).normalize("NFC").into()
}

/// Shown instead of every screen while stored data is locked.
#[component]
pub fn Unlock() -> impl IntoView {
    let st = use_state();
    autofocus();
    let pass = RwSignal::new(String::new());
    let error = RwSignal::new(String::new());
    let working = RwSignal::new(false);
    let refuse = move |key: &str| {
        error.set(t(key));
        dom::focus_now("unlock-pass");
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Status::Locked { raw } = st.status.get_untracked() else {
            return;
        };
        let typed = nfc(&pass.get_untracked());
        if typed.is_empty() {
            return refuse("lock.needpass");
        }
        error.set(String::new());
        working.set(true);
        lock::open(&typed, &raw, move |plain| {
            let _ = working.try_set(false);
            match plain {
                Ok(plain) if st.unlocked(&plain) => {}
                Ok(_) => refuse("lock.unreadable"),
                Err(()) => refuse("lock.wrong"),
            }
        });
    };
    let erase = move |_| {
        // The sealed check-in in progress could never be opened either.
        if dom::confirm(&t("lock.erase.confirm")) && storage::remove(DATA_KEY).is_ok() {
            let _ = storage::remove(DRAFT_KEY);
            dom::reload();
        }
    };
    view! {
        <h1 tabindex="-1">{t("lock.locked.title")}</h1>
        <p>{t("lock.locked.body")}</p>
        <form on:submit=submit>
            <p class="field">
                <label for="unlock-pass">{t("lock.pass")}</label>
                <input type="password" id="unlock-pass" autocomplete="current-password" data-autofocus="" bind:value=pass/>
            </p>
            <FormError form="unlock" error/>
            <SubmitRow id="unlock-button" label=t("lock.unlock") status="unlock-status" working/>
        </form>
        <h2>{t("lock.forgot")}</h2>
        <p>{t("lock.forgot.body")}</p>
        <p class="choices">
            <button type="button" class="button" on:click=move |_| crate::download_backup(st)>{t("store.download")}</button>
            <button type="button" class="button" on:click=erase>{t("lock.erase")}</button>
        </p>
    }
}

/// The lock's section of the Privacy screen.
#[component]
pub fn LockSettings() -> impl IntoView {
    let st = use_state();
    // Whether this tab holds the key; changes when the lock is set or
    // removed here (a lock closed elsewhere reloads the page).
    let on = RwSignal::new(locked());
    let after = RwSignal::new(auto_lock_minutes().to_string());
    let pass = RwSignal::new(String::new());
    let again = RwSignal::new(String::new());
    let error = RwSignal::new(String::new());
    let working = RwSignal::new(false);
    let refuse = move |control: &str, key: &str| {
        error.set(t(key));
        dom::focus_now(control);
    };
    let choose_after = move |ev: leptos::ev::Event| {
        let m = event_target_value(&ev);
        after.set(m.clone());
        let _ = storage::write(AUTOLOCK_KEY, &m);
        if locked() {
            lock::auto_lock(auto_lock_minutes());
        }
    };
    let set = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if st.status.get_untracked() != Status::Saving {
            return refuse("lock-pass", "lock.cannot");
        }
        let typed = nfc(&pass.get_untracked());
        match temper_core::passphrase::problem(&typed, &nfc(&again.get_untracked())) {
            Some("lock.mismatch") => return refuse("lock-again", "lock.mismatch"),
            Some(key) => return refuse("lock-pass", key),
            None => {}
        }
        error.set(String::new());
        working.set(true);
        // Setting the lock, or (already on) changing its passphrase: either
        // way a new key seals everything again.
        let changing = on.get_untracked();
        let _ = storage::write(AUTOLOCK_KEY, &after.get_untracked());
        lock::create(&typed, move |ok| {
            if !ok {
                working.set(false);
                return refuse("lock-pass", "lock.unavailable");
            }
            // "Encrypted" is said only once the sealed copy is stored and
            // read back; otherwise the storage banner says what failed.
            st.lock_on(move |sealed| {
                working.set(false);
                if sealed {
                    pass.set(String::new());
                    again.set(String::new());
                    on.set(true);
                    if changing {
                        // Other tabs hold the old key: they lock, and open
                        // with the new passphrase.
                        let _ = storage::write(LOCK_NOW_KEY, &crate::now_ms().to_string());
                    }
                    st.say(
                        t(if changing {
                            "lock.changed"
                        } else {
                            "lock.done"
                        }),
                        false,
                        None,
                    );
                }
            });
        });
    };
    let off = move |_| {
        if dom::confirm(&t("lock.off.confirm")) {
            st.lock_off();
            on.set(false);
            st.say(t("lock.removed"), false, None);
            dom::focus_now("main");
        }
    };
    let select = move || {
        let options = AUTO_LOCK_CHOICES
            .map(|m| {
                let m = m.to_string();
                let chosen = m == after.get_untracked();
                view! { <option value=m.clone() selected=chosen>{tk("lock.after", &m)}</option> }
            })
            .into_iter()
            .collect_view();
        view! {
            <p class="field">
                <label for="lock-after">{t("lock.after")}</label>
                <select id="lock-after" on:change=choose_after>{options}</select>
            </p>
        }
    };
    // New passphrase, typed twice: to set the lock, or to change it.
    let form = move |button: &'static str, with_after: bool| {
        view! {
            <form on:submit=set novalidate>
                <p class="field">
                    <label for="lock-pass">{t("lock.newpass")}</label>
                    <input type="password" id="lock-pass" autocomplete="new-password" bind:value=pass/>
                </p>
                <p class="field">
                    <label for="lock-again">{t("lock.again")}</label>
                    <input type="password" id="lock-again" autocomplete="new-password" bind:value=again/>
                </p>
                {with_after.then(select)}
                <FormError form="lock" error/>
                <SubmitRow id="lock-on" label=t(button) status="lock-status" working/>
            </form>
        }
    };
    move || {
        if on.get() {
            view! {
                <h2>{t("lock.title")}</h2>
                <p>{t("lock.on")}</p>
                {select()}
                <p class="choices">
                    <button type="button" class="button" on:click=move |_| st.lock_everywhere()>{t("lock.now")}</button>
                    <button type="button" class="button" on:click=off>{t("lock.off")}</button>
                </p>
                <details class="change-pass">
                    <summary>{t("lock.change")}</summary>
                    <p>{t("lock.change.body")}</p>
                    {form("lock.change.button", false)}
                </details>
            }
            .into_any()
        } else {
            view! {
                <h2>{t("lock.title")}</h2>
                <p>{t("lock.why")}</p>
                <p class="banner"><strong>{t("lock.warning")}</strong></p>
                <p><button type="button" class="button" on:click=move |_| crate::download_backup(st)>{t("backup.json")}</button></p>
                {form("lock.set", true)}
            }
            .into_any()
        }
    }
}

//! The optional passphrase lock: the unlock screen, and its settings on the
//! Privacy screen. The cryptography is in `assets/lock.js` (through
//! `crate::lock`); what gets written, and when, is in `crate::state`.

use crate::dom::{focus, mount_markup, set_text, value};
use crate::pages::plan::{invalid, FORM_ERROR};
use crate::state::{auto_lock_minutes, locked, use_state, AppState, Status};
use crate::storage::{self, AUTOLOCK_KEY, DATA_KEY, DRAFT_KEY};
use crate::{autofocus, html, lock, t};
use leptos::prelude::*;

/// Shortest passphrase accepted.
const MIN_CHARS: usize = 8;
/// Choices for locking again after inactivity, in minutes (0: never).
const AUTO_LOCK: [&str; 5] = ["5", "15", "30", "60", "0"];

/// Shown instead of every screen while stored data is locked.
pub fn unlock() -> AnyView {
    let st = use_state();
    autofocus();
    let markup = html(
        "<h1 tabindex=\"-1\">{lock.locked.title}</h1><p>{lock.locked.body}</p>\
         <form data-submit=\"unlock\"><p class=\"field\"><label for=\"unlock-pass\">{lock.pass}</label>\
         <input type=\"password\" id=\"unlock-pass\" autocomplete=\"current-password\" data-autofocus></p>\
         {=0}<p><button type=\"submit\" class=\"button primary\" id=\"unlock-button\">{lock.unlock}</button> \
         <span role=\"status\" id=\"unlock-status\"></span></p></form>\
         <h2>{lock.forgot}</h2><p>{lock.forgot.body}</p>\
         <p><button type=\"button\" class=\"button\" data-action=\"download\">{store.download}</button> \
         <button type=\"button\" class=\"button\" data-action=\"erase\">{lock.erase}</button></p>",
        &[&html(FORM_ERROR, &["unlock"])],
    );
    mount_markup(markup, move |action, _| match action {
        "unlock" => try_unlock(st),
        "download" => crate::download_backup(st),
        "erase" => {
            let sure = web_sys::window()
                .and_then(|w| w.confirm_with_message(&t("lock.erase.confirm")).ok());
            // The sealed check-in in progress could never be opened either.
            if sure == Some(true) && storage::remove(DATA_KEY).is_ok() {
                let _ = storage::remove(DRAFT_KEY);
                if let Some(w) = web_sys::window() {
                    let _ = w.location().reload();
                }
            }
        }
        _ => {}
    })
}

fn try_unlock(st: AppState) {
    let Status::Locked { raw } = st.status.get_untracked() else {
        return;
    };
    let pass = value("unlock-pass");
    if pass.is_empty() {
        return invalid("unlock", "unlock-pass", "lock.needpass");
    }
    set_text("unlock-error", "");
    set_text("unlock-status", &t("lock.working"));
    lock::open(&pass, &raw, move |plain| {
        set_text("unlock-status", "");
        match plain {
            Ok(plain) if st.unlocked(&plain) => {}
            Ok(_) => invalid("unlock", "unlock-pass", "lock.unreadable"),
            Err(()) => invalid("unlock", "unlock-pass", "lock.wrong"),
        }
    });
}

/// The lock's section of the Privacy screen.
pub fn settings() -> AnyView {
    let st = use_state();
    let current = auto_lock_minutes().to_string();
    let mut options = String::new();
    for m in AUTO_LOCK {
        let selected = if m == current { " selected" } else { "" };
        options += &html(
            "<option value=\"{0}\"{=1}>{2}</option>",
            &[m, selected, &crate::tk("lock.after", m)],
        );
    }
    let select = html(
        "<p class=\"field\"><label for=\"lock-after\">{lock.after}</label>\
         <select id=\"lock-after\" data-change=\"after\">{=0}</select></p>",
        &[&options],
    );
    let markup = if locked() {
        html(
            "<h2>{lock.title}</h2><p>{lock.on}</p>{=0}\
             <p class=\"choices\"><button type=\"button\" class=\"button\" data-action=\"now\">{lock.now}</button>\
             <button type=\"button\" class=\"button\" data-action=\"off\">{lock.off}</button></p>",
            &[&select],
        )
    } else {
        html(
            "<h2>{lock.title}</h2><p>{lock.why}</p><p class=\"banner\"><strong>{lock.warning}</strong></p>\
             <p><button type=\"button\" class=\"button\" data-action=\"backup\">{backup.json}</button></p>\
             <form data-submit=\"on\" novalidate><p class=\"field\"><label for=\"lock-pass\">{lock.newpass}</label>\
             <input type=\"password\" id=\"lock-pass\" autocomplete=\"new-password\"></p>\
             <p class=\"field\"><label for=\"lock-again\">{lock.again}</label>\
             <input type=\"password\" id=\"lock-again\" autocomplete=\"new-password\"></p>{=0}{=1}\
             <p><button type=\"submit\" class=\"button primary\" id=\"lock-on\">{lock.set}</button> \
             <span role=\"status\" id=\"lock-status\"></span></p></form>",
            &[&select, &html(FORM_ERROR, &["lock"])],
        )
    };
    mount_markup(markup, move |action, _| settings_action(st, action))
}

fn settings_action(st: AppState, action: &str) {
    match action {
        "after" => {
            let m = value("lock-after");
            let _ = storage::write(AUTOLOCK_KEY, &m);
            if locked() {
                lock::auto_lock(m.parse().unwrap_or(15));
            }
        }
        "backup" => crate::download_backup(st),
        "on" => {
            if st.status.get_untracked() != Status::Saving {
                return invalid("lock", "lock-pass", "lock.cannot");
            }
            let pass = value("lock-pass");
            if pass.chars().count() < MIN_CHARS {
                return invalid("lock", "lock-pass", "lock.short");
            }
            if pass != value("lock-again") {
                return invalid("lock", "lock-again", "lock.mismatch");
            }
            set_text("lock-error", "");
            set_text("lock-status", &t("lock.working"));
            let _ = storage::write(AUTOLOCK_KEY, &value("lock-after"));
            lock::create(&pass, move |ok| {
                if ok {
                    st.lock_on();
                    st.say(t("lock.done"), false, None);
                    st.rerender();
                } else {
                    set_text("lock-status", "");
                    invalid("lock", "lock-pass", "lock.unavailable");
                }
            });
        }
        "now" => st.relock(),
        "off" => {
            let sure =
                web_sys::window().and_then(|w| w.confirm_with_message(&t("lock.off.confirm")).ok());
            if sure == Some(true) {
                st.lock_off();
                st.say(t("lock.removed"), false, None);
                st.rerender();
                focus("main");
            }
        }
        _ => {}
    }
}

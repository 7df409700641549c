//! The questionnaire: one native radio group per step, Back and Next, a
//! draft saved on every change so a reload loses nothing.
//!
//! Each step is markup (see `temper_core::html`) with delegated events:
//! choosing an answer (`data-change`), Next (the form's `data-submit`), Back
//! and Discard (`data-action`). The draft in progress is kept by
//! `crate::state` (in memory, mirrored to storage, sealed with the lock on);
//! moving between steps rebuilds the screen.

use crate::dom::{mount_markup, set_text};
use crate::state::{draft, set_draft, use_state, AppState};
use crate::{autofocus, html, navigate, now_ms, t, tk};
use leptos::prelude::*;
use temper_core::content::{Mode, Role, Step, SCALE_KEYS};
use temper_core::i18n::fill;
use temper_core::route::Route;
use temper_core::store::{new_id, Advance, Draft};

/// The check-in screen: the chooser, or the current step.
pub fn checkin() -> AnyView {
    let st = use_state();
    // The results screen's code, so the last answer shows it with no wait.
    crate::lazy::prefetch_results();
    autofocus();
    let markup = match draft() {
        None => html(
            "<h1 tabindex=\"-1\" data-autofocus>{checkin.choose}</h1><div class=\"choices\">\
             <button type=\"button\" class=\"button primary\" data-action=\"full\">{home.full}</button>\
             <button type=\"button\" class=\"button\" data-action=\"pulse\">{home.pulse}</button></div>\
             <p class=\"fine\">{checkin.noidentity}</p>",
            &[],
        ),
        Some(d) => step(&d),
    };
    mount_markup(markup, move |action, id| act(st, action, id))
}

fn step(d: &Draft) -> String {
    let current = d.current();
    let progress = fill(
        &t("checkin.progress"),
        &[
            ("n", &(d.step + 1).to_string()),
            ("total", &d.total().to_string()),
        ],
    );
    let (legend, frame, name, labels, chosen) = match current {
        Step::Question(item) => (
            tk("item", item.id),
            t("scale.frame"),
            item.id,
            SCALE_KEYS.iter().map(|k| t(k)).collect::<Vec<_>>(),
            d.answer_of(item.id),
        ),
        Step::Context => (
            t("checkin.context"),
            t("checkin.context.help"),
            "role",
            Role::ALL.iter().map(|r| tk("role", r.key())).collect(),
            d.role
                .and_then(|r| Role::ALL.iter().position(|x| *x == r))
                .map(|i| i as u8),
        ),
    };
    let mut options = String::new();
    for (i, label) in labels.iter().enumerate() {
        let checked = if chosen == Some(i as u8) {
            " checked"
        } else {
            ""
        };
        options += &html(
            "<label class=\"option\"><input type=\"radio\" name=\"q-{0}\" value=\"{1}\" \
             data-change=\"answer\" data-id=\"{1}\"{=2}><span>{3}</span></label>",
            &[name, &i.to_string(), checked, label],
        );
    }
    let back = if d.step == 0 { " disabled" } else { "" };
    let next = t(if d.is_last() {
        "checkin.finish"
    } else {
        "checkin.next"
    });
    html(
        "<h1>{0}</h1><p class=\"progress-text\" aria-live=\"polite\">{1}</p>\
         <progress max=\"{2}\" value=\"{3}\" aria-hidden=\"true\"></progress>\
         <form class=\"step\" data-submit=\"next\">\
         <fieldset tabindex=\"-1\" data-autofocus aria-describedby=\"step-error\"><legend>{4}</legend>\
         <p class=\"frame\">{5}</p><div class=\"options\">{=6}</div></fieldset>\
         <p id=\"step-error\" class=\"error\" role=\"alert\"></p>\
         <div class=\"step-nav\"><button type=\"button\" class=\"button\" data-action=\"back\"{=7}>{checkin.back}</button>\
         <button type=\"submit\" class=\"button primary\">{8}</button></div></form>\
         <p><button type=\"button\" class=\"link\" data-action=\"discard\">{checkin.discard}</button></p>",
        &[
            &tk("mode", d.mode.key()),
            &progress,
            &d.total().to_string(),
            &(d.step + 1).to_string(),
            &legend,
            &frame,
            &options,
            back,
            &next,
        ],
    )
}

/// Change the draft in memory and in storage.
fn update(f: impl FnOnce(&mut Draft)) -> Option<Draft> {
    let mut d = draft()?;
    f(&mut d);
    set_draft(Some(d.clone()));
    Some(d)
}

fn act(st: AppState, action: &str, id: &str) {
    match action {
        "full" | "pulse" => {
            let Some(mode) = Mode::from_key(action) else {
                return;
            };
            set_draft(Some(Draft::new(mode)));
            st.notice.set(None);
            st.rerender();
        }
        "answer" => {
            let Ok(value) = id.parse::<u8>() else {
                return;
            };
            set_text("step-error", "");
            update(|d| match d.current() {
                Step::Question(item) => d.answer(item.id, value),
                Step::Context => d.role = Role::ALL.get(usize::from(value)).copied(),
            });
        }
        "back" => {
            let moved = update(|d| {
                d.back();
            });
            if moved.is_some() {
                st.rerender();
            }
        }
        "next" => next(st),
        "discard" => {
            set_draft(None);
            st.say(t("checkin.discarded"), false, None);
            st.rerender();
        }
        _ => {}
    }
}

fn next(st: AppState) {
    let Some(mut d) = draft() else {
        return;
    };
    match d.advance() {
        Advance::Unanswered => set_text("step-error", &t("checkin.unanswered")),
        Advance::Moved => {
            set_draft(Some(d));
            st.rerender();
        }
        Advance::Complete => {
            let at = now_ms();
            let id = new_id(at, (js_sys::Math::random() * f64::from(u32::MAX)) as u32);
            if let Some(c) = d.finish(id.clone(), at) {
                // Keep the answers as a draft until the check-in is really
                // saved: if saving failed, a reload still has them.
                if st.add_checkin(c) {
                    set_draft(None);
                }
                navigate(&Route::Results(Some(id)));
            }
        }
    }
}

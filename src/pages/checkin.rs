//! The questionnaire: one native radio group per step, Back and Next, a
//! draft saved on every change so a reload loses nothing.

use crate::blocks::heading;
use crate::dom::{el, mount};
use crate::state::{clear_draft, load_draft, save_draft, use_state};
use crate::{autofocus, navigate, now_ms, t, tk};
use leptos::prelude::*;
use temper_core::content::{Mode, Role, Step, SCALE_KEYS};
use temper_core::i18n::fill;
use temper_core::route::Route;
use temper_core::store::{new_id, Advance, Draft};

#[component]
pub fn CheckInPage() -> impl IntoView {
    let st = use_state();
    let draft = RwSignal::new(load_draft());
    // Re-render the step only when the step itself changes, so answering
    // (or arrowing through a radio group) never steals focus.
    let position = Memo::new(move |_| draft.with(|d| d.as_ref().map(|d| (d.mode, d.step))));
    let discard = move || {
        clear_draft();
        draft.set(None);
        st.say(t("checkin.discarded"), false, None);
    };
    view! {
        {move || match position.get() {
            None => chooser(draft),
            Some((_, step)) => view! { <StepView draft=draft step=step discard=discard/> }.into_any(),
        }}
    }
}

fn chooser(draft: RwSignal<Option<Draft>>) -> AnyView {
    crate::autofocus();
    let button = |mode: &str, key: &str, class: &str| {
        el("button")
            .attr("type", "button")
            .class(class)
            .attr("data-action", mode)
            .text(t(key))
    };
    let tree = el("div")
        .child(heading(t("checkin.choose")))
        .child(
            el("div")
                .class("choices")
                .child(button("full", "home.full", "button primary"))
                .child(button("pulse", "home.pulse", "button")),
        )
        .child(el("p").class("fine").text(t("checkin.noidentity")));
    mount(tree, move |action, _| {
        if let Some(mode) = Mode::from_key(action) {
            let d = Draft::new(mode);
            save_draft(&d);
            use_state().notice.set(None);
            draft.set(Some(d));
        }
    })
    .into_any()
}

#[component]
fn StepView(
    draft: RwSignal<Option<Draft>>,
    step: usize,
    discard: impl Fn() + Copy + 'static,
) -> impl IntoView {
    let st = use_state();
    let snapshot = draft
        .get_untracked()
        .expect("a step is only shown for a draft");
    let total = snapshot.total();
    let current = snapshot.current();
    let is_last = snapshot.is_last();
    let error = RwSignal::new(false);
    autofocus();

    let update = move |f: &dyn Fn(&mut Draft)| {
        draft.update(|d| {
            if let Some(d) = d {
                f(d);
                save_draft(d);
            }
        });
    };
    let next = move |_| {
        let mut d = draft.get_untracked().expect("draft");
        match d.advance() {
            Advance::Unanswered => error.set(true),
            Advance::Moved => {
                save_draft(&d);
                draft.set(Some(d));
            }
            Advance::Complete => {
                let at = now_ms();
                let id = new_id(at, (js_sys::Math::random() * f64::from(u32::MAX)) as u32);
                if let Some(c) = d.finish(id.clone(), at) {
                    // Keep the answers as a draft until the check-in is
                    // really saved: if saving failed, a reload still has them.
                    if st.add_checkin(c) {
                        clear_draft();
                    }
                    navigate(&Route::Results(Some(id)));
                }
            }
        }
    };
    let back = move |_| {
        update(&|d: &mut Draft| {
            d.back();
        })
    };

    let progress = fill(
        &t("checkin.progress"),
        &[
            ("n", &(step + 1).to_string()),
            ("total", &total.to_string()),
        ],
    );
    let (legend, name, options): (String, String, Vec<(u8, String)>) = match current {
        Step::Question(item) => (
            tk("item", item.id),
            format!("q-{}", item.id),
            SCALE_KEYS
                .iter()
                .enumerate()
                .map(|(i, k)| (i as u8, t(k)))
                .collect(),
        ),
        Step::Context => (
            t("checkin.context"),
            "q-role".into(),
            Role::ALL
                .iter()
                .enumerate()
                .map(|(i, r)| (i as u8, tk("role", r.key())))
                .collect(),
        ),
    };
    let selected = move || {
        draft.with(|d| {
            let d = d.as_ref()?;
            match current {
                Step::Question(item) => d.answer_of(item.id),
                Step::Context => d
                    .role
                    .and_then(|r| Role::ALL.iter().position(|x| *x == r))
                    .map(|i| i as u8),
            }
        })
    };
    let choose = move |value: u8| {
        error.set(false);
        update(&|d: &mut Draft| match current {
            Step::Question(item) => d.answer(item.id, value),
            Step::Context => d.role = Role::ALL.get(usize::from(value)).copied(),
        });
    };
    let error_id = "step-error";
    view! {
        <h1>{tk("mode", snapshot.mode.key())}</h1>
        <p class="progress-text" aria-live="polite">{progress}</p>
        <progress max=total value=step + 1 aria-hidden="true"></progress>
        <form class="step" on:submit=move |ev| { ev.prevent_default(); next(()); }>
            <fieldset tabindex="-1" data-autofocus aria-describedby=move || error.get().then_some(error_id)>
                <legend>{legend}</legend>
                {matches!(current, Step::Question(_)).then(|| view! { <p class="frame">{t("scale.frame")}</p> })}
                {matches!(current, Step::Context).then(|| view! { <p class="frame">{t("checkin.context.help")}</p> })}
                <div class="options">
                    {options.into_iter().map(|(value, label)| {
                        let name = name.clone();
                        view! {
                            <label class="option">
                                <input type="radio" name=name value=value
                                    prop:checked=move || selected() == Some(value)
                                    on:change=move |_| choose(value)/>
                                <span>{label}</span>
                            </label>
                        }
                    }).collect_view()}
                </div>
            </fieldset>
            {move || error.get().then(|| view! {
                <p id=error_id class="error" role="alert">{t("checkin.unanswered")}</p>
            })}
            <div class="step-nav">
                <button type="button" class="button" on:click=back disabled=step == 0>{t("checkin.back")}</button>
                <button type="submit" class="button primary">
                    {if is_last { t("checkin.finish") } else { t("checkin.next") }}
                </button>
            </div>
        </form>
        <p><button type="button" class="link" on:click=move |_| discard()>{t("checkin.discard")}</button></p>
    }
}

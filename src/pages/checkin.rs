//! The questionnaire: one native radio group per step, which moves on when
//! an answer is tapped (or chosen with the keys 1 to 5), Back and Next, a
//! draft saved on every change so a reload loses nothing. The step rules
//! are `temper_core::draft`; the draft itself is `AppState::draft`.

use crate::lazy::More;
use crate::pages::home::Title;
use crate::state::{use_state, AppState};
use crate::{autofocus, navigate, now_ms, random_u32, t, tf, tk, tn};
use leptos::prelude::*;
use temper_core::content::{Mode, Role, Step, SCALE_KEYS};
use temper_core::i18n::{fill, step_in_first_load};
use temper_core::route::Route;
use temper_core::store::{new_id, Advance};

/// The check-in screen: the chooser, or the current step.
#[component]
pub fn CheckIn() -> impl IntoView {
    let st = use_state();
    // The results screen's code, so the last answer shows it with no wait.
    crate::lazy::prefetch_results(st);
    // The step: a new form when it changes, not when an answer is chosen.
    let at = Memo::new(move |_| st.draft.with(|d| d.as_ref().map(|d| (d.mode, d.step))));
    // A full check-in's words beyond the pulse come with the rest of the
    // texts (asked for above); until they are here its step says so.
    let texts = Memo::new(move |_| {
        let needed = st.draft.with(|d| {
            d.as_ref()
                .is_some_and(|d| !step_in_first_load(&d.current()))
        });
        match st.more_texts.get() {
            _ if !needed => More::Here,
            more => more,
        }
    });
    let shown = Memo::new(move |_| (at.get().is_some(), texts.get()));
    move || match shown.get() {
        (false, _) => view! { <Chooser/> }.into_any(),
        // A new form for every step (keyed by it), never the last one's
        // patched in place: the late events of a tap (the radio's own click
        // and change, after the label's) land on the step they were for.
        (true, More::Here) => view! {
            <For each=move || at.get() key=|at| *at let:_at>
                <StepForm/>
            </For>
        }
        .into_any(),
        (true, More::Failed) => {
            let retry = Callback::new(move |()| crate::lazy::want_more_texts(st));
            view! { <crate::Message alert=true text=t("loading.failed") button=t("loading.retry") on_press=retry/> }
                .into_any()
        }
        (true, _) => view! { <p class="loading" role="status">{t("loading")}</p> }.into_any(),
    }
}

#[component]
fn Chooser() -> impl IntoView {
    let st = use_state();
    let begin = move |mode: Mode| {
        st.set_draft(Some(temper_core::store::Draft::new(mode)));
        st.notice.set(None);
    };
    view! {
        <Title text=t("checkin.choose")/>
        <div class="choices">
            <button type="button" class="button primary" on:click=move |_| begin(Mode::Full)>{t("home.full")}</button>
            <button type="button" class="button" on:click=move |_| begin(Mode::Pulse)>{t("home.pulse")}</button>
        </div>
        <p class="fine">{t("checkin.noidentity")}</p>
    }
}

/// Pressing Next (or Enter): move on, say what is missing, or save.
fn next(st: AppState, error: RwSignal<String>) {
    let Some(mut d) = st.draft.get_untracked() else {
        return;
    };
    match d.advance() {
        Advance::Unanswered => error.set(t("checkin.unanswered")),
        Advance::Moved => st.set_draft(Some(d)),
        Advance::Complete => {
            let at = now_ms();
            if let Some(c) = d.finish(new_id(at, random_u32()), at) {
                let id = c.id.clone();
                // Keep the answers as a draft until the check-in is really
                // saved: if saving failed, a reload still has them, and
                // finishing again saves this same check-in (its id is kept).
                if st.add_checkin(c) {
                    st.set_draft(None);
                } else {
                    st.set_draft(Some(d));
                }
                navigate(&Route::Results(Some(id)));
            }
        }
    }
}

#[component]
fn StepForm() -> impl IntoView {
    let st = use_state();
    let Some(d) = st.draft.get_untracked() else {
        return ().into_any();
    };
    autofocus();
    let error = RwSignal::new(String::new());
    let current = d.current();
    let (legend, frame, name, labels) = match current {
        Step::Question(item) => (
            tk("item", item.id),
            t("scale.frame"),
            item.id,
            SCALE_KEYS.iter().map(|k| t(k)).collect::<Vec<_>>(),
        ),
        Step::Context => (
            t("role.question"),
            t("role.help"),
            "role",
            Role::ALL.iter().map(|r| tk("role", r.key())).collect(),
        ),
    };
    let count = labels.len();
    let chosen = Memo::new(move |_| {
        st.draft.with(|d| {
            let d = d.as_ref()?;
            match d.current() {
                Step::Question(item) => d.answer_of(item.id),
                Step::Context => d
                    .role
                    .and_then(|r| Role::ALL.iter().position(|x| *x == r))
                    .map(|i| i as u8),
            }
        })
    });
    // Help at once, without leaving the check-in, when an answer calls for it.
    let help_now = Memo::new(move |_| match current {
        Step::Question(item) => chosen
            .get()
            .is_some_and(|a| temper_core::content::calls_for_help_now(item.id, a)),
        Step::Context => false,
    });
    // An answer for this step; `go`: a tap or a number key, which move on
    // (the rules are `Draft::choose`). Arrow keys and Space only choose.
    let choose = move |value: u8, go: bool| {
        error.set(String::new());
        st.update_draft(|d| {
            d.choose(current, value, go);
        });
    };
    let options = labels
        .into_iter()
        .enumerate()
        .map(|(i, label)| {
            let i = i as u8;
            // A pointer's click on the option (it has a click count; one
            // made by the keyboard has none) comes before the radio is
            // checked, and its change then finds the step already left.
            let tap = move |ev: leptos::ev::MouseEvent| {
                if ev.detail() > 0 {
                    choose(i, true);
                }
            };
            view! {
                <label class="option" on:click=tap>
                    <input type="radio" name=format!("q-{name}") value=i.to_string()
                        prop:checked=move || chosen.get() == Some(i)
                        on:change=move |_| choose(i, false)/>
                    <span>{label}</span>
                </label>
            }
        })
        .collect_view();
    // The keys 1 to 5 (or to the number of options) choose and move on.
    let keys = move |ev: leptos::ev::KeyboardEvent| {
        if ev.ctrl_key() || ev.alt_key() || ev.meta_key() {
            return;
        }
        let n = ev.key().parse::<usize>().unwrap_or(0);
        if (1..=count).contains(&n) {
            ev.prevent_default();
            choose((n - 1) as u8, true);
        }
    };
    let progress = tf(
        "checkin.progress",
        &[
            ("n", &(d.step + 1).to_string()),
            ("total", &d.total().to_string()),
        ],
    );
    let left = tn("checkin.left", d.minutes_left());
    let left = fill(&left, &[("n", &d.minutes_left().to_string())]);
    let part = d.part().map(|(n, total, part)| {
        let text = tf(
            "checkin.part",
            &[
                ("n", &n.to_string()),
                ("total", &total.to_string()),
                ("name", &tk("part", part.key())),
            ],
        );
        view! { <h2 class="part">{text}</h2> }
    });
    let hint = tf("checkin.keys", &[("n", &count.to_string())]);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        next(st, error);
    };
    let back = move |_| {
        st.update_draft(|d| {
            d.back();
        })
    };
    // Undone from the notice: every answer comes back, on this step.
    let discard = move |_| {
        let kept = st.draft.get_untracked();
        st.set_draft(None);
        st.say(
            t("checkin.discarded"),
            false,
            kept.map(crate::state::Undo::Draft),
        );
    };
    let finish = t(if d.is_last() {
        "checkin.finish"
    } else {
        "checkin.next"
    });
    view! {
        <h1>{tk("mode", d.mode.key())}</h1>
        {part}
        <p class="progress-text" aria-live="polite">{progress}" · "{left}</p>
        <progress max=d.total() value=d.step + 1 aria-hidden="true"></progress>
        <form class="step" on:submit=submit on:keydown=keys>
            <fieldset tabindex="-1" data-autofocus="" aria-describedby="step-error">
                <legend>{legend}</legend>
                <p class="frame">{frame}</p>
                <div class="options">{options}</div>
            </fieldset>
            <p id="step-error" class="error" role="alert">{move || error.get()}</p>
            <Show when=move || help_now.get()>
                <section class="help prominent">
                    <h2>{t("help.title")}</h2>
                    <p><strong>{t("help.now")}</strong></p>
                    <p>{t("help.urgent")}</p>
                    {crate::lazy::help_lines()}
                </section>
            </Show>
            <div class="step-nav">
                <button type="button" class="button" disabled=d.step == 0 on:click=back>{t("checkin.back")}</button>
                <button type="submit" class="button primary">{finish}</button>
            </div>
            <p id="step-keys" class="fine keys-hint">{hint}</p>
        </form>
        <p><button type="button" class="link" on:click=discard>{t("checkin.discard")}</button></p>
    }
    .into_any()
}

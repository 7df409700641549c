use crate::state::use_state;
use crate::{autofocus, fmt_date, t};
use leptos::prelude::*;
use temper_core::scoring::{display, score};

#[component]
pub fn History() -> impl IntoView {
    let st = use_state();
    autofocus();
    let rows = move || {
        st.data.with(|d| {
            d.checkins
                .iter()
                .rev()
                .map(|c| {
                    let s = score(&c.answers);
                    view! {
                        <li>
                            <a href=format!("#/results/{}", c.id)>{fmt_date(c.at)}</a>
                            " · " {t(&format!("mode.{}", c.mode.key()))}
                            " · " {t("results.burnout")} " " {display(s.burnout)}
                            " · " {t("results.rustout")} " " {display(s.rustout)}
                            " · " {t(s.zone().key())}
                        </li>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <h1 tabindex="-1" data-autofocus>{t("history.title")}</h1>
        {move || if st.data.with(|d| d.checkins.is_empty()) {
            view! { <p>{t("history.empty")}</p> }.into_any()
        } else {
            view! { <ul class="history">{rows}</ul> }.into_any()
        }}
    }
}

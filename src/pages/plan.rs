//! From scores to change: "My plan" with suggestions from the strategy
//! library, the energy ledger, the inner audit, the calendar reminder and
//! the printable report. What is shown comes from `temper_core`
//! (`strategies::recommend`, `plan`, `ledger`, `ics`); this file fills
//! markup templates (see `temper_core::html`) and turns clicks into calls
//! on the data.

use crate::blocks::{heading, to_el, Block};
use crate::dom::{checked, el, focus, mount, mount_markup, set_text, value};
use crate::state::{use_state, AppState};
use crate::{autofocus, files, fmt_date, html, now_ms, refocus, t, tk, tn};
use leptos::prelude::*;
use temper_core::content::RestKind;
use temper_core::i18n::fill;
use temper_core::ics::{ics, Every, Reminder};
use temper_core::ledger::{
    audit_gaps, most_frequent, week_balance, Area, Changeable, Entry, Flow, MAX_VALUES,
    MAX_WHAT_CHARS,
};
use temper_core::plan::{
    audit_values, parse_step, progress, step_id, strategy_of, valid_due, Audit, AuditProblem,
    MAX_VALUE_CHARS,
};
use temper_core::scoring::score;
use temper_core::store::{new_id, Data};
use temper_core::strategies::{
    by_id, recommend, Recommendation, Strategy, PROFESSIONAL, STRATEGIES,
};

/// How many ranked suggestions are shown before "More strategies".
const TOP: usize = 5;
/// Ledger entries listed, newest first.
const RECENT: usize = 20;

/// A strategy's text in the current language.
fn st_text(id: &str, part: &str) -> String {
    t(&format!("strat.{id}.{part}"))
}

fn step_text(id: &str) -> String {
    match parse_step(id) {
        Some((s, n)) => st_text(s.id, &format!("step{n}")),
        None => fill(&t("plan.unknown"), &[("id", id)]),
    }
}

/// A screen of the plan family: heading, the links between the four
/// screens, and the body markup.
fn screen(
    title: &str,
    current: &str,
    body: &str,
    on_action: impl Fn(&str, &str) + 'static,
) -> AnyView {
    autofocus();
    let mut links = String::new();
    for k in ["plan", "ledger", "audit", "report"] {
        let here = if k == current {
            " aria-current=\"page\""
        } else {
            ""
        };
        links += &html(
            "<li><a href=\"#/{0}\"{=1}>{2}</a></li>",
            &[k, here, &tk("plan.nav", k)],
        );
    }
    let markup = html(
        "<h1 tabindex=\"-1\" data-autofocus>{0}</h1>\
         <nav class=\"subnav\" aria-label=\"{plan.sub}\"><ul>{=1}</ul></nav>{=2}",
        &[&t(title), &links, body],
    );
    mount_markup(markup, on_action)
}

/// A message under the heading, e.g. "Added to your plan".
fn say(st: AppState, key: &str, alert: bool) {
    st.say(t(key), alert, None);
}

/// A form's input was refused: say why next to its button (`<form>-error`,
/// role="alert") and put focus on the control to fix. Nothing is saved.
pub(crate) fn invalid(form: &str, control: &str, key: &str) {
    set_text(&format!("{form}-error"), &t(key));
    focus(control);
}

/// Where a form's problems are announced, next to its button.
pub(crate) const FORM_ERROR: &str = "<p class=\"error\" role=\"alert\" id=\"{0}-error\"></p>";

/// A short random number for ids.
fn random() -> u32 {
    (js_sys::Math::random() * f64::from(u32::MAX)) as u32
}

// ---------------------------------------------------------------- My plan

/// The "My plan" screen.
#[inline(never)]
pub fn plan() -> AnyView {
    let st = use_state();
    let d = st.data.get_untracked();
    let (done, total) = progress(&d.plan);
    let mut body = html("<h2>{plan.mine}</h2>", &[]);
    if total == 0 {
        body += &html("<p>{plan.empty}</p>", &[]);
    } else {
        let text = fill(
            &tn("plan.progress", total),
            &[("done", &done.to_string()), ("total", &total.to_string())],
        );
        body += &html(
            "<p><label for=\"plan-progress\">{0}</label></p>\
             <progress id=\"plan-progress\" max=\"{1}\" value=\"{2}\"></progress>",
            &[&text, &total.to_string(), &done.to_string()],
        );
        body += &my_steps(&d);
    }
    body += &html("<h2>{plan.suggested}</h2>", &[]);
    let ranked = match d.latest() {
        Some(c) => {
            body += &html(
                "<p>{0}</p>",
                &[&fill(&t("plan.basis"), &[("date", &fmt_date(c.at))])],
            );
            recommend(&score(&c.answers))
        }
        None => {
            body += &html(
                "<p>{plan.nocheckin}</p><p><a class=\"button primary\" href=\"#/checkin\">{home.start}</a></p>",
                &[],
            );
            vec![]
        }
    };
    let top = &ranked[..ranked.len().min(TOP)];
    for r in top {
        body += &card(r.strategy, Some(r), &d);
    }
    let mut more = String::new();
    for s in STRATEGIES {
        if !top.iter().any(|r| r.strategy.id == s.id) {
            more += &card(s, ranked.iter().find(|r| r.strategy.id == s.id), &d);
        }
    }
    // With nothing ranked, every strategy is "more": show them all, open.
    let (open, summary) = if ranked.is_empty() {
        (" open", t("plan.all"))
    } else {
        ("", t("plan.more"))
    };
    body += &html(
        "<details{=0}><summary>{1}</summary>{=2}</details>",
        &[open, &summary, &more],
    );
    body += &reminder_form();
    body += &html(
        "<p><a class=\"button\" href=\"#/report\">{plan.nav.report}</a></p>",
        &[],
    );
    screen("plan.title", "plan", &body, move |a, id| {
        plan_action(st, a, id)
    })
}

/// The adopted steps, grouped by strategy in the order first adopted.
fn my_steps(d: &Data) -> String {
    let mut groups: Vec<&str> = vec![];
    for s in &d.plan {
        let g = strategy_of(&s.id);
        if !groups.contains(&g) {
            groups.push(g);
        }
    }
    let mut out = String::new();
    for g in groups {
        let name = match by_id(g) {
            Some(s) => st_text(s.id, "name"),
            None => g.to_string(),
        };
        let mut steps = String::new();
        for s in d.plan.iter().filter(|s| strategy_of(&s.id) == g) {
            let text = step_text(&s.id);
            let (class, tick) = if s.done {
                (" done", " checked")
            } else {
                ("", "")
            };
            steps += &html(
                "<li class=\"step{1}\"><p><input type=\"checkbox\" id=\"tick-{0}\" data-action=\"tick\" data-id=\"{0}\"{=2}>\
                 <label for=\"tick-{0}\">{3}</label></p>\
                 <p class=\"step-tools\"><label for=\"due-{0}\">{plan.due}</label> \
                 <input type=\"date\" id=\"due-{0}\" value=\"{4}\" data-change=\"due\" data-id=\"{0}\"> \
                 <button type=\"button\" id=\"remove-{0}\" data-action=\"remove\" data-id=\"{0}\" aria-label=\"{5}\">{plan.remove}</button></p></li>",
                &[&s.id, class, tick, &text, &s.due, &fill(&t("plan.remove.label"), &[("step", &text)])],
            );
        }
        out += &html(
            "<section class=\"plan-group\"><h3>{0}</h3><ul class=\"steps\">{=1}</ul></section>",
            &[&name, &steps],
        );
    }
    out
}

/// One strategy from the library: what, why, "why for you", first steps.
fn card(s: &Strategy, r: Option<&Recommendation>, d: &Data) -> String {
    let because = match r {
        Some(r) => html("<p class=\"because\">{0}</p>", &[&because(r)]),
        None => String::new(),
    };
    let mut steps = String::new();
    let mut all_in = true;
    for n in 1..=s.steps {
        let id = step_id(s.id, n);
        let text = st_text(s.id, &format!("step{n}"));
        steps += &if d.in_plan(&id) {
            html(
                "<li>{0} <span class=\"tag\">{plan.inplan}</span></li>",
                &[&text],
            )
        } else {
            all_in = false;
            html(
                "<li>{0} <button type=\"button\" id=\"adopt-{1}\" data-action=\"adopt\" data-id=\"{1}\" aria-label=\"{2}\">{plan.addstep}</button></li>",
                &[&text, &id, &fill(&t("plan.addstep.label"), &[("step", &text)])],
            )
        };
    }
    let name = st_text(s.id, "name");
    let all = if all_in {
        String::new()
    } else {
        html(
            "<p><button type=\"button\" id=\"adoptall-{0}\" data-action=\"adoptall\" data-id=\"{0}\" aria-label=\"{1}\">{plan.addall}</button></p>",
            &[s.id, &fill(&t("plan.addall.label"), &[("name", &name)])],
        )
    };
    html(
        "<section class=\"strategy\"><h3>{0}</h3>{=1}<p>{2}</p><p class=\"fine\">{3}</p><ol>{=4}</ol>{=5}</section>",
        &[&name, &because, &st_text(s.id, "what"), &st_text(s.id, "why"), &steps, &all],
    )
}

/// "Why this is suggested for you", citing the person's own score.
fn because(r: &Recommendation) -> String {
    if r.strategy.id == PROFESSIONAL && r.score < 25 {
        return t("plan.because.help");
    }
    fill(
        &t("plan.because"),
        &[
            ("what", &t(&r.because.name_key())),
            ("score", &r.score.to_string()),
        ],
    )
}

fn plan_action(st: AppState, action: &str, id: &str) {
    let now = now_ms();
    match action {
        "adopt" | "adoptall" => {
            let (strategy, only) = match parse_step(id) {
                Some((s, n)) => (s, Some(n)),
                None => match by_id(id) {
                    Some(s) => (s, None),
                    None => return,
                },
            };
            st.data.update(|d| d.adopt(strategy, only, now));
            refocus(&format!("tick-{}", step_id(strategy.id, only.unwrap_or(1))));
            say(st, "plan.added", false);
        }
        "tick" => {
            let done = st
                .data
                .with_untracked(|d| d.plan.iter().any(|s| s.id == id && !s.done));
            st.data.update(|d| d.set_done(id, done));
            refocus(&format!("tick-{id}"));
        }
        "due" => {
            let due = value(&format!("due-{id}"));
            if !st.data.try_update(|d| d.set_due(id, &due)).unwrap_or(false) {
                return say(st, "plan.baddate", true);
            }
            refocus(&format!("due-{id}"));
        }
        "remove" => {
            st.data.update(|d| {
                d.remove_step(id);
            });
            say(st, "plan.removed", false);
        }
        "ics" => return download_reminder(st),
        _ => return,
    }
    st.persist();
    st.rerender();
}

// ---------------------------------------------------------------- Reminder

/// Radio buttons named `name`, one per key, labelled `prefix.<key>`.
fn radios(name: &str, prefix: &str, keys: &[&str], first_checked: bool) -> String {
    let mut out = String::new();
    for (i, k) in keys.iter().enumerate() {
        let on = if first_checked && i == 0 {
            " checked"
        } else {
            ""
        };
        out += &html(
            "<p class=\"choice\"><input type=\"radio\" name=\"{0}\" id=\"{0}-{1}\" value=\"{1}\"{=2}><label for=\"{0}-{1}\">{3}</label></p>",
            &[name, k, on, &tk(prefix, k)],
        );
    }
    out
}

/// `<option>`s, one per key, labelled `prefix.<key>`.
fn options(prefix: &str, keys: &[&str]) -> String {
    let mut out = String::new();
    for k in keys {
        out += &html("<option value=\"{0}\">{1}</option>", &[k, &tk(prefix, k)]);
    }
    out
}

fn reminder_form() -> String {
    let tomorrow = js_sys::Date::new_0();
    tomorrow.set_date(tomorrow.get_date() + 1);
    let date = format!(
        "{:04}-{:02}-{:02}",
        tomorrow.get_full_year(),
        tomorrow.get_month() + 1,
        tomorrow.get_date()
    );
    html(
        "<section class=\"reminder\"><h2>{remind.title}</h2><p>{remind.body}</p>\
         <fieldset><legend>{remind.every}</legend>{=0}</fieldset>\
         <p class=\"field\"><label for=\"remind-date\">{remind.first}</label><input type=\"date\" id=\"remind-date\" value=\"{1}\"></p>\
         <p class=\"field\"><label for=\"remind-time\">{remind.time}</label><input type=\"time\" id=\"remind-time\" value=\"09:00\"></p>\
         {=2}<p><button type=\"button\" data-action=\"ics\">{remind.download}</button></p></section>",
        &[&radios("every", "remind", &["week", "2weeks", "month"], true), &date, &html(FORM_ERROR, &["remind"])],
    )
}

/// Local date and time from the form, as milliseconds since the epoch.
fn local_ms(date: &str, time: &str) -> Option<i64> {
    if date.is_empty() || !valid_due(date) {
        return None;
    }
    let (h, m) = time.split_once(':')?;
    let (h, m): (i32, i32) = (h.parse().ok()?, m.get(..2)?.parse().ok()?);
    if !(0..24).contains(&h) || !(0..60).contains(&m) {
        return None;
    }
    let n = |r: std::ops::Range<usize>| date[r].parse::<i32>().ok();
    let d = js_sys::Date::new_with_year_month_day_hr_min(
        n(0..4)? as u32,
        n(5..7)? - 1,
        n(8..10)?,
        h,
        m,
    );
    let ms = d.get_time();
    ms.is_finite().then_some(ms as i64)
}

fn download_reminder(st: AppState) {
    let every = match checked("every").as_deref() {
        Some("2weeks") => Every::TwoWeeks,
        Some("month") => Every::Month,
        _ => Every::Week,
    };
    let Some(start_ms) = local_ms(&value("remind-date"), &value("remind-time")) else {
        return invalid("remind", "remind-date", "remind.bad");
    };
    let href = web_sys::window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default();
    let url = format!("{}#/checkin", href.split('#').next().unwrap_or_default());
    let now = now_ms();
    let uid = format!("{}@temper", new_id(now, random()));
    let text = ics(&Reminder {
        start_ms,
        every,
        url: &url,
        summary: &t("remind.summary"),
        description: &t("remind.description"),
        uid: &uid,
        stamp_ms: now,
    });
    match files::download("temper-reminder.ics", "text/calendar", &text) {
        Ok(()) => say(st, "remind.done", false),
        Err(e) => st.say(fill(&t("store.failed"), &[("reason", &e)]), true, None),
    }
}

// ---------------------------------------------------------------- Ledger

/// The energy ledger screen.
#[inline(never)]
pub fn ledger() -> AnyView {
    let st = use_state();
    let d = st.data.get_untracked();
    let balance = week_balance(&d.ledger, now_ms());
    let sign = if balance > 0 { "+" } else { "" };
    let verdict = match balance {
        b if b > 0 => "ledger.week.plus",
        0 => "ledger.week.even",
        _ => "ledger.week.minus",
    };
    let mut rests = html("<option value=\"\">{ledger.rest.none}</option>", &[]);
    rests += &options("rest", RestKind::KEYS);
    let mut body = html(
        "<p>{ledger.intro}</p><h2>{ledger.week}</h2><p class=\"balance\"><strong>{0}</strong> {1}</p>\
         <section class=\"form\"><h2>{ledger.add}</h2>\
         <fieldset><legend>{ledger.flow}</legend>{=2}</fieldset>\
         <p class=\"field\"><label for=\"ledger-area\">{ledger.area}</label><select id=\"ledger-area\">{=3}</select></p>\
         <p class=\"field\"><label for=\"ledger-rest\">{ledger.rest}</label><select id=\"ledger-rest\">{=4}</select></p>\
         <fieldset class=\"inline\"><legend>{ledger.size}</legend>{=5}</fieldset>\
         <fieldset><legend>{ledger.change}</legend>{=6}</fieldset>\
         <p class=\"field\"><label for=\"ledger-what\">{ledger.what}</label><input type=\"text\" id=\"ledger-what\" maxlength=\"{7}\" autocomplete=\"off\"></p>\
         {=8}<p><button type=\"button\" id=\"ledger-add\" data-action=\"add\">{ledger.save}</button></p></section>",
        &[
            &format!("{sign}{balance}"),
            &t(verdict),
            &radios("flow", "ledger.flow", Flow::KEYS, false),
            &options("ledger.area", Area::KEYS),
            &rests,
            &radios("size", "ledger.size", &["1", "2", "3", "4", "5"], false),
            &radios("change", "ledger.change", Changeable::KEYS, false),
            &MAX_WHAT_CHARS.to_string(),
            &html(FORM_ERROR, &["ledger"]),
        ],
    );
    if !d.ledger.is_empty() {
        for (flow, key) in [
            (Flow::Drain, "ledger.topdrains"),
            (Flow::Deposit, "ledger.topdeposits"),
        ] {
            let mut items = String::new();
            for (area, times, size) in most_frequent(&d.ledger, flow).iter().take(3) {
                let line = fill(
                    &t("ledger.top.line"),
                    &[
                        ("kind", &tk("ledger.area", area.key())),
                        ("times", &times.to_string()),
                        ("size", &size.to_string()),
                    ],
                );
                items += &html("<li>{0}</li>", &[&line]);
            }
            if items.is_empty() {
                items = html("<li>{ledger.none}</li>", &[]);
            }
            body += &html("<h2>{0}</h2><ul>{=1}</ul>", &[&t(key), &items]);
        }
        let count = |c: Changeable| {
            let n = d.ledger.iter().filter(|e| e.change == Some(c)).count();
            n.to_string()
        };
        let changeable = fill(
            &t("ledger.changeable"),
            &[
                ("can", &count(Changeable::ICan)),
                ("help", &count(Changeable::NeedHelp)),
                ("cannot", &count(Changeable::Cannot)),
            ],
        );
        let mut rows = String::new();
        for e in d.ledger.iter().rev().take(RECENT) {
            let sign = if e.flow == Flow::Deposit { "+" } else { "−" };
            let mut what = e.what.clone();
            if let Some(c) = e.change {
                if !what.is_empty() {
                    what += " · ";
                }
                what += &tk("ledger.change", c.key());
            }
            let date = fmt_date(e.at);
            rows += &html(
                "<tr><td>{0}</td><td>{1}</td><td>{2}</td><td>{3}</td><td>{4}</td>\
                 <td><button type=\"button\" data-action=\"remove\" data-id=\"{5}\" aria-label=\"{6}\">{plan.remove}</button></td></tr>",
                &[
                    &date,
                    &tk("ledger.flow", e.flow.key()),
                    &tk("ledger.area", e.area.key()),
                    &format!("{sign}{}", e.size),
                    &what,
                    &e.id,
                    &fill(&t("ledger.remove.label"), &[("date", &date)]),
                ],
            );
        }
        body += &html(
            "<p>{0}</p><h2>{ledger.recent}</h2><div class=\"table-wrap\"><table class=\"ledger\"><thead><tr>\
             <th scope=\"col\">{ledger.col.date}</th><th scope=\"col\">{ledger.col.flow}</th><th scope=\"col\">{ledger.area}</th>\
             <th scope=\"col\">{ledger.size}</th><th scope=\"col\">{ledger.what}</th><th scope=\"col\">{ledger.col.actions}</th>\
             </tr></thead><tbody>{=1}</tbody></table></div>",
            &[&changeable, &rows],
        );
    }
    screen("ledger.title", "ledger", &body, move |a, id| {
        ledger_action(st, a, id)
    })
}

fn ledger_action(st: AppState, action: &str, id: &str) {
    match action {
        "add" => {
            let Some(flow) = checked("flow").and_then(|f| Flow::from_key(&f)) else {
                return invalid("ledger", "flow-drain", "ledger.needflow");
            };
            let Some(size) = checked("size").and_then(|s| s.parse::<u8>().ok()) else {
                return invalid("ledger", "size-1", "ledger.needsize");
            };
            let now = now_ms();
            let entry = Entry {
                id: new_id(now, random()),
                at: now,
                flow,
                area: Area::from_key(&value("ledger-area")).unwrap_or(Area::Other),
                rest: RestKind::from_key(&value("ledger-rest")),
                size,
                change: checked("change")
                    .and_then(|c| Changeable::from_key(&c))
                    .filter(|_| flow == Flow::Drain),
                what: value("ledger-what")
                    .trim()
                    .chars()
                    .take(MAX_WHAT_CHARS)
                    .collect(),
            };
            if !entry.is_valid() {
                return invalid("ledger", "size-1", "ledger.needsize");
            }
            st.data.update(|d| d.add_entry(entry));
            refocus("ledger-add");
            say(st, "ledger.added", false);
        }
        "remove" => {
            st.data.update(|d| {
                d.remove_entry(id);
            });
            say(st, "ledger.removed", false);
        }
        _ => return,
    }
    st.persist();
    st.rerender();
}

// ---------------------------------------------------------------- Audit

/// Suggested values (`audit.v.<key>`); the person can also type their own.
const VALUES: [&str; 12] = [
    "family",
    "health",
    "learning",
    "craft",
    "helping",
    "fairness",
    "creativity",
    "friendship",
    "independence",
    "nature",
    "faith",
    "security",
];

/// "Family: gap 7 (rated 3 of 10)", biggest gap first.
fn gap_texts(values: &[(String, u8)]) -> Vec<String> {
    let mut out = vec![];
    for (v, gap) in audit_gaps(values) {
        out.push(fill(
            &t("audit.gap.line"),
            &[
                ("value", &v),
                ("gap", &gap.to_string()),
                ("rating", &(10 - gap).to_string()),
            ],
        ));
    }
    out
}

/// The inner audit screen.
#[inline(never)]
pub fn audit() -> AnyView {
    let st = use_state();
    let d = st.data.get_untracked();
    let saved = d.audit.clone().unwrap_or_default();
    let mut rows = String::new();
    for i in 0..MAX_VALUES {
        let (name, rating) = match saved.values.get(i) {
            Some((v, r)) => (v.clone(), r.to_string()),
            None => (String::new(), String::new()),
        };
        let n = (i + 1).to_string();
        rows += &html(
            "<fieldset class=\"audit-row\"><legend>{0}</legend>\
             <p class=\"field\"><label for=\"value-{1}\">{audit.value}</label><input type=\"text\" id=\"value-{1}\" list=\"audit-values\" maxlength=\"{2}\" autocomplete=\"off\" value=\"{3}\"></p>\
             <p class=\"field\"><label for=\"rating-{1}\">{audit.rating}</label><input type=\"number\" id=\"rating-{1}\" min=\"0\" max=\"10\" step=\"1\" inputmode=\"numeric\" value=\"{4}\"></p></fieldset>",
            &[&fill(&t("audit.value.n"), &[("n", &n)]), &i.to_string(), &MAX_VALUE_CHARS.to_string(), &name, &rating],
        );
    }
    let mut list = String::new();
    for v in VALUES {
        list += &html("<option value=\"{0}\"></option>", &[&tk("audit.v", v)]);
    }
    let mut body = html(
        "<p>{audit.intro}</p><datalist id=\"audit-values\">{=0}</datalist>\
         <section class=\"form\">{=1}{=2}<p><button type=\"button\" id=\"audit-save\" data-action=\"save\">{audit.save}</button></p></section>",
        &[&list, &rows, &html(FORM_ERROR, &["audit"])],
    );
    if let Some(a) = d.audit.as_ref().filter(|a| !a.values.is_empty()) {
        let values = by_id("values").expect("the values strategy is in the library");
        body += &html(
            "<h2>{audit.gaps}</h2><p class=\"fine\">{0}</p><ol>{=1}</ol><p>{audit.next}</p>{=2}",
            &[
                &fill(&t("audit.when"), &[("date", &fmt_date(a.at))]),
                &gap_texts(&a.values)
                    .iter()
                    .map(|l| html("<li>{0}</li>", &[l]))
                    .collect::<String>(),
                &card(values, None, &d),
            ],
        );
    }
    screen("audit.title", "audit", &body, move |a, id| {
        audit_action(st, a, id)
    })
}

fn audit_action(st: AppState, action: &str, id: &str) {
    if action != "save" {
        return plan_action(st, action, id);
    }
    let rows: Vec<(String, String)> = (0..MAX_VALUES)
        .map(|i| (value(&format!("value-{i}")), value(&format!("rating-{i}"))))
        .collect();
    let values = match audit_values(&rows) {
        Ok(values) => values,
        Err(AuditProblem::NeedName(i)) => {
            return invalid("audit", &format!("value-{i}"), "audit.needname")
        }
        Err(AuditProblem::BadRating(i)) => {
            return invalid("audit", &format!("rating-{i}"), "audit.badrating")
        }
    };
    let at = now_ms();
    st.data.update(|d| d.audit = Some(Audit { at, values }));
    refocus("audit-save");
    say(st, "audit.saved", false);
    st.persist();
    st.rerender();
}

// ---------------------------------------------------------------- Report

/// The printable report: latest results, trend, plan, ledger and audit.
#[inline(never)]
pub fn report() -> AnyView {
    let st = use_state();
    let d = st.data.get_untracked();
    let now = now_ms();
    let mut b = vec![
        Block::Fine(fill(&t("report.made"), &[("date", &fmt_date(now))])),
        Block::Strong(t("results.disclaimer")),
    ];
    match d.latest() {
        Some(c) => {
            b.push(Block::H2(fill(
                &t("report.latest"),
                &[("date", &fmt_date(c.at))],
            )));
            b.extend(crate::pages::results::summary(c));
        }
        None => b.push(Block::P(t("plan.nocheckin"))),
    }
    if d.checkins.len() >= 2 {
        b.push(Block::H2(t("report.trend")));
        b.push(Block::Tree(crate::pages::history::trend(&d.checkins)));
    }
    b.push(Block::H2(t("plan.mine")));
    let (done, total) = progress(&d.plan);
    b.push(Block::P(if total == 0 {
        t("plan.empty")
    } else {
        fill(
            &tn("plan.progress", total),
            &[("done", &done.to_string()), ("total", &total.to_string())],
        )
    }));
    let mut steps = vec![];
    for s in &d.plan {
        let mark = if s.done { "☑" } else { "☐" };
        let due = if s.due.is_empty() {
            String::new()
        } else {
            format!(" ({}: {})", t("plan.due"), s.due)
        };
        steps.push(format!("{mark} {}{due}", step_text(&s.id)));
    }
    b.push(Block::List(steps));
    if !d.ledger.is_empty() {
        b.push(Block::H2(t("ledger.week")));
        b.push(Block::P(week_balance(&d.ledger, now).to_string()));
    }
    if let Some(a) = d.audit.as_ref().filter(|a| !a.values.is_empty()) {
        b.push(Block::H2(t("audit.gaps")));
        b.push(Block::List(gap_texts(&a.values)));
    }
    autofocus();
    let mut page = el("div").class("report").child(heading(t("report.title")));
    for block in b {
        page = page.child(to_el(block));
    }
    page = page.child(
        el("p")
            .class("noprint")
            .child(
                el("a")
                    .class("button")
                    .attr("href", "#/plan")
                    .text(t("plan.nav.plan")),
            )
            .text(" ")
            .child(
                el("button")
                    .attr("type", "button")
                    .attr("data-action", "print")
                    .text(t("report.print")),
            ),
    );
    mount(page, |a, _| {
        if a == "print" {
            if let Some(w) = web_sys::window() {
                let _ = w.print();
            }
        }
    })
}

//! "My plan", the energy ledger and the inner audit as stored data: what a
//! person adopts from the strategy library, ticks off and dates; what
//! drains and restores them; and how their week reflects their values.
//!
//! A plan step's id is `<strategy id>.<step number>`, e.g. `boundaries.2`;
//! its text is `strat.<strategy id>.step<n>` in the language tables. A
//! step a person writes themselves has the id `own.<id>` and carries its
//! own text (schema 3).

use crate::ledger::MAX_VALUES;
use crate::strategies::{by_id, Strategy};

/// Longest value name kept in an audit, in characters.
pub const MAX_VALUE_CHARS: usize = 60;

/// Longest text of a step of one's own, in characters.
pub const MAX_OWN_CHARS: usize = 120;
/// The group of steps of one's own: their ids are `own.<id>`.
pub const OWN: &str = "own";

/// Whether a step id names a step of one's own.
pub fn is_own(id: &str) -> bool {
    strategy_of(id) == OWN && id.len() > OWN.len() + 1
}

/// Why a step of one's own was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OwnProblem {
    /// Nothing but spaces.
    Empty,
    /// Longer than [`MAX_OWN_CHARS`].
    TooLong,
}

/// Read a step of one's own as typed: trimmed, inner runs of white space
/// (a pasted line break) made one space, and refused when empty or longer
/// than [`MAX_OWN_CHARS`] (never cut silently).
pub fn own_text(typed: &str) -> Result<String, OwnProblem> {
    let text = typed.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.is_empty() {
        Err(OwnProblem::Empty)
    } else if text.chars().count() > MAX_OWN_CHARS {
        Err(OwnProblem::TooLong)
    } else {
        Ok(text)
    }
}

/// What a plan step says: a step of the library (its text is in the
/// language tables), a person's own words, or an id this version doesn't
/// know (from a newer Temper, shown as such rather than dropped).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum StepText<'a> {
    Library(&'static Strategy, u8),
    Own(&'a str),
    Unknown(&'a str),
}

pub fn step_text(step: &crate::store::PlanStep) -> StepText<'_> {
    if is_own(&step.id) {
        return StepText::Own(&step.text);
    }
    match parse_step(&step.id) {
        Some((s, n)) => StepText::Library(s, n),
        None => StepText::Unknown(&step.id),
    }
}

/// A plan step's id.
pub fn step_id(strategy: &str, n: u8) -> String {
    format!("{strategy}.{n}")
}

/// The strategy part of a step id (`boundaries` for `boundaries.2`).
pub fn strategy_of(id: &str) -> &str {
    id.rsplit_once('.').map_or(id, |(s, _)| s)
}

/// Why an inner audit's form was refused, and in which row (0-based).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AuditProblem {
    /// A rating with no value next to it.
    NeedName(usize),
    /// A value whose rating is missing or not a whole number 0-10.
    BadRating(usize),
}

/// Read the audit form's rows of (value, rating) as typed. Empty rows are
/// skipped over; values are trimmed and cut to [`MAX_VALUE_CHARS`].
pub fn audit_values(rows: &[(String, String)]) -> Result<Vec<(String, u8)>, AuditProblem> {
    let mut out = vec![];
    for (i, (name, rating)) in rows.iter().take(MAX_VALUES).enumerate() {
        let name: String = name.trim().chars().take(MAX_VALUE_CHARS).collect();
        let rating = rating.trim();
        match (name.is_empty(), rating.parse::<u8>()) {
            (true, _) if rating.is_empty() => {}
            (false, Ok(r)) if r <= 10 => out.push((name, r)),
            (true, _) => return Err(AuditProblem::NeedName(i)),
            _ => return Err(AuditProblem::BadRating(i)),
        }
    }
    Ok(out)
}

/// The strategy and step number a step id names, if the library has them.
pub fn parse_step(id: &str) -> Option<(&'static Strategy, u8)> {
    let (s, n) = id.rsplit_once('.')?;
    let s = by_id(s)?;
    let n: u8 = n.parse().ok()?;
    (1..=s.steps).contains(&n).then_some((s, n))
}

/// Whether `due` is empty or a real calendar date `YYYY-MM-DD`.
pub fn valid_due(due: &str) -> bool {
    if due.is_empty() {
        return true;
    }
    let b = due.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return false;
    }
    let num = |r: std::ops::Range<usize>| due.get(r)?.parse::<u32>().ok();
    let (Some(y), Some(m), Some(d)) = (num(0..4), num(5..7), num(8..10)) else {
        return false;
    };
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&d) && y >= 1
}

/// A target date's calendar day (year, month, day), if it has a valid one.
pub fn due_day(due: &str) -> Option<(i32, u32, u32)> {
    if due.is_empty() || !valid_due(due) {
        return None;
    }
    Some((
        due[0..4].parse().ok()?,
        due[5..7].parse().ok()?,
        due[8..10].parse().ok()?,
    ))
}

/// Whether an open step's target date is before `today` (the person's
/// local calendar day). A done step is never late.
pub fn overdue(step: &crate::store::PlanStep, today: (i32, u32, u32)) -> bool {
    !step.done && due_day(&step.due).is_some_and(|d| d < today)
}

#[cfg(test)]
mod own_tests {
    use super::*;
    use crate::store::{load, save, Data, Loaded};

    #[test]
    fn own_text_is_trimmed_and_refused_when_empty_or_too_long() {
        assert_eq!(own_text("  Walk\n at   lunch "), Ok("Walk at lunch".into()));
        assert_eq!(own_text(" \t\n"), Err(OwnProblem::Empty));
        assert_eq!(
            own_text(&"é".repeat(MAX_OWN_CHARS)).map(|t| t.chars().count()),
            Ok(MAX_OWN_CHARS)
        );
        assert_eq!(
            own_text(&"é".repeat(MAX_OWN_CHARS + 1)),
            Err(OwnProblem::TooLong)
        );
        // Text a template would treat specially is only text.
        assert_eq!(own_text("<b>{gap}</b>"), Ok("<b>{gap}</b>".into()));
    }

    #[test]
    fn a_step_of_ones_own_is_kept_done_dated_merged_and_removed_like_any() {
        let mut d = Data::default();
        let id = d.add_own(own_text("Walk at lunch").unwrap(), "x1", 5);
        assert_eq!(id, "own.x1");
        assert!(is_own(&id) && !is_own("own.") && !is_own("boundaries.1") && !is_own("own"));
        assert_eq!(step_text(&d.plan[0]), StepText::Own("Walk at lunch"));
        assert!(d.set_due(&id, "2026-12-31"));
        d.set_done(&id, true);
        assert_eq!(d.plan_progress(), (1, 1));
        // Stored and read back as written.
        let back = load(Some(&save(&d)));
        assert_eq!(back, Loaded::Ok(d.clone()));
        // Another tab's copy brings it, text and all; a removal stays removed.
        let mut other = Data::default();
        other.merge(&d);
        assert_eq!(other.plan, d.plan);
        d.remove_step(&id);
        other.merge(&d);
        assert!(other.plan.is_empty(), "the removal wins");
    }

    #[test]
    fn what_a_step_says() {
        let step = |id: &str| crate::store::PlanStep {
            id: id.into(),
            at: 0,
            done: false,
            due: String::new(),
            text: String::new(),
        };
        assert!(
            matches!(step_text(&step("boundaries.2")), StepText::Library(s, 2) if s.id == "boundaries")
        );
        assert_eq!(
            step_text(&step("boundaries.99")),
            StepText::Unknown("boundaries.99")
        );
        assert_eq!(
            step_text(&step("newer-kind.1")),
            StepText::Unknown("newer-kind.1")
        );
    }
}

#[cfg(test)]
mod due_tests {
    use super::*;
    use crate::store::PlanStep;

    #[test]
    fn a_step_is_late_only_when_open_and_its_date_has_passed() {
        let step = |due: &str, done| PlanStep {
            id: "boundaries.1".into(),
            at: 0,
            done,
            due: due.into(),
            text: String::new(),
        };
        let today = (2026, 12, 1);
        assert!(overdue(&step("2026-11-30", false), today));
        assert!(overdue(&step("2025-12-31", false), today));
        assert!(
            !overdue(&step("2026-12-01", false), today),
            "today is not late"
        );
        assert!(!overdue(&step("2026-12-02", false), today));
        assert!(
            !overdue(&step("2026-11-30", true), today),
            "done is never late"
        );
        assert!(!overdue(&step("", false), today));
        assert!(!overdue(&step("2026-02-30", false), today), "not a date");
        assert_eq!(due_day("2026-12-05"), Some((2026, 12, 5)));
        assert_eq!(due_day("soon"), None);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ledger::Entry;
    use crate::ledger::{Area, Flow};
    use crate::store::{load, save, Loaded};
    use crate::store::{Audit, Data};
    use crate::strategies::STRATEGIES;
    use proptest::prelude::*;

    fn entry(id: &str, at: i64) -> Entry {
        Entry {
            id: id.into(),
            at,
            flow: Flow::Deposit,
            area: Area::Body,
            rest: None,
            size: 2,
            change: None,
            what: "walk".into(),
        }
    }

    #[test]
    fn every_strategy_step_has_a_parseable_id() {
        for s in STRATEGIES {
            for n in 1..=s.steps {
                assert_eq!(parse_step(&step_id(s.id, n)), Some((s, n)));
            }
            assert_eq!(parse_step(&step_id(s.id, s.steps + 1)), None);
            assert_eq!(parse_step(&step_id(s.id, 0)), None);
        }
        assert_eq!(parse_step("nothing.1"), None);
        assert_eq!(parse_step("autonomy"), None);
    }

    #[test]
    fn adopt_tick_date_remove() {
        let s = by_id("boundaries").unwrap();
        let mut d = Data::default();
        d.adopt(s, Some(2), 5);
        assert_eq!(d.plan_progress(), (0, 1));
        d.adopt(s, None, 6);
        assert_eq!(d.plan_progress(), (0, 4));
        assert_eq!(d.plan[0].at, 5, "adopting again keeps the existing step");
        d.set_done("boundaries.2", true);
        assert_eq!(d.plan_progress(), (1, 4));
        assert!(d.set_due("boundaries.1", "2026-12-31"));
        assert!(!d.set_due("boundaries.1", "2026-02-30"));
        assert_eq!(
            d.plan.iter().find(|p| p.id == "boundaries.1").unwrap().due,
            "2026-12-31"
        );
        d.remove_step("boundaries.3");
        assert_eq!(d.plan_progress(), (1, 3));
        // The removal survives a merge with an older copy that still has it.
        let mut older = Data::default();
        older.adopt(s, None, 1);
        d.merge(&older);
        assert!(!d.in_plan("boundaries.3"));
        // Adopting it again on purpose brings it back.
        d.adopt(s, Some(3), 7);
        assert!(d.in_plan("boundaries.3"));
    }

    #[test]
    fn plan_ledger_and_audit_round_trip_through_storage() {
        let mut d = Data::default();
        d.adopt(by_id("learning").unwrap(), None, 10);
        d.set_done("learning.1", true);
        d.set_due("learning.2", "2027-01-15");
        d.add_entry(entry("x1", 20));
        d.audit = Some(Audit {
            at: 30,
            values: vec![("Family".into(), 3), ("Craft".into(), 8)],
        });
        assert_eq!(load(Some(&save(&d))), Loaded::Ok(d));
    }

    #[test]
    fn audit_forms_are_read_or_refused_with_the_row() {
        let row = |a: &str, b: &str| (a.to_string(), b.to_string());
        assert_eq!(
            audit_values(&[row(" Family ", "3"), row("", ""), row("Craft", " 10 ")]),
            Ok(vec![("Family".into(), 3), ("Craft".into(), 10)])
        );
        assert_eq!(
            audit_values(&[row("", "4")]),
            Err(AuditProblem::NeedName(0))
        );
        assert_eq!(
            audit_values(&[row("a", "1"), row("b", "11")]),
            Err(AuditProblem::BadRating(1))
        );
        assert_eq!(
            audit_values(&[row("a", "")]),
            Err(AuditProblem::BadRating(0))
        );
        assert_eq!(
            audit_values(&[row("a", "2.5")]),
            Err(AuditProblem::BadRating(0))
        );
        let long = "x".repeat(MAX_VALUE_CHARS + 5);
        assert_eq!(
            audit_values(&[row(&long, "1")]).unwrap()[0].0.len(),
            MAX_VALUE_CHARS
        );
        assert_eq!(strategy_of("boundaries.2"), "boundaries");
        assert_eq!(strategy_of("odd"), "odd");
    }

    #[test]
    fn dates_are_checked() {
        for ok in ["", "2026-11-22", "2024-02-29", "0001-01-01"] {
            assert!(valid_due(ok), "{ok}");
        }
        for bad in [
            "2026-1-22",
            "2025-02-29",
            "2026-13-01",
            "2026-00-10",
            "abcd-ef-gh",
            "2026-11-31",
            "2026/11/22",
            "2026-11-2é",
        ] {
            assert!(!valid_due(bad), "{bad}");
        }
    }

    #[test]
    fn bad_plan_ledger_or_audit_is_refused() {
        let cases = [
            r#"{"v":2,"data":{"checkins":[],"plan":[{"id":"","at":1}]}}"#,
            r#"{"v":2,"data":{"checkins":[],"plan":[{"id":"a.1","at":1},{"id":"a.1","at":2}]}}"#,
            r#"{"v":2,"data":{"checkins":[],"plan":[{"id":"a.1","at":1,"t":"2026-99-01"}]}}"#,
            r#"{"v":2,"data":{"checkins":[],"ledger":[{"id":"e","at":1,"f":"deposit","k":"body","s":9}]}}"#,
            r#"{"v":2,"data":{"checkins":[],"ledger":[{"id":"e","at":1,"f":"deposit","k":"body","s":2,"c":"can"}]}}"#,
            r#"{"v":2,"data":{"checkins":[],"ledger":[{"id":"e","at":1,"f":"sideways","k":"body","s":2}]}}"#,
            r#"{"v":2,"data":{"checkins":[],"audit":{"at":1,"v":[["Family",11]]}}}"#,
            r#"{"v":2,"data":{"checkins":[],"audit":{"at":1,"v":[["  ",1]]}}}"#,
        ];
        for raw in cases {
            assert!(matches!(load(Some(raw)), Loaded::Corrupt { .. }), "{raw}");
        }
    }

    #[test]
    fn merge_keeps_the_newer_audit_and_unions_ledgers() {
        let mut here = Data::default();
        here.add_entry(entry("a", 1));
        here.audit = Some(Audit {
            at: 5,
            values: vec![("Craft".into(), 4)],
        });
        let mut there = Data::default();
        there.add_entry(entry("b", 2));
        there.audit = Some(Audit {
            at: 9,
            values: vec![("Family".into(), 2)],
        });
        here.remove_entry("a");
        let mut again = Data::default();
        again.add_entry(entry("a", 1));
        here.merge(&there);
        here.merge(&again);
        assert_eq!(
            here.ledger
                .iter()
                .map(|e| e.id.as_str())
                .collect::<Vec<_>>(),
            ["b"]
        );
        assert_eq!(here.audit.unwrap().at, 9);
    }

    proptest! {
        #[test]
        fn progress_never_exceeds_the_plan(ticks in proptest::collection::vec(any::<bool>(), 0..30)) {
            let mut d = Data::default();
            for s in STRATEGIES.iter().take(ticks.len()) {
                d.adopt(s, None, 0);
            }
            let ids: Vec<String> = d.plan.iter().map(|s| s.id.clone()).collect();
            for (id, t) in ids.iter().zip(&ticks) {
                d.set_done(id, *t);
            }
            let (done, total) = d.plan_progress();
            prop_assert!(done <= total);
            prop_assert_eq!(done, ids.iter().zip(&ticks).filter(|(_, t)| **t).count());
        }
    }
}

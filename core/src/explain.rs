//! Plain-language explanation of a result: which of the reasons why rest
//! alone falls short apply, the strongest drivers, the most depleted kinds of
//! rest, and notes tied to the optional role context. Returns data; the shell
//! turns keys into text.

use crate::content::{Dimension, Driver, RestKind, Role, Signal};
use crate::scoring::{Scores, Zone};

/// A driver or rest kind counts as a problem above this (more than
/// "Sometimes" on average).
pub const STRAIN: f64 = crate::scoring::MIDDLE;

/// Why rest by itself often doesn't fix burnout (seed 000's four reasons).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RestReason {
    /// It reaches beyond tiredness, into meaning and sense of control.
    MoreThanFatigue,
    /// The depleted kind of rest isn't the one being taken.
    WrongKindOfRest,
    /// The same conditions are waiting after the break.
    SameEnvironment,
    /// The mind keeps working on time off.
    InnerPressure,
}

impl RestReason {
    pub const ALL: &'static [RestReason] = &[
        RestReason::MoreThanFatigue,
        RestReason::WrongKindOfRest,
        RestReason::SameEnvironment,
        RestReason::InnerPressure,
    ];
    pub const fn key(self) -> &'static str {
        match self {
            RestReason::MoreThanFatigue => "reason.fatigue",
            RestReason::WrongKindOfRest => "reason.wrongrest",
            RestReason::SameEnvironment => "reason.environment",
            RestReason::InnerPressure => "reason.inner",
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Explanation {
    pub zone: Zone,
    /// Only filled when burnout is high: the reasons that apply to this person.
    pub rest_reasons: Vec<RestReason>,
    /// Rust-out is high: more rest can't supply missing challenge.
    pub rustout_rest_note: bool,
    /// Up to three drivers at or above [`STRAIN`], highest first.
    pub top_drivers: Vec<(Driver, f64)>,
    /// Up to three rest kinds at or above [`STRAIN`], most depleted first.
    pub depleted_rest: Vec<(RestKind, f64)>,
    /// Warning signs answered Often or Always.
    pub signals: Vec<Signal>,
    /// Key of a note tied to the role context, if one applies.
    pub role_note: Option<&'static str>,
}

fn strained<K: Copy>(v: &[(K, f64)]) -> Vec<(K, f64)> {
    v.iter()
        .copied()
        .filter(|(_, s)| *s > STRAIN)
        .take(3)
        .collect()
}

/// The explanation of a saved check-in. When every answer is the same,
/// the questions asked the other way round (having a say, support,
/// recognition...) would read as strains nobody reported: no driver or
/// kind of rest is named then, and the results say why (the same answer
/// throughout is pointed out).
pub fn explain_checkin(c: &crate::store::CheckIn) -> Explanation {
    let mut e = explain(&c.scores(), c.role);
    if crate::scoring::same_answer_throughout(&c.answers) {
        e.top_drivers.clear();
        e.depleted_rest.clear();
        e.rest_reasons.retain(|r| *r == RestReason::MoreThanFatigue);
    }
    e
}

pub fn explain(s: &Scores, role: Option<Role>) -> Explanation {
    let zone = s.zone();
    let burnout_high = s.burnout > crate::scoring::MIDDLE;
    let rustout_high = s.rustout > crate::scoring::MIDDLE;
    let top_drivers = strained(&s.drivers);
    let depleted_rest = strained(&s.rest);
    let drv = |d: Driver| s.driver(d).is_some_and(|x| x > STRAIN);
    let dim = |d: Dimension| s.dimension(d).is_some_and(|x| x > STRAIN);
    let mut rest_reasons = Vec::new();
    if burnout_high {
        if dim(Dimension::Cynicism) || dim(Dimension::ReducedEfficacy) {
            rest_reasons.push(RestReason::MoreThanFatigue);
        }
        if !depleted_rest.is_empty() {
            rest_reasons.push(RestReason::WrongKindOfRest);
        }
        if [
            Driver::Workload,
            Driver::Control,
            Driver::Values,
            Driver::Support,
        ]
        .into_iter()
        .any(drv)
        {
            rest_reasons.push(RestReason::SameEnvironment);
        }
        if drv(Driver::SwitchingOff) || drv(Driver::Boundaries) {
            rest_reasons.push(RestReason::InnerPressure);
        }
    }
    let signals = s
        .signals
        .iter()
        .filter(|(_, a)| *a >= 3)
        .map(|(x, _)| *x)
        .collect();
    let role_note = match role {
        Some(Role::Caring) if burnout_high => Some("rolenote.caring"),
        Some(Role::Routine) if rustout_high => Some("rolenote.routine"),
        Some(Role::Caring) => Some("rolenote.caring.low"),
        Some(Role::Routine) => Some("rolenote.routine.low"),
        _ => None,
    };
    Explanation {
        zone,
        rest_reasons,
        rustout_rest_note: rustout_high,
        top_drivers,
        depleted_rest,
        signals,
        role_note,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::Category;
    use crate::scoring::{score, Answers};

    fn answers(f: impl Fn(Category) -> u8) -> Answers {
        crate::content::items_of(crate::content::CONTENT_VERSION)
            .map(|i| (i.id.to_string(), f(i.category)))
            .collect()
    }

    #[test]
    fn burnout_with_strain_everywhere_lists_all_four_reasons() {
        let a = answers(|c| match c {
            Category::Dimension(Dimension::ReducedEfficacy) => 0,
            Category::Dimension(d) if d.index() == crate::content::Index::RustOut => 0,
            Category::Driver(Driver::Control | Driver::Values | Driver::Support)
            | Category::Driver(Driver::Play | Driver::Growth) => 0,
            _ => 4,
        });
        let e = explain(&score(&a), Some(Role::Caring));
        assert_eq!(e.zone, Zone::BurningOut);
        assert_eq!(e.rest_reasons, RestReason::ALL.to_vec());
        assert_eq!(e.top_drivers.len(), 3);
        assert_eq!(e.depleted_rest.len(), 3);
        assert_eq!(e.role_note, Some("rolenote.caring"));
        assert!(e.signals.contains(&Signal::LowMood));
        assert!(!e.rustout_rest_note);
    }

    #[test]
    fn never_to_everything_names_no_driver() {
        let answers = crate::content::items_of(crate::content::CONTENT_VERSION)
            .map(|i| (i.id.to_string(), 0))
            .collect();
        let c =
            crate::store::CheckIn::new("n".into(), 1, crate::content::Mode::Full, answers, None);
        // Scored, "having a say" reads as a strain of 100 ...
        assert!(explain(&c.scores(), None)
            .top_drivers
            .iter()
            .any(|(d, _)| *d == Driver::Control));
        // ... which the explanation of the check-in does not claim.
        let e = explain_checkin(&c);
        assert!(e.top_drivers.is_empty() && e.depleted_rest.is_empty());
    }

    #[test]
    fn calm_profile_gets_no_reasons_and_no_drivers() {
        let a = answers(|c| match c {
            Category::Dimension(Dimension::ReducedEfficacy) => 4,
            Category::Driver(Driver::Control | Driver::Values | Driver::Support)
            | Category::Driver(Driver::Play | Driver::Growth)
            | Category::Driver(Driver::Reward | Driver::Fairness) => 4,
            _ => 0,
        });
        let e = explain(&score(&a), None);
        assert_eq!(e.zone, Zone::InBalance);
        assert!(e.rest_reasons.is_empty() && e.top_drivers.is_empty());
        assert!(e.depleted_rest.is_empty() && e.signals.is_empty());
        assert_eq!(e.role_note, None);
    }

    #[test]
    fn role_changes_explanation_not_scores() {
        let a = answers(|_| 2);
        let s = score(&a);
        let routine = explain(&s, Some(Role::Routine));
        let none = explain(&s, None);
        assert_ne!(routine.role_note, none.role_note);
        assert_eq!(routine.top_drivers, none.top_drivers);
    }
}

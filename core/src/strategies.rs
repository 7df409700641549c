//! The strategy library and the recommendation ranking.
//!
//! Every strategy is data: an id, the family it belongs to, what in a
//! person's result makes it fit, and how many first steps it has. Texts are
//! in the language tables under `strat.<id>.name|what|why|step1..stepN`.

use crate::content::{Category, Dimension, Driver, RestKind, Signal};
use crate::scoring::{display, Scores, Zone};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Family {
    Burnout,
    RustOut,
    /// Helps with either: professional help and the kinds of rest.
    Both,
}

/// Something in a result that makes a strategy fit: a dimension, driver,
/// kind of rest or signal, the same categories questions count toward.
pub type Fit = Category;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Strategy {
    pub id: &'static str,
    pub family: Family,
    pub fits: &'static [Fit],
    /// Number of first steps: texts `strat.<id>.step1` ..= `stepN`.
    pub steps: u8,
}

use Category::{Dimension as Dim, Driver as Dr, Rest as Rs, Signal as Sg};
use Dimension as Dm;

const fn s(id: &'static str, family: Family, fits: &'static [Fit], steps: u8) -> Strategy {
    Strategy {
        id,
        family,
        fits,
        steps,
    }
}

/// Professional help: first whenever "Talk to someone" is prominent.
pub const PROFESSIONAL: &str = "professional";

pub static STRATEGIES: &[Strategy] = &[
    // Burnout (seed 000 and seed 004).
    s("autonomy", Family::Burnout, &[Dr(Driver::Control)], 3),
    s(
        "values",
        Family::Burnout,
        &[Dr(Driver::Values), Dim(Dm::Cynicism)],
        3,
    ),
    s(
        "connection",
        Family::Burnout,
        &[Dr(Driver::Support), Dim(Dm::Cynicism)],
        3,
    ),
    s(
        "boundaries",
        Family::Burnout,
        &[
            Dr(Driver::Boundaries),
            Dr(Driver::SwitchingOff),
            Dr(Driver::Workload),
        ],
        4,
    ),
    s(
        "play",
        Family::Burnout,
        &[Dr(Driver::Play), Dim(Dm::Exhaustion)],
        3,
    ),
    s(
        "systemic",
        Family::Burnout,
        &[
            Dr(Driver::Workload),
            Dr(Driver::Control),
            Dr(Driver::Values),
            Dr(Driver::Reward),
            Dr(Driver::Fairness),
        ],
        3,
    ),
    s(
        "selfcare-body",
        Family::Burnout,
        &[
            Rs(RestKind::Physical),
            Sg(Signal::SleepAppetite),
            Sg(Signal::Illness),
        ],
        3,
    ),
    s(
        "selfcare-meaning",
        Family::Burnout,
        &[Rs(RestKind::Spiritual), Dim(Dm::ReducedEfficacy)],
        2,
    ),
    s(
        "selfcare-mind",
        Family::Burnout,
        &[
            Sg(Signal::LowMood),
            Sg(Signal::Irritability),
            Dim(Dm::Exhaustion),
        ],
        3,
    ),
    s(
        "selfcare-people",
        Family::Burnout,
        &[Rs(RestKind::Social), Dr(Driver::Support)],
        2,
    ),
    s(
        "find-cause",
        Family::Burnout,
        &[
            Dim(Dm::Exhaustion),
            Dim(Dm::Cynicism),
            Dim(Dm::ReducedEfficacy),
        ],
        3,
    ),
    s(
        "help-at-work",
        Family::Burnout,
        &[Dr(Driver::Workload), Dr(Driver::Support)],
        3,
    ),
    // Rust-out (seed 004).
    s(
        "assess-job",
        Family::RustOut,
        &[Dim(Dm::UnderChallenge), Dim(Dm::Boredom)],
        3,
    ),
    s(
        "learning",
        Family::RustOut,
        &[Dr(Driver::Growth), Dim(Dm::UnderChallenge)],
        3,
    ),
    s(
        "creative-work",
        Family::RustOut,
        &[Dr(Driver::Play), Dim(Dm::Boredom)],
        3,
    ),
    s(
        "goals",
        Family::RustOut,
        &[Dim(Dm::Disengagement), Dr(Driver::Growth)],
        3,
    ),
    s(
        "interests",
        Family::RustOut,
        &[Dim(Dm::Boredom), Rs(RestKind::Creative)],
        3,
    ),
    // Both.
    s(
        PROFESSIONAL,
        Family::Both,
        &[
            Sg(Signal::LowMood),
            Sg(Signal::Hopeless),
            Dim(Dm::Exhaustion),
            Dim(Dm::Disengagement),
        ],
        3,
    ),
    s("rest-physical", Family::Both, &[Rs(RestKind::Physical)], 3),
    s("rest-mental", Family::Both, &[Rs(RestKind::Mental)], 3),
    s(
        "rest-emotional",
        Family::Both,
        &[Rs(RestKind::Emotional)],
        2,
    ),
    s("rest-social", Family::Both, &[Rs(RestKind::Social)], 2),
    s("rest-sensory", Family::Both, &[Rs(RestKind::Sensory)], 3),
    s("rest-creative", Family::Both, &[Rs(RestKind::Creative)], 2),
    s(
        "rest-spiritual",
        Family::Both,
        &[Rs(RestKind::Spiritual)],
        2,
    ),
];

pub fn by_id(id: &str) -> Option<&'static Strategy> {
    STRATEGIES.iter().find(|s| s.id == id)
}

/// The rest strategy for a kind of rest.
fn is_rest(s: &Strategy) -> bool {
    s.id.starts_with("rest-")
}

/// One ranked suggestion, with the evidence for "why this is suggested for
/// you": the fit that matched best (its text key is `because.name_key()`)
/// and the person's score on it (0-100, as displayed).
#[derive(Clone, Debug, PartialEq)]
pub struct Recommendation {
    pub strategy: &'static Strategy,
    pub because: Fit,
    pub score: u8,
}

/// The person's 0-100 score on what a fit measures, if they answered it.
fn fit_score(fit: Fit, s: &Scores) -> Option<f64> {
    match fit {
        Category::Dimension(d) => s.dimension(d),
        Category::Driver(d) => s.driver(d),
        Category::Rest(r) => s.rest.iter().find(|(k, _)| *k == r).map(|(_, v)| *v),
        Category::Signal(g) => s.signal(g).map(|a| f64::from(a) * crate::scoring::STEP),
    }
}

/// Rank strategies for a result. Rules, in order:
/// 1. Professional help comes first whenever "Talk to someone" is prominent.
/// 2. A burnout profile gets burnout strategies before rust-out ones; a
///    rust-out profile the reverse; "both at once" and "in balance" mix them
///    by how well they fit.
/// 3. Within that, the better the fit (the person's highest score on what
///    the strategy addresses), the higher.
/// 4. A rest strategy is only suggested for a kind of rest that is depleted
///    (50 or more); other strategies need some fit (25 or more).
/// 5. Ties are broken by the person's own scores on everything the
///    strategies address (the mean of their fits), not by library order.
/// 6. A plan for the whole result: when both indices are 50 or more, or
///    any rust-out dimension is very high, at least one of the top three
///    is a rust-out strategy.
pub fn recommend(s: &Scores) -> Vec<Recommendation> {
    let zone = s.zone();
    let mut out: Vec<(i32, f64, Recommendation)> = STRATEGIES
        .iter()
        .filter_map(|strategy| {
            let (because, best) = strategy
                .fits
                .iter()
                .filter_map(|f| fit_score(*f, s).map(|v| (*f, v)))
                .fold(None, |acc: Option<(Fit, f64)>, (f, v)| match acc {
                    Some((_, b)) if b >= v => acc,
                    _ => Some((f, v)),
                })?;
            // A rest strategy fits from the middle of the scale, any other
            // from one answer step above "Never".
            let needed = if is_rest(strategy) {
                crate::scoring::MIDDLE
            } else {
                crate::scoring::STEP
            };
            let prominent_help = strategy.id == PROFESSIONAL && s.help_first();
            if best < needed && !prominent_help {
                return None;
            }
            let family_boost = match (zone, strategy.family) {
                (Zone::BurningOut, Family::Burnout) | (Zone::RustingOut, Family::RustOut) => 1_000,
                (Zone::BurningOut, Family::RustOut) | (Zone::RustingOut, Family::Burnout) => -1_000,
                _ => 0,
            };
            let help_boost = if prominent_help { 10_000 } else { 0 };
            let rank = help_boost + family_boost + display(best) as i32;
            let scores: Vec<f64> = strategy
                .fits
                .iter()
                .filter_map(|f| fit_score(*f, s))
                .collect();
            let mean = scores.iter().sum::<f64>() / scores.len().max(1) as f64;
            Some((
                rank,
                mean,
                Recommendation {
                    strategy,
                    because,
                    score: display(best),
                },
            ))
        })
        .collect();
    out.sort_by(|a, b| b.0.cmp(&a.0).then(b.1.total_cmp(&a.1)));
    let mut ranked: Vec<Recommendation> = out.into_iter().map(|(_, _, r)| r).collect();
    if needs_rustout(s)
        && !ranked
            .iter()
            .take(3)
            .any(|r| r.strategy.family == Family::RustOut)
    {
        if let Some(i) = ranked
            .iter()
            .position(|r| r.strategy.family == Family::RustOut)
        {
            let r = ranked.remove(i);
            ranked.insert(2.min(ranked.len()), r);
        }
    }
    ranked
}

/// After an inner audit: the values strategy's step that acts on the
/// biggest gap (its earlier steps are the audit itself).
pub const AFTER_AUDIT: (&str, u8) = ("values", 3);

/// The step a result suggests first, with "Add to my plan" beside it: in
/// the order [`recommend`] ranks strategies, the first step not yet in the
/// plan (`in_plan` says which step ids are). None when every recommended
/// step is in the plan already, or nothing is recommended.
pub fn first_step(s: &Scores, in_plan: impl Fn(&str) -> bool) -> Option<(&'static Strategy, u8)> {
    recommend(s).into_iter().find_map(|r| {
        (1..=r.strategy.steps)
            .find(|n| !in_plan(&crate::plan::step_id(r.strategy.id, *n)))
            .map(|n| (r.strategy, n))
    })
}

/// Whether the result calls for a rust-out strategy near the top (rule 6).
pub fn needs_rustout(s: &Scores) -> bool {
    use crate::content::Dimension::{Boredom, Disengagement, UnderChallenge};
    use crate::scoring::{HIGH, MIDDLE};
    (s.burnout >= MIDDLE && s.rustout >= MIDDLE)
        || [Boredom, Disengagement, UnderChallenge]
            .iter()
            .any(|d| s.dimension(*d).is_some_and(|v| v >= HIGH))
}

#[cfg(test)]
mod first_step_tests {
    use super::*;

    #[test]
    fn the_step_after_an_audit_exists() {
        let (id, n) = AFTER_AUDIT;
        let s = by_id(id).expect("the values strategy");
        assert!(n >= 2 && n <= s.steps, "{n} of {}", s.steps);
    }
    use crate::content::ITEMS;
    use crate::scoring::score_in;

    #[test]
    fn the_first_step_is_the_top_strategys_first_one_not_yet_in_the_plan() {
        // "Always" to every burnout question, "Never" elsewhere.
        let answers = ITEMS
            .iter()
            .filter(|i| i.asked_in(crate::content::CONTENT_VERSION))
            .map(|i| {
                let high = matches!(i.category, Category::Dimension(d) if d.index() == crate::content::Index::Burnout)
                    || matches!(i.category, Category::Driver(_));
                let v = match (high, i.reverse) {
                    (true, false) | (false, true) => 4,
                    _ => 0,
                };
                (i.id.to_string(), v)
            })
            .collect();
        let s = score_in(&answers, crate::content::CONTENT_VERSION);
        let top = recommend(&s)[0].strategy;
        assert_eq!(first_step(&s, |_| false), Some((top, 1)));
        let one = crate::plan::step_id(top.id, 1);
        assert_eq!(first_step(&s, |id| id == one), Some((top, 2)));
        // Every step of the top strategy in the plan: the next strategy's.
        let next = recommend(&s)[1].strategy;
        assert_eq!(
            first_step(&s, |id| crate::plan::strategy_of(id) == top.id),
            Some((next, 1))
        );
        assert_eq!(first_step(&s, |_| true), None);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::{Category, Index};
    use crate::scoring::{score, Answers};
    use proptest::prelude::{prop_assert, prop_assert_eq, proptest};

    fn answers(f: impl Fn(Category) -> u8) -> Answers {
        crate::content::items_of(crate::content::CONTENT_VERSION)
            .map(|i| {
                let a = f(i.category);
                (i.id.to_string(), if i.reverse { 4 - a } else { a })
            })
            .collect()
    }

    /// High (about 67, not "very high") on one index, low on the other.
    fn profile(high: Index) -> Scores {
        score(&answers(|c| match c {
            Category::Dimension(Dimension::ReducedEfficacy | Dimension::UnderChallenge)
                if c_index(c) == high =>
            {
                2
            }
            Category::Dimension(_) if c_index(c) == high => 3,
            Category::Dimension(_) => 0,
            Category::Signal(_) => 1,
            _ => 3,
        }))
    }

    fn c_index(c: Category) -> Index {
        match c {
            Category::Dimension(d) => d.index(),
            _ => Index::Burnout,
        }
    }

    fn burnout_profile() -> Scores {
        profile(Index::Burnout)
    }

    fn rustout_profile() -> Scores {
        profile(Index::RustOut)
    }

    #[test]
    fn ids_are_unique_and_every_fit_family_makes_sense() {
        for (n, a) in STRATEGIES.iter().enumerate() {
            assert!(
                STRATEGIES[..n].iter().all(|b| b.id != a.id),
                "duplicate {}",
                a.id
            );
            assert!((2..=4).contains(&a.steps), "{} needs 2-4 steps", a.id);
            assert!(!a.fits.is_empty(), "{} fits nothing", a.id);
        }
        for r in RestKind::ALL {
            assert!(
                by_id(&format!("rest-{}", r.key())).is_some(),
                "no rest strategy for {}",
                r.key()
            );
        }
        assert!(by_id(PROFESSIONAL).is_some());
    }

    #[test]
    fn burnout_profile_never_gets_rust_out_strategies_on_top() {
        let s = burnout_profile();
        assert_eq!(s.zone(), Zone::BurningOut);
        let r = recommend(&s);
        assert!(!r.is_empty());
        let first_rust = r.iter().position(|x| x.strategy.family == Family::RustOut);
        let last_burn = r
            .iter()
            .rposition(|x| x.strategy.family == Family::Burnout)
            .unwrap();
        if let Some(p) = first_rust {
            assert!(
                p > last_burn,
                "{:?}",
                r.iter().map(|x| x.strategy.id).collect::<Vec<_>>()
            );
        }
    }

    #[test]
    fn rust_out_profile_gets_rust_out_strategies_first() {
        let s = rustout_profile();
        assert_eq!(s.zone(), Zone::RustingOut, "{s:?}");
        let r = recommend(&s);
        assert_eq!(r[0].strategy.family, Family::RustOut);
        assert!(
            r.iter()
                .take_while(|x| x.strategy.family != Family::Burnout)
                .count()
                >= 5
        );
    }

    #[test]
    fn professional_help_comes_first_when_flagged() {
        let mut a = answers(|c| match c {
            Category::Dimension(Dimension::Boredom) => 3,
            _ => 1,
        });
        a.insert(crate::content::LOW_MOOD_ITEM.into(), 4);
        let s = score(&a);
        assert!(s.help_first());
        assert_eq!(recommend(&s)[0].strategy.id, PROFESSIONAL);
        assert_ne!(recommend(&burnout_profile())[0].strategy.id, PROFESSIONAL);
    }

    #[test]
    fn rest_strategies_only_for_depleted_rest_and_reasons_cite_scores() {
        let s = burnout_profile(); // every rest item "often" -> 75
        let r = recommend(&s);
        let rest: Vec<_> = r.iter().filter(|x| is_rest(x.strategy)).collect();
        assert_eq!(rest.len(), RestKind::ALL.len());
        assert!(rest.iter().all(|x| x.score == 75));
        let calm = score(&answers(|_| 0));
        assert!(recommend(&calm).iter().all(|x| !is_rest(x.strategy)));
        let autonomy = r.iter().find(|x| x.strategy.id == "autonomy").unwrap();
        assert_eq!(
            (autonomy.because, autonomy.score),
            (Category::Driver(Driver::Control), 75)
        );
        assert_eq!(autonomy.because.name_key(), "drv.control");
    }

    #[test]
    fn both_at_once_gets_a_rust_out_strategy_in_the_top_three() {
        // "Often" to everything: burnout 58, rust-out 75, under-challenge 75.
        let a = crate::content::items_of(crate::content::CONTENT_VERSION)
            .map(|i| (i.id.to_string(), 3))
            .collect();
        let s = score(&a);
        assert_eq!(s.zone(), Zone::Both);
        let r = recommend(&s);
        assert!(r
            .iter()
            .take(3)
            .any(|x| x.strategy.family == Family::RustOut));
    }

    proptest! {
        #[test]
        fn ranking_rules_hold_for_any_answers(a in crate::scoring::tests::any_full_answers()) {
            let s = score(&a);
            let r = recommend(&s);
            if s.help_first() {
                prop_assert_eq!(r[0].strategy.id, PROFESSIONAL);
            }
            if needs_rustout(&s) {
                prop_assert!(r.iter().take(3).any(|x| x.strategy.family == Family::RustOut));
                return Ok(());
            }
            let start = usize::from(s.help_first());
            let (top, other) = match s.zone() {
                Zone::BurningOut => (Family::Burnout, Family::RustOut),
                Zone::RustingOut => (Family::RustOut, Family::Burnout),
                _ => return Ok(()),
            };
            if let Some(first_other) = r[start..].iter().position(|x| x.strategy.family == other) {
                prop_assert!(r[start..][first_other..].iter().all(|x| x.strategy.family != top));
            }
        }
    }
}

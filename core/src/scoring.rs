//! Scoring, exactly as documented in the app and the README:
//! answers 0..=4 are worth 0, 25, 50, 75, 100; reversed items score 100 minus
//! that; a dimension is the mean of its answered items; each index is the mean
//! of its three dimensions. Nothing is rounded here; rounding is for display.

use crate::content::{
    asks_about_mood, item_by_id, Category, Dimension, Driver, Index, Item, Mode, RestKind, Signal,
    CONTENT_VERSION,
};

/// Answers by item id, each 0 (Never) ..= 4 (Always).
pub type Answers = std::collections::BTreeMap<String, u8>;

/// The highest answer on the scale (Always).
pub const MAX_ANSWER: u8 = 4;

/// Points one answer step is worth (Never 0, Rarely 25, ... Always 100).
pub const STEP: f64 = 25.0;
/// The middle of the scale: "Sometimes" to everything. A score counts
/// toward a zone, a profile or a strained driver only when it is above
/// it (more than "Sometimes" on average), so the midpoint never reads as
/// a problem. The zone map's lines are drawn here.
pub const MIDDLE: f64 = 50.0;
/// The band thresholds, the one place they are defined (the Copenhagen
/// Burnout Inventory's convention, used here for Temper's own scores):
/// below `MODERATE` low, from `MODERATE` moderate, from `HIGH` high, and
/// `SEVERE` (100, "Always" to every question) severe. A dimension from
/// `HIGH` up is never averaged away (see `profile`).
pub const MODERATE: f64 = 50.0;
pub const HIGH: f64 = 75.0;
pub const SEVERE: f64 = 100.0;
/// The thresholds as whole scores, for the band lines on charts.
pub const BAND_LINES: [u8; 2] = [MODERATE as u8, HIGH as u8];

/// The 0-100 score of one answer to one item.
pub fn item_score(item: &Item, answer: u8) -> f64 {
    let raw = f64::from(answer.min(MAX_ANSWER)) * STEP;
    if item.reverse {
        100.0 - raw
    } else {
        raw
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Band {
    Low,
    Moderate,
    High,
    Severe,
}

impl Band {
    pub const ALL: [Band; 4] = [Band::Low, Band::Moderate, Band::High, Band::Severe];

    /// Bands are a convention, not clinical cut-offs: 0-49, 50-74, 75-99,
    /// 100.
    pub fn of(score: f64) -> Band {
        if score >= SEVERE {
            Band::Severe
        } else if score >= HIGH {
            Band::High
        } else if score >= MODERATE {
            Band::Moderate
        } else {
            Band::Low
        }
    }
    pub const fn key(self) -> &'static str {
        match self {
            Band::Low => "band.low",
            Band::Moderate => "band.moderate",
            Band::High => "band.high",
            Band::Severe => "band.severe",
        }
    }
}

/// Where a result sits on the stress spectrum.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Zone {
    InBalance,
    BurningOut,
    RustingOut,
    Both,
}

impl Zone {
    /// An index counts when it is above the middle.
    pub fn of(burnout: f64, rustout: f64) -> Zone {
        match (burnout > MIDDLE, rustout > MIDDLE) {
            (false, false) => Zone::InBalance,
            (true, false) => Zone::BurningOut,
            (false, true) => Zone::RustingOut,
            (true, true) => Zone::Both,
        }
    }
    pub const fn key(self) -> &'static str {
        match self {
            Zone::InBalance => "zone.balance",
            Zone::BurningOut => "zone.burnout",
            Zone::RustingOut => "zone.rustout",
            Zone::Both => "zone.both",
        }
    }
}

/// Round a score for display: nearest integer, halves away from zero.
pub fn display(score: f64) -> u8 {
    score.round().clamp(0.0, 100.0) as u8
}

/// Everything the results screen shows, computed from answers alone.
#[derive(Clone, Debug, PartialEq)]
pub struct Scores {
    pub burnout: f64,
    pub rustout: f64,
    /// The dimensions that were answered, in [`Dimension::ALL`] order. A
    /// dimension with no answer is not measured: absent, never 0.
    pub dimensions: Vec<(Dimension, f64)>,
    /// Only the drivers that were answered, highest strain first.
    pub drivers: Vec<(Driver, f64)>,
    /// Only the rest kinds that were answered, most depleted first.
    pub rest: Vec<(RestKind, f64)>,
    /// Raw answers (0..=4) to the signal items that were answered.
    pub signals: Vec<(Signal, u8)>,
}

impl Scores {
    pub fn zone(&self) -> Zone {
        Zone::of(self.burnout, self.rustout)
    }
    pub fn dimension(&self, d: Dimension) -> Option<f64> {
        self.dimensions
            .iter()
            .find(|(x, _)| *x == d)
            .map(|(_, s)| *s)
    }
    /// The dimension figures a check-in of this mode may show: none for a
    /// pulse, whose one question per dimension can't measure a dimension
    /// (its two indices are the figures it gives).
    pub fn figures(&self, mode: Mode) -> &[(Dimension, f64)] {
        match mode {
            Mode::Full => &self.dimensions,
            Mode::Pulse => &[],
        }
    }
    pub fn signal(&self, s: Signal) -> Option<u8> {
        self.signals.iter().find(|(x, _)| *x == s).map(|(_, a)| *a)
    }
    /// Often or Always to the low-mood or the hopelessness question.
    pub fn mood_flag(&self) -> bool {
        [Signal::LowMood, Signal::Hopeless]
            .iter()
            .any(|s| self.signal(*s).is_some_and(|a| a >= 3))
    }
    pub fn driver(&self, d: Driver) -> Option<f64> {
        self.drivers.iter().find(|(x, _)| *x == d).map(|(_, s)| *s)
    }
    /// Professional support leads the plan: either index from high up, or
    /// the low-mood item answered Often or Always.
    pub fn help_first(&self) -> bool {
        self.burnout >= HIGH || self.rustout >= HIGH || self.mood_flag()
    }
    /// "Talk to someone" moves to the top: a burnout index from moderate
    /// up, a rust-out index or any dimension from high up, or the low-mood
    /// item answered Often or Always.
    pub fn talk_prominent(&self) -> bool {
        self.burnout >= MODERATE
            || self.rustout >= HIGH
            || self.dimensions.iter().any(|(_, v)| *v >= HIGH)
            || self.mood_flag()
    }
}

fn mean(values: &[f64]) -> Option<f64> {
    (!values.is_empty()).then(|| values.iter().sum::<f64>() / values.len() as f64)
}

/// Highest score first; ties keep their order. Whatever the key, the sort
/// itself runs on (place, score) pairs: one sort in the build for every
/// kind of key (each instance of a std sort costs about 3 KB of wasm).
pub(crate) fn sorted_desc<K: Copy>(v: Vec<(K, f64)>) -> Vec<(K, f64)> {
    let mut order: Vec<(usize, f64)> = v.iter().map(|(_, s)| *s).enumerate().collect();
    order.sort_by(|a, b| b.1.total_cmp(&a.1));
    order.into_iter().map(|(i, _)| v[i]).collect()
}

/// Score a set of answers. Unknown item ids are ignored; a dimension with no
/// answered items is not measured, and an index is the mean of its
/// measured dimensions (0 if none is: the questionnaire never allows that,
/// and imports refuse it).
pub fn score(answers: &Answers) -> Scores {
    score_in(answers, CONTENT_VERSION)
}

/// Score answers by the questions of content `version`, the rules they
/// were given under: answers to questions that version doesn't ask are
/// ignored, so a check-in keeps exactly the figures it was given.
pub fn score_in(answers: &Answers, version: u32) -> Scores {
    let mut by_cat: Vec<(Category, f64)> = Vec::new();
    let mut signals = Vec::new();
    for (id, &a) in answers {
        let Some(item) = item_by_id(id).filter(|i| i.asked_in(version.min(CONTENT_VERSION))) else {
            continue;
        };
        if let Category::Signal(s) = item.category {
            signals.push((s, a.min(MAX_ANSWER)));
        }
        by_cat.push((item.category, item_score(item, a)));
    }
    let cat_mean = |c: Category| {
        let v: Vec<f64> = by_cat
            .iter()
            .filter(|(k, _)| *k == c)
            .map(|(_, s)| *s)
            .collect();
        mean(&v)
    };
    let dimensions: Vec<(Dimension, f64)> = Dimension::ALL
        .iter()
        .filter_map(|&d| cat_mean(Category::Dimension(d)).map(|s| (d, s)))
        .collect();
    let index = |which: Index| {
        let v: Vec<f64> = dimensions
            .iter()
            .filter(|(d, _)| d.index() == which)
            .map(|(_, s)| *s)
            .collect();
        mean(&v).unwrap_or(0.0)
    };
    let drivers = Driver::ALL
        .iter()
        .filter_map(|&d| cat_mean(Category::Driver(d)).map(|s| (d, s)))
        .collect();
    let rest = RestKind::ALL
        .iter()
        .filter_map(|&r| cat_mean(Category::Rest(r)).map(|s| (r, s)))
        .collect();
    // In the signals' own order (no sort needed: there are five).
    let signals: Vec<(Signal, u8)> = Signal::ALL
        .iter()
        .filter_map(|k| signals.iter().find(|(s, _)| s == k).copied())
        .collect();
    Scores {
        burnout: index(Index::Burnout),
        rustout: index(Index::RustOut),
        dimensions,
        drivers: sorted_desc(drivers),
        rest: sorted_desc(rest),
        signals,
    }
}

/// Whether every answer is the same (and there are enough to tell): worth
/// a gentle word beside the result, since the same answer throughout can
/// mean the questions were not read one by one. Reverse-scored questions
/// make such a result lopsided, too.
pub fn same_answer_throughout(answers: &Answers) -> bool {
    let mut values = answers.values();
    let first = values.next();
    answers.len() >= 5 && values.all(|v| Some(v) == first)
}

/// True when a low-mood or hopelessness answer alone warrants bringing
/// help forward.
pub fn low_mood_flag(answers: &Answers) -> bool {
    answers
        .iter()
        .any(|(id, &a)| a >= 3 && item_by_id(id).is_some_and(asks_about_mood))
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::content::{steps, Mode, Step, LOW_MOOD_ITEM};
    use proptest::prelude::*;

    fn answers_for(mode: Mode, f: impl Fn(&Item) -> u8) -> Answers {
        steps(mode)
            .iter()
            .filter_map(|s| match *s {
                Step::Question(i) => Some((i.id.to_string(), f(i))),
                Step::Context => None,
            })
            .collect()
    }

    fn by_dim(dim_answers: impl Fn(Dimension) -> u8, other: u8) -> Answers {
        answers_for(Mode::Full, |i| match i.category {
            Category::Dimension(d) => dim_answers(d),
            _ => other,
        })
    }

    #[test]
    fn exhausted_cynical_profile_is_burning_out() {
        let a = by_dim(
            |d| match d {
                Dimension::Exhaustion | Dimension::Cynicism => 4,
                Dimension::ReducedEfficacy => 1, // rarely feels effective -> 75
                _ => 1,
            },
            2,
        );
        let s = score(&a);
        assert_eq!(s.zone(), Zone::BurningOut, "{s:?}");
        assert_eq!(s.dimension(Dimension::ReducedEfficacy), Some(75.0));
        assert!((s.burnout - (100.0 + 100.0 + 75.0) / 3.0).abs() < 1e-9);
    }

    #[test]
    fn bored_but_rested_profile_is_rusting_out() {
        let a = by_dim(
            |d| match d {
                Dimension::Boredom | Dimension::Disengagement | Dimension::UnderChallenge => 3,
                Dimension::ReducedEfficacy => 3, // often effective -> 25
                _ => 0,
            },
            0,
        );
        let s = score(&a);
        assert_eq!(s.zone(), Zone::RustingOut, "{s:?}");
        assert_eq!(s.rustout, 75.0);
        assert!(s.rest.iter().all(|(_, r)| *r == 0.0));
    }

    #[test]
    fn mixed_profile_is_both_at_once() {
        let a = by_dim(
            |d| match d {
                Dimension::Exhaustion | Dimension::Boredom | Dimension::UnderChallenge => 4,
                Dimension::ReducedEfficacy => 2,
                _ => 2,
            },
            2,
        );
        let s = score(&a);
        assert_eq!(s.zone(), Zone::Both, "{s:?}");
    }

    #[test]
    fn reverse_scoring_and_known_values() {
        let ef = item_by_id("ef1").unwrap();
        assert_eq!(item_score(ef, 0), 100.0);
        assert_eq!(item_score(ef, 4), 0.0);
        let ex = item_by_id("ex1").unwrap();
        assert_eq!(
            [0, 1, 2, 3, 4].map(|a| item_score(ex, a)),
            [0.0, 25.0, 50.0, 75.0, 100.0]
        );
    }

    #[test]
    fn band_and_zone_boundaries_are_exact() {
        assert_eq!(Band::of(0.0), Band::Low);
        assert_eq!(Band::of(49.999), Band::Low);
        assert_eq!(Band::of(50.0), Band::Moderate);
        assert_eq!(Band::of(74.999), Band::Moderate);
        assert_eq!(Band::of(75.0), Band::High);
        assert_eq!(Band::of(99.999), Band::High);
        assert_eq!(Band::of(100.0), Band::Severe);
        // The middle itself is in balance; just above it is not.
        assert_eq!(Zone::of(50.0, 50.0), Zone::InBalance);
        assert_eq!(Zone::of(50.001, 50.0), Zone::BurningOut);
        assert_eq!(Zone::of(50.0, 50.001), Zone::RustingOut);
        assert_eq!(Zone::of(50.001, 50.001), Zone::Both);
    }

    #[test]
    fn talk_to_someone_rules() {
        // Never exhausted, cynical or bored; always effective.
        let calm = by_dim(
            |d| {
                if d == Dimension::ReducedEfficacy {
                    4
                } else {
                    0
                }
            },
            0,
        );
        assert!(!score(&calm).talk_prominent());
        let mut low = calm.clone();
        low.insert(LOW_MOOD_ITEM.into(), 3);
        assert!(score(&low).talk_prominent());
        assert!(low_mood_flag(&low));
        let very_high = by_dim(
            |d| {
                if d == Dimension::ReducedEfficacy {
                    0
                } else {
                    4
                }
            },
            0,
        );
        assert!(score(&very_high).talk_prominent());
    }

    #[test]
    fn display_rounds_to_nearest() {
        assert_eq!(display(47.916), 48);
        assert_eq!(display(62.5), 63);
        assert_eq!(display(0.0), 0);
        assert_eq!(display(100.0), 100);
    }

    #[test]
    fn pulse_gives_indices_on_same_scale() {
        let a = answers_for(Mode::Pulse, |i| if i.reverse { 0 } else { 4 });
        let s = score(&a);
        assert_eq!((s.burnout, s.rustout), (100.0, 100.0));
        assert!(s.drivers.is_empty() && s.rest.is_empty());
    }

    /// Any complete set of answers to every question.
    fn any_pulse_answers() -> impl Strategy<Value = Answers> {
        proptest::collection::vec(0u8..=4, 7).prop_map(|v| {
            crate::content::items_of(crate::content::CONTENT_VERSION)
                .filter(|i| i.pulse)
                .zip(v)
                .map(|(i, a)| (i.id.to_string(), a))
                .collect()
        })
    }

    #[test]
    fn sometimes_to_everything_reads_as_the_middle_not_as_a_problem() {
        let s = score(&answers_for(Mode::Full, |_| 2));
        assert_eq!((s.burnout, s.rustout), (50.0, 50.0));
        assert_eq!(
            (Band::of(s.burnout), Band::of(s.rustout)),
            (Band::Moderate, Band::Moderate)
        );
        assert_eq!(s.zone(), Zone::InBalance);
        let p = crate::profile::Profile::of(&s);
        assert_eq!(p.headline_key(), "zone.watch");
        let e = crate::explain::explain(&s, None);
        assert!(
            e.top_drivers.is_empty() && e.depleted_rest.is_empty(),
            "{e:?}"
        );
        assert!(same_answer_throughout(&answers_for(Mode::Full, |_| 2)));
    }

    #[test]
    fn never_to_everything_is_low_burnout_with_efficacy_named() {
        let a = answers_for(Mode::Full, |_| 0);
        let s = score(&a);
        assert_eq!(display(s.burnout), 33);
        assert_eq!(Band::of(s.burnout), Band::Low);
        // "Never" to "I do good work" is reduced efficacy at 100: named,
        // and the same answer throughout is pointed out.
        let p = crate::profile::Profile::of(&s);
        assert_eq!(p.very_high[0].0, Dimension::ReducedEfficacy);
        assert!(same_answer_throughout(&a));
    }

    #[test]
    fn help_is_prominent_from_a_moderate_burnout_index_or_a_high_dimension() {
        // "Sometimes" on every dimension: a burnout index of 50.
        let moderate = by_dim(|_| 2, 0);
        assert!(score(&moderate).talk_prominent());
        let one_high = by_dim(
            |d| match d {
                Dimension::Boredom => 3,
                Dimension::ReducedEfficacy => 4,
                _ => 0,
            },
            0,
        );
        let s = score(&one_high);
        assert!(s.burnout < MODERATE && s.rustout < HIGH);
        assert!(s.talk_prominent() && !s.help_first());
    }

    pub(crate) fn any_full_answers() -> impl Strategy<Value = Answers> {
        proptest::collection::vec(
            0u8..=4,
            crate::content::items_of(crate::content::CONTENT_VERSION).count(),
        )
        .prop_map(|v| {
            crate::content::items_of(crate::content::CONTENT_VERSION)
                .zip(v)
                .map(|(i, a)| (i.id.to_string(), a))
                .collect()
        })
    }

    proptest! {
        /// The sorted list behaves exactly like a map from id to answer.
        #[test]
        fn answers_behave_like_a_map(ops in proptest::collection::vec(("[a-e]{1,2}", 0u8..5), 0..40)) {
            let mut ours = Answers::new();
            let mut map = std::collections::BTreeMap::new();
            for (k, v) in &ops {
                prop_assert_eq!(ours.insert(k.clone(), *v), map.insert(k.clone(), *v));
            }
            prop_assert_eq!(ours.len(), map.len());
            prop_assert!(ours.iter().eq(map.iter()));
            for (k, _) in &ops {
                prop_assert_eq!(ours.get(k), map.get(k));
                prop_assert!(ours.contains_key(k));
            }
            prop_assert!(!ours.contains_key("zz"));
        }
    }

    proptest! {
        #[test]
        fn scores_stay_within_0_to_100(a in any_full_answers()) {
            let s = score(&a);
            for v in [s.burnout, s.rustout].into_iter()
                .chain(s.dimensions.iter().map(|d| d.1))
                .chain(s.drivers.iter().map(|d| d.1))
                .chain(s.rest.iter().map(|d| d.1)) {
                prop_assert!((0.0..=100.0).contains(&v));
            }
        }

        #[test]
        fn raising_an_answer_moves_its_dimension_the_right_way(
            a in any_full_answers(), which in 0..24usize
        ) {
            let dim_items: Vec<&Item> = crate::content::items_of(crate::content::CONTENT_VERSION)
                .filter(|i| matches!(i.category, Category::Dimension(_))).collect();
            let item = dim_items[which];
            let Category::Dimension(d) = item.category else { unreachable!() };
            let before = a[item.id];
            prop_assume!(before < MAX_ANSWER);
            let mut raised = a.clone();
            raised.insert(item.id.to_string(), before + 1);
            let (s0, s1) = (score(&a).dimension(d), score(&raised).dimension(d));
            if item.reverse { prop_assert!(s1 <= s0) } else { prop_assert!(s1 >= s0) }
            if item.reverse { prop_assert!(s1 < s0) } else { prop_assert!(s1 > s0) }
        }

        #[test]
        fn a_pulse_never_yields_dimension_figures(a in any_pulse_answers()) {
            let s = score(&a);
            prop_assert!(s.figures(Mode::Pulse).is_empty());
            // Its indices are still there, from the six answers.
            prop_assert_eq!(s.dimensions.len(), 6);
        }

        #[test]
        fn a_full_check_in_yields_all_six(a in any_full_answers()) {
            prop_assert_eq!(score(&a).figures(Mode::Full).len(), 6);
        }

        #[test]
        fn the_same_answer_throughout_is_detected(a in any_full_answers(), v in 0u8..=4) {
            let same: Answers = a.keys().map(|k| (k.clone(), v)).collect();
            prop_assert!(same_answer_throughout(&same));
            let varied = a.values().any(|x| *x != a.values().next().copied().unwrap());
            prop_assert_eq!(same_answer_throughout(&a), !varied);
        }

        #[test]
        fn band_matches_its_definition(x in 0.0f64..=100.0) {
            let expected = if x < 50.0 { Band::Low } else if x < 75.0 { Band::Moderate }
                else if x < 100.0 { Band::High } else { Band::Severe };
            prop_assert_eq!(Band::of(x), expected);
        }
    }
}

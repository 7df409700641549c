//! The pattern of a result, not only its means. Research instruments
//! report burnout's dimensions separately and read profiles from their
//! combination (Leiter and Maslach: engaged, overextended, disengaged,
//! ineffective, burnout); the same idea is applied here to rust-out's
//! three dimensions. The two indices stay, for tracking; the words come
//! from the profile, and a very high dimension is never averaged away.

use crate::content::Dimension;
use crate::scoring::{Scores, Zone, HIGH, MIDDLE, MODERATE};

crate::content::keyed_enum!(
    /// The pattern of burnout's three dimensions.
    BurnoutProfile {
        Engaged => "engaged",
        Overextended => "overextended",
        Disengaged => "disengaged",
        Ineffective => "ineffective",
        Burnout => "burnout",
    }
);

crate::content::keyed_enum!(
    /// The pattern of rust-out's three dimensions.
    RustoutProfile {
        Stimulated => "stimulated",
        Bored => "bored",
        Detached => "detached",
        Underused => "underused",
        RustOut => "rustout",
    }
);

/// A result read as a pattern.
#[derive(Clone, Debug, PartialEq)]
pub struct Profile {
    pub burnout: BurnoutProfile,
    pub rustout: RustoutProfile,
    /// Dimensions at [`HIGH`] or more, highest first: never averaged away.
    pub very_high: Vec<(Dimension, f64)>,
    pub zone: Zone,
    /// Either index from [`MODERATE`] up: the middle, not a problem, but
    /// not quite "in balance" either.
    pub near_middle: bool,
}

impl Profile {
    pub fn of(s: &Scores) -> Profile {
        // A dimension counts toward a profile above the middle.
        let high = |d| s.dimension(d).is_some_and(|v| v > MIDDLE);
        use Dimension::*;
        let burnout = match (high(Exhaustion), high(Cynicism), high(ReducedEfficacy)) {
            (true, true, _) => BurnoutProfile::Burnout,
            (true, false, _) => BurnoutProfile::Overextended,
            (false, true, _) => BurnoutProfile::Disengaged,
            (false, false, true) => BurnoutProfile::Ineffective,
            (false, false, false) => BurnoutProfile::Engaged,
        };
        let rust = [Boredom, Disengagement, UnderChallenge].map(high);
        let rustout = match rust.iter().filter(|h| **h).count() {
            0 => RustoutProfile::Stimulated,
            1 if rust[0] => RustoutProfile::Bored,
            1 if rust[1] => RustoutProfile::Detached,
            1 => RustoutProfile::Underused,
            _ => RustoutProfile::RustOut,
        };
        let very_high = crate::scoring::sorted_desc(
            s.dimensions
                .iter()
                .copied()
                .filter(|(_, v)| *v >= HIGH)
                .collect(),
        );
        Profile {
            burnout,
            rustout,
            very_high,
            zone: s.zone(),
            near_middle: s.burnout >= MODERATE || s.rustout >= MODERATE,
        }
    }

    /// The words for where a result stands: the zone's, except that a
    /// result with a high dimension is never called "in balance", nor one
    /// with an index at the middle or just under it ("worth watching").
    pub fn headline_key(&self) -> &'static str {
        match self.zone {
            Zone::InBalance if !self.very_high.is_empty() => "zone.strained",
            Zone::InBalance if self.near_middle => "zone.watch",
            zone => zone.key(),
        }
    }

    /// The summary's text key (`<headline>.summary`).
    pub fn summary_key(&self) -> String {
        format!("{}.summary", self.headline_key())
    }

    pub fn burnout_key(&self) -> String {
        format!("profile.b.{}", self.burnout.key())
    }

    pub fn rustout_key(&self) -> String {
        format!("profile.r.{}", self.rustout.key())
    }
}

/// Every text key the profiles need.
pub fn profile_keys() -> Vec<String> {
    let mut keys: Vec<String> = [
        "zone.strained",
        "zone.strained.summary",
        "zone.watch",
        "zone.watch.summary",
    ]
    .map(String::from)
    .into();
    for k in BurnoutProfile::KEYS {
        keys.push(format!("profile.b.{k}"));
        keys.push(format!("profile.b.{k}.summary"));
    }
    for k in RustoutProfile::KEYS {
        keys.push(format!("profile.r.{k}"));
        keys.push(format!("profile.r.{k}.summary"));
    }
    keys
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::Category;
    use crate::scoring::{score, Answers};
    use proptest::prelude::*;

    /// Answers giving each dimension's items `levels[d]` (0-4, before
    /// reversal), everything else "Rarely".
    fn answers(levels: [u8; 6]) -> Answers {
        crate::content::items_of(crate::content::CONTENT_VERSION)
            .map(|i| {
                let a = match i.category {
                    Category::Dimension(d) => {
                        let at = Dimension::ALL.iter().position(|x| *x == d).unwrap();
                        let v = levels[at];
                        if i.reverse {
                            4 - v
                        } else {
                            v
                        }
                    }
                    _ => 1,
                };
                (i.id.to_string(), a)
            })
            .collect()
    }

    fn profile(levels: [u8; 6]) -> Profile {
        Profile::of(&score(&answers(levels)))
    }

    #[test]
    fn golden_profiles() {
        use BurnoutProfile as B;
        use RustoutProfile as R;
        // [exhaustion, cynicism, efficacy, boredom, disengagement, under-challenge]
        for (levels, b, r) in [
            ([1, 1, 1, 1, 1, 1], B::Engaged, R::Stimulated),
            ([4, 1, 0, 1, 1, 1], B::Overextended, R::Stimulated),
            ([1, 3, 1, 1, 1, 1], B::Disengaged, R::Stimulated),
            ([1, 1, 3, 1, 1, 1], B::Ineffective, R::Stimulated),
            ([3, 3, 1, 1, 1, 1], B::Burnout, R::Stimulated),
            ([1, 1, 1, 3, 1, 1], B::Engaged, R::Bored),
            ([1, 1, 1, 1, 3, 1], B::Engaged, R::Detached),
            ([1, 1, 1, 1, 1, 3], B::Engaged, R::Underused),
            ([1, 1, 1, 3, 1, 3], B::Engaged, R::RustOut),
        ] {
            let p = profile(levels);
            assert_eq!((p.burnout, p.rustout), (b, r), "{levels:?}");
        }
    }

    #[test]
    fn exhaustion_is_not_averaged_away() {
        // Exhaustion 100, cynicism 25, a strong sense of achievement: the
        // burnout index is 42, below the middle.
        let p = profile([4, 1, 0, 1, 1, 1]);
        assert_eq!(p.zone, Zone::InBalance);
        assert_eq!(p.headline_key(), "zone.strained");
        assert_eq!(p.very_high[0].0, Dimension::Exhaustion);
        assert_eq!(p.burnout, BurnoutProfile::Overextended);
    }

    proptest! {
        #[test]
        fn no_result_with_a_very_high_dimension_is_in_balance(a in crate::scoring::tests::any_full_answers()) {
            let s = score(&a);
            let p = Profile::of(&s);
            let very_high = s.dimensions.iter().any(|(_, v)| *v >= HIGH);
            prop_assert_eq!(very_high, !p.very_high.is_empty());
            if very_high {
                prop_assert_ne!(p.headline_key(), "zone.balance");
                // Highest first.
                prop_assert!(p.very_high.windows(2).all(|w| w[0].1 >= w[1].1));
            }
        }
    }
}

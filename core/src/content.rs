//! The questionnaire as data: every item, the category it counts toward and
//! whether it is reverse-scored. Texts live in the language tables
//! (`crate::i18n`), keyed by the ids defined here, so adding a question means
//! adding one row here and one line per language file.

use std::sync::OnceLock;

/// Bumped whenever an item is added, removed or reworded, and stored with
/// every check-in, which is always scored by the questions of its own
/// version (`scoring::score_in`). A reworded question is a new item with a
/// new id; the old one is kept, retired, so old answers keep their
/// figures. Version 1: the first questionnaire. Version 2: one idea per
/// question (21 rewordings), hopelessness asked on its own, and drivers
/// for recognition and for fairness.
pub const CONTENT_VERSION: u32 = 2;

macro_rules! keyed_enum {
    ($(#[$meta:meta])* $name:ident { $($variant:ident => $key:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum $name { $($variant),+ }
        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];
            /// Every variant's key, in the order of [`Self::ALL`].
            pub const KEYS: &'static [&'static str] = &[$($key),+];
            /// Stable identifier, used in stored data and as a text key.
            pub const fn key(self) -> &'static str {
                match self { $($name::$variant => $key),+ }
            }
            pub fn from_key(key: &str) -> Option<Self> {
                Self::ALL.iter().copied().find(|v| v.key() == key)
            }
        }
    };
}
pub(crate) use keyed_enum;

keyed_enum!(
    /// The six scored dimensions: three of burnout (WHO), three of rust-out.
    Dimension {
        Exhaustion => "exhaustion",
        Cynicism => "cynicism",
        ReducedEfficacy => "efficacy",
        Boredom => "boredom",
        Disengagement => "disengagement",
        UnderChallenge => "underchallenge",
    }
);

keyed_enum!(
    /// Warning signs that are not counted in the indices but drive advice.
    Signal {
        SleepAppetite => "sleep",
        Illness => "illness",
        Irritability => "irritability",
        LowMood => "lowmood",
        Hopeless => "hopeless",
    }
);

keyed_enum!(
    /// Conditions that feed burnout or rust-out, scored 0-100 as strain.
    Driver {
        Workload => "workload",
        Control => "control",
        Values => "values",
        Support => "support",
        Boundaries => "boundaries",
        SwitchingOff => "switchoff",
        Play => "play",
        Growth => "growth",
        Reward => "reward",
        Fairness => "fairness",
    }
);

keyed_enum!(
    /// Kinds of rest; a high score means that kind is depleted.
    RestKind {
        Physical => "physical",
        Mental => "mental",
        Emotional => "emotional",
        Social => "social",
        Sensory => "sensory",
        Creative => "creative",
        Spiritual => "spiritual",
    }
);

keyed_enum!(
    /// Optional context about the kind of role. Changes explanations only.
    Role {
        Caring => "caring",
        Routine => "routine",
        Other => "other",
    }
);

keyed_enum!(
    /// The two questionnaire modes.
    Mode {
        Full => "full",
        Pulse => "pulse",
    }
);

/// Which index a dimension belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Index {
    Burnout,
    RustOut,
}

impl Index {
    /// Text key of the index's name ("Burnout").
    pub const fn name_key(self) -> &'static str {
        match self {
            Index::Burnout => "results.burnout",
            Index::RustOut => "results.rustout",
        }
    }
}

impl Dimension {
    pub const fn index(self) -> Index {
        match self {
            Dimension::Exhaustion | Dimension::Cynicism | Dimension::ReducedEfficacy => {
                Index::Burnout
            }
            _ => Index::RustOut,
        }
    }
}

/// What an item counts toward. Every item has exactly one category.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Category {
    Dimension(Dimension),
    Signal(Signal),
    Driver(Driver),
    Rest(RestKind),
}

impl Category {
    /// Text key of what a high score here means, in plain words (for "why
    /// for you"), e.g. `about.dim.boredom`: "boredom".
    pub fn about_key(self) -> String {
        format!("about.{}", self.name_key())
    }

    /// Text key of the category's name, e.g. `dim.exhaustion`.
    pub fn name_key(self) -> String {
        match self {
            Category::Dimension(d) => format!("dim.{}", d.key()),
            Category::Signal(s) => format!("sig.{}", s.key()),
            Category::Driver(d) => format!("drv.{}", d.key()),
            Category::Rest(r) => format!("rest.{}", r.key()),
        }
    }
}

/// One question. The text is `item.<id>` in every language table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Item {
    pub id: &'static str,
    pub category: Category,
    /// Asked positively; scored as 100 minus the answer's value.
    pub reverse: bool,
    /// Part of the one-minute pulse as well as the full check-in.
    pub pulse: bool,
    /// The content versions that ask it: `from..=to`.
    pub from: u32,
    pub to: u32,
}

impl Item {
    pub const fn asked_in(&self, version: u32) -> bool {
        self.from <= version && version <= self.to
    }
}

const fn asked(
    (from, to): (u32, u32),
    id: &'static str,
    category: Category,
    reverse: bool,
    pulse: bool,
) -> Item {
    Item {
        id,
        category,
        reverse,
        pulse,
        from,
        to,
    }
}

/// Asked in every version.
const fn item(id: &'static str, category: Category, reverse: bool, pulse: bool) -> Item {
    asked((1, u32::MAX), id, category, reverse, pulse)
}

/// Asked in version 1 only (reworded since).
const fn retired(id: &'static str, category: Category, reverse: bool, pulse: bool) -> Item {
    asked((1, 1), id, category, reverse, pulse)
}

/// Asked from version 2.
const fn v2(id: &'static str, category: Category, reverse: bool, pulse: bool) -> Item {
    asked((2, u32::MAX), id, category, reverse, pulse)
}

use Category::{Dimension as D, Driver as Dr, Rest as R, Signal as S};

/// Every question of every version, in the order it is asked; the items
/// of one version are those it [asks](Item::asked_in).
pub static ITEMS: &[Item] = &[
    retired("ex1", D(Dimension::Exhaustion), false, true),
    v2("ex1b", D(Dimension::Exhaustion), false, true),
    item("ex2", D(Dimension::Exhaustion), false, false),
    item("ex3", D(Dimension::Exhaustion), false, false),
    retired("ex4", D(Dimension::Exhaustion), false, false),
    v2("ex4b", D(Dimension::Exhaustion), false, false),
    retired("cy1", D(Dimension::Cynicism), false, true),
    v2("cy1b", D(Dimension::Cynicism), false, true),
    retired("cy2", D(Dimension::Cynicism), false, false),
    v2("cy2b", D(Dimension::Cynicism), false, false),
    item("cy3", D(Dimension::Cynicism), false, false),
    retired("cy4", D(Dimension::Cynicism), false, false),
    v2("cy4b", D(Dimension::Cynicism), false, false),
    item("ef1", D(Dimension::ReducedEfficacy), true, true),
    item("ef2", D(Dimension::ReducedEfficacy), true, false),
    item("ef3", D(Dimension::ReducedEfficacy), true, false),
    retired("ef4", D(Dimension::ReducedEfficacy), true, false),
    v2("ef4b", D(Dimension::ReducedEfficacy), true, false),
    item("bo1", D(Dimension::Boredom), false, true),
    retired("bo2", D(Dimension::Boredom), false, false),
    v2("bo2b", D(Dimension::Boredom), false, false),
    item("bo3", D(Dimension::Boredom), false, false),
    retired("bo4", D(Dimension::Boredom), false, false),
    v2("bo4b", D(Dimension::Boredom), false, false),
    item("di1", D(Dimension::Disengagement), false, true),
    item("di2", D(Dimension::Disengagement), false, false),
    item("di3", D(Dimension::Disengagement), false, false),
    item("di4", D(Dimension::Disengagement), false, false),
    item("uc1", D(Dimension::UnderChallenge), false, true),
    item("uc2", D(Dimension::UnderChallenge), false, false),
    item("uc3", D(Dimension::UnderChallenge), false, false),
    item("uc4", D(Dimension::UnderChallenge), false, false),
    retired("sg1", S(Signal::SleepAppetite), false, false),
    v2("sg1b", S(Signal::SleepAppetite), false, false),
    retired("sg2", S(Signal::Illness), false, false),
    v2("sg2b", S(Signal::Illness), false, false),
    retired("sg3", S(Signal::Irritability), false, false),
    v2("sg3b", S(Signal::Irritability), false, false),
    retired("sg4", S(Signal::LowMood), false, true),
    v2("sg4b", S(Signal::LowMood), false, true),
    v2("sg5", S(Signal::Hopeless), false, false),
    retired("dr1", Dr(Driver::Workload), false, false),
    v2("dr1b", Dr(Driver::Workload), false, false),
    item("dr2", Dr(Driver::Control), true, false),
    item("dr3", Dr(Driver::Values), true, false),
    item("dr4", Dr(Driver::Support), true, false),
    retired("dr5", Dr(Driver::Boundaries), false, false),
    v2("dr5b", Dr(Driver::Boundaries), false, false),
    retired("dr6", Dr(Driver::SwitchingOff), false, false),
    v2("dr6b", Dr(Driver::SwitchingOff), false, false),
    retired("dr7", Dr(Driver::Play), true, false),
    v2("dr7b", Dr(Driver::Play), true, false),
    retired("dr8", Dr(Driver::Growth), true, false),
    v2("dr8b", Dr(Driver::Growth), true, false),
    v2("dr9", Dr(Driver::Reward), true, false),
    v2("dr10", Dr(Driver::Fairness), true, false),
    item("rs1", R(RestKind::Physical), false, false),
    retired("rs2", R(RestKind::Mental), false, false),
    v2("rs2b", R(RestKind::Mental), false, false),
    retired("rs3", R(RestKind::Emotional), false, false),
    v2("rs3b", R(RestKind::Emotional), false, false),
    item("rs4", R(RestKind::Social), false, false),
    item("rs5", R(RestKind::Sensory), false, false),
    retired("rs6", R(RestKind::Creative), false, false),
    v2("rs6b", R(RestKind::Creative), false, false),
    retired("rs7", R(RestKind::Spiritual), false, false),
    v2("rs7b", R(RestKind::Spiritual), false, false),
];

/// The low-mood item of today's questions (also in the pulse).
pub const LOW_MOOD_ITEM: &str = "sg4b";

/// Whether an item asks about low mood or hopelessness: Often or Always
/// to one of them brings help forward at once.
pub fn asks_about_mood(item: &Item) -> bool {
    matches!(
        item.category,
        Category::Signal(Signal::LowMood | Signal::Hopeless)
    )
}

/// Whether this answer should bring up help at once, during the check-in:
/// Often or Always to the low-mood or the hopelessness question.
pub fn calls_for_help_now(item_id: &str, answer: u8) -> bool {
    answer >= 3 && item_by_id(item_id).is_some_and(asks_about_mood)
}

/// An item of any version, by id (ids are never reused).
pub fn item_by_id(id: &str) -> Option<&'static Item> {
    ITEMS.iter().find(|i| i.id == id)
}

/// The items a version asks (a version newer than this build: today's).
pub fn items_of(version: u32) -> impl Iterator<Item = &'static Item> {
    let version = version.min(CONTENT_VERSION);
    ITEMS.iter().filter(move |i| i.asked_in(version))
}

/// The frequency scale every item uses. Index 0..=4 is the stored answer.
pub const SCALE_KEYS: [&str; 5] = ["scale.0", "scale.1", "scale.2", "scale.3", "scale.4"];

/// One screen of the questionnaire.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    Question(&'static Item),
    /// The optional, skippable role question (full check-in only).
    Context,
}

/// The steps of a mode, in order. Built once per mode.
pub fn steps(mode: Mode) -> &'static [Step] {
    static FULL: OnceLock<Vec<Step>> = OnceLock::new();
    static PULSE: OnceLock<Vec<Step>> = OnceLock::new();
    let cell = match mode {
        Mode::Full => &FULL,
        Mode::Pulse => &PULSE,
    };
    cell.get_or_init(|| {
        let mut steps: Vec<Step> = items_of(CONTENT_VERSION)
            .filter(|i| mode == Mode::Full || i.pulse)
            .map(Step::Question)
            .collect();
        if mode == Mode::Full {
            steps.push(Step::Context);
        }
        steps
    })
}

keyed_enum!(
    /// The parts a full check-in is asked in ("Part 2 of 6: Challenge"),
    /// each named by the text `part.<key>`. Which part a step is in
    /// follows from what it counts toward ([`Part::of`]).
    Part {
        Energy => "energy",
        Challenge => "challenge",
        Body => "body",
        Work => "work",
        Rest => "rest",
        Role => "role",
    }
);

impl Part {
    pub fn of(step: Step) -> Part {
        match step {
            Step::Context => Part::Role,
            Step::Question(item) => match item.category {
                Category::Dimension(d) if d.index() == Index::Burnout => Part::Energy,
                Category::Dimension(_) => Part::Challenge,
                Category::Signal(_) => Part::Body,
                Category::Driver(_) => Part::Work,
                Category::Rest(_) => Part::Rest,
            },
        }
    }
}

/// The parts of a mode, in the order they are asked; a pulse is one short
/// run of questions without parts.
pub fn parts(mode: Mode) -> Vec<Part> {
    match mode {
        Mode::Pulse => Vec::new(),
        Mode::Full => {
            let mut parts: Vec<Part> = steps(mode).iter().map(|s| Part::of(*s)).collect();
            parts.dedup();
            parts
        }
    }
}

/// How long a step takes a person on a phone, on average, in seconds:
/// reading a question of about a dozen words and tapping an answer. The
/// check-in's "time left" counts with it; the end-to-end test that clicks
/// through a full check-in checks the same estimate against the words.
pub const SECONDS_PER_STEP: usize = 5;

/// Problems found by [`validate`]. Empty means the content is sound.
pub fn validate() -> Vec<String> {
    let mut problems = Vec::new();
    for (n, a) in ITEMS.iter().enumerate() {
        if a.id.trim().is_empty() {
            problems.push(format!("item {n} has an empty id"));
        }
        if ITEMS[..n].iter().any(|b| b.id == a.id) {
            problems.push(format!("duplicate item id {}", a.id));
        }
    }
    // Each version is a whole questionnaire of its own.
    for v in 1..=CONTENT_VERSION {
        for d in Dimension::ALL {
            let n = items_of(v)
                .filter(|i| i.category == Category::Dimension(*d))
                .count();
            if n < 4 {
                problems.push(format!(
                    "version {v}: dimension {} has {n} items, needs at least 4",
                    d.key()
                ));
            }
            let p = items_of(v)
                .filter(|i| i.pulse && i.category == Category::Dimension(*d))
                .count();
            if p != 1 {
                problems.push(format!(
                    "version {v}: dimension {} has {p} pulse items, needs exactly 1",
                    d.key()
                ));
            }
        }
        let mood = items_of(v)
            .filter(|i| i.pulse && asks_about_mood(i))
            .count();
        if mood != 1 {
            problems.push(format!("version {v}: the pulse needs one mood question"));
        }
    }
    // Today's questions cover every signal, driver and kind of rest.
    let covered = |c: Category| items_of(CONTENT_VERSION).any(|i| i.category == c);
    for s in Signal::ALL {
        if !covered(Category::Signal(*s)) {
            problems.push(format!("signal {} has no item", s.key()));
        }
    }
    for d in Driver::ALL {
        if !covered(Category::Driver(*d)) {
            problems.push(format!("driver {} has no item", d.key()));
        }
    }
    for r in RestKind::ALL {
        if !covered(Category::Rest(*r)) {
            problems.push(format!("rest kind {} has no item", r.key()));
        }
    }
    match item_by_id(LOW_MOOD_ITEM) {
        Some(i)
            if i.pulse
                && i.asked_in(CONTENT_VERSION)
                && i.category == Category::Signal(Signal::LowMood) => {}
        _ => problems.push("the low-mood item must be a pulse item of the low-mood signal".into()),
    }
    // Reduced efficacy is asked positively, so all of its items are reversed.
    for i in ITEMS {
        if i.category == Category::Dimension(Dimension::ReducedEfficacy) && !i.reverse {
            problems.push(format!("efficacy item {} must be reverse-scored", i.id));
        }
    }
    problems
}

#[cfg(test)]
mod part_tests {
    use super::*;

    #[test]
    fn a_full_check_in_comes_in_six_parts_each_asked_in_one_run() {
        let parts = parts(Mode::Full);
        assert_eq!(parts, Part::ALL);
        // One run each: the parts of the steps, deduplicated, are all
        // there is (no part comes back later).
        let runs: usize = 1 + steps(Mode::Full)
            .windows(2)
            .filter(|w| Part::of(w[0]) != Part::of(w[1]))
            .count();
        assert_eq!(runs, parts.len());
        assert!(super::parts(Mode::Pulse).is_empty());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn version_1_is_exactly_the_first_questionnaire() {
        let v1: Vec<&str> = items_of(1).map(|i| i.id).collect();
        assert_eq!(v1.len(), 43);
        assert!(v1.contains(&"sg4") && !v1.contains(&"sg4b") && !v1.contains(&"sg5"));
        assert_eq!(items_of(2).count(), 46);
        // A version newer than this build reads as today's.
        assert_eq!(items_of(9).count(), 46);
        assert!(calls_for_help_now("sg5", 3) && calls_for_help_now("sg4", 4));
        assert!(!calls_for_help_now("sg5", 2) && !calls_for_help_now("ex1b", 4));
    }

    #[test]
    fn content_passes_validation() {
        assert_eq!(validate(), Vec::<String>::new());
    }

    #[test]
    fn keys_round_trip() {
        assert_eq!(RestKind::KEYS.len(), RestKind::ALL.len());
        for (k, v) in RestKind::KEYS.iter().zip(RestKind::ALL) {
            assert_eq!(v.key(), *k);
        }
        for d in Dimension::ALL {
            assert_eq!(Dimension::from_key(d.key()), Some(*d));
        }
        assert_eq!(Mode::from_key("pulse"), Some(Mode::Pulse));
        assert_eq!(Mode::from_key("nope"), None);
    }

    #[test]
    fn pulse_is_six_dimensions_plus_low_mood() {
        let s = steps(Mode::Pulse);
        assert_eq!(s.len(), 7);
        assert!(s.contains(&Step::Question(item_by_id(LOW_MOOD_ITEM).unwrap())));
        assert!(!s.contains(&Step::Context));
    }

    #[test]
    fn full_covers_every_item_then_context() {
        let s = steps(Mode::Full);
        assert_eq!(s.len(), items_of(CONTENT_VERSION).count() + 1);
        assert_eq!(s.last(), Some(&Step::Context));
    }
}

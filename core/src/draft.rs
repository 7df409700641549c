//! The check-in in progress and the questionnaire's step rules: which step
//! comes next, what must be answered, when it is complete. Stored under
//! `temper.draft` in the check-in format (one parser for both).

use crate::content::{
    calls_for_help_now, item_by_id, parts, steps, Mode, Part, Role, Step, CONTENT_VERSION,
    SECONDS_PER_STEP,
};
use crate::scoring::{Answers, MAX_ANSWER};
use crate::store::{checkin_from_json, checkin_to_json, is_sealed, CheckIn};

/// A check-in in progress, saved on every answer so a reload loses nothing.
#[derive(Clone, Debug, PartialEq)]
pub struct Draft {
    pub mode: Mode,
    pub step: usize,
    pub answers: Answers,
    pub role: Option<Role>,
    /// The id its check-in was given when finishing it was first tried:
    /// if that save failed and the person finishes again, the same
    /// check-in is saved, not a second copy. Stored as the draft's id
    /// (`draft` until then).
    pub id: Option<String>,
}
/// What is stored under `temper.draft`.
#[derive(Clone, Debug, PartialEq)]
pub enum StoredDraft {
    /// A readable check-in in progress.
    Plain(Draft),
    /// Encrypted (the passphrase lock is on): decrypt, then
    /// [`Draft::from_json`].
    Sealed,
    /// Not a draft this version can resume; it is not resumed.
    Unusable,
}

/// What pressing Next did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Advance {
    /// Moved to the next step.
    Moved,
    /// The current question has no answer yet; nothing changed.
    Unanswered,
    /// The last step is done: the draft can be turned into a check-in.
    Complete,
}

impl Draft {
    pub fn new(mode: Mode) -> Self {
        Draft {
            mode,
            step: 0,
            answers: Answers::new(),
            role: None,
            id: None,
        }
    }
    /// Stored in the check-in format (one parser for both): the answers so
    /// far, with id "draft". The position is not stored; a resumed draft
    /// opens at its first unanswered question.
    pub fn to_json(&self) -> String {
        let c = CheckIn::new(
            self.id.clone().unwrap_or_else(|| "draft".into()),
            0,
            self.mode,
            self.answers.clone(),
            self.role,
        );
        checkin_to_json(&c)
    }
    /// An unreadable draft, or one with answers that are not on the scale
    /// or not current questions, is simply not resumed.
    pub fn from_json(raw: &str) -> Option<Draft> {
        let mut c = checkin_from_json(raw)?;
        let ok = c
            .answers
            .iter()
            .all(|(id, a)| *a <= MAX_ANSWER && item_by_id(id).is_some());
        // A draft started before the questions changed keeps the answers
        // to questions still asked; a reworded one is asked again.
        c.answers = std::mem::take(&mut c.answers)
            .into_iter()
            .filter(|(id, _)| item_by_id(id).is_some_and(|i| i.asked_in(CONTENT_VERSION)))
            .collect();
        let all = steps(c.mode);
        let step = all
            .iter()
            .position(|s| matches!(s, Step::Question(i) if !c.answers.contains_key(i.id)))
            .unwrap_or(all.len() - 1);
        let id = (c.id != "draft").then(|| c.id.clone());
        ok.then_some(Draft {
            id,
            mode: c.mode,
            step,
            answers: c.answers,
            role: c.role,
        })
    }
    /// Read what `temper.draft` holds. With the lock on it is a sealed
    /// envelope (the same form as [`sealed`]; `ct` decrypts to
    /// [`to_json`](Self::to_json)'s text), which only the held key can open.
    pub fn read_stored(raw: &str) -> StoredDraft {
        if is_sealed(raw) {
            return StoredDraft::Sealed;
        }
        match Draft::from_json(raw) {
            Some(d) => StoredDraft::Plain(d),
            None => StoredDraft::Unusable,
        }
    }
    pub fn total(&self) -> usize {
        steps(self.mode).len()
    }
    pub fn current(&self) -> Step {
        steps(self.mode)[self.step.min(self.total() - 1)]
    }
    pub fn is_last(&self) -> bool {
        self.step + 1 >= self.total()
    }
    /// The answer to a question step, 0..=4.
    pub fn answer_of(&self, item_id: &str) -> Option<u8> {
        self.answers.get(item_id).copied()
    }
    pub fn answer(&mut self, item_id: &str, value: u8) {
        if value <= MAX_ANSWER && item_by_id(item_id).is_some() {
            self.answers.insert(item_id.to_string(), value);
        }
    }
    /// Next: questions must be answered; the context step is optional.
    pub fn advance(&mut self) -> Advance {
        if let Step::Question(item) = self.current() {
            if !self.answers.contains_key(item.id) {
                return Advance::Unanswered;
            }
        }
        if self.is_last() {
            Advance::Complete
        } else {
            self.step += 1;
            Advance::Moved
        }
    }
    /// Choose answer `value` (0..=4; for the role question, its place in
    /// [`Role::ALL`]) at `step`. With `go` (a tap or a number key, not an
    /// arrow key moving through the options) the check-in moves on by
    /// itself, except from the last step (the person presses "See
    /// results") and after an answer that brings up help (it stays in
    /// view). Returns whether it moved. A step that is no longer the
    /// current one (an event arriving late) changes nothing.
    pub fn choose(&mut self, step: Step, value: u8, go: bool) -> bool {
        if step != self.current() {
            return false;
        }
        match step {
            Step::Question(item) => {
                if value > MAX_ANSWER {
                    return false;
                }
                self.answer(item.id, value);
                if calls_for_help_now(item.id, value) {
                    return false;
                }
            }
            Step::Context => match Role::ALL.get(usize::from(value)) {
                Some(r) => self.role = Some(*r),
                None => return false,
            },
        }
        go && !self.is_last() && self.advance() == Advance::Moved
    }
    /// "Part 2 of 6" and that part, for a full check-in.
    pub fn part(&self) -> Option<(usize, usize, Part)> {
        let parts = parts(self.mode);
        let part = Part::of(self.current());
        let n = parts.iter().position(|p| *p == part)?;
        Some((n + 1, parts.len(), part))
    }
    /// About how many minutes are left, counting this step (at least 1).
    pub fn minutes_left(&self) -> usize {
        let steps = self.total() - self.step.min(self.total() - 1);
        (steps * SECONDS_PER_STEP).div_ceil(60).max(1)
    }
    /// Back; false on the first step.
    pub fn back(&mut self) -> bool {
        let moved = self.step > 0;
        self.step = self.step.saturating_sub(1);
        moved
    }
    /// Every question of the mode answered.
    pub fn is_complete(&self) -> bool {
        steps(self.mode).iter().all(|s| match s {
            Step::Question(i) => self.answers.contains_key(i.id),
            Step::Context => true,
        })
    }
    /// Turn a complete draft into a check-in to save.
    /// `id` is used unless the draft already has one (a failed save).
    pub fn finish(&mut self, id: String, at: i64) -> Option<CheckIn> {
        if !self.is_complete() {
            return None;
        }
        let id = self.id.get_or_insert(id).clone();
        Some(CheckIn::new(
            id,
            at,
            self.mode,
            self.answers.clone(),
            self.role,
        ))
    }
}

/// A check-in id: the time in base 36 plus random bits, so ids from two tabs
/// or two devices don't collide.
pub fn new_id(at_ms: i64, random: u32) -> String {
    fn base36(mut n: u64) -> String {
        let digits = b"0123456789abcdefghijklmnopqrstuvwxyz";
        let mut out = String::new();
        loop {
            out.insert(0, char::from(digits[(n % 36) as usize]));
            n /= 36;
            if n == 0 {
                break;
            }
        }
        out
    }
    format!(
        "{}-{}",
        base36(at_ms.max(0) as u64),
        base36(u64::from(random))
    )
}

#[cfg(test)]
mod choose_tests {
    use super::*;
    use crate::content::LOW_MOOD_ITEM;

    #[test]
    fn a_tap_answers_and_moves_on_an_arrow_key_only_answers() {
        let mut d = Draft::new(Mode::Pulse);
        let first = d.current();
        assert!(!d.choose(first, 2, false));
        assert_eq!((d.step, d.answers.len()), (0, 1));
        assert!(d.choose(first, 3, true));
        assert_eq!(d.step, 1);
        let Step::Question(item) = first else {
            panic!()
        };
        assert_eq!(d.answer_of(item.id), Some(3));
        // A late event for the step just left changes nothing.
        assert!(!d.choose(first, 0, true));
        assert_eq!((d.step, d.answer_of(item.id)), (1, Some(3)));
        // Out of range: nothing.
        let second = d.current();
        assert!(!d.choose(second, 9, true));
        assert_eq!((d.step, d.answers.len()), (1, 1));
    }

    #[test]
    fn it_stays_on_the_last_step_and_where_an_answer_brings_up_help() {
        let mut d = Draft::new(Mode::Pulse);
        while !d.is_last() {
            let step = d.current();
            let help = matches!(step, Step::Question(i) if i.id == LOW_MOOD_ITEM);
            if help {
                // Often: help comes up, the check-in waits.
                assert!(!d.choose(step, 3, true));
                assert_eq!(d.current(), step);
            }
            assert!(d.choose(step, 1, true), "{step:?}");
        }
        let last = d.current();
        assert!(!d.choose(last, 1, true));
        assert_eq!(d.current(), last);
        assert!(d.is_complete());
        // The role question of a full check-in is last too, and chosen by
        // its place.
        let mut f = Draft::new(Mode::Full);
        f.step = f.total() - 1;
        assert!(!f.choose(Step::Context, 1, true));
        assert_eq!(f.role, Some(Role::ALL[1]));
        assert!(!f.choose(Step::Context, 7, true));
        assert_eq!(f.role, Some(Role::ALL[1]));
    }

    #[test]
    fn parts_and_minutes_left_count_down() {
        let mut f = Draft::new(Mode::Full);
        assert_eq!(f.part(), Some((1, 6, Part::Energy)));
        assert_eq!(
            f.minutes_left(),
            (f.total() * SECONDS_PER_STEP).div_ceil(60)
        );
        f.step = f.total() - 1;
        assert_eq!(f.part(), Some((6, 6, Part::Role)));
        assert_eq!(f.minutes_left(), 1);
        let p = Draft::new(Mode::Pulse);
        assert_eq!(p.part(), None);
        assert_eq!(p.minutes_left(), 1);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::sealed;

    #[test]
    fn finishing_again_after_a_failed_save_gives_the_same_checkin() {
        let mut d = Draft::new(Mode::Pulse);
        for s in steps(Mode::Pulse) {
            if let Step::Question(i) = s {
                d.answer(i.id, 2);
            }
        }
        let first = d.finish("first-id".into(), 10).unwrap();
        // The save failed: the draft is kept (and stored), then finished again.
        let mut again = Draft::from_json(&d.to_json()).unwrap();
        let second = again.finish("other-id".into(), 20).unwrap();
        assert_eq!(
            (first.id.as_str(), second.id.as_str()),
            ("first-id", "first-id")
        );
        let mut data = crate::store::Data::default();
        data.upsert(first);
        data.upsert(second);
        assert_eq!(data.checkins.len(), 1);
    }

    #[test]
    fn drafts_round_trip_and_resume_at_the_first_unanswered_question() {
        let mut d = Draft::new(Mode::Pulse);
        d.answers.insert("ex1b".into(), 3);
        d.step = 1;
        assert_eq!(Draft::from_json(&d.to_json()), Some(d.clone()));
        // Went back to the first question, then reloaded: resume where work is left.
        d.step = 0;
        assert_eq!(Draft::from_json(&d.to_json()).unwrap().step, 1);
        // Everything answered in a full check-in: resume at the context step.
        let mut full = Draft::new(Mode::Full);
        for i in crate::content::items_of(crate::content::CONTENT_VERSION) {
            full.answer(i.id, 1);
        }
        let back = Draft::from_json(&full.to_json()).unwrap();
        assert_eq!(back.current(), Step::Context);
        assert_eq!(Draft::from_json("garbage"), None);
        let bad = d.to_json().replace("\"ex1b\":3", "\"ex1b\":8");
        assert_eq!(Draft::from_json(&bad), None);
        // Started before the questions changed: the reworded ex1 is asked
        // again, the unchanged cy3 is kept.
        let old = r#"{"id":"draft","at":1,"m":"full","cv":1,"a":{"ex1":3,"ex2":2}}"#;
        let resumed = Draft::from_json(old).unwrap();
        assert_eq!(resumed.answers.keys().collect::<Vec<_>>(), ["ex2"]);
        assert_eq!(resumed.step, 0);
    }

    #[test]
    fn stored_drafts_are_plain_sealed_or_unusable() {
        let mut d = Draft::new(Mode::Pulse);
        d.answer("ex1b", 3);
        let resumed = Draft::from_json(&d.to_json()).unwrap();
        assert_eq!(
            Draft::read_stored(&d.to_json()),
            StoredDraft::Plain(resumed)
        );
        let inner = r#"{"alg":"AES-GCM","kdf":"PBKDF2-SHA256","iter":600000,"salt":"c2FsdA==","iv":"aXY=","ct":"Y3Q="}"#;
        let text = sealed(inner).unwrap();
        assert_eq!(Draft::read_stored(&text), StoredDraft::Sealed);
        // A sealed envelope with a weak key derivation is not a sealed draft.
        let weak = text.replace("600000", "1000");
        assert_eq!(Draft::read_stored(&weak), StoredDraft::Unusable);
        for bad in ["", "garbage", "{}", "{\"v\":2,\"data\":{}}"] {
            assert_eq!(Draft::read_stored(bad), StoredDraft::Unusable, "{bad}");
        }
    }

    #[test]
    fn draft_walks_forward_only_when_answered() {
        let mut d = Draft::new(Mode::Pulse);
        assert_eq!(d.advance(), Advance::Unanswered);
        assert_eq!(d.step, 0);
        assert!(!d.back());
        let Step::Question(first) = d.current() else {
            panic!()
        };
        d.answer(first.id, 9); // off the scale: ignored
        assert_eq!(d.advance(), Advance::Unanswered);
        d.answer(first.id, 3);
        assert_eq!(d.advance(), Advance::Moved);
        assert!(d.back());
        assert_eq!(d.answer_of(first.id), Some(3));
        assert!(d.finish("x".into(), 1).is_none());
        while d.advance() != Advance::Complete {
            let Step::Question(i) = d.current() else {
                panic!()
            };
            d.answer(i.id, 1);
        }
        let c = d.finish("x".into(), 1).unwrap();
        assert_eq!(c.answers.len(), 7);
        assert_eq!(c.mode, Mode::Pulse);
    }

    #[test]
    fn context_step_is_skippable() {
        let mut d = Draft::new(Mode::Full);
        for i in crate::content::items_of(crate::content::CONTENT_VERSION) {
            d.answer(i.id, 2);
        }
        d.step = d.total() - 1;
        assert_eq!(d.current(), Step::Context);
        assert_eq!(d.advance(), Advance::Complete);
        assert!(d.finish("y".into(), 5).unwrap().role.is_none());
    }

    #[test]
    fn ids_are_distinct_and_short() {
        let a = new_id(1_763_800_000_000, 7);
        assert_ne!(a, new_id(1_763_800_000_000, 8));
        assert!(a.len() <= 16, "{a}");
        assert_eq!(new_id(0, 0), "0-0");
    }
}

//! What loaded or imported data must satisfy. Every check is linear (ids
//! are checked for duplicates with a set), so a 5 MB file is checked in
//! well under a second.

use super::{Data, MAX_NOTE_CHARS};
use crate::content::{item_by_id, CONTENT_VERSION};
use crate::ledger::MAX_VALUES;
use crate::plan::{is_own, valid_due, MAX_OWN_CHARS, MAX_VALUE_CHARS};
use crate::reason::{Reason, Why};
use crate::scoring::MAX_ANSWER;
use std::collections::HashSet;

fn truncate(s: &str, n: usize) -> String {
    s.chars().take(n).collect()
}

fn bad(why: Why, item: Reason) -> Result<(), Reason> {
    Err(Reason::new(why).about(item))
}

/// Latest time a stored item may carry: 9999-12-31.
const LAST_MS: i64 = 253_402_300_799_000;

/// Check everything a loaded or imported file must satisfy.
pub fn validate(data: &Data) -> Result<(), Reason> {
    let mut seen = HashSet::with_capacity(data.checkins.len());
    for (n, c) in data.checkins.iter().enumerate() {
        let which = || Reason::check_in(n, &c.id);
        if c.id.is_empty() || c.id.len() > 64 {
            return bad(Why::IdLength, which());
        }
        if !seen.insert(c.id.as_str()) {
            return bad(Why::Twice, which());
        }
        if c.answers.is_empty() || c.answers.len() > 200 {
            return Err(Reason::new(Why::AnswerCount)
                .about(which())
                .with("count", c.answers.len()));
        }
        for (id, a) in &c.answers {
            if *a > MAX_ANSWER {
                return Err(Reason::new(Why::OffScale)
                    .about(which())
                    .with("answer", a)
                    .with("question", truncate(id, 40)));
            }
            // A version this build knows asks only its own questions.
            let known = c.content_version <= CONTENT_VERSION;
            if known && !item_by_id(id).is_some_and(|i| i.asked_in(c.content_version)) {
                return Err(Reason::new(Why::UnknownQuestion)
                    .about(which())
                    .with("question", truncate(id, 40)));
            }
        }
        if c.note.chars().count() > MAX_NOTE_CHARS {
            return Err(Reason::new(Why::LongNote)
                .about(which())
                .with("max", MAX_NOTE_CHARS));
        }
        if !(0..=LAST_MS).contains(&c.at) {
            return bad(Why::DateRange, which());
        }
    }
    let mut seen = HashSet::with_capacity(data.plan.len());
    for (n, s) in data.plan.iter().enumerate() {
        let which = || Reason::nth(Why::PlanStep, n);
        if s.id.is_empty() || s.id.len() > 64 || !s.id.contains('.') {
            return bad(Why::Invalid, which());
        }
        if !seen.insert(s.id.as_str()) {
            return bad(Why::Twice, which());
        }
        if !valid_due(&s.due) {
            return bad(Why::BadDue, which());
        }
        // Only a step of one's own has a text of its own, and it always has one.
        if is_own(&s.id) {
            if s.text.trim().is_empty() || s.text.chars().count() > MAX_OWN_CHARS {
                return Err(Reason::new(Why::OwnText)
                    .about(which())
                    .with("max", MAX_OWN_CHARS));
            }
        } else if !s.text.is_empty() {
            return bad(Why::Invalid, which());
        }
    }
    let mut seen = HashSet::with_capacity(data.ledger.len());
    for (n, e) in data.ledger.iter().enumerate() {
        if e.id.is_empty() || e.id.len() > 64 || !e.is_valid() {
            return bad(Why::Invalid, Reason::nth(Why::LedgerEntry, n));
        }
        if !seen.insert(e.id.as_str()) {
            return bad(Why::Twice, Reason::nth(Why::LedgerEntry, n));
        }
    }
    if let Some(a) = &data.audit {
        let bad = a.values.len() > MAX_VALUES
            || a.values.iter().any(|(v, r)| {
                *r > 10 || v.trim().is_empty() || v.chars().count() > MAX_VALUE_CHARS
            });
        if bad {
            return Err(Reason::new(Why::BadAudit));
        }
    }
    Ok(())
}

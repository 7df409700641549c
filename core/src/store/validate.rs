//! What loaded or imported data must satisfy. Every check is linear (ids
//! are checked for duplicates with a set), so a 5 MB file is checked in
//! well under a second.

use super::{Data, MAX_NOTE_CHARS};
use crate::content::{item_by_id, CONTENT_VERSION};
use crate::ledger::MAX_VALUES;
use crate::plan::{valid_due, MAX_VALUE_CHARS};
use crate::scoring::MAX_ANSWER;
use std::collections::HashSet;

fn truncate(s: &str, n: usize) -> String {
    s.chars().take(n).collect()
}

/// Latest time a stored item may carry: 9999-12-31.
const LAST_MS: i64 = 253_402_300_799_000;

/// Check everything a loaded or imported file must satisfy.
pub fn validate(data: &Data) -> Result<(), String> {
    let mut seen = HashSet::with_capacity(data.checkins.len());
    for (n, c) in data.checkins.iter().enumerate() {
        let which = || format!("check-in {} (\"{}\")", n + 1, truncate(&c.id, 40));
        if c.id.is_empty() || c.id.len() > 64 {
            return Err(format!("{} has an id of bad length", which()));
        }
        if !seen.insert(c.id.as_str()) {
            return Err(format!("{} appears twice", which()));
        }
        if c.answers.is_empty() || c.answers.len() > 200 {
            return Err(format!("{} has {} answers", which(), c.answers.len()));
        }
        for (id, a) in &c.answers {
            if *a > MAX_ANSWER {
                return Err(format!(
                    "{}: answer {a} to \"{}\" is off the 0-4 scale",
                    which(),
                    truncate(id, 40)
                ));
            }
            if c.content_version == CONTENT_VERSION && item_by_id(id).is_none() {
                return Err(format!(
                    "{}: unknown question \"{}\"",
                    which(),
                    truncate(id, 40)
                ));
            }
        }
        if c.note.chars().count() > MAX_NOTE_CHARS {
            return Err(format!(
                "{}: note longer than {MAX_NOTE_CHARS} characters",
                which()
            ));
        }
        if !(0..=LAST_MS).contains(&c.at) {
            return Err(format!("{}: date out of range", which()));
        }
    }
    let mut seen = HashSet::with_capacity(data.plan.len());
    for (n, s) in data.plan.iter().enumerate() {
        if s.id.is_empty() || s.id.len() > 64 || !s.id.contains('.') {
            return Err(format!("plan step {} has a bad id", n + 1));
        }
        if !seen.insert(s.id.as_str()) {
            return Err(format!("plan step {} appears twice", n + 1));
        }
        if !valid_due(&s.due) {
            return Err(format!("plan step {} has a bad target date", n + 1));
        }
    }
    let mut seen = HashSet::with_capacity(data.ledger.len());
    for (n, e) in data.ledger.iter().enumerate() {
        if e.id.is_empty() || e.id.len() > 64 || !e.is_valid() {
            return Err(format!("ledger entry {} is not valid", n + 1));
        }
        if !seen.insert(e.id.as_str()) {
            return Err(format!("ledger entry {} appears twice", n + 1));
        }
    }
    if let Some(a) = &data.audit {
        let bad = a.values.len() > MAX_VALUES
            || a.values.iter().any(|(v, r)| {
                *r > 10 || v.trim().is_empty() || v.chars().count() > MAX_VALUE_CHARS
            });
        if bad {
            return Err("inner audit has a bad value or rating".into());
        }
    }
    Ok(())
}

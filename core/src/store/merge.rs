//! Editing the data and merging copies of it (another tab's save, an
//! import). Items are matched by id; a deletion leaves the id in `deleted`
//! so no older copy brings the item back. Merging works with id sets, so
//! it grows as n log n in the number of items.

use super::{in_time, Audit, CheckIn, Data, PlanStep, MAX_NOTE_CHARS};
use crate::ledger::Entry;
use crate::plan::{step_id, valid_due};
use crate::reason::{Reason, Why};
use crate::strategies::Strategy;
use std::collections::HashSet;

/// Oldest first, ties by id: one sort instance per kind of item.
fn by_time<T>(items: &mut [T], key: fn(&T) -> (i64, &str)) {
    items.sort_by(|a, b| key(a).cmp(&key(b)));
}

fn ids<'a, T: 'a>(items: &'a [T], id: fn(&T) -> &str) -> HashSet<&'a str> {
    items.iter().map(id).collect()
}

/// The items of `theirs` whose id `mine` lacks.
fn missing<T: Clone>(mine: &[T], theirs: &[T], id: fn(&T) -> &str) -> Vec<T> {
    let have = ids(mine, id);
    theirs
        .iter()
        .filter(|x| !have.contains(id(x)))
        .cloned()
        .collect()
}

impl Data {
    /// Add or replace a check-in, keeping the list sorted and unique.
    pub fn upsert(&mut self, c: CheckIn) {
        self.deleted.retain(|d| *d != c.id);
        self.checkins.retain(|o| o.id != c.id);
        self.checkins.push(c);
        self.normalize();
    }

    /// Delete a check-in, remembering its id for merges.
    pub fn delete(&mut self, id: &str) -> Option<CheckIn> {
        let pos = self.checkins.iter().position(|c| c.id == id)?;
        self.tombstone(id);
        Some(self.checkins.remove(pos))
    }

    /// Take in another tab's save. Every change a tab makes is saved as it
    /// is made, so for an item both copies hold, the saved copy is the
    /// newer one and wins (an edited note, a step marked done); what only
    /// this copy holds is kept, and deletions on either side stay deleted.
    pub fn fold_in(&mut self, stored: Data) {
        let mine = std::mem::replace(self, stored);
        self.merge(&mine);
    }

    /// Whether this copy holds something `stored` has never seen: a
    /// deletion, a check-in, plan step or ledger entry (by id) that it
    /// neither has nor deleted, or a newer inner audit. After folding
    /// another tab's save in, a tab writes back only then: a save that
    /// raced its own is repaired, and two tabs that changed the same item
    /// differently don't keep overwriting each other.
    pub fn has_news_for(&self, stored: &Data) -> bool {
        let gone: HashSet<&str> = stored.deleted.iter().map(String::as_str).collect();
        let (checkins, plan, ledger) = (
            ids(&stored.checkins, |c| &c.id),
            ids(&stored.plan, |p| &p.id),
            ids(&stored.ledger, |e| &e.id),
        );
        let news = |id: &str, there: &HashSet<&str>| !gone.contains(id) && !there.contains(id);
        self.deleted.iter().any(|d| !gone.contains(d.as_str()))
            || self.checkins.iter().any(|c| news(&c.id, &checkins))
            || self.plan.iter().any(|p| news(&p.id, &plan))
            || self.ledger.iter().any(|e| news(&e.id, &ledger))
            || self.audit.as_ref().is_some_and(|mine| {
                stored
                    .audit
                    .as_ref()
                    .is_none_or(|theirs| mine.at > theirs.at)
            })
    }

    /// Union with another copy (another tab, or an import). Check-ins are
    /// matched by id; for the same id the copy here wins. Deletions recorded
    /// on either side stay deleted.
    pub fn merge(&mut self, other: &Data) {
        let known: HashSet<String> = self.deleted.iter().cloned().collect();
        let new_deletions: Vec<String> = other
            .deleted
            .iter()
            .filter(|d| !known.contains(*d))
            .cloned()
            .collect();
        self.deleted.extend(new_deletions);
        let theirs = missing(&self.checkins, &other.checkins, |c: &CheckIn| &c.id);
        self.checkins.extend(theirs);
        self.drop_deleted();
        self.normalize();
        self.merge_plan(other);
    }

    /// Check-ins oldest first (ties by id).
    pub(crate) fn normalize(&mut self) {
        by_time(&mut self.checkins, |c| (c.at, &c.id));
    }

    /// Remove every item whose id is recorded as deleted.
    fn drop_deleted(&mut self) {
        let deleted: HashSet<&str> = self.deleted.iter().map(String::as_str).collect();
        self.checkins.retain(|c| !deleted.contains(c.id.as_str()));
        self.plan.retain(|s| !deleted.contains(s.id.as_str()));
        self.ledger.retain(|e| !deleted.contains(e.id.as_str()));
    }

    /// Drop the deletion records for these ids (undo, or an explicit
    /// import), so a merge no longer removes them.
    pub fn forget_deletions(&mut self, ids: &[String]) {
        self.deleted.retain(|d| !ids.contains(d));
    }

    /// Erase everything: check-ins, plan, ledger and audit, remembering
    /// each id (and, for the audit, the time) so a merge with another
    /// tab's older copy can't bring anything back.
    pub fn delete_all(&mut self, now: i64) {
        let ids: Vec<String> = self
            .checkins
            .drain(..)
            .map(|c| c.id)
            .chain(self.plan.drain(..).map(|s| s.id))
            .chain(self.ledger.drain(..).map(|e| e.id))
            .collect();
        for id in ids {
            self.tombstone(&id);
        }
        if self.audit.is_some() {
            self.set_audit(Vec::new(), now);
        }
    }

    /// Record a new inner audit. It is stamped later than the one it
    /// replaces even when that one carries a time ahead of this device's
    /// clock, so an edit made here always wins over the stored copy.
    pub fn set_audit(&mut self, values: Vec<(String, u8)>, now: i64) {
        let after = self
            .audit
            .as_ref()
            .map_or(i64::MIN, |a| a.at.saturating_add(1));
        self.audit = Some(Audit {
            at: now.max(after),
            values,
        });
    }

    /// Set a check-in's note, cut to [`MAX_NOTE_CHARS`].
    pub fn set_note(&mut self, id: &str, note: &str) {
        if let Some(c) = self.checkins.iter_mut().find(|c| c.id == id) {
            c.note = note.trim().chars().take(MAX_NOTE_CHARS).collect();
        }
    }

    /// The ids of every check-in, plan step and ledger entry.
    pub fn item_ids(&self) -> impl Iterator<Item = &str> {
        let checkins = self.checkins.iter().map(|c| c.id.as_str());
        let plan = self.plan.iter().map(|s| s.id.as_str());
        checkins
            .chain(plan)
            .chain(self.ledger.iter().map(|e| e.id.as_str()))
    }

    pub fn get(&self, id: &str) -> Option<&CheckIn> {
        self.checkins.iter().find(|c| c.id == id)
    }

    /// The newest check-in dated up to `now` (plus [`CLOCK_SLACK_MS`]): one
    /// stamped by a clock that ran far ahead is kept, but never "latest"
    /// for ever.
    pub fn latest(&self, now: i64) -> Option<&CheckIn> {
        self.checkins.iter().rev().find(|c| in_time(c.at, now))
    }

    /// The first item (check-in, plan step, ledger entry or the audit)
    /// dated before 2000 or more than a day ahead of `now`, named; checked
    /// on import (the file is refused) and on read (the person is told).
    pub fn out_of_time(&self, now: i64) -> Option<Reason> {
        fn first<T>(
            items: &[T],
            at: fn(&T) -> i64,
            now: i64,
            name: impl Fn(usize, &T) -> Reason,
        ) -> Option<Reason> {
            let n = items.iter().position(|x| !in_time(at(x), now))?;
            Some(name(n, &items[n]))
        }
        first(
            &self.checkins,
            |c| c.at,
            now,
            |n, c| Reason::check_in(n, &c.id),
        )
        .or_else(|| {
            first(
                &self.plan,
                |p| p.at,
                now,
                |n, _| Reason::nth(Why::PlanStep, n),
            )
        })
        .or_else(|| {
            first(
                &self.ledger,
                |e| e.at,
                now,
                |n, _| Reason::nth(Why::LedgerEntry, n),
            )
        })
        .or_else(|| {
            self.audit
                .as_ref()
                .filter(|a| !in_time(a.at, now))
                .map(|_| Reason::new(Why::TheAudit))
        })
    }

    /// Add steps of a strategy to the plan (steps already there stay as
    /// they are). `only` picks one step; `None` adopts them all.
    pub fn adopt(&mut self, strategy: &Strategy, only: Option<u8>, at: i64) {
        for n in 1..=strategy.steps {
            if only.is_some_and(|o| o != n) {
                continue;
            }
            let id = step_id(strategy.id, n);
            if self.plan.iter().any(|s| s.id == id) {
                continue;
            }
            self.deleted.retain(|d| *d != id);
            self.plan.push(PlanStep {
                id,
                at,
                done: false,
                due: String::new(),
                text: String::new(),
            });
        }
    }

    /// Add a step of one's own, `text` as [`crate::plan::own_text`] read
    /// it, under a new id `own.<id>`. Returns that id.
    pub fn add_own(&mut self, text: String, id: &str, at: i64) -> String {
        let id = format!("{}.{id}", crate::plan::OWN);
        self.plan.push(PlanStep {
            id: id.clone(),
            at,
            done: false,
            due: String::new(),
            text,
        });
        id
    }

    /// Steps done and steps in the plan.
    pub fn plan_progress(&self) -> (usize, usize) {
        (self.plan.iter().filter(|s| s.done).count(), self.plan.len())
    }

    pub fn in_plan(&self, id: &str) -> bool {
        self.plan.iter().any(|s| s.id == id)
    }

    /// Tick or untick a step.
    pub fn set_done(&mut self, id: &str, done: bool) {
        if let Some(s) = self.plan.iter_mut().find(|s| s.id == id) {
            s.done = done;
        }
    }

    /// Set or clear a step's target date. Refuses a date that isn't one.
    pub fn set_due(&mut self, id: &str, due: &str) -> bool {
        if !valid_due(due) {
            return false;
        }
        if let Some(s) = self.plan.iter_mut().find(|s| s.id == id) {
            s.due = due.to_string();
        }
        true
    }

    /// Take a step out of the plan, remembering the id for merges.
    pub fn remove_step(&mut self, id: &str) -> Option<PlanStep> {
        let pos = self.plan.iter().position(|s| s.id == id)?;
        self.tombstone(id);
        Some(self.plan.remove(pos))
    }

    /// Record a ledger entry (oldest first).
    pub fn add_entry(&mut self, e: Entry) {
        self.deleted.retain(|d| *d != e.id);
        self.ledger.retain(|o| o.id != e.id);
        self.ledger.push(e);
        by_time(&mut self.ledger, |e| (e.at, &e.id));
    }

    pub fn remove_entry(&mut self, id: &str) -> Option<Entry> {
        let pos = self.ledger.iter().position(|e| e.id == id)?;
        self.tombstone(id);
        Some(self.ledger.remove(pos))
    }

    pub(crate) fn tombstone(&mut self, id: &str) {
        if !self.deleted.iter().any(|d| d == id) {
            self.deleted.push(id.to_string());
        }
    }

    /// Merge the plan, ledger and audit of another copy: union by id (the
    /// copy here wins for the same id), deletions stay deleted, and the
    /// newer audit wins.
    pub(crate) fn merge_plan(&mut self, other: &Data) {
        let plan = missing(&self.plan, &other.plan, |s: &PlanStep| &s.id);
        let ledger = missing(&self.ledger, &other.ledger, |e: &Entry| &e.id);
        self.plan.extend(plan);
        self.ledger.extend(ledger);
        self.drop_deleted();
        by_time(&mut self.plan, |p| (p.at, &p.id));
        by_time(&mut self.ledger, |e| (e.at, &e.id));
        if let Some(theirs) = &other.audit {
            if self.audit.as_ref().is_none_or(|a| a.at < theirs.at) {
                self.audit = Some(theirs.clone());
            }
        }
    }
}

//! Wire types (what the bytes say) to domain types (what the app uses) and
//! back. Reading checks every key against its enum and then the whole of
//! the data against [`validate`](super::validate); writing leaves out what
//! is empty, as the wire types say.

use super::{Audit, CheckIn, Data, PlanStep};
use crate::content::{Mode, RestKind, Role};
use crate::ledger::{Area, Changeable, Entry, Flow};
use crate::reason::{Reason, Why};
use crate::wire::{v2, v3};

/// A required key member.
fn key_of<T>(field: &str, key: &str, from: fn(&str) -> Option<T>) -> Result<T, Reason> {
    from(key).ok_or_else(|| Reason::new(Why::UnknownValue).with("field", field))
}

/// An optional key member: "" is none.
fn opt_key<T>(field: &str, key: &str, from: fn(&str) -> Option<T>) -> Result<Option<T>, Reason> {
    if key.is_empty() {
        Ok(None)
    } else {
        key_of(field, key, from).map(Some)
    }
}

impl TryFrom<v2::CheckIn> for CheckIn {
    type Error = Reason;
    fn try_from(w: v2::CheckIn) -> Result<Self, Reason> {
        Ok(CheckIn {
            mode: key_of("m", &w.m, Mode::from_key)?,
            role: opt_key("r", &w.r, Role::from_key)?,
            id: w.id,
            at: w.at,
            content_version: w.cv,
            answers: w.a,
            note: w.n,
        })
    }
}

impl From<&CheckIn> for v2::CheckIn {
    fn from(c: &CheckIn) -> Self {
        v2::CheckIn {
            id: c.id.clone(),
            at: c.at,
            m: c.mode.key().into(),
            cv: c.content_version,
            a: c.answers.clone(),
            r: c.role.map(|r| r.key().to_string()).unwrap_or_default(),
            n: c.note.clone(),
        }
    }
}

impl TryFrom<v2::Entry> for Entry {
    type Error = Reason;
    fn try_from(w: v2::Entry) -> Result<Self, Reason> {
        Ok(Entry {
            flow: key_of("f", &w.f, Flow::from_key)?,
            area: key_of("k", &w.k, Area::from_key)?,
            rest: opt_key("r", &w.r, RestKind::from_key)?,
            change: opt_key("c", &w.c, Changeable::from_key)?,
            id: w.id,
            at: w.at,
            size: w.s,
            what: w.w,
        })
    }
}

impl From<&Entry> for v2::Entry {
    fn from(e: &Entry) -> Self {
        v2::Entry {
            id: e.id.clone(),
            at: e.at,
            f: e.flow.key().into(),
            k: e.area.key().into(),
            r: e.rest.map(|r| r.key().to_string()).unwrap_or_default(),
            s: e.size,
            c: e.change.map(|c| c.key().to_string()).unwrap_or_default(),
            w: e.what.clone(),
        }
    }
}

/// Convert each item, naming the item (`name`, from its 0-based place) in
/// an error.
fn each<W, T: TryFrom<W, Error = Reason>>(
    items: Vec<W>,
    name: impl Fn(usize, &W) -> Reason,
) -> Result<Vec<T>, Reason> {
    items
        .into_iter()
        .enumerate()
        .map(|(n, w)| {
            let item = name(n, &w);
            T::try_from(w).map_err(|e| e.about(item))
        })
        .collect()
}

impl TryFrom<v3::Data> for Data {
    type Error = Reason;
    /// Checked completely: a `Data` that exists is valid.
    fn try_from(w: v3::Data) -> Result<Self, Reason> {
        let mut data = Data {
            checkins: each(w.checkins, |n, c| Reason::check_in(n, &c.id))?,
            deleted: w.deleted,
            plan: w
                .plan
                .into_iter()
                .map(|p| PlanStep {
                    id: p.id,
                    at: p.at,
                    done: p.d,
                    due: p.t,
                    text: p.w,
                })
                .collect(),
            ledger: each(w.ledger, |n, _| Reason::nth(Why::LedgerEntry, n))?,
            audit: w.audit.map(|a| Audit {
                at: a.at,
                values: a.v,
            }),
        };
        super::validate(&data)?;
        data.normalize();
        Ok(data)
    }
}

impl From<&Data> for v3::Data {
    fn from(d: &Data) -> Self {
        v3::Data {
            checkins: d.checkins.iter().map(v2::CheckIn::from).collect(),
            deleted: d.deleted.clone(),
            plan: d
                .plan
                .iter()
                .map(|p| v3::PlanStep {
                    id: p.id.clone(),
                    at: p.at,
                    d: p.done,
                    t: p.due.clone(),
                    w: p.text.clone(),
                })
                .collect(),
            ledger: d.ledger.iter().map(v2::Entry::from).collect(),
            audit: d.audit.as_ref().map(|a| v2::Audit {
                at: a.at,
                v: a.values.clone(),
            }),
        }
    }
}

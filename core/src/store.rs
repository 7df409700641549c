//! The stored-data format, its migrations and its validation.
//!
//! Everything Temper keeps lives under one localStorage key as a versioned
//! envelope `{"v": <schema version>, "data": {...}}` (documented in the
//! README). Loading never throws data away: anything this version cannot read
//! comes back as [`Loaded::Corrupt`] or [`Loaded::TooNew`] with the raw text,
//! and the shell keeps it untouched.

use crate::content::RestKind;
use crate::content::{item_by_id, steps, Mode, Role, Step, CONTENT_VERSION};
use crate::json::{
    self, arr_of, get, int_of, members, opt_str, str_of, write_arr, write_str, wrong, ObjWriter,
    Value,
};
use crate::ledger::{Area, Changeable, Entry, Flow};
use crate::plan::{Audit, PlanStep};
use crate::scoring::{Answers, MAX_ANSWER};

/// The schema version this build writes.
pub const SCHEMA_VERSION: u64 = 2;
/// Longest note kept on a check-in, in characters.
pub const MAX_NOTE_CHARS: usize = 2000;
/// Import files larger than this are refused before parsing.
pub const MAX_IMPORT_BYTES: usize = 5 * 1024 * 1024;

/// One saved check-in. Field names are short because ten years of weekly
/// check-ins must fit comfortably in localStorage.
#[derive(Clone, Debug, PartialEq)]
pub struct CheckIn {
    pub id: String,
    /// Milliseconds since the Unix epoch.
    pub at: i64,
    pub mode: Mode,
    /// Content version the answers refer to.
    pub content_version: u32,
    /// Answers by item id, 0 (Never) ..= 4 (Always).
    pub answers: Answers,
    pub role: Option<Role>,
    pub note: String,
}

impl CheckIn {
    pub fn new(id: String, at: i64, mode: Mode, answers: Answers, role: Option<Role>) -> Self {
        CheckIn {
            id,
            at,
            mode,
            content_version: CONTENT_VERSION,
            answers,
            role,
            note: String::new(),
        }
    }
}

/// Everything a person has saved.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Data {
    /// Sorted oldest first, unique by id.
    pub checkins: Vec<CheckIn>,
    /// Ids of deleted check-ins, so a merge with another tab's copy doesn't
    /// bring them back.
    pub deleted: Vec<String>,
    /// Adopted steps, in the order they were adopted (schema 2).
    pub plan: Vec<PlanStep>,
    /// Energy ledger entries, oldest first (schema 2).
    pub ledger: Vec<Entry>,
    /// The latest inner audit (schema 2).
    pub audit: Option<Audit>,
}

/// What loading the stored text gave.
#[derive(Clone, Debug, PartialEq)]
pub enum Loaded {
    /// Nothing stored yet.
    Empty,
    Ok(Data),
    /// Read from an older schema; the caller backs up `raw` before saving.
    Migrated {
        data: Data,
        from: u64,
    },
    /// Written by a newer Temper. Open read-only; never overwrite.
    TooNew {
        version: u64,
        data: Option<Data>,
    },
    /// Unreadable. Keep the raw text; never overwrite it silently.
    Corrupt {
        reason: String,
    },
    /// Encrypted with a passphrase (see [`sealed`]); the shell asks for the
    /// passphrase and loads the decrypted text.
    Sealed,
}

/// Serialize for storage: `{"v":<SCHEMA_VERSION>,"data":{...}}`.
pub fn save(data: &Data) -> String {
    let mut out = String::with_capacity(64 + data.checkins.len() * 420);
    let mut o = ObjWriter::new(&mut out);
    o.int("v", SCHEMA_VERSION as i64);
    write_data(o.key("data"), data);
    o.end();
    out
}

/// Parse stored text (or its absence).
pub fn load(raw: Option<&str>) -> Loaded {
    let Some(raw) = raw else { return Loaded::Empty };
    match parse_envelope(raw) {
        Ok(Parsed::Current(data)) => Loaded::Ok(data),
        Ok(Parsed::Older(data, from)) => Loaded::Migrated { data, from },
        Ok(Parsed::Newer(version, data)) => Loaded::TooNew { version, data },
        Ok(Parsed::Sealed) => Loaded::Sealed,
        Err(reason) => Loaded::Corrupt { reason },
    }
}

enum Parsed {
    Sealed,
    Current(Data),
    Older(Data, u64),
    Newer(u64, Option<Data>),
}

fn parse_envelope(raw: &str) -> Result<Parsed, String> {
    let no_version = |why: String| format!("no readable schema version: {why}");
    let root = json::parse(raw).map_err(|e| no_version(e.to_string()))?;
    let m = members(&root, "v").map_err(no_version)?;
    let version = int_of(m, "v", 0..=i64::MAX).map_err(no_version)? as u64;
    if version == 0 {
        return Err("schema version 0 does not exist".into());
    }
    if version <= SCHEMA_VERSION {
        if let Some(sealed) = get(m, "sealed") {
            return check_sealed(sealed)
                .map(|()| Parsed::Sealed)
                .map_err(|e| format!("unexpected content: {e}"));
        }
    }
    let data = get(m, "data").ok_or_else(|| format!("unexpected content: {}", wrong("data")));
    if version > SCHEMA_VERSION {
        // Best effort, for showing it read-only; never written back.
        let readable = data
            .ok()
            .and_then(|d| read_data(d).ok())
            .filter(|d| validate(d).is_ok());
        return Ok(Parsed::Newer(version, readable));
    }
    let data = migrate(version, data?)?;
    validate(&data)?;
    Ok(if version == SCHEMA_VERSION {
        Parsed::Current(data)
    } else {
        Parsed::Older(data, version)
    })
}

/// Fewest PBKDF2 iterations accepted for a sealed envelope.
pub const MIN_ITERATIONS: i64 = 600_000;

/// Check the members of a sealed envelope: what `assets/lock.js` writes.
fn check_sealed(v: &Value) -> Result<(), String> {
    let m = members(v, "sealed")?;
    let fixed = [("alg", "AES-GCM"), ("kdf", "PBKDF2-SHA256")];
    for (k, want) in fixed {
        if str_of(m, k)? != want {
            return Err(wrong(k));
        }
    }
    int_of(m, "iter", MIN_ITERATIONS..=100_000_000)?;
    for k in ["salt", "iv", "ct"] {
        if str_of(m, k)?.is_empty() {
            return Err(wrong(k));
        }
    }
    Ok(())
}

/// The stored text for data encrypted with a passphrase:
/// `{"v":<SCHEMA_VERSION>,"sealed":{"alg":"AES-GCM","kdf":"PBKDF2-SHA256",
/// "iter":600000,"salt":"<base64>","iv":"<base64>","ct":"<base64>"}}`, where
/// `ct` decrypts to the text [`save`] writes. `inner` is the `sealed`
/// object as the crypto adapter produced it; it is checked first.
pub fn sealed(inner: &str) -> Result<String, String> {
    let v = json::parse(inner).map_err(|e| e.to_string())?;
    check_sealed(&v)?;
    Ok(format!("{{\"v\":{SCHEMA_VERSION},\"sealed\":{inner}}}"))
}

/// Read the `data` of schema `from` into today's [`Data`].
///
/// - Schema 1 (check-ins and deletions) to 2: schema 2 adds `plan`,
///   `ledger` and `audit`, all optional and empty when absent, so a
///   schema-1 `data` object reads as schema-2 data with an empty plan,
///   ledger and audit. Every other field means the same in both.
///
/// A future change that is not a pure addition gets its own reader for the
/// old shape and a conversion step here, each with a test.
fn migrate(from: u64, data: &Value) -> Result<Data, String> {
    match from {
        1 | SCHEMA_VERSION => read_data(data).map_err(|e| format!("unexpected content: {e}")),
        other => Err(format!("no migration from schema version {other}")),
    }
}

// The stored format, field by field (documented in the README). Writers
// leave out optional fields that are empty; readers accept them missing or
// null, and ignore fields they don't know (a newer Temper may add some).

fn write_checkin(out: &mut String, c: &CheckIn) {
    let mut o = ObjWriter::new(out);
    o.str("id", &c.id);
    o.int("at", c.at);
    o.str("m", c.mode.key());
    o.int("cv", i64::from(c.content_version));
    let a = o.key("a");
    a.push('{');
    for (n, (k, v)) in c.answers.iter().enumerate() {
        if n > 0 {
            a.push(',');
        }
        write_str(a, k);
        a.push(':');
        a.push_str(&v.to_string());
    }
    a.push('}');
    if let Some(r) = c.role {
        o.str("r", r.key());
    }
    if !c.note.is_empty() {
        o.str("n", &c.note);
    }
    o.end();
}

/// A required timestamp member, milliseconds since the epoch (the range is
/// checked by `validate`).
fn time_of(m: &[(String, Value)]) -> Result<i64, String> {
    int_of(m, "at", i64::MIN..=i64::MAX)
}

/// A keyed enum from an optional member ("" or absent is `None`).
fn opt_key<T>(
    m: &[(String, Value)],
    k: &str,
    from: fn(&str) -> Option<T>,
) -> Result<Option<T>, String> {
    match opt_str(m, k)? {
        "" => Ok(None),
        key => from(key).map(Some).ok_or_else(|| wrong(k)),
    }
}

fn key_of<T>(m: &[(String, Value)], k: &str, from: fn(&str) -> Option<T>) -> Result<T, String> {
    opt_key(m, k, from)?.ok_or_else(|| wrong(k))
}

fn read_checkin(v: &Value) -> Result<CheckIn, String> {
    let m = members(v, "check-in")?;
    let Some(Value::Obj(a)) = get(m, "a") else {
        return Err(wrong("a"));
    };
    let mut answers = Answers::new();
    for (k, v) in a {
        match v {
            // Off-scale values are read, then refused by `validate` with
            // a message that names them.
            Value::Int(n @ 0..=255) => answers.insert(k.clone(), *n as u8),
            _ => return Err(wrong(k)),
        };
    }
    Ok(CheckIn {
        id: str_of(m, "id")?.to_string(),
        at: time_of(m)?,
        mode: key_of(m, "m", Mode::from_key)?,
        content_version: int_of(m, "cv", 0..=i64::from(u32::MAX))? as u32,
        answers,
        role: opt_key(m, "r", Role::from_key)?,
        note: opt_str(m, "n")?.to_string(),
    })
}

fn write_data(out: &mut String, d: &Data) {
    let mut o = ObjWriter::new(out);
    write_arr(o.key("checkins"), &d.checkins, write_checkin);
    let strings = |out: &mut String, s: &String| write_str(out, s);
    if !d.deleted.is_empty() {
        write_arr(o.key("deleted"), &d.deleted, strings);
    }
    if !d.plan.is_empty() {
        write_arr(o.key("plan"), &d.plan, |out, s| {
            let mut o = ObjWriter::new(out);
            o.str("id", &s.id);
            o.int("at", s.at);
            if s.done {
                o.key("d").push_str("true");
            }
            if !s.due.is_empty() {
                o.str("t", &s.due);
            }
            o.end();
        });
    }
    if !d.ledger.is_empty() {
        write_arr(o.key("ledger"), &d.ledger, |out, e| {
            let mut o = ObjWriter::new(out);
            o.str("id", &e.id);
            o.int("at", e.at);
            o.str("f", e.flow.key());
            o.str("k", e.area.key());
            if let Some(r) = e.rest {
                o.str("r", r.key());
            }
            o.int("s", i64::from(e.size));
            if let Some(c) = e.change {
                o.str("c", c.key());
            }
            if !e.what.is_empty() {
                o.str("w", &e.what);
            }
            o.end();
        });
    }
    if let Some(a) = &d.audit {
        let mut o = ObjWriter::new(o.key("audit"));
        o.int("at", a.at);
        write_arr(o.key("v"), &a.values, |out, (name, r)| {
            out.push('[');
            write_str(out, name);
            out.push(',');
            out.push_str(&r.to_string());
            out.push(']');
        });
        o.end();
    }
    o.end();
}

/// Each item of an array member, read by `item`; errors name the item.
fn read_list<T>(
    m: &[(String, Value)],
    k: &str,
    what: &str,
    item: impl Fn(&Value) -> Result<T, String>,
) -> Result<Vec<T>, String> {
    let items = arr_of(m, k)?;
    let mut out = Vec::with_capacity(items.len());
    for (n, v) in items.iter().enumerate() {
        out.push(item(v).map_err(|e| format!("{what} {}: {e}", n + 1))?);
    }
    Ok(out)
}

fn read_data(v: &Value) -> Result<Data, String> {
    let m = members(v, "data")?;
    let audit = match get(m, "audit") {
        None | Some(Value::Null) => None,
        Some(a) => {
            let a = members(a, "audit")?;
            let values = read_list(a, "v", "audit value", |v| match v {
                Value::Arr(pair) => match pair.as_slice() {
                    [Value::Str(name), Value::Int(r @ 0..=255)] => Ok((name.clone(), *r as u8)),
                    _ => Err(wrong("v")),
                },
                _ => Err(wrong("v")),
            })?;
            Some(Audit {
                at: time_of(a)?,
                values,
            })
        }
    };
    Ok(Data {
        checkins: read_list(m, "checkins", "check-in", read_checkin)?,
        deleted: read_list(m, "deleted", "deleted id", |v| match v {
            Value::Str(s) => Ok(s.clone()),
            _ => Err(wrong("deleted")),
        })?,
        plan: read_list(m, "plan", "plan step", |v| {
            let m = members(v, "plan")?;
            Ok(PlanStep {
                id: str_of(m, "id")?.to_string(),
                at: time_of(m)?,
                done: match get(m, "d") {
                    None | Some(Value::Null) => false,
                    Some(Value::Bool(b)) => *b,
                    _ => return Err(wrong("d")),
                },
                due: opt_str(m, "t")?.to_string(),
            })
        })?,
        ledger: read_list(m, "ledger", "ledger entry", |v| {
            let m = members(v, "ledger")?;
            Ok(Entry {
                id: str_of(m, "id")?.to_string(),
                at: time_of(m)?,
                flow: key_of(m, "f", Flow::from_key)?,
                area: key_of(m, "k", Area::from_key)?,
                rest: opt_key(m, "r", RestKind::from_key)?,
                size: int_of(m, "s", 0..=255)? as u8,
                change: opt_key(m, "c", Changeable::from_key)?,
                what: opt_str(m, "w")?.to_string(),
            })
        })?,
        audit,
    })
}

/// Check everything a loaded or imported file must satisfy.
pub fn validate(data: &Data) -> Result<(), String> {
    for (n, c) in data.checkins.iter().enumerate() {
        let which = || format!("check-in {} (\"{}\")", n + 1, truncate(&c.id, 40));
        if c.id.is_empty() || c.id.len() > 64 {
            return Err(format!("{} has an id of bad length", which()));
        }
        if data.checkins[..n].iter().any(|o| o.id == c.id) {
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
        if !(0..=253_402_300_799_000).contains(&c.at) {
            return Err(format!("{}: date out of range", which()));
        }
    }
    crate::plan::validate(data)
}

fn truncate(s: &str, n: usize) -> String {
    s.chars().take(n).collect()
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
    pub fn fold_in(&mut self, stored: &Data) {
        let mut newer = stored.clone();
        newer.merge(self);
        *self = newer;
    }

    /// Whether this copy holds something `stored` has never seen: a
    /// deletion, a check-in, plan step or ledger entry (by id) that it
    /// neither has nor deleted, or a newer inner audit. After folding
    /// another tab's save in, a tab writes back only then: a save that
    /// raced its own is repaired, and two tabs that changed the same item
    /// differently don't keep overwriting each other.
    pub fn has_news_for(&self, stored: &Data) -> bool {
        let seen = |id: &str| stored.deleted.iter().any(|d| d == id);
        self.deleted.iter().any(|d| !seen(d))
            || self
                .checkins
                .iter()
                .any(|c| !seen(&c.id) && stored.get(&c.id).is_none())
            || self
                .plan
                .iter()
                .any(|p| !seen(&p.id) && !stored.in_plan(&p.id))
            || self
                .ledger
                .iter()
                .any(|e| !seen(&e.id) && !stored.ledger.iter().any(|o| o.id == e.id))
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
        for d in &other.deleted {
            if !self.deleted.contains(d) {
                self.deleted.push(d.clone());
            }
        }
        for c in &other.checkins {
            if !self.checkins.iter().any(|o| o.id == c.id) {
                self.checkins.push(c.clone());
            }
        }
        let deleted = std::mem::take(&mut self.deleted);
        self.checkins.retain(|c| !deleted.contains(&c.id));
        self.deleted = deleted;
        self.normalize();
        self.merge_plan(other);
    }

    fn normalize(&mut self) {
        crate::util::insertion_sort_by(&mut self.checkins, |a, b| (a.at, &a.id) < (b.at, &b.id));
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
            self.audit = Some(Audit {
                at: now,
                values: Vec::new(),
            });
        }
    }

    /// Set a check-in's note, cut to [`MAX_NOTE_CHARS`].
    pub fn set_note(&mut self, id: &str, note: &str) {
        if let Some(c) = self.checkins.iter_mut().find(|c| c.id == id) {
            c.note = note.trim().chars().take(MAX_NOTE_CHARS).collect();
        }
    }

    pub fn get(&self, id: &str) -> Option<&CheckIn> {
        self.checkins.iter().find(|c| c.id == id)
    }

    pub fn latest(&self) -> Option<&CheckIn> {
        self.checkins.last()
    }
}

/// A check-in in progress, saved on every answer so a reload loses nothing.
#[derive(Clone, Debug, PartialEq)]
pub struct Draft {
    pub mode: Mode,
    pub step: usize,
    pub answers: Answers,
    pub role: Option<Role>,
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
        }
    }
    /// Stored in the check-in format (one parser for both): the answers so
    /// far, with id "draft". The position is not stored; a resumed draft
    /// opens at its first unanswered question.
    pub fn to_json(&self) -> String {
        let c = CheckIn::new(
            "draft".into(),
            0,
            self.mode,
            self.answers.clone(),
            self.role,
        );
        let mut out = String::new();
        write_checkin(&mut out, &c);
        out
    }
    /// An unreadable draft, or one with answers that are not on the scale
    /// or not current questions, is simply not resumed.
    pub fn from_json(raw: &str) -> Option<Draft> {
        let c = read_checkin(&json::parse(raw).ok()?).ok()?;
        let ok = c
            .answers
            .iter()
            .all(|(id, a)| *a <= MAX_ANSWER && item_by_id(id).is_some());
        let all = steps(c.mode);
        let step = all
            .iter()
            .position(|s| matches!(s, Step::Question(i) if !c.answers.contains_key(i.id)))
            .unwrap_or(all.len() - 1);
        ok.then_some(Draft {
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
        if load(Some(raw)) == Loaded::Sealed {
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
    pub fn finish(&self, id: String, at: i64) -> Option<CheckIn> {
        self.is_complete()
            .then(|| CheckIn::new(id, at, self.mode, self.answers.clone(), self.role))
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
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn checkin(id: &str, at: i64) -> CheckIn {
        let answers = crate::content::ITEMS
            .iter()
            .map(|i| (i.id.to_string(), 2))
            .collect();
        CheckIn::new(id.into(), at, Mode::Full, answers, Some(Role::Other))
    }

    #[test]
    fn round_trip() {
        let mut d = Data::default();
        d.upsert(checkin("b", 2));
        d.upsert(checkin("a", 1));
        let raw = save(&d);
        assert!(raw.starts_with("{\"v\":2,"));
        assert_eq!(load(Some(&raw)), Loaded::Ok(d.clone()));
        assert_eq!(d.checkins[0].id, "a");
    }

    #[test]
    fn full_checkin_is_under_one_kilobyte() {
        let mut c = checkin("lx3k9q2-7f3a", 1_763_800_000_000);
        c.answers.values_mut().for_each(|a| *a = 4);
        let mut out = String::new();
        write_checkin(&mut out, &c);
        let bytes = out.len();
        assert!(bytes <= 1024, "{bytes} bytes");
    }

    #[test]
    fn nothing_stored_is_empty() {
        assert_eq!(load(None), Loaded::Empty);
    }

    #[test]
    fn unreadable_text_is_corrupt_not_empty() {
        for raw in [
            "",
            "{",
            "null",
            "[]",
            "{\"v\":1}",
            "{\"v\":\"1\",\"data\":{}}",
            "{\"v\":1,\"data\":{\"checkins\":[{\"id\":\"x\"}]}}",
            "{\"v\":0,\"data\":{}}",
        ] {
            assert!(matches!(load(Some(raw)), Loaded::Corrupt { .. }), "{raw}");
        }
    }

    #[test]
    fn sealed_envelopes_are_recognised_and_checked() {
        let inner = r#"{"alg":"AES-GCM","kdf":"PBKDF2-SHA256","iter":600000,"salt":"c2FsdA==","iv":"aXY=","ct":"Y3Q="}"#;
        let text = sealed(inner).unwrap();
        assert!(text.starts_with("{\"v\":2,\"sealed\":{"));
        assert_eq!(load(Some(&text)), Loaded::Sealed);
        for bad in [
            inner.replace("600000", "1000"),
            inner.replace("AES-GCM", "AES-CBC"),
            inner.replace("\"ct\":\"Y3Q=\"", "\"ct\":\"\""),
            inner.replace(",\"iv\":\"aXY=\"", ""),
            "[]".to_string(),
        ] {
            assert!(sealed(&bad).is_err(), "{bad}");
            let raw = format!("{{\"v\":2,\"sealed\":{bad}}}");
            assert!(matches!(load(Some(&raw)), Loaded::Corrupt { .. }), "{raw}");
        }
        // A sealed envelope from a newer Temper is just "too new".
        let newer = text.replacen("\"v\":2", "\"v\":9", 1);
        assert!(matches!(
            load(Some(&newer)),
            Loaded::TooNew {
                version: 9,
                data: None
            }
        ));
    }

    #[test]
    fn schema_1_migrates_to_2_with_an_empty_plan_ledger_and_audit() {
        // Exactly what version 1 of Temper wrote.
        let v1 = r#"{"v":1,"data":{"checkins":[{"id":"a","at":1700000000000,"m":"pulse","cv":1,"a":{"ex1":2,"ex2":3,"cy1":1,"bo1":0,"di1":4,"uc1":2,"sg4":1},"n":"tired"}],"deleted":["b"]}}"#;
        let Loaded::Migrated { data, from } = load(Some(v1)) else {
            panic!("schema 1 must migrate");
        };
        assert_eq!(from, 1);
        assert_eq!(data.checkins.len(), 1);
        assert_eq!(data.checkins[0].note, "tired");
        assert_eq!(data.checkins[0].answers["di1"], 4);
        assert_eq!(data.deleted, ["b"]);
        assert!(data.plan.is_empty() && data.ledger.is_empty() && data.audit.is_none());
        // Saved again, it is current and loads unchanged.
        let again = save(&data);
        assert!(again.starts_with("{\"v\":2,"));
        assert_eq!(load(Some(&again)), Loaded::Ok(data));
    }

    #[test]
    fn out_of_scale_answers_are_refused() {
        let mut d = Data::default();
        let mut c = checkin("a", 1);
        c.answers.insert("ex1".into(), 9);
        d.checkins.push(c);
        assert!(
            matches!(load(Some(&save(&d))), Loaded::Corrupt { reason } if reason.contains("0-4"))
        );
    }

    #[test]
    fn newer_schema_is_too_new_and_still_readable() {
        let mut d = Data::default();
        d.upsert(checkin("a", 1));
        let raw = save(&d).replacen("\"v\":2", "\"v\":7", 1);
        assert_eq!(
            load(Some(&raw)),
            Loaded::TooNew {
                version: 7,
                data: Some(d)
            }
        );
    }

    #[test]
    fn merge_unions_by_id_and_respects_deletions() {
        let mut tab_a = Data::default();
        tab_a.upsert(checkin("one", 1));
        let mut tab_b = tab_a.clone();
        tab_a.upsert(checkin("two", 2));
        tab_b.upsert(checkin("three", 3));
        tab_b.delete("one");
        tab_a.merge(&tab_b);
        let ids: Vec<_> = tab_a.checkins.iter().map(|c| c.id.as_str()).collect();
        assert_eq!(ids, ["two", "three"]);
        assert_eq!(tab_a.deleted, ["one"]);
    }

    #[test]
    fn folding_in_a_save_takes_its_edits_and_keeps_what_only_we_have() {
        let mut mine = Data::default();
        mine.upsert(checkin("one", 1));
        let mut stored = mine.clone();
        stored.set_note("one", "edited in the other tab");
        stored.upsert(checkin("two", 2));
        mine.upsert(checkin("three", 3));
        mine.fold_in(&stored);
        let ids: Vec<_> = mine.checkins.iter().map(|c| c.id.as_str()).collect();
        assert_eq!(ids, ["one", "two", "three"]);
        assert_eq!(mine.get("one").unwrap().note, "edited in the other tab");
        assert!(mine.has_news_for(&stored));
        // A deletion made here survives, and so does one made there.
        mine.delete("two");
        stored.delete("one");
        mine.fold_in(&stored);
        let ids: Vec<_> = mine.checkins.iter().map(|c| c.id.as_str()).collect();
        assert_eq!(ids, ["three"]);
    }

    #[test]
    fn news_is_what_the_stored_copy_has_never_seen() {
        let mut stored = Data::default();
        stored.upsert(checkin("one", 1));
        let mut mine = stored.clone();
        assert!(!mine.has_news_for(&stored));
        // The same check-in with another note is an edit, not news.
        mine.set_note("one", "edited here");
        assert!(!mine.has_news_for(&stored));
        mine.upsert(checkin("two", 2));
        assert!(mine.has_news_for(&stored));
        // Deleted in the stored copy: seen, so not news.
        stored.upsert(checkin("two", 2));
        stored.delete("two");
        assert!(!mine.has_news_for(&stored));
        // A deletion the stored copy lacks is news.
        mine.delete("one");
        assert!(mine.has_news_for(&stored));
        let later = Data {
            audit: Some(crate::plan::Audit {
                at: 5,
                values: vec![],
            }),
            ..Data::default()
        };
        assert!(later.has_news_for(&Data::default()));
        let mut older = later.clone();
        older.audit = Some(crate::plan::Audit {
            at: 4,
            values: vec![],
        });
        assert!(later.has_news_for(&older));
        assert!(!older.has_news_for(&later));
    }

    #[test]
    fn undo_and_delete_all_survive_merges() {
        let mut mine = Data::default();
        mine.upsert(checkin("a", 1));
        mine.upsert(checkin("b", 2));
        let c = mine.delete("a").unwrap();
        let stored = mine.clone(); // written with the tombstone
        mine.upsert(c);
        let mut theirs = stored.clone();
        theirs.forget_deletions(&["a".to_string()]);
        mine.merge(&theirs);
        assert_eq!(mine.checkins.len(), 2);
        mine.delete_all(9);
        mine.merge(&stored);
        assert!(mine.checkins.is_empty());
        assert_eq!(mine.deleted.len(), 2);
    }

    #[test]
    fn notes_are_trimmed_and_capped() {
        let mut d = Data::default();
        d.upsert(checkin("a", 1));
        d.set_note("a", &format!("  {}  ", "é".repeat(MAX_NOTE_CHARS + 10)));
        assert_eq!(d.get("a").unwrap().note.chars().count(), MAX_NOTE_CHARS);
        d.set_note("missing", "x");
    }

    #[test]
    fn drafts_round_trip_and_resume_at_the_first_unanswered_question() {
        let mut d = Draft::new(Mode::Pulse);
        d.answers.insert("ex1".into(), 3);
        d.step = 1;
        assert_eq!(Draft::from_json(&d.to_json()), Some(d.clone()));
        // Went back to the first question, then reloaded: resume where work is left.
        d.step = 0;
        assert_eq!(Draft::from_json(&d.to_json()).unwrap().step, 1);
        // Everything answered in a full check-in: resume at the context step.
        let mut full = Draft::new(Mode::Full);
        for i in crate::content::ITEMS {
            full.answer(i.id, 1);
        }
        let back = Draft::from_json(&full.to_json()).unwrap();
        assert_eq!(back.current(), Step::Context);
        assert_eq!(Draft::from_json("garbage"), None);
        let bad = d.to_json().replace("\"ex1\":3", "\"ex1\":8");
        assert_eq!(Draft::from_json(&bad), None);
    }

    #[test]
    fn stored_drafts_are_plain_sealed_or_unusable() {
        let mut d = Draft::new(Mode::Pulse);
        d.answer("ex1", 3);
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
        for i in crate::content::ITEMS {
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

    proptest! {
        #[test]
        fn load_never_panics(raw in ".{0,300}") {
            let _ = load(Some(&raw));
        }

        /// Whatever two copies hold, once one is merged into the other and
        /// written, neither has news for the result: fold-and-write-back
        /// between tabs always comes to rest.
        #[test]
        fn merging_leaves_no_news(
            a_ops in proptest::collection::vec((0u8..6, any::<bool>()), 0..12),
            b_ops in proptest::collection::vec((0u8..6, any::<bool>()), 0..12),
        ) {
            let build = |ops: &[(u8, bool)]| {
                let mut d = Data::default();
                for (n, (id, delete)) in ops.iter().enumerate() {
                    let id = format!("id{id}");
                    if *delete {
                        d.delete(&id);
                    } else {
                        d.upsert(checkin(&id, n as i64));
                    }
                }
                d
            };
            let (a, b) = (build(&a_ops), build(&b_ops));
            let mut written = a.clone();
            written.merge(&b);
            prop_assert!(!a.has_news_for(&written));
            prop_assert!(!b.has_news_for(&written));
            let mut other = b.clone();
            other.merge(&written);
            prop_assert!(!other.has_news_for(&written));
            // The same holds when the saved copy's versions win.
            let mut folded = a.clone();
            folded.fold_in(&b);
            prop_assert!(!a.has_news_for(&folded));
            prop_assert!(!b.has_news_for(&folded));
        }

        #[test]
        fn saved_data_always_loads_back(ats in proptest::collection::vec(0i64..4_000_000_000_000, 0..20)) {
            let mut d = Data::default();
            for (n, at) in ats.iter().enumerate() {
                d.upsert(checkin(&format!("id{n}"), *at));
            }
            prop_assert_eq!(load(Some(&save(&d))), Loaded::Ok(d));
        }
    }
}

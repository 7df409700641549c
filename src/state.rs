//! App-wide state and the wiring between it and the storage adapter. The
//! rules (what to load, how copies merge, what may be written) come from
//! `temper_core::store`; this file only performs the I/O they call for.

use crate::lock;
use crate::storage::{
    self, StoreError, AUTOLOCK_KEY, BACKUP_KEY, DATA_KEY, DRAFT_KEY, LOCK_NOW_KEY,
};
use crate::t;
use leptos::prelude::*;
use std::cell::{Cell, RefCell};
use temper_core::i18n::fill;
use temper_core::reason::{Reason, Why};
use temper_core::route::Route;
use temper_core::store::{CheckIn, Data, Draft, Loaded, StoredDraft};

/// Whether what is in memory may be written back to storage.
#[derive(Clone, Debug, PartialEq)]
pub enum Status {
    /// Normal: every change is saved.
    Saving,
    /// Storage is blocked: memory only for this session.
    Unavailable,
    /// Stored text is unreadable: kept as it is, memory only.
    Corrupt { reason: Reason, raw: String },
    /// Written by a newer Temper: read-only, memory only.
    TooNew { version: u64, raw: String },
    /// Encrypted with a passphrase and not unlocked yet: nothing is shown
    /// or written until it is.
    Locked { raw: String },
}

thread_local! {
    /// The passphrase lock is on and this tab holds the key: every write is
    /// encrypted first.
    static LOCKED: Cell<bool> = const { Cell::new(false) };
    /// Each encrypted write gets a number; only the newest is written, so
    /// writes that finish out of order never put older data last.
    static SEAL_GEN: Cell<u32> = const { Cell::new(0) };
    /// Like `SEAL_GEN`, for the draft: a newer or discarded draft wins over
    /// an encryption still under way.
    static DRAFT_GEN: Cell<u32> = const { Cell::new(0) };
    /// The stored text whose whole content this tab's data already holds
    /// (read at start-up or from another tab's save, or written here). A
    /// save that finds it still stored has nothing to merge, and skips
    /// reading 10,000 check-ins again.
    static SEEN: RefCell<Option<String>> = const { RefCell::new(None) };
}

fn seen(text: Option<&str>) {
    SEEN.with(|s| *s.borrow_mut() = text.map(str::to_owned));
}

fn still_seen(raw: &Option<String>) -> bool {
    raw.is_some() && SEEN.with(|s| *s.borrow() == *raw)
}

/// Whether the lock is on (and unlocked in this tab).
pub fn locked() -> bool {
    LOCKED.with(Cell::get)
}

/// The choices for locking again after inactivity, in minutes (0: never).
pub const AUTO_LOCK_CHOICES: [u32; 5] = [5, 15, 30, 60, 0];

/// Minutes of inactivity before the lock closes again: one of
/// [`AUTO_LOCK_CHOICES`] (default 15; a hand-edited value is not used).
pub fn auto_lock_minutes() -> u32 {
    storage::read(AUTOLOCK_KEY)
        .ok()
        .flatten()
        .and_then(|m| m.parse().ok())
        .filter(|m| AUTO_LOCK_CHOICES.contains(m))
        .unwrap_or(15)
}

/// A message shown above the current screen until the next navigation,
/// optionally with an Undo for a deleted check-in.
#[derive(Clone, Debug, PartialEq)]
pub struct Notice {
    pub text: String,
    /// role="alert" (a problem) rather than role="status".
    pub alert: bool,
    pub undo: Option<Undo>,
}

/// What a notice's "Undo" brings back.
#[derive(Clone, Debug, PartialEq)]
pub enum Undo {
    /// A deleted check-in.
    CheckIn(CheckIn),
    /// A check-in in progress that was discarded.
    Draft(Draft),
}

#[derive(Clone, Copy)]
pub struct AppState {
    pub data: RwSignal<Data>,
    pub status: RwSignal<Status>,
    /// The last save failure, shown with role="alert" until the next success.
    pub save_error: RwSignal<Option<String>>,
    pub route: RwSignal<Route>,
    pub notice: RwSignal<Option<Notice>>,
    /// The check-in in progress, mirrored to storage by [`AppState::set_draft`].
    pub draft: RwSignal<Option<Draft>>,
    /// Where the rest of the language's texts are (see `crate::lazy`).
    pub more_texts: RwSignal<crate::lazy::More>,
}

pub fn use_state() -> AppState {
    expect_context::<AppState>()
}

/// Read what is stored and decide how the session runs.
pub fn load() -> (Data, Status) {
    match storage::read(DATA_KEY) {
        Ok(raw) => {
            let copy = raw.clone();
            let opened = open(raw);
            if opened.1 == Status::Saving {
                seen(copy.as_deref());
            }
            opened
        }
        Err(_) => (Data::default(), Status::Unavailable),
    }
}

/// Stored text read by the codec ([`crate::lazy::Codec`]). Its code is
/// fetched before stored data is first read and with every screen that
/// saves; should it still be missing, the text counts as unreadable for
/// now: kept as it is, never written over.
fn read(raw: Option<&str>) -> Loaded {
    match (raw, crate::lazy::codec_now()) {
        (None, _) => Loaded::Empty,
        (Some(raw), Some(c)) => (c.load)(Some(raw)),
        (Some(_), None) => Loaded::Corrupt {
            reason: Reason::new(Why::NoCode),
        },
    }
}

/// The failure to report when the codec's code could not be fetched.
pub(crate) fn no_codec() -> StoreError {
    StoreError::Other(crate::words(&Reason::new(Why::NoCode)))
}

/// The codec for a write, or the failure to report (see [`read`]).
fn writer() -> Result<crate::lazy::Codec, StoreError> {
    crate::lazy::codec_now().ok_or_else(no_codec)
}

/// What stored text (or its absence) means for this session: the data it
/// holds and whether we may write. The one place stored text is interpreted,
/// at start-up, before every save and when another tab saves.
fn open(raw: Option<String>) -> (Data, Status) {
    let loaded = read(raw.as_deref());
    open_loaded(raw, loaded)
}

/// [`open`], for text already loaded.
fn open_loaded(raw: Option<String>, loaded: Loaded) -> (Data, Status) {
    match loaded {
        Loaded::Empty => (Data::default(), Status::Saving),
        Loaded::Ok(data) => (data, Status::Saving),
        Loaded::Migrated { data, .. } => {
            // Keep the original text before the first write in the new format.
            let original = raw.unwrap_or_default();
            match storage::write(BACKUP_KEY, &original) {
                Ok(()) => (data, Status::Saving),
                Err(_) => (
                    data,
                    Status::Corrupt {
                        reason: Reason::new(Why::NoBackup),
                        raw: original,
                    },
                ),
            }
        }
        Loaded::TooNew { version, data } => (
            data.unwrap_or_default(),
            Status::TooNew {
                version,
                raw: raw.unwrap_or_default(),
            },
        ),
        Loaded::Corrupt { reason } => (
            Data::default(),
            Status::Corrupt {
                reason,
                raw: raw.unwrap_or_default(),
            },
        ),
        Loaded::Sealed => (
            Data::default(),
            Status::Locked {
                raw: raw.unwrap_or_default(),
            },
        ),
    }
}

impl AppState {
    pub fn new() -> Self {
        Self::from_loaded(load())
    }

    /// The state for what [`load`] returned (start-up loads in a task of
    /// its own, before the app mounts).
    pub fn from_loaded((data, status): (Data, Status)) -> Self {
        Self::with(data, status, stored_plain_draft())
    }

    /// A first visit's state, on the home screen, with nothing stored and
    /// nothing read (the prerender's).
    pub fn fresh() -> Self {
        Self::with(Data::default(), Status::Saving, None)
    }

    fn with(data: Data, status: Status, draft: Option<Draft>) -> Self {
        AppState {
            data: RwSignal::new(data),
            status: RwSignal::new(status),
            save_error: RwSignal::new(None),
            route: RwSignal::new(Route::Home),
            notice: RwSignal::new(None),
            draft: RwSignal::new(draft),
            more_texts: RwSignal::new(crate::lazy::More::NotAsked),
        }
    }

    /// Write the in-memory data, first merging in whatever another tab may
    /// have saved since we last read. Never writes over text it can't read.
    pub fn persist(&self) {
        self.persist_forgetting(&[]);
    }

    /// Like [`persist`](Self::persist), for check-ins that were deleted and
    /// are deliberately back (undo, import): the stored copy's deletion
    /// records for `restored` are ignored.
    pub fn persist_forgetting(&self, restored: &[String]) {
        if self.status.get_untracked() != Status::Saving {
            return;
        }
        let codec = match writer() {
            Ok(c) => c,
            Err(e) => return self.fail(e),
        };
        if locked() {
            return self.write_sealed(codec, restored.to_vec());
        }
        let raw = match storage::read(DATA_KEY) {
            Ok(raw) => raw,
            Err(e) => return self.fail(e),
        };
        if !still_seen(&raw) {
            match open(raw) {
                (mut theirs, Status::Saving) => {
                    theirs.forget_deletions(restored);
                    self.data.update(|d| (codec.merge)(d, &theirs));
                }
                // Another tab wrote something we can't read, or can't back
                // up: stop writing, and say so.
                (_, status) => return self.status.set(status),
            }
        }
        let text = self.data.with_untracked(codec.save);
        match storage::write(DATA_KEY, &text) {
            Ok(()) => {
                seen(Some(&text));
                self.save_error.set(None);
            }
            Err(e) => self.fail(e),
        }
    }

    /// Encrypt everything and write it. Another tab's sealed save is
    /// decrypted with the key this tab holds and merged in first, so two
    /// unlocked tabs saving close together don't overwrite each other.
    fn write_sealed(&self, codec: crate::lazy::Codec, restored: Vec<String>) {
        let generation = next_generation(&SEAL_GEN);
        let st = *self;
        let seal = move || {
            if SEAL_GEN.with(Cell::get) != generation || !locked() {
                return; // a newer write (or the lock's removal) supersedes this one
            }
            let text = st.data.with_untracked(codec.save);
            lock::seal(&text, move |sealed| {
                if SEAL_GEN.with(Cell::get) != generation || !locked() {
                    return;
                }
                let written = sealed
                    .map_err(|()| Reason::new(Why::Encrypt))
                    .and_then(|inner| (codec.sealed)(&inner))
                    .map_err(|r| StoreError::Other(crate::words(&r)))
                    .and_then(|text| storage::write(DATA_KEY, &text));
                match written {
                    Ok(()) => st.save_error.set(None),
                    Err(e) => st.fail(e),
                }
            });
        };
        let stored = storage::read(DATA_KEY).ok().flatten();
        match stored.filter(|raw| (codec.load)(Some(raw)) == Loaded::Sealed) {
            Some(raw) => lock::reopen(&raw, move |plain| {
                // Read directly (not through `open`, which may keep a plain
                // pre-migration copy: nothing readable is written while
                // the lock is on).
                if let Some(Loaded::Ok(mut theirs)) = plain.ok().map(|p| (codec.load)(Some(&p))) {
                    theirs.forget_deletions(&restored);
                    st.data.update(|d| (codec.merge)(d, &theirs));
                }
                seal();
            }),
            None => seal(),
        }
    }

    /// The passphrase opened the stored data: use it, encrypted from now on.
    /// Returns false when the decrypted text is not readable data.
    pub fn unlocked(&self, plain: &str) -> bool {
        let loaded = read(Some(plain));
        if !matches!(loaded, Loaded::Ok(_) | Loaded::Migrated { .. }) {
            return false;
        }
        // Sealed by an older schema: the sealed text (still encrypted) is
        // the copy kept before the first write in the new format.
        let sealed = match self.status.get_untracked() {
            Status::Locked { raw } => Some(raw),
            _ => None,
        };
        let (data, status) = open_loaded(sealed, loaded);
        LOCKED.with(|l| l.set(true));
        lock::auto_lock(auto_lock_minutes());
        // The screens open once the check-in in progress is back too, so a
        // resumed check-in shows at once.
        let st = *self;
        st.reopen_draft(move || {
            st.data.set(data);
            st.status.set(status);
        });
        true
    }

    /// Turn the lock on: the key is ready in the adapter. The data is
    /// sealed and written, then read back; only when the browser really
    /// holds the sealed copy does the lock count as on (`done(true)`):
    /// the plain copies go (the pre-migration copy for good) and any
    /// check-in in progress is written again sealed. If the sealed copy
    /// can't be stored (it is about 4/3 the size, so a nearly full storage
    /// refuses it), nothing changes: the key is forgotten, the data stays
    /// as it was, and the failure is reported (`done(false)`).
    pub fn lock_on(&self, done: impl FnOnce(bool) + 'static) {
        let st = *self;
        let codec = match writer() {
            Ok(c) => c,
            Err(e) => {
                lock::forget();
                st.fail(e);
                return done(false);
            }
        };
        let text = self.data.with_untracked(codec.save);
        lock::seal(&text, move |sealed| {
            let written = sealed
                .map_err(|()| Reason::new(Why::Encrypt))
                .and_then(|inner| (codec.sealed)(&inner))
                .map_err(|r| StoreError::Other(crate::words(&r)))
                .and_then(|text| {
                    storage::write(DATA_KEY, &text)?;
                    match storage::read(DATA_KEY)? {
                        Some(back) if back == text => Ok(()),
                        _ => Err(StoreError::Other(crate::words(&Reason::new(Why::ReadBack)))),
                    }
                });
            match written {
                Ok(()) => {
                    LOCKED.with(|l| l.set(true));
                    lock::auto_lock(auto_lock_minutes());
                    let _ = storage::remove(DRAFT_KEY);
                    let _ = storage::remove(BACKUP_KEY);
                    st.set_draft(st.draft.get_untracked());
                    st.save_error.set(None);
                    done(true);
                }
                Err(e) => {
                    lock::forget();
                    st.fail(e);
                    done(false);
                }
            }
        });
    }

    /// Turn the lock off: write the data back in plain form.
    pub fn lock_off(&self) {
        LOCKED.with(|l| l.set(false));
        lock::forget();
        // The check-in in progress goes back to plain text too (a sealed
        // one nobody could open any more is removed).
        self.set_draft(self.draft.get_untracked());
        let written = writer().and_then(|codec| {
            let text = self.data.with_untracked(codec.save);
            storage::write(DATA_KEY, &text)
        });
        match written {
            Ok(()) => self.save_error.set(None),
            Err(e) => self.fail(e),
        }
    }

    pub(crate) fn fail(&self, e: StoreError) {
        let msg = match e {
            StoreError::Quota => t("store.quota"),
            StoreError::Unavailable => {
                // The storage banner says it (`storage.unavailable`).
                self.status.set(Status::Unavailable);
                return self.save_error.set(None);
            }
            StoreError::Other(reason) => fill(&t("store.failed"), &[("reason", &reason)]),
        };
        self.save_error.set(Some(msg));
    }

    /// Whether the last save reached storage (with the lock on: whether
    /// the last finished encrypted write did).
    pub fn saved(&self) -> bool {
        self.status.get_untracked() == Status::Saving && self.save_error.get_untracked().is_none()
    }

    /// Save a finished check-in. Returns whether it reached storage.
    pub fn add_checkin(&self, c: CheckIn) -> bool {
        let first = self.data.with_untracked(|d| d.checkins.is_empty());
        self.data.update(|d| d.upsert(c));
        self.persist();
        let saved = self.saved();
        if saved && first {
            storage::request_persistence();
        }
        saved
    }

    /// "Delete all my data": every check-in, the plan, ledger and audit
    /// (recorded as deleted, so no other tab's copy brings them back), the
    /// check-in in progress, and the copy kept from before an upgrade.
    pub fn delete_everything(&self) {
        self.data.update(|d| d.delete_all(crate::now_ms()));
        self.persist();
        self.set_draft(None);
        let _ = storage::remove(BACKUP_KEY);
    }

    /// What was left unread for want of the codec (see [`read`]), read
    /// once it is here (a screen's "Try again" brought it): the stored
    /// data, and a check-in in progress, which a new one would otherwise
    /// replace.
    pub fn read_again(&self) {
        if crate::lazy::codec_now().is_none() {
            return;
        }
        let waiting = matches!(self.status.get_untracked(),
            Status::Corrupt { ref reason, .. } if reason.why == Why::NoCode);
        if waiting {
            let (data, status) = load();
            self.data.set(data);
            self.status.set(status);
        }
        if !locked() && self.draft.with_untracked(Option::is_none) {
            if let Some(d) = stored_plain_draft() {
                self.draft.set(Some(d));
            }
        }
    }

    /// Another tab saved: fold its copy into ours.
    pub fn on_external_change(&self) {
        if crate::lazy::codec_now().is_none() {
            // Saved elsewhere before this tab needed the codec: fetch it,
            // then read what was saved.
            let st = *self;
            return leptos::task::spawn_local(async move {
                if crate::lazy::codec().await.is_ok() {
                    st.on_external_change();
                }
            });
        }
        let Ok(raw) = storage::read(DATA_KEY) else {
            return;
        };
        // Read once: 10,000 check-ins take a while to parse.
        let loaded = read(raw.as_deref());
        let sealed = matches!(loaded, Loaded::Sealed);
        if locked() {
            if sealed {
                // Encrypted by another unlocked tab: decrypt with our key.
                let st = *self;
                return lock::reopen(&raw.unwrap_or_default(), move |plain| match plain {
                    // Read directly, not through `open`: the copy `open`
                    // keeps before a migration would be plain text, and
                    // nothing readable is written while the lock is on.
                    Ok(plain) => match read(Some(&plain)) {
                        Loaded::Ok(theirs) | Loaded::Migrated { data: theirs, .. } => {
                            st.fold_in(theirs)
                        }
                        _ => {}
                    },
                    // A new passphrase was set elsewhere: ask for it.
                    Err(()) => st.relock(),
                });
            }
            if raw.is_none() {
                // Erased in another tab (where the passphrase was
                // forgotten): what this tab decrypted goes too, rather
                // than be written back readable by its next save.
                return self.relock();
            }
            // The lock was removed in another tab.
            LOCKED.with(|l| l.set(false));
            lock::forget();
        }
        let copy = raw.clone();
        let (theirs, status) = open_loaded(raw, loaded);
        // What is stored now decides whether this tab may write.
        let readable = status == Status::Saving;
        if self.status.get_untracked() != status {
            self.status.set(status);
        }
        // Nothing stored (erased elsewhere): keep what is on screen, but
        // don't write it back on our own.
        if readable && copy.is_some() {
            seen(copy.as_deref());
            self.fold_in(theirs);
        }
    }

    /// Take another tab's save into ours (its edits win: see
    /// `Data::fold_in`), and write back if ours holds something it lacks:
    /// its save raced ours (both read before either wrote), and without
    /// this our check-in would be missing from storage until our next save.
    fn fold_in(&self, theirs: Data) {
        // Only ever after reading theirs, which needs the codec.
        let Some(codec) = crate::lazy::codec_now() else {
            return;
        };
        if self
            .data
            .try_update(|d| (codec.fold_in)(d, theirs))
            .unwrap_or(false)
        {
            self.persist();
        }
    }

    /// Close the lock now: forget the key and everything decrypted, by
    /// reloading the page, which then holds only the sealed text.
    pub fn relock(&self) {
        lock::forget();
        if let Some(w) = web_sys::window() {
            let _ = w.location().reload();
        }
    }

    /// "Lock now": close the lock in every open tab, this one last. Other
    /// tabs hear the write to `LOCK_NOW_KEY` and relock themselves.
    pub fn lock_everywhere(&self) {
        let _ = storage::write(LOCK_NOW_KEY, &crate::now_ms().to_string());
        self.relock();
    }

    pub fn say(&self, text: String, alert: bool, undo: Option<Undo>) {
        self.notice.set(Some(Notice { text, alert, undo }));
    }
}

impl Default for AppState {
    fn default() -> Self {
        Self::new()
    }
}

/// A readable check-in in progress left in storage (after a reload without
/// the lock).
fn stored_plain_draft() -> Option<Draft> {
    match stored_draft() {
        Some((_, StoredDraft::Plain(d))) => Some(d),
        _ => None,
    }
}

/// The check-in in progress as stored. Read by the codec, which start-up
/// fetches when one is stored; without it, it is left where it is.
fn stored_draft() -> Option<(String, StoredDraft)> {
    let codec = crate::lazy::codec_now()?;
    let raw = storage::read(DRAFT_KEY).ok().flatten()?;
    let kind = (codec.read_draft)(&raw);
    Some((raw, kind))
}

impl AppState {
    /// Another tab started, answered, finished or discarded the check-in in
    /// progress (there is one per device): follow it, so this tab neither
    /// resumes one that is already saved nor misses one that was begun.
    /// With the lock on, the stored draft is sealed; the one in memory is
    /// kept.
    pub fn on_external_draft(&self) {
        if !locked() {
            self.draft.set(stored_plain_draft());
        }
    }

    /// Keep the check-in in progress in memory and in storage, so a reload,
    /// or the lock closing, loses nothing. With the lock on it is written
    /// sealed, like the data. `None` discards it.
    pub fn set_draft(&self, d: Option<Draft>) {
        let generation = next_generation(&DRAFT_GEN);
        let st = *self;
        self.draft.set(d.clone());
        // A draft that can't be written still lives in memory; the check-in
        // itself is what matters, and its save reports failures.
        let Some(d) = d else {
            let _ = storage::remove(DRAFT_KEY);
            return;
        };
        let Some(codec) = crate::lazy::codec_now() else {
            return self.say(t("checkin.draftfailed"), true, None);
        };
        let text = (codec.draft_json)(&d);
        if !locked() {
            if storage::write(DRAFT_KEY, &text).is_err() {
                self.say(t("checkin.draftfailed"), true, None);
            }
            return;
        }
        lock::seal(&text, move |sealed| {
            if DRAFT_GEN.with(Cell::get) != generation || !locked() {
                return; // discarded, changed again, or the lock was removed
            }
            let written = sealed
                .ok()
                .and_then(|inner| (codec.sealed)(&inner).ok())
                .map(|text| storage::write(DRAFT_KEY, &text));
            if !matches!(written, Some(Ok(()))) {
                st.say(t("checkin.draftfailed"), true, None);
            }
        });
    }

    /// Change the check-in in progress, in memory and in storage.
    pub fn update_draft(&self, f: impl FnOnce(&mut Draft)) {
        if let Some(mut d) = self.draft.get_untracked() {
            f(&mut d);
            self.set_draft(Some(d));
        }
    }

    /// After unlocking: bring back the sealed check-in in progress, and seal
    /// a readable one (written while the lock was being set in another
    /// tab); then `ready`.
    fn reopen_draft(&self, ready: impl FnOnce() + 'static) {
        let st = *self;
        match stored_draft() {
            Some((raw, StoredDraft::Sealed)) => lock::reopen(&raw, move |plain| {
                // One that can't be read (damaged) is not resumed.
                let codec = crate::lazy::codec_now();
                if let Some(StoredDraft::Plain(d)) =
                    plain.ok().zip(codec).map(|(p, c)| (c.read_draft)(&p))
                {
                    st.draft.set(Some(d));
                }
                ready();
            }),
            Some((_, StoredDraft::Plain(d))) => {
                st.set_draft(Some(d));
                ready();
            }
            _ => ready(),
        }
    }
}

fn next_generation(counter: &'static std::thread::LocalKey<Cell<u32>>) -> u32 {
    counter.with(|g| {
        g.set(g.get().wrapping_add(1));
        g.get()
    })
}

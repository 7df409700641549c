//! Backup and restore: the only way data moves, and only when the person
//! asks. Export writes the same versioned envelope as storage; import
//! validates a whole file before anything changes and previews the result.

use crate::content::{steps, Dimension, Step, CONTENT_VERSION};
use crate::reason::{Reason, Why};
use crate::scoring::display;
use crate::store::{self, Data, Loaded, MAX_IMPORT_BYTES, SCHEMA_VERSION};

/// Why an import file was refused. Each names the problem plainly.
#[derive(Clone, Debug, PartialEq)]
pub enum ImportError {
    TooLarge {
        bytes: usize,
    },
    Empty,
    /// Not JSON, truncated, too deeply nested, or the wrong shape.
    Unreadable(Reason),
    /// From a newer Temper than this one.
    TooNew {
        version: u64,
    },
    /// Readable JSON that fails validation (bad answers, duplicates, ...).
    Invalid(Reason),
}

impl ImportError {
    /// What to tell the person, in their language (see [`Reason::words`]).
    pub fn reason(&self) -> Reason {
        match self {
            ImportError::TooLarge { .. } => {
                Reason::new(Why::FileTooLarge).with("limit", MAX_IMPORT_BYTES >> 20)
            }
            ImportError::Empty => Reason::new(Why::FileEmpty),
            ImportError::Unreadable(why) => Reason::new(Why::NotBackup).about(why.clone()),
            ImportError::TooNew { version } => Reason::new(Why::FileTooNew)
                .with("version", version)
                .with("ours", SCHEMA_VERSION),
            ImportError::Invalid(why) => Reason::new(Why::BadContent).about(why.clone()),
        }
    }
}

/// What an accepted file would do, shown before anything changes.
#[derive(Clone, Debug, PartialEq)]
pub struct Preview {
    pub incoming: Data,
    pub total: usize,
    /// Check-ins whose id is not already saved here.
    pub new: usize,
    /// Oldest and newest check-in times, if any.
    pub range: Option<(i64, i64)>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImportMode {
    /// Keep what is here and add what is new (deduplicated by id).
    Merge,
    /// Replace everything here with the file's contents.
    Replace,
}

/// The whole export file. Same format as storage, so one parser serves both.
pub fn export_json(data: &Data) -> String {
    store::save(data)
}

pub use crate::store::{CLOCK_SLACK_MS, EARLIEST_MS};

/// The first check-in (of today's questions) that leaves a question of its
/// mode unanswered: a result from part of the questions would be a
/// figure it never had. Stored data is not held to this; imports are.
fn first_incomplete(d: &Data) -> Option<Reason> {
    d.checkins.iter().enumerate().find_map(|(n, c)| {
        if c.content_version != CONTENT_VERSION {
            return None;
        }
        let missing = steps(c.mode)
            .iter()
            .filter(|s| matches!(s, Step::Question(i) if !c.answers.contains_key(i.id)))
            .count();
        (missing > 0).then(|| {
            Reason::new(Why::Unanswered)
                .about(Reason::check_in(n, &c.id))
                .with("count", missing)
        })
    })
}

/// Parse and validate an import completely. `existing` is only read, to
/// count what is new; `now` is this device's clock.
pub fn parse_import(text: &str, existing: &Data, now: i64) -> Result<Preview, ImportError> {
    if text.len() > MAX_IMPORT_BYTES {
        return Err(ImportError::TooLarge { bytes: text.len() });
    }
    if text.trim().is_empty() {
        return Err(ImportError::Empty);
    }
    let incoming = match store::parse(text) {
        Ok(Loaded::Ok(d) | Loaded::Migrated { data: d, .. }) => d,
        Ok(Loaded::TooNew { version, .. }) => return Err(ImportError::TooNew { version }),
        Ok(Loaded::Sealed) => return Err(ImportError::Unreadable(Reason::new(Why::SealedFile))),
        Ok(Loaded::Empty | Loaded::Corrupt { .. }) => return Err(ImportError::Empty),
        Err(store::Problem::Content(why)) => return Err(ImportError::Invalid(why)),
        Err(store::Problem::Shape(why)) => return Err(ImportError::Unreadable(why)),
    };
    if let Some(item) = incoming.out_of_time(now) {
        return Err(ImportError::Invalid(
            Reason::new(Why::OutOfTime).about(item),
        ));
    }
    if let Some(why) = first_incomplete(&incoming) {
        return Err(ImportError::Invalid(why));
    }
    // A check-in the file itself lists as deleted is not added.
    let gone: std::collections::HashSet<&str> =
        incoming.deleted.iter().map(String::as_str).collect();
    let new = incoming
        .checkins
        .iter()
        .filter(|c| existing.get(&c.id).is_none() && !gone.contains(c.id.as_str()))
        .count();
    let range = incoming
        .checkins
        .first()
        .zip(incoming.checkins.last())
        .map(|(a, b)| (a.at, b.at));
    Ok(Preview {
        total: incoming.checkins.len(),
        new,
        range,
        incoming,
    })
}

/// Apply a previewed import. Returns the new data; the caller swaps it in
/// and saves it in one step, so a failure leaves the old data as it was.
pub fn apply(existing: &Data, preview: &Preview, mode: ImportMode) -> Data {
    match mode {
        ImportMode::Replace => {
            // Tombstones for what is dropped, so another tab's copy can't
            // bring it back when the two are merged.
            let mut out = preview.incoming.clone();
            let kept: std::collections::HashSet<&str> = out.item_ids().collect();
            let dropped: Vec<String> = existing
                .item_ids()
                .filter(|id| !kept.contains(id))
                .map(String::from)
                .collect();
            for id in &dropped {
                out.tombstone(id);
            }
            if let (Some(_), None) = (&existing.audit, &out.audit) {
                out.audit = Some(crate::store::Audit {
                    at: existing.audit.as_ref().map_or(0, |a| a.at + 1),
                    values: Vec::new(),
                });
            }
            out
        }
        ImportMode::Merge => {
            let mut out = existing.clone();
            // An explicit import brings back check-ins deleted here earlier.
            let mut inc = preview.incoming.clone();
            out.deleted.retain(|id| {
                inc.get(id).is_none() && !inc.in_plan(id) && !inc.ledger.iter().any(|e| e.id == *id)
            });
            // A merge only adds: the file's deletion records never remove
            // what is on this device.
            inc.deleted.retain(|id| {
                existing.get(id).is_none()
                    && !existing.in_plan(id)
                    && !existing.ledger.iter().any(|e| e.id == *id)
            });
            out.merge(&inc);
            out
        }
    }
}

fn csv_field(s: &str) -> String {
    // Text a spreadsheet would run as a formula is kept as text.
    let s = &match s.starts_with(['=', '+', '-', '@']) {
        true => format!("'{s}"),
        false => s.to_string(),
    };
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// Columns of the CSV export: date, mode, the two indices, zone, the six
/// dimensions, the note.
pub const CSV_COLUMNS: usize = 12;

/// The scores as CSV, one row per check-in, oldest first: the local date
/// as `YYYY-MM-DD` (so a spreadsheet sorts it; `offset` gives the minutes
/// east of UTC at a moment), the figures, and the note. `header` holds the
/// translated column names and `text` translates the mode and zone keys
/// (`mode.full`, `zone.balance`, ...).
pub fn export_csv(
    data: &Data,
    header: &[&str; CSV_COLUMNS],
    offset: impl Fn(i64) -> i64,
    text: impl Fn(&str) -> String,
) -> String {
    let mut out = header
        .iter()
        .map(|h| csv_field(h))
        .collect::<Vec<_>>()
        .join(",");
    out.push_str("\r\n");
    for c in &data.checkins {
        let s = c.scores();
        let mode = text(&format!("mode.{}", c.mode.key()));
        let date = crate::ics::iso_day(c.at, offset(c.at));
        let mut row = vec![date, csv_field(&mode)];
        row.push(display(s.burnout).to_string());
        row.push(display(s.rustout).to_string());
        row.push(csv_field(&text(
            crate::profile::Profile::of(&s).headline_key(),
        )));
        // A pulse has no dimension figures: its cells are left empty.
        row.extend(Dimension::ALL.iter().map(|d| {
            s.figures(c.mode)
                .iter()
                .find(|(x, _)| x == d)
                .map(|(_, v)| display(*v).to_string())
                .unwrap_or_default()
        }));
        row.push(csv_field(&c.note));
        out.push_str(&row.join(","));
        out.push_str("\r\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::Mode;
    use crate::store::CheckIn;
    use proptest::prelude::*;

    /// Test times count from here (imports refuse times before 2000).
    const T0: i64 = 1_700_000_000_000;
    /// Far enough ahead that no test time is "in the future".
    const NOW: i64 = T0 + 1_000_000_000;

    fn data(ids: &[(&str, i64)]) -> Data {
        let mut d = Data::default();
        for (id, at) in ids {
            let answers = crate::content::items_of(crate::content::CONTENT_VERSION)
                .map(|i| (i.id.to_string(), 1))
                .collect();
            d.upsert(CheckIn::new(
                id.to_string(),
                T0 + *at,
                Mode::Full,
                answers,
                None,
            ));
        }
        d
    }

    #[test]
    fn a_check_in_with_unanswered_questions_is_refused() {
        let mut file = data(&[("a", 1), ("b", 2)]);
        file.checkins[1].answers.remove("ex2");
        file.checkins[1].answers.remove("rs7b");
        let err = parse_import(&export_json(&file), &Data::default(), NOW).unwrap_err();
        assert_eq!(
            err.reason().english(),
            "the file has content Temper can\u{2019}t accept: check-in 2 (\u{201c}b\u{201d}) leaves 2 of its questions unanswered"
        );
        // A pulse needs only its seven.
        let mut pulse = data(&[("p", 1)]);
        pulse.checkins[0].mode = Mode::Pulse;
        pulse.checkins[0]
            .answers
            .retain(|id, _| crate::content::item_by_id(id).is_some_and(|i| i.pulse));
        assert!(parse_import(&export_json(&pulse), &Data::default(), NOW).is_ok());
    }

    #[test]
    fn plan_ledger_and_audit_travel_with_a_backup_and_replace_drops_the_old_ones() {
        use crate::ledger::{Area, Entry, Flow};
        use crate::store::Audit;
        use crate::strategies::by_id;
        let entry = |id: &str| Entry {
            id: id.into(),
            at: T0 + 5,
            flow: Flow::Drain,
            area: Area::Work,
            rest: None,
            size: 2,
            change: None,
            what: String::new(),
        };
        let mut here = data(&[("a", 10)]);
        here.adopt(by_id("boundaries").unwrap(), Some(1), T0 + 1);
        here.add_entry(entry("old"));
        here.audit = Some(Audit {
            at: T0 + 3,
            values: vec![("Family".into(), 2)],
        });
        let mut file = data(&[("b", 20)]);
        file.adopt(by_id("learning").unwrap(), None, T0 + 2);
        file.add_entry(entry("new"));
        let p = parse_import(&export_json(&file), &here, NOW).unwrap();
        assert_eq!(p.incoming.plan.len(), 3);

        let merged = apply(&here, &p, ImportMode::Merge);
        assert_eq!(merged.plan.len(), 4);
        assert_eq!(merged.ledger.len(), 2);
        assert!(merged.audit.is_some());

        let replaced = apply(&here, &p, ImportMode::Replace);
        assert!(!replaced.in_plan("boundaries.1"));
        assert_eq!(replaced.ledger.len(), 1);
        assert!(replaced.audit.as_ref().is_none_or(|a| a.values.is_empty()));
        // Another tab still holding the old copy can't bring it back.
        let mut after = replaced.clone();
        after.merge(&here);
        assert!(!after.in_plan("boundaries.1"));
        assert!(after.get("a").is_none());
        assert!(after.ledger.iter().all(|e| e.id != "old"));
        assert!(after.audit.as_ref().is_none_or(|a| a.values.is_empty()));
    }

    #[test]
    fn a_merge_never_removes_what_is_on_this_device() {
        use crate::strategies::by_id;
        let mut here = data(&[("mine", 10), ("also", 11)]);
        here.adopt(by_id("boundaries").unwrap(), Some(1), T0 + 1);
        // A file whose deletion records name this device's items.
        let mut file = data(&[("theirs", 20)]);
        file.deleted = vec!["mine".into(), "boundaries.1".into(), "elsewhere".into()];
        let p = parse_import(&export_json(&file), &here, NOW).unwrap();
        assert_eq!(p.new, 1);
        let out = apply(&here, &p, ImportMode::Merge);
        let ids: Vec<&str> = out.checkins.iter().map(|c| c.id.as_str()).collect();
        assert_eq!(ids, ["mine", "also", "theirs"]);
        assert!(out.in_plan("boundaries.1"));
        // A deletion of something this device doesn't have is kept, so an
        // older copy can't bring it back.
        assert!(out.deleted.contains(&"elsewhere".to_string()));
    }

    #[test]
    fn a_checkin_the_file_itself_deletes_is_not_previewed_as_new() {
        let mut file = data(&[("kept", 20)]);
        let gone = data(&[("gone", 21)]).checkins.remove(0);
        file.checkins.push(gone);
        file.deleted = vec!["gone".into()];
        let text = export_json(&file);
        let p = parse_import(&text, &Data::default(), NOW).unwrap();
        let out = apply(&Data::default(), &p, ImportMode::Merge);
        assert_eq!(p.new, out.checkins.len());
        assert_eq!(p.new, 1);
    }

    #[test]
    fn far_future_and_ancient_times_are_refused() {
        // `data` counts from T0.
        for (at, ok) in [
            (NOW + CLOCK_SLACK_MS - T0, true),
            (NOW + CLOCK_SLACK_MS + 1 - T0, false),
            (253_402_300_799_000 - T0, false),
            (EARLIEST_MS - T0 - 1, false),
        ] {
            let file = data(&[("a", at)]);
            let got = parse_import(&export_json(&file), &Data::default(), NOW);
            assert_eq!(got.is_ok(), ok, "{at}: {got:?}");
            if let Err(e) = got {
                assert!(
                    e.reason()
                        .english()
                        .contains("dated before 2000 or more than a day ahead"),
                    "{e:?}"
                );
            }
        }
        let mut file = data(&[("a", 1)]);
        file.audit = Some(crate::store::Audit {
            at: NOW + 2 * CLOCK_SLACK_MS,
            values: vec![],
        });
        assert!(parse_import(&export_json(&file), &Data::default(), NOW).is_err());
    }

    #[test]
    fn export_then_import_round_trips() {
        let d = data(&[("a", 10), ("b", 20)]);
        let p = parse_import(&export_json(&d), &Data::default(), NOW).unwrap();
        assert_eq!((p.total, p.new, p.range), (2, 2, Some((T0 + 10, T0 + 20))));
        assert_eq!(apply(&Data::default(), &p, ImportMode::Merge), d);
    }

    #[test]
    fn merge_dedupes_and_replace_replaces() {
        let here = data(&[("a", 10), ("c", 30)]);
        let file = data(&[("a", 10), ("b", 20)]);
        let p = parse_import(&export_json(&file), &here, NOW).unwrap();
        assert_eq!(p.new, 1);
        let merged = apply(&here, &p, ImportMode::Merge);
        let ids: Vec<_> = merged.checkins.iter().map(|c| c.id.as_str()).collect();
        assert_eq!(ids, ["a", "b", "c"]);
        let replaced = apply(&here, &p, ImportMode::Replace);
        assert_eq!(replaced.checkins, file.checkins);
        assert_eq!(replaced.deleted, ["c"]);
    }

    #[test]
    fn bad_files_are_refused_with_a_named_problem() {
        let none = Data::default();
        let too_big = " ".repeat(MAX_IMPORT_BYTES + 1);
        assert_eq!(
            parse_import(&too_big, &none, NOW),
            Err(ImportError::TooLarge {
                bytes: MAX_IMPORT_BYTES + 1
            })
        );
        assert_eq!(parse_import("  ", &none, NOW), Err(ImportError::Empty));
        let good = export_json(&data(&[("a", 1)]));
        let truncated = &good[..good.len() / 2];
        assert!(matches!(
            parse_import(truncated, &none, NOW),
            Err(ImportError::Unreadable(_))
        ));
        let newer = good.replacen("\"v\":3", "\"v\":9", 1);
        assert_eq!(
            parse_import(&newer, &none, NOW),
            Err(ImportError::TooNew { version: 9 })
        );
        let deep = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
        assert!(matches!(
            parse_import(&deep, &none, NOW),
            Err(ImportError::Unreadable(_))
        ));
        let wrong_type = good.replace("\"ex1b\":1", "\"ex1b\":\"often\"");
        assert!(matches!(
            parse_import(&wrong_type, &none, NOW),
            Err(ImportError::Unreadable(_))
        ));
        let off_scale = good.replace("\"ex1b\":1", "\"ex1b\":7");
        assert!(matches!(
            parse_import(&off_scale, &none, NOW),
            Err(ImportError::Invalid(_))
        ));
        let huge_id = good.replace(
            "\"id\":\"a\"",
            &format!("\"id\":\"{}\"", "x".repeat(100_000)),
        );
        assert!(matches!(
            parse_import(&huge_id, &none, NOW),
            Err(ImportError::Invalid(_))
        ));
        for e in [ImportError::Empty, ImportError::TooNew { version: 2 }] {
            assert!(!e.reason().english().is_empty());
        }
    }

    #[test]
    fn csv_has_a_header_and_a_row_per_checkin() {
        let mut d = data(&[("a", 0), ("b", 1)]);
        d.checkins[0].note = "late, \"long\" week".into();
        d.checkins[1].at = 1_764_543_600_000; // 2025-11-30T23:00:00Z
        d.checkins[1].note = "=SUM(A1)".into();
        let h = [
            "Date", "Mode", "Burnout", "Rust-out", "Zone", "E", "C", "R", "B", "D", "U", "Note",
        ];
        // One hour east of UTC: 23:00 UTC is the next day there.
        let csv = export_csv(&d, &h, |_| 60, |k| k.to_uppercase());
        let lines: Vec<_> = csv.split("\r\n").collect();
        assert_eq!(lines[0], "Date,Mode,Burnout,Rust-out,Zone,E,C,R,B,D,U,Note");
        // Rarely = 25 everywhere; efficacy reversed = 75. Burnout = 41.67 -> 42.
        assert_eq!(
            lines[1],
            "2023-11-14,MODE.FULL,42,25,ZONE.STRAINED,25,25,75,25,25,25,\"late, \"\"long\"\" week\""
        );
        assert!(lines[2].starts_with("2025-12-01,"), "{}", lines[2]);
        // A note a spreadsheet would run as a formula stays text.
        assert!(lines[2].ends_with(",'=SUM(A1)"), "{}", lines[2]);
        assert_eq!(csv_field("a,\"b\""), "\"a,\"\"b\"\"\"");
    }

    proptest! {
        #[test]
        fn import_never_panics(text in ".{0,400}") {
            let _ = parse_import(&text, &Data::default(), NOW);
        }

        #[test]
        fn every_accepted_file_round_trips(text in prop_oneof![
            Just(export_json(&data(&[("a", 1), ("b", 2)]))),
            ".{0,200}",
        ]) {
            if let Ok(p) = parse_import(&text, &Data::default(), NOW) {
                let again = parse_import(&export_json(&p.incoming), &Data::default(), NOW).unwrap();
                prop_assert_eq!(again.incoming, p.incoming);
            }
        }
    }
}

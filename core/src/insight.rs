//! Findings from a person's own history: a few plain statements, each made
//! only when the data holds it up, and each saying how many check-ins (and
//! ledger entries) it rests on. The shell says them in words
//! (`insight.*` texts); this module decides which hold.

use crate::content::{Dimension, Index, Mode};
use crate::ledger::{Area, Flow};
use crate::store::{in_time, CheckIn, Data};

/// How far back the findings look: about three months.
pub const WINDOW_MS: i64 = 91 * 24 * 60 * 60 * 1000;

/// The smallest change worth a finding, in points (0-100): two answers of
/// a four-question dimension each moved by one step. Less is noise.
pub const MIN_MOVE: u8 = 13;

/// Fewest check-ins a trend rests on.
pub const MIN_CHECKINS: usize = 3;

/// Fewest drains of one kind before they are called a pattern.
pub const MIN_DRAINS: usize = 2;

/// One finding.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Insight {
    /// Over the window, among full check-ins (the only ones with dimension
    /// figures), the dimension that moved most from the first to the last.
    MovedMost {
        dimension: Dimension,
        from: u8,
        to: u8,
        since: i64,
        checkins: usize,
    },
    /// An index moved across check-ins of one mode in the window.
    IndexMoved {
        index: Index,
        mode: Mode,
        from: u8,
        to: u8,
        since: i64,
        checkins: usize,
    },
    /// The kind of drain logged most in the stretches between two
    /// check-ins of one mode where the burnout index rose.
    DrainsWhenRising {
        area: Area,
        times: usize,
        drains: usize,
        stretches: usize,
        checkins: usize,
    },
}

/// What the history supports, at `now`: at most one finding of each kind.
pub fn insights(data: &Data, now: i64) -> Vec<Insight> {
    let recent: Vec<&CheckIn> = data
        .checkins
        .iter()
        .filter(|c| in_time(c.at, now) && c.at >= now - WINDOW_MS)
        .collect();
    let of = |mode: Mode| -> Vec<&CheckIn> {
        recent.iter().copied().filter(|c| c.mode == mode).collect()
    };
    let (full, pulses) = (of(Mode::Full), of(Mode::Pulse));
    let mut out = Vec::new();
    out.extend(moved_most(&full));
    // The mode with more check-ins carries the index trend (like with like).
    let (mode, runs) = if full.len() >= pulses.len() {
        (Mode::Full, &full)
    } else {
        (Mode::Pulse, &pulses)
    };
    out.extend(index_moved(mode, runs));
    out.extend(drains_when_rising(data, &full, &pulses));
    out
}

fn moved(from: f64, to: f64) -> Option<(u8, u8)> {
    let (from, to) = (crate::scoring::display(from), crate::scoring::display(to));
    (from.abs_diff(to) >= MIN_MOVE).then_some((from, to))
}

fn moved_most(full: &[&CheckIn]) -> Option<Insight> {
    let (first, last) = (full.first()?, full.last()?);
    if full.len() < 2 {
        return None;
    }
    let (a, b) = (first.scores(), last.scores());
    Dimension::ALL
        .iter()
        .filter_map(|d| {
            let (from, to) = moved(a.dimension(*d)?, b.dimension(*d)?)?;
            Some((from.abs_diff(to), *d, from, to))
        })
        // The biggest move; on a tie, the dimension listed first.
        .min_by_key(|(by, d, _, _)| (std::cmp::Reverse(*by), *d))
        .map(|(_, dimension, from, to)| Insight::MovedMost {
            dimension,
            from,
            to,
            since: first.at,
            checkins: full.len(),
        })
}

fn index_moved(mode: Mode, runs: &[&CheckIn]) -> Option<Insight> {
    if runs.len() < MIN_CHECKINS {
        return None;
    }
    let (a, b) = (runs.first()?.scores(), runs.last()?.scores());
    [
        (Index::Burnout, a.burnout, b.burnout),
        (Index::RustOut, a.rustout, b.rustout),
    ]
    .into_iter()
    .filter_map(|(index, from, to)| moved(from, to).map(|(f, t)| (f.abs_diff(t), index, f, t)))
    .max_by_key(|(by, _, _, _)| *by)
    .map(|(_, index, from, to)| Insight::IndexMoved {
        index,
        mode,
        from,
        to,
        since: runs[0].at,
        checkins: runs.len(),
    })
}

fn drains_when_rising(data: &Data, full: &[&CheckIn], pulses: &[&CheckIn]) -> Option<Insight> {
    // Stretches between consecutive check-ins of one mode where the
    // burnout index rose by a clear step.
    let mut stretches: Vec<(i64, i64)> = Vec::new();
    let mut checkins = 0;
    for runs in [full, pulses] {
        let mut rose = false;
        for w in runs.windows(2) {
            if moved(w[0].scores().burnout, w[1].scores().burnout)
                .is_some_and(|(from, to)| to > from)
            {
                stretches.push((w[0].at, w[1].at));
                rose = true;
            }
        }
        if rose {
            checkins += runs.len();
        }
    }
    let drains: Vec<_> = data
        .ledger
        .iter()
        .filter(|e| e.flow == Flow::Drain)
        .filter(|e| {
            stretches
                .iter()
                .any(|(from, to)| (*from..*to).contains(&e.at))
        })
        .cloned()
        .collect();
    let (area, times, _) = *crate::ledger::most_frequent(&drains, Flow::Drain).first()?;
    let times = times as usize;
    (times >= MIN_DRAINS).then_some(Insight::DrainsWhenRising {
        area,
        times,
        drains: drains.len(),
        stretches: stretches.len(),
        checkins,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ledger::Entry;
    use crate::scoring::Answers;

    const DAY: i64 = 24 * 60 * 60 * 1000;
    const NOW: i64 = 1_780_000_000_000;

    /// A pulse whose burnout and rust-out answers are `b` and `r` (0-4).
    fn pulse(id: &str, days_ago: i64, b: u8, r: u8) -> CheckIn {
        let mut a = Answers::new();
        for item in crate::content::items_of(crate::content::CONTENT_VERSION).filter(|i| i.pulse) {
            let v = match item.category {
                crate::content::Category::Dimension(d) if d.index() == Index::Burnout => b,
                crate::content::Category::Dimension(_) => r,
                _ => 0,
            };
            a.insert(item.id.into(), if item.reverse { 4 - v } else { v });
        }
        CheckIn::new(id.into(), NOW - days_ago * DAY, Mode::Pulse, a, None)
    }

    /// A full check-in: every exhaustion answer `ex`, every other one 1.
    fn full(id: &str, days_ago: i64, ex: u8) -> CheckIn {
        let mut a = Answers::new();
        for item in crate::content::items_of(crate::content::CONTENT_VERSION) {
            let v = match item.category {
                crate::content::Category::Dimension(Dimension::Exhaustion) => ex,
                _ => 1,
            };
            a.insert(item.id.into(), if item.reverse { 4 - v } else { v });
        }
        CheckIn::new(id.into(), NOW - days_ago * DAY, Mode::Full, a, None)
    }

    fn drain(id: &str, days_ago: i64, area: Area) -> Entry {
        Entry {
            id: id.into(),
            at: NOW - days_ago * DAY,
            flow: Flow::Drain,
            area,
            rest: None,
            size: 3,
            change: None,
            what: String::new(),
        }
    }

    fn data(checkins: Vec<CheckIn>, ledger: Vec<Entry>) -> Data {
        Data {
            checkins,
            ledger,
            ..Data::default()
        }
    }

    #[test]
    fn too_little_history_gives_no_findings() {
        assert!(insights(&Data::default(), NOW).is_empty());
        let two = data(vec![pulse("a", 20, 1, 1), pulse("b", 5, 4, 1)], vec![]);
        // Two pulses: no trend yet (fewer than three), no drains logged.
        assert!(insights(&two, NOW).is_empty());
        // Three pulses that hardly move: nothing either.
        let flat = data(
            vec![
                pulse("a", 30, 1, 1),
                pulse("b", 20, 1, 1),
                pulse("c", 5, 1, 1),
            ],
            vec![],
        );
        assert!(insights(&flat, NOW).is_empty());
    }

    #[test]
    fn an_index_trend_rests_on_the_check_ins_of_one_mode_in_the_window() {
        let d = data(
            vec![
                // Older than three months: not counted.
                pulse("old", 200, 4, 4),
                pulse("a", 60, 1, 1),
                pulse("b", 30, 2, 1),
                pulse("c", 5, 3, 1),
            ],
            vec![],
        );
        assert_eq!(
            insights(&d, NOW),
            vec![Insight::IndexMoved {
                index: Index::Burnout,
                mode: Mode::Pulse,
                from: 25,
                to: 75,
                since: NOW - 60 * DAY,
                checkins: 3,
            }]
        );
    }

    #[test]
    fn the_dimension_that_moved_most_comes_from_full_check_ins() {
        let d = data(vec![full("a", 80, 1), full("b", 2, 4)], vec![]);
        assert_eq!(
            insights(&d, NOW)[0],
            Insight::MovedMost {
                dimension: Dimension::Exhaustion,
                from: 25,
                to: 100,
                since: NOW - 80 * DAY,
                checkins: 2,
            }
        );
    }

    #[test]
    fn drains_logged_while_burnout_rose_are_named_with_what_they_rest_on() {
        let d = data(
            vec![
                pulse("a", 40, 1, 1),
                pulse("b", 30, 3, 1),
                pulse("c", 20, 3, 1),
                pulse("d", 10, 1, 1),
            ],
            vec![
                // In the stretch where burnout rose (40 to 30 days ago).
                drain("w1", 38, Area::Work),
                drain("w2", 35, Area::Work),
                drain("p1", 33, Area::People),
                // Outside it: not counted.
                drain("w3", 25, Area::Work),
                drain("p2", 15, Area::People),
                drain("p3", 12, Area::People),
            ],
        );
        assert!(insights(&d, NOW).contains(&Insight::DrainsWhenRising {
            area: Area::Work,
            times: 2,
            drains: 3,
            stretches: 1,
            checkins: 4,
        }));
        // One drain of a kind is not a pattern.
        let one = data(d.checkins.clone(), vec![drain("w1", 38, Area::Work)]);
        assert!(!insights(&one, NOW)
            .iter()
            .any(|i| matches!(i, Insight::DrainsWhenRising { .. })));
    }

    #[test]
    fn a_check_in_dated_ahead_of_the_clock_is_left_out() {
        let d = data(
            vec![
                pulse("a", 60, 1, 1),
                pulse("b", 30, 1, 1),
                pulse("c", 5, 1, 1),
                pulse("future", -30, 4, 4),
            ],
            vec![],
        );
        assert!(insights(&d, NOW).is_empty());
    }
}

//! History views computed from saved check-ins: the change since the
//! previous check-in, and the geometry of the trend chart. Pure functions;
//! the shell only draws what comes back.

use crate::content::{Dimension, Mode};
use crate::scoring::{display, STEP};
use crate::store::CheckIn;

/// How a figure moved, in words: every figure here is better lower.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    Better,
    Worse,
    /// Moved less than one answer step moves it.
    Same,
}

impl Direction {
    /// The text of a line: `{name}: {now}`, and by how much (`{by}`).
    pub const fn key(self) -> &'static str {
        match self {
            Direction::Better => "since.better",
            Direction::Worse => "since.worse",
            Direction::Same => "since.same",
        }
    }
}

/// One line of "since last time": a text key, the value now, the change
/// (as displayed) and what it means.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    pub key: String,
    pub now: u8,
    pub delta: i16,
    pub direction: Direction,
}

/// "Since last time": the newest check-in against the one before it of
/// the same mode (a pulse with a pulse, a full check-in with a full one).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Since {
    pub mode: Mode,
    /// When the check-in compared with was made.
    pub then: i64,
    pub changes: Vec<Change>,
}

/// How far one answer, moved by one step, moves a dimension of this mode
/// (and a third of that, an index): smaller changes are "about the same".
fn one_step(mode: Mode, d: Dimension) -> f64 {
    let items = crate::content::items_of(crate::content::CONTENT_VERSION)
        .filter(|i| i.category == crate::content::Category::Dimension(d))
        .filter(|i| mode == Mode::Full || i.pulse)
        .count()
        .max(1);
    STEP / items as f64
}

/// Compare the newest check-in (`checkins` oldest first) with the previous
/// one of its mode: both indices, and for full check-ins the six
/// dimensions too (a pulse has no dimension figures). `None` when there is
/// no earlier check-in of that mode.
pub fn since_last(checkins: &[CheckIn]) -> Option<Since> {
    let (current, earlier) = checkins.split_last()?;
    let previous = earlier.iter().rev().find(|c| c.mode == current.mode)?;
    let (a, b) = (previous.scores(), current.scores());
    let mode = current.mode;
    let index_step = Dimension::ALL
        .iter()
        .map(|d| one_step(mode, *d))
        .fold(f64::INFINITY, f64::min)
        / 3.0;
    let mut changes = vec![
        change("results.burnout", a.burnout, b.burnout, index_step),
        change("results.rustout", a.rustout, b.rustout, index_step),
    ];
    for (d, now) in b.figures(mode) {
        if let Some((_, before)) = a.figures(mode).iter().find(|(x, _)| x == d) {
            let key = format!("dim.{}", d.key());
            changes.push(change(&key, *before, *now, one_step(mode, *d)));
        }
    }
    Some(Since {
        mode,
        then: previous.at,
        changes,
    })
}

fn change(key: &str, before: f64, now: f64, step: f64) -> Change {
    // A tiny margin: one step's move is never lost to rounding.
    let direction = if (now - before).abs() < step - 1e-9 {
        Direction::Same
    } else if now < before {
        Direction::Better
    } else {
        Direction::Worse
    };
    let (before, now) = (display(before), display(now));
    Change {
        key: key.to_string(),
        now,
        delta: i16::from(now) - i16::from(before),
        direction,
    }
}

/// How many check-ins the home screen's small trend shows.
pub const RECENT: usize = 8;
/// Days between check-ins when no reminder rhythm is set.
pub const DEFAULT_RHYTHM_DAYS: i64 = 14;

/// When the next check-in is due.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Due {
    Now,
    InDays(i64),
}

/// What the home screen shows a person coming back: the change since the
/// last comparable check-in, a small trend, the plan's progress and its
/// next open step, and when the next check-in is due.
#[derive(Clone, Debug, PartialEq)]
pub struct Welcome {
    pub since: Option<Since>,
    /// The last [`RECENT`] check-ins on the trend chart, oldest first.
    pub trend: Vec<Point>,
    /// Steps done, steps in the plan.
    pub plan: (usize, usize),
    /// The first step of the plan not done yet (its id).
    pub next_step: Option<crate::store::PlanStep>,
    pub due: Due,
}

/// The local calendar day (days since 1970-01-01) of a time, given the
/// offset of local time from UTC in minutes (east positive).
pub fn local_day(ms: i64, offset_minutes: i64) -> i64 {
    (ms + offset_minutes * 60_000).div_euclid(86_400_000)
}

/// The return home for `checkins` (oldest first) and `data`'s plan, on
/// local day `today`, with a check-in due every `rhythm_days`. `None`
/// before the first check-in (the first-visit home stays as it is).
pub fn welcome(
    data: &crate::store::Data,
    now: i64,
    offset_minutes: i64,
    rhythm_days: i64,
) -> Option<Welcome> {
    let latest = data.latest(now)?;
    let shown: Vec<CheckIn> = data
        .checkins
        .iter()
        .filter(|c| c.at <= latest.at)
        .cloned()
        .collect();
    let trend = chart_points(&rows(&shown[shown.len().saturating_sub(RECENT)..]));
    let since_last_check_in = local_day(now, offset_minutes) - local_day(latest.at, offset_minutes);
    let left = rhythm_days - since_last_check_in;
    Some(Welcome {
        since: since_last(&shown),
        trend,
        plan: data.plan_progress(),
        next_step: data.plan.iter().find(|s| !s.done).cloned(),
        due: if left <= 0 {
            Due::Now
        } else {
            Due::InDays(left)
        },
    })
}

/// Chart area in SVG units. Values 0-100 map to y from `BOTTOM` up to `TOP`.
pub const WIDTH: u16 = 600;
pub const LEFT: u16 = 36;
pub const RIGHT: u16 = 590;
pub const TOP: u16 = 10;
pub const BOTTOM: u16 = 210;

/// One check-in's place on the chart.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Point {
    pub x: u16,
    pub burnout_y: u16,
    pub rustout_y: u16,
    pub burnout: u8,
    pub rustout: u8,
    pub pulse: bool,
    pub at: i64,
}

/// y coordinate of a 0-100 value.
pub fn y_of(value: u8) -> u16 {
    BOTTOM - u16::from(value.min(100)) * (BOTTOM - TOP) / 100
}

/// A check-in's headline numbers, computed once for every view of the history.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Row {
    pub at: i64,
    pub pulse: bool,
    pub burnout: u8,
    pub rustout: u8,
    pub zone: crate::scoring::Zone,
    /// The words for where it stands (see `Profile::headline_key`).
    pub label: &'static str,
}

/// Score every check-in once.
pub fn rows(checkins: &[CheckIn]) -> Vec<Row> {
    checkins
        .iter()
        .map(|c| {
            let s = c.scores();
            Row {
                at: c.at,
                pulse: c.mode == Mode::Pulse,
                burnout: display(s.burnout),
                rustout: display(s.rustout),
                zone: s.zone(),
                label: crate::profile::Profile::of(&s).headline_key(),
            }
        })
        .collect()
}

/// Points for the given rows (oldest first), spaced by time. A single
/// check-in sits in the middle.
pub fn chart_points(rows: &[Row]) -> Vec<Point> {
    let (Some(first), Some(last)) = (rows.first(), rows.last()) else {
        return Vec::new();
    };
    let span = (last.at - first.at).max(0);
    rows.iter()
        .map(|c| {
            let (b, r) = (c.burnout, c.rustout);
            let x = if span == 0 {
                (LEFT + RIGHT) / 2
            } else {
                let offset =
                    (c.at - first.at) as i128 * i128::from(RIGHT - LEFT) / i128::from(span);
                LEFT + offset as u16
            };
            Point {
                x,
                burnout_y: y_of(b),
                rustout_y: y_of(r),
                burnout: b,
                rustout: r,
                pulse: c.pulse,
                at: c.at,
            }
        })
        .collect()
}

/// Dates under the chart: the first check-in's at the left edge, the
/// last's at the right, and one halfway in time when there are at least
/// three and room for it. Each is (x, time, SVG `text-anchor`).
pub fn date_ticks(points: &[Point]) -> Vec<(u16, i64, &'static str)> {
    let (Some(first), Some(last)) = (points.first(), points.last()) else {
        return Vec::new();
    };
    if points.len() == 1 || first.x == last.x {
        return vec![(last.x, last.at, "middle")];
    }
    let mut ticks = vec![(first.x, first.at, "start")];
    if points.len() >= 3 && last.x - first.x >= 300 {
        ticks.push((
            (first.x + last.x) / 2,
            first.at + (last.at - first.at) / 2,
            "middle",
        ));
    }
    ticks.push((last.x, last.at, "end"));
    ticks
}

/// An SVG polyline `points` attribute.
pub fn polyline(points: &[Point], y: impl Fn(&Point) -> u16) -> String {
    points
        .iter()
        .map(|p| format!("{},{}", p.x, y(p)))
        .collect::<Vec<_>>()
        .join(" ")
}

/// How many recent check-ins the zone-map path shows.
pub const PATH_LEN: usize = 8;
/// The trend chart marks at most this many of the newest check-ins.
pub const MAX_MARKS: usize = 60;
/// The history list shows this many newest check-ins until the person
/// asks for all.
pub const PAGE: usize = 100;
/// The rest of the list comes in parts of this many rows, each a table
/// body of its own.
pub const PART: usize = 100;
/// At most this many parts are built ahead, hidden, while the browser is
/// idle; with more check-ins than that, "Show all" builds the others when
/// asked.
pub const AHEAD: usize = 9;

/// The list's rows: the newest [`PAGE`], shown at once, and the rest in
/// parts of [`PART`], shown once the person asks for all (each part is
/// added on its own, so the rows before it stay as they are).
pub fn pages<T>(rows: &[T]) -> (&[T], std::slice::Chunks<'_, T>) {
    let (first, rest) = rows.split_at(rows.len().min(PAGE));
    (first, rest.chunks(PART))
}

/// How many of the rest's `parts` are in the page: every one once the
/// person has asked for all (`all`); before that, the ones built ahead
/// (`built`), at most [`AHEAD`].
pub fn parts_in_page(parts: usize, built: usize, all: bool) -> usize {
    if all {
        parts
    } else {
        built.min(parts).min(AHEAD)
    }
}

/// Whether to build one more part ahead, with `built` of `parts` built:
/// not once the person has asked for all (they are all built then), and
/// never more than [`AHEAD`].
pub fn build_another(parts: usize, built: usize, all: bool) -> bool {
    !all && built < parts.min(AHEAD)
}

/// The stress-spectrum map's four squares in its 240-unit box: the corner
/// (x, y) of each 100-unit square, with its zone.
pub const MAP_QUADS: [(u16, u16, crate::scoring::Zone); 4] = [
    (30, 10, crate::scoring::Zone::BurningOut),
    (130, 10, crate::scoring::Zone::Both),
    (30, 110, crate::scoring::Zone::InBalance),
    (130, 110, crate::scoring::Zone::RustingOut),
];

/// Text key of a quadrant's label on the map (`map.both`): short enough
/// to fit its square, unlike some languages' zone names.
pub fn map_label_key(zone: crate::scoring::Zone) -> String {
    format!("map.{}", zone.key().trim_start_matches("zone."))
}

/// Where (rust-out, burnout) lies on the map: a 200-unit plot inside the
/// 240-unit box, origin bottom-left.
/// A score of exactly the middle is not above it (`scoring::MIDDLE`): it
/// is drawn just inside the lower or left half, never on the line.
pub fn map_point((x, y): (u8, u8)) -> (u16, u16) {
    let at = |v: u8| {
        u16::from(v) * 2
            - if f64::from(v) == crate::scoring::MIDDLE {
                3
            } else {
                0
            }
    };
    (30 + at(x), 210 - at(y))
}

/// The map's path through `points` ("x,y x,y ...").
pub fn map_path(points: &[(u8, u8)]) -> String {
    points
        .iter()
        .map(|p| {
            let (x, y) = map_point(*p);
            format!("{x},{y}")
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tick_tests {
    use super::*;

    fn row(at: i64) -> Row {
        Row {
            at,
            burnout: 40,
            rustout: 30,
            pulse: true,
            zone: crate::scoring::Zone::InBalance,
            label: "zone.balance",
        }
    }

    #[test]
    fn the_chart_has_dates_at_its_ends_and_one_between_when_there_is_room() {
        assert!(date_ticks(&[]).is_empty());
        let one = chart_points(&[row(5)]);
        assert_eq!(date_ticks(&one), vec![((LEFT + RIGHT) / 2, 5, "middle")]);
        let two = chart_points(&[row(0), row(100)]);
        assert_eq!(
            date_ticks(&two),
            vec![(LEFT, 0, "start"), (RIGHT, 100, "end")]
        );
        let three = chart_points(&[row(0), row(10), row(100)]);
        assert_eq!(
            date_ticks(&three),
            vec![
                (LEFT, 0, "start"),
                ((LEFT + RIGHT) / 2, 50, "middle"),
                (RIGHT, 100, "end")
            ]
        );
    }
}

#[cfg(test)]
mod page_tests {
    use super::{build_another, pages, parts_in_page, AHEAD, PAGE, PART};

    #[test]
    fn the_first_page_then_the_rest_in_parts_with_nothing_twice_or_lost() {
        for n in [
            0,
            3,
            PAGE,
            PAGE + 1,
            PAGE + 7,
            PAGE + PART,
            2 * PAGE + PART + 1,
            1_234,
        ] {
            let rows: Vec<usize> = (0..n).collect();
            let (first, rest) = pages(&rows);
            assert_eq!(first.len(), n.min(PAGE));
            let parts: Vec<&[usize]> = rest.collect();
            assert!(parts.iter().all(|p| !p.is_empty() && p.len() <= PART));
            let again: Vec<usize> = first.iter().chain(parts.concat().iter()).copied().collect();
            assert_eq!(again, rows, "{n} rows");
        }
    }

    #[test]
    fn parts_are_built_ahead_up_to_the_limit_and_all_shown_when_asked() {
        for parts in 0..AHEAD + 3 {
            let mut built = 0;
            while build_another(parts, built, false) {
                built += 1;
                assert_eq!(parts_in_page(parts, built, false), built);
            }
            assert_eq!(built, parts.min(AHEAD));
            assert!(!build_another(parts, built, true));
            assert_eq!(parts_in_page(parts, built, true), parts);
            assert_eq!(parts_in_page(parts, 0, true), parts);
            // Built for more rows than are left (after a delete): only those left.
            assert_eq!(parts_in_page(parts, parts + 5, false), parts.min(AHEAD));
        }
    }
}

#[cfg(test)]
mod map_tests {
    use super::*;

    #[test]
    fn a_score_of_fifty_is_drawn_inside_the_lower_half_never_on_the_line() {
        // The lines between the quadrants are at x = 130 and y = 110.
        let (x, y) = map_point((50, 50));
        assert!(x < 130 && y > 110, "{x},{y}");
        assert_eq!(map_point((51, 51)), (132, 108));
        assert_eq!(map_point((0, 0)), (30, 210));
        assert_eq!(map_point((100, 100)), (230, 10));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn checkin(at: i64, answer: u8, mode: Mode) -> CheckIn {
        let answers = crate::content::items_of(crate::content::CONTENT_VERSION)
            .filter(|i| mode == Mode::Full || i.pulse)
            .map(|i| {
                (
                    i.id.to_string(),
                    if i.reverse { 4 - answer } else { answer },
                )
            })
            .collect();
        CheckIn::new(format!("c{at}"), at, mode, answers, None)
    }

    #[test]
    fn since_last_compares_like_with_like_and_says_which_way() {
        // Full at 25, pulse at 75, full at 75: the newest full check-in is
        // compared with the first, not with the pulse between them.
        let cs = [
            checkin(1, 1, Mode::Full),
            checkin(2, 3, Mode::Pulse),
            checkin(3, 3, Mode::Full),
        ];
        let s = since_last(&cs).unwrap();
        assert_eq!((s.mode, s.then), (Mode::Full, 1));
        assert_eq!(s.changes.len(), 8);
        assert_eq!(
            s.changes[0],
            Change {
                key: "results.burnout".into(),
                now: 75,
                delta: 50,
                direction: Direction::Worse,
            }
        );
        assert_eq!(s.changes[2].key, "dim.exhaustion");
        // A pulse is compared with a pulse, and has no dimension lines.
        let cs = [
            checkin(1, 3, Mode::Pulse),
            checkin(2, 0, Mode::Full),
            checkin(3, 1, Mode::Pulse),
        ];
        let s = since_last(&cs).unwrap();
        assert_eq!((s.mode, s.then, s.changes.len()), (Mode::Pulse, 1, 2));
        assert_eq!(s.changes[0].direction, Direction::Better);
        // Nothing earlier of the same mode: nothing to compare.
        assert_eq!(since_last(&cs[1..2]), None);
        assert_eq!(
            since_last(&[checkin(1, 1, Mode::Pulse), checkin(2, 1, Mode::Full)]),
            None
        );
    }

    #[test]
    fn the_return_home_says_where_things_stand_and_when_the_next_check_in_is_due() {
        const DAY: i64 = 86_400_000;
        let now = 1_800_000_000_000;
        let mut d = crate::store::Data::default();
        for n in 0..10 {
            let mut c = checkin(now - (20 - n) * DAY, (n % 5) as u8, Mode::Pulse);
            c.id = format!("p{n}");
            d.upsert(c);
        }
        d.adopt(crate::strategies::by_id("boundaries").unwrap(), None, now);
        d.set_done("boundaries.1", true);
        let w = welcome(&d, now, 0, 14).unwrap();
        assert_eq!(w.trend.len(), RECENT);
        assert_eq!(w.plan, (1, 4));
        assert_eq!(w.next_step.map(|s| s.id).as_deref(), Some("boundaries.2"));
        // The newest is 11 days old: due in 3 days; after 14, due now.
        assert_eq!(w.due, Due::InDays(3));
        assert_eq!(welcome(&d, now + 3 * DAY, 0, 14).unwrap().due, Due::Now);
        assert_eq!(welcome(&d, now, 0, 7).unwrap().due, Due::Now);
        assert_eq!(w.since.map(|s| s.mode), Some(Mode::Pulse));
        assert_eq!(welcome(&crate::store::Data::default(), now, 0, 14), None);
        // Local days: 23:30 in UTC-5 is still the same day there.
        assert_eq!(local_day(5 * DAY + 4 * 3_600_000, -300), 4);
    }

    #[test]
    fn less_than_one_answer_step_is_about_the_same() {
        let base = checkin(1, 2, Mode::Full);
        let mut nudged = checkin(2, 2, Mode::Full);
        // One step on one exhaustion question: exhaustion moves 6.25 (one
        // step), burnout 2.08 (one step of an index).
        nudged.answers.insert("ex1b".into(), 3);
        let s = since_last(&[base.clone(), nudged]).unwrap();
        let by = |k: &str| s.changes.iter().find(|c| c.key == k).unwrap().direction;
        assert_eq!(by("dim.exhaustion"), Direction::Worse);
        assert_eq!(by("results.burnout"), Direction::Worse);
        assert_eq!(by("results.rustout"), Direction::Same);
        assert_eq!(by("dim.boredom"), Direction::Same);
    }

    #[test]
    fn chart_spaces_points_by_time_and_maps_values() {
        let cs = [
            checkin(0, 0, Mode::Full),
            checkin(50, 2, Mode::Pulse),
            checkin(100, 4, Mode::Full),
        ];
        let p = chart_points(&rows(&cs));
        assert_eq!(
            p.iter().map(|p| p.x).collect::<Vec<_>>(),
            [LEFT, (LEFT + RIGHT) / 2, RIGHT]
        );
        assert_eq!((p[0].burnout_y, p[2].burnout_y), (BOTTOM, TOP));
        assert_eq!(p[1].burnout_y, y_of(50));
        assert!(p[1].pulse && !p[0].pulse);
        assert_eq!(
            polyline(&p[..2], |p| p.rustout_y),
            format!("{LEFT},{BOTTOM} {},{}", (LEFT + RIGHT) / 2, y_of(50))
        );
        assert_eq!(chart_points(&[]), vec![]);
        assert_eq!(chart_points(&rows(&cs[..1]))[0].x, (LEFT + RIGHT) / 2);
        assert_eq!(rows(&cs)[2].zone, crate::scoring::Zone::Both);
    }

    #[test]
    fn thresholds_land_on_band_lines() {
        assert_eq!(
            [y_of(0), y_of(25), y_of(50), y_of(75), y_of(100)],
            [210, 160, 110, 60, 10]
        );
    }
}

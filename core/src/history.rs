//! History views computed from saved check-ins: the change since the
//! previous check-in, and the geometry of the trend chart. Pure functions;
//! the shell only draws what comes back.

use crate::content::{Dimension, Mode};
use crate::scoring::{display, score};
use crate::store::CheckIn;

/// One line of "since last time": a text key, the value now, and the change.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    pub key: String,
    pub now: u8,
    pub delta: i16,
}

/// Change in both indices and all six dimensions between two check-ins,
/// compared on displayed (rounded) values so the numbers add up on screen.
pub fn since_last(previous: &CheckIn, current: &CheckIn) -> Vec<Change> {
    let (a, b) = (score(&previous.answers), score(&current.answers));
    let mut out = vec![
        change("results.burnout", a.burnout, b.burnout),
        change("results.rustout", a.rustout, b.rustout),
    ];
    for d in Dimension::ALL {
        out.push(change(
            &format!("dim.{}", d.key()),
            a.dimension(*d),
            b.dimension(*d),
        ));
    }
    out
}

fn change(key: &str, before: f64, now: f64) -> Change {
    let (before, now) = (display(before), display(now));
    Change {
        key: key.to_string(),
        now,
        delta: i16::from(now) - i16::from(before),
    }
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
            let s = score(&c.answers);
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

/// The stress-spectrum map's four squares in its 240-unit box: the corner
/// (x, y) of each 100-unit square, with its zone.
pub const MAP_QUADS: [(u16, u16, crate::scoring::Zone); 4] = [
    (30, 10, crate::scoring::Zone::BurningOut),
    (130, 10, crate::scoring::Zone::Both),
    (30, 110, crate::scoring::Zone::InBalance),
    (130, 110, crate::scoring::Zone::RustingOut),
];

/// Where (rust-out, burnout) lies on the map: a 200-unit plot inside the
/// 240-unit box, origin bottom-left.
pub fn map_point((x, y): (u8, u8)) -> (u16, u16) {
    (30 + u16::from(x) * 2, 210 - u16::from(y) * 2)
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
mod tests {
    use super::*;
    use crate::content::ITEMS;

    fn checkin(at: i64, answer: u8, mode: Mode) -> CheckIn {
        let answers = ITEMS
            .iter()
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
    fn since_last_reports_rounded_changes() {
        let changes = since_last(&checkin(1, 1, Mode::Full), &checkin(2, 3, Mode::Pulse));
        assert_eq!(changes.len(), 8);
        assert_eq!(
            changes[0],
            Change {
                key: "results.burnout".into(),
                now: 75,
                delta: 50
            }
        );
        assert_eq!(changes[2].key, "dim.exhaustion");
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

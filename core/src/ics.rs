//! "Remind me to check in" as an iCalendar file (RFC 5545): a recurring
//! event whose link opens Temper, with an alarm (VALARM, display) so the
//! calendar rings. Its time is floating local time (RFC 5545 3.3.5, form
//! 1): 09:00 stays 09:00 wherever the person is and across daylight-saving
//! changes. No server is involved; the person's own calendar does the
//! reminding.

/// How often the reminder repeats.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Every {
    Week,
    TwoWeeks,
    Month,
}

impl Every {
    pub const ALL: [Every; 3] = [Every::Week, Every::TwoWeeks, Every::Month];

    /// Its form value and text key part: `remind.<key>`.
    pub const fn key(self) -> &'static str {
        match self {
            Every::Week => "week",
            Every::TwoWeeks => "2weeks",
            Every::Month => "month",
        }
    }

    /// Roughly how many days apart (for when a check-in is due).
    pub const fn days(self) -> i64 {
        match self {
            Every::Week => 7,
            Every::TwoWeeks => 14,
            Every::Month => 30,
        }
    }

    pub fn from_key(key: &str) -> Option<Every> {
        Every::ALL.into_iter().find(|e| e.key() == key)
    }

    fn rrule(self) -> &'static str {
        match self {
            Every::Week => "FREQ=WEEKLY",
            Every::TwoWeeks => "FREQ=WEEKLY;INTERVAL=2",
            Every::Month => "FREQ=MONTHLY",
        }
    }
}

/// A wall-clock date and time, in no particular time zone.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LocalTime {
    pub year: i32,
    pub month: u32,
    pub day: u32,
    pub hour: u32,
    pub minute: u32,
}

impl LocalTime {
    /// From a date field (`YYYY-MM-DD`, a real date) and a time field
    /// (`HH:MM`, 24-hour), as the browser's date and time inputs give them.
    pub fn parse(date: &str, time: &str) -> Option<LocalTime> {
        if !crate::plan::valid_due(date) || date.is_empty() {
            return None;
        }
        let num = |s: &str| s.parse::<u32>().ok();
        let (h, m) = time.split_once(':')?;
        // "09:00", or "09:00:00" from an input that shows seconds.
        let m = m
            .get(..2)
            .filter(|_| m.len() == 2 || m.as_bytes().get(2) == Some(&b':'))?;
        let (hour, minute) = (num(h).filter(|h| *h < 24)?, num(m).filter(|m| *m < 60)?);
        let mut parts = date.split('-');
        let year = parts.next()?.parse().ok()?;
        let (month, day) = (num(parts.next()?)?, num(parts.next()?)?);
        Some(LocalTime {
            year,
            month,
            day,
            hour,
            minute,
        })
    }

    /// Floating date-time, e.g. `20261215T090000`.
    pub fn floating(self) -> String {
        format!(
            "{:04}{:02}{:02}T{:02}{:02}00",
            self.year, self.month, self.day, self.hour, self.minute
        )
    }
}

/// Days since 1970-01-01 of a civil (proleptic Gregorian) date.
fn days_from_civil(y: i32, m: u32, d: u32) -> i64 {
    let (y, m) = (i64::from(y) - i64::from(m <= 2), i64::from(m));
    let era = y.div_euclid(400);
    let yoe = y.rem_euclid(400);
    let doy = (153 * ((m + 9) % 12) + 2) / 5 + i64::from(d) - 1;
    era * 146_097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719_468
}

/// The local calendar day of a moment as `YYYY-MM-DD` (`offset_minutes`
/// east of UTC at that moment), for files that sort by date.
pub fn iso_day(ms: i64, offset_minutes: i64) -> String {
    let (y, m, d) = civil_from_days(crate::history::local_day(ms, offset_minutes));
    format!("{y:04}-{m:02}-{d:02}")
}

/// The civil date of a day count (see `utc`).
fn civil_from_days(days: i64) -> (i32, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    ((yoe + era * 400 + i64::from(month <= 2)) as i32, month, day)
}

/// The reminder a person set, kept under `temper.remind` so the app can
/// say what it is and when it next rings:
/// `{"every":"2weeks","first":"2026-12-15","time":"09:00"}`.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Rhythm {
    pub every: String,
    pub first: String,
    pub time: String,
}

impl Rhythm {
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("a rhythm always serializes")
    }

    /// What `temper.remind` holds, if it reads as a rhythm.
    pub fn from_json(raw: &str) -> Option<Rhythm> {
        serde_json::from_str(raw).ok()
    }

    pub fn every(&self) -> Option<Every> {
        Every::from_key(&self.every)
    }

    pub fn start(&self) -> Option<LocalTime> {
        LocalTime::parse(&self.first, &self.time)
    }

    /// The first occurrence on or after `today` (a local date), or `None`
    /// when what is stored doesn't read.
    pub fn next(&self, today: (i32, u32, u32)) -> Option<LocalTime> {
        let (every, start) = (self.every()?, self.start()?);
        let first = days_from_civil(start.year, start.month, start.day);
        let now = days_from_civil(today.0, today.1, today.2);
        let day = match every {
            _ if now <= first => first,
            Every::Week | Every::TwoWeeks => {
                let period = if every == Every::Week { 7 } else { 14 };
                first + (now - first + period - 1) / period * period
            }
            // The same day of a later month (the last day of a shorter one).
            Every::Month => (0..)
                .map(|k: i64| {
                    let months = i64::from(start.year) * 12 + i64::from(start.month) - 1 + k;
                    let (y, m) = ((months / 12) as i32, (months % 12) as u32 + 1);
                    let last = (28..=31)
                        .rev()
                        .find(|d| civil_from_days(days_from_civil(y, m, *d)).1 == m)
                        .unwrap_or(28);
                    days_from_civil(y, m, start.day.min(last))
                })
                .find(|d| *d >= now)
                .unwrap_or(now),
        };
        let (year, month, day) = civil_from_days(day);
        Some(LocalTime {
            year,
            month,
            day,
            ..start
        })
    }
}

pub struct Reminder<'a> {
    /// First occurrence, in the person's local time.
    pub start: LocalTime,
    pub every: Every,
    /// Where the event's link points: this Temper's address.
    pub url: &'a str,
    pub summary: &'a str,
    pub description: &'a str,
    /// Globally unique id, e.g. "<random>@temper".
    pub uid: &'a str,
    /// When the file was made, milliseconds since the epoch.
    pub stamp_ms: i64,
}

/// UTC date-time in iCalendar form, e.g. `20261122T083000Z`.
pub fn utc(ms: i64) -> String {
    let secs = ms.div_euclid(1000);
    let (days, rem) = (secs.div_euclid(86_400), secs.rem_euclid(86_400));
    let (year, month, day) = civil_from_days(days);
    format!(
        "{year:04}{month:02}{day:02}T{:02}{:02}{:02}Z",
        rem / 3600,
        rem % 3600 / 60,
        rem % 60
    )
}

/// Escape a TEXT value: backslash, semicolon, comma and newlines.
fn text(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for c in value.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// Fold a content line to at most 75 octets per line, never splitting a
/// UTF-8 character; continuation lines start with one space.
fn fold(line: &str, out: &mut String) {
    let mut limit = 75;
    let mut used = 0;
    for c in line.chars() {
        let n = c.len_utf8();
        if used + n > limit {
            out.push_str("\r\n ");
            used = 1;
            limit = 75;
        }
        out.push(c);
        used += n;
    }
    out.push_str("\r\n");
}

pub fn ics(r: &Reminder) -> String {
    let lines = [
        "BEGIN:VCALENDAR".to_string(),
        "VERSION:2.0".into(),
        "PRODID:-//Temper//Check-in reminder//EN".into(),
        "CALSCALE:GREGORIAN".into(),
        "METHOD:PUBLISH".into(),
        "BEGIN:VEVENT".into(),
        format!("UID:{}", text(r.uid)),
        format!("DTSTAMP:{}", utc(r.stamp_ms)),
        format!("DTSTART:{}", r.start.floating()),
        "DURATION:PT10M".into(),
        format!("RRULE:{}", r.every.rrule()),
        format!("SUMMARY:{}", text(r.summary)),
        format!(
            "DESCRIPTION:{}",
            text(&format!("{}\n{}", r.description, r.url))
        ),
        format!("URL:{}", r.url),
        "BEGIN:VALARM".into(),
        "ACTION:DISPLAY".into(),
        format!("DESCRIPTION:{}", text(r.summary)),
        "TRIGGER:PT0M".into(),
        "END:VALARM".into(),
        "END:VEVENT".into(),
        "END:VCALENDAR".into(),
    ];
    let mut out = String::new();
    for l in &lines {
        fold(l, &mut out);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn sample<'a>(summary: &'a str, description: &'a str) -> Reminder<'a> {
        Reminder {
            start: LocalTime::parse("2026-12-15", "09:00").unwrap(),
            every: Every::TwoWeeks,
            url: "https://example.org/tools/temper/#/checkin",
            summary,
            description,
            uid: "k3j9-2f@temper",
            stamp_ms: 0,
        }
    }

    fn unfold(s: &str) -> String {
        s.replace("\r\n ", "")
    }

    #[test]
    fn utc_dates() {
        assert_eq!(utc(0), "19700101T000000Z");
        assert_eq!(utc(951_782_400_000), "20000229T000000Z");
        assert_eq!(utc(1_763_800_000_000), "20251122T082640Z");
        assert_eq!(utc(-1_000), "19691231T235959Z");
    }

    #[test]
    fn has_the_required_properties_with_crlf() {
        let out = ics(&sample("Temper check-in", "Time for your check-in."));
        assert!(out.ends_with("END:VCALENDAR\r\n"));
        assert!(!out.replace("\r\n", "").contains('\n'));
        for p in [
            "UID:k3j9-2f@temper",
            "DTSTAMP:19700101T000000Z",
            "DTSTART:",
            "RRULE:FREQ=WEEKLY;INTERVAL=2",
            "VERSION:2.0",
            "PRODID:",
        ] {
            assert!(unfold(&out).contains(p), "missing {p}");
        }
        let monthly = ics(&Reminder {
            every: Every::Month,
            ..sample("a", "b")
        });
        assert!(monthly.contains("RRULE:FREQ=MONTHLY\r\n"));
    }

    #[test]
    fn rings_at_the_same_local_time_in_any_zone() {
        let out = ics(&sample("Temper check-in", "x"));
        // Floating: no "Z", no TZID; the calendar keeps 09:00 local.
        assert!(out.contains("DTSTART:20261215T090000\r\n"));
        let alarm = &out[out.find("BEGIN:VALARM").unwrap()..out.find("END:VALARM").unwrap()];
        assert!(alarm.contains("ACTION:DISPLAY\r\n") && alarm.contains("TRIGGER:PT0M\r\n"));
        assert!(alarm.contains("DESCRIPTION:Temper check-in\r\n"));
    }

    #[test]
    fn local_times_are_read_from_the_form_or_refused() {
        assert_eq!(
            LocalTime::parse("2027-03-28", "23:59").map(LocalTime::floating),
            Some("20270328T235900".into())
        );
        for (d, t) in [
            ("2026-02-30", "09:00"),
            ("", "09:00"),
            ("2026-12-15", "24:00"),
            ("2026-12-15", "9"),
            ("2026-12-15", "09:60"),
        ] {
            assert_eq!(LocalTime::parse(d, t), None, "{d} {t}");
        }
    }

    #[test]
    fn the_next_reminder_is_the_first_occurrence_from_today() {
        let r = |every: &str, first: &str| Rhythm {
            every: every.into(),
            first: first.into(),
            time: "09:00".into(),
        };
        let day = |l: LocalTime| (l.year, l.month, l.day);
        let two = r("2weeks", "2026-12-15");
        assert_eq!(two.next((2026, 12, 1)).map(day), Some((2026, 12, 15)));
        assert_eq!(two.next((2026, 12, 15)).map(day), Some((2026, 12, 15)));
        assert_eq!(two.next((2026, 12, 16)).map(day), Some((2026, 12, 29)));
        assert_eq!(two.next((2027, 1, 1)).map(day), Some((2027, 1, 12)));
        assert_eq!(
            r("week", "2026-12-28").next((2027, 1, 5)).map(day),
            Some((2027, 1, 11))
        );
        // Monthly on the 31st: the last day of shorter months.
        let monthly = r("month", "2027-01-31");
        assert_eq!(monthly.next((2027, 2, 2)).map(day), Some((2027, 2, 28)));
        assert_eq!(monthly.next((2028, 2, 2)).map(day), Some((2028, 2, 29)));
        assert_eq!(monthly.next((2027, 3, 31)).map(day), Some((2027, 3, 31)));
        assert_eq!(r("yearly", "2027-01-31").next((2027, 2, 2)), None);
        for days in [-1, 0, 59, 10_956, 20_000] {
            let (y, m, d) = civil_from_days(days);
            assert_eq!(days_from_civil(y, m, d), days);
        }
    }

    #[test]
    fn escapes_text() {
        let out = unfold(&ics(&sample("a, b; c\\d", "x")));
        assert!(out.contains("SUMMARY:a\\, b\\; c\\\\d\r\n"));
        assert!(out.contains("DESCRIPTION:x\\nhttps://"));
    }

    proptest! {
        #[test]
        fn long_lines_fold_to_75_octets_and_unfold_back(summary in "\\PC{0,200}") {
            let out = ics(&sample(&summary, "ñ€😀 long description ".repeat(8).as_str()));
            for line in out.split("\r\n") {
                prop_assert!(line.len() <= 75, "{} octets: {line:?}", line.len());
            }
            let expected = format!("SUMMARY:{}\r\n", text(&summary));
            prop_assert!(unfold(&out).contains(&expected));
        }
    }
}

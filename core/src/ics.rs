//! "Remind me to check in" as an iCalendar file (RFC 5545): a recurring
//! event whose link opens Temper. No server is involved; the person's own
//! calendar does the reminding.

/// How often the reminder repeats.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Every {
    Week,
    TwoWeeks,
    Month,
}

impl Every {
    fn rrule(self) -> &'static str {
        match self {
            Every::Week => "FREQ=WEEKLY",
            Every::TwoWeeks => "FREQ=WEEKLY;INTERVAL=2",
            Every::Month => "FREQ=MONTHLY",
        }
    }
}

pub struct Reminder<'a> {
    /// First occurrence, milliseconds since the epoch (UTC).
    pub start_ms: i64,
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
    // Civil date from days since 1970-01-01 (proleptic Gregorian).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
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
        format!("DTSTART:{}", utc(r.start_ms)),
        "DURATION:PT10M".into(),
        format!("RRULE:{}", r.every.rrule()),
        format!("SUMMARY:{}", text(r.summary)),
        format!(
            "DESCRIPTION:{}",
            text(&format!("{}\n{}", r.description, r.url))
        ),
        format!("URL:{}", r.url),
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
            start_ms: 1_795_000_000_000,
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

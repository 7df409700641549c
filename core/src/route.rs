//! The app's screens and their URL fragments. Routing uses the fragment
//! (`#/history`) so `dist/` works from any static host and any sub-path with
//! no rewrite rules, and a reload lands on the same screen.

use percent_encoding::{percent_decode_str, utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};

/// What an id keeps as it is in an address: letters, digits and `-_.~`;
/// everything else (spaces, `<`, `"`, non-ASCII, ...) is percent-encoded.
const ID: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'_')
    .remove(b'.')
    .remove(b'~');

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    Home,
    CheckIn,
    /// A saved check-in's results; `None` means the latest.
    Results(Option<String>),
    History,
    Plan,
    Ledger,
    Audit,
    /// The printable summary.
    Report,
    Privacy,
    /// Talk to someone: helplines for the person's region.
    Help,
    NotFound(String),
}

impl Route {
    /// Parse `location.hash` ("", "#", "#/", "#/results/abc", ...).
    pub fn parse(hash: &str) -> Route {
        let path = hash.trim_start_matches('#').trim_start_matches('/');
        let mut parts = path.splitn(2, '/');
        let head = parts.next().unwrap_or("");
        let rest = parts.next().filter(|r| !r.is_empty());
        match (head, rest) {
            ("", None) => Route::Home,
            ("checkin", None) => Route::CheckIn,
            ("results", id) => {
                Route::Results(id.map(|id| percent_decode_str(id).decode_utf8_lossy().into_owned()))
            }
            ("history", None) => Route::History,
            ("plan", None) => Route::Plan,
            ("ledger", None) => Route::Ledger,
            ("audit", None) => Route::Audit,
            ("report", None) => Route::Report,
            ("privacy", None) => Route::Privacy,
            ("help", None) => Route::Help,
            _ => Route::NotFound(path.to_string()),
        }
    }

    /// The navigation entry this screen belongs to (all results screens
    /// belong to "results"), for `aria-current`.
    pub fn section(&self) -> &'static str {
        match self {
            Route::Home => "home",
            Route::CheckIn => "checkin",
            Route::Results(_) => "results",
            Route::History => "history",
            Route::Plan | Route::Ledger | Route::Audit | Route::Report => "plan",
            Route::Privacy => "privacy",
            Route::Help | Route::NotFound(_) => "",
        }
    }

    /// The navigation entries, in order, with their hrefs.
    pub const NAV: [(&'static str, &'static str); 6] = [
        ("home", "#/"),
        ("checkin", "#/checkin"),
        ("results", "#/results"),
        ("history", "#/history"),
        ("plan", "#/plan"),
        ("privacy", "#/privacy"),
    ];

    pub fn href(&self) -> String {
        match self {
            Route::Home => "#/".into(),
            Route::CheckIn => "#/checkin".into(),
            Route::Results(None) => "#/results".into(),
            Route::Results(Some(id)) => format!("#/results/{}", utf8_percent_encode(id, ID)),
            Route::History => "#/history".into(),
            Route::Plan => "#/plan".into(),
            Route::Ledger => "#/ledger".into(),
            Route::Audit => "#/audit".into(),
            Route::Report => "#/report".into(),
            Route::Privacy => "#/privacy".into(),
            Route::Help => "#/help".into(),
            Route::NotFound(p) => format!("#/{p}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_round_trips() {
        for r in [
            Route::Home,
            Route::CheckIn,
            Route::Results(None),
            Route::Results(Some("k1-ab".into())),
            Route::History,
            Route::Plan,
            Route::Ledger,
            Route::Audit,
            Route::Report,
            Route::Privacy,
            Route::Help,
        ] {
            assert_eq!(Route::parse(&r.href()), r);
        }
        // Imported ids may hold anything a JSON string can.
        for id in ["a b", "ünï-cødé", "<x>\"y\"", "tab\there", "50%/2#3?"] {
            let r = Route::Results(Some(id.into()));
            assert!(r.href()[10..]
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "-_.~%".contains(c)));
            assert_eq!(Route::parse(&r.href()), r);
        }
        assert_eq!(
            Route::parse("#/results/k1-ab"),
            Route::Results(Some("k1-ab".into()))
        );
        assert_eq!(Route::parse(""), Route::Home);
        assert_eq!(Route::parse("#"), Route::Home);
        assert_eq!(Route::parse("#/nope"), Route::NotFound("nope".into()));
        assert_eq!(Route::Results(Some("x".into())).section(), "results");
        assert_eq!(Route::Ledger.section(), "plan");
        for (section, href) in Route::NAV {
            assert_eq!(Route::parse(href).section(), section);
        }
    }
}

//! Where to find someone to talk to, by region: data, in this one file.
//! Each entry names its source and the date it was last checked against
//! that source. Nothing here is fetched: numbers are shown and dialled as
//! `tel:` links. Adding a region means adding an entry.

/// One helpline.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Helpline {
    /// ISO 3166-1 alpha-2 regions it serves (upper case).
    pub regions: &'static [&'static str],
    /// Its own name, in its own language.
    pub name: &'static str,
    /// As shown.
    pub number: &'static str,
    /// Text key for what it is for ("help.line.crisis", ...).
    pub kind: &'static str,
    /// Where the number was checked, and when (YYYY-MM-DD).
    pub source: &'static str,
    pub checked: &'static str,
}

impl Helpline {
    /// The number as a `tel:` address: digits only (and a leading +).
    pub fn tel(&self) -> String {
        let digits: String = self
            .number
            .chars()
            .filter(|c| c.is_ascii_digit() || *c == '+')
            .collect();
        format!("tel:{digits}")
    }
}

/// The European Union's member states, where 112 reaches emergency services.
const EU: &[&str] = &[
    "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV",
    "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE",
];

pub const HELPLINES: &[Helpline] = &[
    Helpline {
        regions: &["US"],
        name: "988 Suicide & Crisis Lifeline",
        number: "988",
        kind: "help.line.crisis",
        source: "https://988lifeline.org/",
        checked: "2026-12-01",
    },
    Helpline {
        regions: &["CA"],
        name: "9-8-8 Suicide Crisis Helpline",
        number: "988",
        kind: "help.line.crisis",
        source: "https://988.ca/",
        checked: "2026-12-01",
    },
    Helpline {
        regions: &["GB", "IE"],
        name: "Samaritans",
        number: "116 123",
        kind: "help.line.listen",
        source: "https://www.samaritans.org/",
        checked: "2026-12-01",
    },
    Helpline {
        regions: &["ES"],
        name: "Línea 024",
        number: "024",
        kind: "help.line.crisis",
        source: "https://www.sanidad.gob.es/linea024/",
        checked: "2026-12-01",
    },
    Helpline {
        regions: &["MX"],
        name: "Línea de la Vida",
        number: "800 911 2000",
        kind: "help.line.crisis",
        source: "https://www.gob.mx/salud/conadic",
        checked: "2026-12-01",
    },
    Helpline {
        regions: EU,
        name: "112",
        number: "112",
        kind: "help.line.emergency",
        source: "https://digital-strategy.ec.europa.eu/en/policies/112",
        checked: "2026-12-01",
    },
];

/// An international directory of helplines, for every other region.
pub const DIRECTORY: &str = "https://findahelpline.com/";

/// The region of a browser language tag ("en-GB" -> "GB"), if it names one.
pub fn region_of(tag: &str) -> Option<String> {
    tag.split(['-', '_'])
        .skip(1)
        .find(|p| p.len() == 2 && p.chars().all(|c| c.is_ascii_alphabetic()))
        .map(|p| p.to_ascii_uppercase())
}

/// The helplines for the first of the browser's language tags that names a
/// region Temper has entries for. Empty: show the local emergency number
/// and [`DIRECTORY`].
pub fn for_languages<'a>(tags: impl IntoIterator<Item = &'a str>) -> Vec<&'static Helpline> {
    for tag in tags {
        if let Some(region) = region_of(tag) {
            let lines: Vec<_> = HELPLINES
                .iter()
                .filter(|h| h.regions.contains(&region.as_str()))
                .collect();
            if !lines.is_empty() {
                return lines;
            }
        }
    }
    Vec::new()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn numbers(tag: &str) -> Vec<&'static str> {
        for_languages([tag]).iter().map(|h| h.number).collect()
    }

    #[test]
    fn each_region_gets_its_own_lines() {
        assert_eq!(numbers("en-US"), ["988"]);
        assert_eq!(numbers("en-GB"), ["116 123"]);
        assert_eq!(numbers("en-IE"), ["116 123", "112"]);
        assert_eq!(numbers("es-ES"), ["024", "112"]);
        assert_eq!(numbers("es-MX"), ["800 911 2000"]);
        assert_eq!(numbers("fr-FR"), ["112"]);
        assert_eq!(numbers("fr-CA"), ["988"]);
        // No region, or one without entries: the directory.
        assert!(numbers("en").is_empty());
        assert!(numbers("ja-JP").is_empty());
        // The first tag with entries wins.
        assert_eq!(
            for_languages(["en", "ja-JP", "es-MX", "en-US"])[0].number,
            "800 911 2000"
        );
        assert_eq!(region_of("zh-Hant-TW").as_deref(), Some("TW"));
    }

    #[test]
    fn every_entry_is_complete_and_dialable() {
        for h in HELPLINES {
            assert!(!h.regions.is_empty() && !h.name.is_empty(), "{h:?}");
            assert!(h.source.starts_with("https://"), "{h:?}");
            assert_eq!(h.checked.len(), 10);
            assert!(crate::plan::valid_due(h.checked), "{h:?}");
            assert!(h.tel()[4..].chars().all(|c| c.is_ascii_digit()), "{h:?}");
            assert!(h
                .regions
                .iter()
                .all(|r| r.len() == 2 && r.chars().all(|c| c.is_ascii_uppercase())));
        }
        assert_eq!(HELPLINES[2].tel(), "tel:116123");
    }
}

//! Every user-facing string, by language. A language is one file in this
//! folder holding a `TABLE` of `(key, text)` pairs, plus one line in
//! [`Lang::ALL`]. Texts may contain `{name}` placeholders, filled by [`fill`].

mod en;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lang {
    En,
}

impl Lang {
    pub const ALL: &'static [Lang] = &[Lang::En];
    /// BCP 47 code, used for `<html lang>` and the stored preference.
    pub const fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
        }
    }
    pub fn table(self) -> &'static [(&'static str, &'static str)] {
        match self {
            Lang::En => en::TABLE,
        }
    }
    /// Strategy texts, kept apart so screens without them don't carry them.
    pub fn strategy_table(self) -> &'static [(&'static str, &'static str)] {
        match self {
            Lang::En => en::STRATEGIES,
        }
    }
    /// Pick the best language for a list of browser preferences such as
    /// `["es-MX", "en-US"]`, falling back to English.
    pub fn negotiate<'a>(prefs: impl IntoIterator<Item = &'a str>) -> Lang {
        for p in prefs {
            let primary = p.split('-').next().unwrap_or("").to_ascii_lowercase();
            if let Some(l) = Lang::ALL.iter().find(|l| l.code() == primary) {
                return *l;
            }
        }
        Lang::En
    }
    pub fn from_code(code: &str) -> Option<Lang> {
        Lang::ALL.iter().copied().find(|l| l.code() == code)
    }
}

/// The text for `key`, falling back to English, then to the key itself so a
/// missing text is visible rather than blank.
#[inline(never)]
pub fn t(lang: Lang, key: &str) -> &str {
    lookup(lang.table(), key)
        .or_else(|| lookup(Lang::En.table(), key))
        .unwrap_or(key)
}

#[inline(never)]
fn lookup(table: &'static [(&'static str, &'static str)], key: &str) -> Option<&'static str> {
    table.iter().find(|(k, _)| *k == key).map(|(_, v)| *v)
}

/// A strategy text, falling back to English, then to the key.
pub fn ts(lang: Lang, key: &str) -> &str {
    lookup(lang.strategy_table(), key)
        .or_else(|| lookup(Lang::En.strategy_table(), key))
        .unwrap_or(key)
}

/// Every key the strategy library needs.
pub fn strategy_keys() -> Vec<String> {
    let mut keys = vec!["recwhy".to_string()];
    for s in crate::strategies::STRATEGIES {
        for part in ["name", "what", "why"] {
            keys.push(format!("strat.{}.{part}", s.id));
        }
        keys.extend((1..=s.steps).map(|n| format!("strat.{}.step{n}", s.id)));
    }
    keys
}

/// Replace `{name}` placeholders with values.
#[inline(never)]
pub fn fill(template: &str, args: &[(&str, &str)]) -> String {
    let mut out = template.to_string();
    for (name, value) in args {
        out = out.replace(&format!("{{{name}}}"), value);
    }
    out
}

/// Every key the content needs, derived from the content definition.
pub fn content_keys() -> Vec<String> {
    use crate::content::*;
    let mut keys: Vec<String> = ITEMS.iter().map(|i| format!("item.{}", i.id)).collect();
    keys.extend(ITEMS.iter().map(|i| i.category.name_key()));
    keys.extend(SCALE_KEYS.iter().map(|k| k.to_string()));
    keys.extend(Role::ALL.iter().map(|r| format!("role.{}", r.key())));
    keys.extend(Mode::ALL.iter().map(|m| format!("mode.{}", m.key())));
    keys.extend(Driver::ALL.iter().map(|d| format!("drvwhy.{}", d.key())));
    keys.extend(RestKind::ALL.iter().map(|r| format!("restwhy.{}", r.key())));
    keys.extend(
        crate::explain::RestReason::ALL
            .iter()
            .map(|r| r.key().to_string()),
    );
    for b in [
        crate::scoring::Band::Low,
        crate::scoring::Band::Moderate,
        crate::scoring::Band::High,
        crate::scoring::Band::VeryHigh,
    ] {
        keys.push(b.key().into());
    }
    for z in [
        crate::scoring::Zone::InBalance,
        crate::scoring::Zone::BurningOut,
        crate::scoring::Zone::RustingOut,
        crate::scoring::Zone::Both,
    ] {
        keys.push(z.key().into());
        keys.push(format!("{}.summary", z.key()));
    }
    keys.sort();
    keys.dedup();
    keys
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_language_has_every_content_key_and_no_empty_text() {
        for lang in Lang::ALL {
            for key in content_keys() {
                let text = lookup(lang.table(), &key);
                assert!(text.is_some(), "{} lacks {key}", lang.code());
                assert!(
                    !text.unwrap().trim().is_empty(),
                    "{} has empty {key}",
                    lang.code()
                );
            }
        }
    }

    #[test]
    fn every_language_has_the_same_keys_as_english_and_no_duplicates() {
        let en: Vec<&str> = Lang::En.table().iter().map(|(k, _)| *k).collect();
        for lang in Lang::ALL {
            let keys: Vec<&str> = lang.table().iter().map(|(k, _)| *k).collect();
            for (n, k) in keys.iter().enumerate() {
                assert!(!keys[..n].contains(k), "{} repeats {k}", lang.code());
                assert!(en.contains(k), "{} has {k}, English does not", lang.code());
            }
            for k in &en {
                assert!(keys.contains(k), "{} lacks {k}", lang.code());
            }
        }
    }

    #[test]
    fn every_language_has_exactly_the_strategy_texts() {
        let wanted = strategy_keys();
        for lang in Lang::ALL {
            let table = lang.strategy_table();
            for key in &wanted {
                let text = lookup(table, key);
                assert!(
                    text.is_some_and(|t| !t.trim().is_empty()),
                    "{} lacks {key}",
                    lang.code()
                );
            }
            for (k, _) in table {
                assert!(
                    wanted.iter().any(|w| w == k),
                    "{} has unused strategy text {k}",
                    lang.code()
                );
            }
        }
        assert_eq!(ts(Lang::En, "strat.autonomy.name"), "Win back some control");
    }

    #[test]
    fn fallbacks_and_placeholders() {
        assert_eq!(t(Lang::En, "no.such.key"), "no.such.key");
        assert_eq!(fill("{a} and {b}", &[("a", "1"), ("b", "2")]), "1 and 2");
        assert_eq!(Lang::negotiate(["fr-FR", "en-GB"]), Lang::En);
        assert_eq!(Lang::negotiate(std::iter::empty()), Lang::En);
    }
}

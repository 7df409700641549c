//! Every user-facing string, by language. A language is one file,
//! `i18n/<code>.json` at the top of the repository: a flat JSON object from
//! text key to text, shipped next to the app and loaded at start-up (only
//! the language in use is downloaded). Texts may contain `{name}`
//! parameters, filled by [`fill`]. The tests below check every file:
//! every key the content, the strategy library and the screens need is
//! there, with the same parameters as in English.

use std::collections::BTreeMap;

mod languages {
    //! Written by `core/build.rs` from the files in `i18n/`.
    include!(concat!(env!("OUT_DIR"), "/languages.rs"));
}
/// Every language: its code and its own name, English first (from the files
/// in `i18n/`, each naming itself in its `lang.name` text).
pub use languages::LANGUAGES;

/// A language Temper has a file for: an index into [`LANGUAGES`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Lang(usize);

impl Lang {
    /// English, the fallback.
    pub const EN: Lang = Lang(0);
    /// Every language, in [`LANGUAGES`] order.
    pub fn all() -> impl Iterator<Item = Lang> {
        (0..LANGUAGES.len()).map(Lang)
    }
    /// BCP 47 code: the file name, `<html lang>` and the stored choice.
    pub fn code(self) -> &'static str {
        LANGUAGES[self.0].0
    }
    /// The language's own name for itself, for the language picker.
    pub fn name(self) -> &'static str {
        LANGUAGES[self.0].1
    }
    /// Pick the best language for a list of browser preferences such as
    /// `["es-MX", "en-US"]`, falling back to English.
    pub fn negotiate<'a>(prefs: impl IntoIterator<Item = &'a str>) -> Lang {
        for p in prefs {
            let primary = p.split('-').next().unwrap_or("").to_ascii_lowercase();
            if let Some(l) = Lang::from_code(&primary) {
                return l;
            }
        }
        Lang::EN
    }
    pub fn from_code(code: &str) -> Option<Lang> {
        Lang::all().find(|l| l.code() == code)
    }
}

/// One language's texts by key.
#[derive(Clone, Debug, Default, PartialEq, serde::Deserialize)]
pub struct Texts(#[serde(deserialize_with = "crate::wire::unique_map")] BTreeMap<String, String>);

impl Texts {
    /// Read a language file: one JSON object of texts, no key twice.
    pub fn parse(text: &str) -> Result<Texts, String> {
        serde_json::from_str(text).map_err(|e| e.to_string())
    }
    /// The text for `key`, if this language has it.
    pub fn get(&self, key: &str) -> Option<&str> {
        self.0.get(key).map(String::as_str)
    }
    /// The key to use for a text about `n` things: `<key>.one` when `n` is
    /// 1 and the language has that variant ("1 check-in", not "1
    /// check-ins"), else `key`.
    pub fn counted(&self, key: &str, n: usize) -> String {
        let one = format!("{key}.one");
        if n == 1 && self.get(&one).is_some() {
            one
        } else {
            key.to_string()
        }
    }
    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.0.keys().map(String::as_str)
    }
    /// Add the texts of `more` (the rest of a language file, see
    /// [`FIRST_LOAD`]); where both have a key, `more`'s text wins.
    pub fn merge(&mut self, more: Texts) {
        self.0.extend(more.0);
    }
    /// Split into the texts the start-up screens use ([`FIRST_LOAD`]) and
    /// the rest, each as a language file (a JSON object).
    pub fn split(&self) -> (String, String) {
        let (first, rest): (BTreeMap<&String, &String>, BTreeMap<&String, &String>) =
            self.0.iter().partition(|(k, _)| first_load(k));
        let json = |m| serde_json::to_string(&m).expect("texts always serialize");
        (json(first), json(rest))
    }
}

/// The texts a first visit downloads with the app: those of the frame, the
/// first visit's home, the quick pulse (its code comes while the home
/// screen is idle) and their messages, by the first part of their key. The build splits each
/// language file in two (`Texts::split`): `i18n/<code>.json` with these,
/// `i18n/<code>.more.json` with the rest, fetched with the first screen
/// whose code is loaded later (the app's `lazy` module). A browser test
/// walks the start-up screens with the rest held back and finds no key
/// shown in place of a text.
///
/// An entry without a dot names every key of that first part (`home`); one
/// with a dot names that one key (`help.now`, while the rest of `help.*`
/// only the help screen shows).
pub const FIRST_LOAD: &[&str] = &[
    "app",
    "checkin",
    "date",
    "footer",
    "help.now",
    "help.title",
    "help.urgent",
    "history.undo",
    "home",
    "item",
    "lang",
    "loading",
    "mode",
    "month",
    "nav",
    "notfound",
    "part",
    "scale",
    "skip",
    "store",
    "theme",
    "update",
];

/// Whether a check-in step's words are among the start-up texts: those of
/// the quick pulse are (it runs with no wait), the rest of the full
/// check-in's come with the rest of the texts, which are asked for as soon
/// as a check-in starts (the shell shows "Loading" meanwhile).
pub fn step_in_first_load(step: &crate::content::Step) -> bool {
    match step {
        crate::content::Step::Question(i) => i.pulse && i.asked_in(crate::content::CONTENT_VERSION),
        crate::content::Step::Context => false,
    }
}

/// Whether `key`'s text is in the first part of a language file. A
/// question of an earlier content version is not: only the results of an
/// old check-in show it.
pub fn first_load(key: &str) -> bool {
    if let Some(id) = key.strip_prefix("item.") {
        return crate::content::item_by_id(id)
            .is_none_or(|i| step_in_first_load(&crate::content::Step::Question(i)));
    }
    let part = key.split('.').next().unwrap_or(key);
    FIRST_LOAD.iter().any(|&f| f == key || f == part)
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

/// The text with its first letter in upper case ("a workload…" → "A
/// workload…"), for a phrase that starts a line.
pub fn capitalize(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// Replace `{name}` parameters with values, in one pass over the template:
/// a value is never read again, so a value that looks like a parameter
/// (an audit value typed as `{gap}`) stays as it was typed.
pub fn fill(template: &str, args: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let value = after.find('}').and_then(|close| {
            let name = &after[..close];
            args.iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| (*v, close))
        });
        match value {
            Some((v, close)) => {
                out.push_str(v);
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// A calendar date in a language's own words: the language's
/// `date.format` (e.g. "{month} {day}, {year}" in English, "{day} {month}
/// {year}" in Spanish) with the short month name `month.1` to `month.12`.
/// `month` counts from 1. Done here rather than with the browser's
/// `Intl.DateTimeFormat`, whose first use in a page costs 25 to 60 ms.
#[inline(never)]
pub fn format_date(texts: &Texts, year: i32, month: u32, day: u32) -> String {
    let name = texts.get(&format!("month.{month}")).map(str::to_string);
    fill(
        texts.get("date.format").unwrap_or("{year}-{month}-{day}"),
        &[
            ("day", &day.to_string()),
            ("month", &name.unwrap_or_else(|| month.to_string())),
            ("year", &year.to_string()),
        ],
    )
}

/// Every key the content needs, derived from the content definition.
pub fn content_keys() -> Vec<String> {
    use crate::content::*;
    let mut keys: Vec<String> = ITEMS.iter().map(|i| format!("item.{}", i.id)).collect();
    keys.extend(ITEMS.iter().map(|i| i.category.name_key()));
    keys.extend(ITEMS.iter().map(|i| i.category.about_key()));
    keys.extend(SCALE_KEYS.iter().map(|k| k.to_string()));
    keys.extend(Role::ALL.iter().map(|r| format!("role.{}", r.key())));
    keys.extend(Mode::ALL.iter().map(|m| format!("mode.{}", m.key())));
    keys.extend(Part::ALL.iter().map(|p| format!("part.{}", p.key())));
    keys.extend(Driver::ALL.iter().map(|d| format!("drvwhy.{}", d.key())));
    keys.extend(RestKind::ALL.iter().map(|r| format!("restwhy.{}", r.key())));
    keys.extend(
        crate::explain::RestReason::ALL
            .iter()
            .map(|r| r.key().to_string()),
    );
    for b in crate::scoring::Band::ALL {
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
    for d in [
        crate::history::Direction::Better,
        crate::history::Direction::Worse,
        crate::history::Direction::Same,
    ] {
        keys.push(d.key().into());
    }
    keys.extend(
        Mode::ALL
            .iter()
            .map(|m| format!("history.since.{}", m.key())),
    );
    keys.sort();
    keys.dedup();
    keys
}

#[cfg(test)]
mod tests {
    use super::*;

    fn es() -> Lang {
        Lang::from_code("es").unwrap()
    }

    fn file(lang: Lang) -> Texts {
        let path = format!(
            "{}/../i18n/{}.json",
            env!("CARGO_MANIFEST_DIR"),
            lang.code()
        );
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
        Texts::parse(&text).unwrap_or_else(|e| panic!("{path}: {e}"))
    }

    #[test]
    fn every_file_splits_into_two_parts_that_together_are_the_whole() {
        for lang in Lang::all() {
            let whole = file(lang);
            let (first, rest) = whole.split();
            let (first, rest) = (Texts::parse(&first).unwrap(), Texts::parse(&rest).unwrap());
            assert!(first.keys().all(first_load), "{}", lang.code());
            assert!(rest.keys().all(|k| !first_load(k)), "{}", lang.code());
            // Start-up texts are a small part; the rest is most of it.
            assert!(first.keys().count() * 3 < whole.keys().count());
            assert!(first.get("home.title").is_some() && rest.get("results.title").is_some());
            let mut merged = first;
            merged.merge(rest);
            assert_eq!(merged, whole, "{}", lang.code());
        }
    }

    #[test]
    fn merge_keeps_keys_sorted_and_lets_the_later_text_win() {
        let mut a = Texts::parse(r#"{"b":"1","d":"2","f":"3"}"#).unwrap();
        a.merge(Texts::parse(r#"{"a":"x","d":"y","g":"z"}"#).unwrap());
        let keys: Vec<&str> = a.keys().collect();
        assert_eq!(keys, ["a", "b", "d", "f", "g"]);
        assert_eq!(a.get("d"), Some("y"));
        assert_eq!(a.get("f"), Some("3"));
        a.merge(Texts::default());
        assert_eq!(a.keys().count(), 5);
    }

    #[test]
    fn every_first_load_prefix_names_texts() {
        let en = file(Lang::EN);
        for p in FIRST_LOAD {
            assert!(
                en.keys().any(|k| k == *p || k.split('.').next() == Some(p)),
                "no text is or starts with {p}"
            );
        }
    }

    /// `{name}` parameters in a text, sorted.
    fn parameters(text: &str) -> Vec<&str> {
        let mut out: Vec<&str> = text
            .match_indices('{')
            .filter_map(|(i, _)| text[i + 1..].split_once('}').map(|(name, _)| name))
            .collect();
        out.sort_unstable();
        out
    }

    #[test]
    fn every_language_file_is_a_language_and_english_comes_first() {
        let dir = format!("{}/../i18n", env!("CARGO_MANIFEST_DIR"));
        let mut codes: Vec<String> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .map(|name| {
                name.strip_suffix(".json")
                    .expect("only .json files in i18n/")
                    .into()
            })
            .collect();
        codes.sort();
        let mut listed: Vec<String> = Lang::all().map(|l| l.code().to_string()).collect();
        assert_eq!(listed[0], "en");
        listed.sort();
        assert_eq!(listed, codes);
        let mut names: Vec<&str> = Lang::all().map(Lang::name).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), LANGUAGES.len(), "two languages share a name");
        for lang in Lang::all() {
            // Each file names itself, as the build script read it.
            assert_eq!(file(lang).get("lang.name"), Some(lang.name()));
        }
        assert_eq!(Lang::EN.code(), "en");
    }

    /// The map's quadrant labels fit their square (100 units at 11 px:
    /// about 16 characters), in every language.
    #[test]
    fn every_map_label_fits_its_square() {
        for lang in Lang::all() {
            let texts = file(lang);
            for (_, _, zone) in crate::history::MAP_QUADS {
                let key = crate::history::map_label_key(zone);
                let text = texts
                    .get(&key)
                    .unwrap_or_else(|| panic!("{} lacks {key}", lang.code()));
                assert!(
                    text.chars().count() <= 15,
                    "{}: {key} “{text}” is too long",
                    lang.code()
                );
            }
        }
    }

    #[test]
    fn every_language_has_every_content_and_strategy_key() {
        for lang in Lang::all() {
            let texts = file(lang);
            for key in content_keys()
                .iter()
                .chain(&strategy_keys())
                .chain(&crate::profile::profile_keys())
            {
                let text = texts.get(key);
                assert!(
                    text.is_some_and(|t| !t.trim().is_empty()),
                    "{} lacks {key}",
                    lang.code()
                );
            }
        }
    }

    #[test]
    fn every_language_has_exactly_the_keys_and_parameters_of_english() {
        let en = file(Lang::EN);
        for lang in Lang::all() {
            let texts = file(lang);
            let keys: Vec<&str> = texts.keys().collect();
            let en_keys: Vec<&str> = en.keys().collect();
            assert_eq!(keys, en_keys, "{} has other keys than English", lang.code());
            for key in en_keys {
                let (a, b) = (en.get(key).unwrap(), texts.get(key).unwrap());
                assert_eq!(parameters(a), parameters(b), "{}: {key}", lang.code());
                assert!(!b.trim().is_empty(), "{} has empty {key}", lang.code());
            }
        }
    }

    #[test]
    fn fill_never_reads_a_value_as_a_parameter() {
        let t = "{value}: gap {gap} (rated {rating} of 10)";
        let out = fill(t, &[("value", "{gap}"), ("gap", "7"), ("rating", "3")]);
        assert_eq!(out, "{gap}: gap 7 (rated 3 of 10)");
        assert_eq!(fill("{a} {unknown} {", &[("a", "1")]), "1 {unknown} {");
        assert_eq!(fill("no parameters", &[]), "no parameters");
    }

    #[test]
    fn duplicate_keys_and_non_texts_are_refused() {
        assert!(Texts::parse(r#"{"a":"1","a":"2"}"#).is_err());
        assert!(Texts::parse(r#"{"a":1}"#).is_err());
        assert!(Texts::parse(r#"["a"]"#).is_err());
        let t = Texts::parse(r#"{"b":"2","a":"1"}"#).unwrap();
        assert_eq!(
            (t.get("a"), t.get("b"), t.get("c")),
            (Some("1"), Some("2"), None)
        );
    }

    #[test]
    fn dates_read_as_the_language_writes_them() {
        let (en, es) = (file(Lang::EN), file(es()));
        assert_eq!(format_date(&en, 2026, 11, 22), "Nov 22, 2026");
        assert_eq!(format_date(&en, 2027, 1, 5), "Jan 5, 2027");
        assert_eq!(format_date(&es, 2026, 9, 5), "5 sept 2026");
        assert_eq!(format_date(&es, 2026, 12, 31), "31 dic 2026");
        // Every language names all twelve months, each differently.
        for lang in Lang::all() {
            let texts = file(lang);
            let mut names: Vec<String> =
                (1..=12).map(|m| format_date(&texts, 2026, m, 1)).collect();
            names.sort();
            names.dedup();
            assert_eq!(names.len(), 12, "{} repeats a month name", lang.code());
        }
        // A missing format or month still gives the numbers.
        assert_eq!(format_date(&Texts::default(), 2026, 3, 2), "2026-3-2");
    }

    #[test]
    fn one_thing_reads_in_the_singular() {
        let t = Texts::parse(r#"{"a":"{n} things","a.one":"one thing","b":"{n} rows"}"#).unwrap();
        assert_eq!(t.counted("a", 1), "a.one");
        assert_eq!(
            (t.counted("a", 0), t.counted("a", 2)),
            ("a".into(), "a".into())
        );
        assert_eq!(t.counted("b", 1), "b", "no variant: the general text");
        // In the real files every singular variant belongs to a text that
        // exists, and none of them still says "1 ... check-ins".
        for lang in Lang::all() {
            let texts = file(lang);
            for key in texts.keys().filter(|k| k.ends_with(".one")) {
                let base = key.strip_suffix(".one").unwrap();
                assert!(
                    texts.get(base).is_some(),
                    "{}: {key} has no {base}",
                    lang.code()
                );
            }
        }
        let en = file(Lang::EN);
        for (key, n) in [
            ("history.path.alt", 1),
            ("import.replaced", 1),
            ("import.preview", 1),
        ] {
            let text = en.get(&en.counted(key, n)).unwrap();
            assert!(!text.contains("1 check-ins"), "{key}: {text}");
            assert!(text.contains("check-in"), "{key}: {text}");
        }
        let steps = en.get(&en.counted("plan.progress", 1)).unwrap();
        assert_eq!(fill(steps, &[("done", "0")]), "0 of 1 step done");
    }

    #[test]
    fn fallbacks_and_parameters() {
        assert_eq!(fill("{a} and {b}", &[("a", "1"), ("b", "2")]), "1 and 2");
        // "zz": no such language, so the next preference counts.
        assert_eq!(Lang::negotiate(["zz-ZZ", "en-GB"]), Lang::EN);
        assert_eq!(Lang::negotiate(["es-MX", "en-US"]), es());
        assert_eq!(Lang::negotiate(["ES"]), es());
        assert_eq!(Lang::negotiate(std::iter::empty()), Lang::EN);
        assert_eq!(
            file(Lang::EN).get("strat.autonomy.name"),
            Some("Win back some control")
        );
    }
}

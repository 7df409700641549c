//! Finds the languages: every `i18n/<code>.json` at the top of the
//! repository is one, named in its own words by its `lang.name` text. So
//! adding a language is adding its file; `temper_core::i18n::Lang` reads
//! the list this writes to `$OUT_DIR/languages.rs`.

use std::{env, fs, path::Path};

fn main() {
    let dir = Path::new(&env::var("CARGO_MANIFEST_DIR").unwrap()).join("../i18n");
    // A directory: Cargo reruns this when any file in it changes.
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut langs = Vec::new();
    for entry in fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
        let path = entry.unwrap().path();
        let file = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        let code = file
            .strip_suffix(".json")
            .unwrap_or_else(|| panic!("i18n/{file}: only <code>.json files belong here"));
        let valid = (2..=3).contains(&code.len()) && code.bytes().all(|b| b.is_ascii_lowercase());
        assert!(
            valid,
            "i18n/{file}: the name must be a BCP 47 primary language code, like fr"
        );
        let text = fs::read_to_string(&path).unwrap_or_else(|e| panic!("i18n/{file}: {e}"));
        let texts: std::collections::BTreeMap<String, String> = serde_json::from_str(&text)
            .unwrap_or_else(|e| panic!("i18n/{file}: not an object of texts: {e}"));
        let name = texts
            .get("lang.name")
            .filter(|s| !s.trim().is_empty())
            .cloned();
        let name = name.unwrap_or_else(|| {
            panic!("i18n/{file}: needs a \"lang.name\" text, the language's own name for itself")
        });
        langs.push((code.to_string(), name));
    }
    // English first: it is the fallback.
    langs.sort_by(|a, b| (a.0 != "en", &a.0).cmp(&(b.0 != "en", &b.0)));
    assert_eq!(
        langs.first().map(|l| l.0.as_str()),
        Some("en"),
        "i18n/en.json is required"
    );
    let mut out = String::from("pub const LANGUAGES: &[(&str, &str)] = &[\n");
    for (code, name) in &langs {
        out += &format!("    ({code:?}, {name:?}),\n");
    }
    out += "];\n";
    let target = Path::new(&env::var("OUT_DIR").unwrap()).join("languages.rs");
    fs::write(&target, out).unwrap_or_else(|e| panic!("{}: {e}", target.display()));
}

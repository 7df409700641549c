//! `prerender <start-up texts> <out>`: writes the first visit's home screen,
//! rendered by the app's own components (`temper::prerender_home`), as
//! static HTML. `cargo xtask dist` runs it natively on the English start-up
//! texts Trunk copied; scripts/post-build.mjs puts the result into
//! index.html.

use std::process::ExitCode;
use temper_core::i18n::{Lang, Texts};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [texts, out] = args.as_slice() else {
        eprintln!("usage: prerender <i18n/en.json> <out.html>");
        return ExitCode::from(2);
    };
    let parsed = std::fs::read_to_string(texts)
        .map_err(|e| e.to_string())
        .and_then(|text| Texts::parse(&text).map_err(|e| e.to_string()));
    let texts = match parsed {
        Ok(t) => t,
        Err(e) => {
            eprintln!("prerender: {texts}: {e}");
            return ExitCode::FAILURE;
        }
    };
    let html = temper::prerender_home(Lang::EN, texts);
    if let Err(e) = std::fs::write(out, html) {
        eprintln!("prerender: {out}: {e}");
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}

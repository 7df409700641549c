//! `cargo xtask <task>`: the one entry point for automation (matklad's
//! cargo-xtask pattern). Standard library only, so it builds in seconds.
//!
//! - `setup`: install whatever is missing (idempotent, quick when present)
//! - `test`:  fmt, clippy, core tests, browser tests, release build + budget, e2e
//! - `dist`:  release build into `dist/`
//! - `serve`: build and serve at http://127.0.0.1:8080
//! - `e2e`:   only the Playwright step, against the existing `dist/`
//! - `bench`: sizes, Lighthouse, interaction timings -> target/bench.json

mod server;
mod setup;

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};
use std::time::Instant;

/// First-load transfer budget, gzip -9, in bytes: issue 16's 150,000 B.
/// Putting the standard parts back first needed up to 175,000 B; with the
/// check-in's code split off (fetched while home is idle) the idiomatic
/// build fits 150,000 B again (measured: 147,822 B, of which the main wasm
/// is 130,252 B; ARCHITECTURE.md, "Size").
pub const BUDGET_GZIP_BYTES: u64 = 150_000;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let root = root();
    std::env::set_current_dir(&root).expect("cd to workspace root");
    let result = match args.first().map(String::as_str) {
        Some("setup") => setup::all(&root),
        Some("test") => test(&root),
        Some("dist") => setup::all(&root)
            .and_then(|()| dist(&root))
            .map(|b| report_budget(&b)),
        Some("serve") => serve(&root, &args[1..]),
        Some("e2e") => e2e(&root, &mut Counts::default()),
        Some("bench") => bench(&root),
        _ => {
            eprintln!("usage: cargo xtask <setup|test|dist|serve|e2e|bench>");
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("\nxtask: {e}");
            ExitCode::FAILURE
        }
    }
}

fn root() -> PathBuf {
    let here = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    here.parent()
        .expect("xtask lives in the workspace")
        .to_path_buf()
}

/// PATH with cargo's bin dir and node_modules/.bin (for a current wasm-opt) first.
pub fn tool_path(root: &Path) -> String {
    let mut parts = vec![root.join("node_modules/.bin")];
    if let Some(home) = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")))
    {
        parts.push(home.join("bin"));
    }
    let old = std::env::var_os("PATH").unwrap_or_default();
    parts.extend(std::env::split_paths(&old));
    std::env::join_paths(parts)
        .expect("PATH")
        .to_string_lossy()
        .into_owned()
}

pub fn cmd(root: &Path, program: &str, args: &[&str]) -> Command {
    let mut c = Command::new(program);
    c.args(args).current_dir(root).env("PATH", tool_path(root));
    c
}

/// Run, streaming output, and collect test counts from the runners'
/// closing lines ("test result: ok. N passed; M failed", Playwright's
/// "N passed", "N failed").
fn run_counting(mut c: Command, counts: &mut Counts) -> Result<(), String> {
    use std::io::{BufRead, BufReader};
    let shown = format!("{c:?}");
    c.stdout(Stdio::piped()).stderr(Stdio::inherit());
    let mut child = c
        .spawn()
        .map_err(|e| format!("could not start {shown}: {e}"))?;
    let out = child.stdout.take().expect("piped");
    for line in BufReader::new(out).lines().map_while(Result::ok) {
        println!("{line}");
        counts.read(&line);
    }
    let status = child.wait().map_err(|e| e.to_string())?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("{shown} failed ({status})"))
    }
}

pub fn run(mut c: Command) -> Result<(), String> {
    let shown = format!("{c:?}");
    let status = c
        .status()
        .map_err(|e| format!("could not start {shown}: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("{shown} failed ({status})"))
    }
}

#[derive(Default)]
struct Counts {
    passed: u64,
    failed: u64,
}

impl Counts {
    fn read(&mut self, line: &str) {
        let l = line.trim();
        let num_before = |word: &str| -> Option<u64> {
            let i = l.find(word)?;
            l[..i]
                .trim_end()
                .rsplit([' ', '.', ';'])
                .next()?
                .parse()
                .ok()
        };
        if l.starts_with("test result:") {
            self.passed += num_before(" passed").unwrap_or(0);
            self.failed += num_before(" failed").unwrap_or(0);
        } else if l.ends_with(')') && l.contains(" passed (") {
            // Playwright: "12 passed (8.1s)"
            self.passed += num_before(" passed").unwrap_or(0);
        } else if l.split_whitespace().nth(1) == Some("failed") {
            self.failed += num_before(" failed").unwrap_or(0);
        }
    }
}

fn test(root: &Path) -> Result<(), String> {
    let started = Instant::now();
    let mut timings: Vec<(&str, f64)> = Vec::new();
    let mut counts = Counts::default();
    let mut step = |name: &'static str, f: &mut dyn FnMut(&mut Counts) -> Result<(), String>| {
        println!("\n==> {name}");
        let t = Instant::now();
        let r = f(&mut counts);
        timings.push((name, t.elapsed().as_secs_f64()));
        r.map_err(|e| format!("step '{name}' failed: {e}"))
    };
    let outcome = (|| {
        step("setup", &mut |_| setup::all(root))?;
        step("1 fmt", &mut |_| {
            run(cmd(root, "cargo", &["fmt", "--all", "--check"]))
        })?;
        step("2 clippy", &mut |_| {
            run(cmd(
                root,
                "cargo",
                &[
                    "clippy",
                    "-p",
                    "temper-core",
                    "-p",
                    "xtask",
                    "--all-features",
                    "--all-targets",
                    "--",
                    "-D",
                    "warnings",
                ],
            ))?;
            run(cmd(
                root,
                "cargo",
                &[
                    "clippy",
                    "-p",
                    "temper",
                    "--target",
                    "wasm32-unknown-unknown",
                    "--all-targets",
                    "--features",
                    "split",
                    "--",
                    "-D",
                    "warnings",
                ],
            ))?;
            // The prerender's native build of the shell.
            let mut args = vec!["clippy"];
            args.extend(PRERENDER);
            args.extend(["--", "-D", "warnings"]);
            run(cmd(root, "cargo", &args))
        })?;
        step("3 core tests", &mut |c| {
            run_counting(
                cmd(
                    root,
                    "cargo",
                    &["test", "-p", "temper-core", "--all-features"],
                ),
                c,
            )
        })?;
        step("4 browser tests", &mut |c| {
            let mut t = cmd(
                root,
                "cargo",
                &[
                    "test",
                    "-p",
                    "temper",
                    "--target",
                    "wasm32-unknown-unknown",
                    "--test",
                    "web",
                ],
            );
            t.env("CHROMEDRIVER", setup::CHROMEDRIVER);
            run_counting(t, c)
        })?;
        step("5 release build + budget", &mut |_| {
            let b = dist(root)?;
            report_budget(&b);
            if b.total_gzip > BUDGET_GZIP_BYTES {
                return Err(format!(
                    "first load is {} B gzipped, over the {} B budget",
                    b.total_gzip, BUDGET_GZIP_BYTES
                ));
            }
            Ok(())
        })?;
        step("6 end-to-end", &mut |c| e2e(root, c))?;
        Ok(())
    })();
    println!("\n==> timings");
    for (name, secs) in &timings {
        println!("  {name:<26} {secs:>7.1} s");
    }
    println!(
        "  {:<26} {:>7.1} s",
        "total",
        started.elapsed().as_secs_f64()
    );
    match outcome {
        Ok(()) => {
            println!("xtask test: all 6 steps ok");
            println!("{} passed, {} failed", counts.passed, counts.failed);
            Ok(())
        }
        Err(e) => {
            println!("xtask test: FAILED: {e}");
            println!("{} passed, {} failed", counts.passed, counts.failed.max(1));
            Err(e)
        }
    }
}

pub struct Budget {
    files: Vec<(String, u64, u64)>,
    total_gzip: u64,
    /// The split modules in dist/app-<hash>/, fetched when a screen is
    /// first opened (src/lazy.rs): reported, not part of the first load.
    lazy: Vec<(String, u64, u64)>,
}

fn gzip_len(path: &Path) -> Result<u64, String> {
    let out = Command::new("gzip")
        .args(["-9", "-c"])
        .arg(path)
        .output()
        .map_err(|e| format!("gzip: {e}"))?;
    Ok(out.stdout.len() as u64)
}

/// Sizes of what a first visit downloads: the page, its scripts, wasm, CSS,
/// the default language's texts and the page's icon. The app's own files are in
/// `dist/app-<hash>/` (scripts/post-build.mjs): the glue, the split
/// modules' loader and the main wasm load first, the other modules later.
fn measure(dist: &Path) -> Result<Budget, String> {
    const FIRST: [&str; 3] = ["main.js", "__wasm_split.js", "main_bg.wasm"];
    let listing = |dir: &Path| -> Result<Vec<std::fs::DirEntry>, String> {
        let mut entries: Vec<_> = std::fs::read_dir(dir)
            .map_err(|e| format!("{}: {e}", dir.display()))?
            .flatten()
            .collect();
        entries.sort_by_key(|e| e.file_name());
        Ok(entries)
    };
    let sized = |name: String, e: &std::fs::DirEntry| -> Result<(String, u64, u64), String> {
        let raw = e.metadata().map_err(|e| e.to_string())?.len();
        Ok((name, raw, gzip_len(&e.path())?))
    };
    let mut files = Vec::new();
    let mut lazy = Vec::new();
    let mut apps = Vec::new();
    for e in listing(dist)? {
        let name = e.file_name().to_string_lossy().into_owned();
        if name.starts_with("app-") && e.path().is_dir() {
            apps.push(name);
        } else if [".html", ".js", ".wasm", ".css"]
            .iter()
            .any(|x| name.ends_with(x))
        {
            files.push(sized(name, &e)?);
        }
    }
    let [app] = apps.as_slice() else {
        return Err(format!(
            "expected one app-<hash> directory in {}, found {apps:?}",
            dist.display()
        ));
    };
    for e in listing(&dist.join(app))? {
        let file = e.file_name().to_string_lossy().into_owned();
        let name = format!("{app}/{file}");
        if FIRST.contains(&file.as_str()) {
            files.push(sized(name, &e)?);
        } else {
            lazy.push(sized(name, &e)?);
        }
    }
    if files
        .iter()
        .filter(|f| f.0.starts_with(app.as_str()))
        .count()
        != FIRST.len()
    {
        return Err(format!("{app} lacks one of {FIRST:?}"));
    }
    // Outside those, the default language's texts, and the page's icon,
    // which the browser fetches as the page loads.
    for name in ["i18n/en.json", "icons/icon-32.png"] {
        let path = dist.join(name);
        let raw = std::fs::metadata(&path)
            .map_err(|e| format!("{}: {e}", path.display()))?
            .len();
        files.push((name.to_string(), raw, gzip_len(&path)?));
    }
    let total_gzip = files.iter().map(|f| f.2).sum();
    Ok(Budget {
        files,
        total_gzip,
        lazy,
    })
}

fn report_budget(b: &Budget) {
    println!("first-load files (raw / gzip -9):");
    for (name, raw, gz) in &b.files {
        println!("  {name:<40} {raw:>9} B {gz:>9} B");
    }
    println!(
        "  {:<40} {:>9}   {:>9} B  (budget {} B)",
        "total", "", b.total_gzip, BUDGET_GZIP_BYTES
    );
    let lazy_gzip: u64 = b.lazy.iter().map(|f| f.2).sum();
    println!(
        "loaded when a screen is first opened: {} files, {} B gzipped (largest: {})",
        b.lazy.len(),
        lazy_gzip,
        b.lazy
            .iter()
            .max_by_key(|f| f.2)
            .map(|f| format!("{} {} B", f.0, f.2))
            .unwrap_or_default()
    );
}

/// Rust flags for the release wasm: the relocations the splitter needs
/// (as in .cargo/config.toml), and dependency paths written relative to
/// the registry, so the build is the same bytes on any machine (panic
/// locations carry file names) and about 2 KB smaller.
fn release_rustflags() -> String {
    let cargo_home = std::env::var("CARGO_HOME")
        .ok()
        .or_else(|| std::env::var("HOME").ok().map(|h| format!("{h}/.cargo")))
        .unwrap_or_else(|| "/root/.cargo".into());
    format!("-Clink-args=--emit-relocs\x1f--remap-path-prefix={cargo_home}/registry/src=/crates")
}

fn dist(root: &Path) -> Result<Budget, String> {
    let mut trunk = cmd(root, "trunk", &["build", "--release", "--offline"]);
    trunk.env("CARGO_ENCODED_RUSTFLAGS", release_rustflags());
    run(trunk)?;
    split_texts(&root.join("dist").join("i18n"))?;
    let home = prerender(root)?;
    run(cmd(
        root,
        "node",
        &["scripts/post-build.mjs", "dist", &home],
    ))?;
    measure(&root.join("dist"))
}

/// The native build of the shell that prerenders the home screen: no
/// client-side rendering, Leptos's HTML rendering instead.
const PRERENDER: [&str; 7] = [
    "-p",
    "temper",
    "--no-default-features",
    "--features",
    "prerender",
    "--bin",
    "prerender",
];

/// Render the first visit's home screen with the app's own components
/// (`src/bin/prerender.rs`, a native build of the shell with Leptos's HTML
/// rendering) from the English start-up texts just split; returns the
/// file it wrote, which scripts/post-build.mjs puts into index.html.
fn prerender(root: &Path) -> Result<String, String> {
    let out = root.join("target").join("prerender-home.html");
    let out = out.to_string_lossy().into_owned();
    let mut args = vec!["run", "--quiet"];
    args.extend(PRERENDER);
    args.extend(["--", "dist/i18n/en.json", &out]);
    run(cmd(root, "cargo", &args))?;
    Ok(out)
}

/// Split each language file Trunk copied into its start-up texts
/// (`<code>.json`, part of the first load) and the rest (`<code>.more.json`,
/// fetched with the first screen loaded later): see
/// `temper_core::i18n::FIRST_LOAD`.
fn split_texts(dir: &Path) -> Result<(), String> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .flatten()
        .map(|e| e.path())
        .filter(|p| {
            let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
            name.ends_with(".json") && !name.ends_with(".more.json")
        })
        .collect();
    files.sort();
    for path in files {
        let text =
            std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let texts = temper_core::i18n::Texts::parse(&text)
            .map_err(|e| format!("{}: {e}", path.display()))?;
        let more = path.with_extension("more.json");
        // Split twice, the rest would be lost: only Trunk's fresh copy is split.
        if more.exists() {
            return Err(format!("{} is already split", path.display()));
        }
        let (first, rest) = texts.split();
        std::fs::write(&path, first).map_err(|e| format!("{}: {e}", path.display()))?;
        std::fs::write(&more, rest).map_err(|e| format!("{}: {e}", more.display()))?;
    }
    println!("split the language files into start-up texts and the rest");
    Ok(())
}

fn e2e(root: &Path, counts: &mut Counts) -> Result<(), String> {
    let server = server::start(root.join("dist"), 0)?;
    let base = format!("http://127.0.0.1:{}/", server.port);
    println!("serving dist/ at {base} and {base}tools/temper/");
    let mut c = cmd(root, "node_modules/.bin/playwright", &["test"]);
    c.env("BASE_URL", &base).env("CHROMIUM", setup::CHROMIUM);
    run_counting(c, counts)
}

fn bench(root: &Path) -> Result<(), String> {
    setup::all(root)?;
    dist(root)?;
    let server = server::start(root.join("dist"), 0)?;
    let base = format!("http://127.0.0.1:{}/", server.port);
    let mut c = cmd(root, "node", &["scripts/bench.mjs", &base, "dist"]);
    c.env("CHROMIUM", setup::CHROMIUM);
    run(c)
}

fn serve(root: &Path, args: &[String]) -> Result<(), String> {
    setup::all(root)?;
    let b = dist(root)?;
    report_budget(&b);
    let port = args
        .iter()
        .find_map(|a| a.strip_prefix("--port="))
        .and_then(|p| p.parse().ok())
        .unwrap_or(8080);
    let server = server::start(root.join("dist"), port)?;
    println!(
        "Temper is served at http://127.0.0.1:{}/ (also under /tools/temper/). Ctrl-C stops.",
        server.port
    );
    server.join();
    Ok(())
}

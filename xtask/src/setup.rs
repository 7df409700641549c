//! Install whatever is missing. Idempotent: each check is a version query,
//! so a warm machine passes through in about a second. Where something
//! cannot be installed here, stop with the exact command that would.

use crate::{cmd, run};
use std::path::Path;
use std::process::Command;

pub const TRUNK_VERSION: &str = "0.21.14";
/// The wasm splitter (`wasm-split-cli`) used by scripts/post-build.mjs.
/// 0.2.4 is the first that keeps wasm-bindgen 0.2.128+'s casts (renamed
/// `__wbindgen_describe_generic_import`) in the main module; with 0.2.2 a
/// closure made in a split module traps with "function signature mismatch".
pub const WASM_SPLIT_VERSION: &str = "0.2.4";
pub const CHROMIUM: &str = "/usr/bin/chromium";
pub const CHROMEDRIVER: &str = "/usr/bin/chromedriver";

pub fn all(root: &Path) -> Result<(), String> {
    rust_parts(root)?;
    trunk(root)?;
    wasm_bindgen(root)?;
    wasm_split(root)?;
    node_packages(root)?;
    browser()?;
    println!("setup: all tools present");
    Ok(())
}

fn output(root: &Path, program: &str, args: &[&str]) -> Option<String> {
    let out = cmd(root, program, args).output().ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

fn rust_parts(root: &Path) -> Result<(), String> {
    let targets = output(root, "rustup", &["target", "list", "--installed"]).unwrap_or_default();
    if !targets
        .lines()
        .any(|l| l.trim() == "wasm32-unknown-unknown")
    {
        run(cmd(
            root,
            "rustup",
            &["target", "add", "wasm32-unknown-unknown"],
        ))
        .map_err(|e| format!("{e}\nInstall it with: rustup target add wasm32-unknown-unknown"))?;
    }
    for (component, probe) in [("rustfmt", "fmt"), ("clippy", "clippy")] {
        if output(root, "cargo", &[probe, "--version"]).is_none() {
            run(cmd(root, "rustup", &["component", "add", component]))
                .map_err(|e| format!("{e}\nInstall it with: rustup component add {component}"))?;
        }
    }
    Ok(())
}

fn trunk(root: &Path) -> Result<(), String> {
    let have = output(root, "trunk", &["--version"]).unwrap_or_default();
    if !have.contains(TRUNK_VERSION) {
        println!("setup: installing trunk {TRUNK_VERSION} (about 11 minutes on 2 cores)");
        run(cmd(
            root,
            "cargo",
            &["install", "trunk", "--version", TRUNK_VERSION, "--locked"],
        ))
        .map_err(|e| {
            format!("{e}\nInstall it with: cargo install trunk --version {TRUNK_VERSION} --locked")
        })?;
    }
    Ok(())
}

/// The wasm-bindgen version pinned in Cargo.lock; the CLI must match it.
pub fn locked_wasm_bindgen(root: &Path) -> Result<String, String> {
    let lock =
        std::fs::read_to_string(root.join("Cargo.lock")).map_err(|e| format!("Cargo.lock: {e}"))?;
    let mut lines = lock.lines();
    while let Some(l) = lines.next() {
        if l.trim() == "name = \"wasm-bindgen\"" {
            if let Some(v) = lines
                .next()
                .and_then(|v| v.trim().strip_prefix("version = \""))
            {
                return Ok(v.trim_end_matches('"').to_string());
            }
        }
    }
    Err("wasm-bindgen not found in Cargo.lock".into())
}

fn wasm_bindgen(root: &Path) -> Result<(), String> {
    let want = locked_wasm_bindgen(root)?;
    let have = output(root, "wasm-bindgen", &["--version"]).unwrap_or_default();
    let runner = output(root, "wasm-bindgen-test-runner", &["--version"]).unwrap_or_default();
    if !have.contains(&want) || !runner.contains(&want) {
        println!("setup: installing wasm-bindgen-cli {want} (about 5 minutes)");
        // Not --locked: one of its locked dependencies is missing from the registry.
        run(cmd(
            root,
            "cargo",
            &["install", "wasm-bindgen-cli", "--version", &want, "--force"],
        ))
        .map_err(|e| {
            format!("{e}\nInstall it with: cargo install wasm-bindgen-cli --version {want}")
        })?;
    }
    Ok(())
}

fn wasm_split(root: &Path) -> Result<(), String> {
    // The tool has no --version; cargo's list of installed crates says it.
    let list = output(root, "cargo", &["install", "--list"]).unwrap_or_default();
    let want = format!("wasm_split_cli_support v{WASM_SPLIT_VERSION}:");
    let have_bin = output(root, "wasm-split-cli", &["--help"]).is_some();
    if !have_bin || !list.lines().any(|l| l.trim() == want) {
        println!("setup: installing wasm_split_cli_support {WASM_SPLIT_VERSION} (about 2 minutes)");
        let args = [
            "install",
            "wasm_split_cli_support",
            "--version",
            WASM_SPLIT_VERSION,
            "--features",
            "build-binary",
            "--locked",
        ];
        run(cmd(root, "cargo", &args))
            .map_err(|e| format!("{e}\nInstall it with: cargo {}", args.join(" ")))?;
    }
    Ok(())
}

fn node_packages(root: &Path) -> Result<(), String> {
    if output(root, "npm", &["--version"]).is_none() {
        return Err(
            "npm is missing. Install Node.js 20 or later, e.g.: apt-get install -y nodejs npm"
                .into(),
        );
    }
    let lock = root.join("package-lock.json");
    let stamp = root.join("node_modules/.package-lock.json");
    let fresh = match (std::fs::metadata(&lock), std::fs::metadata(&stamp)) {
        (Ok(l), Ok(s)) => s.modified().ok() >= l.modified().ok(),
        _ => false,
    };
    let tools = [
        "node_modules/.bin/playwright",
        "node_modules/.bin/wasm-opt",
        "node_modules/terser",
    ];
    if !fresh || tools.iter().any(|t| !root.join(t).exists()) {
        let mut c = cmd(root, "npm", &["ci", "--no-audit", "--no-fund"]);
        // Playwright must never download a browser: we use Debian's Chromium.
        c.env("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        run(c).map_err(|e| format!("{e}\nInstall node packages with: npm ci"))?;
    }
    Ok(())
}

fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .map(|o| o.stdout.starts_with(b"0"))
        .unwrap_or(false)
}

fn browser() -> Result<(), String> {
    if Path::new(CHROMIUM).exists() && Path::new(CHROMEDRIVER).exists() {
        return Ok(());
    }
    let how = "apt-get update && apt-get install -y chromium chromium-driver";
    if !is_root() || Command::new("apt-get").arg("--version").output().is_err() {
        return Err(format!("Chromium and ChromeDriver are missing ({CHROMIUM}, {CHROMEDRIVER}). Install them as root with: {how}"));
    }
    println!("setup: installing Debian's chromium and chromium-driver");
    run({
        let mut c = Command::new("apt-get");
        c.arg("update");
        c
    })?;
    run({
        let mut c = Command::new("apt-get");
        c.args([
            "install",
            "-y",
            "--no-install-recommends",
            "chromium",
            "chromium-driver",
        ]);
        c.env("DEBIAN_FRONTEND", "noninteractive");
        c
    })
    .map_err(|e| format!("{e}\nInstall them with: {how}"))
}

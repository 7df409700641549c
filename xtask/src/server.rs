//! A tiny static file server on loopback for `serve` and the end-to-end
//! tests. It serves `dist/` at `/` and, to prove sub-path hosting works with
//! no rewrite rules, at `/tools/temper/` too.

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Component, Path, PathBuf};
use std::thread;

pub const SUB_PATH: &str = "/tools/temper/";

pub struct Server {
    pub port: u16,
    handle: thread::JoinHandle<()>,
}

impl Server {
    pub fn join(self) {
        let _ = self.handle.join();
    }
}

pub fn start(dir: PathBuf, port: u16) -> Result<Server, String> {
    let listener = TcpListener::bind(("127.0.0.1", port))
        .map_err(|e| format!("bind 127.0.0.1:{port}: {e}"))?;
    let port = listener.local_addr().map_err(|e| e.to_string())?.port();
    let handle = thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let dir = dir.clone();
            thread::spawn(move || {
                let _ = handle(stream, &dir);
            });
        }
    });
    Ok(Server { port, handle })
}

fn mime(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "wasm" => "application/wasm",
        "css" => "text/css; charset=utf-8",
        "json" | "webmanifest" => "application/manifest+json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "ico" => "image/x-icon",
        "ics" => "text/calendar",
        _ => "application/octet-stream",
    }
}

/// Map a request path to a file under `dir`, refusing anything that escapes it.
fn resolve(dir: &Path, url_path: &str) -> Option<PathBuf> {
    let path = url_path.split(['?', '#']).next().unwrap_or("/");
    let path = path
        .strip_prefix(SUB_PATH.trim_end_matches('/'))
        .unwrap_or(path);
    let rel = path.trim_start_matches('/');
    let rel = if rel.is_empty() || rel.ends_with('/') {
        format!("{rel}index.html")
    } else {
        rel.to_string()
    };
    let rel = PathBuf::from(rel);
    if rel.components().any(|c| !matches!(c, Component::Normal(_))) {
        return None;
    }
    let full = dir.join(rel);
    full.is_file().then_some(full)
}

fn handle(stream: TcpStream, dir: &Path) -> std::io::Result<()> {
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut request = String::new();
    reader.read_line(&mut request)?;
    loop {
        let mut header = String::new();
        if reader.read_line(&mut header)? == 0 || header == "\r\n" || header == "\n" {
            break;
        }
    }
    let mut parts = request.split_whitespace();
    let method = parts.next().unwrap_or("");
    let target = parts.next().unwrap_or("/");
    let response = respond(dir, method, target);
    // One write, sent at once: several small writes would each wait on
    // Nagle's algorithm and the client's delayed ACK (tens of ms a file),
    // which skews every timing measured against this server.
    let mut out = stream;
    out.set_nodelay(true)?;
    out.write_all(&response)
}

/// The whole HTTP response, head and body, for one request.
fn respond(dir: &Path, method: &str, target: &str) -> Vec<u8> {
    let head = |status: &str, extra: &str, len: usize| {
        format!("HTTP/1.1 {status}\r\n{extra}Content-Length: {len}\r\nConnection: close\r\n\r\n")
            .into_bytes()
    };
    if method != "GET" && method != "HEAD" {
        return head("405 Method Not Allowed", "", 0);
    }
    // "/tools/temper" without the slash: redirect so relative URLs resolve.
    if target == SUB_PATH.trim_end_matches('/') {
        return head(
            "301 Moved Permanently",
            &format!("Location: {SUB_PATH}\r\n"),
            0,
        );
    }
    match resolve(dir, target).and_then(|p| std::fs::read(&p).ok().map(|b| (p, b))) {
        Some((path, body)) => {
            let extra = format!(
                "Content-Type: {}\r\nCache-Control: no-cache\r\n",
                mime(&path)
            );
            let mut out = head("200 OK", &extra, body.len());
            if method == "GET" {
                out.extend_from_slice(&body);
            }
            out
        }
        None => {
            let mut out = head("404 Not Found", "Content-Type: text/plain\r\n", 9);
            out.extend_from_slice(b"not found");
            out
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolves_inside_dist_only() {
        let dir = std::env::temp_dir().join(format!("xtask-server-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("index.html"), "x").unwrap();
        assert_eq!(resolve(&dir, "/"), Some(dir.join("index.html")));
        assert_eq!(
            resolve(&dir, "/tools/temper/"),
            Some(dir.join("index.html"))
        );
        assert_eq!(
            resolve(&dir, "/index.html?x=1"),
            Some(dir.join("index.html"))
        );
        assert_eq!(resolve(&dir, "/../etc/passwd"), None);
        assert_eq!(resolve(&dir, "/missing.js"), None);
        let ok = String::from_utf8(respond(&dir, "GET", "/")).unwrap();
        assert!(ok.starts_with("HTTP/1.1 200 OK\r\n") && ok.ends_with("\r\n\r\nx"));
        assert!(ok.contains("Content-Length: 1\r\n"));
        let head = String::from_utf8(respond(&dir, "HEAD", "/")).unwrap();
        assert!(head.ends_with("\r\n\r\n"));
        let missing = String::from_utf8(respond(&dir, "GET", "/nope")).unwrap();
        assert!(missing.starts_with("HTTP/1.1 404") && missing.ends_with("not found"));
        assert!(String::from_utf8(respond(&dir, "POST", "/"))
            .unwrap()
            .starts_with("HTTP/1.1 405"));
        std::fs::remove_dir_all(&dir).unwrap();
    }
}

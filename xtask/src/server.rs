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
    let mut out = stream;
    if method != "GET" && method != "HEAD" {
        return write!(
            out,
            "HTTP/1.1 405 Method Not Allowed\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
        );
    }
    // "/tools/temper" without the slash: redirect so relative URLs resolve.
    if target == SUB_PATH.trim_end_matches('/') {
        return write!(out, "HTTP/1.1 301 Moved Permanently\r\nLocation: {SUB_PATH}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
    }
    match resolve(dir, target).and_then(|p| std::fs::read(&p).ok().map(|b| (p, b))) {
        Some((path, body)) => {
            write!(
                out,
                "HTTP/1.1 200 OK\r\nContent-Type: {}\r\nContent-Length: {}\r\nCache-Control: no-cache\r\nConnection: close\r\n\r\n",
                mime(&path),
                body.len()
            )?;
            if method == "GET" {
                out.write_all(&body)?;
            }
            Ok(())
        }
        None => write!(out, "HTTP/1.1 404 Not Found\r\nContent-Type: text/plain\r\nContent-Length: 9\r\nConnection: close\r\n\r\nnot found"),
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
        std::fs::remove_dir_all(&dir).unwrap();
    }
}

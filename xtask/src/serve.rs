//! A small static file server for `dist/`, on loopback only. It sends the same
//! Content-Security-Policy the page declares, and no cache, cookie or tracking header.

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Component, Path, PathBuf};

/// The demo host pages embed the iframe from the same origin, hence `frame-src 'self'`; the page itself has no frame.
pub const CSP: &str = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'self'";

/// Who may frame `frame.html` here: pages on loopback (the demos and the browser tests' second
/// origin). A production server names its portals instead (docs/EMBEDDING.md), never `*`.
const FRAME_ANCESTORS: &str = "frame-ancestors 'self' http://127.0.0.1:* http://localhost:*";

/// No page here uses a device or sensor; a script slipped in could not ask for one either.
const PERMISSIONS: &str =
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()";

pub fn serve(dir: &Path, address: &str) -> Result<(), String> {
    let listener = TcpListener::bind(address).map_err(|e| format!("cannot listen on {address}: {e}"))?;
    eprintln!("xtask: serving {} on http://{address}/ (Ctrl-C to stop)", dir.display());
    accept(dir, listener);
    Ok(())
}

/// Serves `dir` on an ephemeral loopback port in a background thread, for the browser tests.
pub fn spawn(dir: PathBuf) -> Result<String, String> {
    let listener = TcpListener::bind("127.0.0.1:0").map_err(|e| format!("cannot listen: {e}"))?;
    let address = listener.local_addr().map_err(|e| e.to_string())?;
    std::thread::spawn(move || accept(&dir, listener));
    Ok(format!("http://{address}/"))
}

fn accept(dir: &Path, listener: TcpListener) {
    for stream in listener.incoming() {
        match stream {
            Ok(stream) => {
                if let Err(e) = respond(dir, stream) {
                    eprintln!("xtask: request failed: {e}");
                }
            }
            Err(e) => eprintln!("xtask: connection failed: {e}"),
        }
    }
}

fn respond(dir: &Path, mut stream: TcpStream) -> std::io::Result<()> {
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut request_line = String::new();
    reader.read_line(&mut request_line)?;
    // Read the headers; only Accept-Encoding matters.
    let mut line = String::new();
    let mut accepts = String::new();
    while reader.read_line(&mut line)? > 2 {
        if let Some((name, value)) = line.split_once(':') {
            if name.trim().eq_ignore_ascii_case("accept-encoding") {
                accepts = value.trim().to_ascii_lowercase();
            }
        }
        line.clear();
    }
    let mut parts = request_line.split_whitespace();
    let (method, target) = (parts.next().unwrap_or(""), parts.next().unwrap_or("/"));
    if method != "GET" && method != "HEAD" {
        return write_response(
            &mut stream,
            "405 Method Not Allowed",
            "text/plain; charset=utf-8",
            b"method not allowed",
            method == "HEAD",
        );
    }
    let path = target.split(['?', '#']).next().unwrap_or("/");
    let not_found = |stream: &mut TcpStream| {
        write_response(stream, "404 Not Found", "text/plain; charset=utf-8", b"not found", method == "HEAD")
    };
    let Some(file) = resolve(dir, path) else { return not_found(&mut stream) };
    // A precompressed copy (written by `dist`) when the browser takes it: brotli, else gzip.
    let encoded = [("br", "br"), ("gzip", "gz")].into_iter().find_map(|(encoding, suffix)| {
        let accepted = accepts.split(',').any(|a| a.split(';').next().map(str::trim) == Some(encoding));
        let mut name = file.clone().into_os_string();
        name.push(format!(".{suffix}"));
        let candidate = PathBuf::from(name);
        (accepted && candidate.is_file()).then_some((encoding, candidate))
    });
    let (encoding, source) = match encoded {
        Some((encoding, path)) => (Some(encoding), path),
        None => (None, file.clone()),
    };
    match std::fs::read(&source) {
        Ok(body) => write_full(
            &mut stream,
            "200 OK",
            content_type(&file),
            encoding,
            Sharing::of(&file),
            &body,
            method == "HEAD",
        ),
        Err(_) => not_found(&mut stream),
    }
}

/// Maps a URL path to a file inside `dir`, refusing anything that would leave it.
fn resolve(dir: &Path, path: &str) -> Option<PathBuf> {
    let relative = path.trim_start_matches('/');
    let relative = if relative.is_empty() { "index.html" } else { relative };
    let candidate = Path::new(relative);
    if candidate.components().any(|c| !matches!(c, Component::Normal(_))) {
        return None;
    }
    let file = dir.join(candidate);
    file.is_file().then_some(file)
}

fn content_type(file: &Path) -> &'static str {
    match file.extension().and_then(|e| e.to_str()) {
        Some("html") => "text/html; charset=utf-8",
        Some("js") => "text/javascript; charset=utf-8",
        Some("css") => "text/css; charset=utf-8",
        Some("wasm") => "application/wasm",
        Some("json") => "application/json",
        Some("svg") => "image/svg+xml",
        Some("png") => "image/png",
        _ => "application/octet-stream",
    }
}

fn write_response(
    stream: &mut TcpStream,
    status: &str,
    content_type: &str,
    body: &[u8],
    head: bool,
) -> std::io::Result<()> {
    write_full(stream, status, content_type, None, Sharing::Page, body, head)
}

/// Who may use a file from another origin (docs/EMBEDDING.md, "Serving the files").
#[derive(Clone, Copy, PartialEq)]
enum Sharing {
    /// The widget's scripts, wasm and styles: public, fetched without credentials, so any portal may
    /// load them (`Access-Control-Allow-Origin: *`).
    Subresource,
    /// `frame.html`: framed by loopback pages here; a production server names its portals instead.
    Frame,
    /// Every other page: framed only by the server's own pages.
    Page,
}

impl Sharing {
    fn of(file: &Path) -> Sharing {
        let name = file.file_name().and_then(|n| n.to_str()).unwrap_or_default();
        match file.extension().and_then(|e| e.to_str()) {
            Some("js" | "wasm" | "css" | "ts" | "json") => Sharing::Subresource,
            _ if name == "frame.html" => Sharing::Frame,
            _ => Sharing::Page,
        }
    }
}

fn write_full(
    stream: &mut TcpStream,
    status: &str,
    content_type: &str,
    encoding: Option<&str>,
    sharing: Sharing,
    body: &[u8],
    head: bool,
) -> std::io::Result<()> {
    let encoding = encoding.map(|e| format!("Content-Encoding: {e}\r\nVary: Accept-Encoding\r\n")).unwrap_or_default();
    let cross_origin = match sharing {
        Sharing::Subresource => "Access-Control-Allow-Origin: *\r\nCross-Origin-Resource-Policy: cross-origin\r\n",
        Sharing::Frame | Sharing::Page => "",
    };
    let csp = match sharing {
        Sharing::Frame => CSP.replace("frame-ancestors 'self'", FRAME_ANCESTORS),
        Sharing::Subresource | Sharing::Page => CSP.to_string(),
    };
    // For browsers older than frame-ancestors; not on frame.html, whose framers are several origins.
    let frame_options = match sharing {
        Sharing::Page => "X-Frame-Options: SAMEORIGIN\r\n",
        Sharing::Frame | Sharing::Subresource => "",
    };
    let header = format!(
        "HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\n{encoding}{cross_origin}Content-Length: {}\r\nContent-Security-Policy: {csp}\r\n{frame_options}Cross-Origin-Opener-Policy: same-origin\r\nPermissions-Policy: {PERMISSIONS}\r\nX-Content-Type-Options: nosniff\r\nReferrer-Policy: no-referrer\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n",
        body.len()
    );
    stream.write_all(header.as_bytes())?;
    if !head {
        stream.write_all(body)?;
    }
    stream.flush()
}

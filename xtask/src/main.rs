//! `cargo xtask <task>`: the project's entry points, in Rust so that they run the same on every
//! machine of this kind with nothing but cargo (and rustup for the wasm target).
//!
//! - `serve` — build the page and serve it on http://127.0.0.1:8080 (Ctrl-C to stop).
//! - `dist`  — build the page into `dist/`: static files any web server can host as they are.
//! - `test`  — every test: unit, rule, whole-household, property, CLI, benchmark smoke runs, doc tests.
//! - `fuzz`  — the property tests with 100,000 cases each, in release mode (not part of `test`).
//! - `packs` — rewrite `src/engine/policy/builtin/packs.rs` from `www/policy/*.json` (the page's packs).
//! - `bench` — every performance figure in one table: engine (criterion), first-load size, time to
//!   interactive on Slow 4G with a 4× slower CPU, keystroke → result latency (not part of `test`).

mod batch_bench;
mod serve;

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

const WASM_TARGET: &str = "wasm32-unknown-unknown";

fn root() -> PathBuf {
    // xtask lives in <root>/xtask; CARGO_MANIFEST_DIR is set by cargo at compile time.
    let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    manifest.parent().map(PathBuf::from).unwrap_or(manifest)
}

fn run(program: &str, args: &[&str]) -> Result<(), String> {
    run_with_env(program, args, &[])
}

fn run_with_env(program: &str, args: &[&str], env: &[(&str, &str)]) -> Result<(), String> {
    eprintln!("xtask: {program} {}", args.join(" "));
    let status = Command::new(program)
        .args(args)
        .envs(env.iter().copied())
        .current_dir(root())
        .status()
        .map_err(|e| format!("cannot run {program}: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("{program} {} failed ({status})", args.join(" ")))
    }
}

fn cargo(args: &[&str]) -> Result<(), String> {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_string());
    run(&cargo, args)
}

/// Adds toolchain components once (rustup fetches them from the Rust distribution server).
fn ensure_components(components: &[&str]) -> Result<(), String> {
    let installed = Command::new("rustup")
        .args(["component", "list", "--installed"])
        .current_dir(root())
        .output()
        .map_err(|e| format!("cannot run rustup: {e}"))?;
    let listed = String::from_utf8_lossy(&installed.stdout);
    for component in components {
        if !listed.lines().any(|l| l.starts_with(&format!("{component}-"))) {
            run("rustup", &["component", "add", component])?;
        }
    }
    Ok(())
}

/// Adds the wasm target once; rustup fetches it from the Rust distribution server.
fn ensure_wasm_target() -> Result<(), String> {
    let installed = Command::new("rustup")
        .args(["target", "list", "--installed"])
        .current_dir(root())
        .output()
        .map_err(|e| format!("cannot run rustup: {e}"))?;
    if String::from_utf8_lossy(&installed.stdout).lines().any(|l| l.trim() == WASM_TARGET) {
        return Ok(());
    }
    run("rustup", &["target", "add", WASM_TARGET])
}

/// Builds the page into `dist/`: index.html, boot.js, style.css, app.js and app_bg.wasm (the page
/// and the embedded widget), api.js and api_bg.wasm (the partner API), and the embedding files.
fn dist() -> Result<PathBuf, String> {
    ensure_wasm_target()?;
    let root = root();
    let out = root.join("dist");
    if out.exists() {
        std::fs::remove_dir_all(&out).map_err(|e| format!("cannot clear {}: {e}", out.display()))?;
    }
    std::fs::create_dir_all(&out).map_err(|e| format!("cannot create {}: {e}", out.display()))?;
    // Two builds of one crate: the page has no JSON parser and the API no Yew, so each loads only
    // what it runs. Cargo keeps both builds' artifacts, so a rebuild recompiles only what changed.
    wasm_bundle(&out, "page", "app")?;
    wasm_bundle(&out, "api", "api")?;
    // The generated bindings sit behind www/api.js, which answers calls made before init() (see it).
    std::fs::rename(out.join("api.js"), out.join("api-bindings.js"))
        .map_err(|e| format!("cannot rename api.js: {e}"))?;
    copy(&root.join("index.html"), &out.join("index.html"))?;
    // The iframe page is the same shell (same CSP, same preloads) with the script that reports its
    // height, so it is derived rather than kept as a second copy that could drift.
    let shell = std::fs::read_to_string(root.join("index.html")).map_err(|e| format!("cannot read index.html: {e}"))?;
    let frame = shell.replace(
        r#"<script type="module" src="boot.js"></script>"#,
        r#"<script type="module" src="frame.js"></script>"#,
    );
    if frame == shell {
        return Err("index.html no longer loads boot.js the expected way; frame.html cannot be derived".to_string());
    }
    std::fs::write(out.join("frame.html"), frame).map_err(|e| format!("cannot write frame.html: {e}"))?;
    for entry in std::fs::read_dir(root.join("www")).map_err(|e| format!("cannot read www/: {e}"))? {
        let path = entry.map_err(|e| e.to_string())?.path();
        if path.is_file() {
            if let Some(name) = path.file_name() {
                if path.extension().is_some_and(|e| e == "css") {
                    let css =
                        std::fs::read_to_string(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
                    std::fs::write(out.join(name), minify_css(&css)).map_err(|e| format!("cannot write css: {e}"))?;
                } else {
                    copy(&path, &out.join(name))?;
                }
            }
        }
    }
    standards_page(&out)?;
    precompress(&out)?;
    npm_package(&root, &out)?;
    for name in
        ["index.html", "app.js", "app_bg.wasm", "style.css", "boot.js", "api.js", "api-bindings.js", "api_bg.wasm"]
    {
        let size = |suffix: &str| std::fs::metadata(out.join(format!("{name}{suffix}"))).map(|m| m.len()).unwrap_or(0);
        eprintln!("xtask:   {name:<12} {:>9} bytes raw, {:>8} gzip, {:>8} brotli", size(""), size(".gz"), size(".br"));
    }
    Ok(out)
}

/// The files a portal vendors through its own tools (`dist/npm/`): the component, the API, their
/// types and wasm, with a `package.json` whose `exports` name each entry. Copies of the built files,
/// uncompressed: the portal's own build and server compress them.
const NPM_FILES: [&str; 11] = [
    "api.js",
    "api-bindings.js",
    "api_bg.wasm",
    "api.d.ts",
    "app.js",
    "app_bg.wasm",
    "app.d.ts",
    "embed.js",
    "style.css",
    "frame.html",
    "frame.js",
];

fn npm_package(root: &Path, dist: &Path) -> Result<(), String> {
    let out = dist.join("npm");
    std::fs::create_dir_all(&out).map_err(|e| format!("cannot create {}: {e}", out.display()))?;
    for name in NPM_FILES {
        copy(&dist.join(name), &out.join(name))?;
    }
    let manifest =
        std::fs::read_to_string(root.join("Cargo.toml")).map_err(|e| format!("cannot read Cargo.toml: {e}"))?;
    let version = manifest
        .lines()
        .find_map(|l| l.strip_prefix("version = \""))
        .and_then(|v| v.strip_suffix('"'))
        .ok_or("Cargo.toml has no package version")?;
    let files = NPM_FILES.iter().map(|f| format!("\"{f}\"")).collect::<Vec<_>>().join(", ");
    let package = format!(
        r#"{{
  "name": "low-income-check",
  "version": "{version}",
  "description": "低收入人口救助自我评估：网页组件、iframe 与 JS API（数据只在浏览器内计算）",
  "license": "MIT OR Apache-2.0",
  "type": "module",
  "main": "./api.js",
  "types": "./api.d.ts",
  "exports": {{
    ".": {{ "types": "./api.d.ts", "default": "./api.js" }},
    "./api": {{ "types": "./api.d.ts", "default": "./api.js" }},
    "./app": {{ "types": "./app.d.ts", "default": "./app.js" }},
    "./embed": {{ "types": "./app.d.ts", "default": "./embed.js" }},
    "./api_bg.wasm": "./api_bg.wasm",
    "./app_bg.wasm": "./app_bg.wasm",
    "./style.css": "./style.css",
    "./frame.html": "./frame.html",
    "./frame.js": "./frame.js"
  }},
  "sideEffects": ["./embed.js"],
  "files": [{files}]
}}
"#
    );
    std::fs::write(out.join("package.json"), package).map_err(|e| format!("cannot write package.json: {e}"))
}

/// The style sheet as served: comments gone, whitespace collapsed, and no space around `{`, `}`,
/// `;`, `,` or after `:` — only where that changes nothing (never inside a quoted string, never
/// before a `:`, which in a selector can be a descendant combinator). 7.5 → 6.3 KB raw here.
fn minify_css(css: &str) -> String {
    let mut out = String::with_capacity(css.len());
    let mut chars = css.chars().peekable();
    let mut space = false;
    while let Some(c) = chars.next() {
        match c {
            '/' if chars.peek() == Some(&'*') => {
                chars.next();
                let mut last = ' ';
                for c in chars.by_ref() {
                    if last == '*' && c == '/' {
                        break;
                    }
                    last = c;
                }
                space = true;
            }
            '"' | '\'' => {
                if space && !out.is_empty() && !out.ends_with(['{', '}', ';', ',', ':']) {
                    out.push(' ');
                }
                space = false;
                out.push(c);
                for inner in chars.by_ref() {
                    out.push(inner);
                    if inner == c {
                        break;
                    }
                }
            }
            c if c.is_whitespace() => space = true,
            '{' | '}' | ';' | ',' => {
                // `;}` → `}`: the last declaration needs no semicolon.
                if c == '}' && out.ends_with(';') {
                    out.pop();
                }
                out.push(c);
                space = false;
            }
            c => {
                if space && !out.is_empty() && !out.ends_with(['{', '}', ';', ',', ':']) {
                    out.push(' ');
                }
                space = false;
                out.push(c);
            }
        }
    }
    out
}

/// Writes `standards.html`, every city's 低保标准 from the built-in packs (see
/// `src/standards_page.rs`), as in force today.
fn standards_page(out: &Path) -> Result<(), String> {
    use low_income_check::engine::policy::builtin;
    let mut packs = Vec::new();
    for id in builtin::IDS {
        match builtin::load(id) {
            Some(Ok(pack)) => packs.push(pack),
            _ => return Err(format!("the built-in pack {id} does not load")),
        }
    }
    let page = low_income_check::standards_page::html(&packs, low_income_check::clock::today());
    std::fs::write(out.join("standards.html"), page).map_err(|e| format!("cannot write standards.html: {e}"))
}

/// Builds the crate's wasm with one feature (`page` or `api`) and writes `<name>.js` and
/// `<name>_bg.wasm` into `out`, without the debugging names.
fn wasm_bundle(out: &Path, feature: &str, name: &str) -> Result<(), String> {
    let root = root();
    // Panic locations name source files; without their machine-specific prefixes (the registry
    // under CARGO_HOME, this checkout) the bundle is smaller and the same on every machine.
    let cargo_home = std::env::var("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|_| std::env::var("HOME").map(|home| PathBuf::from(home).join(".cargo")))
        .unwrap_or_default();
    // CARGO_ENCODED_RUSTFLAGS separates flags with 0x1f; with --target they reach only the wasm.
    let flags = format!(
        "--remap-path-prefix={}=\x1f--remap-path-prefix={}/=",
        cargo_home.join("registry").join("src").display(),
        root.display()
    );
    let args = [
        "build",
        "--lib",
        "--locked",
        "--profile",
        "wasm",
        "--target",
        WASM_TARGET,
        "--no-default-features",
        "--features",
        feature,
    ];
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_string());
    run_with_env(&cargo, &args, &[("CARGO_ENCODED_RUSTFLAGS", &flags)])?;
    let wasm = root.join("target").join(WASM_TARGET).join("wasm").join("low_income_check.wasm");
    eprintln!("xtask: wasm-bindgen {} → {}/{name}.js", wasm.display(), out.display());
    wasm_bindgen_cli_support::Bindgen::new()
        .input_path(&wasm)
        .web(true)
        .map_err(|e| format!("wasm-bindgen: {e}"))?
        .out_name(name)
        .typescript(false)
        .generate(out)
        .map_err(|e| format!("wasm-bindgen: {e}"))?;
    let wasm_out = out.join(format!("{name}_bg.wasm"));
    let bytes = std::fs::read(&wasm_out).map_err(|e| format!("cannot read {}: {e}", wasm_out.display()))?;
    // The named copy stays in target/ for size analysis (`twiggy top target/app_bg.named.wasm`).
    let named = root.join("target").join(format!("{name}_bg.named.wasm"));
    std::fs::write(&named, &bytes).map_err(|e| format!("cannot write {}: {e}", named.display()))?;
    let stripped = strip_name_section(&bytes).ok_or_else(|| format!("{name}_bg.wasm is not a well-formed module"))?;
    std::fs::write(&wasm_out, stripped).map_err(|e| format!("cannot write {}: {e}", wasm_out.display()))
}

/// Drops the custom `name` section (function names, for debuggers only: over a third of the file).
/// Everything else is copied byte for byte; `None` if the module is malformed.
fn strip_name_section(wasm: &[u8]) -> Option<Vec<u8>> {
    fn leb128(bytes: &[u8], mut at: usize) -> Option<(usize, usize)> {
        let (mut value, mut shift) = (0usize, 0u32);
        loop {
            let byte = *bytes.get(at)?;
            at += 1;
            value |= usize::from(byte & 0x7f).checked_shl(shift)?;
            shift += 7;
            if byte & 0x80 == 0 {
                return Some((value, at));
            }
        }
    }
    let mut out = wasm.get(..8)?.to_vec();
    let mut at = 8;
    while at < wasm.len() {
        let start = at;
        let id = *wasm.get(at)?;
        let (size, body) = leb128(wasm, at + 1)?;
        let end = body.checked_add(size)?;
        let is_name = id == 0 && {
            let (len, name_at) = leb128(wasm, body)?;
            wasm.get(name_at..name_at.checked_add(len)?)? == b"name"
        };
        if !is_name {
            out.extend_from_slice(wasm.get(start..end)?);
        }
        at = end;
    }
    Some(out)
}

/// Writes `name.br` and `name.gz` beside every text and wasm file of dist/, so the server (ours, or
/// a government web server configured for precompressed files) sends compressed bytes.
fn precompress(dir: &Path) -> Result<(), String> {
    let mut paths = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(|e| format!("cannot read {}: {e}", dir.display()))? {
        let path = entry.map_err(|e| e.to_string())?.path();
        let compressible =
            matches!(path.extension().and_then(|e| e.to_str()), Some("html" | "js" | "css" | "wasm" | "ts"));
        if path.is_file() && compressible {
            paths.push(path);
        }
    }
    // One thread per file: the two wasm files take most of the time, and they compress in parallel.
    std::thread::scope(|scope| {
        let workers: Vec<_> = paths.iter().map(|path| scope.spawn(move || precompress_file(path))).collect();
        workers.into_iter().try_for_each(|w| w.join().map_err(|_| "a compression thread panicked".to_string())?)
    })
}

fn precompress_file(path: &Path) -> Result<(), String> {
    let data = std::fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let mut br = Vec::new();
    let params = brotli::enc::BrotliEncoderParams { quality: 11, lgwin: 22, ..Default::default() };
    brotli::BrotliCompress(&mut std::io::Cursor::new(&data), &mut br, &params).map_err(|e| format!("brotli: {e}"))?;
    // Zopfli writes ordinary gzip, 5 % smaller than zlib's best (238 vs 251 KB for the page's wasm):
    // Chromium takes gzip over plain http, where the wasm's bytes are most of the load time. More
    // than 5 iterations gained nothing measurable.
    let mut gz = Vec::new();
    let options =
        zopfli::Options { iteration_count: std::num::NonZeroU64::MIN.saturating_add(4), ..Default::default() };
    zopfli::compress(options, zopfli::Format::Gzip, &data[..], &mut gz).map_err(|e| format!("gzip: {e}"))?;
    for (suffix, bytes) in [("br", br), ("gz", gz)] {
        let mut name = path.to_path_buf().into_os_string();
        name.push(format!(".{suffix}"));
        std::fs::write(&name, bytes).map_err(|e| format!("cannot write {:?}: {e}", name))?;
    }
    Ok(())
}

fn copy(from: &Path, to: &Path) -> Result<(), String> {
    std::fs::copy(from, to).map(|_| ()).map_err(|e| format!("cannot copy {} to {}: {e}", from.display(), to.display()))
}

fn test() -> Result<(), String> {
    // The habits first, so a change that breaks them fails in seconds: formatting, and clippy with
    // every warning an error (the wasm-only code too: the page and the JS API boundary).
    ensure_components(&["rustfmt", "clippy"])?;
    cargo(&["fmt", "--all", "--check"])?;
    cargo(&["clippy", "--workspace", "--all-targets", "--locked", "--", "-D", "warnings"])?;
    ensure_wasm_target()?;
    cargo(&[
        "clippy",
        "--lib",
        "--locked",
        "--target",
        WASM_TARGET,
        "--no-default-features",
        "--features",
        "page,api",
        "--",
        "-D",
        "warnings",
    ])?;
    // `--all-targets` also runs the benchmark once in test mode, so it cannot rot unnoticed.
    cargo(&["test", "--workspace", "--all-targets", "--locked"])?;
    cargo(&["test", "--workspace", "--doc", "--locked"])?;
    browser_tests()
}

const CHROMIUM: &str = "/usr/bin/chromium";

/// Debian's Chromium (and CJK fonts for readable screenshots), installed once; never a browser
/// download of a test tool's own.
fn ensure_chromium() -> Result<(), String> {
    if Path::new(CHROMIUM).exists() {
        return Ok(());
    }
    run("apt-get", &["update", "-qq"])?;
    run("apt-get", &["install", "-y", "-qq", "--no-install-recommends", "chromium", "fonts-noto-cjk"])
}

/// playwright-core, axe-core and typescript from the npm registry, as locked in
/// tests/browser/package-lock.json.
fn ensure_node_modules() -> Result<(), String> {
    let dir = root().join("tests").join("browser");
    if ["playwright-core", "axe-core", "typescript"].iter().all(|m| dir.join("node_modules").join(m).exists()) {
        return Ok(());
    }
    let dir = dir.to_string_lossy().into_owned();
    run("npm", &["ci", "--prefix", &dir, "--no-audit", "--no-fund"])
}

/// Builds dist/, makes sure Chromium and the npm packages are there, serves dist/ on an ephemeral
/// loopback port and runs `node` with `args` against it: the browser tests and the page benchmark.
fn run_node_against_dist(args: &[&str]) -> Result<(), String> {
    let dist = dist()?;
    ensure_chromium()?;
    ensure_node_modules()?;
    let base = serve::spawn(dist)?;
    let artifacts = root().join("artifacts");
    std::fs::create_dir_all(&artifacts).map_err(|e| format!("cannot create artifacts/: {e}"))?;
    eprintln!("xtask: node {} against {base} (artifacts in {})", args.join(" "), artifacts.display());
    let status = Command::new("node")
        .args(args)
        .env("BASE_URL", &base)
        .env("CHROMIUM", CHROMIUM)
        .env("ARTIFACTS", &artifacts)
        .env("DIST", root().join("dist"))
        .env("CRITERION", root().join("target").join("criterion"))
        .current_dir(root())
        .status()
        .map_err(|e| format!("cannot run node: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("node {} failed ({status})", args.join(" ")))
    }
}

/// The page in headless Chromium: households by keyboard and by clicks, bad input, privacy, axe,
/// the hotline, embedding, and the TypeScript definitions. A test that hangs fails after two
/// minutes (the longest takes under ten seconds), and a file whose tests are done exits even if a
/// failed test left a server or a timer behind: CI gets a failure with its reason, never a stall.
fn browser_tests() -> Result<(), String> {
    run_node_against_dist(&[
        "--test",
        "--test-concurrency=1",
        "--test-timeout=120000",
        "--test-force-exit",
        "tests/browser/",
    ])
}

/// Every performance figure in one table: criterion first (native engine), then the page's size,
/// time to interactive and keystroke latency in Chromium (tests/browser/perf.mjs).
fn bench() -> Result<(), String> {
    cargo(&["bench", "--bench", "assess", "--locked"])?;
    batch_bench::batch_bench()?;
    run_node_against_dist(&["tests/browser/perf.mjs"])
}

/// The property tests (no panic on any household or mutated pack; monotonicity) with many more
/// cases than the test suite runs, in release mode. Not part of `test`.
fn fuzz() -> Result<(), String> {
    let cases = std::env::var("PROPTEST_CASES").unwrap_or_else(|_| "100000".to_string());
    eprintln!("xtask: property tests with {cases} cases each");
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_string());
    let status = Command::new(cargo)
        .args(["test", "--release", "--locked", "--test", "properties", "--test", "corpus"])
        .env("PROPTEST_CASES", &cases)
        .current_dir(root())
        .status()
        .map_err(|e| format!("cannot run cargo: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("fuzzing found a failure ({status}); add the minimal input to tests/corpus/"))
    }
}

const USAGE: &str = "usage: cargo xtask <serve|dist|test|bench|fuzz|packs>
  serve  build the page and serve it on http://127.0.0.1:8080
  dist   build the page into dist/ (static files)
  test   run every test (what .ci/run runs)
  bench  every performance figure in one table (engine, size, load time, keystroke latency)
  fuzz   the property tests with 100,000 cases each (PROPTEST_CASES to change)
  packs  rewrite src/engine/policy/builtin/packs.rs after editing www/policy/*.json";

/// The page compiles the built-in packs as Rust (it has no JSON parser); the test that checks the
/// Rust form against the JSON rewrites it when asked.
fn packs() -> Result<(), String> {
    std::env::set_var("WRITE_BUILTIN_PACKS", "1");
    cargo(&["test", "--quiet", "--test", "policy_packs", "--", "the_compiled_built_in_packs"])
}

fn main() -> ExitCode {
    let task = std::env::args().nth(1);
    let result = match task.as_deref() {
        Some("serve") => dist().and_then(|dir| serve::serve(&dir, "127.0.0.1:8080")),
        Some("dist") => dist().map(|_| ()),
        Some("test") => test(),
        Some("bench") => bench(),
        Some("fuzz") => fuzz(),
        Some("packs") => packs(),
        // Not for people: `bench` starts it to read a batch's own peak memory.
        Some("measure-peak") => batch_bench::measure_peak(&std::env::args().skip(2).collect::<Vec<_>>()),
        Some("-h") | Some("--help") | None => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Some(other) => Err(format!("unknown task {other:?}\n{USAGE}")),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("xtask: {message}");
            ExitCode::FAILURE
        }
    }
}

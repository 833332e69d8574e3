//! `cargo xtask <task>`: the project's entry points, in Rust so that they run the same on every
//! machine of this kind with nothing but cargo.
//!
//! - `test`  — every test: unit, rule, whole-household, property, CLI, benchmark smoke runs, doc tests.
//! - `bench` — the criterion benchmark of the engine (not part of `test`; prints µs per assessment).

use std::path::PathBuf;
use std::process::{Command, ExitCode};

fn root() -> PathBuf {
    // xtask lives in <root>/xtask; CARGO_MANIFEST_DIR is set by cargo at compile time.
    let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    manifest.parent().map(PathBuf::from).unwrap_or(manifest)
}

fn cargo(args: &[&str]) -> Result<(), String> {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_string());
    eprintln!("xtask: cargo {}", args.join(" "));
    let status =
        Command::new(&cargo).args(args).current_dir(root()).status().map_err(|e| format!("cannot run {cargo}: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("cargo {} failed ({status})", args.join(" ")))
    }
}

fn test() -> Result<(), String> {
    // `--all-targets` also runs the benchmark once in test mode, so it cannot rot unnoticed.
    cargo(&["test", "--workspace", "--all-targets", "--locked"])?;
    cargo(&["test", "--workspace", "--doc", "--locked"])
}

fn bench() -> Result<(), String> {
    cargo(&["bench", "--bench", "assess", "--locked"])
}

const USAGE: &str = "usage: cargo xtask <test|bench>
  test   run every test (what .ci/run runs)
  bench  benchmark one assessment of a 5-member household";

fn main() -> ExitCode {
    let task = std::env::args().nth(1);
    let result = match task.as_deref() {
        Some("test") => test(),
        Some("bench") => bench(),
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

//! `cargo xtask bench`'s batch rows: `assess --batch` over the example households repeated, timed
//! on one and on two cores, and 1,000,000 households streamed through it for its peak memory. The
//! figures go to `target/batch-bench.json`, which `tests/browser/perf.mjs` puts in the table.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

use super::{cargo, root};

/// The example households (`examples/household-*.json`), each as one line of JSON.
fn example_lines(with_standard: bool) -> Result<Vec<String>, String> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(root().join("examples"))
        .map_err(|e| format!("cannot list examples/: {e}"))?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|p| p.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with("household-")))
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|path| {
            let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
            let mut value: serde_json::Value =
                serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?;
            if with_standard {
                // A current figure typed in: no answer at every standard is needed.
                value["place"]["local_standard"] = serde_json::json!({ "amount": "800", "per": "month" });
            }
            Ok(value.to_string())
        })
        .collect()
}

/// Writes `count` households cycling through `lines`, each with its own `id`.
fn write_households(out: &mut dyn Write, lines: &[String], count: usize) -> std::io::Result<()> {
    for i in 0..count {
        let line = &lines[i % lines.len()];
        writeln!(out, "{{\"id\":\"h{i}\",{}", &line[1..])?;
    }
    Ok(())
}

/// Runs `assess --batch - --threads N` on what `feed` writes to its input; returns the seconds it
/// took and its peak resident memory in bytes. The peak is `wait4`'s, read by a fresh, small copy of
/// this program that starts `assess` ([`measure_peak`]): a process's peak counts the memory of the
/// process it was started from, and this one holds the households it feeds.
fn run_batch(
    assess: &Path,
    threads: usize,
    csv: bool,
    feed: impl FnOnce(&mut dyn Write) -> std::io::Result<()> + Send,
) -> Result<(f64, u64), String> {
    let started = Instant::now();
    let me = std::env::current_exe().map_err(|e| format!("cannot find the xtask: {e}"))?;
    let mut child = Command::new(me)
        .arg("measure-peak")
        .arg(assess)
        .args(["--batch", "-", "--date", "2026-12-04", "--threads", &threads.to_string()])
        .args(csv.then_some("--csv"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot run the xtask: {e}"))?;
    let stdin = child.stdin.take().ok_or("no stdin")?;
    let written = std::thread::scope(|scope| {
        let writer = scope.spawn(move || {
            let mut input = std::io::BufWriter::with_capacity(1 << 20, stdin);
            feed(&mut input).and_then(|()| input.flush())
        });
        writer.join().map_err(|_| "the writer failed".to_string())
    })?;
    written.map_err(|e| format!("writing households: {e}"))?;
    let output = child.wait_with_output().map_err(|e| format!("waiting for the batch: {e}"))?;
    let seconds = started.elapsed().as_secs_f64();
    if !output.status.success() {
        return Err(format!("assess --batch failed ({})", output.status));
    }
    let peak = String::from_utf8_lossy(&output.stdout)
        .trim()
        .parse::<u64>()
        .map_err(|e| format!("no peak memory from measure-peak: {e}"))?;
    Ok((seconds, peak))
}

/// `cargo xtask measure-peak <program> <args…>`: runs the program with this process's input, its
/// output discarded, and prints its peak resident memory in bytes (from `wait4`).
pub fn measure_peak(program_and_args: &[String]) -> Result<(), String> {
    let (program, args) = program_and_args.split_first().ok_or("measure-peak needs a program")?;
    let child = Command::new(program)
        .args(args)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| format!("cannot run {program}: {e}"))?;
    let pid = child.id() as libc::pid_t;
    let mut status = 0;
    // SAFETY: an all-zero rusage is a valid value; wait4 fills it for our own child.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: `pid` is our child, not yet waited for; both pointers are to live locals.
    let waited = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    if waited != pid || !libc::WIFEXITED(status) || libc::WEXITSTATUS(status) != 0 {
        return Err(format!("{program} failed (status {status})"));
    }
    // ru_maxrss is in kilobytes on Linux.
    println!("{}", usage.ru_maxrss as u64 * 1024);
    Ok(())
}

/// Measures and writes `target/batch-bench.json`.
pub fn batch_bench() -> Result<(), String> {
    cargo(&["build", "--release", "--locked", "--bin", "assess"])?;
    // Where cargo put it: CARGO_TARGET_DIR when set, else target/ (a relative one is the root's).
    let target = std::env::var_os("CARGO_TARGET_DIR").map_or_else(|| root().join("target"), |dir| root().join(dir));
    let assess = target.join("release").join("assess");
    let mut rows = Vec::new();
    const COUNT: usize = 100_000;
    for (with_standard, what) in [
        (true, "current 低保标准 typed in"),
        (false, "as in examples/ (3 of 5 answered at every standard: their cities' figures are old)"),
    ] {
        let lines = example_lines(with_standard)?;
        let mut input = Vec::new();
        write_households(&mut input, &lines, COUNT).map_err(|e| e.to_string())?;
        let mut inputs = vec![("JSON Lines", false, input)];
        if !with_standard {
            // The same households as a sheet, one row per member (`assess --to-csv`).
            let jsonl = root().join("target").join("bench-households.jsonl");
            std::fs::write(&jsonl, &inputs[0].2).map_err(|e| format!("cannot write {}: {e}", jsonl.display()))?;
            let sheet = Command::new(&assess)
                .arg("--to-csv")
                .arg(&jsonl)
                .output()
                .map_err(|e| format!("cannot run assess --to-csv: {e}"))?;
            if !sheet.status.success() {
                return Err(format!("assess --to-csv failed ({})", sheet.status));
            }
            let _ = std::fs::remove_file(&jsonl);
            inputs.push(("CSV", true, sheet.stdout));
        }
        for (format, csv, input) in &inputs {
            for threads in [1, 2] {
                // The best of three: the machine's other work only ever adds time.
                let mut best = f64::MAX;
                for _ in 0..3 {
                    let (seconds, _) = run_batch(&assess, threads, *csv, |out| out.write_all(input))?;
                    best = best.min(seconds);
                }
                eprintln!("xtask: batch, {format}, {what}, {threads} thread(s): {best:.2} s for {COUNT} households");
                rows.push(serde_json::json!({
                    "what": format!("batch ({format}), {COUNT} households, {what}, {threads} core{}", if threads == 1 { "" } else { "s" }),
                    "households_per_second": (COUNT as f64 / best).round(),
                    "microseconds_per_household_per_core": best * 1e6 * threads as f64 / COUNT as f64,
                }));
            }
        }
    }
    const MILLION: usize = 1_000_000;
    let lines = example_lines(false)?;
    let (seconds, peak) = run_batch(&assess, 2, false, |out| write_households(out, &lines, MILLION))?;
    eprintln!("xtask: batch of {MILLION} households streamed: {seconds:.1} s, peak {} MB", peak / 1_000_000);
    rows.push(serde_json::json!({
        "what": format!("batch, {MILLION} households streamed on 2 cores: peak memory"),
        "peak_bytes": peak,
        "seconds": seconds,
    }));
    let file = root().join("target").join("batch-bench.json");
    std::fs::write(&file, serde_json::Value::Array(rows).to_string())
        .map_err(|e| format!("cannot write {}: {e}", file.display()))
}

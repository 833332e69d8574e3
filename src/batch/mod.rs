//! `assess --batch`: a whole list of households for 民政 staff who look for those that may qualify
//! (主动发现, 晋民发〔2024〕6号 三(三)). Input is JSON Lines (`jsonl`), one household per line in the
//! household format with an `id` the user chooses, or a sheet (`csv`), one row per member; output
//! is JSON Lines (`record`), one record per household, in input order, then one summary line. A bad line gets its own error record with its
//! line number and the run goes on. It streams (a block of households at a time, so memory does not
//! grow with the list) and assesses each block on every core. Each record comes from the engine's
//! `screen`: the same rules and sweep as a single assessment, without its sentences, so its
//! statuses are the single assessment's.

pub mod csv;
mod flags;
mod jsonl;
mod record;

use std::collections::BTreeMap;
use std::io::{BufRead, Read, Write};

use serde::Serialize;

use crate::engine::household::{FieldError, Household};
use crate::engine::outcome::{Category, Status};
use crate::engine::policy::{builtin, PolicyPack};
use crate::engine::{screen, AssessError, Day};
use record::{Counted, Outcome};

/// Households per block: enough to keep every core busy, few enough that memory stays small.
const BLOCK_HOUSEHOLDS: usize = 4096;
/// A block also ends at this many bytes of input, whatever its number of households.
const BLOCK_BYTES: usize = 16 * 1024 * 1024;
/// The longest `id` echoed back; longer ones are refused.
const MAX_ID_CHARS: usize = 120;

/// How a batch is run.
pub struct Options {
    /// A partner's pack for every household; otherwise each household's `place.pack` (built in).
    pub policy: Option<PolicyPack>,
    /// The day to assess on, over every household's `as_of`.
    pub date: Option<Day>,
    /// Today, for households without `as_of` when `date` is not given.
    pub today: Day,
    /// Worker threads (at least 1).
    pub threads: usize,
}

/// One household as a reader found it, not yet read as a household: that is done on the workers.
enum Raw {
    /// A line of JSON Lines.
    Json(String),
    /// One household's rows of a sheet.
    Csv(csv::Group),
    /// Input that cannot be a household (too long, not text), with why.
    Unreadable(&'static str),
}

impl Raw {
    /// The input bytes it holds, for bounding a block.
    fn size(&self) -> usize {
        match self {
            Raw::Json(text) => text.len(),
            Raw::Csv(group) => group.size(),
            Raw::Unreadable(_) => 0,
        }
    }
}

/// A household read from its input: the user's `id` (when it could be read) and the household.
struct Parsed {
    id: Option<String>,
    household: Result<Household, Vec<FieldError>>,
}

/// Counts over the whole run, written as the last line.
#[derive(Debug, Default, Serialize, PartialEq)]
pub struct Summary {
    pub households: usize,
    pub refused: usize,
    /// Per category, per status: how many households have a result with it (a household counts
    /// once per category, at its best status for that category).
    pub by_category: BTreeMap<String, BTreeMap<String, usize>>,
    /// Per area: households, and how many lead with each category (`none`: nothing likely).
    pub by_area: BTreeMap<String, BTreeMap<String, usize>>,
}

fn field(message: impl Into<String>) -> Vec<FieldError> {
    vec![FieldError { path: String::new(), message: message.into() }]
}

/// Where a household came from, to tell its errors: a line of JSON Lines by its paths, a sheet by
/// the row and column each path was read from.
enum Source<'a> {
    Line,
    Sheet(&'a csv::Group),
}

impl Source<'_> {
    fn refused(&self, line: usize, id: Option<&str>, errors: &[FieldError]) -> Outcome {
        match self {
            Source::Line => record::refused(line, id, errors),
            Source::Sheet(group) => record::refused(line, id, &csv::locate(group, errors)),
        }
    }
}

/// Reads and assesses one household that starts on `line` (1-based).
fn assess_one(line: usize, raw: &Raw, options: &Options, packs: &mut BTreeMap<String, PolicyPack>) -> Outcome {
    let (Parsed { id, household }, source) = match raw {
        Raw::Json(text) => (jsonl::parse(text), Source::Line),
        Raw::Csv(group) => match csv::parse(group) {
            Ok(parsed) => (parsed, Source::Sheet(group)),
            Err((id, errors)) => return record::refused(line, id.as_deref(), &errors),
        },
        Raw::Unreadable(why) => return record::refused(line, None, &field(*why)),
    };
    let mut household = match household {
        Ok(h) => h,
        Err(errors) => return source.refused(line, id.as_deref(), &errors),
    };
    if let Some(day) = options.date {
        household.as_of = Some(day);
    }
    let pack = match &options.policy {
        Some(pack) => pack,
        None => {
            let pack_id = household.place.pack.clone().unwrap_or_else(|| "national".to_string());
            if !packs.contains_key(&pack_id) {
                match builtin::load(&pack_id) {
                    Some(Ok(pack)) => {
                        packs.insert(pack_id.clone(), pack);
                    }
                    _ => {
                        return source.refused(
                            line,
                            id.as_deref(),
                            &[FieldError {
                                path: "place.pack".into(),
                                message: format!("没有内置政策包“{}”", crate::engine::date::echoed(&pack_id, 40)),
                            }],
                        )
                    }
                }
            }
            &packs[&pack_id]
        }
    };
    match screen(&household, pack, options.today) {
        Ok(a) => record::assessed(line, id.as_deref(), &household, &pack.id, &a),
        Err(AssessError::Invalid(errors)) => source.refused(line, id.as_deref(), &errors),
        Err(other) => source.refused(line, id.as_deref(), &field(other.to_string())),
    }
}

/// Runs a batch of JSON Lines from `input` to `output`: one record per line (blank lines skipped),
/// then the summary line. Returns the summary.
pub fn run(input: impl BufRead, output: &mut impl Write, options: &Options) -> std::io::Result<Summary> {
    run_households(jsonl::households(input), output, options)
}

/// Runs a batch of a sheet from `input` (the CSV layout of `csv`, UTF-8 or GBK): one record per
/// household, then the summary line. A header row that cannot be read stops the run before any
/// household: its errors are written as one record (`line` 1) with the summary, and returned as an
/// error of kind `InvalidData` carrying a [`csv::HeaderRefused`].
pub fn run_csv(input: impl Read, output: &mut impl Write, options: &Options) -> std::io::Result<Summary> {
    match csv::households(input) {
        Ok(households) => {
            run_households(households.map(|next| next.map(|(line, group)| (line, Raw::Csv(group)))), output, options)
        }
        Err(error) => {
            if let Some(refused) = csv::HeaderRefused::of(&error) {
                let outcome = record::refused(1, None, &refused.errors);
                output.write_all(outcome.json.as_bytes())?;
                output.write_all(b"\n")?;
                let summary = Summary { refused: 1, ..Summary::default() };
                serde_json::to_writer(&mut *output, &serde_json::json!({ "summary": &summary }))?;
                output.write_all(b"\n")?;
                output.flush()?;
            }
            Err(error)
        }
    }
}

/// Runs a batch over the households a reader yields, a block at a time.
fn run_households(
    mut households: impl Iterator<Item = std::io::Result<(usize, Raw)>>,
    output: &mut impl Write,
    options: &Options,
) -> std::io::Result<Summary> {
    let threads = options.threads.max(1);
    let mut summary = Summary::default();
    let mut done = false;
    while !done {
        let mut block: Vec<(usize, Raw)> = Vec::new();
        let mut bytes = 0usize;
        while block.len() < BLOCK_HOUSEHOLDS && bytes < BLOCK_BYTES {
            match households.next().transpose()? {
                None => {
                    done = true;
                    break;
                }
                Some((line, raw)) => {
                    bytes += raw.size();
                    block.push((line, raw));
                }
            }
        }
        for outcome in assess_block(&block, options, threads) {
            output.write_all(outcome.json.as_bytes())?;
            output.write_all(b"\n")?;
            match outcome.counted {
                None => summary.refused += 1,
                Some(counted) => count(&mut summary, counted),
            }
        }
    }
    serde_json::to_writer(&mut *output, &serde_json::json!({ "summary": &summary }))?;
    output.write_all(b"\n")?;
    output.flush()?;
    Ok(summary)
}

fn count(summary: &mut Summary, Counted { area, statuses, best }: Counted) {
    summary.households += 1;
    // A category once per household, at its best status (several members may each have a result).
    let mut best_per_category: Vec<(Category, Status)> = Vec::with_capacity(statuses.len());
    for (category, status) in statuses {
        match best_per_category.iter_mut().find(|(c, _)| *c == category) {
            Some((_, best)) if status < *best => *best = status,
            Some(_) => {}
            None => best_per_category.push((category, status)),
        }
    }
    for (category, status) in best_per_category {
        add(&mut summary.by_category, category.code(), status.code());
    }
    add(&mut summary.by_area, &area, "households");
    add(&mut summary.by_area, &area, best.map_or("none", Category::code));
}

/// One more under `key`, `sub`; keys are looked up by `&str` and allocated only when first seen.
fn add(map: &mut BTreeMap<String, BTreeMap<String, usize>>, key: &str, sub: &str) {
    match map.get_mut(key) {
        Some(counts) => match counts.get_mut(sub) {
            Some(n) => *n += 1,
            None => {
                counts.insert(sub.to_string(), 1);
            }
        },
        None => {
            map.insert(key.to_string(), BTreeMap::from([(sub.to_string(), 1)]));
        }
    }
}

/// Assesses a block on `threads` threads, each a contiguous share, and returns the outcomes in order.
fn assess_block(block: &[(usize, Raw)], options: &Options, threads: usize) -> Vec<Outcome> {
    let share = block.len().div_ceil(threads).max(1);
    std::thread::scope(|scope| {
        let workers: Vec<_> = block
            .chunks(share)
            .map(|part| {
                let worker = scope.spawn(move || {
                    let mut packs = BTreeMap::new();
                    part.iter().map(|(line, raw)| assess_one(*line, raw, options, &mut packs)).collect::<Vec<_>>()
                });
                (part, worker)
            })
            .collect();
        // A worker that failed leaves no line unreported: each of its lines gets an error record.
        workers
            .into_iter()
            .flat_map(|(part, worker)| {
                worker.join().unwrap_or_else(|_| {
                    part.iter()
                        .map(|(line, _)| record::refused(*line, None, &field("评估这一行时出错，未能得出结果")))
                        .collect()
                })
            })
            .collect()
    })
}

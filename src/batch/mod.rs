//! `assess --batch`: a whole list of households for 民政 staff who look for those that may qualify
//! (主动发现, 晋民发〔2024〕6号 三(三)). Input is JSON Lines, one household per line in the household
//! format with an `id` the user chooses; output is JSON Lines, one record per household, in input
//! order, then one summary line. A bad line gets its own error record with its line number and the
//! run goes on. It streams (a block of lines at a time, so memory does not grow with the list) and
//! assesses each block on every core. Each record comes from the same `assess` as a single
//! household, so its statuses are the single assessment's.

use std::collections::BTreeMap;
use std::io::{BufRead, Write};

use serde::Serialize;

use crate::engine::by_standard::Lead;
use crate::engine::household::FieldError;
use crate::engine::outcome::{Category, Status, Subject};
use crate::engine::policy::{builtin, PolicyPack};
use crate::engine::{assess, AssessError, Assessment, Day};
use crate::format::{parse_household, MAX_HOUSEHOLD_BYTES};

/// Lines per block: enough to keep every core busy, few enough that memory stays small.
const BLOCK_LINES: usize = 4096;
/// A block also ends at this many bytes of input, whatever its number of lines.
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

/// One category's status for one household (or one member of it, for 特困 and 单人户).
#[derive(Serialize)]
struct StatusRecord {
    category: Category,
    #[serde(skip_serializing_if = "is_household")]
    subject: Subject,
    status: Status,
}

fn is_household(subject: &Subject) -> bool {
    *subject == Subject::Household
}

/// One line of the answer at every standard: from which standard up to which, what leads.
#[derive(Serialize)]
struct StandardLine {
    #[serde(skip_serializing_if = "Option::is_none")]
    above: Option<rust_decimal::Decimal>,
    #[serde(skip_serializing_if = "Option::is_none")]
    at_most: Option<rust_decimal::Decimal>,
    leads: Vec<StatusRecord>,
}

/// The record of a household assessed.
#[derive(Serialize)]
struct Assessed<'a> {
    line: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<&'a str>,
    area: &'a str,
    /// The 低保标准 used, per person per month; absent when none is known or current.
    #[serde(skip_serializing_if = "Option::is_none")]
    standard: Option<rust_decimal::Decimal>,
    per_capita_monthly_income: rust_decimal::Decimal,
    /// The leading category (as `best` in a single assessment), or none.
    best: Option<Category>,
    best_status: Option<Status>,
    results: Vec<StatusRecord>,
    /// Without a current standard: the answer at every standard, top line first.
    #[serde(skip_serializing_if = "Option::is_none")]
    by_standard: Option<Vec<StandardLine>>,
    /// The warning situations the seeds name that the household's own data shows.
    flags: Vec<Flag>,
}

/// A warning situation (预警) the household's own data shows, with the article of its own
/// province's notice that names it. No amount is judged: where a notice leaves "一定数额" to local
/// rules (山东's 支出骤增), no flag is raised, and a province whose seed names no such situation (the
/// national pack) gets none.
#[derive(Serialize)]
struct Flag {
    flag: &'static str,
    detail: String,
    cites: Vec<String>,
}

/// Which warning situation a flag is.
#[derive(Clone, Copy, PartialEq)]
enum Situation {
    SeriousIllness,
    Disability,
    Student,
    Unemployed,
    DisasterLoss,
}

/// The article of the household's own province that names `situation`, if any:
/// 晋民发〔2023〕31号 三(四) sets 重病、残疾、就学、失业 as warning indicators; 山东 二.3 monitors
/// 收入无法持续稳定（失业信息） and 财产遭受重大损失（自然灾害）; 桂民发〔2024〕34号 一(二) has the
/// departments share 重病大病患者、残疾人、家庭经济困难学生、登记失业人员、灾害生活救助对象 for monitoring.
fn named_by(pack: &str, situation: Situation) -> Option<String> {
    use crate::engine::citation::cite;
    use Situation::*;
    match (pack, situation) {
        ("shanxi", SeriousIllness | Disability | Student | Unemployed) => {
            Some(cite::sx_safety_net_2023("三(四)").to_string())
        }
        ("shandong", Unemployed | DisasterLoss) => Some(cite::sd_monitoring_2024("二.3").to_string()),
        ("guangxi", _) => Some(cite::gx_monitoring_2024("一(二)").to_string()),
        _ => None,
    }
}

/// The flags of one household, each cited to its own province's notice.
fn flags(h: &crate::engine::household::Household, pack: &str) -> Vec<Flag> {
    let who = |i: usize| format!("第{}位成员", i + 1);
    let members = |test: &dyn Fn(&crate::engine::household::Member) -> Option<String>| -> Vec<String> {
        h.members.iter().enumerate().filter_map(|(i, m)| test(m).map(|d| format!("{}{d}", who(i)))).collect()
    };
    let mut candidates: Vec<(Situation, &'static str, Vec<String>)> = vec![
        (
            Situation::SeriousIllness,
            "serious_illness",
            members(&|m| {
                m.illness.filter(|i| i.serious).map(|i| {
                    if i.in_treatment {
                        "患重病，仍在治疗".into()
                    } else {
                        "患重病".into()
                    }
                })
            }),
        ),
        (
            Situation::Disability,
            "disability",
            members(&|m| m.disability.map(|d| format!("{}残疾{}", d.kind.label(), d.grade.label()))),
        ),
        (Situation::Student, "student", members(&|m| m.student.map(|s| format!("{}在读", s.level.label())))),
    ];
    if let Some(u) = &h.situation.unemployment {
        candidates.push((
            Situation::Unemployed,
            "unemployed_without_income",
            vec![format!("失业，已连续{}个月无收入", u.months_without_income)],
        ));
    }
    if h.situation.disaster_after_relief {
        candidates.push((
            Situation::DisasterLoss,
            "property_loss_by_disaster",
            vec!["受灾，经应急和过渡期救助后仍有困难".into()],
        ));
    }
    candidates
        .into_iter()
        .filter(|(_, _, details)| !details.is_empty())
        .filter_map(|(situation, flag, details)| {
            named_by(pack, situation).map(|cite| Flag { flag, detail: details.join("；"), cites: vec![cite] })
        })
        .collect()
}

/// The record of a line that could not be assessed.
#[derive(Serialize)]
struct Refused<'a> {
    line: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<&'a str>,
    errors: &'a [FieldError],
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

/// What the summary counts of one household assessed.
struct Counted {
    area: String,
    statuses: Vec<(Category, Status)>,
    best: Option<Category>,
}

/// What a worker returns for one line: the output line, and what the summary adds (none for a
/// refused line).
struct Outcome {
    json: String,
    counted: Option<Counted>,
}

fn refused(line: usize, id: Option<&str>, errors: &[FieldError]) -> Outcome {
    let json = serde_json::to_string(&Refused { line, id, errors }).unwrap_or_default();
    Outcome { json, counted: None }
}

fn leads(leads: &[Lead]) -> Vec<StatusRecord> {
    leads.iter().map(|l| StatusRecord { category: l.category, subject: l.subject, status: l.status }).collect()
}

fn record(
    line: usize,
    id: Option<&str>,
    h: &crate::engine::household::Household,
    pack_id: &str,
    a: &Assessment,
) -> Outcome {
    let results: Vec<StatusRecord> =
        a.results.iter().map(|r| StatusRecord { category: r.category, subject: r.subject, status: r.status }).collect();
    let by_standard = a.by_standard.as_ref().map(|ladder| {
        ladder
            .lines
            .iter()
            .map(|l| StandardLine { above: l.above, at_most: l.at_most, leads: leads(&l.leads) })
            .collect()
    });
    let out = Assessed {
        line,
        id,
        area: &a.household.area,
        standard: a.standard.as_ref().map(|s| s.monthly),
        per_capita_monthly_income: a.household.per_capita_monthly_income,
        best: a.best.as_ref().map(|b| b.category),
        best_status: a.best.as_ref().map(|b| b.status),
        results,
        by_standard,
        flags: flags(h, pack_id),
    };
    let json = serde_json::to_string(&out).unwrap_or_default();
    let statuses = a.results.iter().map(|r| (r.category, r.status)).collect();
    Outcome {
        json,
        counted: Some(Counted { area: a.household.area.clone(), statuses, best: a.best.as_ref().map(|b| b.category) }),
    }
}

fn field(message: impl Into<String>) -> Vec<FieldError> {
    vec![FieldError { path: String::new(), message: message.into() }]
}

/// Assesses one line (1-based `line`).
fn assess_line(line: usize, text: &str, options: &Options, packs: &mut BTreeMap<String, PolicyPack>) -> Outcome {
    if text.len() > MAX_HOUSEHOLD_BYTES {
        return refused(line, None, &field(format!("这一行超过 {MAX_HOUSEHOLD_BYTES} 字节的上限")));
    }
    let mut value: serde_json::Value = match serde_json::from_str(text) {
        Ok(v) => v,
        Err(_) => return refused(line, None, &field("这一行不是完整的 JSON 对象")),
    };
    let Some(object) = value.as_object_mut() else {
        return refused(line, None, &field("每一行应是一个家庭（JSON 对象）"));
    };
    let id = match object.remove("id") {
        None => None,
        Some(serde_json::Value::String(s)) if s.chars().count() <= MAX_ID_CHARS && !s.chars().any(char::is_control) => {
            Some(s)
        }
        Some(serde_json::Value::Number(n)) => Some(n.to_string()),
        Some(_) => return refused(line, None, &field(format!("id 应是不超过 {MAX_ID_CHARS} 个字符的文字或数字"))),
    };
    let household = match parse_household(&value.to_string()) {
        Ok(h) => h,
        Err(errors) => return refused(line, id.as_deref(), &errors),
    };
    let mut household = household;
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
                        return refused(
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
    match assess(&household, pack, options.today) {
        Ok(a) => record(line, id.as_deref(), &household, &pack.id, &a),
        Err(AssessError::Invalid(errors)) => refused(line, id.as_deref(), &errors),
        Err(other) => refused(line, id.as_deref(), &field(other.to_string())),
    }
}

/// Reads one line of at most `limit` bytes into `buf` (without its newline). A longer line is
/// skipped to its end without being kept, and reported as too long. `Ok(None)` at the end.
fn read_line(reader: &mut impl BufRead, buf: &mut Vec<u8>, limit: usize) -> std::io::Result<Option<bool>> {
    buf.clear();
    let mut too_long = false;
    let mut any = false;
    loop {
        let available = reader.fill_buf()?;
        if available.is_empty() {
            return Ok(any.then_some(!too_long));
        }
        any = true;
        let (chunk, found) = match available.iter().position(|&b| b == b'\n') {
            Some(at) => (&available[..at], Some(at)),
            None => (available, None),
        };
        if !too_long {
            if buf.len() + chunk.len() > limit {
                too_long = true;
                buf.clear();
            } else {
                buf.extend_from_slice(chunk);
            }
        }
        let used = found.map_or(chunk.len(), |at| at + 1);
        reader.consume(used);
        if found.is_some() {
            return Ok(Some(!too_long));
        }
    }
}

/// Runs a batch from `input` to `output`: one record per line (blank lines skipped), then the
/// summary line. Returns the summary.
pub fn run(mut input: impl BufRead, output: &mut impl Write, options: &Options) -> std::io::Result<Summary> {
    let threads = options.threads.max(1);
    let mut summary = Summary::default();
    let mut line_number = 0usize;
    let mut buf = Vec::new();
    let mut done = false;
    while !done {
        // A block of lines: (line number, text or why it cannot be read).
        let mut block: Vec<(usize, Result<String, &'static str>)> = Vec::new();
        let mut bytes = 0usize;
        while block.len() < BLOCK_LINES && bytes < BLOCK_BYTES {
            match read_line(&mut input, &mut buf, MAX_HOUSEHOLD_BYTES)? {
                None => {
                    done = true;
                    break;
                }
                Some(fits) => {
                    line_number += 1;
                    if !fits {
                        block.push((line_number, Err("这一行超过上限（256 KB），已跳过")));
                        continue;
                    }
                    let text = match std::str::from_utf8(&buf) {
                        Ok(t) => t.trim(),
                        Err(_) => {
                            block.push((line_number, Err("这一行不是 UTF-8 文本")));
                            continue;
                        }
                    };
                    if text.is_empty() {
                        continue;
                    }
                    bytes += text.len();
                    block.push((line_number, Ok(text.to_string())));
                }
            }
        }
        let outcomes = assess_block(&block, options, threads);
        for outcome in outcomes {
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
    let mut best_per_category: BTreeMap<&'static str, Status> = BTreeMap::new();
    for (category, status) in statuses {
        let entry = best_per_category.entry(category.code()).or_insert(status);
        if status < *entry {
            *entry = status;
        }
    }
    for (category, status) in best_per_category {
        *summary.by_category.entry(category.to_string()).or_default().entry(status.code().to_string()).or_default() +=
            1;
    }
    let area = summary.by_area.entry(area).or_default();
    *area.entry("households".to_string()).or_default() += 1;
    *area.entry(best.map_or("none", Category::code).to_string()).or_default() += 1;
}

/// Assesses a block on `threads` threads, each a contiguous share, and returns the outcomes in order.
fn assess_block(block: &[(usize, Result<String, &'static str>)], options: &Options, threads: usize) -> Vec<Outcome> {
    let share = block.len().div_ceil(threads).max(1);
    std::thread::scope(|scope| {
        let workers: Vec<_> = block
            .chunks(share)
            .map(|part| {
                let worker = scope.spawn(move || {
                    let mut packs = BTreeMap::new();
                    part.iter()
                        .map(|(line, text)| match text {
                            Ok(text) => assess_line(*line, text, options, &mut packs),
                            Err(message) => refused(*line, None, &field(*message)),
                        })
                        .collect::<Vec<_>>()
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
                        .map(|(line, _)| refused(*line, None, &field("评估这一行时出错，未能得出结果")))
                        .collect()
                })
            })
            .collect()
    })
}

//! The output records of a batch: a household assessed, a line refused. Each writes what a single
//! assessment of the same household says, in a shape made for lists.

use serde::Serialize;

use super::flags::{flags, Flag};
use crate::engine::by_standard::Lead;
use crate::engine::household::Household;
use crate::engine::outcome::{Category, Status, Subject};
use crate::engine::Screening;

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

/// The record of a line that could not be assessed: its errors are [`FieldError`]s for JSON Lines,
/// [`super::csv::CellError`]s (with their row and column) for a sheet.
#[derive(Serialize)]
struct Refused<'a, E> {
    line: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<&'a str>,
    errors: &'a [E],
}

/// What the summary counts of one household assessed.
pub(super) struct Counted {
    pub area: String,
    pub statuses: Vec<(Category, Status)>,
    pub best: Option<Category>,
}

/// What a worker returns for one line: the output line, and what the summary adds (none for a
/// refused line).
pub(super) struct Outcome {
    pub json: String,
    pub counted: Option<Counted>,
}

/// The record of a line that could not be assessed.
pub(super) fn refused<E: Serialize>(line: usize, id: Option<&str>, errors: &[E]) -> Outcome {
    let json = serde_json::to_string(&Refused { line, id, errors }).unwrap_or_default();
    Outcome { json, counted: None }
}

fn leads(leads: &[Lead]) -> Vec<StatusRecord> {
    leads.iter().map(|l| StatusRecord { category: l.category, subject: l.subject, status: l.status }).collect()
}

/// The record of a household assessed under the pack `pack_id`.
pub(super) fn assessed(line: usize, id: Option<&str>, h: &Household, pack_id: &str, a: &Screening) -> Outcome {
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
        area: &a.area,
        standard: a.standard.as_ref().map(|s| s.monthly),
        per_capita_monthly_income: a.per_capita_monthly_income,
        best: a.best.map(|(category, _)| category),
        best_status: a.best.map(|(_, status)| status),
        results,
        by_standard,
        flags: flags(h, pack_id, a),
    };
    let json = serde_json::to_string(&out).unwrap_or_default();
    let statuses = a.results.iter().map(|r| (r.category, r.status)).collect();
    Outcome {
        json,
        counted: Some(Counted { area: a.area.clone(), statuses, best: a.best.map(|(category, _)| category) }),
    }
}

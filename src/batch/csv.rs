//! `assess --batch --csv`: a sheet a county 民政 officer can fill in Excel or WPS from the lists they
//! have (核对 system, 残联, 医保, 教育), one row per member, read into the household format and
//! assessed by the same pipeline as JSON Lines (documented in `docs/FORMATS.md`, "CSV layout"; a
//! filled-in template is `examples/batch-template.csv`).
//!
//! - Row 1 is the header: Chinese names (`户编号`, `与申请人关系`, `年龄`, …) or the household
//!   format's own (`id`, `relation`, `age`, …), in any order, any subset that has `户编号` and
//!   `年龄`. It is read before any household; an unknown column stops the file there.
//! - Consecutive rows with the same `户编号` are one household, one member per row, in order (the
//!   first is member 0). A household's rows must be together: an id that comes back after another
//!   household is an error, not a second household.
//! - Household-level columns (place, date, spending, assets, situation) may be filled on any of the
//!   household's rows, usually the first; every row that fills one must say the same.
//! - Income is a column per kind, per member; a cell may hold several amounts (`3000；500/年`), each
//!   an income line of that member. A row whose relation is `全户` is not a member: it holds income
//!   of the household as a whole.
//! - Every error names its row, as a spreadsheet numbers it, and its column. The format's and the
//!   engine's errors name paths (`members[2].age`): a household with errors is read again keeping,
//!   for each path, the cell it came from.
//! - The reading thread only splits rows and groups them by id ([`Group`]); each household is read
//!   into the format on a worker, as a line of JSON Lines is.
//! - Everything is bounded before it is kept: a row, the columns, a household's rows and bytes, and
//!   its errors ([`MAX_HOUSEHOLD_ERRORS`], the rest counted). A household's [`Group::size`] counts
//!   what it keeps in memory, not only its cells' bytes, so a block of households is bounded by
//!   what it holds. Memory does not grow with the file, except for finding ids that come back: a
//!   64-bit hash of each id and its first row, some 20–40 bytes a household.

mod columns;
mod convert;
mod rows;
mod write;

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Read};
use std::sync::Arc;

use serde::Serialize;

use super::{Parsed, MAX_ID_CHARS};
use crate::engine::date::echoed;
use crate::engine::household::{FieldError, Household};
use crate::format::MAX_HOUSEHOLD_BYTES;
use columns::{Field, Layout};
use convert::Places;
use rows::Rows;
pub use write::write_households;

/// The longest row kept (its bytes as in the file). A household's row is a few hundred bytes.
pub const MAX_ROW_BYTES: usize = 64 * 1024;
/// The most columns a row may have: every column of the layout, with room for notes the officer
/// leaves blank-headed.
pub const MAX_COLUMNS: usize = 128;
/// The most rows one household may have: its members (at most 30, [`crate::engine::household::MAX_MEMBERS`])
/// and room for `全户` rows.
pub const MAX_HOUSEHOLD_ROWS: usize = 40;

/// The most errors a household's record lists. A sheet filled wrongly throughout (its columns
/// shifted, notes typed under a blank header, every cell of a wrong list) would give every cell its
/// error: thousands for one household, a hundred bytes or more each, so that a block of households
/// would take hundreds of times its bytes in memory and in the output. Past this many, problems are
/// counted, not kept, and one more error says how many were left out: the first ones usually share
/// one cause, and the sheet is read again once it is fixed.
pub const MAX_HOUSEHOLD_ERRORS: usize = 20;

/// What keeping a piece of text costs besides its bytes, for [`Group::size`]: its `String` and its
/// place beside it (32 bytes), and the allocator's share of a small allocation (about 16–32 bytes).
const KEPT_TEXT_OVERHEAD: usize = 64;

/// A problem with one cell, or one row: the household format's path it would fill, the message
/// naming the row and column (`第12行“年龄”：年龄应在0到130岁之间`), and the row and column apart,
/// for a program that marks the sheet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CellError {
    /// The path in the household format (`members[2].age`); empty for a row or the file.
    pub path: String,
    /// What is wrong, in Chinese, starting with the row and the column.
    pub message: String,
    /// The row, 1-based, the header being row 1, as a spreadsheet numbers it.
    pub row: usize,
    /// The column's header as the file writes it; absent for a whole row or household.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub column: Option<String>,
}

impl CellError {
    fn at(row: usize, column: Option<&str>, path: String, message: String) -> CellError {
        CellError::placed(row, column.map(|c| echoed(c, 40)), path, message)
    }

    /// An error at a column already echoed (as [`CellError::at`] keeps it).
    fn placed(row: usize, column: Option<String>, path: String, message: String) -> CellError {
        let message = match &column {
            Some(column) => format!("第{row}行“{column}”：{message}"),
            None => format!("第{row}行：{message}"),
        };
        CellError { path, message, row, column }
    }

    /// The bytes it keeps, for [`Group::size`].
    fn kept_bytes(&self) -> usize {
        let column = self.column.as_ref().map_or(0, |c| c.len() + KEPT_TEXT_OVERHEAD);
        std::mem::size_of::<CellError>() + self.path.len() + self.message.len() + 2 * KEPT_TEXT_OVERHEAD + column
    }
}

/// A household's problems as they are found: the first [`MAX_HOUSEHOLD_ERRORS`] kept, the rest
/// only counted, and where the first of those is, to say so.
#[derive(Debug, Clone, Default)]
pub(super) struct Problems {
    listed: Vec<CellError>,
    unlisted: usize,
    first_unlisted: Option<(usize, Option<String>)>,
}

impl Problems {
    /// Keeps a problem while there is room; past [`MAX_HOUSEHOLD_ERRORS`] it is counted, and
    /// `problem` is called only for the first one left out (for its row and column), so that a
    /// household of thousands of bad cells does not write thousands of messages to drop.
    pub(super) fn push(&mut self, problem: impl FnOnce() -> CellError) {
        if self.listed.len() < MAX_HOUSEHOLD_ERRORS {
            self.listed.push(problem());
            return;
        }
        if self.first_unlisted.is_none() {
            let CellError { row, column, .. } = problem();
            self.first_unlisted = Some((row, column));
        }
        self.unlisted = self.unlisted.saturating_add(1);
    }

    pub(super) fn is_empty(&self) -> bool {
        self.listed.is_empty()
    }

    /// The bytes kept, for [`Group::size`].
    fn kept_bytes(&self) -> usize {
        self.listed.iter().map(CellError::kept_bytes).sum()
    }

    /// The problems kept, then one more naming how many were left out, if any were.
    pub(super) fn into_errors(self) -> Vec<CellError> {
        let mut errors = self.listed;
        if let Some((row, column)) = self.first_unlisted {
            errors.push(CellError::placed(
                row,
                column,
                String::new(),
                format!(
                    "另有{}处错误未列出（每户只列出前{MAX_HOUSEHOLD_ERRORS}处，未列出的第一处在这里）；请改正后再检查这一户",
                    self.unlisted
                ),
            ));
        }
        errors
    }
}

impl std::fmt::Display for CellError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

/// A file whose header row cannot be read: nothing in it is assessed. Carried in the
/// [`std::io::Error`] (kind `InvalidData`) that [`super::run_csv`] and [`read_households`] return.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeaderRefused {
    pub errors: Vec<CellError>,
}

impl std::fmt::Display for HeaderRefused {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let messages: Vec<&str> = self.errors.iter().map(|e| e.message.as_str()).collect();
        f.write_str(&messages.join("\n"))
    }
}

impl std::error::Error for HeaderRefused {}

impl HeaderRefused {
    /// The refusal inside an error from this module, if that is what it is.
    pub fn of(error: &std::io::Error) -> Option<&HeaderRefused> {
        error.get_ref().and_then(|inner| inner.downcast_ref::<HeaderRefused>())
    }

    fn into_io(errors: Vec<CellError>) -> std::io::Error {
        std::io::Error::new(std::io::ErrorKind::InvalidData, HeaderRefused { errors })
    }
}

/// One row of a household as kept: its number and its non-blank cells, by column.
#[derive(Debug)]
pub(super) struct SheetRow {
    number: usize,
    cells: Vec<(usize, String)>,
}

/// One household's rows as the reader found them, read into a household on a worker
/// ([`parse`]). A household with problems the reader finds is refused on them alone (its cells are
/// not read), so from the first one its rows are no longer kept, only the problems; rows that made
/// it a refusal (a row too long, an id come back, too many rows) stop it being read any further.
#[derive(Debug)]
pub struct Group {
    id: Option<String>,
    first_row: usize,
    layout: Arc<Layout>,
    rows: Vec<SheetRow>,
    /// The rows read for it, kept or not, for its bound.
    row_count: usize,
    problems: Problems,
    /// Its cells' bytes, for its bound ([`MAX_HOUSEHOLD_BYTES`]).
    bytes: usize,
    /// What its kept rows take in memory: each kept cell's text and [`KEPT_TEXT_OVERHEAD`].
    kept: usize,
    /// Past a bound: the household is refused and its further rows are read but not kept.
    skipping: bool,
}

impl Group {
    /// The bytes it keeps in memory, for bounding a block of households: its rows, its cells and its
    /// problems, not only the cells' text (a row of 128 one-byte cells takes some 8 KB).
    pub(super) fn size(&self) -> usize {
        std::mem::size_of::<Group>()
            .saturating_add(self.id.as_ref().map_or(0, |id| id.len() + KEPT_TEXT_OVERHEAD))
            .saturating_add(self.kept)
            .saturating_add(self.problems.kept_bytes())
    }

    fn refuse(&mut self, problem: CellError) {
        self.problems.push(|| problem);
        self.skipping = true;
        self.drop_rows();
    }

    /// Lets its rows go: a household with problems is refused on them, its cells never read.
    fn drop_rows(&mut self) {
        self.rows = Vec::new();
        self.kept = 0;
    }

    /// Keeps a row of this household, or refuses the household when the row is bad or one too many.
    fn add(&mut self, row: rows::Row) {
        if self.skipping {
            return;
        }
        if let Some(fault) = row.fault {
            return self.refuse(CellError::at(row.number, None, String::new(), fault.message()));
        }
        let bytes: usize = row.cells.iter().map(String::len).sum();
        if self.row_count >= MAX_HOUSEHOLD_ROWS || self.bytes.saturating_add(bytes) > MAX_HOUSEHOLD_BYTES {
            return self.refuse(CellError::at(
                row.number,
                None,
                String::new(),
                format!(
                    "户编号相同的行超过上限（{MAX_HOUSEHOLD_ROWS} 行、{} KB），这一户不评估，从这一行起到这一户结束的行已跳过",
                    MAX_HOUSEHOLD_BYTES / 1024
                ),
            ));
        }
        self.row_count += 1;
        self.bytes += bytes;
        let mut cells = Vec::new();
        for (index, text) in row.cells.into_iter().enumerate() {
            if text.is_empty() {
                continue;
            }
            match self.layout.columns.get(index) {
                // Once it has a problem its cells are not read: they are only looked through for more.
                Some(Some(_)) if self.problems.is_empty() => cells.push((index, text)),
                Some(Some(_)) => {}
                _ => self.problems.push(|| {
                    CellError::at(
                        row.number,
                        Some(&format!("第{}列", index + 1)),
                        String::new(),
                        format!("这一列没有列名，却填了“{}”；请删去或补上列名", echoed(&text, 40)),
                    )
                }),
            }
        }
        if !self.problems.is_empty() {
            return self.drop_rows();
        }
        self.kept += std::mem::size_of::<SheetRow>()
            + cells.iter().map(|(_, text)| text.len() + KEPT_TEXT_OVERHEAD).sum::<usize>();
        self.rows.push(SheetRow { number: row.number, cells });
    }
}

/// A 64-bit hash of an id: what the reader keeps of every id it has seen.
fn fingerprint(id: &str) -> u64 {
    use std::hash::{Hash, Hasher};
    // `new` hashers all have the same keys: the same id always has the same hash in a run.
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    id.hash(&mut hasher);
    hasher.finish()
}

/// The households of a sheet, each with the row it starts on.
pub(super) struct Households<R> {
    rows: Rows<R>,
    layout: Arc<Layout>,
    id_column: usize,
    current: Option<Group>,
    /// Every id seen, as a hash, with the row it started on.
    seen: HashMap<u64, u32>,
}

/// Reads the header row of `input` and returns its households. A header that cannot be read is an
/// error of kind `InvalidData` carrying a [`HeaderRefused`].
pub(super) fn households<R: Read>(input: R) -> std::io::Result<Households<BufReader<R>>> {
    let mut input = BufReader::with_capacity(64 * 1024, input);
    // Excel's "Unicode 文本" is UTF-16 and tab-separated: say what to save instead.
    if matches!(input.fill_buf()?, [0xff, 0xfe, ..] | [0xfe, 0xff, ..]) {
        return Err(HeaderRefused::into_io(vec![CellError::at(
            1,
            None,
            String::new(),
            "文件是 UTF-16 编码（Excel 的“Unicode 文本”）；请另存为“CSV UTF-8（逗号分隔）”或“CSV（逗号分隔）”"
                .to_string(),
        )]));
    }
    let mut rows = Rows::new(input);
    let header = loop {
        match rows.next_row()? {
            None => {
                return Err(HeaderRefused::into_io(vec![CellError::at(
                    1,
                    None,
                    String::new(),
                    "文件是空的：第1行应是列名".to_string(),
                )]))
            }
            Some(row) if row.fault.is_none() && row.cells.iter().all(String::is_empty) => continue,
            Some(row) => break row,
        }
    };
    if let Some(fault) = header.fault {
        return Err(HeaderRefused::into_io(vec![CellError::at(header.number, None, String::new(), fault.message())]));
    }
    let mut headers = header.cells;
    // A byte-order mark that is not UTF-8's (GB18030's, as iconv writes it) is read as a character.
    if let Some(first) = headers.first_mut() {
        if let Some(rest) = first.strip_prefix('\u{feff}') {
            *first = rest.trim().to_string();
        }
    }
    let layout = columns::layout(&headers).map_err(HeaderRefused::into_io)?;
    let id_column = layout.find(Field::Id).unwrap_or(0);
    Ok(Households { rows, layout: Arc::new(layout), id_column, current: None, seen: HashMap::new() })
}

impl<R: BufRead> Households<R> {
    /// A group for a row that starts a household: refused at once when its id has no text or came
    /// before.
    fn start(&mut self, row: rows::Row, id: Option<String>) -> Group {
        let mut group = Group {
            id: id.clone(),
            first_row: row.number,
            layout: Arc::clone(&self.layout),
            rows: Vec::new(),
            row_count: 0,
            problems: Problems::default(),
            bytes: 0,
            kept: 0,
            skipping: false,
        };
        let header = self.layout.header(Field::Id);
        match id {
            None if row.fault.is_none() => group.refuse(CellError::at(
                row.number,
                Some(&header),
                "id".to_string(),
                "请填写户编号（同一户的每一行都要填）".to_string(),
            )),
            None => {}
            Some(id) => {
                let first = *self.seen.entry(fingerprint(&id)).or_insert(u32::try_from(row.number).unwrap_or(u32::MAX));
                if usize::try_from(first).ok() != Some(row.number) {
                    group.refuse(CellError::at(
                        row.number,
                        Some(&header),
                        "id".to_string(),
                        format!(
                            "户编号“{}”在第{first}行已经出现过，中间隔着别的户：同一户的各行须连续排列，这几行未评估",
                            echoed(&id, 40)
                        ),
                    ));
                }
            }
        }
        group.add(row);
        group
    }
}

impl<R: BufRead> Iterator for Households<R> {
    type Item = std::io::Result<(usize, Group)>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            let row = match self.rows.next_row() {
                Err(e) => return Some(Err(e)),
                Ok(None) => return self.current.take().map(|group| Ok((group.first_row, group))),
                Ok(Some(row)) => row,
            };
            // A row left empty (`,,,,` as Excel writes it) separates nothing and is skipped.
            if row.fault.is_none() && row.cells.iter().all(String::is_empty) {
                continue;
            }
            let id = row.cells.get(self.id_column).filter(|id| !id.is_empty()).cloned();
            match &mut self.current {
                Some(group) if group.id.is_some() && group.id == id => group.add(row),
                _ => {
                    let started = self.start(row, id);
                    if let Some(done) = self.current.replace(started) {
                        return Some(Ok((done.first_row, done)));
                    }
                }
            }
        }
    }
}

/// Reads one household's rows into a household (on a worker): the id to echo and the household or
/// the format's errors (to be told by [`locate`]), or every problem the rows themselves have, each
/// by its row and column.
pub(super) fn parse(group: &Group) -> Result<Parsed, (Option<String>, Vec<CellError>)> {
    let echo = group.id.clone().filter(|id| id.chars().count() <= MAX_ID_CHARS && !id.chars().any(char::is_control));
    let mut problems = group.problems.clone();
    if group.id.is_some() && echo.is_none() && problems.is_empty() {
        problems.push(|| {
            CellError::at(
                group.first_row,
                Some(&group.layout.header(Field::Id)),
                "id".to_string(),
                format!("户编号应是不超过 {MAX_ID_CHARS} 个字符的文字"),
            )
        });
    }
    if !problems.is_empty() {
        return Err((echo, problems.into_errors()));
    }
    match convert::household(&group.layout, group.first_row, &group.rows, &mut Places::ignored()) {
        Ok(value) => Ok(Parsed { id: echo, household: crate::format::household_from_value(value) }),
        Err(problems) => Err((echo, problems.into_errors())),
    }
}

/// The errors found in a household read from `group` (by the format or the engine), each told by
/// the row and column its path came from: the rows are read again, remembering where each path
/// came from, as only a household with errors needs that.
pub(super) fn locate(group: &Group, errors: &[FieldError]) -> Vec<CellError> {
    let mut places = Places::recorded();
    // The rows read without problems the first time, and read the same again.
    let _ = convert::household(&group.layout, group.first_row, &group.rows, &mut places);
    places.locate(&group.layout, group.first_row, errors).into_errors()
}

/// A household read from a sheet: the row it starts on, its id, and the household or every error
/// (each with its row and column).
#[derive(Debug)]
pub struct SheetHousehold {
    pub row: usize,
    pub id: Option<String>,
    pub household: Result<Household, Vec<CellError>>,
}

/// Reads the households of a sheet without assessing them: for checking a sheet, and for turning
/// it into JSON Lines. A header that cannot be read is an error of kind `InvalidData` carrying a
/// [`HeaderRefused`].
pub fn read_households<R: Read>(input: R) -> std::io::Result<impl Iterator<Item = std::io::Result<SheetHousehold>>> {
    Ok(households(input)?.map(|next| {
        let (row, group) = next?;
        Ok(match parse(&group) {
            Ok(Parsed { id, household }) => {
                SheetHousehold { row, id, household: household.map_err(|errors| locate(&group, &errors)) }
            }
            Err((id, errors)) => SheetHousehold { row, id, household: Err(errors) },
        })
    }))
}

/// Turns JSON Lines of households (as `assess --batch` reads them) into a sheet, for staff who
/// would rather check or fill in a spreadsheet. A line that cannot be written is left out and named
/// in the returned messages: not a valid household, an id an earlier line has (read back, the two
/// would be one household), a text cell a spreadsheet would run as a formula. A line without an
/// `id` gets `第N行` (its line number N): not a bare number, which an `"id": 5` elsewhere could be;
/// a line whose own id is `第N行` as well is then a repeated id like any other.
pub fn from_json_lines(input: impl BufRead, output: impl std::io::Write) -> std::io::Result<Vec<String>> {
    let mut skipped = Vec::new();
    let mut failed = None;
    let mut written = write::WrittenIds::new();
    let households = super::jsonl::households(input).map_while(|next| match next {
        Ok(item) => Some(item),
        Err(e) => {
            failed = Some(e);
            None
        }
    });
    let readable = households.filter_map(|(line, raw)| {
        let errors = match raw {
            super::Raw::Json(text) => match super::jsonl::parse(&text) {
                Parsed { id, household: Ok(household) } => {
                    let given = id.is_some();
                    let id = id.unwrap_or_else(|| format!("第{line}行"));
                    if let Some(message) = write::formula_cell(&id, &household) {
                        skipped.push(format!("第{line}行未写入：{message}"));
                        return None;
                    }
                    match written.entry(fingerprint(&id)) {
                        std::collections::hash_map::Entry::Occupied(first) => {
                            let whose = if given { "" } else { "（这一行没有 id，以行号作户编号）" };
                            skipped.push(format!(
                                "第{line}行未写入：户编号“{}”{whose}与第{}行相同；表格中户编号相同的相邻行会被读成同一户，请给每户不同的 id",
                                echoed(&id, 40),
                                first.get()
                            ));
                            return None;
                        }
                        std::collections::hash_map::Entry::Vacant(slot) => {
                            slot.insert(u32::try_from(line).unwrap_or(u32::MAX));
                        }
                    }
                    return Some((id, household));
                }
                Parsed { household: Err(errors), .. } => errors,
            },
            super::Raw::Unreadable(why) => {
                vec![crate::engine::household::FieldError { path: String::new(), message: why.to_string() }]
            }
            super::Raw::Csv(_) => return None,
        };
        let errors: Vec<String> = errors.iter().map(ToString::to_string).collect();
        skipped.push(format!("第{line}行未写入：{}", errors.join("；")));
        None
    });
    write::write_sheet(output, readable, None)?;
    match failed {
        Some(e) => Err(e),
        None => Ok(skipped),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The households of a sheet, as the reader hands them to the workers.
    fn groups(sheet: &str) -> Vec<Group> {
        households(sheet.as_bytes()).expect("header").map(|next| next.expect("read").1).collect()
    }

    #[test]
    fn a_household_s_size_counts_the_memory_its_rows_take_not_only_the_bytes_of_its_cells() {
        let header: Vec<&str> = columns::SPECS.iter().map(|spec| spec.header).collect();
        let row = format!("H1{}\n", ",1".repeat(header.len() - 1));
        let sheet = format!("{}\n{}", header.join(","), row.repeat(MAX_HOUSEHOLD_ROWS));
        let group = groups(&sheet).pop().expect("one household");
        let cells = MAX_HOUSEHOLD_ROWS * header.len();
        // Each one-byte cell is a String and its column's index beside it: some 60 bytes, not 1.
        assert!(group.size() >= cells * 32, "{} bytes for {cells} cells", group.size());
        assert!(group.size() <= cells * (KEPT_TEXT_OVERHEAD + 8) + 64 * 1024, "{}", group.size());
    }

    #[test]
    fn a_household_of_thousands_of_cells_under_blank_headers_keeps_twenty_problems_and_a_few_kilobytes() {
        let row = format!("H1{}\n", ",x".repeat(MAX_COLUMNS - 1));
        let sheet = format!("户编号,年龄{}\n{}", ",".repeat(MAX_COLUMNS - 2), row.repeat(MAX_HOUSEHOLD_ROWS));
        let group = groups(&sheet).pop().expect("one household");
        assert!(group.rows.is_empty(), "refused on its problems, its rows are not kept");
        assert_eq!(group.problems.listed.len(), MAX_HOUSEHOLD_ERRORS);
        assert_eq!(group.problems.unlisted, MAX_HOUSEHOLD_ROWS * (MAX_COLUMNS - 2) - MAX_HOUSEHOLD_ERRORS);
        let listed: usize = group.problems.listed.iter().map(|e| e.message.len()).sum();
        assert!(group.size() > listed, "its problems are counted in its size");
        assert!(group.size() < 16 * 1024, "{}", group.size());
    }
}

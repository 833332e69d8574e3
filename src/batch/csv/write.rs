//! Households written as a sheet, in the words the reader reads and staff type: for turning JSON
//! into a sheet to fill or check, and for the round-trip test (a household written and read back is
//! the same household, its income lines in the sheet's order: member by member, kind by kind).
//!
//! Two things a sheet cannot hold are refused rather than written: two households with one id
//! (read back, adjacent rows with one `户编号` are one household), and a text cell that a
//! spreadsheet would take for a formula ([`formula_cell`]).

use std::borrow::Borrow;
use std::collections::HashMap;
use std::io::Write;

use serde::Serialize;

use super::columns::{Field, Unit, SPECS};
use super::convert::{Words, AREA_KIND, DISABILITY, HOUSEHOLD_ROW, HUKOU, LEVEL, PACK, RELATION, SUPPORTER, WORK};
use crate::engine::date::echoed;
use crate::engine::household::{Household, IncomeItem, Member};
use crate::engine::money::{Amount, Money, Period};

/// The word written for a value: the first word of its code in the reader's table, or the code.
fn word<T: Serialize>(words: Words, value: T) -> String {
    let code = match serde_json::to_value(value) {
        Ok(serde_json::Value::String(code)) => code,
        _ => return String::new(),
    };
    words.iter().find(|(_, c)| *c == code).map_or(code, |(word, _)| (*word).to_string())
}

fn yes(value: bool) -> String {
    if value { "是" } else { "" }.to_string()
}

fn yes_no(value: bool) -> String {
    if value { "是" } else { "否" }.to_string()
}

/// An amount in a column whose cells mean `default` unless they say otherwise.
fn amount(amount: Amount, unit: Unit) -> String {
    match unit {
        Unit::Per(default) if amount.per != default => format!("{}/{}", amount.amount, amount.per.label()),
        _ => amount.amount.to_string(),
    }
}

/// Blank for the format's default (zero per year), else the amount.
fn amount_or_blank(value: Amount, unit: Unit) -> String {
    if value.amount == Money::ZERO && value.per == Period::Year {
        String::new()
    } else {
        amount(value, unit)
    }
}

fn count(n: u16) -> String {
    if n == 0 {
        String::new()
    } else {
        n.to_string()
    }
}

/// The household's own cell for a field (written on its first row only).
fn household_cell(h: &Household, field: Field, unit: Unit) -> String {
    use Field::*;
    let unemployment = h.situation.unemployment;
    match field {
        AsOf => h.as_of.map(|d| d.to_string()).unwrap_or_default(),
        Pack => h.place.pack.as_deref().map(|p| word(PACK, p)).unwrap_or_default(),
        Area => h.place.area.clone().unwrap_or_default(),
        AreaKind => word(AREA_KIND, h.place.area_kind),
        LocalStandard => h.place.local_standard.map(|a| amount(a, unit)).unwrap_or_default(),
        DisposableIncome => h.place.disposable_income.map(|a| amount(a, unit)).unwrap_or_default(),
        Medical => amount_or_blank(h.spending.medical, unit),
        DisabilityCare => amount_or_blank(h.spending.disability_care, unit),
        OtherRigid => amount_or_blank(h.spending.other_rigid, unit),
        Financial => {
            if h.assets.financial == Money::ZERO {
                String::new()
            } else {
                h.assets.financial.to_string()
            }
        }
        Vehicles => count(h.assets.vehicles),
        Homes => count(h.assets.homes),
        OtherProperty => yes(h.assets.other_property),
        ReceivesDibao => yes(h.situation.receives_dibao),
        RecognisedMarginal => yes(h.situation.recognised_marginal),
        IncomeRoseThroughWork => yes(h.situation.income_rose_through_work),
        MonthsWithoutIncome => unemployment.map(|u| u.months_without_income.to_string()).unwrap_or_default(),
        UnemploymentInsurance => unemployment.map(|u| yes(u.unemployment_insurance)).unwrap_or_default(),
        CausedByEmergency => unemployment.map(|u| yes(u.caused_by_emergency)).unwrap_or_default(),
        SuddenHardship => yes(h.situation.sudden_hardship),
        DisasterAfterRelief => yes(h.situation.disaster_after_relief),
        StudentStuckByEmergency => yes(h.situation.student_stuck_by_emergency),
        Hukou => {
            if h.situation.hukou == crate::engine::household::Hukou::Local {
                String::new()
            } else {
                word(HUKOU, h.situation.hukou)
            }
        }
        _ => String::new(),
    }
}

/// A member's own cell for a field.
fn member_cell(m: &Member, field: Field, unit: Unit) -> String {
    use crate::engine::household::{SupporterStatus, WorkStatus};
    use Field::*;
    match field {
        Relation => word(RELATION, m.relation),
        Age => m.age.years().to_string(),
        Work if m.work != WorkStatus::Unknown => word(WORK, m.work),
        Supporter if m.supporter != SupporterStatus::Unknown => word(SUPPORTER, m.supporter),
        DisabilityKind => m.disability.map(|d| word(DISABILITY, d.kind)).unwrap_or_default(),
        DisabilityGrade => m.disability.map(|d| d.grade.label().to_string()).unwrap_or_default(),
        NeedsOngoingCare => m.disability.map(|d| yes(d.needs_ongoing_care)).unwrap_or_default(),
        // Both answers, so that an illness answered "no, no" is still there when read back.
        Serious => m.illness.map(|i| yes_no(i.serious)).unwrap_or_default(),
        InTreatment => m.illness.map(|i| yes_no(i.in_treatment)).unwrap_or_default(),
        Level => m.student.map(|s| word(LEVEL, s.level)).unwrap_or_default(),
        FullTime => m.student.map(|s| if s.full_time { String::new() } else { "否".to_string() }).unwrap_or_default(),
        HighFeeSchool => m.student.map(|s| yes(s.high_fee_school)).unwrap_or_default(),
        Abroad => m.student.map(|s| yes(s.abroad)).unwrap_or_default(),
        Fees => m.student.map(|s| amount_or_blank(s.fees, unit)).unwrap_or_default(),
        _ => String::new(),
    }
}

/// The income cell of one member (or of the household, `None`) for one kind: its lines in order,
/// joined by "；".
fn income_cell(lines: &[IncomeItem], member: Option<usize>, field: Field, unit: Unit) -> String {
    let Field::Income(kind) = field else { return String::new() };
    let amounts: Vec<String> =
        lines.iter().filter(|l| l.member == member && l.kind == kind).map(|l| amount(l.value(), unit)).collect();
    amounts.join("；")
}

/// The characters Excel, WPS and LibreOffice start a formula with. A cell the writer writes itself
/// (a number, a date, a word of the reader's tables) never starts with one; the text cells a
/// household brings from its input (its id, `place.area`, `place.pack`) might.
const FORMULA_STARTS: [char; 4] = ['=', '+', '-', '@'];

/// The first text cell of a household that a spreadsheet would read as a formula when the sheet is
/// opened (`=HYPERLINK(…)`, `@SUM(…)`, `-2+3`), as a message naming its column: such a sheet is
/// not written. Refused rather than written with a `'` in front: whether that `'` is hidden, kept as
/// a character or dropped when the sheet is opened and saved again depends on the program, so the
/// id read back could differ from the id written, and the reader would have to strip a character
/// staff may have typed. Refused, every written cell is plain text, read back as written. Leading
/// spaces are looked past: the reader trims them and some programs do too.
pub(super) fn formula_cell(id: &str, h: &Household) -> Option<String> {
    let cells = [("户编号", Some(id)), ("地区", h.place.area.as_deref()), ("政策包", h.place.pack.as_deref())];
    cells.into_iter().find_map(|(header, text)| {
        let text = text?;
        let first = text.trim_start().chars().next().filter(|c| FORMULA_STARTS.contains(c))?;
        Some(format!(
            "{header}“{}”以“{first}”开头，用 Excel 或 WPS 打开表格时会被当作公式；请改为不以 =、+、-、@ 开头的文字",
            echoed(text, 40)
        ))
    })
}

/// A 64-bit hash of an id, as the reader keeps ids ([`super::fingerprint`]): the writer finds an id
/// written twice with some 20–40 bytes a household.
pub(super) type WrittenIds = HashMap<u64, u32>;

/// Writes households as a sheet: UTF-8 with a byte-order mark (so that Excel opens it as such),
/// the header row with every column, then each household's rows: one per member, and a `全户` row
/// after them when it has income of the household as a whole. Its own fields are on its first row.
/// What cannot be written is an error of kind `InvalidInput`, and the sheet stops there: an income
/// line of a member the household does not have, an id written before (the two would be read back
/// as one household, or as an id that comes back), a text cell a spreadsheet would run as a
/// formula ([`formula_cell`]). [`super::from_json_lines`] leaves such lines out before they get here.
pub fn write_households<W: Write, Id: AsRef<str>, H: Borrow<Household>>(
    output: W,
    households: impl IntoIterator<Item = (Id, H)>,
) -> std::io::Result<()> {
    write_sheet(output, households, Some(WrittenIds::new()))
}

/// [`write_households`], finding repeated ids in `written`, or not at all when the caller has (as
/// [`super::from_json_lines`] does, line by line): one set of ids, not two.
pub(super) fn write_sheet<W: Write, Id: AsRef<str>, H: Borrow<Household>>(
    mut output: W,
    households: impl IntoIterator<Item = (Id, H)>,
    mut written: Option<WrittenIds>,
) -> std::io::Result<()> {
    let refused = |message: String| std::io::Error::new(std::io::ErrorKind::InvalidInput, message);
    output.write_all("\u{feff}".as_bytes())?;
    let mut sheet = ::csv::WriterBuilder::new().terminator(::csv::Terminator::CRLF).from_writer(output);
    sheet.write_record(SPECS.iter().map(|s| s.header))?;
    for (number, (id, h)) in households.into_iter().enumerate() {
        let (id, h) = (id.as_ref(), h.borrow());
        if let Some(line) = h.income.iter().find(|l| l.member.is_some_and(|m| m >= h.members.len())) {
            return Err(refused(format!(
                "户编号“{}”：收入条目指向第{}位成员，这一户没有",
                echoed(id, 40),
                line.member.unwrap_or(0) + 1
            )));
        }
        if let Some(message) = formula_cell(id, h) {
            return Err(refused(message));
        }
        let number = u32::try_from(number.saturating_add(1)).unwrap_or(u32::MAX);
        if let Some(first) = written.as_mut().and_then(|ids| ids.insert(super::fingerprint(id), number)) {
            return Err(refused(format!(
                "第{number}户的户编号“{}”与第{first}户相同：同一户编号的行会被读成同一户",
                echoed(id, 40)
            )));
        }
        let household_row = h.income.iter().any(|l| l.member.is_none());
        let rows = h.members.len() + usize::from(household_row);
        for row in 0..rows.max(1) {
            let record = SPECS.iter().map(|spec| {
                let field = spec.field;
                match field {
                    Field::Id => id.to_string(),
                    _ if field.is_household_level() => {
                        if row == 0 {
                            household_cell(h, field, spec.unit)
                        } else {
                            String::new()
                        }
                    }
                    _ => match h.members.get(row) {
                        Some(member) => match field {
                            Field::Income(_) => income_cell(&h.income, Some(row), field, spec.unit),
                            _ => member_cell(member, field, spec.unit),
                        },
                        None if household_row => match field {
                            Field::Relation => HOUSEHOLD_ROW.to_string(),
                            Field::Income(_) => income_cell(&h.income, None, field, spec.unit),
                            _ => String::new(),
                        },
                        None => String::new(),
                    },
                }
            });
            sheet.write_record(record.collect::<Vec<String>>())?;
        }
    }
    sheet.flush()
}

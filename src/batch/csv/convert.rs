//! One household's rows into the household format's JSON, read then by the same
//! `household_from_value` as a line of JSON Lines. Cells hold what staff type: Chinese words
//! (是/否, 配偶, 肢体, 二级), the format's codes, amounts as on the page (`3千`). The format's and
//! the engine's errors name paths (`members[2].age`); to tell them by row and column, the rows are
//! converted again remembering the cell each path came from ([`Places`]). Only a household with an
//! error pays for that.

use serde_json::{json, Map, Value};

use super::columns::{Field, Layout};
use super::{CellError, Problems, SheetRow};
use crate::engine::date::echoed;
use crate::engine::household::{FieldError, IncomeKind, MAX_INCOME_ITEMS};
use crate::engine::money::Period;

/// The words a cell may hold for a field, each with the format's code; the first word of each code
/// is the one the writer writes. The codes themselves are accepted too.
pub(super) type Words = &'static [(&'static str, &'static str)];

/// The relation that marks a row as the household's own, not a member's.
pub(super) const HOUSEHOLD_ROW: &str = "全户";

pub(super) const RELATION: Words = &[
    ("申请人", "applicant"),
    ("本人", "applicant"),
    ("配偶", "spouse"),
    ("妻子", "spouse"),
    ("丈夫", "spouse"),
    ("妻", "spouse"),
    ("夫", "spouse"),
    ("子女", "child"),
    ("儿子", "child"),
    ("女儿", "child"),
    ("子", "child"),
    ("女", "child"),
    ("父母", "parent"),
    ("父亲", "parent"),
    ("母亲", "parent"),
    ("兄弟姐妹", "sibling"),
    ("哥哥", "sibling"),
    ("弟弟", "sibling"),
    ("姐姐", "sibling"),
    ("妹妹", "sibling"),
    ("祖父母/外祖父母", "grandparent"),
    ("祖父母", "grandparent"),
    ("外祖父母", "grandparent"),
    ("祖父", "grandparent"),
    ("祖母", "grandparent"),
    ("外祖父", "grandparent"),
    ("外祖母", "grandparent"),
    ("孙子女/外孙子女", "grandchild"),
    ("孙子女", "grandchild"),
    ("外孙子女", "grandchild"),
    ("孙子", "grandchild"),
    ("孙女", "grandchild"),
    ("外孙", "grandchild"),
    ("外孙女", "grandchild"),
    ("其他", "other"),
    ("其他共同生活成员", "other"),
];

pub(super) const WORK: Words = &[
    ("就业", "employed"),
    ("在业", "employed"),
    ("有工作", "employed"),
    ("务工", "employed"),
    ("经营", "employed"),
    ("无业", "unemployed"),
    ("失业", "unemployed"),
    ("待业", "unemployed"),
    ("退休", "retired"),
    ("已退休", "retired"),
    ("离退休", "retired"),
    ("在读", "in_school"),
    ("在校", "in_school"),
    ("上学", "in_school"),
    ("学生", "in_school"),
    ("不详", "unknown"),
    ("未知", "unknown"),
];

pub(super) const SUPPORTER: Words = &[
    ("有能力", "able"),
    ("有且有能力", "able"),
    ("能履行", "able"),
    ("无能力", "unable"),
    ("有但无能力", "unable"),
    ("无履行能力", "unable"),
    ("不能履行", "unable"),
    ("无", "none"),
    ("没有", "none"),
    ("不详", "unknown"),
    ("未知", "unknown"),
];

pub(super) const DISABILITY: Words = &[
    ("视力", "visual"),
    ("视力残疾", "visual"),
    ("听力", "hearing"),
    ("听力残疾", "hearing"),
    ("言语", "speech"),
    ("言语残疾", "speech"),
    ("肢体", "physical"),
    ("肢体残疾", "physical"),
    ("智力", "intellectual"),
    ("智力残疾", "intellectual"),
    ("精神", "mental"),
    ("精神残疾", "mental"),
    ("多重", "multiple"),
    ("多重残疾", "multiple"),
];

pub(super) const GRADE: Words = &[
    ("一级", "1"),
    ("二级", "2"),
    ("三级", "3"),
    ("四级", "4"),
    ("一", "1"),
    ("二", "2"),
    ("三", "3"),
    ("四", "4"),
    ("1级", "1"),
    ("2级", "2"),
    ("3级", "3"),
    ("4级", "4"),
];

pub(super) const LEVEL: Words = &[
    ("学前", "preschool"),
    ("幼儿园", "preschool"),
    ("入托", "preschool"),
    ("学前(入托、幼儿园)", "preschool"),
    ("小学", "primary"),
    ("初中", "junior_secondary"),
    ("高中", "senior_secondary"),
    ("普通高中", "senior_secondary"),
    ("中职", "vocational"),
    ("中专", "vocational"),
    ("职高", "vocational"),
    ("技校", "vocational"),
    ("中等职业教育", "vocational"),
    ("专科", "junior_college"),
    ("大专", "junior_college"),
    ("高职", "junior_college"),
    ("专科(高职)", "junior_college"),
    ("本科", "undergraduate"),
    ("大学本科", "undergraduate"),
    ("研究生", "postgraduate"),
    ("硕士", "postgraduate"),
    ("博士", "postgraduate"),
];

pub(super) const AREA_KIND: Words = &[("城市", "urban"), ("城镇", "urban"), ("农村", "rural"), ("乡村", "rural")];

pub(super) const HUKOU: Words = &[
    ("本地", "local"),
    ("本地户籍", "local"),
    ("居住证", "residence_permit"),
    ("持居住证", "residence_permit"),
    ("外地有居住证", "residence_permit"),
    ("外地", "elsewhere"),
    ("外地户籍", "elsewhere"),
    ("外地无居住证", "elsewhere"),
];

pub(super) const PACK: Words = &[
    ("全国", "national"),
    ("山西", "shanxi"),
    ("山西省", "shanxi"),
    ("山东", "shandong"),
    ("山东省", "shandong"),
    ("广西", "guangxi"),
    ("广西壮族自治区", "guangxi"),
];

pub(super) const YES_NO: Words = &[
    ("是", "true"),
    ("有", "true"),
    ("yes", "true"),
    ("y", "true"),
    ("true", "true"),
    ("1", "true"),
    ("√", "true"),
    ("✓", "true"),
    ("否", "false"),
    ("无", "false"),
    ("没有", "false"),
    ("不是", "false"),
    ("no", "false"),
    ("n", "false"),
    ("false", "false"),
    ("0", "false"),
    ("×", "false"),
    ("✗", "false"),
];

/// A word as compared: without spaces, brackets and digits half-width, Latin in lower case.
fn normalized(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '（' => '(',
            '）' => ')',
            '／' => '/',
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
            c => c.to_ascii_lowercase(),
        })
        .collect()
}

/// The code a cell's word stands for, or a message listing the words it may hold. The tables are
/// written normalized, so a cell is normalized once and compared as it is.
fn word(words: Words, text: &str) -> Result<&'static str, String> {
    let typed = normalized(text);
    words.iter().find(|(word, code)| *word == typed || *code == typed).map(|(_, code)| *code).ok_or_else(|| {
        // The first word of each code, in order: what the writer writes.
        let mut choices: Vec<&str> = Vec::new();
        for (i, (word, code)) in words.iter().enumerate() {
            if !words.iter().take(i).any(|(_, c)| c == code) {
                choices.push(word);
            }
        }
        format!("“{}”不是可选的值；可填：{}", echoed(text, 40), choices.join("、"))
    })
}

/// A whole number as typed (`45`, `45岁`, `４５`); a negative one is passed on for the format to
/// refuse in its own words.
fn whole(text: &str) -> Result<i64, String> {
    let typed = normalized(text);
    let digits = typed.trim_end_matches(['岁', '辆', '套', '处', '个', '月', '人', '级']);
    digits.parse::<i64>().map_err(|_| format!("“{}”应是整数", echoed(text, 40)))
}

/// A count of the household's (vehicles, homes, months): a whole number from 0 to 65535.
fn count(text: &str) -> Result<Value, String> {
    match whole(text)? {
        n @ 0..=65535 => Ok(json!(n)),
        _ => Err(format!("“{}”应是0到65535之间的整数", echoed(text, 40))),
    }
}

/// A day as spreadsheets write it (`2026-11-22`, `2026/11/22`, `2026/1/5`, `2026年1月5日`), in the
/// format's `YYYY-MM-DD`; other text is passed on for the format to refuse.
fn day(text: &str) -> Value {
    let parts: Vec<&str> = text.split(['-', '/', '.', '年', '月', '日']).filter(|p| !p.is_empty()).collect();
    match parts.as_slice() {
        [y, m, d]
            if y.len() == 4
                && m.len() <= 2
                && d.len() <= 2
                && [y, m, d].iter().all(|p| p.bytes().all(|b| b.is_ascii_digit())) =>
        {
            match (y.parse::<u32>(), m.parse::<u32>(), d.parse::<u32>()) {
                (Ok(y), Ok(m), Ok(d)) => json!(format!("{y:04}-{m:02}-{d:02}")),
                _ => json!(text),
            }
        }
        _ => json!(text),
    }
}

/// An amount as typed, with the period it says (`3000/月`, `3.6万/年`, `每月3000`) or the column's.
/// The amount stays text: the format reads it as the page does.
fn amount(text: &str, per: Period) -> Value {
    const MONTH: [&str; 3] = ["/月", "／月", "每月"];
    const YEAR: [&str; 3] = ["/年", "／年", "每年"];
    let text = text.trim();
    let said =
        |words: [&str; 3]| words.iter().find_map(|w| text.strip_suffix(w)).or_else(|| text.strip_prefix(words[2]));
    let (typed, per) = match (said(MONTH), said(YEAR)) {
        (Some(typed), _) => (typed, Period::Month),
        (_, Some(typed)) => (typed, Period::Year),
        _ => (text, per),
    };
    // A currency sign, as a cell formatted as money in Excel is saved.
    let typed = typed.trim().trim_start_matches(['¥', '￥']);
    json!({ "amount": typed.trim(), "per": per })
}

/// Where each path of a converted household came from: its row, and its column when one cell.
/// Remembered only when `recording` (see the module's comment).
#[derive(Debug)]
pub(super) struct Places {
    recording: bool,
    cells: Vec<(String, usize, Option<usize>)>,
}

impl Places {
    /// Places that remember nothing, for a household read the first time.
    pub(super) fn ignored() -> Places {
        Places { recording: false, cells: Vec::new() }
    }

    /// Places that remember every path.
    pub(super) fn recorded() -> Places {
        Places { recording: true, cells: Vec::new() }
    }

    fn put(&mut self, path: impl FnOnce() -> String, row: usize, column: Option<usize>) {
        if self.recording {
            self.cells.push((path(), row, column));
        }
    }

    /// The errors of a household read from these places, each told by its row and column: a path
    /// or the nearest path above it that was written (`income[3]` for `income[3].member`), else the
    /// household's first row. Bounded as every household's problems are.
    pub(super) fn locate(&self, layout: &Layout, first_row: usize, errors: &[FieldError]) -> Problems {
        let mut located = Problems::default();
        for error in errors {
            located.push(|| {
                let mut path = error.path.as_str();
                let (row, column) = loop {
                    if let Some((_, row, column)) = self.cells.iter().find(|(p, _, _)| p == path) {
                        break (*row, column.map(|c| header(layout, c)));
                    }
                    match path.rfind(['.', '[']) {
                        Some(at) => path = path.get(..at).unwrap_or(""),
                        None => break (first_row, None),
                    }
                };
                CellError::at(row, column.as_deref(), error.path.clone(), error.message.clone())
            });
        }
        located
    }
}

/// The cell of a field in a row, if the row fills it.
fn cell<'a>(row: &'a SheetRow, layout: &Layout, field: Field) -> Option<(usize, &'a str)> {
    row.cells.iter().find_map(|(index, text)| match layout.columns.get(*index) {
        Some(Some(column)) if column.field == field => Some((*index, text.as_str())),
        _ => None,
    })
}

/// The header of a column by its index.
fn header(layout: &Layout, index: usize) -> String {
    match layout.columns.get(index) {
        Some(Some(column)) => column.header.clone(),
        _ => format!("第{}列", index + 1),
    }
}

/// The period a column's amounts mean when a cell does not say.
fn per(layout: &Layout, index: usize) -> Period {
    match layout.columns.get(index) {
        Some(Some(column)) => column.per.unwrap_or(Period::Month),
        _ => Period::Month,
    }
}

/// The format's path of a household-level field.
fn household_path(field: Field) -> &'static str {
    use Field::*;
    match field {
        AsOf => "as_of",
        Pack => "place.pack",
        Area => "place.area",
        AreaKind => "place.area_kind",
        LocalStandard => "place.local_standard",
        DisposableIncome => "place.disposable_income",
        Medical => "spending.medical",
        DisabilityCare => "spending.disability_care",
        OtherRigid => "spending.other_rigid",
        Financial => "assets.financial",
        Vehicles => "assets.vehicles",
        Homes => "assets.homes",
        OtherProperty => "assets.other_property",
        ReceivesDibao => "situation.receives_dibao",
        RecognisedMarginal => "situation.recognised_marginal",
        IncomeRoseThroughWork => "situation.income_rose_through_work",
        MonthsWithoutIncome => "situation.unemployment.months_without_income",
        UnemploymentInsurance => "situation.unemployment.unemployment_insurance",
        CausedByEmergency => "situation.unemployment.caused_by_emergency",
        SuddenHardship => "situation.sudden_hardship",
        DisasterAfterRelief => "situation.disaster_after_relief",
        StudentStuckByEmergency => "situation.student_stuck_by_emergency",
        Hukou => "situation.hukou",
        _ => "",
    }
}

/// A household-level cell's value in the format.
fn household_value(field: Field, text: &str, per: Period) -> Result<Value, String> {
    use Field::*;
    Ok(match field {
        AsOf => day(text),
        // An unknown pack is passed on: under `--policy` it is not used, else it is refused by name.
        Pack => json!(word(PACK, text).unwrap_or(text)),
        Area => json!(text),
        AreaKind => json!(word(AREA_KIND, text)?),
        LocalStandard | DisposableIncome | Medical | DisabilityCare | OtherRigid => amount(text, per),
        Financial => json!(text),
        Vehicles | Homes | MonthsWithoutIncome => count(text)?,
        Hukou => json!(word(HUKOU, text)?),
        OtherProperty
        | ReceivesDibao
        | RecognisedMarginal
        | IncomeRoseThroughWork
        | UnemploymentInsurance
        | CausedByEmergency
        | SuddenHardship
        | DisasterAfterRelief
        | StudentStuckByEmergency => json!(word(YES_NO, text)? == "true"),
        _ => Value::Null,
    })
}

/// Sets `value` at a dotted path of an object, making the objects on the way.
fn set(root: &mut Map<String, Value>, path: &str, value: Value) {
    let mut object = root;
    let mut parts = path.split('.').peekable();
    while let Some(part) = parts.next() {
        if parts.peek().is_none() {
            object.insert(part.to_string(), value);
            return;
        }
        let next = object.entry(part.to_string()).or_insert_with(|| Value::Object(Map::new()));
        let Value::Object(next) = next else { return };
        object = next;
    }
}

/// Builds the household's JSON from its rows, putting where each path came from in `places`, or
/// returns the problems found (every one counted, the first [`super::MAX_HOUSEHOLD_ERRORS`] kept).
pub(super) fn household(
    layout: &Layout,
    first_row: usize,
    rows: &[SheetRow],
    places: &mut Places,
) -> Result<Value, Problems> {
    let mut problems = Problems::default();
    let mut root = Map::new();
    places.put(|| "members".into(), first_row, None);
    places.put(|| "income".into(), first_row, None);

    // The household's own fields: the first row that fills one gives it; any other must agree.
    let mut given: Vec<(Field, Value, usize, &str)> = Vec::new();
    for row in rows {
        for (index, text) in &row.cells {
            let Some(Some(column)) = layout.columns.get(*index) else { continue };
            if !column.field.is_household_level() {
                continue;
            }
            let path = household_path(column.field);
            let value = match household_value(column.field, text, per(layout, *index)) {
                Ok(value) => value,
                Err(message) => {
                    problems.push(|| CellError::at(row.number, Some(&column.header), path.to_string(), message));
                    continue;
                }
            };
            match given.iter().find(|(field, ..)| *field == column.field) {
                Some((_, first, first_row, first_text)) if *first != value => problems.push(|| {
                    CellError::at(
                        row.number,
                        Some(&column.header),
                        path.to_string(),
                        format!(
                            "与第{first_row}行的“{}”不同；一户的户级信息只有一个，填在第一行即可，其余行可留空",
                            echoed(first_text, 40)
                        ),
                    )
                }),
                Some(_) => {}
                None => {
                    places.put(|| path.to_string(), row.number, Some(*index));
                    set(&mut root, path, value.clone());
                    given.push((column.field, value, row.number, text));
                }
            }
        }
    }
    // 失业: the months make the case; its two answers alone have nothing to belong to.
    if given.iter().all(|(field, ..)| *field != Field::MonthsWithoutIncome) {
        for (field, _, row, _) in &given {
            if matches!(field, Field::UnemploymentInsurance | Field::CausedByEmergency) {
                problems.push(|| {
                    CellError::at(
                        *row,
                        Some(&layout.header(*field)),
                        household_path(*field).to_string(),
                        format!("请同时填写“{}”", layout.header(Field::MonthsWithoutIncome)),
                    )
                });
            }
        }
    }

    let mut members = Vec::new();
    let mut income = Vec::new();
    for row in rows {
        let relation = cell(row, layout, Field::Relation);
        let whole_household =
            relation.is_some_and(|(_, text)| matches!(normalized(text).as_str(), HOUSEHOLD_ROW | "household"));
        let member = if whole_household {
            for (index, _) in &row.cells {
                let Some(Some(column)) = layout.columns.get(*index) else { continue };
                let for_member = !column.field.is_household_level()
                    && !matches!(column.field, Field::Id | Field::Relation | Field::Income(_));
                if for_member {
                    problems.push(|| {
                        CellError::at(
                            row.number,
                            Some(&column.header),
                            String::new(),
                            format!(
                                "“{HOUSEHOLD_ROW}”行不是家庭成员，只填全户共有的收入；成员的信息请填在成员自己的行"
                            ),
                        )
                    });
                }
            }
            None
        } else {
            let index = members.len();
            match member(layout, row, index, places) {
                Ok(member) => members.push(member),
                Err(found) => {
                    for problem in found {
                        problems.push(|| problem);
                    }
                    members.push(Value::Null);
                }
            }
            Some(index)
        };
        // Income in the order of the kinds, whatever the order of the columns: a sheet read twice,
        // or written and read back, gives the same lines.
        let mut cells: Vec<(usize, IncomeKind, usize, &str)> = row
            .cells
            .iter()
            .filter_map(|(index, text)| match layout.columns.get(*index) {
                Some(Some(column)) => match column.field {
                    Field::Income(kind) => IncomeKind::ALL
                        .iter()
                        .position(|k| *k == kind)
                        .map(|order| (order, kind, *index, text.as_str())),
                    _ => None,
                },
                _ => None,
            })
            .collect();
        cells.sort_by_key(|(order, ..)| *order);
        for (_, kind, index, text) in cells {
            for typed in text.split(['；', ';']).map(str::trim).filter(|t| !t.is_empty()) {
                // The format's own bound, checked before a cell of thousands of amounts is built.
                if income.len() >= MAX_INCOME_ITEMS {
                    problems.push(|| {
                        CellError::at(
                            row.number,
                            Some(&header(layout, index)),
                            "income".to_string(),
                            format!("收入条目最多{MAX_INCOME_ITEMS}条（一户所有成员合计）"),
                        )
                    });
                    return Err(problems);
                }
                let mut line = amount(typed, per(layout, index));
                if let Value::Object(line) = &mut line {
                    if let Some(member) = member {
                        line.insert("member".into(), json!(member));
                    }
                    line.insert("kind".into(), json!(kind));
                }
                let line_index = income.len();
                places.put(|| format!("income[{line_index}]"), row.number, Some(index));
                income.push(line);
            }
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    root.insert("members".into(), Value::Array(members));
    root.insert("income".into(), Value::Array(income));
    Ok(Value::Object(root))
}

/// A member's row being read: its object, and the problems found in it.
struct MemberRow<'a> {
    layout: &'a Layout,
    row: &'a SheetRow,
    /// The member's index, from 0: its paths are `members[index].…`.
    index: usize,
    object: Map<String, Value>,
    problems: Vec<CellError>,
}

impl MemberRow<'_> {
    fn text(&self, field: Field) -> Option<&str> {
        cell(self.row, self.layout, field).map(|(_, text)| text)
    }

    fn is(&self, field: Field) -> bool {
        self.text(field).is_some()
    }

    /// Reads the field's cell, if the row fills it, into `path` of the member.
    fn put(
        &mut self,
        field: Field,
        path: &str,
        read: impl FnOnce(&str, Period) -> Result<Value, String>,
        places: &mut Places,
    ) {
        let Some((column, typed)) = cell(self.row, self.layout, field) else { return };
        let index = self.index;
        match read(typed, per(self.layout, column)) {
            Ok(value) => {
                places.put(|| format!("members[{index}].{path}"), self.row.number, Some(column));
                set(&mut self.object, path, value);
            }
            Err(message) => self.problems.push(CellError::at(
                self.row.number,
                Some(&header(self.layout, column)),
                format!("members[{index}].{path}"),
                message,
            )),
        }
    }

    /// The problem of an answer given without the one it belongs to.
    fn needs(&mut self, given: Field, missing: Field, path: &str) {
        self.problems.push(CellError::at(
            self.row.number,
            Some(&self.layout.header(given)),
            format!("members[{}].{path}", self.index),
            format!("填写了这一项，请同时填写“{}”", self.layout.header(missing)),
        ));
    }
}

fn code(words: Words) -> impl Fn(&str, Period) -> Result<Value, String> {
    move |typed, _| word(words, typed).map(|code| json!(code))
}

fn yes(typed: &str, _: Period) -> Result<Value, String> {
    word(YES_NO, typed).map(|code| json!(code == "true"))
}

/// A 残疾人证 grade: 一级 … 四级 or a number, which the format bounds in its own words.
fn grade(typed: &str, _: Period) -> Result<Value, String> {
    match word(GRADE, typed) {
        Ok(code) => Ok(json!(code.parse::<i64>().unwrap_or(0))),
        Err(message) => whole(typed).map(|n| json!(n)).map_err(|_| message),
    }
}

/// One member's object from its row, remembering where each of its paths came from.
fn member(layout: &Layout, row: &SheetRow, index: usize, places: &mut Places) -> Result<Value, Vec<CellError>> {
    use Field::*;
    let mut m = MemberRow { layout, row, index, object: Map::new(), problems: Vec::new() };
    places.put(|| format!("members[{index}]"), row.number, None);
    if !m.is(Age) {
        m.problems.push(CellError::at(
            row.number,
            Some(&layout.header(Age)),
            format!("members[{index}].age"),
            format!("请填写年龄（每一行是一位家庭成员；全户共有的收入请另起一行，关系填“{HOUSEHOLD_ROW}”）"),
        ));
    }
    m.put(Relation, "relation", code(RELATION), places);
    m.put(Age, "age", |typed, _| whole(typed).map(|n| json!(n)), places);
    m.put(Work, "work", code(WORK), places);
    m.put(Supporter, "supporter", code(SUPPORTER), places);
    // A disability is a certificate's kind and grade together; the care answer belongs to one.
    if m.is(DisabilityKind) || m.is(DisabilityGrade) {
        places.put(|| format!("members[{index}].disability"), row.number, layout.find(DisabilityKind));
        m.put(DisabilityKind, "disability.kind", code(DISABILITY), places);
        m.put(DisabilityGrade, "disability.grade", grade, places);
        m.put(NeedsOngoingCare, "disability.needs_ongoing_care", yes, places);
        if !m.is(DisabilityKind) {
            m.needs(DisabilityGrade, DisabilityKind, "disability");
        }
        if !m.is(DisabilityGrade) {
            m.needs(DisabilityKind, DisabilityGrade, "disability");
        }
    } else if m.is(NeedsOngoingCare) {
        m.needs(NeedsOngoingCare, DisabilityKind, "disability");
    }
    m.put(Serious, "illness.serious", yes, places);
    m.put(InTreatment, "illness.in_treatment", yes, places);
    // Schooling is its level; the other answers describe it.
    if m.is(Level) {
        places.put(|| format!("members[{index}].student"), row.number, layout.find(Level));
        m.put(Level, "student.level", code(LEVEL), places);
        m.put(FullTime, "student.full_time", yes, places);
        m.put(HighFeeSchool, "student.high_fee_school", yes, places);
        m.put(Abroad, "student.abroad", yes, places);
        m.put(Fees, "student.fees", |typed, per| Ok(amount(typed, per)), places);
    } else {
        for field in [FullTime, HighFeeSchool, Abroad, Fees] {
            if m.is(field) {
                m.needs(field, Level, "student");
            }
        }
    }
    if m.problems.is_empty() {
        Ok(Value::Object(m.object))
    } else {
        Err(m.problems)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_word_in_the_tables_is_written_as_a_cell_is_compared() {
        for words in [RELATION, WORK, SUPPORTER, DISABILITY, GRADE, LEVEL, AREA_KIND, HUKOU, PACK, YES_NO] {
            for (word, _) in words {
                assert_eq!(normalized(word), *word);
            }
        }
    }

    #[test]
    fn an_amount_may_say_its_own_period_and_carry_a_currency_sign() {
        assert_eq!(amount("3000/年", Period::Month), json!({"amount": "3000", "per": "year"}));
        assert_eq!(amount("每月 1.2万", Period::Year), json!({"amount": "1.2万", "per": "month"}));
        assert_eq!(amount("￥3,000.00", Period::Month), json!({"amount": "3,000.00", "per": "month"}));
        assert_eq!(amount("500", Period::Year), json!({"amount": "500", "per": "year"}));
    }

    #[test]
    fn days_as_spreadsheets_write_them_are_the_format_s() {
        for typed in ["2026-01-05", "2026/1/5", "2026.01.05", "2026年1月5日"] {
            assert_eq!(day(typed), json!("2026-01-05"), "{typed}");
        }
        assert_eq!(day("5/1/2026"), json!("5/1/2026"), "passed on for the format to refuse");
    }
}

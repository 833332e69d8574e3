//! Policy packs: the numbers policy sets, as dated, cited data (after OpenFisca's parameters).
//!
//! A pack says which variant of each rule a province uses (the rule's logic and the articles it
//! cites live in the rule's module, beside the seed sentence it encodes) and gives every number that
//! rule needs — multipliers, months, ages, local 低保标准 — as a [`Param`]: a list of values, each
//! with a unit, an effective date and a source. The engine takes the value in force on the day of the
//! assessment. Formulas hold no number that policy sets.
//!
//! Built-in packs live in `www/policy/*.json`; a partner may pass its own, which goes through the
//! same [`PolicyPack::from_json`] and is refused with a message naming the field at fault.

use std::collections::BTreeSet;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::citation::Citation;
use super::date::{truncate, Day};
use super::household::{AreaKind, DisabilityKind, FieldError};
use super::money::{Amount, Money, Period};

/// The pack format this engine reads.
pub const FORMAT_VERSION: u32 = 1;
/// Packs larger than this are refused before parsing: real packs are a few kilobytes.
pub const MAX_PACK_BYTES: usize = 512 * 1024;
const MAX_TEXT_CHARS: usize = 300;
const MAX_PARAM_ENTRIES: usize = 64;
const MAX_AREAS: usize = 2_000;

/// The unit of a policy value; each parameter accepts only the units that make sense for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    YuanPerMonth,
    YuanPerYear,
    /// A multiple of the local 低保标准 (1.5 means 1.5 ×).
    TimesStandard,
    /// A number of months of the monthly 低保标准 (36 means 36 × the monthly standard).
    MonthsOfStandard,
    Months,
    Years,
    WorkingDays,
    Days,
    /// A share, 0.6 meaning 60 %.
    Ratio,
    /// 残疾人证 grades.
    Grades,
}

impl Unit {
    pub fn label(self) -> &'static str {
        match self {
            Unit::YuanPerMonth => "元/人/月",
            Unit::YuanPerYear => "元/人/年",
            Unit::TimesStandard => "倍低保标准",
            Unit::MonthsOfStandard => "个月低保标准",
            Unit::Months => "个月",
            Unit::Years => "周岁",
            Unit::WorkingDays => "个工作日",
            Unit::Days => "天",
            Unit::Ratio => "比例",
            Unit::Grades => "级",
        }
    }
}

/// One value of a parameter, in force from `effective` until the next value's date.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Dated<T> {
    pub value: T,
    pub unit: Unit,
    pub effective: Day,
    pub source: Citation,
    /// A remark shown with the value (e.g. "据转载，使用前请核实").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A parameter: its values over time.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(transparent)]
pub struct Param<T>(pub Vec<Dated<T>>);

/// As a newtype struct, which JSON writes as the bare list (the same as `transparent`), so that the
/// generated Rust form of the built-in packs can name `Param` (see `packgen`).
impl<T: Serialize> Serialize for Param<T> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_newtype_struct("Param", &self.0)
    }
}

impl<T> Param<T> {
    /// The value in force on `day`: the one with the latest effective date not after it. `None` when
    /// every value takes effect later.
    pub fn in_force(&self, day: Day) -> Option<&Dated<T>> {
        self.0.iter().filter(|d| d.effective <= day).max_by_key(|d| d.effective)
    }
}

/// Which grades of which disability kinds count as "no capacity to work" (e.g. 智力 ≤ 3 级).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GradeLimit {
    pub kind: DisabilityKind,
    /// The least severe grade that still counts: 3 means 一、二、三级.
    pub up_to_grade: u8,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PolicyPack {
    pub format: u32,
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub description: Option<String>,
    pub rules: Rules,
    #[serde(default)]
    pub areas: Vec<Area>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rules {
    pub destitute: DestituteRule,
    #[serde(default)]
    pub dibao: DibaoRule,
    #[serde(default)]
    pub solo_severely_disabled: Option<SoloDisabledRule>,
    #[serde(default)]
    pub marginal_member_solo: Option<MarginalMemberSoloRule>,
    #[serde(default)]
    pub expenditure_poverty: Option<ExpenditurePovertyRule>,
    pub marginal: MarginalRule,
    pub rigid_expenditure: RigidExpenditureRule,
    #[serde(default)]
    pub phase_out: Option<PhaseOutRule>,
    pub temporary: TemporaryRule,
    pub procedure: ProcedureRule,
    pub special_assistance: AssistanceVariant,
}

/// 特困人员 (national rule). Numbers: the ages that mean "no capacity to work" and the disability grades.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DestituteRule {
    pub elderly_age: Param<u32>,
    pub minor_age: Param<u32>,
    pub no_work_capacity_disabilities: Param<Vec<GradeLimit>>,
    /// From this age a relative owes support as an adult (民法典 第十七条: 18). Used, with the next
    /// one, to read an unanswered supporter question from the household; without both, it stays
    /// unanswered.
    #[serde(default)]
    pub supporter_adult_age: Option<Param<u32>>,
    /// A supporter with a disability up to this grade (重度: 一、二级) is not presumed able to support.
    #[serde(default)]
    pub supporter_severe_up_to_grade: Option<Param<u32>>,
}

/// 低保 (national rule). Optional property limits a partner may know; the built-in packs have none,
/// because no source gives them.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DibaoRule {
    /// Financial assets per member, in months of the monthly standard, that the household may hold.
    #[serde(default)]
    pub financial_assets_limit_months: Option<Param<Decimal>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SoloDisabledVariant {
    /// 晋民发〔2023〕31号 一(二)
    #[serde(rename = "shanxi_2023")]
    Shanxi2023,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SoloDisabledRule {
    pub variant: SoloDisabledVariant,
    pub adult_age: Param<u32>,
    /// 重度: grades up to this one (2 means 一、二级).
    pub severe_up_to_grade: Param<u32>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MarginalMemberSoloVariant {
    /// 晋民发〔2023〕31号 一(四): 重度残疾人、重病患者等
    #[serde(rename = "shanxi_2023")]
    Shanxi2023,
    /// 山东 送审稿 三.6: 重病患者, 一、二级, 三级精神、智力
    #[serde(rename = "shandong_2024")]
    Shandong2024,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MarginalMemberSoloRule {
    pub variant: MarginalMemberSoloVariant,
    pub severe_up_to_grade: Param<u32>,
    /// Grades of 精神、智力 disability that also qualify (3 in 山东); absent where the text is silent.
    #[serde(default)]
    pub mental_intellectual_up_to_grade: Option<Param<u32>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ExpenditureVariant {
    /// 晋民发〔2022〕60号
    #[serde(rename = "shanxi_2022")]
    Shanxi2022,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExpenditurePovertyRule {
    pub variant: ExpenditureVariant,
    pub asset_limit_months: Param<Decimal>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MarginalVariant {
    /// 晋民发〔2024〕6号 二(一): not 低保, below 1.5 ×.
    #[serde(rename = "shanxi_2024")]
    Shanxi2024,
    /// 桂民发〔2024〕34号 一(一): above 1 ×, below 2 ×.
    #[serde(rename = "guangxi_2024")]
    Guangxi2024,
    /// National default (1.5 ×, which a locality may raise to 2 ×); 山东's text defers to it.
    #[serde(rename = "national_2023")]
    National2023,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MarginalRule {
    pub variant: MarginalVariant,
    pub multiplier: Param<Decimal>,
    /// The national variant's upper bound a locality may adopt (2 ×): between the two, a local check.
    #[serde(default)]
    pub local_upper_multiplier: Option<Param<Decimal>>,
    /// The provincial text that defers to the national rule (山东 "按照现有规定执行").
    #[serde(default)]
    pub deferred_by: Option<Citation>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RigidVariant {
    /// 桂民发〔2024〕34号 一(一)
    #[serde(rename = "guangxi_2024")]
    Guangxi2024,
    /// National 2024 办法: spending ratio set locally.
    #[serde(rename = "national_2024")]
    National2024,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RigidExpenditureRule {
    pub variant: RigidVariant,
    /// 广西: income minus rigid spending below this multiple of the standard (2 ×).
    #[serde(default)]
    pub income_gap_multiplier: Option<Param<Decimal>>,
    /// National: rigid spending over household income above this share; set locally, so often absent.
    #[serde(default)]
    pub spending_ratio: Option<Param<Decimal>>,
    #[serde(default)]
    pub deferred_by: Option<Citation>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PhaseOutVariant {
    /// 晋民发〔2023〕31号 一(五)
    #[serde(rename = "shanxi_2023")]
    Shanxi2023,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PhaseOutRule {
    pub variant: PhaseOutVariant,
    pub months: Param<u32>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TemporaryVariant {
    #[serde(rename = "shanxi_2023")]
    Shanxi2023,
    #[serde(rename = "shandong_2024")]
    Shandong2024,
    #[serde(rename = "guangxi_2024")]
    Guangxi2024,
    #[serde(rename = "national_2014")]
    National2014,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TemporaryRule {
    pub variant: TemporaryVariant,
    /// 山西: consecutive months without income (3).
    #[serde(default)]
    pub months_without_income: Option<Param<u32>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ProcedureVariant {
    #[serde(rename = "shanxi_2023")]
    Shanxi2023,
    #[serde(rename = "shandong_2024")]
    Shandong2024,
    #[serde(rename = "guangxi_2024")]
    Guangxi2024,
    #[serde(rename = "national_2021")]
    National2021,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProcedureRule {
    pub variant: ProcedureVariant,
    #[serde(default)]
    pub decision_working_days: Option<Param<u32>>,
    #[serde(default)]
    pub delegated_decision_working_days: Option<Param<u32>>,
    #[serde(default)]
    pub extended_working_days: Option<Param<u32>>,
    #[serde(default)]
    pub publicity_days: Option<Param<u32>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AssistanceVariant {
    #[serde(rename = "shanxi_2024")]
    Shanxi2024,
    #[serde(rename = "shandong_2024")]
    Shandong2024,
    #[serde(rename = "guangxi_2024")]
    Guangxi2024,
    #[serde(rename = "national_2023")]
    National2023,
}

/// A city or county with published figures.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Area {
    pub id: String,
    pub city: String,
    #[serde(default)]
    pub district: Option<String>,
    #[serde(default)]
    pub dibao_standard: ByAreaKind,
    /// Last year's 居民人均可支配收入 (per person).
    #[serde(default)]
    pub disposable_income: ByAreaKind,
    #[serde(default)]
    pub note: Option<String>,
}

impl Area {
    pub fn display_name(&self) -> String {
        match &self.district {
            Some(district) => format!("{}{}", self.city, district),
            None => self.city.clone(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ByAreaKind {
    #[serde(default)]
    pub urban: Option<Param<Money>>,
    #[serde(default)]
    pub rural: Option<Param<Money>>,
}

impl ByAreaKind {
    pub fn get(&self, kind: AreaKind) -> Option<&Param<Money>> {
        match kind {
            AreaKind::Urban => self.urban.as_ref(),
            AreaKind::Rural => self.rural.as_ref(),
        }
    }
}

/// A money value from a pack, as an [`Amount`]: its unit says whether it is per month or per year.
pub fn dated_amount(dated: &Dated<Money>) -> Amount {
    let per = if dated.unit == Unit::YuanPerYear { Period::Year } else { Period::Month };
    Amount { amount: dated.value, per }
}

impl PolicyPack {
    /// Parses and validates a pack. Every error names the field at fault (`rules.marginal.multiplier[0].unit`).
    pub fn from_json(text: &str) -> Result<PolicyPack, Vec<FieldError>> {
        if text.len() > MAX_PACK_BYTES {
            return Err(vec![FieldError {
                path: String::new(),
                message: format!("政策包过大（{} 字节，上限 {} 字节）", text.len(), MAX_PACK_BYTES),
            }]);
        }
        let mut deserializer = serde_json::Deserializer::from_str(text);
        let pack: PolicyPack = serde_path_to_error::deserialize(&mut deserializer).map_err(|error| {
            vec![FieldError { path: error.path().to_string(), message: json_message(error.inner()) }]
        })?;
        let errors = pack.validate();
        if errors.is_empty() {
            Ok(pack)
        } else {
            Err(errors)
        }
    }

    pub fn area(&self, id: &str) -> Option<&Area> {
        self.areas.iter().find(|a| a.id == id)
    }

    /// Everything serde cannot check: units, ranges, duplicate dates, ids, text.
    pub fn validate(&self) -> Vec<FieldError> {
        let mut v = Validator::default();
        if self.format != FORMAT_VERSION {
            v.error("format", format!("不支持的政策包格式版本 {}（应为 {}）", self.format, FORMAT_VERSION));
        }
        v.id("id", &self.id);
        v.text("name", &self.name, false);
        if let Some(d) = &self.description {
            v.text("description", d, true);
        }
        let r = &self.rules;
        v.whole("rules.destitute.elderly_age", &r.destitute.elderly_age, Unit::Years, 1, 130);
        v.whole("rules.destitute.minor_age", &r.destitute.minor_age, Unit::Years, 1, 130);
        v.param(
            "rules.destitute.no_work_capacity_disabilities",
            &r.destitute.no_work_capacity_disabilities,
            &[Unit::Grades],
            |limits| {
                if limits.iter().all(|l| (1..=4).contains(&l.up_to_grade)) {
                    None
                } else {
                    Some("残疾等级应为1到4级".to_string())
                }
            },
        );
        if let Some(p) = &r.destitute.supporter_adult_age {
            v.whole("rules.destitute.supporter_adult_age", p, Unit::Years, 1, 130);
        }
        if let Some(p) = &r.destitute.supporter_severe_up_to_grade {
            v.whole("rules.destitute.supporter_severe_up_to_grade", p, Unit::Grades, 1, 4);
        }
        if let Some(p) = &r.dibao.financial_assets_limit_months {
            v.decimal(
                "rules.dibao.financial_assets_limit_months",
                p,
                Unit::MonthsOfStandard,
                Decimal::ZERO,
                Decimal::from(1200),
            );
        }
        if let Some(s) = &r.solo_severely_disabled {
            v.whole("rules.solo_severely_disabled.adult_age", &s.adult_age, Unit::Years, 1, 130);
            v.whole("rules.solo_severely_disabled.severe_up_to_grade", &s.severe_up_to_grade, Unit::Grades, 1, 4);
        }
        if let Some(s) = &r.marginal_member_solo {
            v.whole("rules.marginal_member_solo.severe_up_to_grade", &s.severe_up_to_grade, Unit::Grades, 1, 4);
            if let Some(p) = &s.mental_intellectual_up_to_grade {
                v.whole("rules.marginal_member_solo.mental_intellectual_up_to_grade", p, Unit::Grades, 1, 4);
            }
        }
        if let Some(e) = &r.expenditure_poverty {
            v.decimal(
                "rules.expenditure_poverty.asset_limit_months",
                &e.asset_limit_months,
                Unit::MonthsOfStandard,
                Decimal::ONE,
                Decimal::from(1200),
            );
        }
        let ten = Decimal::from(10);
        v.decimal("rules.marginal.multiplier", &r.marginal.multiplier, Unit::TimesStandard, Decimal::ONE, ten);
        if let Some(p) = &r.marginal.local_upper_multiplier {
            v.decimal("rules.marginal.local_upper_multiplier", p, Unit::TimesStandard, Decimal::ONE, ten);
        }
        let fixed_upper = matches!(r.marginal.variant, MarginalVariant::Guangxi2024 | MarginalVariant::Shanxi2024);
        if fixed_upper && r.marginal.local_upper_multiplier.is_some() {
            v.error("rules.marginal.local_upper_multiplier", "只有 national_2023 规则使用可上浮的上限".to_string());
        }
        if let Some(c) = &r.marginal.deferred_by {
            v.citation("rules.marginal.deferred_by", c);
        }
        match r.rigid_expenditure.variant {
            RigidVariant::Guangxi2024 => match &r.rigid_expenditure.income_gap_multiplier {
                Some(p) => v.decimal(
                    "rules.rigid_expenditure.income_gap_multiplier",
                    p,
                    Unit::TimesStandard,
                    Decimal::ONE,
                    ten,
                ),
                None => {
                    v.error("rules.rigid_expenditure.income_gap_multiplier", "guangxi_2024 规则需要此倍数".to_string())
                }
            },
            RigidVariant::National2024 => {
                if r.rigid_expenditure.income_gap_multiplier.is_some() {
                    v.error(
                        "rules.rigid_expenditure.income_gap_multiplier",
                        "national_2024 规则不使用此倍数".to_string(),
                    );
                }
            }
        }
        if let Some(p) = &r.rigid_expenditure.spending_ratio {
            v.decimal("rules.rigid_expenditure.spending_ratio", p, Unit::Ratio, Decimal::ZERO, Decimal::ONE);
        }
        if let Some(c) = &r.rigid_expenditure.deferred_by {
            v.citation("rules.rigid_expenditure.deferred_by", c);
        }
        if let Some(p) = &r.phase_out {
            v.whole("rules.phase_out.months", &p.months, Unit::Months, 1, 60);
        }
        if let Some(p) = &r.temporary.months_without_income {
            v.whole("rules.temporary.months_without_income", p, Unit::Months, 1, 60);
        }
        let proc = &r.procedure;
        for (name, p, unit) in [
            ("decision_working_days", &proc.decision_working_days, Unit::WorkingDays),
            ("delegated_decision_working_days", &proc.delegated_decision_working_days, Unit::WorkingDays),
            ("extended_working_days", &proc.extended_working_days, Unit::WorkingDays),
            ("publicity_days", &proc.publicity_days, Unit::Days),
        ] {
            if let Some(p) = p {
                v.whole(&format!("rules.procedure.{name}"), p, unit, 1, 365);
            }
        }
        if self.areas.len() > MAX_AREAS {
            v.error("areas", format!("地区条目最多 {} 个", MAX_AREAS));
        }
        let mut ids = BTreeSet::new();
        for (i, area) in self.areas.iter().enumerate().take(MAX_AREAS) {
            let base = format!("areas[{i}]");
            v.id(&format!("{base}.id"), &area.id);
            if !ids.insert(area.id.as_str()) {
                v.error(&format!("{base}.id"), format!("地区编号 \"{}\" 重复", truncate(&area.id, 40)));
            }
            v.text(&format!("{base}.city"), &area.city, false);
            if let Some(d) = &area.district {
                v.text(&format!("{base}.district"), d, false);
            }
            if let Some(n) = &area.note {
                v.text(&format!("{base}.note"), n, true);
            }
            for (field, by_kind) in
                [("dibao_standard", &area.dibao_standard), ("disposable_income", &area.disposable_income)]
            {
                for (kind, param) in [("urban", &by_kind.urban), ("rural", &by_kind.rural)] {
                    if let Some(p) = param {
                        v.money(&format!("{base}.{field}.{kind}"), p);
                    }
                }
            }
            // A city is listed without a figure only on purpose: the note says why (none found, or
            // the one found was left out) and the reader is led to type the standard.
            let no_figure = area.dibao_standard.urban.is_none() && area.dibao_standard.rural.is_none();
            if no_figure && area.note.as_deref().is_none_or(|n| n.trim().is_empty()) {
                v.error(
                    &format!("{base}.note"),
                    "没有低保标准的地区要在 note 中说明原因（例如“未找到公开的低保标准”）".to_string(),
                );
            }
        }
        v.errors
    }
}

/// Turns a serde_json error into a Chinese message; the original detail follows for developers.
pub fn json_message(error: &serde_json::Error) -> String {
    use serde_json::error::Category;
    // serde_json ends its messages with " at line L column C"; that part is said in Chinese instead.
    let full = error.to_string();
    let message = match full.rfind(" at line ") {
        Some(at) => &full[..at],
        None => full.as_str(),
    };
    let detail = if error.line() > 0 {
        format!("{}（第{}行第{}列）", truncate(message, 200), error.line(), error.column())
    } else {
        truncate(message, 200)
    };
    match error.classify() {
        Category::Syntax | Category::Eof => format!("JSON 格式错误：{detail}"),
        Category::Io => format!("读取失败：{detail}"),
        Category::Data => {
            // Messages from our own types are already Chinese; serde's own ones get a prefix.
            if detail.chars().next().is_some_and(|c| !c.is_ascii()) {
                detail
            } else {
                format!("取值无效：{detail}")
            }
        }
    }
}

#[derive(Default)]
struct Validator {
    errors: Vec<FieldError>,
}

impl Validator {
    fn error(&mut self, path: &str, message: String) {
        self.errors.push(FieldError { path: path.to_string(), message });
    }

    fn id(&mut self, path: &str, id: &str) {
        let ok = !id.is_empty()
            && id.len() <= 64
            && id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '-' | '_' | '/'));
        if !ok {
            self.error(path, "编号只能用小写字母、数字和 - _ /，长度1到64".to_string());
        }
    }

    /// Text from a pack is shown as text, never as HTML; markup in it is a sign of a hostile or broken
    /// pack, so it is refused rather than silently escaped.
    fn text(&mut self, path: &str, text: &str, may_be_empty: bool) {
        if text.trim().is_empty() && !may_be_empty {
            self.error(path, "不能为空".to_string());
        } else if text.chars().count() > MAX_TEXT_CHARS {
            self.error(path, format!("文字过长（上限 {} 字）", MAX_TEXT_CHARS));
        } else if text.chars().any(|c| c == '<' || c == '>' || (c.is_control() && c != '\n')) {
            self.error(path, "不能包含尖括号或控制字符".to_string());
        }
    }

    fn citation(&mut self, path: &str, citation: &Citation) {
        self.text(&format!("{path}.document"), &citation.document, false);
        self.text(&format!("{path}.article"), &citation.article, true);
    }

    fn param<T>(&mut self, path: &str, param: &Param<T>, units: &[Unit], check: impl Fn(&T) -> Option<String>) {
        if param.0.is_empty() {
            self.error(path, "至少需要一个取值".to_string());
        }
        if param.0.len() > MAX_PARAM_ENTRIES {
            self.error(path, format!("取值最多 {} 个", MAX_PARAM_ENTRIES));
            return;
        }
        let mut dates = BTreeSet::new();
        for (i, dated) in param.0.iter().enumerate() {
            let at = format!("{path}[{i}]");
            if !units.contains(&dated.unit) {
                // The unit's JSON name, so the message shows what to write.
                let expected: Vec<String> = units
                    .iter()
                    .map(|u| serde_json::to_string(u).unwrap_or_default().trim_matches('"').to_string())
                    .collect();
                self.error(&format!("{at}.unit"), format!("单位不符，应为 {}", expected.join(" 或 ")));
            }
            if !dates.insert(dated.effective) {
                self.error(
                    &format!("{at}.effective"),
                    format!("生效日期 {} 重复：同一天不能有两个取值", dated.effective),
                );
            }
            if let Some(message) = check(&dated.value) {
                self.error(&format!("{at}.value"), message);
            }
            self.citation(&format!("{at}.source"), &dated.source);
            if let Some(note) = &dated.note {
                self.text(&format!("{at}.note"), note, true);
            }
        }
    }

    fn whole(&mut self, path: &str, param: &Param<u32>, unit: Unit, min: u32, max: u32) {
        self.param(path, param, &[unit], |v| {
            (!(min..=max).contains(v)).then(|| format!("取值应在 {min} 到 {max} 之间"))
        });
    }

    fn decimal(&mut self, path: &str, param: &Param<Decimal>, unit: Unit, min: Decimal, max: Decimal) {
        self.param(path, param, &[unit], |v| (*v < min || *v > max).then(|| format!("取值应在 {min} 到 {max} 之间")));
    }

    fn money(&mut self, path: &str, param: &Param<Money>) {
        self.param(path, param, &[Unit::YuanPerMonth, Unit::YuanPerYear], |v| {
            v.is_zero().then(|| "金额应大于0".to_string())
        });
    }
}

/// The built-in packs, compiled into the binary so that the page makes no request for them.
///
/// `www/policy/*.json` is the source; `super::builtin_packs` is the same data written as Rust by
/// `cargo xtask packs`, so that loading a built-in pack parses no JSON (the page carries no JSON
/// parser). A test checks that the two agree.
pub mod builtin {
    use rust_decimal::Decimal;

    use crate::engine::citation::SharedText;
    use crate::engine::date::Day;
    use crate::engine::money::Money;

    pub const IDS: [&str; 4] = ["national", "shanxi", "shandong", "guangxi"];

    /// The JSON text of a built-in pack.
    pub fn source(id: &str) -> Option<&'static str> {
        match id {
            "national" => Some(include_str!("../../www/policy/national.json")),
            "shanxi" => Some(include_str!("../../www/policy/shanxi.json")),
            "shandong" => Some(include_str!("../../www/policy/shandong.json")),
            "guangxi" => Some(include_str!("../../www/policy/guangxi.json")),
            _ => None,
        }
    }

    /// A built-in pack; `None` for an unknown id. The generated packs are tested to equal their
    /// validated JSON, so the error arm is reached only if that test failed.
    pub fn load(id: &str) -> Option<Result<super::PolicyPack, Vec<super::FieldError>>> {
        crate::engine::builtin_packs::pack(id).map(|pack| {
            pack.ok_or_else(|| {
                vec![super::FieldError { path: String::new(), message: format!("内置政策包“{id}”已损坏") }]
            })
        })
    }

    /// Parses a built-in pack from its JSON, as a partner's pack would be.
    pub fn load_json(id: &str) -> Option<Result<super::PolicyPack, Vec<super::FieldError>>> {
        source(id).map(super::PolicyPack::from_json)
    }

    /// A value the generated packs write as text: the field's type picks the conversion, and a
    /// stand-in when the text does not convert (which `Literals` then reports).
    pub trait Literal: Sized {
        fn literal(text: &'static str) -> Option<Self>;
        fn stand_in() -> Self;
    }

    impl Literal for String {
        fn literal(text: &'static str) -> Option<String> {
            Some(text.to_string())
        }
        fn stand_in() -> String {
            String::new()
        }
    }

    impl Literal for SharedText {
        fn literal(text: &'static str) -> Option<SharedText> {
            Some(SharedText::Static(text))
        }
        fn stand_in() -> SharedText {
            SharedText::Static("")
        }
    }

    impl Literal for Money {
        fn literal(text: &'static str) -> Option<Money> {
            Money::parse(text).ok()
        }
        fn stand_in() -> Money {
            Money::ZERO
        }
    }

    impl Literal for Decimal {
        fn literal(text: &'static str) -> Option<Decimal> {
            Decimal::from_str_exact(text).ok()
        }
        fn stand_in() -> Decimal {
            Decimal::ZERO
        }
    }

    impl Literal for Day {
        fn literal(text: &'static str) -> Option<Day> {
            Day::parse(text).ok()
        }
        fn stand_in() -> Day {
            Day::MIN
        }
    }

    /// Converts the generated packs' text values, remembering whether any failed. The generated code
    /// builds a whole pack and asks at the end, rather than returning early at each value: early
    /// returns made the compiled packs five times larger (a drop path per value).
    #[derive(Default)]
    pub struct Literals {
        failed: bool,
    }

    impl Literals {
        pub fn lit<T: Literal>(&mut self, text: &'static str) -> T {
            T::literal(text).unwrap_or_else(|| {
                self.failed = true;
                T::stand_in()
            })
        }

        pub fn finish<T>(self, value: T) -> Option<T> {
            (!self.failed).then_some(value)
        }

        /// A pack's areas from their generated table. The areas are most of a pack and alike, so
        /// they are data walked by one loop: as struct literals each cost the page its own code.
        pub fn areas(&mut self, rows: &'static [AreaRow]) -> Vec<super::Area> {
            rows.iter()
                .map(|row| {
                    let mut area = super::Area {
                        id: self.lit(row.id),
                        city: self.lit(row.city),
                        district: row.district.map(|d| self.lit(d)),
                        dibao_standard: super::ByAreaKind::default(),
                        disposable_income: super::ByAreaKind::default(),
                        note: row.note.map(|n| self.lit(n)),
                    };
                    for figure in row.figures {
                        let dated = super::Dated {
                            value: self.lit(figure.value),
                            unit: figure.unit,
                            effective: self.lit(figure.effective),
                            source: crate::engine::citation::Citation {
                                document: self.lit(figure.document),
                                article: self.lit(figure.article),
                                reliability: figure.reliability,
                            },
                            note: figure.note.map(|n| self.lit(n)),
                        };
                        let slot = match figure.of {
                            FigureOf::DibaoUrban => &mut area.dibao_standard.urban,
                            FigureOf::DibaoRural => &mut area.dibao_standard.rural,
                            FigureOf::IncomeUrban => &mut area.disposable_income.urban,
                            FigureOf::IncomeRural => &mut area.disposable_income.rural,
                        };
                        slot.get_or_insert_with(|| super::Param(Vec::new())).0.push(dated);
                    }
                    area
                })
                .collect()
        }
    }

    /// Which of an area's figures a generated row holds.
    #[derive(Debug, Clone, Copy)]
    pub enum FigureOf {
        DibaoUrban,
        DibaoRural,
        IncomeUrban,
        IncomeRural,
    }

    /// One dated figure of a built-in area, as the generated table holds it (text converted by
    /// [`Literals`], like the rest of the generated packs).
    pub struct FigureRow {
        pub of: FigureOf,
        pub value: &'static str,
        pub unit: super::Unit,
        pub effective: &'static str,
        pub document: &'static str,
        pub article: &'static str,
        pub reliability: crate::engine::citation::Reliability,
        pub note: Option<&'static str>,
    }

    /// One built-in area, as the generated table holds it.
    pub struct AreaRow {
        pub id: &'static str,
        pub city: &'static str,
        pub district: Option<&'static str>,
        pub note: Option<&'static str>,
        pub figures: &'static [FigureRow],
    }
}

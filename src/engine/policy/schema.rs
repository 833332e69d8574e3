//! The pack's types: what a policy pack holds, as the rule modules read it.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::engine::citation::Citation;
use crate::engine::date::Day;
use crate::engine::household::{AreaKind, DisabilityKind};
use crate::engine::money::{Amount, Money, Period};

/// The pack format this engine reads.
pub const FORMAT_VERSION: u32 = 1;

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

/// Which text defines 低保边缘家庭, with the numbers only that text uses.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub enum MarginalVariant {
    /// 晋民发〔2024〕6号 二(一): not 低保, below 1.5 ×.
    #[serde(rename = "shanxi_2024")]
    Shanxi2024,
    /// 桂民发〔2024〕34号 一(一): above 1 ×, below 2 ×.
    #[serde(rename = "guangxi_2024")]
    Guangxi2024,
    /// National default (1.5 ×, which a locality may raise to 2 ×); 山东's text defers to it.
    #[serde(rename = "national_2023")]
    National2023 {
        /// The upper bound a locality may adopt (2 ×): between the two multiples, a local check.
        local_upper_multiplier: Option<Param<Decimal>>,
    },
}

impl MarginalVariant {
    /// The national variant's upper bound a locality may adopt; `None` for a province's own text,
    /// whose bound is fixed.
    pub fn local_upper_multiplier(&self) -> Option<&Param<Decimal>> {
        match self {
            MarginalVariant::National2023 { local_upper_multiplier } => local_upper_multiplier.as_ref(),
            MarginalVariant::Shanxi2024 | MarginalVariant::Guangxi2024 => None,
        }
    }
}

/// 低保边缘家庭. A pack writes it flat ([`MarginalJson`]): the variant's own number beside `variant`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "MarginalJson")]
pub struct MarginalRule {
    pub variant: MarginalVariant,
    pub multiplier: Param<Decimal>,
    /// The provincial text that defers to the national rule (山东 "按照现有规定执行").
    pub deferred_by: Option<Citation>,
}

/// A [`MarginalRule`] as a pack writes it.
#[derive(Deserialize)]
#[serde(deny_unknown_fields, expecting = "struct MarginalRule")]
struct MarginalJson {
    variant: MarginalName,
    multiplier: Param<Decimal>,
    #[serde(default)]
    local_upper_multiplier: Option<Param<Decimal>>,
    #[serde(default)]
    deferred_by: Option<Citation>,
}

/// A [`MarginalVariant`] as `variant` names it.
#[derive(Deserialize)]
#[serde(expecting = "enum MarginalVariant")]
enum MarginalName {
    #[serde(rename = "shanxi_2024")]
    Shanxi2024,
    #[serde(rename = "guangxi_2024")]
    Guangxi2024,
    #[serde(rename = "national_2023")]
    National2023,
}

impl TryFrom<MarginalJson> for MarginalRule {
    type Error = VariantField;

    fn try_from(json: MarginalJson) -> Result<MarginalRule, VariantField> {
        let variant = match (json.variant, json.local_upper_multiplier) {
            (MarginalName::National2023, local_upper_multiplier) => {
                MarginalVariant::National2023 { local_upper_multiplier }
            }
            (_, Some(_)) => return Err(VariantField::MARGINAL_LOCAL_UPPER),
            (MarginalName::Shanxi2024, None) => MarginalVariant::Shanxi2024,
            (MarginalName::Guangxi2024, None) => MarginalVariant::Guangxi2024,
        };
        Ok(MarginalRule { variant, multiplier: json.multiplier, deferred_by: json.deferred_by })
    }
}

/// Which text defines 刚性支出困难家庭, with the numbers only that text uses.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub enum RigidVariant {
    /// 桂民发〔2024〕34号 一(一)
    #[serde(rename = "guangxi_2024")]
    Guangxi2024 {
        /// Income minus rigid spending below this multiple of the standard (2 ×).
        income_gap_multiplier: Param<Decimal>,
    },
    /// National 2024 办法: spending ratio set locally.
    #[serde(rename = "national_2024")]
    National2024,
}

/// 刚性支出困难家庭. A pack writes it flat ([`RigidJson`]): the variant's own number beside `variant`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "RigidJson")]
pub struct RigidExpenditureRule {
    pub variant: RigidVariant,
    /// National: rigid spending over household income above this share; set locally, so often absent.
    pub spending_ratio: Option<Param<Decimal>>,
    /// The provincial text that defers to the national rule (山东 "另行制定").
    pub deferred_by: Option<Citation>,
}

/// A [`RigidExpenditureRule`] as a pack writes it.
#[derive(Deserialize)]
#[serde(deny_unknown_fields, expecting = "struct RigidExpenditureRule")]
struct RigidJson {
    variant: RigidName,
    #[serde(default)]
    income_gap_multiplier: Option<Param<Decimal>>,
    #[serde(default)]
    spending_ratio: Option<Param<Decimal>>,
    #[serde(default)]
    deferred_by: Option<Citation>,
}

/// A [`RigidVariant`] as `variant` names it.
#[derive(Deserialize)]
#[serde(expecting = "enum RigidVariant")]
enum RigidName {
    #[serde(rename = "guangxi_2024")]
    Guangxi2024,
    #[serde(rename = "national_2024")]
    National2024,
}

impl TryFrom<RigidJson> for RigidExpenditureRule {
    type Error = VariantField;

    fn try_from(json: RigidJson) -> Result<RigidExpenditureRule, VariantField> {
        let variant = match (json.variant, json.income_gap_multiplier) {
            (RigidName::Guangxi2024, Some(income_gap_multiplier)) => {
                RigidVariant::Guangxi2024 { income_gap_multiplier }
            }
            (RigidName::Guangxi2024, None) => return Err(VariantField::RIGID_GAP_NEEDED),
            (RigidName::National2024, Some(_)) => return Err(VariantField::RIGID_GAP_UNUSED),
            (RigidName::National2024, None) => RigidVariant::National2024,
        };
        Ok(RigidExpenditureRule { variant, spending_ratio: json.spending_ratio, deferred_by: json.deferred_by })
    }
}

/// A number that a rule's variant needs, or one that it does not use. serde meets it at the rule,
/// once the rule's fields are read; [`PolicyPack::from_json`] reports it at the field, like any
/// other fault of that field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct VariantField {
    /// The field, beside `variant` in the rule.
    pub(super) field: &'static str,
    pub(super) message: &'static str,
}

impl VariantField {
    const MARGINAL_LOCAL_UPPER: VariantField = VariantField {
        field: "local_upper_multiplier",
        message: "只有 national_2023 规则使用可上浮的上限",
    };
    const RIGID_GAP_NEEDED: VariantField =
        VariantField { field: "income_gap_multiplier", message: "guangxi_2024 规则需要此倍数" };
    const RIGID_GAP_UNUSED: VariantField =
        VariantField { field: "income_gap_multiplier", message: "national_2024 规则不使用此倍数" };
    /// Every one, so that a message serde passes on as text can be known again.
    pub(super) const ALL: [VariantField; 3] =
        [VariantField::MARGINAL_LOCAL_UPPER, VariantField::RIGID_GAP_NEEDED, VariantField::RIGID_GAP_UNUSED];
}

impl std::fmt::Display for VariantField {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.message)
    }
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
    pub fn area(&self, id: &str) -> Option<&Area> {
        self.areas.iter().find(|a| a.id == id)
    }
}

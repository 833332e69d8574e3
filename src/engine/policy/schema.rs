//! The pack's types: what a policy pack holds, as the rule modules read it.
//!
//! `Deserialize` reads the pack format of `docs/FORMATS.md`; where a variant carries its own numbers
//! ([`MarginalVariant`], [`RigidVariant`], [`TemporaryVariant`]) the JSON stays flat, read through a private shape that
//! refuses a number the variant needs and lacks, or has and does not use. `Serialize` writes the
//! types' Rust shape, which `crate::packgen` prints as the built-in packs' source; packs are never
//! written back as JSON.

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
    /// Yuan per person per month.
    YuanPerMonth,
    /// Yuan per person per year.
    YuanPerYear,
    /// A multiple of the local 低保标准 (1.5 means 1.5 ×).
    TimesStandard,
    /// A number of months of the monthly 低保标准 (36 means 36 × the monthly standard).
    MonthsOfStandard,
    /// A number of months.
    Months,
    /// An age in whole years (周岁).
    Years,
    /// A number of working days.
    WorkingDays,
    /// A number of calendar days.
    Days,
    /// A share, 0.6 meaning 60 %.
    Ratio,
    /// 残疾人证 grades.
    Grades,
}

impl Unit {
    /// How the unit is written after a number on the page (`元/人/月`, `倍低保标准`).
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
#[serde(deny_unknown_fields, bound(deserialize = "T: PackValue"))]
pub struct Dated<T> {
    /// The value itself, in `unit`.
    #[serde(deserialize_with = "PackValue::read")]
    pub value: T,
    /// What the value counts; each parameter accepts only its own units.
    pub unit: Unit,
    /// The day the value takes effect.
    pub effective: Day,
    /// The document and article that set the value.
    pub source: Citation,
    /// A remark shown with the value (e.g. "据转载，使用前请核实").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// What a pack's value can be, read strictly: a number is written one way only (docs/FORMATS.md),
/// so `" 760"`, `"+760"` and `"1.5e0"` are refused rather than read as 760 or 1.5.
pub trait PackValue: Sized {
    /// Reads the value from the pack.
    fn read<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error>;
}

impl PackValue for u32 {
    fn read<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        u32::deserialize(deserializer)
    }
}

impl PackValue for Vec<GradeLimit> {
    fn read<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Vec::deserialize(deserializer)
    }
}

impl PackValue for Decimal {
    fn read<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Plain;
        impl serde::de::Visitor<'_> for Plain {
            type Value = Decimal;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(NOT_PLAIN)
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Decimal, E> {
                crate::engine::money::plain_decimal(v).ok_or_else(|| E::custom(NOT_PLAIN))
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Decimal, E> {
                Ok(Decimal::from(v))
            }
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Decimal, E> {
                Ok(Decimal::from(v))
            }
            fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<Decimal, E> {
                // Rust writes a finite f64 without an exponent, as the shortest text that round-trips.
                let text = if v.is_finite() { v.to_string() } else { String::new() };
                self.visit_str(&text)
            }
        }
        deserializer.deserialize_any(Plain)
    }
}

impl PackValue for Money {
    fn read<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Money::new(Decimal::read(deserializer)?).map_err(serde::de::Error::custom)
    }
}

/// Why a pack's number is refused when it is not written the plain way.
const NOT_PLAIN: &str = "数值应写成普通的十进制数，如 \"760\" 或 \"1.5\"（不带空格、加号、指数或千位分隔符）";

/// A parameter: its values over time, at most one per effective date (see [`Param::in_force`]).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(transparent, bound(deserialize = "T: PackValue"))]
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
    /// The kind of disability the limit is for.
    pub kind: DisabilityKind,
    /// The least severe grade that still counts: 3 means 一、二、三级.
    pub up_to_grade: u8,
}

/// A policy pack: which variant of each rule a province uses, the numbers those rules need, and
/// the local figures of its cities and counties.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PolicyPack {
    /// The pack format's version; this engine reads [`FORMAT_VERSION`].
    pub format: u32,
    /// The pack's id (`shanxi`, `partner/taiyuan-xiaodian`): lower-case letters, digits, `-_/`.
    pub id: String,
    /// The name shown to the user (`山西省`).
    pub name: String,
    /// What the pack covers and what to watch for, shown with its name.
    #[serde(default)]
    pub description: Option<String>,
    /// The rules, one per category, each with its variant and numbers.
    pub rules: Rules,
    /// The cities and counties with published figures; empty for a pack without local figures.
    #[serde(default)]
    pub areas: Vec<Area>,
}

/// One rule per category. A rule a province's texts do not have is absent (`None`); the required
/// ones fall back to a national variant where a province is silent.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rules {
    /// 特困人员.
    pub destitute: DestituteRule,
    /// 低保.
    #[serde(default)]
    pub dibao: DibaoRule,
    /// 单人户: a severely disabled adult's 低保 alone.
    #[serde(default)]
    pub solo_severely_disabled: Option<SoloDisabledRule>,
    /// A 边缘 family's member with special hardship, 低保 alone.
    #[serde(default)]
    pub marginal_member_solo: Option<MarginalMemberSoloRule>,
    /// 支出型贫困, a route into 低保.
    #[serde(default)]
    pub expenditure_poverty: Option<ExpenditurePovertyRule>,
    /// 低保边缘家庭.
    pub marginal: MarginalRule,
    /// 刚性支出困难家庭.
    pub rigid_expenditure: RigidExpenditureRule,
    /// 低保渐退.
    #[serde(default)]
    pub phase_out: Option<PhaseOutRule>,
    /// 临时救助.
    pub temporary: TemporaryRule,
    /// How to apply.
    pub procedure: ProcedureRule,
    /// Whose list of special assistance (医疗、教育、住房 …) each category opens.
    pub special_assistance: AssistanceVariant,
}

/// 特困人员 (national rule). Numbers: the ages that mean "no capacity to work" and the disability grades.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DestituteRule {
    /// From this age a person counts as elderly, so without capacity to work (60).
    pub elderly_age: Param<u32>,
    /// Below this age a person counts as a minor (16).
    pub minor_age: Param<u32>,
    /// The disabilities that mean no capacity to work, by kind and grade.
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

/// Which text lets a severely disabled adult apply for 低保 alone (单人户).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SoloDisabledVariant {
    /// 晋民发〔2023〕31号 一(二)
    #[serde(rename = "shanxi_2023")]
    Shanxi2023,
}

/// 单人户: a severely disabled adult in a household above the line may apply for 低保 alone.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SoloDisabledRule {
    /// Which text the rule follows.
    pub variant: SoloDisabledVariant,
    /// From this age the member counts as an adult.
    pub adult_age: Param<u32>,
    /// 重度: grades up to this one (2 means 一、二级).
    pub severe_up_to_grade: Param<u32>,
}

/// Which text lets a member of a 边缘 family with special hardship get 低保 alone.
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

/// A 边缘 family's member who is seriously ill or severely disabled may get 低保 alone.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MarginalMemberSoloRule {
    /// Which text the rule follows.
    pub variant: MarginalMemberSoloVariant,
    /// 重度: grades up to this one (2 means 一、二级).
    pub severe_up_to_grade: Param<u32>,
    /// Grades of 精神、智力 disability that also qualify (3 in 山东); absent where the text is silent.
    #[serde(default)]
    pub mental_intellectual_up_to_grade: Option<Param<u32>>,
}

/// Which text defines 支出型贫困 (a route into 低保 for large necessary spending).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ExpenditureVariant {
    /// 晋民发〔2022〕60号
    #[serde(rename = "shanxi_2022")]
    Shanxi2022,
}

/// 支出型贫困: income after necessary spending below the standard, assets within a limit.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExpenditurePovertyRule {
    /// Which text the rule follows.
    pub variant: ExpenditureVariant,
    /// The household's assets per member may not exceed this many months of the standard.
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
        /// The provincial text that defers to the national rule (山东 "按照现有规定执行").
        deferred_by: Option<Citation>,
    },
}

impl MarginalVariant {
    /// The national variant's upper bound a locality may adopt; `None` for a province's own text,
    /// whose bound is fixed.
    pub fn local_upper_multiplier(&self) -> Option<&Param<Decimal>> {
        match self {
            MarginalVariant::National2023 { local_upper_multiplier, .. } => local_upper_multiplier.as_ref(),
            MarginalVariant::Shanxi2024 | MarginalVariant::Guangxi2024 => None,
        }
    }
}

/// 低保边缘家庭. A pack writes it flat: the variant's own number beside `variant`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "MarginalJson")]
pub struct MarginalRule {
    /// Which text the rule follows, with the numbers only it uses.
    pub variant: MarginalVariant,
    /// Per-capita income below this multiple of the standard (1.5 ×, 广西 2 ×).
    pub multiplier: Param<Decimal>,
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
        let variant = match json.variant {
            MarginalName::National2023 => MarginalVariant::National2023 {
                local_upper_multiplier: json.local_upper_multiplier,
                deferred_by: json.deferred_by,
            },
            _ if json.local_upper_multiplier.is_some() => return Err(VariantField::MARGINAL_LOCAL_UPPER),
            _ if json.deferred_by.is_some() => return Err(VariantField::MARGINAL_DEFERRED_UNUSED),
            MarginalName::Shanxi2024 => MarginalVariant::Shanxi2024,
            MarginalName::Guangxi2024 => MarginalVariant::Guangxi2024,
        };
        Ok(MarginalRule { variant, multiplier: json.multiplier })
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
    National2024 {
        /// Rigid spending over household income above this share; set locally, so often absent.
        spending_ratio: Option<Param<Decimal>>,
        /// The provincial text that defers to the national rule (山东 "另行制定").
        deferred_by: Option<Citation>,
    },
}

/// 刚性支出困难家庭. A pack writes it flat: the variant's own number beside `variant`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "RigidJson")]
pub struct RigidExpenditureRule {
    /// Which text the rule follows, with the numbers only it uses.
    pub variant: RigidVariant,
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
        let variant = match json.variant {
            RigidName::Guangxi2024 => {
                if json.spending_ratio.is_some() {
                    return Err(VariantField::RIGID_RATIO_UNUSED);
                }
                if json.deferred_by.is_some() {
                    return Err(VariantField::RIGID_DEFERRED_UNUSED);
                }
                let income_gap_multiplier = json.income_gap_multiplier.ok_or(VariantField::RIGID_GAP_NEEDED)?;
                RigidVariant::Guangxi2024 { income_gap_multiplier }
            }
            RigidName::National2024 => {
                if json.income_gap_multiplier.is_some() {
                    return Err(VariantField::RIGID_GAP_UNUSED);
                }
                RigidVariant::National2024 { spending_ratio: json.spending_ratio, deferred_by: json.deferred_by }
            }
        };
        Ok(RigidExpenditureRule { variant })
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

/// Declares every [`VariantField`] fault in one list, from which [`VariantField::ALL`] is made, so
/// no fault can be left out of it (one left out would be reported at the rule, not at its field).
macro_rules! variant_fields {
    ($($(#[$meta:meta])* $name:ident => $field:literal, $message:literal;)*) => {
        impl VariantField {
            $($(#[$meta])* const $name: VariantField = VariantField { field: $field, message: $message };)*

            /// Every one, so that a message serde passes on as text can be known again.
            pub(super) const ALL: &'static [VariantField] = &[$(VariantField::$name),*];
        }
    };
}

variant_fields! {
    MARGINAL_LOCAL_UPPER => "local_upper_multiplier", "只有 national_2023 规则使用可上浮的上限";
    /// A province's own 边缘 text defers to nothing: only the national rule names a text deferring to it.
    MARGINAL_DEFERRED_UNUSED => "deferred_by", "只有 national_2023 规则使用 deferred_by（本省文件沿用国家规则时）";
    RIGID_GAP_NEEDED => "income_gap_multiplier", "guangxi_2024 规则需要此倍数";
    RIGID_GAP_UNUSED => "income_gap_multiplier", "national_2024 规则不使用此倍数";
    RIGID_RATIO_UNUSED => "spending_ratio", "只有 national_2024 规则使用刚性支出占比";
    RIGID_DEFERRED_UNUSED => "deferred_by", "只有 national_2024 规则使用 deferred_by（本省文件沿用国家规则时）";
    TEMPORARY_MONTHS_UNUSED => "months_without_income", "只有 shanxi_2023 规则使用无收入月数";
}

impl std::fmt::Display for VariantField {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.message)
    }
}

/// Which text keeps 低保 for a while after income rises through work (渐退).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PhaseOutVariant {
    /// 晋民发〔2023〕31号 一(五)
    #[serde(rename = "shanxi_2023")]
    Shanxi2023,
}

/// 渐退期: a household whose income rose through work keeps 低保 for some months.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PhaseOutRule {
    /// Which text the rule follows.
    pub variant: PhaseOutVariant,
    /// How many months 低保 continues.
    pub months: Param<u32>,
}

/// Which text defines 临时救助, with the numbers only that text uses.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub enum TemporaryVariant {
    /// 晋民发〔2023〕31号
    #[serde(rename = "shanxi_2023")]
    Shanxi2023 {
        /// Consecutive months without income that open 临时救助 for the unemployed (3).
        months_without_income: Option<Param<u32>>,
    },
    /// 山东 送审稿
    #[serde(rename = "shandong_2024")]
    Shandong2024,
    /// 桂民发〔2024〕34号
    #[serde(rename = "guangxi_2024")]
    Guangxi2024,
    /// 国发〔2014〕47号 (national)
    #[serde(rename = "national_2014")]
    National2014,
}

/// 临时救助: help for a sudden or temporary hardship. A pack writes it flat: the variant's own
/// number beside `variant`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "TemporaryJson")]
pub struct TemporaryRule {
    /// Which text the rule follows, with the numbers only it uses.
    pub variant: TemporaryVariant,
}

/// A [`TemporaryRule`] as a pack writes it.
#[derive(Deserialize)]
#[serde(deny_unknown_fields, expecting = "struct TemporaryRule")]
struct TemporaryJson {
    variant: TemporaryName,
    #[serde(default)]
    months_without_income: Option<Param<u32>>,
}

/// A [`TemporaryVariant`] as `variant` names it.
#[derive(Deserialize)]
#[serde(expecting = "enum TemporaryVariant")]
enum TemporaryName {
    #[serde(rename = "shanxi_2023")]
    Shanxi2023,
    #[serde(rename = "shandong_2024")]
    Shandong2024,
    #[serde(rename = "guangxi_2024")]
    Guangxi2024,
    #[serde(rename = "national_2014")]
    National2014,
}

impl TryFrom<TemporaryJson> for TemporaryRule {
    type Error = VariantField;

    fn try_from(json: TemporaryJson) -> Result<TemporaryRule, VariantField> {
        let variant = match (json.variant, json.months_without_income) {
            (TemporaryName::Shanxi2023, months_without_income) => {
                TemporaryVariant::Shanxi2023 { months_without_income }
            }
            (_, Some(_)) => return Err(VariantField::TEMPORARY_MONTHS_UNUSED),
            (TemporaryName::Shandong2024, None) => TemporaryVariant::Shandong2024,
            (TemporaryName::Guangxi2024, None) => TemporaryVariant::Guangxi2024,
            (TemporaryName::National2014, None) => TemporaryVariant::National2014,
        };
        Ok(TemporaryRule { variant })
    }
}

/// Whose procedure (where to apply, time limits, publicity) the page describes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ProcedureVariant {
    /// 晋民发〔2023〕31号
    #[serde(rename = "shanxi_2023")]
    Shanxi2023,
    /// 山东 送审稿
    #[serde(rename = "shandong_2024")]
    Shandong2024,
    /// 桂民发〔2024〕34号
    #[serde(rename = "guangxi_2024")]
    Guangxi2024,
    /// 民发〔2021〕57号《最低生活保障审核确认办法》
    #[serde(rename = "national_2021")]
    National2021,
}

/// How to apply: the time limits a text sets, each absent where it sets none.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProcedureRule {
    /// Which text the procedure follows.
    pub variant: ProcedureVariant,
    /// Working days from acceptance to the decision (审核确认).
    #[serde(default)]
    pub decision_working_days: Option<Param<u32>>,
    /// The same where the decision is delegated to the township or 街道.
    #[serde(default)]
    pub delegated_decision_working_days: Option<Param<u32>>,
    /// The longer limit for hard cases (objections in publicity, 人户分离, applying elsewhere).
    #[serde(default)]
    pub extended_working_days: Option<Param<u32>>,
    /// Days the township's first opinion is shown in the village or community (公示).
    #[serde(default)]
    pub publicity_days: Option<Param<u32>>,
}

/// Whose list of special assistance (医疗、教育、住房 …) each category opens.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AssistanceVariant {
    /// 山西's texts: 晋民发〔2024〕6号 for 边缘, 〔2023〕31号 for 特困、低保 and its routes; the
    /// national list otherwise
    #[serde(rename = "shanxi_2024")]
    Shanxi2024,
    /// 山东 送审稿
    #[serde(rename = "shandong_2024")]
    Shandong2024,
    /// 桂民发〔2024〕34号
    #[serde(rename = "guangxi_2024")]
    Guangxi2024,
    /// 国办发〔2023〕39号 (national)
    #[serde(rename = "national_2023")]
    National2023,
}

/// A city or county with published figures.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Area {
    /// The area's id, unique in the pack (`taiyuan/urban`).
    pub id: String,
    /// The prefecture-level city (`太原市`).
    pub city: String,
    /// The county or district, where the city's figures differ by it.
    #[serde(default)]
    pub district: Option<String>,
    /// The local 低保标准, urban and rural.
    #[serde(default)]
    pub dibao_standard: ByAreaKind,
    /// Last year's 居民人均可支配收入 (per person).
    #[serde(default)]
    pub disposable_income: ByAreaKind,
    /// A remark shown with the area; required when it has no 低保标准, to say why.
    #[serde(default)]
    pub note: Option<String>,
}

impl Area {
    /// The city and, where there is one, the district (`太原市小店区`).
    pub fn display_name(&self) -> String {
        match &self.district {
            Some(district) => format!("{}{}", self.city, district),
            None => self.city.clone(),
        }
    }
}

/// A local figure for urban and for rural households, either absent where none is published.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ByAreaKind {
    /// For urban households (城市).
    #[serde(default)]
    pub urban: Option<Param<Money>>,
    /// For rural households (农村).
    #[serde(default)]
    pub rural: Option<Param<Money>>,
}

impl ByAreaKind {
    /// The figure for `kind` of household.
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
    /// The area with this id; `None` when the pack lists none.
    pub fn area(&self, id: &str) -> Option<&Area> {
        self.areas.iter().find(|a| a.id == id)
    }
}

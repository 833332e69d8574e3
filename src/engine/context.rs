//! What every rule needs: the household, the pack, the day, the local figures that apply, and the
//! household's income — computed once per assessment — plus the helpers that turn a comparison into
//! a [`Check`] with its numbers and sentence.

use rust_decimal::Decimal;
use serde::Serialize;

use super::citation::{Citation, Reliability};
use super::date::Day;
use super::household::{AreaKind, Household};
use super::income::{self, IncomeTotals};
use super::money::{self, format_yuan, Amount, MoneyError};
use super::outcome::{Check, Comparison, Figure, Outcome};
use super::policy::{dated_amount, Dated, Param, PolicyPack};

/// A local figure (低保标准, 人均可支配收入) as used, with where it came from.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LocalFigure {
    pub amount: Amount,
    /// The figure for one person over 12 months.
    pub annual: Decimal,
    /// The figure for one person per month, rounded to the fen for display.
    pub monthly: Decimal,
    pub origin: Origin,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Origin {
    /// From the policy pack: the value in force on the assessment day.
    Pack {
        area_id: String,
        area_name: String,
        area_kind: AreaKind,
        effective: Day,
        source: Citation,
        note: Option<String>,
    },
    /// Typed by the user, operator or partner; it overrides the pack.
    User,
}

impl LocalFigure {
    fn new(amount: Amount, origin: Origin) -> Result<LocalFigure, MoneyError> {
        Ok(LocalFigure {
            amount,
            annual: amount.annual()?,
            monthly: money::Money::display_rounded(amount.monthly_value()?),
            origin,
        })
    }

    /// "760元/人/月（太原市城镇及六城区，2023-01-01起，并民发〔2023〕19号）"
    pub fn describe(&self) -> String {
        let value = format!("{}元/人/{}", self.amount.amount, self.amount.per.label());
        match &self.origin {
            Origin::Pack { area_name, area_kind, effective, source, .. } => {
                format!("{value}（{area_name}，{}标准，{effective}起执行，{source}）", area_kind.label())
            }
            Origin::User => format!("{value}（您填写的数值）"),
        }
    }

    pub fn citation(&self) -> Citation {
        match &self.origin {
            Origin::Pack { source, .. } => source.clone(),
            Origin::User => Citation::new("使用者填写的当地标准", "", Reliability::Supplied),
        }
    }
}

pub struct Context<'a> {
    pub household: &'a Household,
    pub pack: &'a PolicyPack,
    pub day: Day,
    pub standard: Option<LocalFigure>,
    pub disposable_income: Option<LocalFigure>,
    pub members: Decimal,
    pub income: IncomeTotals,
    /// Counted income less deductions over 12 months, never negative.
    pub net_income: Decimal,
    /// Problems worth telling the reader that are not errors (an unknown area id, a missing standard).
    pub warnings: Vec<String>,
}

impl<'a> Context<'a> {
    pub fn new(household: &'a Household, pack: &'a PolicyPack, day: Day) -> Result<Context<'a>, MoneyError> {
        let mut warnings = Vec::new();
        let place = &household.place;
        let area = match &place.area {
            Some(id) => {
                let found = pack.area(id);
                if found.is_none() {
                    warnings.push(format!("政策包“{}”中没有地区编号“{}”，请填写当地标准。", pack.name, crate::engine::date::truncate(id, 40)));
                }
                found
            }
            None => None,
        };
        let from_area = |by_kind: fn(&super::policy::Area) -> &super::policy::ByAreaKind| -> Option<(Dated<money::Money>, String, String)> {
            let area = area?;
            let param = by_kind(area).get(place.area_kind)?;
            param.in_force(day).map(|d| (d.clone(), area.id.clone(), area.display_name()))
        };
        let standard = match place.local_standard {
            Some(amount) => Some(LocalFigure::new(amount, Origin::User)?),
            None => match from_area(|a| &a.dibao_standard) {
                Some((dated, area_id, area_name)) => Some(pack_figure(&dated, area_id, area_name, place.area_kind)?),
                None => None,
            },
        };
        if standard.is_none() {
            warnings.push("没有可用的当地低保标准：与收入有关的条件都无法判断。请填写本地低保标准（可向乡镇、街道或12345询问）。".to_string());
        }
        let disposable_income = match place.disposable_income {
            Some(amount) => Some(LocalFigure::new(amount, Origin::User)?),
            None => match from_area(|a| &a.disposable_income) {
                Some((dated, area_id, area_name)) => Some(pack_figure(&dated, area_id, area_name, place.area_kind)?),
                None => None,
            },
        };
        let income = income::household(household)?;
        let net_income = income.net()?;
        Ok(Context {
            household,
            pack,
            day,
            standard,
            disposable_income,
            members: Decimal::from(household.members.len()),
            income,
            net_income,
            warnings,
        })
    }

    /// The value of a pack parameter in force on the assessment day.
    pub fn param<'p, T>(&self, param: &'p Param<T>) -> Option<&'p Dated<T>> {
        param.in_force(self.day)
    }

    /// Property, for rules whose limits are local: met for certain only when nothing is declared.
    pub fn property_check(&self, key: &'static str, citation: Citation) -> Check {
        let assets = &self.household.assets;
        if assets.declares_nothing() {
            Check::fact(
                key,
                "家庭财产状况符合当地规定",
                Outcome::Pass,
                "您家申报没有金融资产、车辆、房产或其他财产，任何财产限额都能满足。".to_string(),
                citation,
            )
        } else {
            Check::fact(
                key,
                "家庭财产状况符合当地规定",
                Outcome::Unknown,
                format!(
                    "财产限额由当地规定，现有文件没有给出数字，本工具不作猜测。您家申报：金融资产{}元，车辆{}辆，房产{}套{}。请向乡镇（街道）咨询当地财产标准。",
                    assets.financial, assets.vehicles, assets.homes,
                    if assets.other_property { "，另有其他房产或经营性财产" } else { "" }
                ),
                citation,
            )
        }
    }

    /// A check that needs the 低保标准 when there is none: it cannot be settled here.
    pub fn missing_standard(&self, key: &'static str, label: String, citation: Citation) -> Check {
        Check::fact(
            key,
            label,
            Outcome::Unknown,
            "不知道当地低保标准，无法比较。请填写本地低保标准，或向乡镇（街道）询问。".to_string(),
            citation,
        )
    }
}

fn pack_figure(dated: &Dated<money::Money>, area_id: String, area_name: String, area_kind: AreaKind) -> Result<LocalFigure, MoneyError> {
    LocalFigure::new(
        dated_amount(dated),
        Origin::Pack {
            area_id,
            area_name,
            area_kind,
            effective: dated.effective,
            source: dated.source.clone(),
            note: dated.note.clone(),
        },
    )
}

/// A per-capita comparison: `household_annual / members` against `threshold_annual` per person,
/// decided exactly as `household_annual ⋚ threshold_annual × members` (no division, no rounding),
/// and shown per person per month.
pub struct PerCapitaTest<'t> {
    pub key: &'static str,
    pub label: String,
    /// What the household's figure is, e.g. "家庭人均月收入" or "扣除医疗费用后人均月收入".
    pub figure_name: &'t str,
    /// How the household's 12-month figure was built, e.g. "12个月计入收入29232元 − 医疗自付8000元".
    pub figure_basis: String,
    /// May be negative (income minus spending).
    pub household_annual: Decimal,
    pub members: Decimal,
    pub comparison: Comparison,
    pub threshold_annual: Decimal,
    /// What the threshold is, e.g. "低保标准" or "1.5倍低保标准".
    pub threshold_name: String,
    pub citation: Citation,
}

impl PerCapitaTest<'_> {
    pub fn evaluate(self) -> Result<Check, MoneyError> {
        let limit = money::mul(self.threshold_annual, self.members)?;
        let pass = match self.comparison {
            Comparison::Below => self.household_annual < limit,
            Comparison::AtMost => self.household_annual <= limit,
            Comparison::Above => self.household_annual > limit,
            Comparison::AtLeast => self.household_annual >= limit,
        };
        let twelve = Decimal::from(12);
        let per_month = money::div(money::div(self.household_annual, self.members)?, twelve)?;
        let threshold_month = money::div(self.threshold_annual, twelve)?;
        let gap = money::Money::display_rounded(money::sub(threshold_month, per_month)?);
        let relation = if gap.is_zero() {
            if self.household_annual == limit { "恰好等于门槛".to_string() } else { "与门槛相差不到1分钱".to_string() }
        } else if gap.is_sign_positive() {
            format!("低于门槛{}元", format_yuan(gap))
        } else {
            format!("高出门槛{}元", format_yuan(-gap))
        };
        let explanation = format!(
            "要求{} {} {}（{}元/人/月）。您家为{}元/人/月（{} ÷ {}人 ÷ 12个月），{}。",
            self.figure_name,
            self.comparison.symbol(),
            self.threshold_name,
            format_yuan(threshold_month),
            format_yuan(per_month),
            self.figure_basis,
            self.members,
            relation,
        );
        Ok(Check {
            key: self.key,
            label: self.label.into(),
            figure: Some(Figure::yuan_per_month(per_month)),
            comparison: Some(self.comparison),
            threshold: Some(Figure::yuan_per_month(threshold_month)),
            gap: Some(gap),
            outcome: Outcome::from_bool(pass),
            explanation,
            citation: self.citation,
        })
    }
}

/// "12个月计入收入29232元"
pub fn income_basis(net: Decimal) -> String {
    format!("12个月计入收入{}元", format_yuan(net))
}

/// A multiple of the standard for a sentence: "1.5倍低保标准".
pub fn times_standard(multiplier: Decimal) -> String {
    format!("{}倍低保标准", multiplier.normalize())
}

//! Everything serde cannot check in a pack: units, ranges, duplicate dates, ids, text.
//!
//! The check walks the pack as its types nest: each part checks its own fields ([`Validate`]), and
//! names each field once, beside its check, with [`Validator::field`] or [`Validator::part`]; the
//! path an error is reported at (`rules.marginal.multiplier[0].unit`) is built as the walk descends.

use std::collections::BTreeSet;
use std::fmt::{self, Write as _};

use rust_decimal::Decimal;

use super::{
    Area, ByAreaKind, DestituteRule, DibaoRule, ExpenditurePovertyRule, MarginalMemberSoloRule, MarginalRule,
    MarginalVariant, Param, PhaseOutRule, PolicyPack, ProcedureRule, RigidExpenditureRule, RigidVariant, Rules,
    SoloDisabledRule, TemporaryRule, TemporaryVariant, Unit, FORMAT_VERSION,
};
use crate::engine::citation::Citation;
use crate::engine::date::{echoed, Day};
use crate::engine::household::FieldError;
use crate::engine::money::Money;

const MAX_TEXT_CHARS: usize = 300;
const MAX_PARAM_ENTRIES: usize = 64;
const MAX_AREAS: usize = 2_000;
/// At most this many errors are listed; the rest are counted in one line.
const MAX_ERRORS: usize = 100;

/// The dates a value may take effect on: the rules followed here date from 2014 on, and a date past
/// 2100 is a typing slip.
fn earliest() -> Day {
    Day::parse("2000-01-01").unwrap_or(Day::MIN)
}
fn latest() -> Day {
    Day::parse("2100-12-31").unwrap_or_else(|_| earliest())
}

impl PolicyPack {
    /// Everything serde cannot check: units, ranges, duplicate dates, ids, text. Each error names the
    /// field at fault by its path in the pack's JSON; none means the pack is valid.
    pub fn validate(&self) -> Vec<FieldError> {
        let mut v = Validator::default();
        Validate::check(self, &mut v);
        if v.found > v.errors.len() {
            let more = v.found - v.errors.len();
            v.errors.push(FieldError { path: String::new(), message: format!("另有 {more} 处错误未列出") });
        }
        v.errors
    }
}

/// A part of a pack that checks its own fields, each under its name.
trait Validate {
    fn check(&self, v: &mut Validator);
}

/// An absent optional part has nothing to check.
impl<T: Validate> Validate for Option<T> {
    fn check(&self, v: &mut Validator) {
        if let Some(part) = self {
            part.check(v);
        }
    }
}

impl Validate for PolicyPack {
    fn check(&self, v: &mut Validator) {
        v.field("format", |v| {
            if self.format != FORMAT_VERSION {
                v.error(format!("不支持的政策包格式版本 {}（应为 {}）", self.format, FORMAT_VERSION));
            }
        });
        v.field("id", |v| v.id(&self.id));
        v.field("name", |v| v.text(&self.name, false));
        v.field("description", |v| v.remark(&self.description));
        v.part("rules", &self.rules);
        v.field("areas", |v| {
            if self.areas.len() > MAX_AREAS {
                v.error(format!("地区条目最多 {} 个", MAX_AREAS));
            }
            // An area's id must be unique in the pack, so the pack checks it; the area, the rest.
            let mut ids = BTreeSet::new();
            for (i, area) in self.areas.iter().enumerate().take(MAX_AREAS) {
                v.index(i, |v| {
                    v.field("id", |v| {
                        v.id(&area.id);
                        if !ids.insert(area.id.as_str()) {
                            v.error(format!("地区编号 \"{}\" 重复", echoed(&area.id, 40)));
                        }
                    });
                    area.check(v);
                });
            }
        });
    }
}

impl Validate for Rules {
    fn check(&self, v: &mut Validator) {
        v.part("destitute", &self.destitute);
        v.part("dibao", &self.dibao);
        v.part("solo_severely_disabled", &self.solo_severely_disabled);
        v.part("marginal_member_solo", &self.marginal_member_solo);
        v.part("expenditure_poverty", &self.expenditure_poverty);
        v.part("marginal", &self.marginal);
        v.part("rigid_expenditure", &self.rigid_expenditure);
        v.part("phase_out", &self.phase_out);
        v.part("temporary", &self.temporary);
        v.part("procedure", &self.procedure);
    }
}

impl Validate for DestituteRule {
    fn check(&self, v: &mut Validator) {
        v.field("elderly_age", |v| v.whole(&self.elderly_age, Unit::Years, 1, 130));
        v.field("minor_age", |v| {
            v.whole(&self.minor_age, Unit::Years, 1, 130);
            // A minor is younger than an elderly person: 100 above 60 would make everyone both.
            let oldest_minor = self.minor_age.0.iter().map(|d| d.value).max();
            let youngest_elder = self.elderly_age.0.iter().map(|d| d.value).min();
            if let (Some(minor), Some(elder)) = (oldest_minor, youngest_elder) {
                if minor >= elder {
                    v.error(format!("未成年人年龄上限（{minor}岁）应低于老年人年龄（{elder}岁）"));
                }
            }
        });
        v.field("no_work_capacity_disabilities", |v| {
            v.param(&self.no_work_capacity_disabilities, &[Unit::Grades], |limits, _| {
                if limits.iter().all(|l| (1..=4).contains(&l.up_to_grade)) {
                    None
                } else {
                    Some("残疾等级应为1到4级".to_string())
                }
            })
        });
        v.optional("supporter_adult_age", &self.supporter_adult_age, |v, p| v.whole(p, Unit::Years, 1, 130));
        v.optional("supporter_severe_up_to_grade", &self.supporter_severe_up_to_grade, |v, p| {
            v.whole(p, Unit::Grades, 1, 4)
        });
    }
}

impl Validate for DibaoRule {
    fn check(&self, v: &mut Validator) {
        v.optional("financial_assets_limit_months", &self.financial_assets_limit_months, |v, p| {
            v.decimal(p, Unit::MonthsOfStandard, Decimal::ZERO, Decimal::from(1200))
        });
    }
}

impl Validate for SoloDisabledRule {
    fn check(&self, v: &mut Validator) {
        v.field("adult_age", |v| v.whole(&self.adult_age, Unit::Years, 1, 130));
        v.field("severe_up_to_grade", |v| v.whole(&self.severe_up_to_grade, Unit::Grades, 1, 4));
    }
}

impl Validate for MarginalMemberSoloRule {
    fn check(&self, v: &mut Validator) {
        v.field("severe_up_to_grade", |v| v.whole(&self.severe_up_to_grade, Unit::Grades, 1, 4));
        v.optional("mental_intellectual_up_to_grade", &self.mental_intellectual_up_to_grade, |v, p| {
            v.whole(p, Unit::Grades, 1, 4)
        });
    }
}

impl Validate for ExpenditurePovertyRule {
    fn check(&self, v: &mut Validator) {
        v.field("asset_limit_months", |v| {
            v.decimal(&self.asset_limit_months, Unit::MonthsOfStandard, Decimal::ONE, Decimal::from(1200))
        });
    }
}

/// The range of every multiple of the standard.
fn times_standard(v: &mut Validator, param: &Param<Decimal>) {
    v.decimal(param, Unit::TimesStandard, Decimal::ONE, Decimal::from(10));
}

impl Validate for MarginalRule {
    fn check(&self, v: &mut Validator) {
        v.field("multiplier", |v| times_standard(v, &self.multiplier));
        self.variant.check(v);
    }
}

/// A variant's own numbers sit beside `variant`, in the rule.
impl Validate for MarginalVariant {
    fn check(&self, v: &mut Validator) {
        if let MarginalVariant::National2023 { local_upper_multiplier, deferred_by } = self {
            v.optional("local_upper_multiplier", local_upper_multiplier, times_standard);
            v.part("deferred_by", deferred_by);
        }
    }
}

impl Validate for RigidExpenditureRule {
    fn check(&self, v: &mut Validator) {
        self.variant.check(v);
    }
}

/// A variant's own numbers sit beside `variant`, in the rule.
impl Validate for RigidVariant {
    fn check(&self, v: &mut Validator) {
        match self {
            RigidVariant::Guangxi2024 { income_gap_multiplier } => {
                v.field("income_gap_multiplier", |v| times_standard(v, income_gap_multiplier));
            }
            RigidVariant::National2024 { spending_ratio, deferred_by } => {
                v.optional("spending_ratio", spending_ratio, |v, p| {
                    v.decimal(p, Unit::Ratio, Decimal::ZERO, Decimal::ONE)
                });
                v.part("deferred_by", deferred_by);
            }
        }
    }
}

impl Validate for PhaseOutRule {
    fn check(&self, v: &mut Validator) {
        v.field("months", |v| v.whole(&self.months, Unit::Months, 1, 60));
    }
}

impl Validate for TemporaryRule {
    fn check(&self, v: &mut Validator) {
        if let TemporaryVariant::Shanxi2023 { months_without_income } = &self.variant {
            v.optional("months_without_income", months_without_income, |v, p| v.whole(p, Unit::Months, 1, 60));
        }
    }
}

impl Validate for ProcedureRule {
    fn check(&self, v: &mut Validator) {
        for (name, p, unit) in [
            ("decision_working_days", &self.decision_working_days, Unit::WorkingDays),
            ("delegated_decision_working_days", &self.delegated_decision_working_days, Unit::WorkingDays),
            ("extended_working_days", &self.extended_working_days, Unit::WorkingDays),
            ("publicity_days", &self.publicity_days, Unit::Days),
        ] {
            v.optional(name, p, |v, p| v.whole(p, unit, 1, 365));
        }
    }
}

/// All but the id, which the pack checks (it must be unique there).
impl Validate for Area {
    fn check(&self, v: &mut Validator) {
        v.field("city", |v| v.text(&self.city, false));
        v.optional("district", &self.district, |v, d| v.text(d, false));
        v.field("note", |v| v.remark(&self.note));
        // What any real figure has been, per month: 低保标准 from 100 to 5,000 元 (the lowest rural
        // ones a decade ago were near 200, the highest cities' are near 1,500), last year's disposable
        // income per head from 500 to 20,000 元 (about 6,000 to 240,000 a year).
        v.field("dibao_standard", |v| by_kind(v, &self.dibao_standard, (100, 5_000)));
        v.field("disposable_income", |v| by_kind(v, &self.disposable_income, (500, 20_000)));
        // A city is listed without a figure only on purpose: the note says why (none found, or
        // the one found was left out) and the reader is led to type the standard.
        let no_figure = self.dibao_standard.urban.is_none() && self.dibao_standard.rural.is_none();
        if no_figure && self.note.as_deref().is_none_or(|n| n.trim().is_empty()) {
            v.field("note", |v| {
                v.error("没有低保标准的地区要在 note 中说明原因（例如“未找到公开的低保标准”）".to_string())
            });
        }
    }
}

/// An area's urban and rural figures, each within `monthly` (元 per person per month).
fn by_kind(v: &mut Validator, figures: &ByAreaKind, monthly: (u32, u32)) {
    v.optional("urban", &figures.urban, |v, p| v.money(p, monthly));
    v.optional("rural", &figures.rural, |v, p| v.money(p, monthly));
}

impl Validate for Citation {
    fn check(&self, v: &mut Validator) {
        v.field("document", |v| v.text(&self.document, false));
        v.field("article", |v| v.text(&self.article, true));
    }
}

/// Where the check is in the pack (`path`), and the errors found so far.
#[derive(Default)]
struct Validator {
    path: String,
    errors: Vec<FieldError>,
    /// Every error found, listed or not.
    found: usize,
}

impl Validator {
    /// An error at the current path.
    fn error(&mut self, message: String) {
        self.found += 1;
        if self.errors.len() < MAX_ERRORS {
            self.errors.push(FieldError { path: self.path.clone(), message });
        }
    }

    /// Runs `check` with `segment` added to the path.
    fn at(&mut self, segment: fmt::Arguments<'_>, check: impl FnOnce(&mut Validator)) {
        let len = self.path.len();
        let _ = self.path.write_fmt(segment);
        check(self);
        self.path.truncate(len);
    }

    /// Runs `check` at the field `name` of the current object.
    fn field(&mut self, name: &str, check: impl FnOnce(&mut Validator)) {
        let dot = if self.path.is_empty() { "" } else { "." };
        self.at(format_args!("{dot}{name}"), check);
    }

    /// Runs `check` at item `index` of the current list.
    fn index(&mut self, index: usize, check: impl FnOnce(&mut Validator)) {
        self.at(format_args!("[{index}]"), check);
    }

    /// Checks the part at the field `name`.
    fn part(&mut self, name: &str, part: &impl Validate) {
        self.field(name, |v| part.check(v));
    }

    /// Runs `check` at the field `name` when the field is present.
    fn optional<T>(&mut self, name: &str, value: &Option<T>, check: impl FnOnce(&mut Validator, &T)) {
        if let Some(value) = value {
            self.field(name, |v| check(v, value));
        }
    }

    fn id(&mut self, id: &str) {
        let ok = !id.is_empty()
            && id.len() <= 64
            && id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '-' | '_' | '/'));
        if !ok {
            self.error("编号只能用小写字母、数字和 - _ /，长度1到64".to_string());
        }
    }

    /// Text from a pack is shown as text, never as HTML; markup in it is a sign of a hostile or broken
    /// pack, so it is refused rather than silently escaped.
    fn text(&mut self, text: &str, may_be_empty: bool) {
        // Zero-width characters show nothing: a citation of only those is an empty citation.
        let invisible = |c: char| c.is_whitespace() || matches!(c, '\u{200b}'..='\u{200d}' | '\u{2060}' | '\u{feff}');
        // Direction overrides and line separators turn or break the text around them on screen.
        let turning = |c: char| matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}' | '\u{2028}' | '\u{2029}');
        if text.chars().all(invisible) && !(may_be_empty && text.is_empty()) {
            self.error("不能为空（不能只有空格或不可见字符）".to_string());
        } else if text.chars().count() > MAX_TEXT_CHARS {
            self.error(format!("文字过长（上限 {} 字）", MAX_TEXT_CHARS));
        } else if text.chars().any(|c| c == '<' || c == '>' || (c.is_control() && c != '\n') || turning(c)) {
            self.error("不能包含尖括号、控制字符或改变文字方向的字符".to_string());
        }
    }

    /// An optional remark (a description or a note), which may be empty.
    fn remark(&mut self, text: &Option<String>) {
        if let Some(text) = text {
            self.text(text, true);
        }
    }

    fn param<T>(&mut self, param: &Param<T>, units: &[Unit], check: impl Fn(&T, Unit) -> Option<String>) {
        if param.0.is_empty() {
            self.error("至少需要一个取值".to_string());
        }
        if param.0.len() > MAX_PARAM_ENTRIES {
            self.error(format!("取值最多 {} 个", MAX_PARAM_ENTRIES));
            return;
        }
        let mut dates = BTreeSet::new();
        for (i, dated) in param.0.iter().enumerate() {
            self.index(i, |v| {
                v.field("unit", |v| {
                    if !units.contains(&dated.unit) {
                        // The unit's JSON name, so the message shows what to write.
                        let expected: Vec<String> = units
                            .iter()
                            .map(|u| serde_json::to_string(u).unwrap_or_default().trim_matches('"').to_string())
                            .collect();
                        v.error(format!("单位不符，应为 {}", expected.join(" 或 ")));
                    }
                });
                v.field("effective", |v| {
                    if dated.effective < earliest() || dated.effective > latest() {
                        v.error(format!("生效日期应在 {} 到 {} 之间", earliest(), latest()));
                    }
                    if !dates.insert(dated.effective) {
                        v.error(format!("生效日期 {} 重复：同一天不能有两个取值", dated.effective));
                    }
                });
                v.field("value", |v| {
                    if let Some(message) = check(&dated.value, dated.unit) {
                        v.error(message);
                    }
                });
                v.part("source", &dated.source);
                v.field("note", |v| v.remark(&dated.note));
            });
        }
    }

    fn whole(&mut self, param: &Param<u32>, unit: Unit, min: u32, max: u32) {
        self.param(param, &[unit], |v, _| (!(min..=max).contains(v)).then(|| format!("取值应在 {min} 到 {max} 之间")));
    }

    fn decimal(&mut self, param: &Param<Decimal>, unit: Unit, min: Decimal, max: Decimal) {
        self.param(param, &[unit], |v, _| (*v < min || *v > max).then(|| format!("取值应在 {min} 到 {max} 之间")));
    }

    /// A figure per person, per month or per year, within what any real one has been: `monthly` is
    /// the range a monthly figure may take, and a yearly one is checked against twelve times it.
    fn money(&mut self, param: &Param<Money>, monthly: (u32, u32)) {
        let (low, high) = monthly;
        self.param(param, &[Unit::YuanPerMonth, Unit::YuanPerYear], |v, unit| {
            let (months, per) = if unit == Unit::YuanPerYear { (12, "年") } else { (1, "月") };
            let (min, max) = (Decimal::from(low * months), Decimal::from(high * months));
            (v.amount() < min || v.amount() > max).then(|| match months {
                12 => format!("金额应在 {min} 到 {max} 元/{per}之间（按月 {low} 到 {high} 元）"),
                _ => format!("金额应在 {min} 到 {max} 元/{per}之间"),
            })
        });
    }
}

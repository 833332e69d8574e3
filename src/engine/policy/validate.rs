//! Everything serde cannot check in a pack: units, ranges, duplicate dates, ids, text.

use std::collections::BTreeSet;

use rust_decimal::Decimal;

use super::{MarginalVariant, Param, PolicyPack, RigidVariant, Unit, FORMAT_VERSION};
use crate::engine::citation::Citation;
use crate::engine::date::truncate;
use crate::engine::household::FieldError;
use crate::engine::money::Money;

const MAX_TEXT_CHARS: usize = 300;
const MAX_PARAM_ENTRIES: usize = 64;
const MAX_AREAS: usize = 2_000;

impl PolicyPack {
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

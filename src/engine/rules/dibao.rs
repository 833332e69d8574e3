//! 低保 — the minimum living guarantee for a household.
//!
//! National rule (民发〔2021〕57号《最低生活保障审核确认办法》, from reprints): a household whose
//! 共同生活的家庭成员 have a per-capita income below the local 低保标准 and whose property meets the
//! local rules may be included. 晋民发〔2023〕31号 四(一) adds: "申请家庭符合条件的，不得仅将个别家庭成员
//! 纳入低保范围" — the whole household is assessed and included.
//!
//! Property limits are local and no source gives them: the property condition is settled here only
//! when nothing is declared, or when a (partner) pack gives a financial-asset limit.

use rust_decimal::Decimal;

use crate::engine::by_standard::{condition_words, Side};
use crate::engine::check_key::CheckKey;
use crate::engine::citation::{cite, Citation};
use crate::engine::context::Context;
use crate::engine::money::{self, MoneyError, Yuan};
use crate::engine::outcome::{
    Category, CategoryResult, Check, Comparison, Figure, LocalRule, LocalRules, Outcome, Subject, ThresholdName,
};

/// The article the 低保 income test cites.
pub fn income_citation() -> Citation {
    cite::national_dibao_2021("家庭收入低于当地最低生活保障标准")
}

/// The article the 低保 property test cites.
pub fn property_citation() -> Citation {
    cite::national_dibao_2021("家庭财产状况符合当地规定")
}

/// The 低保 income test for the household: per-capita net income strictly below the standard.
pub fn income_check(ctx: &Context) -> Result<Check, MoneyError> {
    let label = "家庭人均收入低于当地低保标准";
    match &ctx.standard {
        None => ctx.household_income_without_standard(
            CheckKey::DibaoIncome,
            label,
            Comparison::Below,
            Decimal::ONE,
            income_citation(),
        ),
        Some(standard) => ctx.household_income_test(
            CheckKey::DibaoIncome,
            label,
            Comparison::Below,
            standard.annual,
            ThresholdName::Standard,
            income_citation(),
        ),
    }
}

/// 低保 for the household: per-capita income below the standard and property within the local
/// rules.
pub fn assess(ctx: &Context) -> Result<CategoryResult, MoneyError> {
    let income = income_check(ctx)?;
    let property = property_check(ctx)?;
    let mut notes = Vec::new();
    if !ctx.explains() {
        return Ok(CategoryResult::from_checks(
            Category::Dibao,
            Subject::Household,
            Category::Dibao.name(),
            vec![income, property],
            notes,
        ));
    }
    if income.outcome == Outcome::Pass {
        if let Some(standard) = &ctx.standard {
            // 补差: standard × members − household monthly income, the common national practice.
            let monthly_income = money::div(ctx.net_income, Decimal::from(12))?;
            let top_up = money::sub(money::mul(standard.monthly, ctx.members)?, monthly_income)?;
            notes.push(
                format!(
                    "估算：按“低保标准 × 人数 − 家庭月收入”补差，约每月{}元。仅供参考，实际金额由当地核定{}。",
                    Yuan(top_up.max(Decimal::ZERO)),
                    if ctx.household.place.area_kind == crate::engine::household::AreaKind::Rural {
                        "（部分地区农村低保按档次发放）"
                    } else {
                        ""
                    }
                )
                .into(),
            );
        }
    }
    if ctx.income.not_counted > Decimal::ZERO {
        notes.push(
            format!(
                "不计入收入的项目（如基础养老金、优待抚恤金、奖学金、社会救助款物）共{}元，未计入。",
                Yuan(ctx.income.not_counted)
            )
            .into(),
        );
    }
    if ctx.income.deducted > Decimal::ZERO {
        notes.push(format!("已从收入中扣除税费、社保、支付的赡养费等共{}元。", Yuan(ctx.income.deducted)).into());
    }
    Ok(CategoryResult::from_checks(
        Category::Dibao,
        Subject::Household,
        Category::Dibao.name(),
        vec![income, property],
        notes,
    ))
}

/// Property for 低保: a partner pack may set a financial-asset limit (months of the standard per
/// member); vehicles and homes stay a local question unless none are declared.
fn property_check(ctx: &Context) -> Result<Check, MoneyError> {
    let limit = ctx.pack.rules.dibao.financial_assets_limit_months.as_ref().and_then(|p| ctx.param(p));
    let Some(limit) = limit else {
        return Ok(ctx.property_check(CheckKey::DibaoProperty, property_citation()));
    };
    let assets = &ctx.household.assets;
    let others = assets.vehicles > 0 || assets.homes > 0 || assets.other_property;
    let Some(standard) = &ctx.standard else {
        // The pack's limit is months of the standard: the household's own figure says from which
        // standard its financial assets are within it.
        let per_person = money::div(assets.financial.amount(), ctx.members)?;
        let (outcome, waits, sentence) = if per_person.is_zero() {
            (Outcome::Pass, LocalRules::NONE, "没有申报金融资产，不论当地低保标准多少，金融资产都在限额内".to_string())
        } else {
            let bound = money::div(per_person, limit.value)?;
            (
                Outcome::Unknown,
                LocalRules::of(LocalRule::Standard),
                format!(
                    "人均金融资产{}元，限额为{}个月低保标准：只要当地低保标准{}，金融资产就在限额内",
                    Yuan(per_person),
                    limit.value.normalize(),
                    condition_words(bound, Side::AtLeast)
                ),
            )
        };
        let (outcome, waits) = match (outcome, others) {
            (_, true) => (Outcome::Unknown, waits.union(LocalRules::of(LocalRule::Property))),
            (outcome, false) => (outcome, waits),
        };
        let check = Check {
            figure: Some(Figure::quantity(per_person, "元/人")),
            ..Check::fact(
                CheckKey::DibaoProperty,
                "家庭财产状况符合当地规定",
                outcome,
                format!("{sentence}{}。", if others { "；车辆、房产等按当地规定另行核实" } else { "" }),
                limit.source.clone(),
            )
        };
        return Ok(check.waiting_on(waits));
    };
    // financial ≤ months × monthly standard × members, decided as financial × 12 ≤ months × annual × members.
    let lhs = money::mul(assets.financial.amount(), Decimal::from(12))?;
    let rhs = money::mul(money::mul(limit.value, standard.annual)?, ctx.members)?;
    ctx.note_standard_comparison(lhs, money::mul(money::mul(limit.value, Decimal::from(12))?, ctx.members)?);
    let per_person_limit = money::div(money::mul(limit.value, standard.annual)?, Decimal::from(12))?;
    let per_person = money::div(assets.financial.amount(), ctx.members)?;
    let financial_ok = lhs <= rhs;
    let outcome = match (financial_ok, others) {
        (false, _) => Outcome::Fail,
        (true, false) => Outcome::Pass,
        (true, true) => Outcome::Unknown,
    };
    Ok(Check {
        key: CheckKey::DibaoProperty,
        label: "家庭财产状况符合当地规定".into(),
        figure: Some(Figure::quantity(per_person, "元/人")),
        comparison: Some(Comparison::AtMost),
        threshold: Some(Figure::quantity(per_person_limit, "元/人")),
        gap: Some(money::Money::display_rounded(money::sub(per_person_limit, per_person)?)),
        outcome,
        explanation: format!(
            "人均金融资产{}元，限额为{}个月低保标准即{}元/人{}。",
            Yuan(per_person),
            limit.value.normalize(),
            Yuan(per_person_limit),
            if others && financial_ok { "；车辆、房产等按当地规定另行核实" } else { "" }
        )
        .into(),
        citation: limit.source.clone(),
        waits_on: LocalRules::NONE,
        standard_above: None,
    }
    .waiting_on(LocalRules::of(LocalRule::Property)))
}

//! 低保渐退 — a phase-out period for households whose income rose through work.
//!
//! 晋民发〔2023〕31号 一(五): "鼓励具备就业能力的低保家庭成员积极就业，对就业后家庭人均收入超过当地低保标准
//! 的低保家庭，可给予 6 个月的渐退期。" The months come from the pack; "可给予" leaves the decision to the
//! office, which the result says.

use crate::engine::check_key::CheckKey;
use crate::engine::citation::cite;
use crate::engine::context::Context;
use crate::engine::money::MoneyError;
use crate::engine::outcome::{Category, CategoryResult, Check, Comparison, Outcome, Subject, ThresholdName};
use rust_decimal::Decimal;

/// 低保渐退: a 低保 household whose income rose above the standard through work keeps 低保 for a
/// while; not applicable to a household not on 低保.
pub fn assess(ctx: &Context) -> Result<CategoryResult, MoneyError> {
    let situation = &ctx.household.situation;
    if !situation.receives_dibao {
        return Ok(CategoryResult::not_applicable(Category::PhaseOut, "只适用于正在享受低保的家庭。".to_string()));
    }
    let Some(rule) = &ctx.pack.rules.phase_out else {
        return Ok(CategoryResult::not_applicable(
            Category::PhaseOut,
            format!("{}的政策包没有收录低保渐退规定，收入增加后是否保留低保，请向当地咨询。", ctx.pack.name),
        ));
    };
    let Some(months) = ctx.param(&rule.months) else {
        return Ok(CategoryResult::not_applicable(Category::PhaseOut, format!("渐退期参数在 {} 尚未生效。", ctx.day)));
    };
    let current = Check::fact(
        CheckKey::PhaseOutCurrent,
        "正在享受低保",
        Outcome::Pass,
        "家庭正在享受低保。",
        cite::sx_safety_net_2023("一(五)"),
    );
    let work = Check::fact(
        CheckKey::PhaseOutWork,
        "收入因家庭成员就业而增加",
        Outcome::from_bool(situation.income_rose_through_work),
        if situation.income_rose_through_work {
            "家庭成员就业后收入增加。"
        } else {
            "收入增加不是因为就业。"
        },
        cite::sx_safety_net_2023("一(五)"),
    );
    let above = match &ctx.standard {
        None => ctx.household_income_without_standard(
            CheckKey::PhaseOutIncome,
            "就业后家庭人均收入超过当地低保标准",
            Comparison::Above,
            Decimal::ONE,
            cite::sx_safety_net_2023("一(五)"),
        )?,
        Some(standard) => {
            let mut check = ctx.household_income_test(
                CheckKey::PhaseOutIncome,
                "就业后家庭人均收入超过当地低保标准",
                Comparison::Above,
                standard.annual,
                ThresholdName::Standard,
                cite::sx_safety_net_2023("一(五)"),
            )?;
            if check.outcome == Outcome::Fail {
                check.explanation.push("收入仍未超过标准，按规定继续享受低保，不涉及渐退。");
            }
            check
        }
    };
    let notes = vec![format!(
        "可给予{}个月的渐退期（{}），由当地决定；收入变化要及时告知乡镇（街道）。",
        months.value, months.source
    )
    .into()];
    Ok(CategoryResult::from_checks(
        Category::PhaseOut,
        Subject::Household,
        Category::PhaseOut.name(),
        vec![current, work, above],
        notes,
    ))
}

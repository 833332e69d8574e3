//! 低保边缘家庭 — marginal families.
//!
//! 山西 (晋民发〔2024〕6号 二(一); also 晋民发〔2023〕31号 一(四)): "最低生活保障边缘家庭一般指不符合最低
//! 生活保障条件，人均收入低于当地最低生活保障标准的 1.5 倍，且家庭财产状况符合当地相关规定的家庭。"
//!
//! 广西 (桂民发〔2024〕34号 一(一)): "低保边缘家庭收入标准为家庭人均收入高于当地低保标准，但低于当地
//! 低保标准2倍（具体以各设区市公布的标准为准）" — note 高于: a household exactly at the standard is
//! neither 低保 (低于) nor 边缘 by the letter; the engine says so and sends it to the office.
//!
//! 山东 (送审稿 一.1): "低保边缘家庭成员等低收入人口的认定，按照现有规定执行" — the existing rule is not
//! in our sources, so the national default applies, clearly marked: below 1.5 × the standard, which a
//! locality may raise to 2 × (国办发〔2023〕39号). Between 1.5 × and 2 × the answer is local.
//!
//! Apply as a family; the procedure follows 低保 (晋民发〔2024〕6号 二(二)).

use crate::engine::check_key::CheckKey;
use crate::engine::citation::{cite, Citation};
use crate::engine::context::{times_standard, Context};
use crate::engine::money::{self, MoneyError};
use crate::engine::outcome::{
    Category, CategoryResult, Check, Comparison, LocalRule, LocalRules, Outcome, Status, Subject, ThresholdName,
};
use crate::engine::policy::MarginalVariant;
use rust_decimal::Decimal;

fn definition(variant: &MarginalVariant) -> Citation {
    match variant {
        MarginalVariant::Shanxi2024 => cite::sx_marginal_2024("二(一)"),
        MarginalVariant::Guangxi2024 => cite::gx_monitoring_2024("一(一)"),
        MarginalVariant::National2023 { .. } => cite::national_monitoring_2023("低保边缘家庭"),
    }
}

/// `dibao` is the household's 低保 result and `earlier` the results assessed before it (山西's
/// 支出型贫困 among them, a route into 低保): 边缘 is for households that are not 低保 by either.
pub fn assess(ctx: &Context, dibao: &CategoryResult, earlier: &[CategoryResult]) -> Result<CategoryResult, MoneyError> {
    let rule = &ctx.pack.rules.marginal;
    let variant = &rule.variant;
    let name = Category::Marginal.name();
    let Some(multiplier) = ctx.param(&rule.multiplier) else {
        return Ok(CategoryResult::not_applicable(
            Category::Marginal,
            format!("政策包中边缘家庭倍数在 {} 尚未生效。", ctx.day),
        ));
    };
    let mut checks = Vec::new();
    let mut notes = Vec::new();
    match variant {
        MarginalVariant::Shanxi2024 | MarginalVariant::National2023 { .. } => {
            let routes =
                std::iter::once(dibao).chain(earlier.iter().filter(|r| r.category == Category::ExpenditurePoverty));
            checks.push(not_dibao(routes, definition(variant)))
        }
        MarginalVariant::Guangxi2024 => checks.push(above_standard(ctx)?),
    }
    let upper = variant.local_upper_multiplier().and_then(|p| ctx.param(p));
    checks.push(match &ctx.standard {
        None => ctx.household_income_without_standard(
            CheckKey::MarginalIncome,
            ctx.words(|| format!("家庭人均收入低于{}", times_standard(multiplier.value))),
            Comparison::Below,
            multiplier.value,
            multiplier.source.clone(),
        )?,
        Some(standard) => {
            let mut check = ctx.household_income_test(
                CheckKey::MarginalIncome,
                ctx.words(|| format!("家庭人均收入低于{}", times_standard(multiplier.value))),
                Comparison::Below,
                money::mul(standard.annual, multiplier.value)?,
                ThresholdName::TimesStandard(multiplier.value),
                multiplier.source.clone(),
            )?;
            // National default: a locality may raise 1.5 × to 2 ×; between the two only it can say.
            if let (Outcome::Fail, Some(upper)) = (check.outcome, upper) {
                let upper_limit = money::mul(money::mul(standard.annual, upper.value)?, ctx.members)?;
                ctx.note_standard_comparison(
                    ctx.net_income,
                    money::mul(money::mul(upper.value, ctx.members)?, Decimal::from(12))?,
                );
                if ctx.net_income < upper_limit {
                    check.outcome = Outcome::Unknown;
                    check.waits_on = LocalRules::of(LocalRule::MarginalMultiplier);
                    if ctx.explains() {
                        check.explanation.push(format!(
                            "但低于{}：国家允许各地把边缘家庭标准放宽到{}，请向当地确认采用哪一标准（{}）。",
                            times_standard(upper.value),
                            times_standard(upper.value),
                            upper.source
                        ));
                    }
                }
            }
            check
        }
    });
    checks.push(ctx.property_check(CheckKey::MarginalProperty, definition(variant)));
    if let MarginalVariant::National2023 { deferred_by: Some(deferred), .. } = &rule.variant {
        notes.push(
            format!(
                "本省文件（{}）规定边缘家庭“按照现有规定执行”，现行省级标准未收录，这里采用国家默认规则。",
                deferred
            )
            .into(),
        );
    }
    notes.push("低保边缘家庭以家庭为单位申请，申请受理、收入财产核查等参照低保办理。".into());
    Ok(CategoryResult::from_checks(Category::Marginal, Subject::Household, name, checks, notes))
}

/// 山西 and national: "不符合低保条件". Decided from the results that lead into 低保 — 低保 itself and,
/// in 山西, 支出型贫困 (纳入低保, 晋民发〔2022〕60号 三(一)) — taking the best: likely → not 边缘;
/// undecided → 边缘 only if 低保 is refused, which waits on whatever that result waits on.
fn not_dibao<'r>(routes: impl Iterator<Item = &'r CategoryResult>, citation: Citation) -> Check {
    let routes: Vec<&CategoryResult> = routes.filter(|r| r.status != Status::NotApplicable).collect();
    let expenditure_route = routes.iter().any(|r| r.category == Category::ExpenditurePoverty);
    let Some(best) = routes.iter().min_by_key(|r| r.status) else {
        return Check::fact(CheckKey::MarginalNotDibao, "不符合低保条件", Outcome::Pass, "不符合低保条件。", citation);
    };
    let via_expenditure = best.category == Category::ExpenditurePoverty;
    let (outcome, text) = match best.status {
        Status::Likely if via_expenditure => {
            (Outcome::Fail, "您家看来可以按支出型贫困家庭纳入低保，应按低保审核（优先类别）。".to_string())
        }
        Status::Likely => (Outcome::Fail, "您家看来符合低保条件，应按低保审核（优先类别）。".to_string()),
        // The income test is met and only property is open: the one case where income is known to
        // be below the standard.
        Status::NeedsLocalCheck if best.decided_by == Some(LocalRule::Property) && !via_expenditure => (
            Outcome::Unknown,
            "您家收入已低于低保标准，将先按低保审核；若当地因财产条件不予纳入低保，可再按边缘家庭认定。".to_string(),
        ),
        Status::NeedsLocalCheck => {
            let rules: Vec<&str> = best.waits_on.iter().map(|r| r.label()).collect();
            let what = if rules.is_empty() { "当地核实".to_string() } else { rules.join("、") };
            let routes = if expenditure_route { "（含按支出型贫困纳入低保）" } else { "" };
            (
                Outcome::Unknown,
                format!("是否符合低保{routes}还要看{what}：符合的先按低保审核，不符合的再按边缘家庭认定。"),
            )
        }
        Status::Unlikely | Status::NotApplicable => (Outcome::Pass, "不符合低保条件。".to_string()),
    };
    // Undecided only while 低保 is: it waits on whatever the deciding result waits on.
    Check::fact(CheckKey::MarginalNotDibao, "不符合低保条件", outcome, text, citation).waiting_on(best.waits_on)
}

/// 广西: "家庭人均收入高于当地低保标准".
fn above_standard(ctx: &Context) -> Result<Check, MoneyError> {
    let citation = definition(&MarginalVariant::Guangxi2024);
    let label = "家庭人均收入高于当地低保标准";
    let Some(standard) = &ctx.standard else {
        return ctx.household_income_without_standard(
            CheckKey::MarginalAboveStandard,
            label,
            Comparison::Above,
            Decimal::ONE,
            citation,
        );
    };
    let mut check = ctx.household_income_test(
        CheckKey::MarginalAboveStandard,
        label,
        Comparison::Above,
        standard.annual,
        ThresholdName::Standard,
        citation,
    )?;
    let at_standard = money::mul(standard.annual, ctx.members)? == ctx.net_income;
    if at_standard {
        check.outcome = Outcome::Unknown;
        check
            .explanation
            .push("文件写明低保为“低于”标准、边缘为“高于”标准，恰好相等的情形文件没有规定，请向乡镇（街道）咨询。");
    } else if check.outcome == Outcome::Fail {
        check.explanation.push("收入低于低保标准的家庭应按低保审核（优先类别）。");
    }
    Ok(check)
}

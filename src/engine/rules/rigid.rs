//! 刚性支出困难家庭 — households in hardship because of large rigid spending.
//!
//! 广西 (桂民发〔2024〕34号 一(一)): "刚性支出困难家庭收入标准为家庭人均年收入低于上年度当地居民人均可支配
//! 收入，家庭刚性支出较大导致收不抵支，或收支相抵后收入低于当地低保标准2倍（具体以各设区市公布的标准为准）。"
//! Both branches are read per person over a year: 收不抵支 is income − rigid spending < 0, which the
//! second branch (income − rigid spending < 2 × standard) already contains; both are reported.
//!
//! 山东 (送审稿 一.1): "刚性支出困难家庭认定办法另行制定" — not yet issued, so the national default
//! applies, clearly marked. 山西's seeds have no such rule (their route is 支出型贫困, into 低保).
//!
//! National default (2024 办法, from reprints): "刚性支出困难家庭一般指不符合最低生活保障、特困人员救助
//! 供养、低保边缘家庭条件" — so first, the household is not in (and does not qualify for) 低保 or 边缘;
//! then per-capita income below last year's local per-capita
//! disposable income; property within local rules; rigid spending over the last 12 months above a
//! share of household income that each locality sets (60 %–90 % have been seen: no single number, so
//! without a pack value this condition goes to the office). Rigid spending here is 医疗 + 教育 +
//! 残疾康复 + other necessary spending; the national 办法 also counts basic living costs, which the
//! office assesses.

use rust_decimal::Decimal;

use crate::engine::check_key::CheckKey;
use crate::engine::citation::{cite, Citation};
use crate::engine::context::{times_standard, Context, PerCapitaTest};
use crate::engine::money::{self, MoneyError, Yuan};
use crate::engine::outcome::{
    Basis, Category, CategoryResult, Check, Comparison, Explanation, Figure, LocalRule, LocalRules, Outcome, Status,
    Subject, ThresholdName,
};
use crate::engine::policy::{Param, RigidVariant};

/// Medical + disability care + every student's fees + other rigid spending over 12 months.
pub fn rigid_total(ctx: &Context) -> Result<Decimal, MoneyError> {
    let s = &ctx.household.spending;
    let education = ctx.household.student_fees(|_| true)?;
    money::sum([s.medical.annual()?, s.disability_care.annual()?, education, s.other_rigid.annual()?])
}

/// `earlier` holds the results already assessed (低保, its routes and 边缘), which the national
/// rule's first condition reads.
pub fn assess(ctx: &Context, earlier: &[CategoryResult]) -> Result<CategoryResult, MoneyError> {
    let rule = &ctx.pack.rules.rigid_expenditure;
    let rigid = rigid_total(ctx)?;
    let (definition, income_citation) = match &rule.variant {
        RigidVariant::Guangxi2024 { .. } => (cite::gx_monitoring_2024("一(一)"), cite::gx_monitoring_2024("一(一)")),
        RigidVariant::National2024 { .. } => (
            cite::national_marginal_rigid_2024("刚性支出困难家庭的认定"),
            cite::national_marginal_rigid_2024("家庭人均收入低于上年度当地居民人均可支配收入"),
        ),
    };
    let mut checks = Vec::new();
    if matches!(rule.variant, RigidVariant::National2024 { .. }) {
        checks.push(not_in_higher_category(ctx, earlier));
    }
    checks.push(Check {
        figure: Some(Figure::yuan(rigid)),
        ..Check::fact(
            CheckKey::RigidHasSpending,
            "有医疗、教育、康复等刚性支出",
            Outcome::from_bool(rigid > Decimal::ZERO),
            ctx.words(|| format!("12个月刚性支出（医疗、残疾康复护理、教育及其他必需支出）共{}元。", Yuan(rigid))),
            definition.clone(),
        )
    });
    checks.push(disposable_income_check(ctx, income_citation)?);
    let mut notes = Vec::new();
    match &rule.variant {
        RigidVariant::Guangxi2024 { income_gap_multiplier } => {
            let multiplier = ctx.param(income_gap_multiplier);
            checks.push(match (multiplier, &ctx.standard) {
                (Some(m), Some(standard)) => {
                    let after = money::sub(ctx.net_income, rigid)?;
                    let mut check = PerCapitaTest {
                        key: CheckKey::RigidAfterSpending,
                        label: format!("收不抵支，或收支相抵后人均收入低于{}", times_standard(m.value)).into(),
                        figure_name: "收支相抵后人均月收入",
                        basis: Basis::IncomeMinus {
                            net: ctx.net_income, cost_label: "刚性支出".into(), cost: rigid
                        },
                        household_annual: after,
                        members: ctx.members,
                        comparison: Comparison::Below,
                        threshold_annual: money::mul(standard.annual, m.value)?,
                        threshold_name: ThresholdName::TimesStandard(m.value),
                        citation: m.source.clone(),
                        undecided_annual: ctx.income.locally_decided,
                    }
                    .evaluate(ctx)?;
                    if after < Decimal::ZERO {
                        check.explanation.push("刚性支出已超过收入（收不抵支）。");
                    }
                    check
                }
                (None, _) => Check::fact(
                    CheckKey::RigidAfterSpending,
                    "收支相抵后收入低于低保标准的倍数",
                    Outcome::Unknown,
                    format!("倍数参数在 {} 尚未生效。", ctx.day),
                    cite::gx_monitoring_2024("一(一)"),
                ),
                (Some(m), None) => PerCapitaTest {
                    key: CheckKey::RigidAfterSpending,
                    label: format!("收不抵支，或收支相抵后人均收入低于{}", times_standard(m.value)).into(),
                    figure_name: "收支相抵后人均月收入",
                    basis: Basis::IncomeMinus { net: ctx.net_income, cost_label: "刚性支出".into(), cost: rigid },
                    household_annual: money::sub(ctx.net_income, rigid)?,
                    members: ctx.members,
                    comparison: Comparison::Below,
                    threshold_annual: Decimal::ZERO,
                    threshold_name: ThresholdName::TimesStandard(m.value),
                    citation: m.source.clone(),
                    undecided_annual: ctx.income.locally_decided,
                }
                .against_unknown_standard(m.value)?,
            });
            notes.push("具体标准以各设区市公布的为准。".into());
        }
        RigidVariant::National2024 { spending_ratio, deferred_by } => {
            checks.push(ratio_check(ctx, rigid, spending_ratio)?);
            match deferred_by {
                Some(deferred) if ctx.explains() => notes.push(
                    format!(
                        "本省文件（{}）规定刚性支出困难家庭认定办法“另行制定”，尚未发布，这里采用国家默认规则。",
                        deferred
                    )
                    .into(),
                ),
                Some(_) => {}
                None => notes.push("本省文件没有刚性支出困难家庭的规定，这里采用国家默认规则。".into()),
            }
            notes.push("国家办法的刚性支出还包括基本生活支出，由当地核算。".into());
        }
    }
    checks.push(ctx.property_check(CheckKey::RigidProperty, definition));
    notes.push("按“特困→低保→低保边缘→刚性支出困难”的顺序审核，家庭认定为最优先的一类。".into());
    Ok(CategoryResult::from_checks(
        Category::RigidExpenditure,
        Subject::Household,
        Category::RigidExpenditure.name(),
        checks,
        notes,
    ))
}

/// National: "不符合最低生活保障、特困人员救助供养、低保边缘家庭条件". A household that receives 低保
/// now fails it; one that this assessment finds likely for 低保 (directly or by 支出型贫困) or for
/// 边缘 is reviewed in that category first (送审稿 一.2), so fails it too; while those are undecided,
/// so is this, waiting on what they wait on. 特困 is assessed per person, so it is not read here: a
/// 特困 member does not by itself put the household in a category.
fn not_in_higher_category(ctx: &Context, earlier: &[CategoryResult]) -> Check {
    let higher = || {
        earlier
            .iter()
            .filter(|r| matches!(r.category, Category::Dibao | Category::ExpenditurePoverty | Category::Marginal))
    };
    let undecided: Vec<&CategoryResult> = higher().filter(|r| r.status == Status::NeedsLocalCheck).collect();
    let (outcome, explanation) = if ctx.household.situation.receives_dibao {
        (Outcome::Fail, Explanation::from("您家正在享受低保，已属于更优先的类别，不再认定为刚性支出困难家庭。"))
    } else if let Some(likely) = higher().find(|r| r.status == Status::Likely) {
        (Outcome::Fail, ctx.words(|| format!("您家看来符合“{}”，按审核顺序应先认定为该类别。", likely.name)).into())
    } else if undecided.is_empty() {
        (Outcome::Pass, Explanation::from("不符合低保和低保边缘家庭条件，也没有在享受低保。"))
    } else {
        let text = ctx.words(|| {
            let names: Vec<&str> = undecided.iter().map(|r| r.name.as_ref()).collect();
            format!("您家可能符合“{}”，将先按该类别审核；不被认定时，可再按刚性支出困难家庭认定。", names.join("”“"))
        });
        (Outcome::Unknown, text.into())
    };
    Check::fact(
        CheckKey::RigidNotHigherCategory,
        "不属于低保家庭或低保边缘家庭",
        outcome,
        explanation,
        cite::national_marginal_rigid_2024("不符合最低生活保障、特困人员救助供养、低保边缘家庭条件"),
    )
    .waiting_on(undecided.iter().fold(LocalRules::NONE, |all, r| all.union(r.waits_on)))
}

/// "家庭人均年收入低于上年度当地居民人均可支配收入".
fn disposable_income_check(ctx: &Context, citation: Citation) -> Result<Check, MoneyError> {
    let label = "家庭人均年收入低于上年度当地居民人均可支配收入";
    let Some(disposable) = &ctx.disposable_income else {
        return Ok(Check::fact(
            CheckKey::RigidDisposableIncome,
            label,
            Outcome::Unknown,
            "不知道当地上年度居民人均可支配收入（统计公报公布）。请填写，或向乡镇（街道）询问。",
            citation,
        )
        .waiting_on(LocalRules::of(LocalRule::DisposableIncome)));
    };
    let mut check = ctx.household_income_test(
        CheckKey::RigidDisposableIncome,
        label,
        Comparison::Below,
        disposable.annual,
        ThresholdName::Named("上年度居民人均可支配收入"),
        citation,
    )?;
    if ctx.explains() {
        check.explanation.push(format!("所用数值：{}。", disposable.describe()));
    }
    Ok(check)
}

/// National: rigid spending / household income above the local share.
fn ratio_check(ctx: &Context, rigid: Decimal, spending_ratio: &Option<Param<Decimal>>) -> Result<Check, MoneyError> {
    let ratio = spending_ratio.as_ref().and_then(|p| ctx.param(p));
    let shown = if ctx.net_income > Decimal::ZERO {
        Some(money::mul(money::div(rigid, ctx.net_income)?, Decimal::from(100))?)
    } else {
        None
    };
    let figure = shown.map(|p| Figure::quantity(p, "%"));
    let described = || match shown {
        Some(p) => format!("刚性支出{}元，占家庭收入{}元的{}%", Yuan(rigid), Yuan(ctx.net_income), Yuan(p)),
        None => format!("刚性支出{}元，家庭没有计入收入", Yuan(rigid)),
    };
    let label = "刚性支出占家庭收入的比例超过当地规定";
    Ok(match ratio {
        None => Check {
            figure,
            ..Check::fact(
                CheckKey::RigidRatio,
                label,
                Outcome::Unknown,
                ctx.words(|| format!("{}。比例由当地规定，现有文件没有给出数字，请向乡镇（街道）咨询。", described())),
                cite::national_marginal_rigid_2024("刚性支出占家庭总收入的比例"),
            )
            .waiting_on(LocalRules::of(LocalRule::SpendingRatio))
        },
        Some(r) => {
            // rigid / income > ratio, decided as rigid > ratio × income (no division).
            let pass = rigid > money::mul(r.value, ctx.net_income)?;
            let percent = money::mul(r.value, Decimal::from(100))?;
            Check {
                figure,
                comparison: Some(Comparison::Above),
                threshold: Some(Figure::quantity(percent, "%")),
                ..Check::fact(
                    CheckKey::RigidRatio,
                    label,
                    Outcome::from_bool(pass),
                    ctx.words(|| format!("{}；当地比例为{}%。", described(), Yuan(percent))),
                    r.source.clone(),
                )
            }
        }
    })
}

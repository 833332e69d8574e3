//! 支出型贫困家庭 — 山西's route into 低保 for households above the standard whose rigid spending on
//! illness, disability or schooling leaves them in hardship (晋民发〔2022〕60号; 晋民发〔2023〕31号 一(三)).
//!
//! 二: "支出型贫困家庭，指家庭成员因病、因残、因学等刚性支出较大造成基本生活困难，且家庭财产状况符合
//! 当地人民政府规定条件的家庭。"
//!
//! 二(一) 因病致贫家庭应同时符合以下条件：1、提出申请前12个月的家庭收入，扣除同期发生的医疗费用刚性
//! 支出（…由个人负担的实际支出）后，家庭人均收入低于当地最低生活保障标准；2、家庭拥有金融资产总额，
//! 人均应不超过当地36个月最低生活保障标准之和；3、疾病尚未痊愈，仍需进行相应治疗。
//!
//! 二(二) 因残致贫家庭: 1、持有中华人民共和国残疾人证的残疾人，…扣除同期发生的残疾人辅助器械、康复治疗、
//! 康复训练、照料护理费用刚性支出…后，家庭人均收入低于当地最低生活保障标准；2、(36个月)；3、仍需进行
//! 后续康复治疗、康复训练或照料护理。
//!
//! 二(三) 因学致贫家庭: 1、家庭成员中有全日制本科及以下学历教育阶段的学生（除高收费学校就读，含入托、
//! 出国留学）；2、…扣除一学年教育费用刚性支出…后，家庭人均收入低于当地最低生活保障标准；3、(36个月)。
//!
//! 二(四) 多重原因致贫家庭: "只要符合因病致贫、因残致贫、因学致贫等情况的认定条件，在核算家庭收支时，
//! 其实际发生的医疗、康复、教育费用等刚性支出可从家庭收入中一并扣除。"
//!
//! Readings, stated so they can be challenged: in 二(三)1 the parenthesis excludes study at high-fee
//! schools, "including" (含) high-fee nurseries and study abroad; ordinary 入托 and kindergarten count,
//! as 二(三)2 deducts 保育教育费. In 二(四), a household "has several causes" when the non-income
//! conditions of two or more causes hold (in treatment; 残疾人证 and still needs care; an eligible
//! student); the costs of those causes are then deducted together. In 二(三)2 "一学年教育费用" is the
//! fees of the students 二(三)1 admits: a postgraduate's, or a student's abroad or at a high-fee
//! school, are not deducted (fees are asked per student for this reason).

use std::borrow::Cow;

use rust_decimal::Decimal;

use crate::engine::by_standard::{condition_words, Side};
use crate::engine::check_key::CheckKey;
use crate::engine::citation::{cite, SharedText};
use crate::engine::context::{Context, PerCapitaTest};
use crate::engine::household::{EducationLevel, Member};
use crate::engine::money::{self, MoneyError, Yuan};
use crate::engine::outcome::{
    AssetSentence, Basis, Category, CategoryResult, Check, Comparison, Explanation, Figure, LocalRule, LocalRules,
    Outcome, Subject, ThresholdName,
};
use crate::engine::policy::Dated;
use crate::engine::policy::PolicyPack;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Cause {
    Illness,
    Disability,
    Education,
}

impl Cause {
    fn label(self) -> &'static str {
        match self {
            Cause::Illness => "因病",
            Cause::Disability => "因残",
            Cause::Education => "因学",
        }
    }

    /// The income condition of each cause (after its costs are deducted).
    fn income_article(self) -> &'static str {
        match self {
            Cause::Illness => "二(一)1",
            Cause::Disability => "二(二)1",
            Cause::Education => "二(三)2",
        }
    }

    /// The 36-month financial-asset condition of each cause.
    fn asset_article(self) -> &'static str {
        match self {
            Cause::Illness => "二(一)2",
            Cause::Disability => "二(二)2",
            Cause::Education => "二(三)3",
        }
    }

    fn cost_label(self) -> &'static str {
        match self {
            Cause::Illness => "医疗费用个人负担部分",
            Cause::Disability => "辅助器械、康复、照料护理费用个人负担部分",
            Cause::Education => "一学年学费、住宿费、保育教育费个人负担部分",
        }
    }
}

/// Whether the answers to "高收费学校" and "出国留学" can change any result for a student at `level`
/// (`full_time` as answered): only 二(三)1 reads them, so only in a pack with 山西's 支出型贫困 rule,
/// for a full-time student (or one not yet said) up to 本科 — a postgraduate or a part-time
/// student is not admitted whatever the answers. Elsewhere the page does not ask them.
pub fn school_kind_matters(pack: &PolicyPack, level: EducationLevel, full_time: Option<bool>) -> bool {
    pack.rules.expenditure_poverty.is_some() && level <= EducationLevel::Undergraduate && full_time != Some(false)
}

/// Whether a student's schooling counts under 二(三)1.
pub fn eligible_student(member: &Member) -> bool {
    member
        .student
        .is_some_and(|s| s.full_time && !s.high_fee_school && !s.abroad && s.level <= EducationLevel::Undergraduate)
}

/// 山西's 支出型贫困: one result per cause present (因病, 因残, 因学), and one for several causes
/// together when the conditions of two or more hold; not applicable in packs without the rule.
pub fn assess(ctx: &Context) -> Result<Vec<CategoryResult>, MoneyError> {
    let Some(rule) = &ctx.pack.rules.expenditure_poverty else {
        return Ok(vec![CategoryResult::not_applicable(
            Category::ExpenditurePoverty,
            format!(
                "支出型贫困家庭是山西的规定，{}的政策包没有收录；因病因学等支出较大的家庭可看“刚性支出困难家庭”。",
                ctx.pack.name
            ),
        )]);
    };
    let Some(months) = ctx.param(&rule.asset_limit_months) else {
        return Ok(vec![CategoryResult::not_applicable(
            Category::ExpenditurePoverty,
            format!("相关参数在 {} 尚未生效。", ctx.day),
        )]);
    };
    let members = &ctx.household.members;
    let spending = &ctx.household.spending;
    let mut results = Vec::new();
    let mut present: Vec<(Cause, Decimal, Check)> = Vec::new();

    for cause in [Cause::Illness, Cause::Disability, Cause::Education] {
        let (condition, cost) = match cause {
            Cause::Illness => {
                if !members.iter().any(|m| m.illness.is_some()) {
                    continue;
                }
                let treating = members.iter().any(|m| m.illness.is_some_and(|i| i.in_treatment));
                (
                    Check::fact(
                        CheckKey::ExpenditureIllnessTreatment,
                        "疾病尚未痊愈，仍需进行相应治疗",
                        Outcome::from_bool(treating),
                        if treating {
                            "有家庭成员仍在治疗。"
                        } else {
                            "患病成员已不需要继续治疗。"
                        },
                        cite::sx_expenditure_2022("二(一)3"),
                    ),
                    spending.medical.annual()?,
                )
            }
            Cause::Disability => {
                if !members.iter().any(|m| m.disability.is_some()) {
                    continue;
                }
                let needs_care = members.iter().any(|m| m.disability.is_some_and(|d| d.needs_ongoing_care));
                (
                    Check::fact(
                        CheckKey::ExpenditureDisabilityCare,
                        "持有残疾人证，仍需后续康复治疗、康复训练或照料护理",
                        Outcome::from_bool(needs_care),
                        if needs_care {
                            "有持证残疾人仍需康复或照料护理。"
                        } else {
                            "持证残疾人已不需要后续康复或照料护理。"
                        },
                        cite::sx_expenditure_2022("二(二)1、3"),
                    ),
                    spending.disability_care.annual()?,
                )
            }
            Cause::Education => {
                if !members.iter().any(|m| m.student.is_some()) {
                    continue;
                }
                let eligible = members.iter().any(eligible_student);
                // Only the fees of the students 二(三)1 admits are deducted under 二(三)2.
                let counted = ctx.household.student_fees(eligible_student)?;
                let excluded = ctx.household.student_fees(|m| !eligible_student(m))?;
                let mut explanation = Explanation::from(if eligible {
                    "有符合条件的在读学生。"
                } else {
                    "在读成员为研究生、非全日制、就读高收费学校或出国留学，不在此列。"
                });
                if eligible && excluded > Decimal::ZERO && ctx.explains() {
                    explanation.push(format!(
                        "研究生、非全日制、高收费学校或出国留学成员的教育费用{}元不在扣除之列。",
                        Yuan(excluded)
                    ));
                }
                (
                    Check::fact(
                        CheckKey::ExpenditureEducationStudent,
                        "有全日制本科及以下学历教育阶段的学生（不含高收费学校、出国留学）",
                        Outcome::from_bool(eligible),
                        explanation,
                        cite::sx_expenditure_2022("二(三)1"),
                    ),
                    counted,
                )
            }
        };
        if condition.outcome == Outcome::Pass {
            // The same finding for 多重原因 (a fresh check: deriving Clone for a whole check would
            // cost the page more than writing the sentence again).
            let again = Check::fact(
                condition.key,
                condition.label.clone(),
                Outcome::Pass,
                condition.explanation.to_string(),
                condition.citation.clone(),
            );
            present.push((cause, cost, again));
        }
        let income =
            income_after(ctx, income_key(cause), cause.cost_label().into(), cost, cause.income_article().into())?;
        let assets = asset_check(ctx, months, cause.asset_article())?;
        let property = ctx.property_check(CheckKey::ExpenditureProperty, cite::sx_expenditure_2022("二"));
        let checks = match cause {
            Cause::Education => vec![condition, income, assets, property],
            _ => vec![income, assets, condition, property],
        };
        results.push(CategoryResult::from_checks(
            Category::ExpenditurePoverty,
            Subject::Household,
            ctx.words(|| format!("{}——{}致贫", Category::ExpenditurePoverty.name(), cause.label())),
            checks,
            vec!["符合条件的支出型贫困家庭按规定纳入低保（晋民发〔2022〕60号 三(一)；晋民发〔2023〕31号 一(三)）。"
                .into()],
        ));
    }

    if present.len() >= 2 {
        let total = money::sum(present.iter().map(|(_, cost, _)| *cost))?;
        let causes: Vec<&str> = present.iter().map(|(c, _, _)| c.label()).collect();
        let costs: Vec<&str> = present.iter().map(|(c, _, _)| c.cost_label()).collect();
        let label = ctx.words(|| format!("{}合计", costs.join("、")));
        let income = income_after(ctx, CheckKey::ExpenditureMultipleIncome, label.into(), total, "二(四)".into())?;
        let assets = asset_check(ctx, months, "二(一)2、二(二)2、二(三)3")?;
        let property = ctx.property_check(CheckKey::ExpenditureProperty, cite::sx_expenditure_2022("二"));
        results.push(CategoryResult::from_checks(
            Category::ExpenditurePoverty,
            Subject::Household,
            ctx.words(|| format!("{}——多重原因致贫（{}）", Category::ExpenditurePoverty.name(), causes.join("、"))),
            // "只要符合因病致贫、因残致贫、因学致贫等情况的认定条件": each cause's own condition is
            // part of the rule, and what the office will ask to see (the diagnosis, the certificate).
            present.into_iter().map(|(_, _, condition)| condition).chain([income, assets, property]).collect(),
            vec!["存在多重致贫因素时，实际发生的医疗、康复、教育费用可从家庭收入中一并扣除。".into()],
        ));
    }

    if results.is_empty() {
        results.push(CategoryResult::not_applicable(
            Category::ExpenditurePoverty,
            "家庭中没有患病、持证残疾或在读的成员。".to_string(),
        ));
    }
    Ok(results)
}

fn income_key(cause: Cause) -> CheckKey {
    match cause {
        Cause::Illness => CheckKey::ExpenditureIllnessIncome,
        Cause::Disability => CheckKey::ExpenditureDisabilityIncome,
        Cause::Education => CheckKey::ExpenditureEducationIncome,
    }
}

/// "12个月家庭收入扣除…后，家庭人均收入低于当地最低生活保障标准".
fn income_after(
    ctx: &Context,
    key: CheckKey,
    cost_label: Cow<'static, str>,
    cost: Decimal,
    article: SharedText,
) -> Result<Check, MoneyError> {
    let label = ctx.words(|| format!("扣除{}后家庭人均收入低于低保标准", cost_label));
    let test = PerCapitaTest {
        key,
        label: label.into(),
        figure_name: "扣除后家庭人均月收入",
        basis: Basis::IncomeMinus { net: ctx.net_income, cost_label, cost },
        household_annual: money::sub(ctx.net_income, cost)?,
        members: ctx.members,
        comparison: Comparison::Below,
        threshold_annual: ctx.standard.as_ref().map_or(Decimal::ZERO, |s| s.annual),
        threshold_name: ThresholdName::Standard,
        citation: cite::sx_expenditure_2022(article),
        undecided_annual: ctx.income.locally_decided,
    };
    match ctx.standard {
        Some(_) => test.evaluate(ctx),
        None => test.against_unknown_standard(Decimal::ONE),
    }
}

/// "家庭拥有金融资产总额，人均应不超过当地36个月最低生活保障标准之和", decided exactly as
/// financial × 12 ≤ months × annual standard × members.
fn asset_check(ctx: &Context, months: &Dated<Decimal>, article: &'static str) -> Result<Check, MoneyError> {
    let label = ctx.words(|| format!("人均金融资产不超过{}个月低保标准之和", months.value.normalize()));
    let financial = ctx.household.assets.financial.amount();
    let per_person = money::div(financial, ctx.members)?;
    let Some(standard) = &ctx.standard else {
        // Without a standard, the household's own figure says at which standards the limit holds:
        // financial ÷ members ≤ months × S, so S ≥ financial ÷ members ÷ months.
        let citation = cite::sx_expenditure_2022(article);
        if financial.is_zero() {
            return Ok(Check::fact(
                CheckKey::ExpenditureAssets,
                label,
                Outcome::Pass,
                "您家没有申报金融资产，不论当地低保标准多少，这一条都符合。",
                citation,
            ));
        }
        let bound = money::div(per_person, months.value)?;
        return Ok(Check {
            figure: Some(Figure::quantity(per_person, "元/人")),
            ..Check::fact(
                CheckKey::ExpenditureAssets,
                label,
                Outcome::Unknown,
                format!(
                    "人均金融资产{}元：只要当地低保标准{}（{}个月合计不少于人均金融资产），这一条就符合。{}",
                    Yuan(per_person),
                    condition_words(bound, Side::AtLeast),
                    months.value.normalize(),
                    LocalRule::Standard.what_to_ask()
                ),
                citation,
            )
            .waiting_on(LocalRules::of(LocalRule::Standard))
        });
    };
    let lhs = money::mul(financial, Decimal::from(12))?;
    let rhs = money::mul(money::mul(months.value, standard.annual)?, ctx.members)?;
    ctx.note_standard_comparison(lhs, money::mul(money::mul(months.value, Decimal::from(12))?, ctx.members)?);
    let limit = money::div(money::mul(months.value, standard.annual)?, Decimal::from(12))?;
    let gap = money::Money::display_rounded(money::sub(limit, per_person)?);
    Ok(Check {
        key: CheckKey::ExpenditureAssets,
        label: label.into(),
        figure: Some(Figure::quantity(per_person, "元/人")),
        comparison: Some(Comparison::AtMost),
        threshold: Some(Figure::quantity(limit, "元/人")),
        gap: Some(gap),
        outcome: Outcome::from_bool(lhs <= rhs),
        explanation: Explanation::assets(AssetSentence {
            financial,
            members: ctx.members,
            per_person,
            months: months.value,
            standard_month: standard.monthly,
            limit,
        }),
        citation: cite::sx_expenditure_2022(article),
        waits_on: LocalRules::NONE,
        standard_above: None,
    })
}

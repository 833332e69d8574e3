//! 低保单人户 — members included in 低保 on their own ("参照单人户").
//!
//! 晋民发〔2023〕31号 一(二): "成年无业重度残疾人可以参照“单人户”提出低保申请。依靠兄弟姐妹或者60周岁
//! 及以上老年人供养的成年无业重度残疾人，在评估认定其家庭经济状况时，兄弟姐妹或者60周岁及以上老年人
//! 给付的供养费用予以豁免；经营净收入、财产净收入只计算其个人应得部分，在认定其财产时，只评估个人拥有
//! 的财产".
//!
//! 晋民发〔2023〕31号 一(四): "对低保边缘家庭中的重度残疾人、重病患者等特殊困难人员，经本人申请，可参照
//! “单人户”纳入低保范围。"
//!
//! 山东 送审稿 三.6: "最低生活保障边缘家庭中的重病患者和持有中华人民共和国残疾人证的一、二级重度残疾人
//! 以及三级精神、智力残疾人等特殊困难人员可单独纳入最低生活保障范围。"
//!
//! "重度" is read as 一、二级 (the pack's `severe_up_to_grade`), the grades 山东's text names; 山西's text
//! does not list grades, so a 三级 精神/智力 member there is sent to the office rather than decided.

use crate::engine::check_key::CheckKey;
use crate::engine::citation::{cite, Citation};
use crate::engine::context::Context;
use crate::engine::household::{DisabilityKind, Member, WorkStatus};
use crate::engine::income::PersonalRule;
use crate::engine::money::MoneyError;
use crate::engine::outcome::{Category, CategoryResult, Check, Outcome, Status, Subject};
use crate::engine::policy::MarginalMemberSoloVariant;
use crate::engine::rules::MemberLabel;

fn is_mental_or_intellectual(kind: DisabilityKind) -> bool {
    matches!(kind, DisabilityKind::Mental | DisabilityKind::Intellectual)
}

/// 成年无业重度残疾人 (山西 一(二)).
pub fn assess_disabled(ctx: &Context) -> Result<Vec<CategoryResult>, MoneyError> {
    let Some(rule) = &ctx.pack.rules.solo_severely_disabled else {
        return Ok(vec![CategoryResult::not_applicable(
            Category::DibaoSoloDisabled,
            format!("{}的政策包没有收录成年无业重度残疾人单人户规定，可向当地咨询。", ctx.pack.name),
        )]);
    };
    let (Some(adult), Some(severe)) = (ctx.param(&rule.adult_age), ctx.param(&rule.severe_up_to_grade)) else {
        return Ok(vec![CategoryResult::not_applicable(
            Category::DibaoSoloDisabled,
            format!("相关参数在 {} 尚未生效。", ctx.day),
        )]);
    };
    if ctx.household.members.len() < 2 {
        return Ok(vec![CategoryResult::not_applicable(
            Category::DibaoSoloDisabled,
            "一人户直接按低保审核，无需参照单人户。".to_string(),
        )]);
    }
    let mut results = Vec::new();
    for (index, member) in ctx.household.members.iter().enumerate() {
        let Some(disability) = member.disability else { continue };
        if member.age.years() < adult.value {
            continue;
        }
        let grade = u32::from(disability.grade.value());
        let severity = if grade <= severe.value {
            Check::fact(
                CheckKey::SoloDisabledSevere,
                "重度残疾人",
                Outcome::Pass,
                ctx.words(|| {
                    format!(
                        "{}残疾{}，属于重度残疾（{}级及以上）。",
                        disability.kind.label(),
                        disability.grade.label(),
                        severe.value
                    )
                }),
                severe.source.clone(),
            )
        } else if grade == severe.value + 1 && is_mental_or_intellectual(disability.kind) {
            Check::fact(
                CheckKey::SoloDisabledSevere,
                "重度残疾人",
                Outcome::Unknown,
                format!(
                    "{}残疾{}：部分地区按重度对待，山西文件未列等级，请向当地核实。",
                    disability.kind.label(),
                    disability.grade.label()
                ),
                severe.source.clone(),
            )
        } else {
            continue;
        };
        let adult_check = Check::fact(
            CheckKey::SoloDisabledAdult,
            "成年人",
            Outcome::Pass,
            ctx.words(|| format!("{}岁，已满{}周岁。", member.age.years(), adult.value)),
            adult.source.clone(),
        );
        let (outcome, found) = match member.work {
            WorkStatus::Unemployed => (Outcome::Pass, "无业。"),
            WorkStatus::Unknown => (Outcome::Unknown, "未回答是否就业。"),
            _ => (Outcome::Fail, "有工作、在读或已退休，不属于无业。"),
        };
        let unemployed =
            Check::fact(CheckKey::SoloDisabledUnemployed, "无业", outcome, found, cite::sx_safety_net_2023("一(二)"));
        let income = own_income(ctx, index)?;
        let property = own_property(ctx);
        let name = ctx.words(|| format!("{}（{}）", Category::DibaoSoloDisabled.name(), MemberLabel(index, member)));
        let notes = vec!["兄弟姐妹或60周岁以上老人给付的供养费用予以豁免，不计入本人收入；经营、财产净收入只计本人应得部分；只评估本人财产。".into()];
        results.push(CategoryResult::from_checks(
            Category::DibaoSoloDisabled,
            Subject::Member { index },
            name,
            vec![adult_check, severity, unemployed, income, property],
            notes,
        ));
    }
    if results.is_empty() {
        results.push(CategoryResult::not_applicable(
            Category::DibaoSoloDisabled,
            format!("家庭中没有{}周岁以上的重度残疾人。", adult.value),
        ));
    }
    Ok(results)
}

fn own_income(ctx: &Context, index: usize) -> Result<Check, MoneyError> {
    ctx.own_income_test(
        CheckKey::SoloDisabledIncome,
        "本人收入低于当地低保标准",
        index,
        PersonalRule::SoloDisabled,
        cite::sx_safety_net_2023("一(二)"),
    )
}

fn own_property(ctx: &Context) -> Check {
    let mut check = ctx.property_check(CheckKey::SoloDisabledProperty, cite::sx_safety_net_2023("一(二)"));
    check.label = "本人财产状况符合当地规定".into();
    if check.outcome == Outcome::Unknown {
        check.explanation = "单人户只评估本人拥有的财产；财产限额由当地规定，请向乡镇（街道）咨询。".into();
    }
    check
}

/// Members of a 低保边缘 family included in 低保 on their own (山西 一(四), 山东 三.6).
/// `marginal` is the household's 边缘 result, already assessed.
pub fn assess_marginal_members(ctx: &Context, marginal: &CategoryResult) -> Result<Vec<CategoryResult>, MoneyError> {
    let Some(rule) = &ctx.pack.rules.marginal_member_solo else {
        return Ok(vec![CategoryResult::not_applicable(
            Category::DibaoSoloMarginalMember,
            format!("{}的政策包没有收录边缘家庭成员单独纳入低保的规定，可向当地咨询。", ctx.pack.name),
        )]);
    };
    let Some(severe) = ctx.param(&rule.severe_up_to_grade) else {
        return Ok(vec![CategoryResult::not_applicable(
            Category::DibaoSoloMarginalMember,
            format!("相关参数在 {} 尚未生效。", ctx.day),
        )]);
    };
    let mental = rule.mental_intellectual_up_to_grade.as_ref().and_then(|p| ctx.param(p));
    let citation = match rule.variant {
        MarginalMemberSoloVariant::Shanxi2023 => cite::sx_safety_net_2023("一(四)"),
        MarginalMemberSoloVariant::Shandong2024 => cite::sd_monitoring_2024("三.6"),
    };
    let mut results = Vec::new();
    for (index, member) in ctx.household.members.iter().enumerate() {
        let Some(qualifies) = special_hardship(member, severe.value, mental.map(|m| m.value), rule.variant, &citation)
        else {
            continue;
        };
        let family = Check::fact(
            CheckKey::SoloMarginalFamily,
            "所在家庭为低保边缘家庭",
            match marginal.status {
                Status::Likely => Outcome::Pass,
                Status::NeedsLocalCheck => Outcome::Unknown,
                Status::Unlikely | Status::NotApplicable => Outcome::Fail,
            },
            ctx.words(|| format!("家庭的边缘家庭评估结果：{}。", marginal.status_label())),
            citation.clone(),
        )
        .waiting_on(marginal.waits_on);
        let name =
            ctx.words(|| format!("{}（{}）", Category::DibaoSoloMarginalMember.name(), MemberLabel(index, member)));
        results.push(CategoryResult::from_checks(
            Category::DibaoSoloMarginalMember,
            Subject::Member { index },
            name,
            vec![family, qualifies],
            vec!["须经本人申请。".into()],
        ));
    }
    if results.is_empty() {
        results.push(CategoryResult::not_applicable(
            Category::DibaoSoloMarginalMember,
            "家庭中没有重病患者或重度残疾人。".to_string(),
        ));
    }
    Ok(results)
}

/// Whether a member is one of the 特殊困难人员 the text names; `None` when the member is not a candidate.
fn special_hardship(
    member: &Member,
    severe: u32,
    mental: Option<u32>,
    variant: MarginalMemberSoloVariant,
    citation: &Citation,
) -> Option<Check> {
    let label = "本人为重病患者或重度残疾人";
    if member.illness.is_some_and(|i| i.serious) {
        return Some(Check::fact(
            CheckKey::SoloMarginalMemberIllness,
            label,
            Outcome::Pass,
            "重病患者。",
            citation.clone(),
        ));
    }
    let disability = member.disability?;
    let grade = u32::from(disability.grade.value());
    let described = format!("{}残疾{}", disability.kind.label(), disability.grade.label());
    if grade <= severe {
        return Some(Check::fact(
            CheckKey::SoloMarginalMemberDisability,
            label,
            Outcome::Pass,
            format!("{described}，属于重度残疾。"),
            citation.clone(),
        ));
    }
    if is_mental_or_intellectual(disability.kind) {
        if let Some(limit) = mental {
            if grade <= limit {
                return Some(Check::fact(
                    CheckKey::SoloMarginalMemberDisability,
                    label,
                    Outcome::Pass,
                    format!("{described}，文件明确列入。"),
                    citation.clone(),
                ));
            }
        } else if variant == MarginalMemberSoloVariant::Shanxi2023 && grade == severe + 1 {
            return Some(Check::fact(
                CheckKey::SoloMarginalMemberDisability,
                label,
                Outcome::Unknown,
                format!("{described}：文件写“重度残疾人、重病患者等”，未列等级，请向当地核实。"),
                citation.clone(),
            ));
        }
    }
    None
}

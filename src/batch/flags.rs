//! Flags, not guesses: the warning situations (预警) the seeds name that a household's own data
//! shows, each cited to its own province's notice.

use serde::Serialize;

use crate::engine::assessment::dibao_income_check;
use crate::engine::citation::cite;
use crate::engine::household::{Household, Member};
use crate::engine::money::Yuan;
use crate::engine::outcome::{LocalRule, Outcome};
use crate::engine::Screening;

/// A warning situation (预警) the household's own data shows, with the article of its own
/// province's notice that names it. No amount is judged: where a notice leaves "一定数额" to local
/// rules (山东's 支出骤增), no flag is raised, and a province whose seed names no such situation (the
/// national pack) gets none.
#[derive(Serialize)]
pub struct Flag {
    flag: &'static str,
    detail: String,
    cites: Vec<String>,
    /// Without a current 低保标准: the flag holds when the local standard is above this (per person
    /// per month)…
    #[serde(skip_serializing_if = "Option::is_none")]
    if_standard_above: Option<rust_decimal::Decimal>,
    /// …or at most this.
    #[serde(skip_serializing_if = "Option::is_none")]
    if_standard_at_most: Option<rust_decimal::Decimal>,
}

/// Which warning situation a flag is.
#[derive(Clone, Copy, PartialEq)]
enum Situation {
    SeriousIllness,
    Disability,
    Student,
    Unemployed,
    DisasterLoss,
}

/// Where a household on 低保 or recognised as 边缘 now stands against the 低保标准, by the 低保
/// income test of its own screening (per-capita income strictly below the standard).
enum AgainstStandard {
    Below,
    NotBelow,
    /// Below exactly when the standard is above this (no current standard).
    BelowIfAbove(rust_decimal::Decimal),
    /// Undecided for another reason (the 残疾人两项补贴, counted or not by local rule).
    Undecided,
}

fn against_standard(screening: &Screening) -> Option<AgainstStandard> {
    // Without a current standard (none, or an old one), the test read at every standard; with a
    // current one, the 低保 result's own test.
    let income = match &screening.dibao_income_at_any_standard {
        Some(at_any) => at_any,
        None => dibao_income_check(&screening.results)?,
    };
    Some(match (income.outcome, income.standard_above) {
        (Outcome::Pass, _) => AgainstStandard::Below,
        (Outcome::Fail, _) => AgainstStandard::NotBelow,
        // With the 两项补贴 undecided too, a single bound would not be true on both readings.
        (Outcome::Unknown, Some(bound))
            if screening.dibao_income_at_any_standard.is_some()
                && !income.waits_on.contains(LocalRule::DisabilityAllowances) =>
        {
            AgainstStandard::BelowIfAbove(bound)
        }
        (Outcome::Unknown, _) => AgainstStandard::Undecided,
    })
}

/// For a flag read without a current standard where the pack has an old one: that figure, dated, so
/// that the reader knows which standard the data holds and that it may have changed.
fn old_standard_words(screening: &Screening) -> String {
    match (&screening.standard, screening.standard_is_old) {
        (Some(old), true) => match &old.origin {
            crate::engine::context::Origin::Pack { effective, .. } => format!(
                "（现有数据中的标准{}元/人/月自{}年{}月起执行，当地可能已调整）",
                Yuan(old.monthly),
                effective.year(),
                effective.month()
            ),
            crate::engine::context::Origin::User => String::new(),
        },
        _ => String::new(),
    }
}

/// The articles that have a 低保 household whose income has risen to the standard reviewed (渐退 and
/// 应退尽退), or a 边缘 household whose income has fallen below it brought into 低保 (动态监测 and
/// 应保尽保), by province: 山西 晋民发〔2023〕31号 一(五) (渐退) and 五(五) (条件不符合的，要决定停止低保),
/// 一(四) (边缘家庭……实施动态监测) and 三(四) (符合条件的及时纳入); 山东 二.5 (应保尽保、应退尽退);
/// 广西 一(三) (动态管理、定期更新) and 二(五) (符合条件的要及时开展低收入人口认定).
fn income_articles(pack: &str, dibao_above: bool) -> Vec<String> {
    let cites = match (pack, dibao_above) {
        ("shanxi", true) => vec![cite::sx_safety_net_2023("一(五)"), cite::sx_safety_net_2023("五(五)")],
        ("shanxi", false) => vec![cite::sx_safety_net_2023("一(四)"), cite::sx_safety_net_2023("三(四)")],
        ("shandong", _) => vec![cite::sd_monitoring_2024("二.5")],
        ("guangxi", true) => vec![cite::gx_monitoring_2024("一(三)")],
        ("guangxi", false) => vec![cite::gx_monitoring_2024("一(三)"), cite::gx_monitoring_2024("二(五)")],
        _ => Vec::new(),
    };
    cites.into_iter().map(|c| c.to_string()).collect()
}

/// "低保 household now above the standard" and "边缘 household now below it", from the household's
/// own 低保 income test; without a current standard, at which standards each holds.
fn income_flags(h: &Household, pack: &str, screening: &Screening) -> Vec<Flag> {
    let mut out = Vec::new();
    let Some(against) = against_standard(screening) else { return out };
    let income = Yuan(screening.per_capita_monthly_income);
    let undecided = match screening.dibao_income_at_any_standard {
        None => "取决于当地是否把残疾人两项补贴计入收入",
        Some(_) => "取决于当地低保标准，以及是否把残疾人两项补贴计入收入",
    };
    let old = old_standard_words(screening);
    let flag = |flag, detail: String, above, at_most, dibao_above| Flag {
        flag,
        detail,
        cites: income_articles(pack, dibao_above),
        if_standard_above: above,
        if_standard_at_most: at_most,
    };
    if h.situation.receives_dibao && !income_articles(pack, true).is_empty() {
        let name = "dibao_household_not_below_standard";
        match against {
            AgainstStandard::NotBelow => out.push(flag(
                name,
                format!("正在享受低保，家庭人均月收入{income}元，已不低于当地低保标准"),
                None,
                None,
                true,
            )),
            AgainstStandard::BelowIfAbove(bound) => out.push(flag(
                name,
                format!(
                    "正在享受低保，家庭人均月收入{income}元：当地低保标准不超过{}元时，已不低于标准{old}",
                    Yuan(bound)
                ),
                None,
                Some(bound.normalize()),
                true,
            )),
            AgainstStandard::Undecided => out.push(flag(
                name,
                format!("正在享受低保，家庭人均月收入{income}元：是否已不低于当地低保标准，{undecided}{old}"),
                None,
                None,
                true,
            )),
            AgainstStandard::Below => {}
        }
    }
    if h.situation.recognised_marginal && !income_articles(pack, false).is_empty() {
        let name = "marginal_household_below_standard";
        match against {
            AgainstStandard::Below => out.push(flag(
                name,
                format!("已认定为低保边缘家庭，家庭人均月收入{income}元，已低于当地低保标准"),
                None,
                None,
                false,
            )),
            AgainstStandard::BelowIfAbove(bound) => out.push(flag(
                name,
                format!(
                    "已认定为低保边缘家庭，家庭人均月收入{income}元：当地低保标准高于{}元时，已低于标准",
                    Yuan(bound)
                ),
                Some(bound.normalize()),
                None,
                false,
            )),
            AgainstStandard::Undecided => out.push(flag(
                name,
                format!("已认定为低保边缘家庭，家庭人均月收入{income}元：是否已低于当地低保标准，{undecided}{old}"),
                None,
                None,
                false,
            )),
            AgainstStandard::NotBelow => {}
        }
    }
    out
}

/// The article of the household's own province that names `situation`, if any:
/// 晋民发〔2023〕31号 三(四) sets 重病、残疾、就学、失业 as warning indicators; 山东 二.3 monitors
/// 收入无法持续稳定（失业信息） and 财产遭受重大损失（自然灾害）; 桂民发〔2024〕34号 一(二) has the
/// departments share 重病大病患者、残疾人、家庭经济困难学生、登记失业人员、灾害生活救助对象 for monitoring.
fn named_by(pack: &str, situation: Situation) -> Option<String> {
    use Situation::*;
    match (pack, situation) {
        ("shanxi", SeriousIllness | Disability | Student | Unemployed) => {
            Some(cite::sx_safety_net_2023("三(四)").to_string())
        }
        ("shandong", Unemployed | DisasterLoss) => Some(cite::sd_monitoring_2024("二.3").to_string()),
        ("guangxi", _) => Some(cite::gx_monitoring_2024("一(二)").to_string()),
        _ => None,
    }
}

/// The flags of one household, each cited to its own province's notice.
pub fn flags(h: &Household, pack: &str, screening: &Screening) -> Vec<Flag> {
    let who = |i: usize| format!("第{}位成员", i + 1);
    let members = |test: &dyn Fn(&Member) -> Option<String>| -> Vec<String> {
        h.members.iter().enumerate().filter_map(|(i, m)| test(m).map(|d| format!("{}{d}", who(i)))).collect()
    };
    let mut candidates: Vec<(Situation, &'static str, Vec<String>)> = vec![
        (
            Situation::SeriousIllness,
            "serious_illness",
            members(&|m| {
                m.illness.filter(|i| i.serious).map(|i| {
                    if i.in_treatment {
                        "患重病，仍在治疗".into()
                    } else {
                        "患重病".into()
                    }
                })
            }),
        ),
        (
            Situation::Disability,
            "disability",
            members(&|m| m.disability.map(|d| format!("{}残疾{}", d.kind.label(), d.grade.label()))),
        ),
        (Situation::Student, "student", members(&|m| m.student.map(|s| format!("{}在读", s.level.label())))),
    ];
    if let Some(u) = &h.situation.unemployment {
        candidates.push((
            Situation::Unemployed,
            "unemployed_without_income",
            vec![format!("失业，已连续{}个月无收入", u.months_without_income)],
        ));
    }
    if h.situation.disaster_after_relief {
        candidates.push((
            Situation::DisasterLoss,
            "property_loss_by_disaster",
            vec!["受灾，经应急和过渡期救助后仍有困难".into()],
        ));
    }
    candidates
        .into_iter()
        .filter(|(_, _, details)| !details.is_empty())
        .filter_map(|(situation, flag, details)| {
            named_by(pack, situation).map(|cite| Flag {
                flag,
                detail: details.join("；"),
                cites: vec![cite],
                if_standard_above: None,
                if_standard_at_most: None,
            })
        })
        .chain(income_flags(h, pack, screening))
        .collect()
}

//! Flags, not guesses: the warning situations (预警) the seeds name that a household's own data
//! shows, each cited to its own province's notice.

use serde::Serialize;

use crate::engine::household::{Household, Member};

/// A warning situation (预警) the household's own data shows, with the article of its own
/// province's notice that names it. No amount is judged: where a notice leaves "一定数额" to local
/// rules (山东's 支出骤增), no flag is raised, and a province whose seed names no such situation (the
/// national pack) gets none.
#[derive(Serialize)]
pub struct Flag {
    flag: &'static str,
    detail: String,
    cites: Vec<String>,
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

/// The article of the household's own province that names `situation`, if any:
/// 晋民发〔2023〕31号 三(四) sets 重病、残疾、就学、失业 as warning indicators; 山东 二.3 monitors
/// 收入无法持续稳定（失业信息） and 财产遭受重大损失（自然灾害）; 桂民发〔2024〕34号 一(二) has the
/// departments share 重病大病患者、残疾人、家庭经济困难学生、登记失业人员、灾害生活救助对象 for monitoring.
fn named_by(pack: &str, situation: Situation) -> Option<String> {
    use crate::engine::citation::cite;
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
pub fn flags(h: &Household, pack: &str) -> Vec<Flag> {
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
            named_by(pack, situation).map(|cite| Flag { flag, detail: details.join("；"), cites: vec![cite] })
        })
        .collect()
}

//! 临时救助 — temporary and emergency assistance.
//!
//! 山西, 晋民发〔2023〕31号 二(一): "对受重大公共卫生事件、灾情影响等无法返岗复工、连续三个月无收入来源，
//! 生活困难且失业保险政策无法覆盖的农民工等未参保失业人员，未纳入低保范围的，经本人申请，由务工地或者
//! 经常居住地发放一次性临时救助金。"
//! 二(二): "及时将受重大公共卫生事件、灾情影响等暂未就业、基本生活面临困难的大学生，以及其他因重大公共
//! 卫生事件、灾情影响等导致基本生活陷入临时困境的家庭或者个人纳入临时救助范围。…对经过应急期救助、
//! 过渡期生活救助后基本生活仍有较大困难的受灾群众，及时给予临时救助". 四(三): "全面推行由急难发生地
//! 直接实施救助".
//!
//! 广西, 桂民发〔2024〕34号 四(十三): "对遭遇突发性、紧迫性、灾难性困难导致基本生活暂时出现严重困难的人员，
//! 取消户籍地、居住地申请限制，在急难发生地按规定实施临时救助…对受突发公共事件或经济大环境影响的低收入
//! 人口和外出务工暂时失业且无失业保险的农民工等，符合条件的按规定给予临时救助。对于新申请认定低收入人口的，
//! 可视情况在认定救助前发放一次性临时救助金".
//!
//! 山东, 送审稿 三.6: "对申请最低生活保障、特困人员救助供养的人员及其家庭，在审核阶段发现其本人或家庭
//! 基本生活确有困难、符合临时救助条件的，可视困难程度先发放一定数额的临时救助金。"
//!
//! National (国发〔2014〕47号, from reprints): 急难型 (accident, sudden serious illness, …) and 支出型
//! (necessary medical or education spending beyond what the family can bear). No source gives amounts.

use rust_decimal::Decimal;

use crate::engine::check_key::CheckKey;
use crate::engine::citation::{cite, Citation};
use crate::engine::context::Context;
use crate::engine::money::{MoneyError, Yuan};
use crate::engine::outcome::{Category, CategoryResult, Check, Figure, LocalRules, Outcome, Status, Subject};
use crate::engine::policy::TemporaryVariant;
use crate::engine::rules::rigid::rigid_total;

fn result(name: &str, checks: Vec<Check>, notes: Vec<std::borrow::Cow<'static, str>>) -> CategoryResult {
    CategoryResult::from_checks(
        Category::TemporaryAssistance,
        Subject::Household,
        format!("{}——{}", Category::TemporaryAssistance.name(), name),
        checks,
        notes,
    )
}

/// `earlier` holds the results of the categories reviewed before (特困 … 刚性支出), for the
/// one-off payment to new applicants.
pub fn assess(ctx: &Context, earlier: &[CategoryResult]) -> Result<Vec<CategoryResult>, MoneyError> {
    let variant = &ctx.pack.rules.temporary.variant;
    let situation = &ctx.household.situation;
    let mut results = Vec::new();

    if situation.sudden_hardship {
        let citation = match variant {
            TemporaryVariant::Guangxi2024 => cite::gx_monitoring_2024("四(十三)"),
            TemporaryVariant::Shanxi2023 { .. } => cite::sx_safety_net_2023("二(二)、四(三)"),
            TemporaryVariant::Shandong2024 | TemporaryVariant::National2014 => {
                cite::national_temporary_2014("急难型救助对象")
            }
        };
        results.push(result(
            "急难",
            vec![Check::fact(
                CheckKey::TemporarySudden,
                "遭遇突发性、紧迫性、灾难性困难，基本生活暂时出现严重困难",
                Outcome::Pass,
                "您申报了突发的严重困难（如意外事故、突发重病、火灾等）。",
                citation,
            )],
            vec!["可在急难发生地直接申请，不受户籍地、居住地限制；金额由当地按困难程度确定。".into()],
        ));
    }

    if let Some(unemployment) = situation.unemployment {
        results.push(unemployed(ctx, variant, unemployment)?);
    }

    if situation.disaster_after_relief {
        let citation = match variant {
            TemporaryVariant::Shanxi2023 { .. } => cite::sx_safety_net_2023("二(二)"),
            TemporaryVariant::Guangxi2024 => cite::gx_monitoring_2024("三(十一)"),
            TemporaryVariant::Shandong2024 | TemporaryVariant::National2014 => {
                cite::national_temporary_2014("急难型救助对象")
            }
        };
        results.push(result(
            "受灾后仍有困难",
            vec![Check::fact(
                CheckKey::TemporaryDisaster,
                "经过应急期救助、过渡期生活救助后基本生活仍有较大困难",
                Outcome::Pass,
                "您申报受灾后基本生活仍有较大困难。",
                citation,
            )],
            vec!["受灾人员救助与临时救助衔接，防止因灾返贫。".into()],
        ));
    }

    if situation.student_stuck_by_emergency {
        let (outcome, citation, text) = match variant {
            TemporaryVariant::Shanxi2023 { .. } => (
                Outcome::Pass,
                cite::sx_safety_net_2023("二(二)"),
                "文件明确把受影响暂未就业、生活困难的大学生纳入临时救助范围。",
            ),
            _ => (
                Outcome::Unknown,
                cite::national_temporary_2014("救助对象"),
                "本省文件没有专门规定，是否纳入由当地按临时救助条件认定。",
            ),
        };
        results.push(result(
            "受突发事件影响暂未就业的学生",
            vec![Check::fact(
                CheckKey::TemporaryStudent,
                "受重大公共卫生事件、灾情影响暂未就业、基本生活面临困难",
                outcome,
                text,
                citation,
            )],
            Vec::new(),
        ));
    }

    let rigid = rigid_total(ctx)?;
    if rigid > ctx.net_income && rigid > Decimal::ZERO {
        results.push(result(
            "支出型",
            vec![Check {
                figure: Some(Figure::yuan(rigid)),
                ..Check::fact(
                    CheckKey::TemporarySpending,
                    "医疗、教育等必需支出突然增加，超出家庭承受能力",
                    Outcome::Unknown,
                    ctx.words(|| {
                        format!(
                            "12个月刚性支出{}元，超过家庭计入收入{}元；是否属于“突然增加、超出承受能力”由当地认定。",
                            Yuan(rigid),
                            Yuan(ctx.net_income)
                        )
                    }),
                    cite::national_temporary_2014("支出型救助对象"),
                )
            }],
            Vec::new(),
        ));
    }

    if let Some(before_review) = before_review(ctx, variant, earlier) {
        results.push(before_review);
    }

    if results.is_empty() {
        results.push(CategoryResult::not_applicable(
            Category::TemporaryAssistance,
            "没有申报突发困难、失业无收入、受灾或支出骤增的情况。".to_string(),
        ));
    }
    Ok(results)
}

fn unemployed(
    ctx: &Context,
    variant: &TemporaryVariant,
    hardship: crate::engine::household::UnemploymentHardship,
) -> Result<CategoryResult, MoneyError> {
    let insurance = |citation: Citation| {
        Check::fact(
            CheckKey::TemporaryUnemploymentInsurance,
            "失业保险无法覆盖",
            Outcome::from_bool(!hardship.unemployment_insurance),
            if hardship.unemployment_insurance {
                "有失业保险，应先申领失业保险金。"
            } else {
                "没有失业保险。"
            },
            citation,
        )
    };
    match variant {
        TemporaryVariant::Shanxi2023 { months_without_income } => {
            let months = months_without_income.as_ref().and_then(|p| ctx.param(p));
            let months_check = match months {
                Some(m) => Check {
                    figure: Some(Figure::quantity(Decimal::from(hardship.months_without_income), "个月")),
                    comparison: Some(crate::engine::outcome::Comparison::AtLeast),
                    threshold: Some(Figure::quantity(Decimal::from(m.value), "个月")),
                    ..Check::fact(
                        CheckKey::TemporaryUnemploymentMonths,
                        format!("连续{}个月无收入来源", m.value),
                        Outcome::from_bool(u32::from(hardship.months_without_income) >= m.value),
                        format!("已连续{}个月无收入，要求至少连续{}个月。", hardship.months_without_income, m.value),
                        m.source.clone(),
                    )
                },
                None => Check::fact(
                    CheckKey::TemporaryUnemploymentMonths,
                    "连续数月无收入来源",
                    Outcome::Unknown,
                    format!("月数参数在 {} 尚未生效。", ctx.day),
                    cite::sx_safety_net_2023("二(一)"),
                ),
            };
            let checks = vec![
                Check::fact(
                    CheckKey::TemporaryUnemploymentEmergency,
                    "受重大公共卫生事件、灾情影响等无法返岗复工",
                    Outcome::from_bool(hardship.caused_by_emergency),
                    if hardship.caused_by_emergency {
                        "因突发事件或灾情无法返岗。"
                    } else {
                        "失业不是因重大公共卫生事件或灾情。"
                    },
                    cite::sx_safety_net_2023("二(一)"),
                ),
                months_check,
                insurance(cite::sx_safety_net_2023("二(一)")),
                Check::fact(
                    CheckKey::TemporaryUnemploymentNotDibao,
                    "未纳入低保",
                    Outcome::from_bool(!ctx.household.situation.receives_dibao),
                    if ctx.household.situation.receives_dibao {
                        "家庭已享受低保。"
                    } else {
                        "家庭未享受低保。"
                    },
                    cite::sx_safety_net_2023("二(一)"),
                ),
            ];
            Ok(result("未参保失业人员", checks, vec!["经本人申请，由务工地或经常居住地发放一次性临时救助金。".into()]))
        }
        TemporaryVariant::Guangxi2024 => Ok(result(
            "暂时失业且无失业保险",
            vec![
                insurance(cite::gx_monitoring_2024("四(十三)")),
                Check::fact(
                    CheckKey::TemporaryUnemploymentConditions,
                    "符合当地临时救助条件",
                    Outcome::Unknown,
                    format!(
                        "已连续{}个月无收入；文件规定“符合条件的按规定给予临时救助”，具体条件由当地规定。",
                        hardship.months_without_income
                    ),
                    cite::gx_monitoring_2024("四(十三)"),
                ),
            ],
            Vec::new(),
        )),
        TemporaryVariant::Shandong2024 | TemporaryVariant::National2014 => Ok(result(
            "失业无收入",
            vec![
                insurance(cite::national_temporary_2014("救助对象")),
                Check::fact(
                    CheckKey::TemporaryUnemploymentConditions,
                    "符合当地临时救助条件",
                    Outcome::Unknown,
                    format!(
                        "已连续{}个月无收入；是否给予临时救助由当地按困难程度认定。",
                        hardship.months_without_income
                    ),
                    cite::national_temporary_2014("救助对象"),
                ),
            ],
            Vec::new(),
        )),
    }
}

/// 广西 四(十三) and 山东 三.6: a one-off payment to new applicants before the review ends.
fn before_review(ctx: &Context, variant: &TemporaryVariant, earlier: &[CategoryResult]) -> Option<CategoryResult> {
    if ctx.household.situation.receives_dibao {
        return None;
    }
    let (citation, categories): (Citation, &[Category]) = match variant {
        TemporaryVariant::Guangxi2024 => (
            cite::gx_monitoring_2024("四(十三)"),
            &[Category::Destitute, Category::Dibao, Category::Marginal, Category::RigidExpenditure],
        ),
        TemporaryVariant::Shandong2024 => (cite::sd_monitoring_2024("三.6"), &[Category::Destitute, Category::Dibao]),
        _ => return None,
    };
    let open: Vec<&CategoryResult> =
        earlier.iter().filter(|r| categories.contains(&r.category) && r.status <= Status::NeedsLocalCheck).collect();
    let best = open.iter().map(|r| r.status).min()?;
    let names: Vec<&str> = open.iter().map(|r| r.name.as_ref()).collect();
    Some(result(
        "审核期间先行发放",
        vec![
            Check::fact(
                CheckKey::TemporaryBeforeReviewApplicant,
                "新申请低收入人口认定，可能符合",
                if best == Status::Likely { Outcome::Pass } else { Outcome::Unknown },
                format!("您家可能符合：{}。", names.join("；")),
                citation.clone(),
            )
            // Undecided while those categories are: it waits on what they wait on (an unknown
            // 低保标准 above all), so it never leads a result that has no standard.
            .waiting_on(open.iter().fold(LocalRules::NONE, |all, r| all.union(r.waits_on))),
            Check::fact(
                CheckKey::TemporaryBeforeReviewHardship,
                "基本生活确有困难（视困难程度）",
                Outcome::Unknown,
                "是否先行发放、发放多少，由审核部门视困难程度决定。",
                citation,
            ),
        ],
        vec!["申请时可说明眼前的生活困难，请求在审核结束前先发放一次性临时救助金。".into()],
    ))
}

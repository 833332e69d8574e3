//! How to apply: where, which documents (only those the triggered rules call for), time limits,
//! publicity and duties.
//!
//! 山西, 晋民发〔2023〕31号: 三(一) "由乡镇（街道）综合便民服务中心统一受理社会救助申请", "一门受理、协同办理",
//! "一网通办", 12345 hotline; 四(二) 30 working days (20 where the 乡镇/街道 decides), up to 45 in special
//! cases; 四(三) non-local 户籍 and 急难发生地; 四(四) 告知承诺制; 四(五) 7-day 公示; 五(五) duty to declare
//! truthfully and report changes, fraud leads to stopping and repayment.
//! 广西, 桂民发〔2024〕34号 七(十六): "一次申请、分类审核认定", 居住地申办; 四(十三) 急难发生地.
//! 山东, 送审稿 一.2: "一次申请、分类审核认定", review order, 征得申请人同意.
//! The document checklist follows common local guides (身份证, 户口簿, 核对授权书 …): no seed lists it.

use std::borrow::Cow;

use serde::Serialize;

use crate::engine::check_key::Evidence;
use crate::engine::citation::{cite, Citation, Reliability};
use crate::engine::context::Context;
use crate::engine::household::Hukou;
use crate::engine::outcome::{Category, CategoryResult, Status};
use crate::engine::policy::ProcedureVariant;

/// One piece of advice on where or how to apply, with the article it comes from when a document
/// says it (a general hint has none).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Guidance {
    /// What to do, in one or two sentences.
    pub text: Cow<'static, str>,
    /// The article that says so; `None` for general advice no document gives.
    pub citation: Option<Citation>,
}

/// A document to bring, with the reason this household needs it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DocumentItem {
    /// The document as the office names it.
    pub name: &'static str,
    /// Why this document is on the list for this household.
    pub reason: &'static str,
}

/// How this household applies: where, what to bring, how long the review takes and what it must
/// do, by the pack's procedure and the results that are open.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct HowToApply {
    /// Where to apply: the office, help with applying, and where non-local or emergency cases go.
    pub where_to_apply: Vec<Guidance>,
    /// What to bring: only the documents the open results call for. Empty when none is open.
    pub documents: Vec<DocumentItem>,
    /// Where the list comes from: common local guides, not a seed document.
    pub documents_source: Citation,
    /// How long the review and the publicity take, where the pack says.
    pub time_limits: Vec<Guidance>,
    /// What the household must do: declare truthfully, report changes.
    pub duties: Vec<Guidance>,
}

fn g(text: impl Into<Cow<'static, str>>, citation: Citation) -> Guidance {
    Guidance { text: text.into(), citation: Some(citation) }
}

fn plain(text: impl Into<Cow<'static, str>>) -> Guidance {
    Guidance { text: text.into(), citation: None }
}

/// Where and how to apply for the results that are open (likely or needing a local check), by the
/// pack's procedure variant and the household's 户籍.
pub fn how_to_apply(ctx: &Context, results: &[CategoryResult]) -> HowToApply {
    let variant = ctx.pack.rules.procedure.variant;
    let mut where_to_apply = Vec::new();
    match variant {
        ProcedureVariant::Shanxi2023 => {
            where_to_apply.push(g("以家庭为单位，向户籍所在地或经常居住地的乡镇人民政府（街道办事处）综合便民服务中心提出申请（一门受理、协同办理）；有“一网通办”的地方可网上申请。", cite::sx_safety_net_2023("三(一)")));
            where_to_apply.push(g(
                "不方便自己去的，可以请村（居）民委员会协助申请；也可拨打社会救助求助电话或12345政务服务热线求助。",
                cite::sx_safety_net_2023("三(一)"),
            ));
        }
        ProcedureVariant::Guangxi2024 => {
            where_to_apply.push(g(
                "向乡镇人民政府（街道办事处）提出申请，实行“一次申请、分类审核认定”，可在居住地申办最低生活保障。",
                cite::gx_monitoring_2024("七(十六)"),
            ));
        }
        ProcedureVariant::Shandong2024 => {
            where_to_apply.push(g("向乡镇人民政府（街道办事处）提出申请，实行“一次申请、分类审核认定”：经您同意，按特困人员、低保、低保边缘、刚性支出困难的顺序逐类审核，认定为最优先的类别。", cite::sd_monitoring_2024("一.2")));
        }
        ProcedureVariant::National2021 => {
            where_to_apply.push(g(
                "以家庭为单位，向户籍所在地的乡镇人民政府（街道办事处）提出申请；可以委托村（居）民委员会代为提出。",
                cite::national_dibao_2021("申请和受理"),
            ));
        }
    }
    match ctx.household.situation.hukou {
        Hukou::Local => {}
        Hukou::ResidencePermit | Hukou::Elsewhere => match variant {
            ProcedureVariant::Shanxi2023 => where_to_apply.push(g(
                "家庭成员户籍不在一地的：长期居住并持有居住证的，可由一名本省户籍成员向户籍地或经常居住地申请；户籍地与居住地都不一致的，可由任一成员向户籍地申请；有条件的地区可在居住地申请。",
                cite::sx_safety_net_2023("四(三)"),
            )),
            _ => where_to_apply.push(plain("户籍不在本地的，请先向居住地乡镇（街道）询问能否在居住地申请（部分地区持居住证可以）。")),
        },
    }
    let open =
        |category: Category| results.iter().any(|r| r.category == category && r.status <= Status::NeedsLocalCheck);
    if open(Category::TemporaryAssistance) {
        let citation = match variant {
            ProcedureVariant::Guangxi2024 => cite::gx_monitoring_2024("四(十三)"),
            ProcedureVariant::Shanxi2023 => cite::sx_safety_net_2023("四(三)"),
            _ => cite::national_temporary_2014("申请受理"),
        };
        where_to_apply
            .push(g("遇到突发急难，可直接向急难发生地的乡镇（街道）申请临时救助，不受户籍地、居住地限制。", citation));
    }

    let procedure = &ctx.pack.rules.procedure;
    let param = |p: &Option<crate::engine::policy::Param<u32>>| p.as_ref().and_then(|p| ctx.param(p)).cloned();
    let mut time_limits = Vec::new();
    match (
        param(&procedure.decision_working_days),
        param(&procedure.delegated_decision_working_days),
        param(&procedure.extended_working_days),
    ) {
        (Some(decision), delegated, extended) => {
            let mut text = format!("自受理之日起{}个工作日内完成审核确认", decision.value);
            if let Some(d) = &delegated {
                text.push_str(&format!("（审核确认权限下放到乡镇、街道的，{}个工作日内）", d.value));
            }
            if let Some(e) = &extended {
                text.push_str(&format!(
                    "；公示有异议、人户分离、异地申办或调查难度较大的，可延长至{}个工作日",
                    e.value
                ));
            }
            text.push('。');
            time_limits.push(g(text, decision.source));
        }
        _ => time_limits.push(plain("办理时限以当地规定为准，申请时可询问受理窗口。")),
    }
    if let Some(days) = param(&procedure.publicity_days) {
        time_limits.push(g(
            format!(
                "乡镇（街道）的初审意见会在您所在村（社区）公示{}天；只公示必要信息，依法保护个人隐私。",
                days.value
            ),
            days.source,
        ));
    }

    let mut duties = Vec::new();
    if variant == ProcedureVariant::Shanxi2023 {
        duties.push(g(
            "可实行告知承诺制：窗口一次性书面告知需要证明的事项，您书面承诺符合要求的，可不再提交有关证明。",
            cite::sx_safety_net_2023("四(四)"),
        ));
        duties.push(g("如实申报家庭收入和财产；家庭人口、收入、财产发生变化要及时告知乡镇（街道）；虚报、隐瞒、伪造骗取低保的，将停止低保、退回低保金并依法追究责任。", cite::sx_safety_net_2023("五(五)")));
    } else {
        duties.push(g(
            "如实申报家庭收入和财产，情况变化及时告知；需签署家庭经济状况核对授权书。",
            cite::national_dibao_2021("申请人义务"),
        ));
    }

    HowToApply {
        where_to_apply,
        documents: documents(ctx, results),
        documents_source: Citation::new("各地办事指南（常见要求，以当地窗口告知为准）", "", Reliability::Local),
        time_limits,
        duties,
    }
}

/// The checklist, built from the checks that decided an open result.
fn documents(ctx: &Context, results: &[CategoryResult]) -> Vec<DocumentItem> {
    let open: Vec<&CategoryResult> = results.iter().filter(|r| r.status <= Status::NeedsLocalCheck).collect();
    let rests_on =
        |evidence: Evidence| open.iter().any(|r| r.checks.iter().any(|c| c.key.evidence().contains(&evidence)));
    let mut list = Vec::new();
    if open.is_empty() {
        return list;
    }
    list.push(DocumentItem { name: "申请人及家庭成员的居民身份证", reason: "所有申请都需要" });
    list.push(DocumentItem { name: "户口簿", reason: "所有申请都需要" });
    let assessed_economy = open.iter().any(|r| r.category != Category::TemporaryAssistance);
    if assessed_economy {
        list.push(DocumentItem {
            name: "家庭经济状况核对授权书（每位成员签字）", reason: "核对家庭收入和财产"
        });
        list.push(DocumentItem { name: "家庭收入、财产申报表", reason: "核对家庭收入和财产" });
        if ctx.income.counted > rust_decimal::Decimal::ZERO {
            list.push(DocumentItem {
                name: "收入证明（工资、经营、养老金等）", reason: "您申报了收入"
            });
        }
    }
    if rests_on(Evidence::Disability) {
        list.push(DocumentItem {
            name: "中华人民共和国残疾人证", reason: "残疾情况是判断依据之一"
        });
    }
    if rests_on(Evidence::Illness) {
        list.push(DocumentItem {
            name: "医院诊断证明、病历", reason: "患病、仍在治疗是判断依据之一"
        });
    }
    let spending = &ctx.household.spending;
    // Combined (二(四)) and rigid spending call for the bills of the spending declared.
    let combined = rests_on(Evidence::CombinedCosts);
    let rigid = rests_on(Evidence::RigidSpending);
    if rests_on(Evidence::MedicalCosts) || combined || (rigid && !spending.medical.amount.is_zero()) {
        list.push(DocumentItem {
            name: "医疗费用票据和医保结算单（报销后个人负担部分）",
            reason: "医疗支出要从收入中扣除",
        });
    }
    let care = !spending.disability_care.amount.is_zero();
    if rests_on(Evidence::CareCosts) || ((combined || rigid) && care) {
        list.push(DocumentItem {
            name: "辅助器具、康复、照料护理费用票据", reason: "康复护理支出要从收入中扣除"
        });
    }
    // Bounded input keeps this sum far from overflow; an error would only drop a document hint.
    let education_fees = ctx.household.student_fees(|_| true).is_ok_and(|fees| !fees.is_zero());
    if rests_on(Evidence::Schooling) || ((combined || rigid) && education_fees) {
        list.push(DocumentItem {
            name: "在校（在园）证明和学费、住宿费、保育教育费票据",
            reason: "教育支出要从收入中扣除",
        });
    }
    if rigid && !spending.other_rigid.amount.is_zero() {
        list.push(DocumentItem { name: "其他必需刚性支出的票据", reason: "刚性支出要核算" });
    }
    if rests_on(Evidence::Unemployment) {
        list.push(DocumentItem {
            name: "失业、无收入情况说明（原单位或村、社区出具）",
            reason: "临时救助要核实无收入的时间",
        });
    }
    if rests_on(Evidence::Disaster) {
        list.push(DocumentItem { name: "受灾情况证明或已获救助的记录", reason: "受灾后仍有困难" });
    }
    if rests_on(Evidence::EmploymentIncome) {
        list.push(DocumentItem { name: "就业后的工资收入证明", reason: "渐退需要核实就业收入" });
    }
    if ctx.household.situation.hukou == Hukou::ResidencePermit {
        list.push(DocumentItem { name: "居住证", reason: "在居住地申请时需要" });
    }
    list
}

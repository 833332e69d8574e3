//! The special assistance (专项救助) each category opens, by province.
//!
//! 广西, 桂民发〔2024〕34号 三(七)–(十二): 医疗救助 (premium subsidy, inpatient and chronic-disease aid,
//! 倾斜救助), 教育救助 (fee waivers for 低保、特困 students: 学前教育保教费、普通高中学杂费、中等职业教育学费;
//! grants; loans; work-study), 住房救助 (公租房 or 租赁补贴 in cities, 农村危房改造), 就业救助, 受灾人员救助,
//! 其他 (水电费减免、殡葬费用减免; 困难残疾人生活补贴、残疾儿童康复救助、无障碍改造 extended to 边缘 members).
//! 山东, 送审稿 三.7 and 三.10: the same five kinds, 取暖补贴 and 殡葬费用减免, the same extension to 边缘.
//! 山西, 晋民发〔2024〕6号 一: 边缘 families are in scope of 医疗、教育、住房、就业、受灾 and other help;
//! 晋民发〔2023〕31号 三(五): 救助对象 are brought into 教育、医疗、住房、养老保险 assistance.

use crate::engine::citation::{cite, Citation};
use crate::engine::context::Context;
use crate::engine::household::AreaKind;
use crate::engine::outcome::{Assistance, AssistanceKind, Category, CategoryResult, Status};
use crate::engine::policy::AssistanceVariant;
use crate::engine::rules::destitute;

#[derive(Clone, Copy, PartialEq, Eq)]
enum When {
    Always,
    Students,
    Urban,
    Rural,
    Disaster,
    /// Only for 低保 and 特困 households (education fee waivers in 广西).
    DibaoOrDestitute,
    /// Only for 边缘 members ("鼓励有条件的地方…延伸至最低生活保障边缘家庭成员").
    MarginalDisabled,
    /// Only where a member may be able to work (就业救助 helps 有劳动能力 members into work).
    WorkCapable,
}

struct Item {
    kind: AssistanceKind,
    name: &'static str,
    detail: &'static str,
    article: &'static str,
    when: When,
}

const GUANGXI: &[Item] = &[
    Item { kind: AssistanceKind::Medical, name: "医疗救助", detail: "资助参加城乡居民基本医疗保险的个人缴费；大病患者住院、门诊特殊慢性病费用按规定救助；报销后负担仍重的给予倾斜救助。", article: "三(七)", when: When::Always },
    Item { kind: AssistanceKind::Education, name: "教育费用减免", detail: "免除学前教育保教费、普通高中学杂费、中等职业教育学费；给予生活补助、国家助学金，优先提供助学贷款、勤工助学岗位。", article: "三(八)", when: When::DibaoOrDestitute },
    Item { kind: AssistanceKind::Education, name: "教育救助", detail: "对符合条件的在园幼儿、在校学生，按规定发放助学金、生活补助，优先提供勤工助学岗位、助学贷款，减免相关费用。", article: "三(八)", when: When::Students },
    Item { kind: AssistanceKind::Housing, name: "住房救助（城市）", detail: "符合当地住房保障条件的，优先配租公租房或发放租赁补贴。", article: "三(九)", when: When::Urban },
    Item { kind: AssistanceKind::Housing, name: "住房救助（农村）", detail: "唯一住房是危房、无房或未达抗震标准的，优先通过农村危房改造等方式救助。", article: "三(九)", when: When::Rural },
    Item { kind: AssistanceKind::Employment, name: "就业救助", detail: "推送就业信息、组织培训并落实培训补贴；创业扶持；公益性岗位兜底安置。", article: "三(十)", when: When::WorkCapable },
    Item { kind: AssistanceKind::Disaster, name: "受灾人员救助", detail: "遭遇自然灾害的，重点救助，帮助因灾倒损住房恢复重建。", article: "三(十一)", when: When::Disaster },
    Item { kind: AssistanceKind::Other, name: "其他救助帮扶", detail: "可按当地政策减免水电费、殡葬费用。", article: "三(十二)", when: When::Always },
    Item { kind: AssistanceKind::Other, name: "残疾人帮扶延伸", detail: "有条件的地方把困难残疾人生活补贴、残疾儿童康复救助、困难重度残疾人家庭无障碍改造延伸到低保边缘家庭成员。", article: "三(十二)", when: When::MarginalDisabled },
];

const SHANDONG: &[Item] = &[
    Item {
        kind: AssistanceKind::Medical,
        name: "医疗救助（含疾病应急救助）",
        detail: "按规定给予医疗救助。",
        article: "三.7",
        when: When::Always,
    },
    Item {
        kind: AssistanceKind::Education,
        name: "教育救助",
        detail: "家中在读学生按规定给予教育救助。",
        article: "三.7",
        when: When::Students,
    },
    Item {
        kind: AssistanceKind::Housing,
        name: "住房救助",
        detail: "符合条件的按规定给予住房救助。",
        article: "三.7",
        when: When::Always,
    },
    Item {
        kind: AssistanceKind::Employment,
        name: "就业救助",
        detail: "有劳动能力的按规定给予就业救助。",
        article: "三.7",
        when: When::WorkCapable,
    },
    Item {
        kind: AssistanceKind::Disaster,
        name: "受灾人员救助",
        detail: "受灾的按规定给予受灾人员救助。",
        article: "三.7",
        when: When::Disaster,
    },
    Item {
        kind: AssistanceKind::Other,
        name: "取暖补贴、殡葬费用减免",
        detail: "按规定落实针对低收入人口的取暖补贴、殡葬费用减免等。",
        article: "三.10",
        when: When::Always,
    },
    Item {
        kind: AssistanceKind::Other,
        name: "残疾人帮扶延伸",
        detail:
            "有条件的地方把困难残疾人生活补贴、残疾儿童康复救助、困难重度残疾人家庭无障碍改造延伸到低保边缘家庭成员。",
        article: "三.10",
        when: When::MarginalDisabled,
    },
];

const SHANXI_DIBAO: &[Item] = &[
    Item {
        kind: AssistanceKind::Medical,
        name: "医疗救助",
        detail: "及时纳入医疗救助保障范围。",
        article: "三(五)",
        when: When::Always,
    },
    Item {
        kind: AssistanceKind::Education,
        name: "教育救助",
        detail: "家中在读学生及时纳入教育救助保障范围。",
        article: "三(五)",
        when: When::Students,
    },
    Item {
        kind: AssistanceKind::Housing,
        name: "住房救助",
        detail: "及时纳入住房救助保障范围。",
        article: "三(五)",
        when: When::Always,
    },
    Item {
        kind: AssistanceKind::Other,
        name: "养老保险",
        detail: "及时纳入养老保险等保障范围。",
        article: "三(五)",
        when: When::Always,
    },
];

const SHANXI_MARGINAL: &[Item] = &[
    Item {
        kind: AssistanceKind::Medical,
        name: "医疗救助",
        detail: "低保边缘家庭纳入医疗救助范围。",
        article: "一",
        when: When::Always,
    },
    Item {
        kind: AssistanceKind::Education,
        name: "教育救助",
        detail: "低保边缘家庭纳入教育救助范围。",
        article: "一",
        when: When::Students,
    },
    Item {
        kind: AssistanceKind::Housing,
        name: "住房救助",
        detail: "低保边缘家庭纳入住房救助范围。",
        article: "一",
        when: When::Always,
    },
    Item {
        kind: AssistanceKind::Employment,
        name: "就业救助",
        detail: "低保边缘家庭纳入就业救助范围。",
        article: "一",
        when: When::WorkCapable,
    },
    Item {
        kind: AssistanceKind::Disaster,
        name: "受灾人员救助",
        detail: "低保边缘家庭纳入受灾人员救助范围。",
        article: "一",
        when: When::Disaster,
    },
    Item {
        kind: AssistanceKind::Other,
        name: "其他救助帮扶和慈善帮扶",
        detail: "低保边缘家庭纳入其他救助帮扶和慈善帮扶范围。",
        article: "一",
        when: When::Always,
    },
];

const NATIONAL: &[Item] = &[
    Item {
        kind: AssistanceKind::Medical,
        name: "医疗救助",
        detail: "低收入人口按规定享受医疗救助。",
        article: "专项社会救助",
        when: When::Always,
    },
    Item {
        kind: AssistanceKind::Education,
        name: "教育救助",
        detail: "家中在读学生按规定享受教育救助。",
        article: "专项社会救助",
        when: When::Students,
    },
    Item {
        kind: AssistanceKind::Housing,
        name: "住房救助",
        detail: "符合条件的按规定享受住房救助。",
        article: "专项社会救助",
        when: When::Always,
    },
    Item {
        kind: AssistanceKind::Employment,
        name: "就业救助",
        detail: "有劳动能力的按规定享受就业救助。",
        article: "专项社会救助",
        when: When::WorkCapable,
    },
    Item {
        kind: AssistanceKind::Disaster,
        name: "受灾人员救助",
        detail: "受灾的按规定享受受灾人员救助。",
        article: "专项社会救助",
        when: When::Disaster,
    },
];

/// What about a household decides which assistance items apply; read once per assessment.
#[derive(Debug, Clone, Copy)]
pub struct Traits {
    students: bool,
    disabled: bool,
    urban: bool,
    disaster: bool,
    work_capable: bool,
}

impl Traits {
    /// Reads the traits of the household being assessed.
    pub fn of(ctx: &Context) -> Traits {
        let household = ctx.household;
        let situation = &household.situation;
        Traits {
            students: household.members.iter().any(|m| m.student.is_some()),
            disabled: household.members.iter().any(|m| m.disability.is_some()),
            urban: household.place.area_kind == AreaKind::Urban,
            disaster: situation.disaster_after_relief || situation.sudden_hardship,
            work_capable: household.members.iter().any(|m| destitute::may_work(ctx, m)),
        }
    }
}

/// The assistance a result opens, if it is likely or may qualify; nothing for the others.
pub fn for_result(variant: AssistanceVariant, traits: Traits, result: &CategoryResult) -> Vec<Assistance> {
    if result.status > Status::NeedsLocalCheck || result.category == Category::TemporaryAssistance {
        return Vec::new();
    }
    let dibao_like = matches!(
        result.category,
        Category::Destitute
            | Category::Dibao
            | Category::DibaoSoloDisabled
            | Category::DibaoSoloMarginalMember
            | Category::ExpenditurePoverty
            | Category::PhaseOut
    );
    let marginal = result.category == Category::Marginal;
    let (items, citation): (&[Item], fn(&'static str) -> Citation) = match (variant, marginal) {
        (AssistanceVariant::Guangxi2024, _) => (GUANGXI, cite::gx_monitoring_2024),
        (AssistanceVariant::Shandong2024, _) => (SHANDONG, cite::sd_monitoring_2024),
        (AssistanceVariant::Shanxi2024, true) => (SHANXI_MARGINAL, cite::sx_marginal_2024),
        (AssistanceVariant::Shanxi2024, false) if dibao_like => (SHANXI_DIBAO, cite::sx_safety_net_2023),
        _ => (NATIONAL, cite::national_monitoring_2023),
    };
    items
        .iter()
        .filter(|item| match item.when {
            When::Always => true,
            When::Students => traits.students,
            When::Urban => traits.urban,
            When::Rural => !traits.urban,
            When::Disaster => traits.disaster,
            When::DibaoOrDestitute => dibao_like && traits.students,
            When::MarginalDisabled => marginal && traits.disabled,
            When::WorkCapable => traits.work_capable,
        })
        .map(|item| Assistance {
            kind: item.kind,
            name: item.name,
            detail: item.detail,
            citation: citation(item.article),
        })
        .collect()
}

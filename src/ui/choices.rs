//! The choices the form offers, as (value, 中文 label) tables, so a `<select>` and the reducer agree.

use crate::engine::household::*;

pub type Table<T> = &'static [(T, &'static str, &'static str)];

pub const RELATIONS: Table<Relation> = &[
    (Relation::Applicant, "applicant", "申请人本人"),
    (Relation::Spouse, "spouse", "配偶"),
    (Relation::Child, "child", "子女"),
    (Relation::Parent, "parent", "父母"),
    (Relation::Sibling, "sibling", "兄弟姐妹"),
    (Relation::Grandparent, "grandparent", "祖父母、外祖父母"),
    (Relation::Grandchild, "grandchild", "孙子女、外孙子女"),
    (Relation::Other, "other", "其他共同生活的人"),
];

pub const DISABILITIES: Table<Option<DisabilityKind>> = &[
    (None, "none", "没有残疾人证"),
    (Some(DisabilityKind::Physical), "physical", "肢体残疾"),
    (Some(DisabilityKind::Visual), "visual", "视力残疾"),
    (Some(DisabilityKind::Hearing), "hearing", "听力残疾"),
    (Some(DisabilityKind::Speech), "speech", "言语残疾"),
    (Some(DisabilityKind::Intellectual), "intellectual", "智力残疾"),
    (Some(DisabilityKind::Mental), "mental", "精神残疾"),
    (Some(DisabilityKind::Multiple), "multiple", "多重残疾"),
];

/// Starts at 请选择: the grade opens or closes categories, so none is assumed.
pub const GRADES: Table<Option<u32>> = &[
    (None, "", "请选择"),
    (Some(1), "1", "一级"),
    (Some(2), "2", "二级"),
    (Some(3), "3", "三级"),
    (Some(4), "4", "四级"),
];

pub const LEVELS: Table<Option<EducationLevel>> = &[
    (None, "none", "不在读"),
    (Some(EducationLevel::Preschool), "preschool", "入托、幼儿园"),
    (Some(EducationLevel::Primary), "primary", "小学"),
    (Some(EducationLevel::JuniorSecondary), "junior_secondary", "初中"),
    (Some(EducationLevel::SeniorSecondary), "senior_secondary", "普通高中"),
    (Some(EducationLevel::Vocational), "vocational", "中等职业学校"),
    (Some(EducationLevel::JuniorCollege), "junior_college", "专科（高职）"),
    (Some(EducationLevel::Undergraduate), "undergraduate", "本科"),
    (Some(EducationLevel::Postgraduate), "postgraduate", "研究生"),
];

pub const WORK: Table<WorkStatus> = &[
    (WorkStatus::Unknown, "unknown", "请选择"),
    (WorkStatus::Employed, "employed", "有工作或在经营"),
    (WorkStatus::Unemployed, "unemployed", "无业"),
    (WorkStatus::InSchool, "in_school", "在读"),
    (WorkStatus::Retired, "retired", "已退休"),
];

pub const SUPPORTERS: Table<SupporterStatus> = &[
    (SupporterStatus::Unknown, "unknown", "请选择"),
    (SupporterStatus::None, "none", "没有这样的家人"),
    (SupporterStatus::Unable, "unable", "有，但他们没有能力供养"),
    (SupporterStatus::Able, "able", "有，而且他们有能力供养"),
];

pub const AREA_KINDS: Table<AreaKind> =
    &[(AreaKind::Urban, "urban", "城市（城镇）"), (AreaKind::Rural, "rural", "农村")];

pub const HUKOU: Table<Hukou> = &[
    (Hukou::Local, "local", "全家都是本地户籍"),
    (Hukou::ResidencePermit, "residence_permit", "有成员户籍在外地，持本地居住证"),
    (Hukou::Elsewhere, "elsewhere", "户籍在外地，没有本地居住证"),
];

pub const INCOME_KINDS: Table<IncomeKind> = &[
    (IncomeKind::Wages, "wages", "工资、劳务收入"),
    (IncomeKind::BusinessNet, "business_net", "种地、养殖、做生意的收入（减去成本）"),
    (IncomeKind::PropertyNet, "property_net", "房租、利息等收入"),
    (IncomeKind::Pension, "pension", "退休金、养老金（基础养老金除外）"),
    (IncomeKind::SupportReceived, "support_received", "家人给的生活费（赡养费、抚养费）"),
    (IncomeKind::SupportFromSiblingsOrElderly, "support_from_siblings_or_elderly", "兄弟姐妹或60岁以上老人给的供养费"),
    (IncomeKind::UnemploymentBenefit, "unemployment_benefit", "失业保险金"),
    (IncomeKind::ElderlyAllowance, "elderly_allowance", "高龄津贴"),
    (IncomeKind::OtherTransfer, "other_transfer", "其他收入（赔偿、捐赠等）"),
    (IncomeKind::BasicPensionBase, "basic_pension_base", "城乡居民养老保险的基础养老金（不计入）"),
    (IncomeKind::SpecialCareAllowance, "special_care_allowance", "优待抚恤金（不计入）"),
    (IncomeKind::FamilyPlanningAward, "family_planning_award", "计划生育奖励与扶助金（不计入）"),
    (IncomeKind::HeroicDeedAward, "heroic_deed_award", "见义勇为等奖励（不计入）"),
    (IncomeKind::Scholarship, "scholarship", "奖学金（不计入）"),
    (IncomeKind::SocialAssistance, "social_assistance", "低保金等救助金（不计入）"),
    (IncomeKind::DisabilityAllowances, "disability_allowances", "残疾人两项补贴（是否计入看当地规定）"),
    (IncomeKind::TaxesAndSocialInsurance, "taxes_and_social_insurance", "缴纳的个税、社保（扣除）"),
    (IncomeKind::SupportPaid, "support_paid", "给不住在一起的家人的生活费（扣除）"),
    (IncomeKind::EmploymentCosts, "employment_costs", "上班必需的开支（就业成本，扣除）"),
];

pub fn pick<T: Copy>(table: Table<T>, value: &str) -> Option<T> {
    table.iter().find(|(_, key, _)| *key == value).map(|(v, _, _)| *v)
}

pub fn key_of<T: PartialEq>(table: Table<T>, value: &T) -> &'static str {
    table.iter().find(|(v, _, _)| v == value).map(|(_, key, _)| *key).unwrap_or("")
}

pub fn label_of<T: PartialEq>(table: Table<T>, value: &T) -> &'static str {
    table.iter().find(|(v, _, _)| v == value).map(|(_, _, label)| *label).unwrap_or("")
}

pub fn options<T>(table: Table<T>) -> Vec<(yew::AttrValue, yew::AttrValue)> {
    table.iter().map(|(_, key, label)| (yew::AttrValue::Static(key), yew::AttrValue::Static(label))).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_income_kind_of_the_engine_is_offered_once_under_its_json_name() {
        for kind in IncomeKind::ALL {
            let offered: Vec<&str> =
                INCOME_KINDS.iter().filter(|(k, _, _)| *k == kind).map(|(_, key, _)| *key).collect();
            let json = serde_json::to_string(&kind).expect("kind");
            assert_eq!(offered, [json.trim_matches('"')], "{kind:?}");
        }
        assert_eq!(INCOME_KINDS.len(), IncomeKind::ALL.len());
    }
}

//! 特困人员 — destitute persons, assessed member by member.
//!
//! National rule (民发〔2021〕43号《特困人员认定办法》, from reprints):
//! "同时具备以下条件的老年人、残疾人和未成年人，应当依法纳入特困人员救助供养范围：（一）无劳动能力；
//! （二）无生活来源；（三）无法定赡养、抚养、扶养义务人或者其法定义务人无履行义务能力。"
//! 无劳动能力: 60周岁以上的老年人；未满16周岁的未成年人；残疾等级为一、二、三级的智力、精神残疾人，
//! 残疾等级为一、二级的肢体残疾人，残疾等级为一级的视力残疾人；省级人民政府规定的其他情形.
//! 无生活来源: 收入低于当地最低生活保障标准，且财产符合当地特困人员财产状况规定; not counted:
//! 基础养老金、基本医疗保险等社会保险和优待抚恤金、高龄津贴.
//!
//! The ages and grades come from the pack (`rules.destitute`); the article numbers of the 2021 办法
//! differ between reprints, so checks cite the condition by name rather than by a number we could not
//! confirm.

use rust_decimal::Decimal;

use crate::engine::check_key::CheckKey;
use crate::engine::citation::{cite, Citation};
use crate::engine::context::Context;
use crate::engine::household::{Member, SupporterStatus};
use crate::engine::income::{self, PersonalRule};
use crate::engine::money::MoneyError;
use crate::engine::outcome::{Category, CategoryResult, Check, Explanation, Outcome, Subject};
use crate::engine::rules::MemberLabel;

/// Whom 特困 considers at all — 老年人 (the elderly age and over), 未成年人 (under the minor age) or
/// a disabled person — by the pack's ages in force on a day. The assessment and the page (which asks
/// about supporters only for these members) share it; an age not in force includes no one by age.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Population {
    /// The age from which a person is elderly (老年人); `None` when none is in force.
    pub elderly_age: Option<u32>,
    /// The age below which a person is a minor (未成年人); `None` when none is in force.
    pub minor_age: Option<u32>,
}

impl Population {
    /// Whom 特困 considers under `pack` on `day`.
    pub fn of(pack: &crate::engine::policy::PolicyPack, day: crate::engine::Day) -> Population {
        let rule = &pack.rules.destitute;
        Population {
            elderly_age: rule.elderly_age.in_force(day).map(|d| d.value),
            minor_age: rule.minor_age.in_force(day).map(|d| d.value),
        }
    }

    /// Whether `age` is the elderly age in force or over (老年人).
    pub fn is_elderly(self, age: u32) -> bool {
        self.elderly_age.is_some_and(|elderly| age >= elderly)
    }

    /// Whether `age` is under the minor age in force (未成年人).
    pub fn is_minor(self, age: u32) -> bool {
        self.minor_age.is_some_and(|minor| age < minor)
    }

    /// Whether 特困 considers a member of `age`, disabled or not.
    pub fn includes(self, age: u32, disabled: bool) -> bool {
        disabled || self.is_elderly(age) || self.is_minor(age)
    }
}

/// 特困, one result per member it considers: no capacity to work, no means of living and no able
/// supporter; not applicable when the pack's ages or grades are not in force.
pub fn assess(ctx: &Context) -> Result<Vec<CategoryResult>, MoneyError> {
    let rule = &ctx.pack.rules.destitute;
    let (Some(elderly), Some(minor), Some(grades)) =
        (ctx.param(&rule.elderly_age), ctx.param(&rule.minor_age), ctx.param(&rule.no_work_capacity_disabilities))
    else {
        return Ok(vec![CategoryResult::not_applicable(
            Category::Destitute,
            format!("政策包中特困人员的年龄或残疾等级参数在 {} 尚未生效。", ctx.day),
        )]);
    };
    let mut results = Vec::new();
    let ages = Population { elderly_age: Some(elderly.value), minor_age: Some(minor.value) };
    for (index, member) in ctx.household.members.iter().enumerate() {
        let age = member.age.years();
        let (is_elderly, is_minor) = (ages.is_elderly(age), ages.is_minor(age));
        if !ages.includes(age, member.disability.is_some()) {
            continue;
        }
        let population = Check::fact(
            CheckKey::DestitutePopulation,
            "老年人、残疾人或未成年人",
            Outcome::Pass,
            ctx.words(|| {
                if is_elderly {
                    format!("{}岁，已满{}周岁。", age, elderly.value)
                } else if is_minor {
                    format!("{}岁，未满{}周岁。", age, minor.value)
                } else {
                    "持有残疾人证。".to_string()
                }
            }),
            cite::national_destitute_2021("认定条件"),
        );
        let work = work_capacity(
            member,
            is_elderly,
            is_minor,
            elderly.value,
            minor.value,
            &grades.value,
            grades.source.clone(),
        );
        let means = means_of_living(ctx, index)?;
        let property =
            ctx.property_check(CheckKey::DestituteProperty, cite::national_destitute_2021("无生活来源的认定（财产）"));
        let supporter = supporter_check(ctx, index, member);
        let name = ctx.words(|| format!("{}（{}）", Category::Destitute.name(), MemberLabel(index, member)));
        let notes = vec!["特困人员按人认定：本项只看这位家庭成员本人。".into()];
        results.push(CategoryResult::from_checks(
            Category::Destitute,
            Subject::Member { index },
            name,
            vec![population, work, means, property, supporter],
            notes,
        ));
    }
    if results.is_empty() {
        results.push(CategoryResult::not_applicable(
            Category::Destitute,
            format!("家庭中没有{}周岁以上老人、未满{}周岁的未成年人或持证残疾人。", elderly.value, minor.value),
        ));
    }
    Ok(results)
}

fn work_capacity(
    member: &Member,
    is_elderly: bool,
    is_minor: bool,
    elderly_age: u32,
    minor_age: u32,
    grades: &[crate::engine::policy::GradeLimit],
    grades_source: Citation,
) -> Check {
    let label = "无劳动能力";
    if is_elderly || is_minor {
        let reason =
            if is_elderly { format!("已满{}周岁", elderly_age) } else { format!("未满{}周岁", minor_age) };
        return Check::fact(
            CheckKey::DestituteWorkCapacity,
            label,
            Outcome::Pass,
            format!("{reason}，视为无劳动能力。"),
            cite::national_destitute_2021("无劳动能力的认定"),
        );
    }
    let Some(disability) = member.disability else {
        return Check::fact(
            CheckKey::DestituteWorkCapacity,
            label,
            Outcome::Fail,
            "不属于无劳动能力的情形。",
            cite::national_destitute_2021("无劳动能力的认定"),
        );
    };
    let listed = grades.iter().find(|g| g.kind == disability.kind);
    match listed {
        Some(limit) if disability.grade.value() <= limit.up_to_grade => Check::fact(
            CheckKey::DestituteWorkCapacityDisability,
            label,
            Outcome::Pass,
            format!("{}残疾{}，属于无劳动能力的残疾等级。", disability.kind.label(), disability.grade.label()),
            grades_source,
        ),
        _ => Check::fact(
            CheckKey::DestituteWorkCapacityDisability,
            label,
            Outcome::Unknown,
            format!(
                "{}残疾{}不在国家列出的无劳动能力等级内，但省级人民政府可规定其他情形，请向当地核实。",
                disability.kind.label(),
                disability.grade.label()
            ),
            grades_source,
        ),
    }
}

/// Whether a member may be able to work, by the same measure 特困 uses for 无劳动能力 (the pack's
/// elderly and minor ages, and its disability grades): 就业救助 is offered only where someone may.
/// A pack without those parameters in force leaves everyone possibly able.
pub fn may_work(ctx: &Context, member: &Member) -> bool {
    let rule = &ctx.pack.rules.destitute;
    let (Some(elderly), Some(minor), Some(grades)) =
        (ctx.param(&rule.elderly_age), ctx.param(&rule.minor_age), ctx.param(&rule.no_work_capacity_disabilities))
    else {
        return true;
    };
    let ages = Population { elderly_age: Some(elderly.value), minor_age: Some(minor.value) };
    let unable_by_disability = member
        .disability
        .is_some_and(|d| grades.value.iter().any(|limit| limit.kind == d.kind && d.grade.value() <= limit.up_to_grade));
    !ages.includes(member.age.years(), unable_by_disability)
}

fn means_of_living(ctx: &Context, index: usize) -> Result<Check, MoneyError> {
    ctx.own_income_test(
        CheckKey::DestituteIncome,
        "本人收入低于当地低保标准（无生活来源）",
        index,
        PersonalRule::Destitute,
        cite::national_destitute_2021("无生活来源的认定"),
    )
}

/// 无法定义务人或其无履行义务能力. When the question was not answered (a partner's data may leave it
/// out; the page asks it), the household itself may answer it: an adult who by relation is the
/// member's legal supporter (spouse, parent of a child, adult child of a parent), without a severe
/// disability, is able to support them unless the user or the office says otherwise — when under the
/// elderly age, or older but with an income of their own (a pension). An older relative without
/// income is left to the office: the 办法 counts elderly people on low incomes among those unable.
fn supporter_check(ctx: &Context, index: usize, member: &Member) -> Check {
    let citation = cite::national_destitute_2021("无履行义务能力的认定");
    let label = "没有能供养这位成员的家人（无法定义务人，或义务人无履行能力）";
    let (outcome, text) = match member.supporter {
        SupporterStatus::None => (Outcome::Pass, Explanation::from("没有依法应当供养这位成员的家人（法定赡养、抚养、扶养义务人）。")),
        SupporterStatus::Unable => (Outcome::Pass, Explanation::from("依法应当供养的家人没有能力供养（法定义务人无履行义务能力）。")),
        SupporterStatus::Able => (Outcome::Fail, Explanation::from("有依法应当供养、也有能力供养的家人（法定义务人）。")),
        SupporterStatus::Unknown => match able_supporter_in_household(ctx, index, member) {
            Some((supporter, other, why)) => (
                Outcome::Fail,
                Explanation::from(format!(
                    "{}：{why}，按关系依法应当供养这位成员（法定义务人），通常有能力；如实际没有能力，请回答“有，但他们没有能力供养”，并向当地说明。",
                    MemberLabel(supporter, other)
                )),
            ),
            None => {
                (Outcome::Unknown, Explanation::from("未回答有没有依法应当供养这位成员的家人（配偶、子女、父母等）。"))
            }
        },
    };
    Check::fact(CheckKey::DestituteSupporter, label, outcome, text, citation)
}

/// The first member the household shows to be this member's able legal supporter, with why.
fn able_supporter_in_household<'h>(
    ctx: &Context<'h>,
    index: usize,
    member: &Member,
) -> Option<(usize, &'h Member, &'static str)> {
    use crate::engine::household::Relation;
    let rule = &ctx.pack.rules.destitute;
    // Without the pack's ages and grades the household cannot answer the question for the user.
    let elderly = ctx.param(&rule.elderly_age)?.value;
    let adult = ctx.param(rule.supporter_adult_age.as_ref()?)?.value;
    let severe = ctx.param(rule.supporter_severe_up_to_grade.as_ref()?)?.value;
    // Relations are to the applicant; these pairs are legal support duties (婚姻法/民法典 spouses,
    // parents and children) that can be read from them without guessing.
    let duty = |other: Relation| match member.relation {
        Relation::Applicant => matches!(other, Relation::Spouse | Relation::Child | Relation::Parent),
        Relation::Spouse => matches!(other, Relation::Applicant | Relation::Child),
        Relation::Child => matches!(other, Relation::Applicant | Relation::Spouse),
        Relation::Parent => matches!(other, Relation::Applicant),
        _ => false,
    };
    ctx.household.members.iter().enumerate().find_map(|(i, other)| {
        let severely_disabled = other.disability.is_some_and(|d| u32::from(d.grade.value()) <= severe);
        if i == index || !duty(other.relation) || other.age.years() < adult || severely_disabled {
            return None;
        }
        if other.age.years() < elderly {
            return Some((i, other, "已成年"));
        }
        // An income of their own (a pension, wages): counted as for 特困; an error leaves it undecided.
        let own = income::member_own(ctx.household, i, PersonalRule::Destitute).ok()?;
        (own.totals.net().ok()? > Decimal::ZERO).then_some((i, other, "有自己的收入（如养老金）"))
    })
}

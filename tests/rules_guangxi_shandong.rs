//! 广西 (桂民发〔2024〕34号) and 山东 (送审稿, 2024-04) rules, from the seed text. Standard 800
//! 元/人/月 and 2 members: the household line is 800 × 12 × 2 = 19200 元 a year, 1.5 × is 28800,
//! 2 × is 38400.

mod common;

use common::*;
use low_income_check::engine::assessment::Assessment;
use low_income_check::engine::check_key::CheckKey;
use low_income_check::engine::household::*;
use low_income_check::engine::outcome::{AssistanceKind, Category, LocalRule, Outcome, Status};

fn gx(wages: &str) -> H {
    H::new("guangxi", "800").adults(2).yearly_wages(wages)
}

fn sd(wages: &str) -> H {
    H::new("shandong", "800").adults(2).yearly_wages(wages)
}

// ---- 广西 低保边缘: 高于当地低保标准，但低于当地低保标准2倍 (一(一)) ----

#[test]
fn guangxi_income_exactly_at_the_standard_is_neither_dibao_nor_marginal_by_the_letter_and_goes_to_the_office() {
    let a = gx("19200").assess();
    assert_eq!(outcome(&a, Category::Dibao, CheckKey::DibaoIncome), Outcome::Fail);
    let c = check(result(&a, Category::Marginal), CheckKey::MarginalAboveStandard);
    assert_eq!(c.outcome, Outcome::Unknown);
    assert!(c.explanation.to_string().contains("恰好相等"), "{}", c.explanation);
    assert_eq!(status(&a, Category::Marginal), Status::NeedsLocalCheck);
}

#[test]
fn guangxi_income_one_fen_above_the_standard_is_marginal_and_one_fen_below_is_dibao() {
    let a = gx("19200.01").assess();
    assert_eq!(status(&a, Category::Marginal), Status::Likely);
    let a = gx("19199.99").assess();
    assert_eq!(outcome(&a, Category::Marginal, CheckKey::MarginalAboveStandard), Outcome::Fail);
    assert_eq!(status(&a, Category::Dibao), Status::Likely);
}

#[test]
fn guangxi_income_at_exactly_twice_the_standard_is_not_marginal_and_one_fen_below_is() {
    let a = gx("38400").assess();
    assert_eq!(outcome(&a, Category::Marginal, CheckKey::MarginalIncome), Outcome::Fail);
    let a = gx("38399.99").assess();
    assert_eq!(outcome(&a, Category::Marginal, CheckKey::MarginalIncome), Outcome::Pass);
    assert_eq!(
        check(result(&a, Category::Marginal), CheckKey::MarginalIncome).citation.to_string(),
        "桂民发〔2024〕34号 一(一)"
    );
}

#[test]
fn guangxi_has_no_expenditure_poverty_solo_household_or_phase_out_rule() {
    let a = gx("10000")
        .member(working(disabled(person(Relation::Sibling, 30), DisabilityKind::Physical, 1), WorkStatus::Unemployed))
        .assess();
    assert_eq!(status(&a, Category::ExpenditurePoverty), Status::NotApplicable);
    assert_eq!(status(&a, Category::DibaoSoloDisabled), Status::NotApplicable);
    let a = gx("40000")
        .situation(|s| {
            s.receives_dibao = true;
            s.income_rose_through_work = true;
        })
        .assess();
    assert_eq!(status(&a, Category::PhaseOut), Status::NotApplicable);
}

// ---- 广西 刚性支出困难 (一(一)) ----

fn rigid(wages: &str, medical: &str) -> H {
    gx(wages).medical(medical).disposable_income_yearly("40000")
}

#[test]
fn guangxi_rigid_without_last_years_disposable_income_is_left_to_the_office() {
    let a = gx("40000").medical("30000").assess();
    assert_eq!(outcome(&a, Category::RigidExpenditure, CheckKey::RigidDisposableIncome), Outcome::Unknown);
    assert_eq!(status(&a, Category::RigidExpenditure), Status::NeedsLocalCheck);
}

#[test]
fn guangxi_rigid_per_capita_income_exactly_at_disposable_income_fails_and_one_fen_below_passes() {
    // Disposable income 40000 per person → 80000 for 2.
    let a = rigid("80000", "60000").assess();
    assert_eq!(outcome(&a, Category::RigidExpenditure, CheckKey::RigidDisposableIncome), Outcome::Fail);
    let a = rigid("79999.99", "60000").assess();
    assert_eq!(outcome(&a, Category::RigidExpenditure, CheckKey::RigidDisposableIncome), Outcome::Pass);
}

#[test]
fn guangxi_income_minus_rigid_spending_exactly_twice_the_standard_fails_and_one_fen_below_passes() {
    // 2 × line = 38400: income 60000 − rigid 21600 = 38400.
    let a = rigid("60000", "21600").assess();
    assert_eq!(outcome(&a, Category::RigidExpenditure, CheckKey::RigidAfterSpending), Outcome::Fail);
    let a = rigid("60000", "21600.01").assess();
    let r = result(&a, Category::RigidExpenditure);
    assert_eq!(check(r, CheckKey::RigidAfterSpending).outcome, Outcome::Pass);
    assert_eq!(r.status, Status::Likely);
}

#[test]
fn guangxi_spending_above_income_is_the_other_branch_and_is_said() {
    let a = rigid("20000", "25000").assess();
    let c = check(result(&a, Category::RigidExpenditure), CheckKey::RigidAfterSpending);
    assert_eq!(c.outcome, Outcome::Pass);
    assert!(c.explanation.to_string().contains("收不抵支"));
}

#[test]
fn guangxi_without_any_rigid_spending_the_household_is_not_a_rigid_expenditure_family() {
    let a = gx("30000").disposable_income_yearly("40000").assess();
    assert_eq!(outcome(&a, Category::RigidExpenditure, CheckKey::RigidHasSpending), Outcome::Fail);
}

// ---- 广西 临时救助 (四(十三)) ----

#[test]
fn guangxi_sudden_hardship_opens_temporary_assistance_where_it_happened() {
    let a = gx("60000").situation(|s| s.sudden_hardship = true).assess();
    let r = result_named(&a, Category::TemporaryAssistance, "急难");
    assert_eq!(r.status, Status::Likely);
    assert_eq!(r.checks[0].citation.to_string(), "桂民发〔2024〕34号 四(十三)");
    assert!(a.how_to_apply.where_to_apply.iter().any(|g| g.text.contains("急难发生地")));
}

#[test]
fn guangxi_migrant_workers_without_unemployment_insurance_are_left_to_local_conditions() {
    let a = gx("0")
        .situation(|s| {
            s.unemployment = Some(UnemploymentHardship {
                months_without_income: 1,
                unemployment_insurance: false,
                caused_by_emergency: false,
            })
        })
        .assess();
    assert_eq!(result_named(&a, Category::TemporaryAssistance, "无失业保险").status, Status::NeedsLocalCheck);
    let a = gx("0")
        .situation(|s| {
            s.unemployment = Some(UnemploymentHardship {
                months_without_income: 1,
                unemployment_insurance: true,
                caused_by_emergency: false,
            })
        })
        .assess();
    assert_eq!(result_named(&a, Category::TemporaryAssistance, "无失业保险").status, Status::Unlikely);
}

#[test]
fn guangxi_new_applicants_who_may_qualify_can_ask_for_a_one_off_payment_before_the_review() {
    let a = gx("10000").home().assess();
    let r = result_named(&a, Category::TemporaryAssistance, "先行发放");
    assert_eq!(r.status, Status::NeedsLocalCheck);
    // It names the categories that may apply, not a status.
    let said = check(r, CheckKey::TemporaryBeforeReviewApplicant).explanation.to_string();
    assert!(said.contains("您家可能符合：最低生活保障（低保）"), "{said}");
    assert!(!said.contains("可能符合——"), "{said}");
    let a = gx("100000").assess();
    assert!(!a.results.iter().any(|r| r.name.contains("先行发放")));
    let a = gx("10000").situation(|s| s.receives_dibao = true).assess();
    assert!(!a.results.iter().any(|r| r.name.contains("先行发放")));
}

// ---- 广西 special assistance (三(七)–(十二)) ----

#[test]
fn guangxi_dibao_students_get_fee_waivers_and_housing_help_follows_urban_or_rural() {
    let a = gx("10000").member(student(person(Relation::Child, 16), EducationLevel::SeniorSecondary)).assess();
    let r = result(&a, Category::Dibao);
    assert!(r
        .special_assistance
        .iter()
        .any(|s| s.name == "教育费用减免" && s.citation.to_string() == "桂民发〔2024〕34号 三(八)"));
    assert!(r.special_assistance.iter().any(|s| s.name == "住房救助（城市）"));
    let a = gx("10000").rural().assess();
    let r = result(&a, Category::Dibao);
    assert!(r.special_assistance.iter().any(|s| s.name == "住房救助（农村）"));
    assert!(!r.special_assistance.iter().any(|s| s.kind == AssistanceKind::Education));
}

#[test]
fn guangxi_unlikely_categories_open_no_special_assistance() {
    let a = gx("100000").assess();
    assert!(result(&a, Category::Dibao).special_assistance.is_empty());
}

#[test]
fn guangxi_has_no_published_time_limits_so_none_are_invented() {
    let a = gx("10000").assess();
    assert!(a.how_to_apply.time_limits.iter().all(|g| !g.text.contains("工作日")));
    assert!(a.how_to_apply.time_limits.iter().any(|g| g.text.contains("以当地规定为准")));
}

#[test]
fn guangxi_nanning_rural_standard_is_6800_a_year_from_2022_04_01() {
    let mut h = gx("13599.99").rural();
    h.household.place.local_standard = None;
    h.household.place.area = Some("nanning".to_string());
    let a = h.assess();
    let s = a.standard.as_ref().expect("standard");
    assert_eq!(s.annual.to_string(), "6800");
    assert!(s.describe().contains("2022-04-01"));
    assert_eq!(outcome(&a, Category::Dibao, CheckKey::DibaoIncome), Outcome::Pass);
    h.household.income[0].amount = money("13600");
    assert_eq!(outcome(&h.assess(), Category::Dibao, CheckKey::DibaoIncome), Outcome::Fail);
}

// ---- 山东: 边缘 "按照现有规定执行" → national default 1.5 ×, up to 2 × locally ----

#[test]
fn shandong_income_one_fen_below_1_5_times_is_marginal_under_the_national_default() {
    let a = sd("28799.99").assess();
    assert_eq!(outcome(&a, Category::Marginal, CheckKey::MarginalIncome), Outcome::Pass);
    assert!(result(&a, Category::Marginal)
        .notes
        .iter()
        .any(|n| n.contains("按照现有规定执行") && n.contains("国家默认")));
}

#[test]
fn shandong_income_between_1_5_and_2_times_is_left_to_the_office_because_localities_may_raise_it() {
    let a = sd("28800").assess();
    let c = check(result(&a, Category::Marginal), CheckKey::MarginalIncome);
    assert_eq!(c.outcome, Outcome::Unknown);
    assert!(c.explanation.to_string().contains("2倍低保标准"));
    let a = sd("38399.99").assess();
    assert_eq!(outcome(&a, Category::Marginal, CheckKey::MarginalIncome), Outcome::Unknown);
}

#[test]
fn shandong_income_at_exactly_twice_the_standard_is_not_marginal() {
    let a = sd("38400").assess();
    assert_eq!(outcome(&a, Category::Marginal, CheckKey::MarginalIncome), Outcome::Fail);
}

// ---- 山东 三.6: 重病患者, 一、二级 残疾, 三级精神、智力 残疾 may enter 低保 alone ----

fn sd_marginal_with(member: Member) -> H {
    sd("25000").member(member)
}

#[test]
fn shandong_grade_three_intellectual_disability_in_a_marginal_family_qualifies_alone() {
    // 3 members now: line 28800, 1.5 × 43200; 25000 is below the standard, so use more income.
    let h = sd_marginal_with(disabled(person(Relation::Child, 20), DisabilityKind::Intellectual, 3))
        .with(|h| h.income[0].amount = money("40000"));
    let a = h.assess();
    assert_eq!(status(&a, Category::Marginal), Status::Likely);
    let r = member_result(&a, Category::DibaoSoloMarginalMember, 2);
    assert_eq!(r.status, Status::Likely);
    assert_eq!(check(r, CheckKey::SoloMarginalMemberDisability).citation.article, "三.6");
}

#[test]
fn shandong_grade_three_physical_disability_is_not_named_and_grade_two_hearing_is() {
    let h = sd_marginal_with(disabled(person(Relation::Child, 20), DisabilityKind::Physical, 3))
        .with(|h| h.income[0].amount = money("40000"));
    assert_eq!(status(&h.assess(), Category::DibaoSoloMarginalMember), Status::NotApplicable);
    let h = sd_marginal_with(disabled(person(Relation::Child, 20), DisabilityKind::Hearing, 2))
        .with(|h| h.income[0].amount = money("40000"));
    assert_eq!(member_result(&h.assess(), Category::DibaoSoloMarginalMember, 2).status, Status::Likely);
}

#[test]
fn shandong_rigid_expenditure_rules_are_to_be_issued_so_the_national_default_is_marked_and_the_ratio_left_to_the_office(
) {
    let a = sd("30000").medical("20000").disposable_income_yearly("50000").assess();
    let r = result(&a, Category::RigidExpenditure);
    assert_eq!(check(r, CheckKey::RigidRatio).outcome, Outcome::Unknown);
    assert!(r.notes.iter().any(|n| n.contains("另行制定")));
    assert_eq!(r.status, Status::NeedsLocalCheck);
}

#[test]
fn shandong_applicants_for_dibao_in_hardship_may_get_temporary_assistance_first() {
    let a = sd("10000").home().assess();
    let r = result_named(&a, Category::TemporaryAssistance, "先行发放");
    assert_eq!(r.checks[0].citation.article, "三.6");
}

#[test]
fn shandong_special_assistance_includes_heating_subsidies() {
    let a = sd("10000").assess();
    assert!(result(&a, Category::Dibao).special_assistance.iter().any(|s| s.name.contains("取暖补贴")));
}

#[test]
fn shandong_review_order_is_told_in_how_to_apply() {
    let a = sd("10000").assess();
    assert!(a.how_to_apply.where_to_apply.iter().any(|g| g.text.contains("一次申请、分类审核认定")));
}

// ---- 刚性支出困难 under the national rule (山东 "另行制定"): not a 低保 or 边缘 household first ----
// 2 members, standard 800: line 19200 a year, 1.5 × 28800, 2 × 38400.

fn sd_rigid(wages: &str) -> H {
    sd(wages).medical("30000").disposable_income_yearly("80000")
}

#[test]
fn shandong_a_household_already_receiving_dibao_is_not_a_rigid_expenditure_family() {
    let a = sd_rigid("40000").situation(|s| s.receives_dibao = true).assess();
    let r = result(&a, Category::RigidExpenditure);
    let c = check(r, CheckKey::RigidNotHigherCategory);
    assert_eq!(c.outcome, Outcome::Fail);
    assert!(c.explanation.to_string().contains("正在享受低保"), "{}", c.explanation);
    assert_eq!(c.citation.article, "不符合最低生活保障、特困人员救助供养、低保边缘家庭条件");
    assert_eq!(r.status, Status::Unlikely);
    // The same household not on 低保, at exactly 2 ×, is neither 低保 nor 边缘: the condition holds.
    let a = sd_rigid("38400").assess();
    assert_eq!(outcome(&a, Category::RigidExpenditure, CheckKey::RigidNotHigherCategory), Outcome::Pass);
}

#[test]
fn shandong_a_household_one_fen_below_the_standard_is_reviewed_as_dibao_not_as_rigid_expenditure() {
    let a = sd_rigid("19199.99").assess();
    let c = check(result(&a, Category::RigidExpenditure), CheckKey::RigidNotHigherCategory);
    assert_eq!(c.outcome, Outcome::Fail);
    assert!(c.explanation.to_string().contains("最低生活保障（低保）"), "{}", c.explanation);
}

#[test]
fn shandong_a_household_one_fen_below_1_5_times_is_reviewed_as_marginal_not_as_rigid_expenditure() {
    let a = sd_rigid("28799.99").assess();
    assert_eq!(status(&a, Category::Marginal), Status::Likely);
    let c = check(result(&a, Category::RigidExpenditure), CheckKey::RigidNotHigherCategory);
    assert_eq!(c.outcome, Outcome::Fail);
    assert!(c.explanation.to_string().contains("低保边缘家庭"), "{}", c.explanation);
}

#[test]
fn shandong_between_1_5_and_2_times_rigid_expenditure_waits_on_the_local_marginal_standard_and_at_2_times_does_not() {
    let a = sd_rigid("38399.99").assess();
    let c = check(result(&a, Category::RigidExpenditure), CheckKey::RigidNotHigherCategory);
    assert_eq!(c.outcome, Outcome::Unknown);
    assert!(c.waits_on.contains(LocalRule::MarginalMultiplier));
    let a = sd_rigid("38400").assess();
    let c = check(result(&a, Category::RigidExpenditure), CheckKey::RigidNotHigherCategory);
    assert_eq!(c.outcome, Outcome::Pass);
    assert!(c.waits_on.is_empty());
}

#[test]
fn guangxi_rigid_expenditure_has_its_own_conditions_and_no_national_first_condition() {
    let a = gx("20000").medical("30000").disposable_income_yearly("80000").assess();
    assert!(!result(&a, Category::RigidExpenditure).checks.iter().any(|c| c.key == CheckKey::RigidNotHigherCategory));
}

// ---- 就业救助 is for members who may be able to work (三(十); 特困's measure of 无劳动能力) ----

fn gx_couple(first: Member, second: Member) -> Assessment {
    H::new("guangxi", "800").member(first).member(second).yearly_wages("10000").assess()
}

fn offers_employment_help(a: &Assessment) -> bool {
    result(a, Category::Dibao).special_assistance.iter().any(|s| s.kind == AssistanceKind::Employment)
}

#[test]
fn guangxi_a_couple_of_68_year_olds_on_dibao_is_not_offered_employment_assistance() {
    let a = gx_couple(person(Relation::Applicant, 68), person(Relation::Spouse, 68));
    assert!(status(&a, Category::Dibao) <= Status::NeedsLocalCheck);
    assert!(!offers_employment_help(&a));
    // The other help stays: 医疗救助 does not depend on work.
    assert!(result(&a, Category::Dibao).special_assistance.iter().any(|s| s.kind == AssistanceKind::Medical));
}

#[test]
fn guangxi_employment_assistance_is_offered_at_59_and_not_at_60() {
    let a = gx_couple(person(Relation::Applicant, 59), person(Relation::Spouse, 68));
    assert!(offers_employment_help(&a));
    let a = gx_couple(person(Relation::Applicant, 60), person(Relation::Spouse, 68));
    assert!(!offers_employment_help(&a));
}

#[test]
fn guangxi_employment_assistance_is_offered_at_16_and_not_at_15() {
    let a = gx_couple(person(Relation::Applicant, 70), person(Relation::Child, 16));
    assert!(offers_employment_help(&a));
    let a = gx_couple(person(Relation::Applicant, 70), person(Relation::Child, 15));
    assert!(!offers_employment_help(&a));
}

#[test]
fn guangxi_a_40_year_old_with_a_grade_one_physical_disability_is_not_counted_as_able_to_work_but_grade_four_is() {
    let a =
        gx_couple(person(Relation::Applicant, 70), disabled(person(Relation::Child, 40), DisabilityKind::Physical, 1));
    assert!(!offers_employment_help(&a));
    let a =
        gx_couple(person(Relation::Applicant, 70), disabled(person(Relation::Child, 40), DisabilityKind::Physical, 4));
    assert!(offers_employment_help(&a));
}

#[test]
fn shandong_without_a_standard_the_payment_before_review_waits_on_the_standard_and_does_not_lead() {
    let a = H::new("shandong", "800")
        .member(person(Relation::Applicant, 45))
        .income(Some(0), IncomeKind::Wages, monthly("620"))
        .with(|h| h.place.local_standard = None)
        .assess();
    let before = a.results.iter().find(|r| r.name.contains("先行发放")).expect("先行发放 is listed");
    assert!(before.waits_on.contains(LocalRule::Standard));
    assert!(a.best.as_ref().is_none_or(|b| !b.name.contains("先行发放")), "{:?}", a.best);
}

// ---- how to apply: the documents the conditions call for ----

#[test]
fn guangxi_rigid_spending_calls_for_the_bills_of_every_kind_of_spending_declared() {
    let a = H::new("guangxi", "800")
        .adults(1)
        .member(needing_care(disabled(person(Relation::Spouse, 44), DisabilityKind::Physical, 4)))
        .member(fees(student(person(Relation::Child, 17), EducationLevel::SeniorSecondary), "3000"))
        .yearly_wages("40000")
        .medical("20000")
        .disability_care("2000")
        .other_rigid("1000")
        .disposable_income_yearly("40000")
        .assess();
    assert_eq!(status(&a, Category::RigidExpenditure), Status::Likely);
    let expected: Vec<&str> = [
        &ALWAYS[..],
        &ECONOMY[..],
        &[
            INCOME_PROOF,
            "医疗费用票据和医保结算单（报销后个人负担部分）",
            "辅助器具、康复、照料护理费用票据",
            "在校（在园）证明和学费、住宿费、保育教育费票据",
            "其他必需刚性支出的票据",
        ],
    ]
    .concat();
    assert_eq!(documents(&a), expected);
}

#[test]
fn shandong_a_disabled_member_of_a_marginal_family_calls_for_the_disability_certificate() {
    let a = sd("50000").member(disabled(person(Relation::Child, 20), DisabilityKind::Intellectual, 3)).assess();
    assert_eq!(member_result(&a, Category::DibaoSoloMarginalMember, 2).status, Status::NeedsLocalCheck);
    assert_eq!(documents(&a), [&ALWAYS[..], &ECONOMY[..], &[INCOME_PROOF, "中华人民共和国残疾人证"]].concat());
}

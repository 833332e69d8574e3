//! 山西 rules, case by case from the seed text (晋民发〔2022〕60号, 〔2023〕31号, 〔2024〕6号) and the
//! national rules the 山西 pack applies. Standard 760 元/人/月 throughout: for 3 members the household
//! line is 760 × 12 × 3 = 27360 元 a year, 1.5 × is 41040 元.

mod common;

use common::*;
use low_income_check::engine::assessment::Assessment;
use low_income_check::engine::check_key::CheckKey;
use low_income_check::engine::household::*;
use low_income_check::engine::outcome::{Category, LocalRule, Outcome, Status};

fn three(wages: &str) -> H {
    H::new("shanxi", "760").adults(2).member(person(Relation::Child, 10)).yearly_wages(wages)
}

// ---- 低保 (民发〔2021〕57号, household per-capita income below the standard) ----

#[test]
fn dibao_income_one_fen_below_the_standard_passes_the_income_test() {
    let a = three("27359.99").assess();
    assert_eq!(outcome(&a, Category::Dibao, CheckKey::DibaoIncome), Outcome::Pass);
}

#[test]
fn dibao_income_exactly_at_the_standard_fails_because_the_rule_says_below() {
    let a = three("27360").assess();
    let c = check(result(&a, Category::Dibao), CheckKey::DibaoIncome);
    assert_eq!(c.outcome, Outcome::Fail);
    assert!(c.explanation.to_string().contains("恰好等于低保标准"), "{}", c.explanation);
}

#[test]
fn dibao_with_nothing_declared_is_likely_and_with_a_home_needs_a_local_property_check() {
    let a = three("20000").assess();
    assert_eq!(status(&a, Category::Dibao), Status::Likely);
    let a = three("20000").home().assess();
    assert_eq!(status(&a, Category::Dibao), Status::NeedsLocalCheck);
    assert_eq!(outcome(&a, Category::Dibao, CheckKey::DibaoProperty), Outcome::Unknown);
}

#[test]
fn dibao_gap_is_stated_in_money_per_person_per_month() {
    // 812 元/人/月 × 3 × 12 = 29232: 52 元 above the 760 line.
    let a = three("29232").assess();
    let c = check(result(&a, Category::Dibao), CheckKey::DibaoIncome);
    assert_eq!(c.gap.map(|g| g.to_string()), Some("-52".to_string()));
    assert!(
        c.explanation.to_string().contains("760元/人/月")
            && c.explanation.to_string().contains("812元/人/月")
            && c.explanation.to_string().contains("比低保标准高52元"),
        "{}",
        c.explanation
    );
    assert_eq!(c.citation.document, "民发〔2021〕57号《最低生活保障审核确认办法》");
}

#[test]
fn exempt_income_is_not_counted_and_deductions_reduce_income() {
    // Basic pension base, scholarship and social assistance are not counted; taxes are deducted.
    let a = three("27000")
        .income(Some(1), IncomeKind::BasicPensionBase, yearly("2000"))
        .income(Some(2), IncomeKind::Scholarship, yearly("3000"))
        .income(None, IncomeKind::SocialAssistance, yearly("1000"))
        .assess();
    assert_eq!(outcome(&a, Category::Dibao, CheckKey::DibaoIncome), Outcome::Pass);
    let a = three("28000").income(Some(0), IncomeKind::TaxesAndSocialInsurance, yearly("641")).assess();
    assert_eq!(a.household.net_income.to_string(), "27359");
    assert_eq!(outcome(&a, Category::Dibao, CheckKey::DibaoIncome), Outcome::Pass);
    let a = three("28000").income(Some(0), IncomeKind::TaxesAndSocialInsurance, yearly("640")).assess();
    assert_eq!(outcome(&a, Category::Dibao, CheckKey::DibaoIncome), Outcome::Fail);
}

#[test]
fn a_monthly_wage_counts_twelve_times() {
    // 2280 × 12 = 27360 = the line exactly for 3 people.
    let a = H::new("shanxi", "760")
        .adults(2)
        .member(person(Relation::Child, 10))
        .income(Some(0), IncomeKind::Wages, monthly("2280"))
        .assess();
    assert_eq!(outcome(&a, Category::Dibao, CheckKey::DibaoIncome), Outcome::Fail);
    let a = H::new("shanxi", "760")
        .adults(2)
        .member(person(Relation::Child, 10))
        .income(Some(0), IncomeKind::Wages, monthly("2279.99"))
        .assess();
    assert_eq!(outcome(&a, Category::Dibao, CheckKey::DibaoIncome), Outcome::Pass);
}

#[test]
fn the_pack_standard_for_the_chosen_area_is_used_with_its_source_and_date() {
    let mut h = three("20000");
    h.household.place.local_standard = None;
    h.household.place.area = Some("taiyuan/urban".to_string());
    let a = h.assess();
    let s = a.standard.as_ref().expect("standard");
    assert_eq!(s.monthly.to_string(), "760");
    let text = s.describe();
    assert!(text.contains("2023-01-01") && text.contains("并民发〔2023〕19号") && text.contains("太原市"), "{text}");
}

#[test]
fn a_rural_yearly_standard_is_compared_over_the_year() {
    // 运城 盐湖区 rural: 6552 元/年; 2 people → 13104 a year.
    let mut h = H::new("shanxi", "1").adults(2).rural().yearly_wages("13104");
    h.household.place.local_standard = None;
    h.household.place.area = Some("yuncheng/yanhu".to_string());
    let a = h.assess();
    assert_eq!(a.standard.as_ref().map(|s| s.annual.to_string()), Some("6552".to_string()));
    assert_eq!(outcome(&a, Category::Dibao, CheckKey::DibaoIncome), Outcome::Fail);
    let mut h2 = h;
    h2.household.income[0].amount = money("13103.99");
    assert_eq!(outcome(&h2.assess(), Category::Dibao, CheckKey::DibaoIncome), Outcome::Pass);
}

#[test]
fn without_any_standard_income_tests_are_left_to_the_office_with_a_warning() {
    let mut h = three("10000");
    h.household.place.local_standard = None;
    let a = h.assess();
    assert_eq!(outcome(&a, Category::Dibao, CheckKey::DibaoIncome), Outcome::Unknown);
    assert!(a.warnings.iter().any(|w| w.contains("低保标准")));
    assert!(a.standard.is_none());
}

#[test]
fn a_standard_typed_by_the_user_overrides_the_pack_and_says_so() {
    let mut h = three("20000");
    h.household.place.area = Some("taiyuan/urban".to_string());
    h.household.place.local_standard = Some(monthly("500"));
    let a = h.assess();
    assert!(a.standard.as_ref().expect("standard").describe().contains("您填写"));
    assert_eq!(outcome(&a, Category::Dibao, CheckKey::DibaoIncome), Outcome::Fail);
}

// ---- 低保边缘 (晋民发〔2024〕6号 二(一): 不符合低保条件，人均收入低于低保标准的1.5倍) ----

#[test]
fn shanxi_income_at_exactly_1_5_times_the_standard_is_not_marginal() {
    let a = three("41040").assess();
    assert_eq!(outcome(&a, Category::Marginal, CheckKey::MarginalIncome), Outcome::Fail);
    assert_eq!(status(&a, Category::Marginal), Status::Unlikely);
}

#[test]
fn shanxi_income_one_fen_below_1_5_times_the_standard_is_marginal() {
    let a = three("41039.99").assess();
    assert_eq!(outcome(&a, Category::Marginal, CheckKey::MarginalIncome), Outcome::Pass);
    assert_eq!(status(&a, Category::Marginal), Status::Likely);
    assert_eq!(result(&a, Category::Marginal).checks[1].citation.to_string(), "晋民发〔2024〕6号 二(一)");
}

#[test]
fn shanxi_a_household_likely_for_dibao_is_not_marginal() {
    let a = three("20000").assess();
    assert_eq!(outcome(&a, Category::Marginal, CheckKey::MarginalNotDibao), Outcome::Fail);
    assert_eq!(a.best.as_ref().map(|b| b.category), Some(Category::Dibao));
}

#[test]
fn shanxi_below_the_standard_with_property_unknown_marginal_is_the_fallback_for_the_office() {
    let a = three("20000").home().assess();
    assert_eq!(outcome(&a, Category::Marginal, CheckKey::MarginalNotDibao), Outcome::Unknown);
}

#[test]
fn shanxi_marginal_multiplier_is_taken_from_the_value_in_force() {
    // Before 晋民发〔2023〕31号 (2023-06-22) the pack has no multiplier in force.
    let mut h = three("30000");
    h.household.as_of = Some(day("2023-01-01"));
    let a = h.assess();
    assert_eq!(status(&a, Category::Marginal), Status::NotApplicable);
    h.household.as_of = Some(day("2023-06-22"));
    let a = h.assess();
    assert_eq!(result(&a, Category::Marginal).checks[1].citation.to_string(), "晋民发〔2023〕31号 一(四)");
    h.household.as_of = Some(day("2024-02-01"));
    let a = h.assess();
    assert_eq!(result(&a, Category::Marginal).checks[1].citation.to_string(), "晋民发〔2024〕6号 二(一)");
}

// ---- 支出型贫困 因病 (晋民发〔2022〕60号 二(一)) ----

fn ill_household(wages: &str, medical: &str) -> H {
    H::new("shanxi", "760")
        .member(working(person(Relation::Applicant, 45), WorkStatus::Employed))
        .member(ill(person(Relation::Spouse, 44), true, true))
        .member(person(Relation::Child, 10))
        .yearly_wages(wages)
        .medical(medical)
}

#[test]
fn illness_income_after_medical_costs_one_fen_below_the_standard_passes() {
    let a = ill_household("37360", "10000.01").assess();
    let r = result_named(&a, Category::ExpenditurePoverty, "因病致贫");
    assert_eq!(check(r, CheckKey::ExpenditureIllnessIncome).outcome, Outcome::Pass);
    assert_eq!(r.status, Status::Likely);
    assert_eq!(check(r, CheckKey::ExpenditureIllnessIncome).citation.to_string(), "晋民发〔2022〕60号 二(一)1");
}

#[test]
fn illness_income_after_medical_costs_exactly_at_the_standard_fails() {
    let a = ill_household("37360", "10000").assess();
    let r = result_named(&a, Category::ExpenditurePoverty, "因病致贫");
    assert_eq!(check(r, CheckKey::ExpenditureIllnessIncome).outcome, Outcome::Fail);
    assert_eq!(r.status, Status::Unlikely);
}

#[test]
fn illness_financial_assets_of_exactly_36_months_per_person_pass_and_one_fen_more_fails() {
    // 36 × 760 × 3 = 82080.
    let a = ill_household("30000", "10000").financial("82080").assess();
    assert_eq!(
        check(result_named(&a, Category::ExpenditurePoverty, "因病致贫"), CheckKey::ExpenditureAssets).outcome,
        Outcome::Pass
    );
    let a = ill_household("30000", "10000").financial("82080.01").assess();
    let r = result_named(&a, Category::ExpenditurePoverty, "因病致贫");
    assert_eq!(check(r, CheckKey::ExpenditureAssets).outcome, Outcome::Fail);
    assert_eq!(check(r, CheckKey::ExpenditureAssets).citation.to_string(), "晋民发〔2022〕60号 二(一)2");
}

#[test]
fn illness_that_no_longer_needs_treatment_does_not_count() {
    let mut h = ill_household("30000", "10000");
    h.household.members[1].illness = Some(Illness { serious: true, in_treatment: false });
    let a = h.assess();
    let r = result_named(&a, Category::ExpenditurePoverty, "因病致贫");
    assert_eq!(check(r, CheckKey::ExpenditureIllnessTreatment).outcome, Outcome::Fail);
    assert_eq!(r.status, Status::Unlikely);
}

// ---- 因残 (二(二)) ----

fn disabled_household(wages: &str, care: &str, needs_care: bool) -> H {
    let member = disabled(person(Relation::Spouse, 44), DisabilityKind::Physical, 3);
    let member = if needs_care { needing_care(member) } else { member };
    H::new("shanxi", "760")
        .adults(1)
        .member(member)
        .member(person(Relation::Child, 10))
        .yearly_wages(wages)
        .disability_care(care)
}

#[test]
fn disability_costs_are_deducted_and_the_boundary_is_strict() {
    let a = disabled_household("37360", "10000.01", true).assess();
    let r = result_named(&a, Category::ExpenditurePoverty, "因残致贫");
    assert_eq!(check(r, CheckKey::ExpenditureDisabilityIncome).outcome, Outcome::Pass);
    assert_eq!(r.status, Status::Likely);
    let a = disabled_household("37360", "10000", true).assess();
    assert_eq!(
        check(result_named(&a, Category::ExpenditurePoverty, "因残致贫"), CheckKey::ExpenditureDisabilityIncome)
            .outcome,
        Outcome::Fail
    );
}

#[test]
fn disability_without_further_rehabilitation_or_care_does_not_count() {
    let a = disabled_household("30000", "10000", false).assess();
    let r = result_named(&a, Category::ExpenditurePoverty, "因残致贫");
    assert_eq!(check(r, CheckKey::ExpenditureDisabilityCare).outcome, Outcome::Fail);
    assert_eq!(check(r, CheckKey::ExpenditureDisabilityCare).citation.to_string(), "晋民发〔2022〕60号 二(二)1、3");
}

// ---- 因学 (二(三)) ----

fn student_household(level: EducationLevel, education: &str) -> H {
    H::new("shanxi", "760")
        .adults(2)
        .member(fees(student(person(Relation::Child, 19), level), education))
        .yearly_wages("37360")
}

#[test]
fn schooling_costs_of_an_undergraduate_are_deducted_with_a_strict_boundary() {
    let a = student_household(EducationLevel::Undergraduate, "10000.01").assess();
    let r = result_named(&a, Category::ExpenditurePoverty, "因学致贫");
    assert_eq!(check(r, CheckKey::ExpenditureEducationStudent).outcome, Outcome::Pass);
    assert_eq!(check(r, CheckKey::ExpenditureEducationIncome).outcome, Outcome::Pass);
    assert_eq!(check(r, CheckKey::ExpenditureEducationIncome).citation.to_string(), "晋民发〔2022〕60号 二(三)2");
    let a = student_household(EducationLevel::Undergraduate, "10000").assess();
    assert_eq!(
        check(result_named(&a, Category::ExpenditurePoverty, "因学致贫"), CheckKey::ExpenditureEducationIncome).outcome,
        Outcome::Fail
    );
}

#[test]
fn a_postgraduate_is_above_undergraduate_level_and_does_not_count() {
    let a = student_household(EducationLevel::Postgraduate, "20000").assess();
    assert_eq!(
        check(result_named(&a, Category::ExpenditurePoverty, "因学致贫"), CheckKey::ExpenditureEducationStudent)
            .outcome,
        Outcome::Fail
    );
}

#[test]
fn preschool_counts_but_high_fee_schools_study_abroad_and_part_time_study_do_not() {
    let a = student_household(EducationLevel::Preschool, "20000").assess();
    assert_eq!(
        check(result_named(&a, Category::ExpenditurePoverty, "因学致贫"), CheckKey::ExpenditureEducationStudent)
            .outcome,
        Outcome::Pass
    );
    for change in [
        |s: &mut Student| s.high_fee_school = true,
        |s: &mut Student| s.abroad = true,
        |s: &mut Student| s.full_time = false,
    ] {
        let h = student_household(EducationLevel::SeniorSecondary, "20000").with(|h| {
            if let Some(s) = h.members[2].student.as_mut() {
                change(s);
            }
        });
        let a = h.assess();
        assert_eq!(
            check(result_named(&a, Category::ExpenditurePoverty, "因学致贫"), CheckKey::ExpenditureEducationStudent)
                .outcome,
            Outcome::Fail
        );
    }
}

// ---- 多重 (二(四)) ----

/// Line 27360; income 37360: medical 6000 alone or education 5000 alone leave it above, together
/// 11000 bring it to 26360 < 27360.
fn ill_and_at_school() -> H {
    H::new("shanxi", "760")
        .adults(1)
        .member(ill(person(Relation::Spouse, 44), true, true))
        .member(fees(student(person(Relation::Child, 17), EducationLevel::SeniorSecondary), "5000"))
        .yearly_wages("37360")
        .medical("6000")
}

#[test]
fn several_causes_deduct_their_costs_together_when_no_single_cause_suffices() {
    let h = ill_and_at_school();
    let a = h.assess();
    assert_eq!(result_named(&a, Category::ExpenditurePoverty, "因病致贫").status, Status::Unlikely);
    assert_eq!(result_named(&a, Category::ExpenditurePoverty, "因学致贫").status, Status::Unlikely);
    let multiple = result_named(&a, Category::ExpenditurePoverty, "多重");
    assert_eq!(check(multiple, CheckKey::ExpenditureMultipleIncome).outcome, Outcome::Pass);
    assert_eq!(multiple.status, Status::Likely);
    assert_eq!(check(multiple, CheckKey::ExpenditureMultipleIncome).citation.to_string(), "晋民发〔2022〕60号 二(四)");
}

#[test]
fn the_cost_of_a_cause_whose_conditions_fail_is_not_deducted_together() {
    // The illness is cured: only one cause (school) is present, so there is no 多重 result.
    let h = H::new("shanxi", "760")
        .adults(1)
        .member(ill(person(Relation::Spouse, 44), true, false))
        .member(fees(student(person(Relation::Child, 17), EducationLevel::SeniorSecondary), "5000"))
        .yearly_wages("37360")
        .medical("6000");
    let a = h.assess();
    assert!(!a.results.iter().any(|r| r.name.contains("多重")));
}

#[test]
fn expenditure_poverty_does_not_apply_to_a_household_with_no_illness_disability_or_student() {
    let a = three("30000").assess();
    assert_eq!(status(&a, Category::ExpenditurePoverty), Status::NotApplicable);
}

// ---- 低保单人户: 成年无业重度残疾人 (晋民发〔2023〕31号 一(二)) ----

fn solo(grade: u32, kind: DisabilityKind, age: u32) -> H {
    H::new("shanxi", "760")
        .member(working(person(Relation::Applicant, 50), WorkStatus::Employed))
        .member(working(disabled(person(Relation::Sibling, age), kind, grade), WorkStatus::Unemployed))
        .yearly_wages("60000")
}

#[test]
fn an_adult_unemployed_grade_two_disabled_member_may_apply_alone() {
    let a = solo(2, DisabilityKind::Physical, 30).assess();
    let r = member_result(&a, Category::DibaoSoloDisabled, 1);
    assert_eq!(check(r, CheckKey::SoloDisabledIncome).outcome, Outcome::Pass);
    assert_eq!(r.status, Status::Likely, "{r:#?}");
    assert_eq!(status(&a, Category::Dibao), Status::Unlikely);
}

#[test]
fn support_paid_by_siblings_or_elderly_people_is_exempt_but_other_support_counts() {
    let a = solo(1, DisabilityKind::Physical, 30)
        .income(Some(1), IncomeKind::SupportFromSiblingsOrElderly, yearly("20000"))
        .assess();
    assert_eq!(
        check(member_result(&a, Category::DibaoSoloDisabled, 1), CheckKey::SoloDisabledIncome).outcome,
        Outcome::Pass
    );
    let a = solo(1, DisabilityKind::Physical, 30).income(Some(1), IncomeKind::SupportReceived, yearly("9120")).assess();
    assert_eq!(
        check(member_result(&a, Category::DibaoSoloDisabled, 1), CheckKey::SoloDisabledIncome).outcome,
        Outcome::Fail
    );
    let a =
        solo(1, DisabilityKind::Physical, 30).income(Some(1), IncomeKind::SupportReceived, yearly("9119.99")).assess();
    assert_eq!(
        check(member_result(&a, Category::DibaoSoloDisabled, 1), CheckKey::SoloDisabledIncome).outcome,
        Outcome::Pass
    );
}

#[test]
fn the_sole_member_sentence_names_as_exempt_only_the_support_the_rule_exempts_not_income_no_rule_counts() {
    let a = solo(1, DisabilityKind::Physical, 30)
        .income(Some(1), IncomeKind::SupportFromSiblingsOrElderly, yearly("2000"))
        .income(Some(1), IncomeKind::BasicPensionBase, yearly("1500"))
        .assess();
    let text =
        check(member_result(&a, Category::DibaoSoloDisabled, 1), CheckKey::SoloDisabledIncome).explanation.to_string();
    assert!(text.contains("已豁免兄弟姐妹或老人给付的供养费2000元"), "{text}");
    let a =
        solo(1, DisabilityKind::Physical, 30).income(Some(1), IncomeKind::BasicPensionBase, yearly("1500")).assess();
    let text =
        check(member_result(&a, Category::DibaoSoloDisabled, 1), CheckKey::SoloDisabledIncome).explanation.to_string();
    assert!(text.contains("供养费0元"), "{text}");
}

#[test]
fn a_seventeen_year_old_is_not_an_adult_and_eighteen_is() {
    let a = solo(1, DisabilityKind::Physical, 17).assess();
    assert_eq!(status(&a, Category::DibaoSoloDisabled), Status::NotApplicable);
    let a = solo(1, DisabilityKind::Physical, 18).assess();
    assert_eq!(member_result(&a, Category::DibaoSoloDisabled, 1).status, Status::Likely);
}

#[test]
fn an_employed_severely_disabled_member_is_not_unemployed() {
    let a = solo(1, DisabilityKind::Physical, 30).with(|h| h.members[1].work = WorkStatus::Employed).assess();
    assert_eq!(
        check(member_result(&a, Category::DibaoSoloDisabled, 1), CheckKey::SoloDisabledUnemployed).outcome,
        Outcome::Fail
    );
}

#[test]
fn grade_three_physical_is_not_severe_and_grade_three_intellectual_is_left_to_the_office() {
    let a = solo(3, DisabilityKind::Physical, 30).assess();
    assert_eq!(status(&a, Category::DibaoSoloDisabled), Status::NotApplicable);
    let a = solo(3, DisabilityKind::Intellectual, 30).assess();
    let r = member_result(&a, Category::DibaoSoloDisabled, 1);
    assert_eq!(check(r, CheckKey::SoloDisabledSevere).outcome, Outcome::Unknown);
    assert_eq!(r.status, Status::NeedsLocalCheck);
}

#[test]
fn only_the_members_own_share_of_shared_business_income_counts_so_unattributed_business_income_goes_to_the_office() {
    let a = solo(1, DisabilityKind::Physical, 30).income(None, IncomeKind::BusinessNet, yearly("5000")).assess();
    assert_eq!(
        check(member_result(&a, Category::DibaoSoloDisabled, 1), CheckKey::SoloDisabledIncome).outcome,
        Outcome::Unknown
    );
}

// ---- 低保边缘家庭中的重度残疾人、重病患者 (一(四)) ----

#[test]
fn a_seriously_ill_member_of_a_marginal_family_may_enter_dibao_alone() {
    let a = ill_household("30000", "0").assess();
    assert_eq!(status(&a, Category::Marginal), Status::Likely);
    let r = member_result(&a, Category::DibaoSoloMarginalMember, 1);
    assert_eq!(r.status, Status::Likely);
    assert_eq!(check(r, CheckKey::SoloMarginalMemberIllness).citation.to_string(), "晋民发〔2023〕31号 一(四)");
}

#[test]
fn a_seriously_ill_member_of_a_family_above_the_marginal_line_may_not() {
    let a = ill_household("41040", "0").assess();
    assert_eq!(member_result(&a, Category::DibaoSoloMarginalMember, 1).status, Status::Unlikely);
}

// ---- 渐退 (一(五)) ----

fn phase_out(wages: &str, through_work: bool) -> H {
    three(wages).situation(|s| {
        s.receives_dibao = true;
        s.income_rose_through_work = through_work;
    })
}

#[test]
fn phase_out_applies_when_income_rose_through_work_above_the_standard() {
    let a = phase_out("27360.01", true).assess();
    let r = result(&a, Category::PhaseOut);
    assert_eq!(r.status, Status::Likely);
    assert!(r.notes.iter().any(|n| n.contains("6个月") && n.contains("晋民发〔2023〕31号 一(五)")));
}

#[test]
fn phase_out_does_not_apply_at_the_standard_or_when_income_rose_otherwise_or_without_dibao() {
    assert_eq!(status(&phase_out("27360", true).assess(), Category::PhaseOut), Status::Unlikely);
    assert_eq!(status(&phase_out("40000", false).assess(), Category::PhaseOut), Status::Unlikely);
    assert_eq!(status(&three("40000").assess(), Category::PhaseOut), Status::NotApplicable);
}

// ---- 临时救助 (二(一), 二(二)) ----

fn unemployed(months: u16, insurance: bool, emergency: bool) -> H {
    H::new("shanxi", "760").adults(1).situation(|s| {
        s.unemployment = Some(UnemploymentHardship {
            months_without_income: months,
            unemployment_insurance: insurance,
            caused_by_emergency: emergency,
        })
    })
}

#[test]
fn three_consecutive_months_without_income_and_no_unemployment_insurance_opens_temporary_assistance() {
    let a = unemployed(3, false, true).assess();
    let r = result_named(&a, Category::TemporaryAssistance, "未参保失业人员");
    assert_eq!(r.status, Status::Likely);
    assert_eq!(check(r, CheckKey::TemporaryUnemploymentMonths).citation.to_string(), "晋民发〔2023〕31号 二(一)");
}

#[test]
fn two_months_without_income_is_not_yet_three() {
    let a = unemployed(2, false, true).assess();
    assert_eq!(
        check(result_named(&a, Category::TemporaryAssistance, "未参保失业人员"), CheckKey::TemporaryUnemploymentMonths)
            .outcome,
        Outcome::Fail
    );
}

#[test]
fn unemployment_insurance_or_an_unrelated_cause_or_current_dibao_rules_it_out() {
    let a = unemployed(4, true, true).assess();
    assert_eq!(result_named(&a, Category::TemporaryAssistance, "未参保失业人员").status, Status::Unlikely);
    let a = unemployed(4, false, false).assess();
    assert_eq!(result_named(&a, Category::TemporaryAssistance, "未参保失业人员").status, Status::Unlikely);
    let a = unemployed(4, false, true).situation(|s| s.receives_dibao = true).assess();
    assert_eq!(
        check(
            result_named(&a, Category::TemporaryAssistance, "未参保失业人员"),
            CheckKey::TemporaryUnemploymentNotDibao
        )
        .outcome,
        Outcome::Fail
    );
}

#[test]
fn students_stuck_by_an_emergency_and_disaster_victims_after_relief_are_covered() {
    let a = H::new("shanxi", "760").adults(1).situation(|s| s.student_stuck_by_emergency = true).assess();
    assert_eq!(result_named(&a, Category::TemporaryAssistance, "学生").status, Status::Likely);
    let a = H::new("shanxi", "760").adults(1).situation(|s| s.disaster_after_relief = true).assess();
    assert_eq!(result_named(&a, Category::TemporaryAssistance, "受灾").status, Status::Likely);
}

#[test]
fn with_no_hardship_declared_temporary_assistance_is_not_applicable() {
    assert_eq!(status(&three("30000").assess(), Category::TemporaryAssistance), Status::NotApplicable);
}

// ---- how to apply (四(二), 四(三), 四(四), 四(五), 五(五)) ----

#[test]
fn shanxi_time_limits_are_30_20_and_45_working_days_and_publicity_is_7_days() {
    let a = three("20000").assess();
    let limits: Vec<String> = a.how_to_apply.time_limits.iter().map(|g| g.text.to_string()).collect();
    assert!(
        limits[0].contains("30个工作日") && limits[0].contains("20个工作日") && limits[0].contains("45个工作日"),
        "{limits:?}"
    );
    assert!(limits.iter().any(|t| t.contains("公示7天")));
    assert!(a.how_to_apply.duties.iter().any(|d| d.text.contains("告知承诺制")));
}

#[test]
fn the_disability_certificate_is_asked_only_when_disability_counted() {
    let a = solo(1, DisabilityKind::Physical, 30).assess();
    assert!(a.how_to_apply.documents.iter().any(|d| d.name.contains("残疾人证")));
    let a = three("20000").assess();
    assert!(!a.how_to_apply.documents.iter().any(|d| d.name.contains("残疾人证")));
}

#[test]
fn medical_papers_are_asked_only_where_illness_or_medical_costs_count() {
    let a = ill_household("37000", "10000").assess();
    assert!(a.how_to_apply.documents.iter().any(|d| d.name.contains("医疗费用票据")));
    assert!(a.how_to_apply.documents.iter().any(|d| d.name.contains("诊断证明")));
    let a = three("20000").assess();
    assert!(
        !a.how_to_apply.documents.iter().any(|d| d.name.contains("医疗费用票据") || d.name.contains("诊断证明")),
        "{:?}",
        a.how_to_apply.documents
    );
}

/// The checklist of a household whose income and property are checked and who declared income:
/// the common documents, then `called_for`.
fn checklist_with_income(called_for: &[&'static str]) -> Vec<&'static str> {
    [&ALWAYS[..], &ECONOMY[..], &[INCOME_PROOF], called_for].concat()
}

#[test]
fn a_disabled_member_still_needing_care_calls_for_the_certificate_and_the_care_bills() {
    let a = disabled_household("30000", "5000", true).assess();
    assert_eq!(documents(&a), checklist_with_income(&["中华人民共和国残疾人证", "辅助器具、康复、照料护理费用票据"]));
}

#[test]
fn a_student_whose_fees_are_deducted_calls_for_proof_of_enrolment_and_the_fee_receipts() {
    let a = H::new("shanxi", "760")
        .adults(2)
        .member(fees(student(person(Relation::Child, 19), EducationLevel::Undergraduate), "5000"))
        .yearly_wages("30000")
        .assess();
    assert_eq!(result_named(&a, Category::ExpenditurePoverty, "因学致贫").status, Status::Likely);
    assert_eq!(documents(&a), checklist_with_income(&["在校（在园）证明和学费、住宿费、保育教育费票据"]));
}

#[test]
fn costs_deducted_together_call_for_the_medical_bills_and_the_fee_receipts() {
    let a = ill_and_at_school().assess();
    assert_eq!(result_named(&a, Category::ExpenditurePoverty, "多重").status, Status::Likely);
    assert_eq!(
        documents(&a),
        checklist_with_income(&[
            "医院诊断证明、病历",
            "医疗费用票据和医保结算单（报销后个人负担部分）",
            "在校（在园）证明和学费、住宿费、保育教育费票据",
        ])
    );
}

#[test]
fn a_seriously_ill_member_no_longer_in_treatment_calls_for_a_diagnosis_but_no_medical_bills() {
    let a = H::new("shanxi", "760")
        .member(working(person(Relation::Applicant, 45), WorkStatus::Employed))
        .member(ill(person(Relation::Spouse, 44), true, false))
        .member(person(Relation::Child, 10))
        .yearly_wages("30000")
        .assess();
    assert_eq!(member_result(&a, Category::DibaoSoloMarginalMember, 1).status, Status::Likely);
    assert_eq!(documents(&a), checklist_with_income(&["医院诊断证明、病历"]));
}

#[test]
fn months_without_income_call_for_a_statement_of_unemployment() {
    let a = unemployed(3, false, true).assess();
    assert_eq!(documents(&a), [&ALWAYS[..], &ECONOMY[..], &["失业、无收入情况说明（原单位或村、社区出具）"]].concat());
}

#[test]
fn disaster_victims_asking_only_for_temporary_assistance_bring_proof_of_the_disaster_and_no_income_papers() {
    let a =
        H::new("shanxi", "760").adults(1).yearly_wages("90000").situation(|s| s.disaster_after_relief = true).assess();
    assert_eq!(documents(&a), [&ALWAYS[..], &["受灾情况证明或已获救助的记录"]].concat());
}

#[test]
fn phasing_out_calls_for_proof_of_the_wages_from_the_new_work() {
    let a = phase_out("27360.01", true).assess();
    assert_eq!(documents(&a), checklist_with_income(&["就业后的工资收入证明"]));
}

#[test]
fn non_local_households_are_told_where_they_may_apply() {
    let a = three("20000").situation(|s| s.hukou = Hukou::ResidencePermit).assess();
    assert!(a.how_to_apply.where_to_apply.iter().any(|g| g.citation.as_ref().is_some_and(|c| c.article == "四(三)")));
    assert!(a.how_to_apply.documents.iter().any(|d| d.name == "居住证"));
}

#[test]
fn marginal_families_are_told_the_special_assistance_of_the_2024_notice() {
    let a = three("41039.99").member(person(Relation::Child, 8)).assess();
    let r = result(&a, Category::Marginal);
    assert!(r.special_assistance.iter().all(|s| s.citation.to_string() == "晋民发〔2024〕6号 一"));
    assert!(r.special_assistance.iter().any(|s| s.name == "医疗救助"));
}

#[test]
fn disability_and_schooling_causes_also_require_financial_assets_within_36_months_per_person() {
    // 36 × 760 × 3 = 82080 for three members, 不超过: equal passes, one fen more fails.
    let a = disabled_household("37360", "10000.01", true).financial("82080").assess();
    let r = result_named(&a, Category::ExpenditurePoverty, "因残致贫");
    assert_eq!(check(r, CheckKey::ExpenditureAssets).outcome, Outcome::Pass);
    assert_eq!(check(r, CheckKey::ExpenditureAssets).citation.to_string(), "晋民发〔2022〕60号 二(二)2");
    let a = disabled_household("37360", "10000.01", true).financial("82080.01").assess();
    assert_eq!(result_named(&a, Category::ExpenditurePoverty, "因残致贫").status, Status::Unlikely);
    let a = student_household(EducationLevel::Undergraduate, "10000.01").financial("82080").assess();
    let r = result_named(&a, Category::ExpenditurePoverty, "因学致贫");
    assert_eq!(check(r, CheckKey::ExpenditureAssets).outcome, Outcome::Pass);
    assert_eq!(check(r, CheckKey::ExpenditureAssets).citation.to_string(), "晋民发〔2022〕60号 二(三)3");
    let a = student_household(EducationLevel::Undergraduate, "10000.01").financial("82080.01").assess();
    assert_eq!(result_named(&a, Category::ExpenditurePoverty, "因学致贫").status, Status::Unlikely);
}

#[test]
fn a_destitute_candidate_who_owns_property_is_left_to_the_office_for_the_property_rule() {
    let a = H::new("shanxi", "760")
        .member(supported(person(Relation::Applicant, 80), SupporterStatus::None))
        .home()
        .assess();
    let r = member_result(&a, Category::Destitute, 0);
    assert_eq!(check(r, CheckKey::DestituteProperty).outcome, Outcome::Unknown);
    assert_eq!(r.status, Status::NeedsLocalCheck);
}

// ---- 因学 deducts only the fees of the students 二(三)1 admits ----
// Two adults, an undergraduate and a second student: 4 members, line 760 × 12 × 4 = 36480 元.

fn two_students(eligible_fees: &str, other: Member) -> H {
    H::new("shanxi", "760")
        .adults(2)
        .member(fees(student(person(Relation::Child, 19), EducationLevel::Undergraduate), eligible_fees))
        .member(fees(other, "20000"))
        .yearly_wages("40480")
}

#[test]
fn shanxi_a_postgraduates_fees_are_not_deducted_for_schooling_beside_an_undergraduates() {
    let postgraduate = student(person(Relation::Child, 24), EducationLevel::Postgraduate);
    // 40480 − 4000 = 36480: exactly the line, not below it (the postgraduate's 20000 stays in).
    let a = two_students("4000", postgraduate.clone()).assess();
    let r = result_named(&a, Category::ExpenditurePoverty, "因学致贫");
    assert_eq!(check(r, CheckKey::ExpenditureEducationStudent).outcome, Outcome::Pass);
    assert_eq!(check(r, CheckKey::ExpenditureEducationIncome).outcome, Outcome::Fail);
    let said = check(r, CheckKey::ExpenditureEducationStudent).explanation.to_string();
    assert!(said.contains("20000元不在扣除之列"), "{said}");
    // One fen more of the undergraduate's fees: 36479.99, below the line.
    let a = two_students("4000.01", postgraduate).assess();
    let r = result_named(&a, Category::ExpenditurePoverty, "因学致贫");
    assert_eq!(check(r, CheckKey::ExpenditureEducationIncome).outcome, Outcome::Pass);
}

#[test]
fn shanxi_fees_at_a_high_fee_school_or_abroad_or_part_time_are_not_deducted_for_schooling() {
    for change in [
        |s: &mut Student| s.high_fee_school = true,
        |s: &mut Student| s.abroad = true,
        |s: &mut Student| s.full_time = false,
    ] {
        let mut other = student(person(Relation::Child, 17), EducationLevel::SeniorSecondary);
        if let Some(s) = other.student.as_mut() {
            change(s);
        }
        let a = two_students("4000", other.clone()).assess();
        let r = result_named(&a, Category::ExpenditurePoverty, "因学致贫");
        assert_eq!(check(r, CheckKey::ExpenditureEducationIncome).outcome, Outcome::Fail);
        let a = two_students("4000.01", other).assess();
        let r = result_named(&a, Category::ExpenditurePoverty, "因学致贫");
        assert_eq!(check(r, CheckKey::ExpenditureEducationIncome).outcome, Outcome::Pass);
    }
}

#[test]
fn shanxi_rigid_spending_counts_every_students_fees_including_a_postgraduates() {
    let postgraduate = student(person(Relation::Child, 24), EducationLevel::Postgraduate);
    let a = two_students("4000", postgraduate).assess();
    assert_eq!(a.household.rigid_spending.to_string(), "24000");
}

// ---- 刚性支出困难 (national rule in 山西): not a 低保 or 边缘 household first ----

#[test]
fn shanxi_a_marginal_household_is_reviewed_as_marginal_not_as_rigid_expenditure() {
    // Line 27360, 1.5 × 41040: 41039.99 is 边缘, 41040 is not.
    let a = three("41039.99").medical("20000").disposable_income_yearly("90000").assess();
    assert_eq!(status(&a, Category::Marginal), Status::Likely);
    assert_eq!(outcome(&a, Category::RigidExpenditure, CheckKey::RigidNotHigherCategory), Outcome::Fail);
    let a = three("41040").medical("20000").disposable_income_yearly("90000").assess();
    assert_eq!(status(&a, Category::Marginal), Status::Unlikely);
    assert_eq!(outcome(&a, Category::RigidExpenditure, CheckKey::RigidNotHigherCategory), Outcome::Pass);
}

// ---- One local rule decides: say which, instead of a vague hedge ----

#[test]
fn shanxi_dibao_with_one_home_declared_depends_only_on_the_local_property_rule_and_says_so() {
    let a = three("27359.99").home().assess();
    let r = result(&a, Category::Dibao);
    assert_eq!(r.status, Status::NeedsLocalCheck);
    assert_eq!(r.decided_by, Some(LocalRule::Property));
    assert!(r.status_label().contains("取决于当地财产规定"), "{}", r.status_label());
    assert!(r.summary().contains("只取决于当地财产规定"), "{}", r.summary());
    // Nothing declared: nothing to decide locally.
    let a = three("27359.99").assess();
    assert_eq!(result(&a, Category::Dibao).status, Status::Likely);
    assert_eq!(result(&a, Category::Dibao).decided_by, None);
}

#[test]
fn shanxi_marginal_and_the_member_alone_route_name_the_same_single_local_rule_as_dibao() {
    // Below the standard with a home: 边缘 waits on 低保, which waits on the property rule.
    let a = three("27359.99").home().assess();
    let r = result(&a, Category::Marginal);
    assert_eq!(check(r, CheckKey::MarginalNotDibao).outcome, Outcome::Unknown);
    assert_eq!(r.decided_by, Some(LocalRule::Property));
    // Between 1 × and 1.5 × with a home and a seriously ill member: 边缘, and that member alone.
    let h = H::new("shanxi", "760")
        .adults(1)
        .member(ill(person(Relation::Spouse, 50), true, true))
        .member(person(Relation::Child, 10))
        .yearly_wages("30000")
        .home();
    let a = h.assess();
    assert_eq!(result(&a, Category::Marginal).decided_by, Some(LocalRule::Property));
    let alone = member_result(&a, Category::DibaoSoloMarginalMember, 1);
    assert_eq!(alone.status, Status::NeedsLocalCheck);
    assert_eq!(alone.decided_by, Some(LocalRule::Property));
    assert!(alone.status_label().contains("取决于当地财产规定"));
}

#[test]
fn shanxi_two_undecided_local_rules_are_both_listed_and_neither_is_named_alone() {
    let a = three("27359.99").home().with(|h| h.place.local_standard = None).assess();
    let r = result(&a, Category::Dibao);
    assert_eq!(r.status, Status::NeedsLocalCheck);
    assert_eq!(r.decided_by, None);
    assert!(r.waits_on.contains(LocalRule::Property) && r.waits_on.contains(LocalRule::Standard));
    assert!(r.summary().contains("家庭人均收入低于当地低保标准") && r.summary().contains("家庭财产状况符合当地规定"));
}

// ---- Sentences that read the right way (issue 12) ----

#[test]
fn shanxi_a_failed_income_test_says_what_was_found_not_the_condition() {
    // 812 元/人/月 against 760: the summary says the income is not below the standard.
    let a = three("29232").assess();
    let r = result(&a, Category::Dibao);
    assert_eq!(r.status, Status::Unlikely);
    assert!(r.summary().contains("家庭人均月收入812元，不低于低保标准760元"), "{}", r.summary());
    assert!(!r.summary().contains("不符合：家庭人均收入低于"), "{}", r.summary());
    // Exactly at the standard is also "not below" it.
    let a = three("27360").assess();
    assert!(result(&a, Category::Dibao).summary().contains("家庭人均月收入760元，不低于低保标准760元"));
}

#[test]
fn shanxi_a_difference_is_bracketed_before_it_is_divided() {
    let h = H::new("shanxi", "760")
        .adults(1)
        .member(ill(person(Relation::Spouse, 44), true, true))
        .member(person(Relation::Child, 10))
        .yearly_wages("37360")
        .medical("12000");
    let a = h.assess();
    let c = check(result_named(&a, Category::ExpenditurePoverty, "因病致贫"), CheckKey::ExpenditureIllnessIncome);
    let said = c.explanation.to_string();
    assert!(said.contains("（(12个月计入收入37360元 − 医疗费用个人负担部分12000元) ÷ 3人 ÷ 12个月）"), "{said}");
    assert!(said.contains("比低保标准低"), "{said}");
}

// ---- A built-in standard in force for 12 months or more is shown with a warning ----

fn taiyuan_on(day_text: &str) -> Assessment {
    H::new("shanxi", "1")
        .member(person(Relation::Applicant, 45))
        .with(|h| {
            h.place.local_standard = None;
            h.place.area = Some("taiyuan/urban".to_string());
            h.as_of = Some(day(day_text));
        })
        .assess()
}

#[test]
fn shanxi_taiyuans_standard_from_2023_01_01_is_not_stale_on_2023_12_31_and_is_on_2024_01_01() {
    let stale = |a: &Assessment| a.warnings.iter().any(|w| w.contains("该标准自2023年1月起执行，当地可能已调整"));
    assert!(!stale(&taiyuan_on("2023-12-31")));
    assert!(stale(&taiyuan_on("2024-01-01")));
    assert!(stale(&taiyuan_on("2026-11-22")));
}

#[test]
fn a_typed_standard_is_never_called_stale() {
    let a = H::new("shanxi", "800")
        .member(person(Relation::Applicant, 45))
        .with(|h| h.as_of = Some(day("2030-01-01")))
        .assess();
    assert!(!a.warnings.iter().any(|w| w.contains("当地可能已调整")));
}

mod school_kind {
    //! 二(三)1 admits "全日制本科及以下学历教育阶段的学生（除高收费学校就读，含入托、出国留学）": the
    //! only rule that reads whether a student is at a high-fee school or abroad. The page asks those
    //! two questions only where an answer can change a result (`school_kind_matters`); these cases
    //! show that nowhere else does it.
    use super::*;
    use low_income_check::engine::rules::expenditure::school_kind_matters;

    /// Every result, as a reader would compare them: category, subject, status and summary.
    fn results(a: &Assessment) -> Vec<String> {
        a.results.iter().map(|r| format!("{:?} {:?} {:?} {}", r.category, r.subject, r.status, r.summary())).collect()
    }

    /// A couple, one in treatment, ¥2,500 a month, and a student whose schooling is varied.
    fn family(pack: &str, level: EducationLevel, full_time: bool, high_fee_or_abroad: (bool, bool)) -> Assessment {
        let mut pupil = fees(student(person(Relation::Child, 19), level), "6000");
        if let Some(s) = pupil.student.as_mut() {
            s.full_time = full_time;
            (s.high_fee_school, s.abroad) = high_fee_or_abroad;
        }
        H::new(pack, "760")
            .member(working(person(Relation::Applicant, 45), WorkStatus::Employed))
            .member(ill(person(Relation::Spouse, 43), true, true))
            .member(pupil)
            .yearly_wages("30000")
            .medical("12000")
            .assess()
    }

    #[test]
    fn outside_shanxi_the_answers_to_high_fee_school_and_study_abroad_change_no_result() {
        for pack_id in ["national", "shandong", "guangxi"] {
            let plain = results(&family(pack_id, EducationLevel::Undergraduate, true, (false, false)));
            for answers in [(true, false), (false, true), (true, true)] {
                assert_eq!(results(&family(pack_id, EducationLevel::Undergraduate, true, answers)), plain, "{pack_id}");
            }
            assert!(!school_kind_matters(&pack(pack_id), EducationLevel::Undergraduate, Some(true)), "{pack_id}");
        }
    }

    #[test]
    fn in_shanxi_they_change_no_result_for_a_postgraduate_or_a_part_time_student_but_do_for_a_full_time_undergraduate()
    {
        let shanxi = pack("shanxi");
        for (level, full_time) in [(EducationLevel::Postgraduate, true), (EducationLevel::Undergraduate, false)] {
            let plain = results(&family("shanxi", level, full_time, (false, false)));
            for answers in [(true, false), (false, true)] {
                assert_eq!(results(&family("shanxi", level, full_time, answers)), plain, "{level:?} {full_time}");
            }
            assert!(!school_kind_matters(&shanxi, level, Some(full_time)));
        }
        // The other side: a full-time undergraduate's fees are deducted only at an ordinary school at
        // home, so the answers are needed.
        let ordinary = results(&family("shanxi", EducationLevel::Undergraduate, true, (false, false)));
        assert_ne!(results(&family("shanxi", EducationLevel::Undergraduate, true, (true, false))), ordinary);
        assert_ne!(results(&family("shanxi", EducationLevel::Undergraduate, true, (false, true))), ordinary);
        assert!(school_kind_matters(&shanxi, EducationLevel::Undergraduate, Some(true)));
        assert!(school_kind_matters(&shanxi, EducationLevel::Undergraduate, None), "asked until full-time is answered");
    }
}

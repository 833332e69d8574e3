//! National rules every pack applies: 特困人员 (民发〔2021〕43号) and the national defaults for 边缘
//! and 刚性支出 (national pack). Standard 700 元/人/月: one person's year is 8400 元.

mod common;

use common::*;
use low_income_check::engine::assessment::Assessment;
use low_income_check::engine::check_key::CheckKey;
use low_income_check::engine::household::*;
use low_income_check::engine::outcome::{Category, LocalRule, Outcome, Status};

fn alone(age: u32) -> H {
    H::new("national", "700").member(supported(person(Relation::Applicant, age), SupporterStatus::None))
}

// ---- 特困: (老年人、残疾人、未成年人) 无劳动能力、无生活来源、无法定义务人或其无履行能力 ----

#[test]
fn a_sixty_year_old_living_alone_with_no_income_no_property_and_no_supporter_is_likely_destitute() {
    let a = alone(60).assess();
    let r = member_result(&a, Category::Destitute, 0);
    assert_eq!(r.status, Status::Likely);
    assert_eq!(a.best.as_ref().map(|b| b.category), Some(Category::Destitute));
    assert!(r.checks.iter().all(|c| c.citation.document.starts_with("民发〔2021〕43号")));
}

#[test]
fn a_fifty_nine_year_old_without_disability_is_not_in_the_destitute_population() {
    let a = alone(59).assess();
    assert_eq!(status(&a, Category::Destitute), Status::NotApplicable);
}

#[test]
fn fifteen_is_under_sixteen_and_sixteen_is_not() {
    let a = alone(15).assess();
    assert_eq!(member_result(&a, Category::Destitute, 0).status, Status::Likely);
    let a = alone(16).assess();
    assert_eq!(status(&a, Category::Destitute), Status::NotApplicable);
}

/// A person of `age` with a grade-three intellectual disability, living alone without a supporter.
fn intellectually_disabled_alone(age: u32) -> H {
    H::new("national", "700").member(supported(
        disabled(person(Relation::Applicant, age), DisabilityKind::Intellectual, 3),
        SupporterStatus::None,
    ))
}

#[test]
fn grade_three_intellectual_disability_means_no_capacity_to_work() {
    let a = intellectually_disabled_alone(40).assess();
    let r = member_result(&a, Category::Destitute, 0);
    assert_eq!(check(r, CheckKey::DestituteWorkCapacityDisability).outcome, Outcome::Pass);
    assert_eq!(r.status, Status::Likely);
}

#[test]
fn grade_three_physical_and_grade_two_visual_are_not_on_the_national_list_and_go_to_the_office() {
    for (kind, grade) in [(DisabilityKind::Physical, 3), (DisabilityKind::Visual, 2), (DisabilityKind::Hearing, 1)] {
        let a = H::new("national", "700")
            .member(supported(disabled(person(Relation::Applicant, 40), kind, grade), SupporterStatus::None))
            .assess();
        let r = member_result(&a, Category::Destitute, 0);
        assert_eq!(check(r, CheckKey::DestituteWorkCapacityDisability).outcome, Outcome::Unknown, "{kind:?} {grade}");
        assert_eq!(r.status, Status::NeedsLocalCheck);
    }
    let a = H::new("national", "700")
        .member(supported(
            disabled(person(Relation::Applicant, 40), DisabilityKind::Physical, 2),
            SupporterStatus::None,
        ))
        .assess();
    assert_eq!(
        check(member_result(&a, Category::Destitute, 0), CheckKey::DestituteWorkCapacityDisability).outcome,
        Outcome::Pass
    );
}

#[test]
fn own_income_exactly_at_the_standard_is_a_means_of_living_and_one_fen_less_is_not() {
    let a = alone(70).income(Some(0), IncomeKind::Pension, yearly("8400")).assess();
    let c = check(member_result(&a, Category::Destitute, 0), CheckKey::DestituteIncome);
    assert_eq!(c.outcome, Outcome::Fail);
    assert!(c.explanation.to_string().contains("本人为700元/人/月"), "{}", c.explanation);
    let a = alone(70).income(Some(0), IncomeKind::Pension, yearly("8399.99")).assess();
    assert_eq!(check(member_result(&a, Category::Destitute, 0), CheckKey::DestituteIncome).outcome, Outcome::Pass);
}

#[test]
fn the_elderly_allowance_is_not_counted_for_destitute_persons_but_is_for_dibao() {
    let a = alone(85).income(Some(0), IncomeKind::ElderlyAllowance, yearly("9000")).assess();
    assert_eq!(check(member_result(&a, Category::Destitute, 0), CheckKey::DestituteIncome).outcome, Outcome::Pass);
    assert_eq!(outcome(&a, Category::Dibao, CheckKey::DibaoIncome), Outcome::Fail);
}

#[test]
fn an_able_supporter_rules_out_destitute_support() {
    let a =
        H::new("national", "700").member(supported(person(Relation::Applicant, 75), SupporterStatus::Able)).assess();
    assert_eq!(check(member_result(&a, Category::Destitute, 0), CheckKey::DestituteSupporter).outcome, Outcome::Fail);
    let a =
        H::new("national", "700").member(supported(person(Relation::Applicant, 75), SupporterStatus::Unable)).assess();
    assert_eq!(check(member_result(&a, Category::Destitute, 0), CheckKey::DestituteSupporter).outcome, Outcome::Pass);
}

#[test]
fn an_unanswered_supporter_question_is_answered_by_an_adult_child_in_the_household_working_or_not() {
    for work in [WorkStatus::Employed, WorkStatus::Unemployed, WorkStatus::Unknown] {
        let a = H::new("national", "700")
            .member(person(Relation::Applicant, 75))
            .member(working(person(Relation::Child, 45), work))
            .assess();
        let c = check(member_result(&a, Category::Destitute, 0), CheckKey::DestituteSupporter);
        assert_eq!(c.outcome, Outcome::Fail, "{work:?}");
        assert!(c.explanation.to_string().contains("第2位成员"));
        assert!(c.explanation.to_string().contains("有，但他们没有能力供养"), "{}", c.explanation);
    }
}

#[test]
fn a_sixty_year_old_wife_of_a_retired_man_with_a_pension_is_not_destitute_when_the_question_is_unanswered() {
    let a = H::new("national", "700")
        .member(working(person(Relation::Applicant, 65), WorkStatus::Retired))
        .member(person(Relation::Spouse, 60))
        .income(Some(0), IncomeKind::Pension, monthly("3000"))
        .assess();
    let c = check(member_result(&a, Category::Destitute, 1), CheckKey::DestituteSupporter);
    assert_eq!(c.outcome, Outcome::Fail);
    assert!(c.explanation.to_string().contains("有自己的收入"), "{}", c.explanation);
    assert_ne!(a.best.as_ref().map(|b| b.category), Some(Category::Destitute));
}

#[test]
fn an_elderly_spouse_without_income_is_not_presumed_able_and_with_a_pension_is() {
    let couple = |pension: Option<&str>| {
        let h = H::new("national", "700").member(person(Relation::Applicant, 75)).member(person(Relation::Spouse, 72));
        match pension {
            Some(amount) => h.income(Some(1), IncomeKind::Pension, monthly(amount)),
            None => h,
        }
    };
    let outcome =
        |h: H| check(member_result(&h.assess(), Category::Destitute, 0), CheckKey::DestituteSupporter).outcome;
    assert_eq!(outcome(couple(None)), Outcome::Unknown);
    assert_eq!(outcome(couple(Some("0.01"))), Outcome::Fail);
}

#[test]
fn an_eight_year_old_with_two_parents_at_home_is_not_destitute_when_the_question_is_unanswered() {
    let a = H::new("national", "700")
        .member(person(Relation::Applicant, 36))
        .member(person(Relation::Spouse, 34))
        .member(person(Relation::Child, 8))
        .assess();
    assert_eq!(check(member_result(&a, Category::Destitute, 2), CheckKey::DestituteSupporter).outcome, Outcome::Fail);
    assert_eq!(member_result(&a, Category::Destitute, 2).status, Status::Unlikely);
}

#[test]
fn household_income_not_attributed_to_anyone_leaves_a_members_own_income_to_the_office() {
    let a = H::new("national", "700")
        .member(supported(person(Relation::Applicant, 75), SupporterStatus::None))
        .member(person(Relation::Spouse, 72))
        .income(None, IncomeKind::PropertyNet, yearly("1000"))
        .assess();
    assert_eq!(check(member_result(&a, Category::Destitute, 0), CheckKey::DestituteIncome).outcome, Outcome::Unknown);
}

// ---- national defaults: 边缘 1.5 × (up to 2 × locally), 刚性 ratio set locally ----

#[test]
fn national_marginal_default_is_below_1_5_times_with_2_times_left_to_the_office() {
    // 2 members: line 16800, 1.5 × 25200, 2 × 33600.
    let h = |w: &str| H::new("national", "700").adults(2).yearly_wages(w);
    assert_eq!(outcome(&h("25199.99").assess(), Category::Marginal, CheckKey::MarginalIncome), Outcome::Pass);
    assert_eq!(outcome(&h("25200").assess(), Category::Marginal, CheckKey::MarginalIncome), Outcome::Unknown);
    assert_eq!(outcome(&h("33600").assess(), Category::Marginal, CheckKey::MarginalIncome), Outcome::Fail);
    let a = h("25199.99").assess();
    assert_eq!(a.ladder.iter().map(|r| r.monthly.to_string()).collect::<Vec<_>>(), ["700", "1050", "1400"]);
}

#[test]
fn national_rigid_ratio_is_not_invented() {
    let a = H::new("national", "700")
        .adults(2)
        .yearly_wages("30000")
        .medical("25000")
        .disposable_income_yearly("40000")
        .assess();
    let r = result(&a, Category::RigidExpenditure);
    assert_eq!(check(r, CheckKey::RigidRatio).outcome, Outcome::Unknown);
    assert_eq!(check(r, CheckKey::RigidDisposableIncome).outcome, Outcome::Pass);
    assert!(
        check(r, CheckKey::RigidRatio).explanation.to_string().contains("83.33%"),
        "{}",
        check(r, CheckKey::RigidRatio).explanation
    );
}

#[test]
fn national_sudden_hardship_is_emergency_temporary_assistance() {
    let a = H::new("national", "700").adults(1).yearly_wages("90000").situation(|s| s.sudden_hardship = true).assess();
    assert_eq!(a.best.as_ref().map(|b| b.category), Some(Category::TemporaryAssistance));
}

#[test]
fn spending_beyond_income_suggests_expenditure_type_temporary_assistance_for_the_office_to_judge() {
    let a = H::new("national", "700").adults(1).yearly_wages("10000").medical("10000.01").assess();
    assert_eq!(result_named(&a, Category::TemporaryAssistance, "支出型").status, Status::NeedsLocalCheck);
    let a = H::new("national", "700").adults(1).yearly_wages("10000").medical("10000").assess();
    assert!(!a.results.iter().any(|r| r.name.contains("临时救助——支出型")));
}

#[test]
fn results_come_best_first_and_every_check_cites_a_document() {
    let a = H::new("national", "700").adults(2).yearly_wages("20000").home().assess();
    let statuses: Vec<Status> = a.results.iter().map(|r| r.status).collect();
    let mut sorted = statuses.clone();
    sorted.sort();
    assert_eq!(statuses, sorted);
    for r in &a.results {
        for c in &r.checks {
            assert!(!c.citation.document.trim().is_empty(), "{} / {}", r.name, c.key);
        }
    }
}

#[test]
fn a_member_reference_out_of_range_is_refused_with_its_path() {
    let h = H::new("national", "700").adults(1).income(Some(3), IncomeKind::Wages, yearly("1"));
    let err = low_income_check::engine::assess(&h.household, &h.pack, day("2026-11-22")).expect_err("refused");
    assert!(err.to_string().contains("income[0].member"), "{err}");
}

// ---- Who the household itself shows to be an able supporter: the pack's numbers, not the code's ----

fn with_employed(other: Member) -> H {
    H::new("national", "700").member(person(Relation::Applicant, 75)).member(working(other, WorkStatus::Employed))
}

fn supporter_outcome(h: &H) -> Outcome {
    check(member_result(&h.assess(), Category::Destitute, 0), CheckKey::DestituteSupporter).outcome
}

#[test]
fn an_employed_child_is_presumed_able_to_support_from_the_packs_adult_age_of_18_and_not_at_17() {
    assert_eq!(supporter_outcome(&with_employed(person(Relation::Child, 18))), Outcome::Fail);
    assert_eq!(supporter_outcome(&with_employed(person(Relation::Child, 17))), Outcome::Unknown);
}

#[test]
fn an_employed_spouse_with_a_grade_two_disability_is_not_presumed_able_and_with_grade_three_is() {
    let spouse = |grade| disabled(person(Relation::Spouse, 50), DisabilityKind::Physical, grade);
    assert_eq!(supporter_outcome(&with_employed(spouse(2))), Outcome::Unknown);
    assert_eq!(supporter_outcome(&with_employed(spouse(3))), Outcome::Fail);
}

#[test]
fn the_adult_age_and_the_severe_grade_come_from_the_pack() {
    // A pack that says 20 and 三级 decides differently for the same household: no number is in the code.
    let mut h = with_employed(disabled(person(Relation::Child, 19), DisabilityKind::Physical, 3));
    assert_eq!(supporter_outcome(&h), Outcome::Fail);
    if let Some(p) = h.pack.rules.destitute.supporter_adult_age.as_mut() {
        p.0[0].value = 20;
    }
    assert_eq!(supporter_outcome(&h), Outcome::Unknown);
    if let Some(p) = h.pack.rules.destitute.supporter_adult_age.as_mut() {
        p.0[0].value = 18;
    }
    if let Some(p) = h.pack.rules.destitute.supporter_severe_up_to_grade.as_mut() {
        p.0[0].value = 3;
    }
    assert_eq!(supporter_outcome(&h), Outcome::Unknown);
}

#[test]
fn a_partner_pack_without_the_supporter_numbers_leaves_an_unanswered_supporter_question_unanswered() {
    let mut h = with_employed(person(Relation::Child, 45));
    h.pack.rules.destitute.supporter_adult_age = None;
    assert_eq!(supporter_outcome(&h), Outcome::Unknown);
}

#[test]
fn every_built_in_pack_cites_the_civil_code_for_the_adult_age() {
    for id in ["national", "shanxi", "shandong", "guangxi"] {
        let p = pack(id);
        let age = p.rules.destitute.supporter_adult_age.as_ref().expect("adult age");
        assert_eq!(age.0[0].value, 18);
        assert_eq!(age.0[0].source.article, "第十七条", "{id}");
        assert!(p.rules.destitute.supporter_severe_up_to_grade.is_some(), "{id}");
    }
}

// ---- Ranking: 临时救助 after the categories that may apply; no lead without a standard ----

#[test]
fn emergency_assistance_is_listed_after_a_category_that_may_apply_even_when_it_is_likely() {
    // A 70-year-old alone with a home (特困 may apply, the property rule undecided) and an accident.
    let a = alone(70).home().situation(|s| s.sudden_hardship = true).assess();
    let position = |c: Category| a.results.iter().position(|r| r.category == c).expect("present");
    assert_eq!(result_named(&a, Category::TemporaryAssistance, "急难").status, Status::Likely);
    assert_eq!(status(&a, Category::Destitute), Status::NeedsLocalCheck);
    assert!(position(Category::Destitute) < position(Category::TemporaryAssistance));
    assert_eq!(a.best.as_ref().map(|b| b.category), Some(Category::Destitute));
    // With nothing else open, emergency assistance leads.
    let a = H::new("national", "700").adults(1).yearly_wages("90000").situation(|s| s.sudden_hardship = true).assess();
    assert_eq!(a.best.as_ref().map(|b| b.category), Some(Category::TemporaryAssistance));
}

#[test]
fn without_a_standard_the_result_is_led_by_the_ladders_top_line_and_its_status_says_it_depends_on_the_standard() {
    let a = alone(40).with(|h| h.place.local_standard = None).yearly_wages("6000").assess();
    assert_eq!(result(&a, Category::Dibao).status, Status::NeedsLocalCheck);
    let best = a.best.as_ref().expect("a best category");
    assert_eq!(best.category, Category::Dibao);
    assert_eq!(best.status_label, "可能符合——取决于当地低保标准，请咨询乡镇（街道）");
    let top = &a.by_standard.as_ref().expect("ladder").lines[0];
    assert_eq!(top.above, Some(money("500").amount()));
    assert_eq!(top.leads[0].category, Category::Dibao);
    let a = alone(40).yearly_wages("6000").assess();
    assert_eq!(a.best.as_ref().map(|b| b.category), Some(Category::Dibao));
}

// ---- 残疾人两项补贴: the documents followed here do not say whether they count (LocalRule) ----
// One person, standard 700 元/人/月: the 低保 income test is below 8400 元 a year.

fn with_allowances(age: u32, kind: IncomeKind, income: &str, allowances: &str) -> Assessment {
    alone(age)
        .income(Some(0), kind, yearly(income))
        .income(Some(0), IncomeKind::DisabilityAllowances, yearly(allowances))
        .assess()
}

#[test]
fn national_disability_allowances_that_cannot_tip_the_dibao_test_leave_it_decided_6000_plus_2399_99_is_below_8400() {
    let a = with_allowances(45, IncomeKind::Wages, "6000", "2399.99");
    let c = check(result(&a, Category::Dibao), CheckKey::DibaoIncome);
    assert_eq!(c.outcome, Outcome::Pass);
    assert!(c.explanation.to_string().contains("当地计入与否，都不改变这一条的结果"), "{}", c.explanation);
    assert_eq!(status(&a, Category::Dibao), Status::Likely);
}

#[test]
fn national_disability_allowances_that_would_reach_8400_leave_the_dibao_test_to_the_local_rule() {
    let a = with_allowances(45, IncomeKind::Wages, "6000", "2400");
    let r = result(&a, Category::Dibao);
    let c = check(r, CheckKey::DibaoIncome);
    assert_eq!(c.outcome, Outcome::Unknown);
    assert!(c.waits_on.contains(LocalRule::DisabilityAllowances));
    assert!(
        c.explanation.to_string().contains("如果当地把它计入收入，家庭人均月收入为700元/人/月，就不符合这一条"),
        "{}",
        c.explanation
    );
    assert_eq!(r.status, Status::NeedsLocalCheck);
    assert_eq!(r.decided_by, Some(LocalRule::DisabilityAllowances));
    assert!(r.status_label().contains("残疾人两项补贴"), "{}", r.status_label());
}

#[test]
fn national_disability_allowances_never_rescue_a_failed_test_wages_of_8400_fail_either_way() {
    let a = with_allowances(45, IncomeKind::Wages, "8400", "1000");
    assert_eq!(outcome(&a, Category::Dibao, CheckKey::DibaoIncome), Outcome::Fail);
    assert_eq!(status(&a, Category::Dibao), Status::Unlikely);
}

#[test]
fn national_a_70_year_olds_own_income_test_for_te_kun_waits_on_the_local_rule_only_when_the_allowances_would_tip_it() {
    let a = with_allowances(70, IncomeKind::Pension, "8000", "399.99");
    assert_eq!(check(member_result(&a, Category::Destitute, 0), CheckKey::DestituteIncome).outcome, Outcome::Pass);
    let a = with_allowances(70, IncomeKind::Pension, "8000", "400");
    let c = check(member_result(&a, Category::Destitute, 0), CheckKey::DestituteIncome);
    assert_eq!(c.outcome, Outcome::Unknown);
    assert!(c.waits_on.contains(LocalRule::DisabilityAllowances));
}

#[test]
fn national_disability_allowances_are_in_neither_the_counted_nor_the_not_counted_income() {
    let a = with_allowances(45, IncomeKind::Wages, "6000", "2400");
    assert_eq!(a.household.counted_income, money("6000").amount());
    assert_eq!(a.household.not_counted_income, money("0").amount());
    assert_eq!(a.household.locally_decided_income, money("2400").amount());
}

// ---- Without a 低保标准: the standard at which each income test would be met ----

fn without_standard(h: H) -> H {
    h.with(|household| household.place.local_standard = None)
}

#[test]
fn without_a_standard_620_a_month_meets_the_dibao_test_for_any_standard_above_620_and_says_so() {
    let a = without_standard(alone(45).income(Some(0), IncomeKind::Wages, monthly("620"))).assess();
    let c = check(result(&a, Category::Dibao), CheckKey::DibaoIncome);
    assert_eq!(c.outcome, Outcome::Unknown);
    assert!(c.waits_on.contains(LocalRule::Standard));
    assert_eq!(c.standard_above, Some(money("620").amount()));
    assert!(
        c.explanation.to_string().contains("家庭人均月收入为620元/人/月：只要当地低保标准高于620元，这一条就符合"),
        "{}",
        c.explanation
    );
}

#[test]
fn without_a_standard_the_marginal_bound_is_620_divided_by_1_5_said_as_above_413_33_which_413_34_meets_and_413_33_does_not(
) {
    let a = without_standard(alone(45).income(Some(0), IncomeKind::Wages, monthly("620"))).assess();
    let c = check(result(&a, Category::Marginal), CheckKey::MarginalIncome);
    // 620 ÷ 1.5 = 413.333…: 413.34 × 1.5 = 620.01 meets it, 413.33 × 1.5 = 619.995 does not.
    assert_eq!(c.standard_above, Some(money("413.33").amount()));
    assert!(c.explanation.to_string().contains("只要当地低保标准高于413.33元（即1.5倍低保标准）"), "{}", c.explanation);
    let at = |s: &str| {
        let typed = alone(45).income(Some(0), IncomeKind::Wages, monthly("620"));
        let typed = typed.with(|h| h.place.local_standard = Some(monthly(s)));
        outcome(&typed.assess(), Category::Marginal, CheckKey::MarginalIncome)
    };
    assert_eq!(at("413.34"), Outcome::Pass);
    assert_ne!(at("413.33"), Outcome::Pass);
}

#[test]
fn without_a_standard_a_household_with_no_income_meets_the_dibao_test_under_any_standard() {
    let a = without_standard(alone(45)).assess();
    let c = check(result(&a, Category::Dibao), CheckKey::DibaoIncome);
    assert_eq!(c.outcome, Outcome::Pass);
    assert!(c.explanation.to_string().contains("不论当地低保标准多少，这一条都符合"), "{}", c.explanation);
}

#[test]
fn with_a_current_standard_there_is_no_bound_and_no_ladder() {
    let a = alone(45).income(Some(0), IncomeKind::Wages, monthly("620")).assess();
    assert_eq!(check(result(&a, Category::Dibao), CheckKey::DibaoIncome).standard_above, None);
    assert_eq!(a.by_standard, None);
}

// ---- how to apply: the documents the conditions call for ----

#[test]
fn a_destitute_person_judged_unable_to_work_by_disability_brings_the_disability_certificate() {
    let a = intellectually_disabled_alone(40).assess();
    assert_eq!(documents(&a), [&ALWAYS[..], &ECONOMY[..], &["中华人民共和国残疾人证"]].concat());
}

#[test]
fn spending_beyond_income_calls_for_the_medical_bills_behind_it() {
    let a = H::new("national", "700").adults(1).yearly_wages("10000").medical("10000.01").assess();
    assert_eq!(result_named(&a, Category::TemporaryAssistance, "支出型").status, Status::NeedsLocalCheck);
    assert_eq!(
        documents(&a),
        [&ALWAYS[..], &ECONOMY[..], &[INCOME_PROOF, "医疗费用票据和医保结算单（报销后个人负担部分）"]].concat()
    );
}

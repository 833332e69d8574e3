//! The answer at every 低保标准 (issue 21): households whose local standard is unknown or old, each
//! tried at both sides of every point where its ladder changes — the ladder's line against the
//! assessment with that standard typed in — and the sentences that must stay true without a
//! standard. Thresholds come from the seed texts: 低保 below 1 × the standard (民发〔2021〕57号),
//! 边缘 below 1.5 × (晋民发〔2024〕6号 二(一)) or above 1 × and below 2 × (桂民发〔2024〕34号 一(一)),
//! 支出型贫困 income after costs below the standard and assets within 36 months of it
//! (晋民发〔2022〕60号 二(一)1–2), 特困 own income below the standard (民发〔2021〕43号).

mod common;

use common::*;
use low_income_check::engine::by_standard::StandardLadder;
use low_income_check::engine::check_key::CheckKey;
use low_income_check::engine::household::*;
use low_income_check::engine::outcome::{Category, LocalRule, Outcome, Status};
use low_income_check::engine::Assessment;
use rust_decimal::Decimal;

fn unknown(h: H) -> H {
    h.with(|household| household.place.local_standard = None)
}

/// The same household with `standard` (元/人/月) typed in.
fn typed(h: &H, standard: &str) -> Assessment {
    let mut h = H { household: h.household.clone(), pack: h.pack.clone() };
    h.household.place.local_standard = Some(monthly(standard));
    h.assess()
}

fn ladder(a: &Assessment) -> &StandardLadder {
    a.by_standard.as_ref().expect("a ladder")
}

/// The categories the ladder's line for `standard` leads with, with their statuses.
fn line(a: &Assessment, standard: &str) -> Vec<(Category, Status)> {
    let s: Decimal = standard.parse().expect("decimal");
    let line = ladder(a).line_for(s).expect("a line for every standard");
    line.leads.iter().map(|l| (l.category, l.status)).collect()
}

/// The ladder's line and the typed assessment agree at `standard`, and `category` has `expected`
/// there (`None`: not among the leads).
fn at(h: &H, a: &Assessment, standard: &str, category: Category, expected: Option<Status>) {
    let on_line = line(a, standard).into_iter().find(|(c, _)| *c == category).map(|(_, s)| s);
    assert_eq!(on_line, expected, "{category:?} on the line for {standard}");
    let b = typed(h, standard);
    let best_typed = b.results.iter().filter(|r| r.category == category).map(|r| r.status).min();
    match expected {
        Some(status) => assert_eq!(best_typed, Some(status), "{category:?} typed {standard}"),
        None => assert!(best_typed.is_none_or(|s| s > Status::NeedsLocalCheck), "{category:?} typed {standard}"),
    }
}

// ---- A rural family of four at 375元 per person, the father on dialysis: 低保 above 375 ----

fn dialysis_family() -> H {
    unknown(
        H::new("shanxi", "0")
            .rural()
            .member(working(ill(person(Relation::Applicant, 45), true, true), WorkStatus::Unemployed))
            .member(working(person(Relation::Spouse, 43), WorkStatus::Employed))
            .member(student(person(Relation::Child, 15), EducationLevel::JuniorSecondary))
            .member(student(person(Relation::Child, 10), EducationLevel::Primary))
            .income(Some(1), IncomeKind::Wages, yearly("18000"))
            .medical("48000"),
    )
}

#[test]
fn a_family_at_375_a_head_with_48000_of_medical_costs_is_dibao_above_375_and_through_expenditure_poverty_at_every_standard_never_marginal(
) {
    let h = dialysis_family();
    let a = h.assess();
    at(&h, &a, "375.01", Category::Dibao, Some(Status::Likely));
    at(&h, &a, "375", Category::Dibao, None);
    // Medical costs above the whole year's income: 支出型贫困 (纳入低保) at every standard, so the
    // family is a 低保 family and never 边缘 ("不符合低保条件", 晋民发〔2024〕6号 二(一)).
    for s in ["0.01", "250", "250.01", "375", "375.01", "5000"] {
        at(&h, &a, s, Category::ExpenditurePoverty, Some(Status::Likely));
        at(&h, &a, s, Category::Marginal, None);
    }
}

#[test]
fn the_same_family_without_medical_costs_is_dibao_above_375_marginal_above_250_up_to_375_and_neither_at_or_below_250() {
    let h = dialysis_family().with(|h| h.spending.medical = yearly("0"));
    let a = h.assess();
    at(&h, &a, "375.01", Category::Dibao, Some(Status::Likely));
    at(&h, &a, "375.01", Category::Marginal, None);
    at(&h, &a, "375", Category::Dibao, None);
    at(&h, &a, "375", Category::Marginal, Some(Status::Likely));
    // 1.5 × 250.01 = 375.015 > 375; 1.5 × 250 = 375, not above it.
    at(&h, &a, "250.01", Category::Marginal, Some(Status::Likely));
    at(&h, &a, "250", Category::Marginal, None);
}

#[test]
fn a_family_at_375_a_head_with_no_standard_is_led_by_dibao_never_by_a_one_off_payment() {
    let a = dialysis_family().assess();
    let best = a.best.as_ref().expect("a best category");
    assert_eq!(best.category, Category::Dibao);
    assert_eq!(ladder(&a).lines[0].sentence, "当地低保标准高于375元，很可能符合：低保、支出型贫困（纳入低保）");
    let headline = a.headline();
    assert!(!headline.answer.contains("临时救助"), "{}", headline.answer);
}

#[test]
fn spending_above_income_is_said_in_words_never_as_a_negative_income_per_person() {
    let a = dialysis_family().assess();
    let r = result_named(&a, Category::ExpenditurePoverty, "因病");
    let c = check(r, CheckKey::ExpenditureIllnessIncome);
    let text = c.explanation.to_string();
    assert!(text.contains("医疗费用个人负担部分（48000元）超过了全年计入的收入（18000元）"), "{text}");
    assert_eq!(c.outcome, Outcome::Pass);
    let typed = typed(&dialysis_family(), "700");
    for r in &typed.results {
        for c in &r.checks {
            let shown = format!("{} {:?}", c.explanation, c.figure.as_ref().map(|f| f.describe()));
            assert!(!shown.contains("为-") && !shown.contains("实际 -") && !shown.contains("Some(\"-"), "{shown}");
        }
    }
}

// ---- 广西, 400元 per person: 边缘 only between 200 and 400 (高于1倍、低于2倍) ----

fn guangxi_at_400() -> H {
    unknown(
        H::new("guangxi", "0")
            .member(supported(working(person(Relation::Applicant, 50), WorkStatus::Employed), SupporterStatus::Able))
            .income(Some(0), IncomeKind::Wages, monthly("400")),
    )
}

#[test]
fn guangxi_400_a_head_is_dibao_above_400_marginal_above_200_and_below_400_and_neither_at_or_below_200() {
    let h = guangxi_at_400();
    let a = h.assess();
    at(&h, &a, "400.01", Category::Dibao, Some(Status::Likely));
    at(&h, &a, "400.01", Category::Marginal, None);
    // Exactly at the standard: neither 低于 (低保) nor 高于 (边缘) by the letter; the office decides.
    at(&h, &a, "400", Category::Dibao, None);
    at(&h, &a, "400", Category::Marginal, Some(Status::NeedsLocalCheck));
    at(&h, &a, "399.99", Category::Marginal, Some(Status::Likely));
    at(&h, &a, "200.01", Category::Marginal, Some(Status::Likely));
    at(&h, &a, "200", Category::Marginal, None);
    let sentences: Vec<&str> = ladder(&a).lines.iter().map(|l| l.sentence.as_str()).collect();
    assert_eq!(
        sentences,
        [
            "当地低保标准高于400元，很可能符合：低保",
            "当地低保标准恰好为400元，可能符合——需当地核实：低保边缘家庭",
            "当地低保标准高于200元、低于400元，很可能符合：低保边缘家庭",
            "当地低保标准不超过200元，各类别都不太可能符合",
        ]
    );
}

// ---- One person at 800元 where the only figure is 桂林's 750元 of 2020 ----

fn guilin_800() -> H {
    unknown(
        H::new("guangxi", "0")
            .member(supported(working(person(Relation::Applicant, 50), WorkStatus::Employed), SupporterStatus::Able))
            .income(Some(0), IncomeKind::Wages, monthly("800"))
            .with(|h| h.place.area = Some("guilin".into())),
    )
}

#[test]
fn an_old_figure_dates_every_verdict_that_another_standard_would_change_and_the_ladder_says_dibao_above_800() {
    let h = guilin_800();
    let a = h.assess();
    assert!(a.standard_is_old());
    let dibao = result(&a, Category::Dibao);
    assert_eq!(dibao.status, Status::Unlikely);
    assert_eq!(dibao.status_label(), "按2020年标准：不太可能符合");
    let marginal = result(&a, Category::Marginal);
    assert_eq!(marginal.status_label(), "按2020年标准：很可能符合");
    at(&h, &a, "800.01", Category::Dibao, Some(Status::Likely));
    at(&h, &a, "800", Category::Dibao, None);
    assert_eq!(ladder(&a).lines[0].sentence, "当地低保标准高于800元，很可能符合：低保");
    assert_eq!(a.headline().by_standard_intro, Some("所用标准已执行一年以上，当地可能已调整。按现行标准："));
}

#[test]
fn a_figure_the_user_types_counts_as_current_and_gives_no_ladder_and_no_dates() {
    let a = typed(&guilin_800(), "750");
    assert!(a.by_standard.is_none());
    assert_eq!(result(&a, Category::Dibao).status_label(), "不太可能符合");
}

// ---- One person whose only income is 残疾人两项补贴, no standard ----

fn allowances_only() -> H {
    unknown(
        H::new("shanxi", "0")
            .member(supported(
                disabled(person(Relation::Applicant, 40), DisabilityKind::Physical, 1),
                SupporterStatus::None,
            ))
            .income(Some(0), IncomeKind::DisabilityAllowances, monthly("240")),
    )
}

#[test]
fn allowances_of_240_leave_destitute_likely_above_240_and_waiting_on_the_allowance_rule_at_or_below() {
    let h = allowances_only();
    let a = h.assess();
    at(&h, &a, "240.01", Category::Destitute, Some(Status::Likely));
    at(&h, &a, "240", Category::Destitute, Some(Status::NeedsLocalCheck));
    let b = typed(&h, "240");
    assert_eq!(member_result(&b, Category::Destitute, 0).decided_by, Some(LocalRule::DisabilityAllowances));
    assert_eq!(a.best.as_ref().map(|b| b.category), Some(Category::Destitute));
}

#[test]
fn a_check_left_to_the_office_never_says_it_is_met_whatever_the_standard_without_naming_the_reading() {
    let a = allowances_only().assess();
    let c = check(member_result(&a, Category::Destitute, 0), CheckKey::DestituteIncome);
    assert_eq!(c.outcome, Outcome::Unknown);
    let text = c.explanation.to_string();
    assert!(
        text.starts_with("不计入残疾人两项补贴时，本人月收入为0元/人/月，不论当地低保标准多少，这一条都符合。"),
        "{text}"
    );
    assert!(
        text.contains("如果当地把它计入收入，本人月收入为240元/人/月，只要当地低保标准高于240元，这一条就符合"),
        "{text}"
    );
}

// ---- The 36-month asset test of 支出型贫困 at 2,000元 per person ----

fn ill_with_savings() -> H {
    unknown(
        H::new("shanxi", "0")
            .member(working(ill(person(Relation::Applicant, 50), true, true), WorkStatus::Unemployed))
            .income(Some(0), IncomeKind::Wages, yearly("6000"))
            .medical("12000")
            .financial("2000"),
    )
}

#[test]
fn assets_of_2000_a_head_are_within_36_months_of_any_standard_from_55_56_and_not_of_55_55() {
    let h = ill_with_savings();
    let a = h.assess();
    let r = result_named(&a, Category::ExpenditurePoverty, "因病");
    let c = check(r, CheckKey::ExpenditureAssets);
    assert_eq!(c.outcome, Outcome::Unknown);
    assert!(c.explanation.to_string().contains("只要当地低保标准不低于55.56元"), "{}", c.explanation);
    let asset = |s: &str| {
        let b = typed(&h, s);
        check(result_named(&b, Category::ExpenditurePoverty, "因病"), CheckKey::ExpenditureAssets).outcome
    };
    assert_eq!(asset("55.56"), Outcome::Pass);
    assert_eq!(asset("55.55"), Outcome::Fail);
}

// ---- Sentences that must be true without a standard ----

#[test]
fn without_a_standard_the_marginal_not_dibao_check_never_claims_income_below_the_standard() {
    let a = unknown(alone_with_wages("620")).assess();
    let c = check(result(&a, Category::Marginal), CheckKey::MarginalNotDibao);
    assert!(!c.explanation.to_string().contains("已低于低保标准"), "{}", c.explanation);
    assert!(c.explanation.to_string().contains("是否符合低保还要看当地低保标准"), "{}", c.explanation);
}

#[test]
fn without_a_standard_the_warning_does_not_say_income_conditions_cannot_be_judged() {
    let a = unknown(alone_with_wages("620")).assess();
    assert!(a.warnings.iter().all(|w| !w.contains("无法判断")), "{:?}", a.warnings);
    assert!(a.warnings.iter().any(|w| w.contains("按不同的标准")), "{:?}", a.warnings);
}

#[test]
fn a_bound_is_rounded_as_the_figure_it_is_compared_with_239_58_never_against_239_59() {
    // 5,750元 a year for two: 239.583… a head, shown as 239.58; the standards above it are those
    // above 239.58 in whole fen.
    let h = unknown(
        H::new("national", "0")
            .adults(2)
            .with(|h| h.members.iter_mut().for_each(|m| m.work = WorkStatus::Employed))
            .income(Some(0), IncomeKind::Wages, yearly("5750")),
    );
    let a = h.assess();
    let text = check(result(&a, Category::Dibao), CheckKey::DibaoIncome).explanation.to_string();
    assert!(text.contains("为239.58元/人/月：只要当地低保标准高于239.58元"), "{text}");
    at(&h, &a, "239.59", Category::Dibao, Some(Status::Likely));
    at(&h, &a, "239.58", Category::Dibao, None);
}

fn alone_with_wages(monthly_wages: &str) -> H {
    H::new("national", "0")
        .member(supported(working(person(Relation::Applicant, 45), WorkStatus::Employed), SupporterStatus::Able))
        .income(Some(0), IncomeKind::Wages, monthly(monthly_wages))
}

// ---- Found in review: each a sentence that must stay true ----

#[test]
fn at_an_old_figure_a_route_of_expenditure_poverty_that_fails_there_but_holds_at_higher_standards_is_dated() {
    // 太原 760 (2023): 50,000 wages less 10,000 medical = 3,333.33 a month, above 760; above 3,333.33
    // 因病 holds. 100,000 of care for the disability puts 因残 above income at every standard, so the
    // category leads on every line while its 因病 route reads otherwise.
    let h = H::new("shanxi", "0")
        .member(working(
            needing_care(disabled(ill(person(Relation::Applicant, 50), true, true), DisabilityKind::Physical, 2)),
            WorkStatus::Employed,
        ))
        .income(Some(0), IncomeKind::Wages, yearly("50000"))
        .medical("10000")
        .disability_care("100000")
        .with(|h| {
            h.place.local_standard = None;
            h.place.area = Some("taiyuan/urban".into());
        });
    let a = h.assess();
    let r = result_named(&a, Category::ExpenditurePoverty, "——因病致贫");
    assert_eq!(r.status, Status::Unlikely);
    assert_eq!(r.status_label(), "按2023年标准：不太可能符合");
    let illness_route = |s: &str| result_named(&typed(&h, s), Category::ExpenditurePoverty, "——因病致贫").status;
    assert_eq!(illness_route("3333.34"), Status::Likely);
    assert_eq!(illness_route("3333.33"), Status::Unlikely);
}

#[test]
fn at_an_old_figure_with_nothing_open_the_answer_is_dated_and_the_record_still_says_where_to_apply() {
    // 桂林 750 (2020), 1,500 a month: nothing at 750, 低保 above 1,500.
    let h = unknown(
        H::new("guangxi", "0")
            .member(working(person(Relation::Applicant, 50), WorkStatus::Employed))
            .income(Some(0), IncomeKind::Wages, monthly("1500"))
            .with(|h| h.place.area = Some("guilin".into())),
    );
    let a = h.assess();
    assert!(a.best.is_none());
    assert_eq!(a.headline().answer, "按2020年标准，暂未发现可能符合的类别");
    let record = low_income_check::call_record::call_record(&a);
    assert!(record.contains("- 当地低保标准高于1500元，很可能符合：低保"), "{record}");
    assert!(record.contains("告知来电人："), "{record}");
}

#[test]
fn an_answer_that_is_the_same_at_every_standard_is_not_said_to_depend_on_it() {
    // 75, alone, no income, nothing owned, nobody to support him: 特困 and 低保 at any standard.
    let h = unknown(H::new("national", "0").member(supported(person(Relation::Applicant, 75), SupporterStatus::None)));
    let a = h.assess();
    assert_eq!(ladder(&a).lines.len(), 1);
    let headline = a.headline();
    assert_eq!(headline.answer, "还不知道当地现行的低保标准，但您家的结果不随标准变化");
    assert!(headline.by_standard[0].starts_with("不论当地低保标准多少，很可能符合："), "{:?}", headline.by_standard);
}

#[test]
fn with_an_allowance_that_may_count_marginal_never_says_the_income_is_below_the_standard() {
    // 太原 760: 700 wages + 100 两项补贴 a month, nothing owned: counted, 800 is above 760.
    let h = H::new("shanxi", "760")
        .member(working(person(Relation::Applicant, 45), WorkStatus::Employed))
        .income(Some(0), IncomeKind::Wages, monthly("700"))
        .income(Some(0), IncomeKind::DisabilityAllowances, monthly("100"));
    let a = h.assess();
    let text = check(result(&a, Category::Marginal), CheckKey::MarginalNotDibao).explanation.to_string();
    assert!(!text.contains("已低于低保标准"), "{text}");
    assert!(text.contains("还要看当地是否把残疾人两项补贴计入收入"), "{text}");
}

#[test]
fn read_with_the_allowance_the_income_named_includes_it_and_the_standard_above_which_the_test_is_met_is_the_higher_bound(
) {
    // One person: 12,000 wages, 3,000 两项补贴, 13,000 medical. Without the allowance −83.33 a
    // month (met at any standard); with it 166.67 (met above 166.66).
    let h = unknown(
        H::new("shanxi", "0")
            .member(working(ill(person(Relation::Applicant, 45), true, true), WorkStatus::Unemployed))
            .income(Some(0), IncomeKind::Wages, yearly("12000"))
            .income(Some(0), IncomeKind::DisabilityAllowances, yearly("3000"))
            .medical("13000"),
    );
    let a = h.assess();
    let c = check(result_named(&a, Category::ExpenditurePoverty, "因病"), CheckKey::ExpenditureIllnessIncome);
    let text = c.explanation.to_string();
    assert!(text.contains("医疗费用个人负担部分（13000元）超过了全年计入的收入（12000元）"), "{text}");
    assert!(text.contains("如果当地把它计入收入，扣除后家庭人均月收入为166.67元/人/月"), "{text}");
    assert_eq!(c.standard_above, Some(money("166.66").amount()));
}

#[test]
fn a_partner_packs_asset_limit_states_the_standard_from_which_the_assets_are_within_it() {
    // The example partner pack sets 6 months of the standard; 9,000元 alone is within it from 1,500.
    let source = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/examples/pack-partner-example.json"))
        .expect("example pack");
    let pack = low_income_check::engine::PolicyPack::from_json(&source).expect("valid pack");
    let h = H { pack, household: unknown(H::new("national", "0")).household }
        .member(working(person(Relation::Applicant, 45), WorkStatus::Employed))
        .financial("9000");
    let a = h.assess();
    let c = check(result(&a, Category::Dibao), CheckKey::DibaoProperty);
    assert_eq!(c.outcome, Outcome::Unknown);
    assert!(
        c.explanation.to_string().contains("只要当地低保标准不低于1500元，金融资产就在限额内"),
        "{}",
        c.explanation
    );
    at(&h, &a, "1500", Category::Dibao, Some(Status::Likely));
    at(&h, &a, "1499.99", Category::Dibao, None);
}

#[test]
fn when_the_sweep_cannot_reach_the_household_s_figures_the_warning_does_not_promise_its_answer() {
    let mut h = unknown(H::new("national", "0").member(working(person(Relation::Applicant, 45), WorkStatus::Employed)));
    for _ in 0..13 {
        h = h.income(Some(0), IncomeKind::Wages, yearly("1000000000000"));
    }
    let a = h.assess();
    assert!(a.by_standard.is_none());
    assert!(a.warnings.iter().all(|w| !w.contains("按不同的标准")), "{:?}", a.warnings);
    let report = low_income_check::report::render_text(&a);
    assert!(!report.contains("。。"), "{report}");
}

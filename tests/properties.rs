//! Properties over many generated households:
//! - no input, however odd, makes the engine or the parsers panic;
//! - higher income never makes a household more eligible for an income-tested category.

use low_income_check::engine::household::*;
use low_income_check::engine::money::{Amount, Money, Period};
use low_income_check::engine::outcome::{Category, Status};
use low_income_check::engine::policy::{builtin, RigidVariant};
use low_income_check::engine::{assess, Day, PolicyPack};
use low_income_check::format::parse_household;
use proptest::prelude::*;
use rust_decimal::Decimal;

fn packs() -> Vec<PolicyPack> {
    builtin::IDS.iter().map(|id| builtin::load(id).expect("id").expect("valid")).collect()
}

fn money_strategy() -> impl Strategy<Value = Money> {
    prop_oneof![
        8 => (0i64..=30_000_000).prop_map(|fen| Money::new(Decimal::new(fen, 2)).expect("in range")),
        1 => Just(Money::ZERO),
        1 => Just(Money::MAX),
    ]
}

fn amount_strategy() -> impl Strategy<Value = Amount> {
    (money_strategy(), prop_oneof![Just(Period::Month), Just(Period::Year)])
        .prop_map(|(amount, per)| Amount { amount, per })
}

fn member_strategy() -> impl Strategy<Value = Member> {
    let relation = prop_oneof![
        Just(Relation::Applicant),
        Just(Relation::Spouse),
        Just(Relation::Child),
        Just(Relation::Parent),
        Just(Relation::Sibling),
        Just(Relation::Grandparent),
        Just(Relation::Grandchild),
        Just(Relation::Other)
    ];
    let kind = prop_oneof![
        Just(DisabilityKind::Visual),
        Just(DisabilityKind::Hearing),
        Just(DisabilityKind::Speech),
        Just(DisabilityKind::Physical),
        Just(DisabilityKind::Intellectual),
        Just(DisabilityKind::Mental),
        Just(DisabilityKind::Multiple)
    ];
    let disability = proptest::option::weighted(
        0.3,
        (kind, 1u32..=4, any::<bool>()).prop_map(|(kind, grade, care)| Disability {
            kind,
            grade: Grade::new(grade).expect("grade"),
            needs_ongoing_care: care,
        }),
    );
    let illness = proptest::option::weighted(
        0.3,
        (any::<bool>(), any::<bool>()).prop_map(|(serious, in_treatment)| Illness { serious, in_treatment }),
    );
    let level = prop_oneof![
        Just(EducationLevel::Preschool),
        Just(EducationLevel::Primary),
        Just(EducationLevel::JuniorSecondary),
        Just(EducationLevel::SeniorSecondary),
        Just(EducationLevel::Vocational),
        Just(EducationLevel::JuniorCollege),
        Just(EducationLevel::Undergraduate),
        Just(EducationLevel::Postgraduate)
    ];
    let student = proptest::option::weighted(
        0.3,
        (level, any::<bool>(), any::<bool>(), any::<bool>(), amount_strategy()).prop_map(
            |(level, full_time, high_fee_school, abroad, fees)| Student {
                level,
                full_time,
                high_fee_school,
                abroad,
                fees,
            },
        ),
    );
    let work = prop_oneof![
        Just(WorkStatus::Employed),
        Just(WorkStatus::Unemployed),
        Just(WorkStatus::Unknown),
        Just(WorkStatus::Retired),
        Just(WorkStatus::InSchool)
    ];
    let supporter = prop_oneof![
        Just(SupporterStatus::Able),
        Just(SupporterStatus::Unable),
        Just(SupporterStatus::None),
        Just(SupporterStatus::Unknown)
    ];
    (relation, 0u32..=130, disability, illness, student, work, supporter).prop_map(
        |(relation, age, disability, illness, student, work, supporter)| Member {
            relation,
            age: Age::new(age).expect("age"),
            disability,
            illness,
            student,
            work,
            supporter,
        },
    )
}

fn income_kind() -> impl Strategy<Value = IncomeKind> {
    use IncomeKind::*;
    proptest::sample::select(vec![
        Wages,
        BusinessNet,
        PropertyNet,
        Pension,
        SupportReceived,
        SupportFromSiblingsOrElderly,
        UnemploymentBenefit,
        ElderlyAllowance,
        OtherTransfer,
        BasicPensionBase,
        SpecialCareAllowance,
        FamilyPlanningAward,
        Scholarship,
        HeroicDeedAward,
        SocialAssistance,
        DisabilityAllowances,
        TaxesAndSocialInsurance,
        SupportPaid,
        EmploymentCosts,
    ])
}

/// A household and the index of a built-in pack to assess it under.
fn household_strategy() -> impl Strategy<Value = (Household, usize)> {
    let members = proptest::collection::vec(member_strategy(), 1..=6);
    let income = proptest::collection::vec((proptest::option::of(0usize..6), income_kind(), amount_strategy()), 0..6);
    let spending = (amount_strategy(), amount_strategy(), amount_strategy());
    let assets = (money_strategy(), 0u16..3, 0u16..3, any::<bool>());
    let unemployment = proptest::option::weighted(
        0.3,
        (0u16..12, any::<bool>(), any::<bool>()).prop_map(|(m, i, e)| UnemploymentHardship {
            months_without_income: m,
            unemployment_insurance: i,
            caused_by_emergency: e,
        }),
    );
    let situation = (
        any::<[bool; 7]>(),
        unemployment,
        prop_oneof![Just(Hukou::Local), Just(Hukou::ResidencePermit), Just(Hukou::Elsewhere)],
    );
    let place = (
        0usize..4,
        0usize..20,
        prop_oneof![Just(AreaKind::Urban), Just(AreaKind::Rural)],
        proptest::option::weighted(
            0.7,
            (30_000i64..=200_000)
                .prop_map(|fen| Amount { amount: Money::new(Decimal::new(fen, 2)).expect("m"), per: Period::Month }),
        ),
        proptest::option::weighted(
            0.5,
            (1_000_000i64..=10_000_000)
                .prop_map(|fen| Amount { amount: Money::new(Decimal::new(fen, 2)).expect("m"), per: Period::Year }),
        ),
    );
    (members, income, spending, assets, situation, place).prop_map(
        |(members, income, spending, assets, situation, place)| {
            let n = members.len();
            let (pack, area_pick, area_kind, local_standard, disposable_income) = place;
            let pack_id = builtin::IDS[pack];
            let areas = builtin::load(pack_id).expect("id").expect("valid").areas;
            let area = if areas.is_empty() || area_pick >= areas.len() + 3 {
                None
            } else {
                areas.get(area_pick % areas.len()).map(|a| a.id.clone())
            };
            let (flags, unemployment, hukou) = situation;
            (
                Household {
                    as_of: None,
                    place: Place {
                        pack: Some(pack_id.to_string()),
                        area,
                        area_kind,
                        local_standard,
                        disposable_income,
                    },
                    income: income
                        .into_iter()
                        .map(|(member, kind, amount)| IncomeItem::new(member.map(|m| m % n), kind, amount))
                        .collect(),
                    members,
                    spending: Spending { medical: spending.0, disability_care: spending.1, other_rigid: spending.2 },
                    assets: Assets {
                        financial: assets.0,
                        vehicles: assets.1,
                        homes: assets.2,
                        other_property: assets.3,
                    },
                    situation: Situation {
                        receives_dibao: flags[0],
                        recognised_marginal: flags[6],
                        income_rose_through_work: flags[1],
                        unemployment,
                        sudden_hardship: flags[2],
                        disaster_after_relief: flags[3],
                        student_stuck_by_emergency: flags[4] && flags[5],
                        hukou,
                    },
                },
                pack,
            )
        },
    )
}

/// The income-tested categories in review order (特困 → 低保 and its routes → 边缘 → 刚性支出).
/// 边缘 alone is not monotone — a household leaving 低保 by earning more enters it — so what must
/// not improve is the best status among the first k of these, for every k.
const INCOME_TESTED: [Category; 7] = [
    Category::Destitute,
    Category::Dibao,
    Category::ExpenditurePoverty,
    Category::DibaoSoloDisabled,
    Category::DibaoSoloMarginalMember,
    Category::Marginal,
    Category::RigidExpenditure,
];

fn prefix_best(a: &low_income_check::engine::Assessment) -> Vec<Status> {
    (1..=INCOME_TESTED.len())
        .map(|k| {
            a.results
                .iter()
                .filter(|r| INCOME_TESTED[..k].contains(&r.category))
                .map(|r| r.status)
                .min()
                .unwrap_or(Status::NotApplicable)
        })
        .collect()
}

fn today() -> Day {
    Day::parse("2026-11-22").expect("day")
}

/// Cases per property: 3,000 in the test suite; `cargo xtask fuzz` sets PROPTEST_CASES far higher.
fn cases() -> u32 {
    std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(3000)
}

/// Replacements a hostile or broken pack might contain at any node.
fn nasty_value(kind: usize, text: &str) -> serde_json::Value {
    use serde_json::json;
    match kind % 14 {
        0 => json!(null),
        1 => json!(true),
        2 => json!(-1),
        3 => json!(0),
        4 => json!(1e30),
        5 => json!("1e30"),
        6 => json!(""),
        7 => json!("<script>alert(1)</script>"),
        8 => json!("2023-02-30"),
        9 => json!("times_standard"),
        10 => json!("长".repeat(1000)),
        11 => json!([]),
        12 => json!({}),
        _ => json!(text),
    }
}

/// Replaces (or, for `kind == 99`, removes) the node reached by following `path` through `value`.
fn mutate(value: &mut serde_json::Value, path: &[usize], kind: usize, text: &str) {
    let Some((&step, rest)) = path.split_first() else {
        *value = nasty_value(kind, text);
        return;
    };
    match value {
        serde_json::Value::Object(map) if !map.is_empty() => {
            let key = map.keys().nth(step % map.len()).cloned().unwrap_or_default();
            if rest.is_empty() && kind % 5 == 0 {
                map.remove(&key);
            } else if let Some(child) = map.get_mut(&key) {
                mutate(child, rest, kind, text);
            }
        }
        serde_json::Value::Array(items) if !items.is_empty() => {
            let len = items.len();
            mutate(&mut items[step % len], rest, kind, text);
        }
        _ => *value = nasty_value(kind, text),
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(), ..ProptestConfig::default() })]

    #[test]
    fn a_mutated_policy_pack_is_refused_with_messages_or_used_without_panic(
        pack in 0usize..4,
        path in proptest::collection::vec(any::<usize>(), 1..9),
        kind in any::<usize>(),
        text in ".{0,40}",
    ) {
        let source = builtin::source(builtin::IDS[pack]).expect("pack");
        let mut value: serde_json::Value = serde_json::from_str(source).expect("json");
        mutate(&mut value, &path, kind, &text);
        match PolicyPack::from_json(&value.to_string()) {
            Err(errors) => {
                prop_assert!(!errors.is_empty());
                for e in &errors {
                    prop_assert!(!e.message.is_empty() && e.message.chars().count() <= 400);
                }
            }
            Ok(pack) => {
                let household = parse_household(r#"{"members":[{"age":70,"supporter":"none"},{"age":30,"disability":{"kind":"mental","grade":2,"needs_ongoing_care":true},"illness":{"serious":true,"in_treatment":true}}],
                    "income":[{"member":1,"kind":"wages","amount":"800","per":"month"}],"spending":{"medical":{"amount":"5000","per":"year"}},
                    "place":{"local_standard":{"amount":"700","per":"month"}},"situation":{"receives_dibao":true,"income_rose_through_work":true,"sudden_hardship":true}}"#).expect("household");
                prop_assert!(assess(&household, &pack, today()).is_ok());
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(), ..ProptestConfig::default() })]

    #[test]
    fn any_generated_household_is_assessed_without_panic_and_every_check_cites_a_source((household, pack) in household_strategy()) {
        let packs = packs();
        let a = assess(&household, &packs[pack], today()).expect("valid household assesses");
        for r in &a.results {
            for c in &r.checks {
                prop_assert!(!c.citation.document.is_empty());
            }
        }
        // The JSON output is always produced.
        prop_assert!(serde_json::to_string(&a).is_ok());
        // National 刚性支出: a household on 低保, or likely for 低保 (or its 支出型 route) or 边缘, is
        // reviewed there first and is never a 刚性支出困难 family.
        if matches!(packs[pack].rules.rigid_expenditure.variant, RigidVariant::National2024 { .. }) {
            let higher_likely = a.results.iter().any(|r| {
                matches!(r.category, Category::Dibao | Category::ExpenditurePoverty | Category::Marginal)
                    && r.status == Status::Likely
            });
            if household.situation.receives_dibao || higher_likely {
                let rigid = a.results.iter().find(|r| r.category == Category::RigidExpenditure).map(|r| r.status);
                prop_assert_eq!(rigid, Some(Status::Unlikely));
            }
        }
    }

    #[test]
    fn higher_income_never_makes_a_household_more_eligible((household, pack) in household_strategy(), extra_fen in 1i64..=2_000_000, earner in 0usize..6) {
        let packs = packs();
        let pack = &packs[pack];
        let lower = assess(&household, pack, today()).expect("lower");
        let mut richer = household.clone();
        let earner = earner % richer.members.len();
        richer.income.push(IncomeItem::new(Some(earner), IncomeKind::Wages, Amount { amount: Money::new(Decimal::new(extra_fen, 2)).expect("m"), per: Period::Year }));
        let higher = assess(&richer, pack, today()).expect("higher");
        // The one exception is the seed's own wording: in 广西 a household exactly at the standard
        // is neither 低保 (低于) nor 边缘 (高于); it is sent to the office, and one fen more makes it 边缘.
        let at_guangxi_gap = pack.id == "guangxi"
            && lower.standard.as_ref().is_some_and(|s| s.annual * Decimal::from(household.members.len()) == lower.household.net_income);
        if !at_guangxi_gap {
            let before = prefix_best(&lower);
            let after = prefix_best(&higher);
            for (k, (b, a)) in before.iter().zip(&after).enumerate() {
                prop_assert!(a >= b, "up to {:?}: {:?} became {:?} with more income", INCOME_TESTED[k], b, a);
            }
        }
        // Single categories whose rules only ever ask for less income are monotone on their own.
        // 刚性支出 under the national rule first asks that the household is not 低保 or 边缘, so more
        // income can move a household from 边缘 into it (like 边缘 from 低保): only the prefix above
        // holds for it; 广西's rule asks only for less income and stays monotone on its own.
        let rigid_alone = matches!(pack.rules.rigid_expenditure.variant, RigidVariant::Guangxi2024 { .. });
        for category in [Category::Destitute, Category::Dibao, Category::ExpenditurePoverty, Category::DibaoSoloDisabled, Category::RigidExpenditure] {
            if category == Category::RigidExpenditure && !rigid_alone {
                continue;
            }
            let best = |a: &low_income_check::engine::Assessment| a.results.iter().filter(|r| r.category == category).map(|r| r.status).min();
            prop_assert!(best(&higher) >= best(&lower), "{:?}", category);
        }
    }

    #[test]
    fn arbitrary_text_never_panics_the_household_parser(text in ".{0,400}") {
        let _ = parse_household(&text);
    }

    #[test]
    fn arbitrary_text_never_panics_the_pack_loader(text in ".{0,400}") {
        let _ = PolicyPack::from_json(&text);
    }

    #[test]
    fn household_json_with_odd_values_is_refused_or_assessed_never_panics(
        age in prop_oneof![Just("-1".to_string()), Just("1e30".to_string()), Just("40.5".to_string()), Just("\"40\"".to_string()), (0u32..300).prop_map(|a| a.to_string())],
        amount in prop_oneof![Just("\"NaN\"".to_string()), Just("\"1e30\"".to_string()), Just("1e30".to_string()), Just("-0.0".to_string()), Just("\"９９\"".to_string()), Just("\"\"".to_string()), (0u64..u64::MAX).prop_map(|a| format!("\"{a}\""))],
        member in prop_oneof![Just("null".to_string()), Just("-1".to_string()), Just("99999999999999999999".to_string()), (0usize..4).prop_map(|m| m.to_string())],
    ) {
        let text = format!(r#"{{"members":[{{"age":{age}}},{{"age":30}}],"income":[{{"member":{member},"kind":"wages","amount":{amount},"per":"month"}}]}}"#);
        if let Ok(household) = parse_household(&text) {
            let packs = packs();
            prop_assert!(assess(&household, &packs[0], today()).is_ok());
        }
    }
}

#[test]
fn deeply_nested_json_is_refused_with_a_message() {
    let text = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
    let errors = parse_household(&text).expect_err("refused");
    assert!(!errors[0].message.is_empty());
    let errors = PolicyPack::from_json(&text).expect_err("refused");
    assert!(!errors[0].message.is_empty());
}

#[test]
fn too_many_members_are_refused_with_a_chinese_message() {
    let members: Vec<String> = (0..31).map(|_| r#"{"age":30}"#.to_string()).collect();
    let errors = parse_household(&format!(r#"{{"members":[{}]}}"#, members.join(","))).expect_err("refused");
    assert!(errors.iter().any(|e| e.path == "members" && e.message.contains("30")));
}

#[test]
fn the_largest_amounts_allowed_do_not_overflow() {
    let members: Vec<String> =
        (0..30).map(|_| r#"{"age":70,"disability":{"kind":"physical","grade":1}}"#.to_string()).collect();
    let items: Vec<String> = (0..low_income_check::engine::household::MAX_INCOME_ITEMS)
        .map(|i| format!(r#"{{"member":{},"kind":"wages","amount":"1000000000000","per":"month"}}"#, i % 30))
        .collect();
    let text = format!(
        r#"{{"place":{{"pack":"shanxi","local_standard":{{"amount":"1000000000000","per":"month"}},"disposable_income":{{"amount":"1000000000000","per":"month"}}}},"members":[{}],"income":[{}],"spending":{{"medical":{{"amount":"1000000000000","per":"month"}}}},"assets":{{"financial":"1000000000000"}}}}"#,
        members.join(","),
        items.join(",")
    );
    let household = parse_household(&text).expect("valid, if absurd");
    let pack = builtin::load("shanxi").expect("id").expect("valid");
    assert!(assess(&household, &pack, today()).is_ok());
}

/// Every amount of a generated household brought under 1亿元, the page's own bound for a typed
/// amount, so that the answer-per-standard sweep is never cut short by standards money cannot hold.
fn within_typed_bounds(mut household: Household) -> Household {
    let cap = Money::new(Decimal::from(100_000_000)).expect("1亿");
    let clamp = |amount: &mut Amount| amount.amount = amount.amount.min(cap);
    for item in &mut household.income {
        let mut amount = item.value();
        clamp(&mut amount);
        *item = IncomeItem::new(item.member, item.kind, amount);
    }
    clamp(&mut household.spending.medical);
    clamp(&mut household.spending.disability_care);
    clamp(&mut household.spending.other_rigid);
    for member in &mut household.members {
        if let Some(student) = &mut member.student {
            clamp(&mut student.fees);
        }
    }
    household.assets.financial = household.assets.financial.min(cap);
    household
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(), ..ProptestConfig::default() })]

    /// The sweep is exact by construction (each range's assessment makes no comparison that turns
    /// inside the range); this checks it: for any standard in whole fen — random ones, and both
    /// sides of every line's bounds — the ladder has exactly one line for it, and that line leads
    /// with what the assessment with the standard typed in leads with.
    #[test]
    fn the_ladder_line_for_any_standard_is_the_assessment_with_that_standard_typed_in(
        (household, pack) in household_strategy(),
        random_fen in proptest::collection::vec(1i64..=300_000, 4),
    ) {
        let pack = &packs()[pack];
        let household = within_typed_bounds(household);
        let mut unknown = household.clone();
        unknown.place.local_standard = None;
        let a = assess(&unknown, pack, today()).expect("assessment");
        let ladder = a.by_standard.expect("a ladder when the standard is unknown or old");
        prop_assert!(!ladder.lines.is_empty());
        let mut standards: Vec<Decimal> = random_fen.iter().map(|&fen| Decimal::new(fen, 2)).collect();
        for line in &ladder.lines {
            for bound in [line.above, line.at_most].into_iter().flatten() {
                standards.push(bound);
                standards.push(bound + Decimal::new(1, 2));
            }
        }
        for standard in standards {
            let lines: Vec<_> = ladder.lines.iter().filter(|l| l.contains(standard)).collect();
            prop_assert_eq!(lines.len(), 1, "standard {} is on {} lines", standard, lines.len());
            let mut typed = household.clone();
            typed.place.local_standard = Some(Amount::monthly(Money::new(standard).expect("fen")));
            let b = assess(&typed, pack, today()).expect("assessment");
            let expected = low_income_check::engine::by_standard::leads_of(&b.results);
            prop_assert_eq!(&lines[0].leads, &expected, "at standard {}", standard);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: (cases() / 10).max(1), ..ProptestConfig::default() })]

    /// `assess --batch` gives every household the statuses and the leading category of its single
    /// assessment, in input order, whatever the number of threads.
    #[test]
    fn a_batch_gives_every_household_the_statuses_of_its_single_assessment(
        list in proptest::collection::vec(household_strategy(), 1..12),
        threads in 1usize..4,
    ) {
        let packs = packs();
        let mut input = String::new();
        let mut expected = Vec::new();
        for (n, (mut household, pack)) in list.into_iter().enumerate() {
            household.place.pack = Some(packs[pack].id.clone());
            let single = assess(&household, &packs[pack], today()).expect("assessment");
            let mut line = serde_json::to_value(&household).expect("json");
            line["id"] = serde_json::Value::String(format!("h{n}"));
            input.push_str(&line.to_string());
            input.push('\n');
            let statuses: Vec<(String, String)> = single.results.iter()
                .map(|r| (serde_json::to_string(&r.category).expect("code"), serde_json::to_string(&r.status).expect("code")))
                .collect();
            expected.push((format!("h{n}"), statuses, single.best.map(|b| serde_json::to_string(&b.category).expect("code"))));
        }
        let options = low_income_check::batch::Options { policy: None, date: Some(today()), today: today(), threads };
        let mut out = Vec::new();
        let summary = low_income_check::batch::run(input.as_bytes(), &mut out, &options).expect("runs");
        let lines: Vec<serde_json::Value> = String::from_utf8(out).expect("utf8").lines()
            .map(|l| serde_json::from_str(l).expect("json line")).collect();
        prop_assert_eq!(lines.len(), expected.len() + 1);
        prop_assert_eq!(summary.households, expected.len());
        for (record, (id, statuses, best)) in lines.iter().zip(&expected) {
            prop_assert_eq!(record["id"].as_str(), Some(id.as_str()));
            let got: Vec<(String, String)> = record["results"].as_array().expect("results").iter()
                .map(|r| (r["category"].to_string(), r["status"].to_string())).collect();
            prop_assert_eq!(&got, statuses);
            let got_best = if record["best"].is_null() { None } else { Some(record["best"].to_string()) };
            prop_assert_eq!(&got_best, best);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(), ..ProptestConfig::default() })]

    /// `screen`, which a batch uses, writes no sentences, yet gives every household exactly the
    /// assessment's statuses (per category and member), leading category and status, standard,
    /// area, per-capita income and answer at every standard.
    #[test]
    fn screening_without_sentences_gives_exactly_the_assessment_s_statuses(
        (household, pack) in household_strategy(),
    ) {
        let packs = packs();
        let pack = &packs[pack];
        let a = assess(&household, pack, today()).expect("assessment");
        let s = low_income_check::engine::screen(&household, pack, today()).expect("screening");
        let of = |results: &[low_income_check::engine::outcome::CategoryResult]| -> Vec<_> {
            results.iter().map(|r| (r.category, r.subject, r.status, r.waits_on, r.decided_by)).collect()
        };
        prop_assert_eq!(of(&s.results), of(&a.results));
        prop_assert_eq!(s.best, a.best.as_ref().map(|b| (b.category, b.status)));
        prop_assert_eq!(&s.standard, &a.standard);
        prop_assert_eq!(&s.area, &a.household.area);
        prop_assert_eq!(s.per_capita_monthly_income, a.household.per_capita_monthly_income);
        prop_assert_eq!(&s.by_standard, &a.by_standard);
        prop_assert!(s.results.iter().all(|r| r.notes.is_empty()), "a screening writes no notes");
        // Every check's decision too (a batch's flags read the 低保 income test's).
        let checks = |results: &[low_income_check::engine::outcome::CategoryResult]| -> Vec<_> {
            results.iter().flat_map(|r| r.checks.iter().map(|c| (c.key, c.outcome, c.waits_on, c.standard_above))).collect()
        };
        prop_assert_eq!(checks(&s.results), checks(&a.results));
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(), ..ProptestConfig::default() })]

    /// A batch line is read as the general household reader reads it, whatever is slipped into one
    /// of its objects: a batch reads most lines the fast way, and must refuse (with the same
    /// messages) or accept exactly what `parse_household` does.
    #[test]
    fn a_batch_line_is_read_as_the_household_reader_reads_it_whatever_is_slipped_into_it(
        (household, pack) in household_strategy(),
        at in any::<proptest::sample::Index>(),
        slipped in proptest::sample::select(vec![
            r#""amount":"1","#, r#""x":1,"#, r#""x":1,"x":2,"#, r#""per":"year","#, r#""age":3,"#, r#""members":[],"#, "",
        ]),
    ) {
        let packs = packs();
        let mut household = household;
        household.place.pack = Some(packs[pack].id.clone());
        let text = serde_json::to_string(&household).expect("json");
        // After an opening brace (not the first, where the id goes, unless nothing else is slipped).
        let braces: Vec<usize> = text.match_indices('{').map(|(i, _)| i + 1).collect();
        let cut = braces[at.index(braces.len())];
        let mutated = format!("{}{slipped}{}", &text[..cut], &text[cut..]);
        let line = format!("{{\"id\":\"p\",{}", &mutated[1..]);
        let options = low_income_check::batch::Options { policy: None, date: Some(today()), today: today(), threads: 1 };
        let mut out = Vec::new();
        low_income_check::batch::run(line.as_bytes(), &mut out, &options).expect("runs");
        let out = String::from_utf8(out).expect("utf8");
        let record: serde_json::Value = serde_json::from_str(out.lines().next().expect("record")).expect("json");
        match low_income_check::format::parse_household(&mutated) {
            Err(errors) => {
                // The batch's line has the id in front: a message's column (（第1行第342列）) differs.
                let without_column = |message: &str| match (message.find("（第"), message.rfind("列）")) {
                    (Some(from), Some(to)) if from < to => format!("{}{}", &message[..from], &message[to + "列）".len()..]),
                    _ => message.to_string(),
                };
                let got: Vec<(String, String)> = record["errors"].as_array().expect("errors").iter()
                    .map(|e| (e["path"].as_str().expect("path").to_string(), without_column(e["message"].as_str().expect("message"))))
                    .collect();
                let expected: Vec<(String, String)> =
                    errors.iter().map(|e| (e.path.clone(), without_column(&e.message))).collect();
                prop_assert_eq!(got, expected, "{}", mutated);
            }
            Ok(read) => {
                let mut read = read;
                read.as_of = Some(today());
                let s = low_income_check::engine::screen(&read, &packs[pack], today());
                match s {
                    Ok(s) => {
                        let statuses: Vec<serde_json::Value> = s.results.iter()
                            .map(|r| serde_json::json!([r.category, r.status])).collect();
                        let got: Vec<serde_json::Value> = record["results"].as_array().expect("results").iter()
                            .map(|r| serde_json::json!([r["category"], r["status"]])).collect();
                        prop_assert_eq!(got, statuses, "{}", mutated);
                    }
                    Err(_) => prop_assert!(record["errors"].is_array(), "{}", mutated),
                }
            }
        }
    }
}

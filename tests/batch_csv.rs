//! `assess --batch --csv`: a sheet with one row per member read into the same households as the
//! JSON format, assessed by the same pipeline, with every error told by its row and column.

use low_income_check::batch::csv::{read_households, write_households, HeaderRefused, SheetHousehold};
use low_income_check::batch::{run, run_csv, Options, Summary};
use low_income_check::engine::household::*;
use low_income_check::engine::money::{Amount, Money, Period};
use low_income_check::engine::policy::builtin;
use low_income_check::engine::{assess, Day};
use low_income_check::format::parse_household;
use proptest::prelude::*;
use rust_decimal::Decimal;
use serde_json::Value;

fn day() -> Day {
    Day::parse("2026-12-04").expect("day")
}

fn options(threads: usize) -> Options {
    Options { policy: None, date: Some(day()), today: day(), threads }
}

fn records(out: Vec<u8>) -> Vec<Value> {
    String::from_utf8(out).expect("utf8").lines().map(|l| serde_json::from_str(l).expect("json")).collect()
}

/// A sheet's batch: its records (the summary last) and the summary.
fn sheet_batch(input: &[u8], threads: usize) -> (Vec<Value>, Summary) {
    let mut out = Vec::new();
    let summary = run_csv(input, &mut out, &options(threads)).expect("runs");
    (records(out), summary)
}

fn write(households: &[(String, Household)]) -> Vec<u8> {
    let mut sheet = Vec::new();
    write_households(&mut sheet, households.iter().map(|(id, h)| (id.as_str(), h))).expect("written");
    sheet
}

fn read(sheet: &[u8]) -> Vec<SheetHousehold> {
    read_households(sheet).expect("header").map(|h| h.expect("read")).collect()
}

/// The household as a sheet gives it back: its income lines member by member (the household's own
/// last), kind by kind in the format's order, each cell's lines in their order.
fn in_sheet_order(mut household: Household) -> Household {
    household
        .income
        .sort_by_key(|line| (line.member.unwrap_or(usize::MAX), IncomeKind::ALL.iter().position(|k| *k == line.kind)));
    household
}

fn examples() -> Vec<(String, Household)> {
    let mut all: Vec<(String, Household)> = std::fs::read_dir("examples")
        .expect("examples")
        .filter_map(|entry| {
            let name = entry.ok()?.file_name().into_string().ok()?;
            let id = name.strip_prefix("household-")?.strip_suffix(".json")?.to_string();
            let text = std::fs::read_to_string(format!("examples/{name}")).ok()?;
            Some((id, parse_household(&text).expect("example")))
        })
        .collect();
    all.sort_by(|a, b| a.0.cmp(&b.0));
    assert!(all.len() >= 5, "the examples are found");
    all
}

#[test]
fn every_example_household_written_as_a_sheet_and_read_back_is_the_same_household() {
    let examples = examples();
    let back = read(&write(&examples));
    assert_eq!(back.len(), examples.len());
    for ((id, household), read) in examples.iter().zip(back) {
        assert_eq!(read.id.as_deref(), Some(id.as_str()));
        assert_eq!(read.household.expect("read without errors"), in_sheet_order(household.clone()), "{id}");
    }
}

fn money() -> impl Strategy<Value = Money> {
    prop_oneof![
        6 => (0i64..=30_000_000).prop_map(|fen| Money::new(Decimal::new(fen, 2)).expect("in range")),
        1 => Just(Money::ZERO),
        1 => Just(Money::MAX),
    ]
}

fn amount() -> impl Strategy<Value = Amount> {
    (money(), prop_oneof![Just(Period::Month), Just(Period::Year)]).prop_map(|(amount, per)| Amount { amount, per })
}

fn pick<T: Clone + std::fmt::Debug + 'static>(all: &[T]) -> impl Strategy<Value = T> {
    proptest::sample::select(all.to_vec())
}

fn member() -> impl Strategy<Value = Member> {
    use DisabilityKind as D;
    use EducationLevel as E;
    use Relation as R;
    let relation =
        pick(&[R::Applicant, R::Spouse, R::Child, R::Parent, R::Sibling, R::Grandparent, R::Grandchild, R::Other]);
    let disability = proptest::option::weighted(
        0.3,
        (
            pick(&[D::Visual, D::Hearing, D::Speech, D::Physical, D::Intellectual, D::Mental, D::Multiple]),
            1u32..=4,
            any::<bool>(),
        )
            .prop_map(|(kind, grade, needs_ongoing_care)| Disability {
                kind,
                grade: Grade::new(grade).expect("grade"),
                needs_ongoing_care,
            }),
    );
    let illness = proptest::option::weighted(
        0.3,
        (any::<bool>(), any::<bool>()).prop_map(|(serious, in_treatment)| Illness { serious, in_treatment }),
    );
    let level = pick(&[
        E::Preschool,
        E::Primary,
        E::JuniorSecondary,
        E::SeniorSecondary,
        E::Vocational,
        E::JuniorCollege,
        E::Undergraduate,
        E::Postgraduate,
    ]);
    let student = proptest::option::weighted(
        0.3,
        (level, any::<bool>(), any::<bool>(), any::<bool>(), prop_oneof![amount(), Just(Amount::yearly(Money::ZERO))])
            .prop_map(|(level, full_time, high_fee_school, abroad, fees)| Student {
                level,
                full_time,
                high_fee_school,
                abroad,
                fees,
            }),
    );
    let work = pick(&[
        WorkStatus::Employed,
        WorkStatus::Unemployed,
        WorkStatus::Unknown,
        WorkStatus::Retired,
        WorkStatus::InSchool,
    ]);
    let supporter =
        pick(&[SupporterStatus::Able, SupporterStatus::Unable, SupporterStatus::None, SupporterStatus::Unknown]);
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

/// A household of every field a rule reads, with income lines of any member (or the household), of
/// any kind, several of one kind, in any order.
fn household() -> impl Strategy<Value = Household> {
    let members = proptest::collection::vec(member(), 1..=8);
    let income = proptest::collection::vec(
        (proptest::option::weighted(0.8, 0usize..8), pick(&IncomeKind::ALL), amount()),
        0..10,
    );
    let spending = (amount(), amount(), prop_oneof![amount(), Just(Amount::yearly(Money::ZERO))]);
    let assets = (money(), any::<u16>(), 0u16..4, any::<bool>());
    let unemployment = proptest::option::weighted(
        0.3,
        (any::<u16>(), any::<bool>(), any::<bool>()).prop_map(|(m, i, e)| UnemploymentHardship {
            months_without_income: m,
            unemployment_insurance: i,
            caused_by_emergency: e,
        }),
    );
    let situation = (any::<[bool; 7]>(), unemployment, pick(&[Hukou::Local, Hukou::ResidencePermit, Hukou::Elsewhere]));
    let place = (
        proptest::option::of(0usize..builtin::IDS.len()),
        0usize..40,
        pick(&[AreaKind::Urban, AreaKind::Rural]),
        proptest::option::of(amount()),
        proptest::option::of(amount()),
        proptest::option::of((2020i32..2030, 1u8..=12, 1u8..=28)),
    );
    (members, income, spending, assets, situation, place).prop_map(
        |(members, income, spending, assets, (flags, unemployment, hukou), place)| {
            let (pack, area_pick, area_kind, local_standard, disposable_income, as_of) = place;
            let pack = pack.map(|p| builtin::IDS[p].to_string());
            let areas =
                pack.as_deref().and_then(builtin::load).and_then(Result::ok).map(|p| p.areas).unwrap_or_default();
            let n = members.len();
            Household {
                as_of: as_of.map(|(y, m, d)| Day::parse(&format!("{y:04}-{m:02}-{d:02}")).expect("day")),
                place: Place {
                    pack,
                    area: areas.get(area_pick).map(|a| a.id.clone()),
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
                assets: Assets { financial: assets.0, vehicles: assets.1, homes: assets.2, other_property: assets.3 },
                situation: Situation {
                    receives_dibao: flags[0],
                    recognised_marginal: flags[6],
                    income_rose_through_work: flags[1],
                    unemployment,
                    sudden_hardship: flags[2],
                    disaster_after_relief: flags[3],
                    student_stuck_by_emergency: flags[4],
                    hukou,
                },
            }
        },
    )
}

fn cases() -> u32 {
    std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(300)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(), ..ProptestConfig::default() })]

    #[test]
    fn a_random_household_written_as_a_sheet_and_read_back_is_the_same_household(
        list in proptest::collection::vec(household(), 1..6),
    ) {
        let households: Vec<(String, Household)> =
            list.into_iter().enumerate().map(|(n, h)| (format!("户{n}"), h)).collect();
        let back = read(&write(&households));
        prop_assert_eq!(back.len(), households.len());
        for ((id, household), read) in households.iter().zip(back) {
            prop_assert_eq!(read.id.as_deref(), Some(id.as_str()));
            prop_assert_eq!(read.household.expect("read without errors"), in_sheet_order(household.clone()));
        }
    }
}

/// Records without `line`, which counts rows in a sheet and lines in JSON Lines.
fn without_lines(records: &[Value]) -> Vec<Value> {
    records
        .iter()
        .map(|r| {
            let mut r = r.clone();
            if let Some(object) = r.as_object_mut() {
                object.remove("line");
            }
            r
        })
        .collect()
}

fn json_lines(households: &[(String, Household)]) -> String {
    households
        .iter()
        .map(|(id, h)| {
            let mut line = serde_json::to_value(h).expect("json");
            line["id"] = Value::String(id.clone());
            format!("{line}\n")
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: (cases() / 5).max(1), ..ProptestConfig::default() })]

    #[test]
    fn a_sheet_s_batch_is_the_batch_of_the_same_households_as_json_lines_but_for_line_numbers(
        list in proptest::collection::vec(household(), 1..8),
        threads in 1usize..4,
    ) {
        let households: Vec<(String, Household)> =
            list.into_iter().enumerate().map(|(n, h)| (format!("h{n}"), h)).collect();
        let (from_sheet, sheet_summary) = sheet_batch(&write(&households), threads);
        let mut out = Vec::new();
        let json_summary = run(json_lines(&households).as_bytes(), &mut out, &options(threads)).expect("runs");
        prop_assert_eq!(without_lines(&from_sheet), without_lines(&records(out)));
        prop_assert_eq!(sheet_summary, json_summary);
    }
}

#[test]
fn the_example_households_batch_as_a_sheet_as_as_json_lines() {
    let examples = examples();
    let (from_sheet, _) = sheet_batch(&write(&examples), 2);
    let mut out = Vec::new();
    run(json_lines(&examples).as_bytes(), &mut out, &options(2)).expect("runs");
    assert_eq!(without_lines(&from_sheet), without_lines(&records(out)));
    assert!(from_sheet.iter().take(examples.len()).all(|r| r["results"].is_array()), "all assessed");
}

#[test]
fn the_template_is_the_sheet_of_three_examples_and_each_of_its_households_gets_its_example_s_statuses() {
    let template = std::fs::read("examples/batch-template.csv").expect("template");
    assert!(template.starts_with("\u{feff}".as_bytes()), "UTF-8 with a byte-order mark, for Excel");
    let ids = ["shanxi-illness", "shanxi-solo-disabled", "guangxi-marginal"];
    let chosen: Vec<(String, Household)> =
        ids.iter().map(|id| examples().into_iter().find(|(i, _)| i == id).expect("example")).collect();
    assert_eq!(String::from_utf8_lossy(&template), String::from_utf8_lossy(&write(&chosen)), "the writer's sheet");
    let read = read(&template);
    assert!(read.iter().all(|h| h.household.is_ok()), "read without errors");
    // Assessed on each example's own day, as a single assessment of the JSON example.
    let mut out = Vec::new();
    let options = Options { policy: None, date: None, today: day(), threads: 2 };
    let summary = run_csv(template.as_slice(), &mut out, &options).expect("runs");
    let records = records(out);
    assert_eq!((summary.households, summary.refused), (3, 0));
    for ((id, household), record) in chosen.iter().zip(&records) {
        let pack = builtin::load(household.place.pack.as_deref().expect("pack")).expect("known").expect("valid");
        let single = assess(household, &pack, day()).expect("assessed");
        let statuses: Vec<(Value, Value)> = single
            .results
            .iter()
            .map(|r| (serde_json::to_value(r.category).expect("c"), serde_json::to_value(r.status).expect("s")))
            .collect();
        let got: Vec<(Value, Value)> = record["results"]
            .as_array()
            .expect("results")
            .iter()
            .map(|r| (r["category"].clone(), r["status"].clone()))
            .collect();
        assert_eq!(record["id"], id.as_str());
        assert_eq!(got, statuses, "{id}");
        assert_eq!(record["best"], serde_json::to_value(single.best.map(|b| b.category)).expect("best"), "{id}");
    }
}

/// A sheet with the given header and rows, UTF-8.
fn sheet(rows: &[&str]) -> Vec<u8> {
    rows.iter().map(|r| format!("{r}\r\n")).collect::<String>().into_bytes()
}

const HEADER: &str =
    "户编号,政策包,地区,与申请人关系,年龄,就业状况,工资性收入（元/月）,养老金、退休金（元/月）,房屋（套）";

#[test]
fn a_bad_age_on_row_5_is_named_by_its_row_and_column_and_the_other_households_are_assessed() {
    let input = sheet(&[
        HEADER,
        "A1,山西,taiyuan/urban,申请人,45,就业,1400,,1",
        "A1,,,子女,9,,,,",
        "A2,山西,taiyuan/urban,申请人,70,,,300,",
        "A2,,,配偶,140,,,,",
        "A3,广西,nanning,申请人,40,就业,2400,,",
    ]);
    for threads in [1, 2, 3] {
        let (records, summary) = sheet_batch(&input, threads);
        assert_eq!(records.len(), 4, "three records and the summary");
        assert_eq!((records[0]["line"].clone(), records[0]["best"].clone()), (2.into(), "dibao".into()));
        assert_eq!(records[1]["line"], 4, "a household's record is on its first row");
        assert_eq!(records[1]["id"], "A2");
        let error = &records[1]["errors"][0];
        assert_eq!(error["message"], "第5行“年龄”：年龄应在0到130岁之间");
        assert_eq!((error["row"].clone(), error["column"].clone()), (5.into(), "年龄".into()));
        assert_eq!(error["path"], "members[1].age");
        assert_eq!(records[2]["id"], "A3");
        assert!(records[2]["results"].is_array());
        assert_eq!((summary.households, summary.refused), (2, 1));
    }
}

#[test]
fn words_staff_type_are_read_as_the_format_s_codes_and_amounts_as_on_the_page() {
    let input = sheet(&[
        "户编号,城乡,评估日期,relation,年龄,残疾类别,残疾等级,需要康复护理,患重病,就学阶段,全日制,学杂费,工资,pension,金融资产,正在享受低保,失业无收入月数,户籍,当地低保标准",
        "B1,农村,2026/1/5,本人,50岁,肢体残疾,二级,是,否,,,,3千；1.2万/年,,2万元,√,3,外地,7百",
        "B1,,,女儿,１２,,,,,初中,否,800,,,,,,,",
        "B1,,,全户,,,,,,,,,,200,,,,,",
    ]);
    let read = read(&input);
    let expected = parse_household(
        r#"{"as_of":"2026-01-05","place":{"area_kind":"rural","local_standard":{"amount":"700","per":"month"}},
            "members":[{"relation":"applicant","age":50,"disability":{"kind":"physical","grade":2,"needs_ongoing_care":true},
                        "illness":{"serious":false}},
                       {"relation":"child","age":12,"student":{"level":"junior_secondary","full_time":false,
                        "fees":{"amount":"800","per":"year"}}}],
            "income":[{"member":0,"kind":"wages","amount":"3000","per":"month"},
                      {"member":0,"kind":"wages","amount":"12000","per":"year"},
                      {"kind":"pension","amount":"200","per":"month"}],
            "assets":{"financial":"20000"},
            "situation":{"receives_dibao":true,"unemployment":{"months_without_income":3},"hukou":"elsewhere"}}"#,
    )
    .expect("expected");
    assert_eq!(read[0].household.as_ref().expect("read"), &expected);
}

#[test]
fn an_amount_the_page_would_refuse_and_a_word_not_in_the_list_are_named_by_their_cells() {
    let input = sheet(&[HEADER, "C1,山西,taiyuan/urban,申请人,45,就业,,,", "C1,,,配偶,43,打零工,\"1500、1800\",,"]);
    let (records, _) = sheet_batch(&input, 1);
    let messages: Vec<&str> =
        records[0]["errors"].as_array().expect("errors").iter().map(|e| e["message"].as_str().expect("m")).collect();
    assert_eq!(messages.len(), 1, "a word not in the list is found before any amount is read: {messages:?}");
    assert!(
        messages[0].starts_with("第3行“就业状况”：“打零工”不是可选的值；可填：就业、无业、退休、在读、不详"),
        "{messages:?}"
    );
    let fixed = sheet(&[HEADER, "C1,山西,taiyuan/urban,申请人,45,就业,,,", "C1,,,配偶,43,无业,\"1500、1800\",,"]);
    let (records, _) = sheet_batch(&fixed, 1);
    let error = &records[0]["errors"][0];
    assert_eq!(error["path"], "income[0].amount");
    assert!(
        error["message"].as_str().expect("m").starts_with("第3行“工资性收入（元/月）”：请只填写一个金额"),
        "{error}"
    );
}

#[test]
fn an_unknown_column_stops_the_file_before_any_row_with_one_record_naming_it() {
    let input = sheet(&["户编号,姓名,年龄,身份证号", "D1,张三,45,140105197901010011"]);
    let mut out = Vec::new();
    let error = run_csv(input.as_slice(), &mut out, &options(2)).expect_err("refused");
    let refused = HeaderRefused::of(&error).expect("the header's refusal");
    assert_eq!(refused.errors.len(), 2);
    let records = records(out);
    assert_eq!(records.len(), 2, "one record for the file, then the summary");
    assert_eq!(records[0]["line"], 1);
    assert!(records[0].get("id").is_none());
    assert_eq!(records[0]["errors"][0]["column"], "姓名");
    assert!(records[0]["errors"][0]["message"].as_str().expect("m").starts_with("第1行“姓名”：第2列的列名不认识"));
    assert_eq!(records[0]["errors"][1]["column"], "身份证号");
    assert_eq!(
        (records[1]["summary"]["households"].clone(), records[1]["summary"]["refused"].clone()),
        (0.into(), 1.into())
    );
}

#[test]
fn the_command_line_says_why_a_header_is_refused_and_exits_1() {
    let dir = std::env::temp_dir().join(format!("batch-csv-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("dir");
    let file = dir.join("bad.csv");
    std::fs::write(&file, sheet(&["户编号,姓名,年龄", "D1,张三,45"])).expect("written");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_assess"))
        .args(["--batch", file.to_str().expect("path"), "--csv"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("第1行“姓名”：第2列的列名不认识"));
    let template = std::process::Command::new(env!("CARGO_BIN_EXE_assess"))
        .args(["--batch", "examples/batch-template.csv", "--csv", "--threads", "2"])
        .output()
        .expect("runs");
    assert_eq!(template.status.code(), Some(0), "{}", String::from_utf8_lossy(&template.stderr));
    assert_eq!(String::from_utf8_lossy(&template.stdout).lines().count(), 4);
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn a_household_value_that_differs_on_a_later_row_is_named_by_that_row_and_column() {
    let input = sheet(&[
        HEADER,
        "E1,山西,taiyuan/urban,申请人,45,就业,1400,,1",
        "E1,山西,,子女,9,,,,1",
        "E1,,taiyuan/core,父母,70,,,,",
        "E2,山西,taiyuan/urban,申请人,45,就业,1400,,",
    ]);
    let (records, _) = sheet_batch(&input, 2);
    let errors = records[0]["errors"].as_array().expect("errors");
    assert_eq!(errors.len(), 1, "the same value again is fine: {errors:?}");
    assert_eq!(errors[0]["row"], 4);
    assert_eq!(errors[0]["column"], "地区");
    assert!(errors[0]["message"].as_str().expect("m").starts_with("第4行“地区”：与第2行的“taiyuan/urban”不同"));
    assert!(records[1]["results"].is_array());
}

#[test]
fn a_household_id_that_comes_back_after_another_household_is_an_error_not_a_second_household() {
    let input = sheet(&[
        HEADER,
        "F1,山西,taiyuan/urban,申请人,45,就业,1400,,",
        "F2,山西,taiyuan/urban,申请人,70,,,300,",
        "F1,,,子女,9,,,,",
        "F1,,,子女,7,,,,",
        "F3,山西,taiyuan/urban,申请人,40,就业,2000,,",
    ]);
    let (records, summary) = sheet_batch(&input, 2);
    assert_eq!(records.len(), 5);
    assert_eq!(records[0]["id"], "F1");
    assert!(records[0]["results"].is_array(), "F1 as first given is assessed");
    assert_eq!((records[2]["line"].clone(), records[2]["id"].clone()), (4.into(), "F1".into()));
    let errors = records[2]["errors"].as_array().expect("errors");
    assert_eq!(errors.len(), 1, "one record for the rows that came back: {errors:?}");
    assert!(errors[0]["message"].as_str().expect("m").starts_with("第4行“户编号”：户编号“F1”在第2行已经出现过"));
    assert_eq!(records[3]["id"], "F3");
    assert_eq!((summary.households, summary.refused), (3, 1));
}

#[test]
fn a_gbk_file_as_excel_saves_it_is_read_as_the_same_file_in_utf8() {
    let utf8 = String::from_utf8(write(&examples())).expect("utf8");
    let without_bom = utf8.trim_start_matches('\u{feff}');
    let (gbk, _, lossy) = encoding_rs::GBK.encode(without_bom);
    assert!(!lossy);
    assert!(std::str::from_utf8(&gbk).is_err(), "really GBK");
    let (from_gbk, _) = sheet_batch(&gbk, 2);
    let (from_utf8, _) = sheet_batch(utf8.as_bytes(), 2);
    assert_eq!(from_gbk, from_utf8);
    assert!(from_gbk.iter().take(5).all(|r| r["results"].is_array()));
}

#[test]
fn a_household_with_too_many_rows_gets_one_record_and_the_next_household_is_assessed() {
    let mut rows = vec![HEADER.to_string(), "G1,山西,taiyuan/urban,申请人,45,就业,1400,,".to_string()];
    rows.extend((0..100).map(|i| format!("G1,,,子女,{},,,,", i % 18)));
    rows.push("G2,山西,taiyuan/urban,申请人,70,,,300,".to_string());
    let rows: Vec<&str> = rows.iter().map(String::as_str).collect();
    let (records, summary) = sheet_batch(&sheet(&rows), 2);
    assert_eq!(records.len(), 3);
    assert_eq!((records[0]["line"].clone(), records[0]["id"].clone()), (2.into(), "G1".into()));
    let errors = records[0]["errors"].as_array().expect("errors");
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0]["row"], 42, "the first row past 40");
    assert!(errors[0]["message"].as_str().expect("m").contains("超过上限（40 行"));
    assert_eq!((records[1]["line"].clone(), records[1]["id"].clone()), (103.into(), "G2".into()));
    assert!(records[1]["results"].is_array());
    assert_eq!((summary.households, summary.refused), (1, 1));
}

#[test]
fn a_row_too_long_refuses_its_household_and_the_next_household_is_assessed() {
    let long = format!("H1,,,子女,9,,{},,", "9".repeat(100 * 1024));
    let input = sheet(&[
        HEADER,
        "H1,山西,taiyuan/urban,申请人,45,就业,1400,,",
        &long,
        "H2,山西,taiyuan/urban,申请人,70,,,300,",
    ]);
    let (records, summary) = sheet_batch(&input, 2);
    assert_eq!(records.len(), 3);
    assert_eq!(records[0]["id"], "H1");
    assert_eq!(records[0]["errors"][0]["message"], "第3行：这一行超过上限（64 KB），已跳过");
    assert_eq!(records[1]["id"], "H2");
    assert!(records[1]["results"].is_array());
    assert_eq!((summary.households, summary.refused), (1, 1));
}

#[test]
fn a_row_without_a_household_id_is_reported_on_its_own_and_empty_rows_are_skipped() {
    let input = sheet(&[
        HEADER,
        "I1,山西,taiyuan/urban,申请人,45,就业,1400,,",
        ",,,,,,,,",
        ",,,子女,9,,,,",
        "I2,山西,taiyuan/urban,申请人,70,,,300,",
    ]);
    let (records, _) = sheet_batch(&input, 1);
    assert_eq!(records.len(), 4);
    assert!(records[0]["results"].is_array());
    assert_eq!(records[1]["line"], 4);
    assert!(records[1].get("id").is_none());
    assert!(records[1]["errors"][0]["message"].as_str().expect("m").starts_with("第4行“户编号”：请填写户编号"));
    assert!(records[2]["results"].is_array());
}

#[test]
fn a_cell_of_more_income_lines_than_a_household_may_have_is_refused_at_that_cell() {
    let many = vec!["100"; 150].join("；");
    let input = sheet(&[HEADER, &format!("J1,山西,taiyuan/urban,申请人,45,就业,\"{many}\",,")]);
    let (records, _) = sheet_batch(&input, 1);
    assert_eq!(records[0]["errors"][0]["message"], "第2行“工资性收入（元/月）”：收入条目最多100条（一户所有成员合计）");
    let hundred = vec!["100"; 100].join("；");
    let (records, _) = sheet_batch(&sheet(&[HEADER, &format!("J2,山西,taiyuan/urban,申请人,45,就业,{hundred},,")]), 1);
    assert!(records[0]["results"].is_array(), "{}", records[0]);
}

#[test]
fn a_household_with_thousands_of_bad_cells_gets_one_record_of_twenty_errors_and_one_counting_the_rest() {
    // Notes typed under 126 blank headers: 40 rows × 126 cells, each an error of the reader's.
    let blank_columns = format!("户编号,年龄{}", ",".repeat(126));
    let noted = format!("K1,40{}", ",x".repeat(126));
    let mut rows = vec![blank_columns.as_str()];
    rows.extend(std::iter::repeat_n(noted.as_str(), 40));
    rows.push("K2,40");
    let (records, summary) = sheet_batch(&sheet(&rows), 2);
    assert_eq!(records.len(), 3, "one record for K1, one for K2, the summary");
    let errors = records[0]["errors"].as_array().expect("errors");
    assert_eq!(errors.len(), 21, "twenty listed and one counting the rest");
    assert_eq!(
        errors[20]["message"],
        "第2行“第23列”：另有5020处错误未列出（每户只列出前20处，未列出的第一处在这里）；请改正后再检查这一户"
    );
    assert_eq!((errors[20]["row"].clone(), errors[20]["column"].clone()), (2.into(), "第23列".into()));
    assert!(records[1]["results"].is_array(), "the next household is assessed");
    assert_eq!((summary.households, summary.refused), (1, 1));

    // Every cell of every column a word the reader does not know: errors of the worker's.
    let header: Vec<String> = String::from_utf8(write(&examples()[..1]))
        .expect("utf8")
        .lines()
        .next()
        .expect("header")
        .to_string()
        .trim_start_matches('\u{feff}')
        .split(',')
        .map(str::to_string)
        .collect();
    let wrong = format!("Q1{}", ",q".repeat(header.len() - 1));
    let mut rows = vec![header.join(",")];
    rows.extend(std::iter::repeat_n(wrong, 40));
    let rows: Vec<&str> = rows.iter().map(String::as_str).collect();
    let (records, _) = sheet_batch(&sheet(&rows), 1);
    let errors = records[0]["errors"].as_array().expect("errors");
    assert_eq!(errors.len(), 21, "{}", records[0]);
    let last = errors[20]["message"].as_str().expect("m");
    assert!(last.contains("处错误未列出（每户只列出前20处"), "{last}");
}

/// The sheet of the line-end report: A, then B, then A again.
const A_B_A: [&str; 4] = ["户编号,年龄,残疾等级", "A,40,", "B,40,9", "A,41,"];

#[test]
fn rows_are_numbered_alike_for_lf_crlf_and_lone_cr_line_ends_and_an_id_that_comes_back_is_refused_in_each() {
    let mut all = Vec::new();
    for end in ["\n", "\r\n", "\r"] {
        let input: String = A_B_A.iter().map(|row| format!("{row}{end}")).collect();
        let (records, summary) = sheet_batch(input.as_bytes(), 2);
        let lines: Vec<Value> = records.iter().take(3).map(|r| r["line"].clone()).collect();
        assert_eq!(lines, [2, 3, 4], "{end:?}");
        assert_eq!(records[1]["errors"][0]["row"], 3, "{end:?}");
        assert!(records[1]["errors"][0]["message"].as_str().expect("m").starts_with("第3行“残疾等级”"), "{end:?}");
        assert!(
            records[2]["errors"][0]["message"]
                .as_str()
                .expect("m")
                .starts_with("第4行“户编号”：户编号“A”在第2行已经出现过"),
            "{end:?}: {}",
            records[2]
        );
        assert_eq!((summary.households, summary.refused), (1, 2), "{end:?}");
        all.push(records);
    }
    assert_eq!(all[0], all[1]);
    assert_eq!(all[0], all[2]);
}

/// `assess --to-csv` of `lines`: its exit code, the sheet it wrote and what it said.
fn to_csv(lines: &[String]) -> (Option<i32>, Vec<u8>, String) {
    use std::io::Write;
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_assess"))
        .args(["--to-csv", "-"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("runs");
    let mut stdin = child.stdin.take().expect("stdin");
    stdin.write_all(lines.join("\n").as_bytes()).expect("written");
    drop(stdin);
    let out = child.wait_with_output().expect("done");
    (out.status.code(), out.stdout, String::from_utf8_lossy(&out.stderr).into_owned())
}

/// An example household as a line of JSON Lines with the given `id` fields (none when empty).
fn line_with(id: Option<Value>, area: Option<&str>) -> String {
    let (_, household) = examples().into_iter().next().expect("an example");
    let mut line = serde_json::to_value(&household).expect("json");
    if let Some(id) = id {
        line["id"] = id;
    }
    if let Some(area) = area {
        line["place"]["area"] = Value::String(area.to_string());
    }
    line.to_string()
}

#[test]
fn to_csv_refuses_an_id_repeated_on_a_later_line_naming_both_lines_instead_of_writing_one_household_of_two() {
    let lines =
        [line_with(Some("A".into()), None), line_with(Some("A".into()), None), line_with(Some("B".into()), None)];
    let (code, sheet, said) = to_csv(&lines);
    assert_eq!(code, Some(1), "{said}");
    assert!(said.contains("第2行未写入：户编号“A”与第1行相同"), "{said}");
    let back = read(&sheet);
    let ids: Vec<Option<&str>> = back.iter().map(|h| h.id.as_deref()).collect();
    assert_eq!(ids, [Some("A"), Some("B")]);
    assert!(back.iter().all(|h| h.household.is_ok()), "each read back as the one household written");
}

#[test]
fn to_csv_names_a_line_without_an_id_so_that_no_id_of_the_user_s_can_merge_with_it_unnoticed() {
    let lines = [line_with(None, None), line_with(Some("1".into()), None), line_with(Some(1.into()), None)];
    let (code, sheet, said) = to_csv(&lines);
    assert_eq!(code, Some(1), "the number 1 is the id \"1\" again: {said}");
    assert!(said.contains("第3行未写入：户编号“1”与第2行相同"), "{said}");
    let ids: Vec<Option<String>> = read(&sheet).into_iter().map(|h| h.id).collect();
    assert_eq!(ids, [Some("第1行".to_string()), Some("1".to_string())], "the line without id and the id \"1\" apart");

    let lines = [line_with(None, None), line_with(Some("第1行".into()), None)];
    let (code, _, said) = to_csv(&lines);
    assert_eq!(code, Some(1));
    assert!(said.contains("第2行未写入：户编号“第1行”与第1行相同"), "{said}");
    let lines = [line_with(Some("第2行".into()), None), line_with(None, None)];
    let (code, _, said) = to_csv(&lines);
    assert_eq!(code, Some(1));
    assert!(said.contains("第2行未写入：户编号“第2行”（这一行没有 id，以行号作户编号）与第1行相同"), "{said}");
}

#[test]
fn to_csv_refuses_a_text_cell_a_spreadsheet_would_run_as_a_formula_and_writes_the_other_lines() {
    let lines = [
        line_with(Some("=HYPERLINK(\"http://x\",\"点击\")".into()), None),
        line_with(Some(" +1".into()), None),
        line_with(Some("-2+3".into()), None),
        line_with(Some("ok".into()), Some("@SUM(1)")),
        line_with(Some("good".into()), None),
    ];
    let (code, sheet, said) = to_csv(&lines);
    assert_eq!(code, Some(1), "{said}");
    assert!(said.contains("第1行未写入：户编号“=HYPERLINK(\"http://x\",\"点击\")”以“=”开头"), "{said}");
    assert!(said.contains("第2行未写入：户编号“ +1”以“+”开头"), "{said}");
    assert!(said.contains("第3行未写入：户编号“-2+3”以“-”开头"), "{said}");
    assert!(said.contains("第4行未写入：地区“@SUM(1)”以“@”开头"), "{said}");
    let text = String::from_utf8(sheet).expect("utf8");
    let starts: Vec<char> = text
        .lines()
        .skip(1)
        .flat_map(|row| row.split(',').map(|cell| cell.trim_start_matches([' ', '"']).chars().next()))
        .flatten()
        .collect();
    assert!(!starts.iter().any(|c| ['=', '+', '-', '@'].contains(c)), "{text}");
    let ids: Vec<Option<String>> = read(text.as_bytes()).into_iter().map(|h| h.id).collect();
    assert_eq!(ids, [Some("good".to_string())]);

    let (_, household) = examples().into_iter().next().expect("an example");
    let mut refused = Vec::new();
    let error = write_households(&mut refused, [("@x", &household)]).expect_err("refused");
    assert_eq!(error.kind(), std::io::ErrorKind::InvalidInput);
    let error = write_households(&mut refused, [("A", &household), ("A", &household)]).expect_err("refused");
    assert!(error.to_string().contains("第2户的户编号“A”与第1户相同"), "{error}");
}

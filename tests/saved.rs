//! Saved answers (`src/saved/`): every kind of answer comes back from the file and from the code
//! exactly as typed, unanswered ones included; damaged, foreign, newer and oversized input is
//! refused with a message.

use low_income_check::engine::household::*;
use low_income_check::engine::money::Period;
use low_income_check::saved::native::{code_for, from_code, from_json, to_json};
use low_income_check::saved::{message, opened_note, Saved, MAX_CODE_CHARS, MAX_FILE_BYTES};
use low_income_check::ui::state::{Answers, IncomeLine, MemberAnswers, MoneyAnswer};

fn money(text: &str, per: Period) -> MoneyAnswer {
    MoneyAnswer { text: text.into(), per, confirmed: false }
}

/// One of every kind of answer: chosen and unchosen options, yes, no and unanswered follow-ups,
/// amounts per month and per year, typed as people type them (3千, 1.2万, a blank), the 5万 question
/// confirmed, income of the household and of a member, and every situation.
fn every_kind() -> Answers {
    let mut a = Answers::default();
    a.place.pack = "shanxi".into();
    a.place.city = "taiyuan".into();
    a.place.area = "taiyuan/urban".into();
    a.place.area_kind = AreaKind::Rural;
    a.place.own_standard = true;
    a.place.standard = money("800", Period::Month);
    a.place.disposable_income = money("", Period::Year);
    let mut elder = MemberAnswers::new(Relation::Applicant);
    elder.age = "72".into();
    elder.disability = Some(DisabilityKind::Physical);
    elder.grade = Some(3);
    elder.needs_care = None;
    elder.ill = true;
    elder.serious = Some(true);
    elder.in_treatment = Some(false);
    elder.work = WorkStatus::Retired;
    elder.supporter = SupporterStatus::Unable;
    let mut student = MemberAnswers::new(Relation::Grandchild);
    student.age = "１９".into();
    student.student = Some(EducationLevel::Undergraduate);
    student.full_time = Some(true);
    student.high_fee_school = Some(false);
    student.abroad = None;
    student.fees = money("1.2万", Period::Year);
    let blank = MemberAnswers::new(Relation::Other);
    a.members = vec![elder, student, blank];
    a.income = vec![
        IncomeLine {
            member: Some(0),
            kind: IncomeKind::Pension,
            money: MoneyAnswer { text: "12万".into(), per: Period::Month, confirmed: true },
        },
        IncomeLine { member: None, kind: IncomeKind::DisabilityAllowances, money: money("3千", Period::Year) },
        IncomeLine { member: Some(1), kind: IncomeKind::Wages, money: money("", Period::Month) },
    ];
    a.no_income = false;
    a.spending.medical = money("2,000", Period::Month);
    a.spending.other_rigid = money("abc", Period::Year);
    a.assets.financial = "0".into();
    a.assets.vehicles = String::new();
    a.assets.homes = "1".into();
    a.assets.other_property = true;
    a.situation.receives_dibao = true;
    a.situation.income_rose_through_work = true;
    a.situation.unemployed = true;
    a.situation.months_without_income = "4".into();
    a.situation.unemployment_insurance = true;
    a.situation.caused_by_emergency = true;
    a.situation.sudden_hardship = true;
    a.situation.disaster_after_relief = true;
    a.situation.student_stuck_by_emergency = true;
    a.situation.hukou = Hukou::ResidencePermit;
    a
}

fn saved(answers: &Answers) -> Saved {
    Saved::new(answers, "2026-12-04".into(), Some("760元/人/月（太原市）".into()), true)
}

#[test]
fn every_kind_of_answer_comes_back_from_the_file_exactly_as_typed() {
    for answers in [every_kind(), Answers::default()] {
        let file = to_json(&saved(&answers));
        let back = from_json(&file).expect("reads back");
        assert_eq!(back.answers, answers);
        assert_eq!(back.saved_on, "2026-12-04");
        assert_eq!(back.standard.as_deref(), Some("760元/人/月（太原市）"));
    }
}

#[test]
fn every_kind_of_answer_comes_back_from_the_code_exactly_as_typed() {
    for answers in [every_kind(), Answers::default()] {
        let code = code_for(&saved(&answers));
        assert!(code.chars().all(|c| c.is_ascii_alphanumeric() || "+-$".contains(c)), "URI-safe: {code}");
        let link = format!("https://example.org/index.html#/a/{code}");
        let back = from_code(&link).expect("reads back");
        assert_eq!(back.answers, answers);
        let json = low_income_check::saved::decode(&code).expect("decodes");
        assert!(!json.contains("\"household\""), "the code leaves out the household");
    }
}

#[test]
fn a_three_member_household_with_every_kind_of_answer_fits_a_qr_code_a_phone_reads_from_paper() {
    // The one-of-everything household above (every situation ticked, three incomes): 1,168
    // characters, version 25 (117 modules a side), about 0.4 mm a module printed 5 cm wide.
    let code = code_for(&saved(&every_kind()));
    let link = format!("https://www.example.gov.cn/shehui-jiuzhu/index.html#/a/{code}");
    let qr = qrcodegen::QrCode::encode_text(&link, qrcodegen::QrCodeEcc::Low).expect("fits a QR code");
    assert!(qr.version().value() <= 25, "version {} for {} characters", qr.version().value(), link.len());
}

#[test]
fn the_file_carries_the_household_as_assess_reads_it_when_the_answers_are_complete() {
    let mut answers = Answers::default();
    answers.place.city = "taiyuan".into();
    answers.members[0].age = "45".into();
    answers.no_income = true;
    answers.spending.medical.text = "0".into();
    answers.spending.disability_care.text = "0".into();
    answers.spending.other_rigid.text = "0".into();
    answers.assets.financial = "0".into();
    answers.assets.vehicles = "0".into();
    answers.assets.homes = "0".into();
    let file = to_json(&saved(&answers));
    let value: serde_json::Value = serde_json::from_str(&file).expect("json");
    let household = serde_json::to_string(&value["household"]).expect("household");
    let read = low_income_check::format::parse_household(&household).expect("assess reads the household part");
    assert_eq!(read.members.len(), 1);
    // Unanswered questions: no household part, and the answers still come back.
    let incomplete = to_json(&saved(&every_kind()));
    assert!(!incomplete.contains("\"household\""));
}

#[test]
fn a_damaged_a_foreign_a_newer_and_an_oversized_file_are_each_refused_with_a_message() {
    let good = to_json(&saved(&every_kind()));
    assert_eq!(from_json(&good[..good.len() / 2]), Err(message::NOT_JSON.to_string()));
    assert_eq!(from_json(r#"{"name":"张三","members":[]}"#), Err(message::FOREIGN.to_string()));
    assert_eq!(from_json("[1,2,3]"), Err(message::FOREIGN.to_string()));
    // A newer page's file, with a field this page does not know: newer, not damaged.
    let newer = good.replacen("\"version\": 1", "\"version\": 2, \"signature\": \"…\"", 1);
    let refused = from_json(&newer).expect_err("newer");
    assert!(refused.contains("更新版本") && refused.contains("第2版"), "{refused}");
    for version in ["0", "5000000000"] {
        let odd = good.replacen("\"version\": 1", &format!("\"version\": {version}"), 1);
        assert_eq!(from_json(&odd), Err(message::DAMAGED.to_string()), "version {version}");
    }
    for version in ["\"2\"", "-1", "1.5"] {
        let odd = good.replacen("\"version\": 1", &format!("\"version\": {version}"), 1);
        assert!(from_json(&odd).is_err(), "version {version}");
    }
    let tampered = good.replacen("\"age\": \"72\"", "\"age\": 72", 1);
    assert_eq!(from_json(&tampered), Err(message::DAMAGED.to_string()));
    let extra = good.replacen("\"version\": 1", "\"version\": 1, \"password\": \"x\"", 1);
    assert_eq!(from_json(&extra), Err(message::DAMAGED.to_string()));
    let huge = format!("{}{}", good, " ".repeat(MAX_FILE_BYTES));
    assert_eq!(from_json(&huge), Err(message::TOO_LARGE.to_string()));
    // Sizes the page never allows: one member too many, an age of 10,000 characters.
    let mut many = every_kind();
    many.members = vec![MemberAnswers::new(Relation::Child); MAX_MEMBERS + 1];
    assert_eq!(from_json(&to_json(&saved(&many))), Err(message::DAMAGED.to_string()));
    let mut long = every_kind();
    long.members[0].age = "9".repeat(10_000);
    assert_eq!(from_json(&to_json(&saved(&long))), Err(message::DAMAGED.to_string()));
    // Words a crafted file could put on the page: the day must be a day.
    let not_a_day = good.replacen("\"saved_on\": \"2026-12-04\"", "\"saved_on\": \"请拨打 400 电话领取补贴\"", 1);
    assert_eq!(from_json(&not_a_day), Err(message::DAMAGED.to_string()));
    // A place the page could not have chosen: an unknown pack, a district of another city.
    let mut unknown_pack = every_kind();
    unknown_pack.place.pack = "请拨打400".into();
    assert_eq!(from_json(&to_json(&saved(&unknown_pack))), Err(message::DAMAGED.to_string()));
    let mut elsewhere = every_kind();
    elsewhere.place.area = "datong/pingcheng".into();
    assert_eq!(from_json(&to_json(&saved(&elsewhere))), Err(message::DAMAGED.to_string()));
    let mut orphan = every_kind();
    orphan.income[0].member = Some(7);
    assert_eq!(from_json(&to_json(&saved(&orphan))), Err(message::DAMAGED.to_string()));
}

#[test]
fn an_oversized_a_cut_and_a_missing_code_are_each_refused_with_a_message_and_none_panics() {
    let code = code_for(&saved(&every_kind()));
    let long = format!("#/a/{}", "A".repeat(MAX_CODE_CHARS + 1));
    assert_eq!(from_code(&long), Err(message::CODE_TOO_LONG.to_string()));
    assert!(from_code(&format!("#/a/{}", &code[..code.len() / 2])).is_err());
    assert_eq!(from_code("https://example.org/index.html#/results"), Err(message::NO_CODE.to_string()));
    assert_eq!(from_code("#/a/"), Err(message::NO_CODE.to_string()));
    // Arbitrary text never panics the decoder.
    let mut seed = 7u64;
    for _ in 0..2000 {
        let len = (seed % 200) as usize;
        let text: String = (0..len)
            .map(|_| {
                seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                char::from(b"ABCabc019+-$ %#/"[(seed >> 33) as usize % 16])
            })
            .collect();
        let _ = from_code(&format!("#/a/{text}"));
    }
}

#[test]
fn reopened_under_another_standard_the_note_says_both_and_that_the_result_may_differ() {
    let s = from_json(&to_json(&saved(&every_kind()))).expect("reads");
    assert_eq!(opened_note(&s, Some("760元/人/月（太原市）".into())), "已打开2026-12-04保存的回答。");
    let note = opened_note(&s, Some("800元/人/月（太原市，2026年）".into()));
    assert!(note.contains("保存时使用的低保标准与现在的不同（现在是800元/人/月（太原市，2026年））"), "{note}");
    assert!(note.contains("结果可能与当时不同"));
    // The saved words themselves are never shown: a crafted link cannot speak in the page's voice.
    let crafted = Saved::new(&every_kind(), "2026-12-04".into(), Some("请拨打 400-000 领取补贴".into()), false);
    let opened = from_json(&to_json(&crafted)).expect("reads");
    assert!(!opened_note(&opened, None).contains("400"), "{}", opened_note(&opened, None));
}

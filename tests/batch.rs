//! `assess --batch`: bad lines reported in place while the rest are assessed, the summary equal to
//! the records, and input bounded per line.

use low_income_check::batch::{run, Options};
use low_income_check::engine::Day;
use serde_json::Value;

fn day() -> Day {
    Day::parse("2026-12-04").expect("day")
}

fn batch(input: &str, threads: usize) -> (Vec<Value>, low_income_check::batch::Summary) {
    let options = Options { policy: None, date: Some(day()), today: day(), threads };
    let mut out = Vec::new();
    let summary = run(input.as_bytes(), &mut out, &options).expect("runs");
    let lines = String::from_utf8(out).expect("utf8").lines().map(|l| serde_json::from_str(l).expect("json")).collect();
    (lines, summary)
}

const GOOD: &str = r#"{"id":"A-1","place":{"pack":"shanxi","area":"taiyuan/urban"},"members":[{"age":70,"supporter":"none"}],"income":[{"member":0,"kind":"pension","amount":"300","per":"month"}],"assets":{"homes":1}}"#;
const OTHER: &str = r#"{"id":"A-3","place":{"pack":"guangxi","area":"nanning"},"members":[{"age":40,"work":"employed"},{"relation":"child","age":10}],"income":[{"member":0,"kind":"wages","amount":"2400","per":"month"}]}"#;

#[test]
fn a_bad_line_in_the_middle_gets_its_own_record_with_its_line_number_and_the_rest_are_assessed() {
    let input = format!("{GOOD}\n{{\"id\":\"A-2\",\"members\":[{{\"age\":-1}}]}}\nnot json at all\n\n{OTHER}\n");
    for threads in [1, 2, 3] {
        let (lines, summary) = batch(&input, threads);
        assert_eq!(lines.len(), 5, "four records and the summary");
        assert_eq!(lines[0]["id"], "A-1");
        assert_eq!(lines[0]["best"], "destitute");
        assert_eq!(lines[1]["line"], 2);
        assert_eq!(lines[1]["id"], "A-2");
        assert_eq!(lines[1]["errors"][0]["path"], "members[0].age");
        assert_eq!(lines[2]["line"], 3);
        assert!(lines[2]["errors"][0]["message"].as_str().expect("message").contains("JSON"));
        // The blank line 4 is skipped; line 5 is still assessed, in order.
        assert_eq!(lines[3]["line"], 5);
        assert_eq!(lines[3]["id"], "A-3");
        assert!(lines[3]["results"].as_array().is_some_and(|r| !r.is_empty()));
        assert_eq!((summary.households, summary.refused), (2, 2));
        assert!(lines[4]["summary"].is_object());
    }
}

#[test]
fn the_summary_s_counts_equal_the_records_statuses() {
    let input: String = (0..50).map(|i| if i % 2 == 0 { format!("{GOOD}\n") } else { format!("{OTHER}\n") }).collect();
    let (lines, summary) = batch(&input, 2);
    let records = &lines[..lines.len() - 1];
    let mut counted = std::collections::BTreeMap::<(String, String), usize>::new();
    for record in records {
        // A category counts once per household, at its best status.
        let mut best = std::collections::BTreeMap::<String, String>::new();
        let order = ["likely", "needs_local_check", "unlikely", "not_applicable"];
        for r in record["results"].as_array().expect("results") {
            let (category, status) =
                (r["category"].as_str().expect("c").to_string(), r["status"].as_str().expect("s").to_string());
            let rank = |s: &str| order.iter().position(|o| *o == s).expect("known status");
            let entry = best.entry(category).or_insert(status.clone());
            if rank(&status) < rank(entry) {
                *entry = status;
            }
        }
        for (category, status) in best {
            *counted.entry((category, status)).or_default() += 1;
        }
    }
    let mut summarised = std::collections::BTreeMap::new();
    for (category, statuses) in &summary.by_category {
        for (status, n) in statuses {
            summarised.insert((category.clone(), status.clone()), *n);
        }
    }
    assert_eq!(summarised, counted);
    assert_eq!(summary.households, 50);
    let written: Value = lines.last().expect("summary")["summary"].clone();
    assert_eq!(written["households"], 50);
    assert_eq!(written["by_area"]["太原市（城市）"]["households"], 25);
    assert_eq!(written["by_area"]["太原市（城市）"]["destitute"], 25);
}

#[test]
fn a_line_over_the_limit_is_skipped_without_being_kept_and_reported_and_the_next_is_assessed() {
    let huge = format!("{{\"id\":\"x\",\"pad\":\"{}\"}}", "a".repeat(300 * 1024));
    let input = format!("{huge}\n{GOOD}\n");
    let (lines, summary) = batch(&input, 2);
    assert_eq!(lines[0]["line"], 1);
    assert!(lines[0]["errors"][0]["message"].as_str().expect("message").contains("超过上限"));
    assert_eq!(lines[1]["line"], 2);
    assert_eq!(lines[1]["best"], "destitute");
    assert_eq!((summary.households, summary.refused), (1, 1));
}

#[test]
fn an_id_that_is_not_short_text_or_a_number_is_refused() {
    let long = GOOD.replace("\"A-1\"", &format!("\"{}\"", "x".repeat(200)));
    let (lines, _) = batch(&format!("{long}\n{}\n", GOOD.replace("\"A-1\"", "{\"a\":1}")), 1);
    assert!(lines[0]["errors"][0]["message"].as_str().expect("m").contains("id"));
    assert!(lines[1]["errors"][0]["message"].as_str().expect("m").contains("id"));
}

#[test]
fn each_warning_situation_the_household_s_data_shows_is_flagged_with_its_own_province_s_article_and_none_without_one() {
    let household = |pack: &str, area: &str| {
        format!(
            r#"{{"id":"F","place":{{"pack":"{pack}","area":"{area}"}},"members":[{{"age":50,"disability":{{"kind":"physical","grade":2}}}},{{"relation":"spouse","age":48,"illness":{{"serious":true,"in_treatment":true}}}},{{"relation":"child","age":16,"student":{{"level":"senior_secondary"}}}}],"income":[{{"member":0,"kind":"wages","amount":"1000","per":"month"}}],"spending":{{"medical":{{"amount":"20000","per":"year"}}}},"situation":{{"unemployment":{{"months_without_income":4}},"disaster_after_relief":true}}}}"#
        )
    };
    let input = [
        household("shanxi", "taiyuan/urban"),
        household("guangxi", "nanning"),
        household("shandong", "jinan"),
        household("national", ""),
        OTHER.to_string(),
    ]
    .join("\n");
    let (lines, _) = batch(&input, 2);
    let flags = |i: usize| -> Vec<(String, String, String)> {
        lines[i]["flags"]
            .as_array()
            .expect("flags")
            .iter()
            .map(|f| {
                (
                    f["flag"].as_str().expect("f").into(),
                    f["detail"].as_str().expect("d").into(),
                    f["cites"][0].as_str().expect("c").into(),
                )
            })
            .collect()
    };
    let names = |i: usize| flags(i).into_iter().map(|(n, _, _)| n).collect::<Vec<_>>();
    // 山西 names 重病、残疾、就学、失业 (晋民发〔2023〕31号 三(四)), not disaster losses.
    assert_eq!(names(0), ["serious_illness", "disability", "student", "unemployed_without_income"]);
    assert_eq!(
        flags(0)[0],
        ("serious_illness".into(), "第2位成员患重病，仍在治疗".into(), "晋民发〔2023〕31号 三(四)".into())
    );
    assert_eq!(flags(0)[1].1, "第1位成员肢体残疾二级");
    // 广西 names all five (桂民发〔2024〕34号 一(二)).
    assert_eq!(
        names(1),
        ["serious_illness", "disability", "student", "unemployed_without_income", "property_loss_by_disaster"]
    );
    assert!(flags(1).iter().all(|(_, _, cite)| cite == "桂民发〔2024〕34号 一(二)"), "{:?}", flags(1));
    // 山东 names unemployment and disaster losses (二.3); its 支出骤增 leaves the amount to local rules: no flag.
    assert_eq!(names(2), ["unemployed_without_income", "property_loss_by_disaster"]);
    assert!(flags(2)[0].2.ends_with("二.3"), "{:?}", flags(2));
    // The national pack's seeds name none of them: no flag rather than another province's article.
    assert_eq!(names(3), Vec::<String>::new());
    assert_eq!(lines[4]["flags"], serde_json::json!([]), "a household with none of them has no flag");
}

/// A one-member household of `pack` with `monthly` wages, and the 低保标准 typed in when given (as a
/// current figure) or none at all (no area).
fn on_support(pack: &str, monthly: &str, standard: Option<&str>, situation: &str) -> String {
    let place = match standard {
        Some(s) => format!(r#"{{"pack":"{pack}","local_standard":{{"amount":"{s}","per":"month"}}}}"#),
        None => format!(r#"{{"pack":"{pack}"}}"#),
    };
    format!(
        r#"{{"id":"S","place":{place},"members":[{{"age":40,"work":"employed"}}],"income":[{{"member":0,"kind":"wages","amount":"{monthly}","per":"month"}}],"situation":{situation}}}"#
    )
}

fn flag_of<'v>(record: &'v Value, name: &str) -> Option<&'v Value> {
    record["flags"].as_array().expect("flags").iter().find(|f| f["flag"] == name)
}

#[test]
fn a_dibao_household_whose_income_is_no_longer_below_the_standard_is_flagged_for_review_and_one_below_it_is_not() {
    // 低保: per-capita income strictly below the standard (民发〔2021〕57号); 渐退 and 停止低保 when it is
    // not (晋民发〔2023〕31号 一(五), 五(五)). At 800 of 800 it is no longer below; at 799.99 it is.
    let dibao = r#"{"receives_dibao":true}"#;
    let input = [
        on_support("shanxi", "800", Some("800"), dibao),
        on_support("shanxi", "799.99", Some("800"), dibao),
        on_support("shanxi", "800", Some("800"), "{}"),
    ]
    .join("\n");
    let (lines, _) = batch(&input, 2);
    let flag = flag_of(&lines[0], "dibao_household_not_below_standard").expect("flagged at the standard");
    assert_eq!(flag["cites"], serde_json::json!(["晋民发〔2023〕31号 一(五)", "晋民发〔2023〕31号 五(五)"]));
    assert!(flag["detail"].as_str().expect("detail").contains("800元"), "{flag}");
    assert!(flag.get("if_standard_at_most").is_none(), "a current standard decides it: {flag}");
    assert!(flag_of(&lines[1], "dibao_household_not_below_standard").is_none(), "a fen below: still below");
    assert!(flag_of(&lines[2], "dibao_household_not_below_standard").is_none(), "not on 低保: no flag");
}

#[test]
fn a_marginal_household_whose_income_has_fallen_below_the_standard_is_flagged_and_one_at_it_is_not() {
    // 边缘家庭 are monitored (晋民发〔2023〕31号 一(四)) and brought into 低保 when they qualify (三(四));
    // 低保 needs income strictly below the standard.
    let marginal = r#"{"recognised_marginal":true}"#;
    let input = [
        on_support("shanxi", "799.99", Some("800"), marginal),
        on_support("shanxi", "800", Some("800"), marginal),
        on_support("guangxi", "799.99", Some("800"), marginal),
        on_support("shandong", "799.99", Some("800"), marginal),
        on_support("national", "799.99", Some("800"), marginal),
    ]
    .join("\n");
    let (lines, _) = batch(&input, 1);
    let flag = flag_of(&lines[0], "marginal_household_below_standard").expect("a fen below");
    assert_eq!(flag["cites"], serde_json::json!(["晋民发〔2023〕31号 一(四)", "晋民发〔2023〕31号 三(四)"]));
    assert!(flag_of(&lines[1], "marginal_household_below_standard").is_none(), "at the standard: not below");
    let cites = |i: usize| flag_of(&lines[i], "marginal_household_below_standard").expect("flag")["cites"].clone();
    assert_eq!(cites(2), serde_json::json!(["桂民发〔2024〕34号 一(三)", "桂民发〔2024〕34号 二(五)"]));
    assert!(cites(3)[0].as_str().expect("cite").ends_with("二.5"), "{}", cites(3));
    assert!(flag_of(&lines[4], "marginal_household_below_standard").is_none(), "the national pack names none");
}

#[test]
fn without_a_standard_each_income_flag_says_at_which_standards_it_holds() {
    // 620 a month: below any standard above 620, and not below any standard of 620 or less.
    let input = [
        on_support("shanxi", "620", None, r#"{"receives_dibao":true}"#),
        on_support("shanxi", "620", None, r#"{"recognised_marginal":true}"#),
    ]
    .join("\n");
    let (lines, _) = batch(&input, 1);
    let above = flag_of(&lines[0], "dibao_household_not_below_standard").expect("dibao flag");
    assert_eq!(above["if_standard_at_most"], serde_json::json!("620"), "{above}");
    assert!(above["detail"].as_str().expect("d").contains("不超过620元"), "{above}");
    let below = flag_of(&lines[1], "marginal_household_below_standard").expect("marginal flag");
    assert_eq!(below["if_standard_above"], serde_json::json!("620"), "{below}");
    assert!(below["detail"].as_str().expect("d").contains("高于620元"), "{below}");
}

#[test]
fn with_an_old_figure_in_the_data_each_income_flag_says_at_which_standards_it_holds_and_dates_the_old_figure() {
    // 太原市（城市） has 760 from 2023-01-01 in the built-in pack: a year old or more on 2026-12-04, so
    // it may have risen; the flag must not be decided by it alone.
    let household = |monthly: &str, situation: &str| {
        format!(
            r#"{{"id":"O","place":{{"pack":"shanxi","area":"taiyuan/urban"}},"members":[{{"age":40,"work":"employed"}}],"income":[{{"member":0,"kind":"wages","amount":"{monthly}","per":"month"}}],"situation":{situation}}}"#
        )
    };
    let input = [
        household("780", r#"{"receives_dibao":true}"#),
        household("700", r#"{"receives_dibao":true}"#),
        household("780", r#"{"recognised_marginal":true}"#),
    ]
    .join("\n");
    let (lines, _) = batch(&input, 1);
    assert_eq!(lines[0]["standard"], "760", "the old figure is still reported as the one in the data");
    let above = flag_of(&lines[0], "dibao_household_not_below_standard").expect("flag at 780");
    assert_eq!(above["if_standard_at_most"], "780", "{above}");
    let detail = above["detail"].as_str().expect("detail");
    assert!(detail.contains("760元") && detail.contains("2023年1月"), "{detail}");
    // 700 is below the old 760, yet not below any standard of 700 or less: flagged with its bound.
    let below_old = flag_of(&lines[1], "dibao_household_not_below_standard").expect("flag at 700");
    assert_eq!(below_old["if_standard_at_most"], "700", "{below_old}");
    let marginal = flag_of(&lines[2], "marginal_household_below_standard").expect("marginal flag at 780");
    assert_eq!(marginal["if_standard_above"], "780", "{marginal}");
}

//! The 12345 operator's call record: categories, key figures and next steps, in plain text to paste
//! into the ticket. It is written from the assessment alone, which holds no name, ID number or
//! phone number — the page never asks for them — so the record cannot contain any.

use std::fmt::Write;

use crate::engine::assessment::Assessment;
use crate::engine::money::Yuan;
use crate::engine::outcome::{Outcome, Status};

pub fn call_record(a: &Assessment) -> String {
    let mut out = String::with_capacity(1024);
    // Writing into a String cannot fail; the results are ignored on purpose.
    let _ = writeln!(out, "【社会救助咨询记录】评估日期 {}（不含姓名、身份证号、电话）", a.as_of);
    let standard = a.standard.as_ref().map(|s| s.describe()).unwrap_or_else(|| "未知（需当地核实）".to_string());
    let h = &a.household;
    let _ = writeln!(out, "地区：{} {}；低保标准：{}", a.pack.name, h.area, standard);
    let _ = writeln!(
        out,
        "家庭：{}人（{}）；近12个月计入收入{}元，人均每月{}元；刚性支出{}元；金融资产{}元",
        h.members,
        h.composition,
        Yuan(h.net_income),
        Yuan(h.per_capita_monthly_income),
        Yuan(h.rigid_spending),
        Yuan(h.financial_assets)
    );
    // Every fact a category rests on, never a name or a number that identifies a person.
    for member in h.members_in_words.lines() {
        let _ = writeln!(out, "- {member}");
    }
    let circumstances = h.circumstances.lines();
    if !circumstances.is_empty() {
        let _ = writeln!(out, "情况：{}", circumstances.join("；"));
    }
    let headline = a.headline();
    let _ = writeln!(out, "结论：{}", headline.answer);
    if let Some(intro) = headline.by_standard_intro {
        let _ = writeln!(out, "{intro}");
    }
    for line in &headline.by_standard {
        let _ = writeln!(out, "- {line}");
    }
    let open: Vec<_> = a.results.iter().filter(|r| r.status <= Status::NeedsLocalCheck).collect();
    if !open.is_empty() {
        let _ = writeln!(out, "可能符合：");
        for r in open {
            let unknown: Vec<&str> =
                r.checks.iter().filter(|c| c.outcome == Outcome::Unknown).map(|c| c.label.as_ref()).collect();
            // A status that names its one deciding local rule needs no list of what to check.
            if unknown.is_empty() || r.decided_by.is_some() {
                let _ = writeln!(out, "- {}（{}）", r.name, r.status_label());
            } else {
                let _ = writeln!(out, "- {}（{}；需核实：{}）", r.name, r.status_label(), unknown.join("、"));
            }
        }
    }
    let unlikely: Vec<_> = a.results.iter().filter(|r| r.status == Status::Unlikely).collect();
    if !unlikely.is_empty() {
        let _ = writeln!(out, "不太可能：");
        for r in unlikely {
            let failed: Vec<String> = r
                .checks
                .iter()
                .filter(|c| c.outcome == Outcome::Fail)
                .map(|c| c.explanation.failure_finding())
                .collect();
            let _ = writeln!(out, "- {}：{}", r.name, failed.join("；"));
        }
    }
    let how = &a.how_to_apply;
    // With an old figure a current one may open a category: the office steps are given then too.
    let opens_at_some_standard =
        a.by_standard.as_ref().is_some_and(|l| l.lines.iter().any(|line| !line.leads.is_empty()));
    if a.best.is_some() || opens_at_some_standard {
        if let Some(first) = how.where_to_apply.first() {
            let _ = writeln!(out, "告知来电人：{}", first.text);
        }
        if !how.documents.is_empty() {
            let names: Vec<&str> = how.documents.iter().map(|d| d.name).collect();
            let _ = writeln!(out, "带齐材料：{}", names.join("、"));
        }
        if let Some(limit) = how.time_limits.first() {
            let _ = writeln!(out, "办理时限：{}", limit.text);
        }
    }
    let _ = write!(out, "（自我评估结果，不是审核决定，以乡镇（街道）审核为准）");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::policy::builtin;
    use crate::engine::{assess, Day};
    use crate::format::parse_household;

    fn record(json: &str, pack: &str) -> String {
        let household = parse_household(json).expect("household");
        let pack = builtin::load(pack).expect("id").expect("pack");
        let a = assess(&household, &pack, Day::parse("2026-11-22").expect("day")).expect("assessment");
        call_record(&a)
    }

    #[test]
    fn the_record_has_the_categories_key_figures_office_documents_and_time_limit() {
        let text = record(
            r#"{"place":{"area":"taiyuan/urban"},"members":[{"age":40},{"relation":"child","age":9}],
                "income":[{"member":0,"kind":"wages","amount":"1400","per":"month"}]}"#,
            "shanxi",
        );
        assert!(
            text.contains("地区：山西省 太原市（城市）；低保标准：760元/人/月（太原市，城市标准，2023-01-01起执行"),
            "{text}"
        );
        // Who is in the household, by relation and age: never a name, an ID or a phone number.
        assert!(text.contains("家庭：2人（申请人40岁、子女9岁）；近12个月计入收入16800元，人均每月700元"), "{text}");
        // 太原's figure is from 2023: the answer is dated, and the ladder says what a current one gives.
        assert!(text.contains("结论：最低生活保障（低保）（按2023年标准：很可能符合）"), "{text}");
        assert!(text.contains("按现行标准：\n- 当地低保标准高于700元，很可能符合：低保\n"), "{text}");
        assert!(text.contains("告知来电人：以家庭为单位"));
        assert!(text.contains("带齐材料：申请人及家庭成员的居民身份证、户口簿"));
        assert!(text.contains("办理时限：自受理之日起30个工作日内"));
        assert!(text.contains("\n- 低保边缘家庭：您家看来符合低保条件，应按低保审核（优先类别）"), "{text}");
    }

    #[test]
    fn a_result_waiting_on_the_local_property_rule_alone_is_recorded_as_such() {
        let text = record(
            r#"{"place":{"area":"taiyuan/urban"},"members":[{"age":40,"work":"employed"},{"relation":"child","age":9}],
                "income":[{"member":0,"kind":"wages","amount":"1400","per":"month"}],"assets":{"homes":1}}"#,
            "shanxi",
        );
        assert!(text.contains("结论：最低生活保障（低保）（按2023年标准：可能符合——取决于当地财产规定"), "{text}");
        assert!(text.contains("- 低保边缘家庭（按2023年标准：可能符合——取决于当地财产规定"), "{text}");
        assert!(!text.contains("需核实：家庭财产状况符合当地规定"), "{text}");
    }

    #[test]
    fn the_record_carries_every_fact_a_category_rests_on_disability_illness_school_and_months_without_income() {
        let text = record(
            r#"{"place":{"area":"taiyuan/urban"},
                "members":[{"age":45,"work":"unemployed","disability":{"kind":"physical","grade":3,"needs_ongoing_care":true}},
                           {"relation":"spouse","age":43,"illness":{"serious":true,"in_treatment":true}},
                           {"relation":"child","age":15,"student":{"level":"junior_secondary","fees":{"amount":"1200","per":"year"}}}],
                "income":[],"assets":{"homes":1},
                "situation":{"unemployment":{"months_without_income":4}}}"#,
            "shanxi",
        );
        assert!(text.contains("\n- 申请人45岁：无业；肢体残疾三级，需康复或照料护理\n"), "{text}");
        assert!(text.contains("\n- 配偶43岁：患重病，仍在治疗\n"), "{text}");
        assert!(text.contains("\n- 子女15岁：初中在读（全日制），自付学费等每年1200元\n"), "{text}");
        assert!(text.contains("情况：失业，已连续4个月无收入，未参加失业保险；车辆0辆，住房1套\n"), "{text}");
        // A member with nothing to say beyond relation and age is listed as such.
        let plain = record(r#"{"members":[{"age":35}],"income":[]}"#, "national");
        assert!(plain.contains("\n- 申请人35岁\n"), "{plain}");
    }

    #[test]
    fn with_nothing_likely_the_record_says_so_and_gives_no_office_steps() {
        let text = record(
            r#"{"place":{"local_standard":{"amount":"900","per":"month"}},"members":[{"age":35,"work":"employed"}],
                "income":[{"member":0,"kind":"wages","amount":"9000","per":"month"}],"assets":{"vehicles":1}}"#,
            "national",
        );
        assert!(text.contains("结论：暂未发现可能符合的类别"));
        assert!(!text.contains("带齐材料"));
    }

    #[test]
    fn without_a_standard_the_record_says_it_is_unknown_instead_of_that_nothing_was_found() {
        let text = record(
            r#"{"members":[{"age":35}],"income":[{"member":0,"kind":"wages","amount":"500","per":"month"}]}"#,
            "national",
        );
        assert!(text.contains("结论：还不知道当地现行的低保标准，可能符合的类别随标准而定"), "{text}");
        assert!(text.contains("\n- 当地低保标准高于500元，"), "{text}");
        assert!(!text.contains("暂未发现"), "{text}");
    }
}

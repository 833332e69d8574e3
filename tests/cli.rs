//! The `assess` binary: JSON and text output, policy checking, and clear refusals with non-zero
//! exit codes — never a panic.

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn assess(args: &[&str], stdin: Option<&str>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_assess"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn assess");
    if let Some(input) = stdin {
        child.stdin.take().expect("stdin").write_all(input.as_bytes()).expect("write stdin");
    } else {
        drop(child.stdin.take());
    }
    child.wait_with_output().expect("wait")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn the_json_output_for_the_example_household_is_the_committed_example_assessment() {
    let out = assess(&["examples/household-shanxi-illness.json"], None);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let committed =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/examples/assessment-shanxi-illness.json"))
            .expect("example");
    let produced = text(&out.stdout);
    // Report the first line that differs, not two whole files.
    let first_difference = produced
        .lines()
        .zip(committed.lines())
        .enumerate()
        .find(|(_, (a, b))| a != b)
        .map(|(i, (a, b))| format!("line {}:\n  produced:  {a}\n  committed: {b}", i + 1))
        .unwrap_or_else(|| {
            format!("lengths differ: {} vs {} lines", produced.lines().count(), committed.lines().count())
        });
    assert!(
        produced == committed,
        "the assessment format or content changed ({first_difference}); regenerate with \
         `cargo run --bin assess -- examples/household-shanxi-illness.json > examples/assessment-shanxi-illness.json` and review the diff"
    );
}

#[test]
fn the_text_report_shows_the_standard_the_best_category_and_citations() {
    let out = assess(&["examples/household-shanxi-illness.json", "--text"], None);
    assert!(out.status.success());
    let report = text(&out.stdout);
    assert!(report.contains("760元/人/月") && report.contains("2023-01-01"), "{report}");
    assert!(report.contains("最可能的类别：支出型贫困家庭"), "{report}");
    assert!(report.contains("晋民发〔2022〕60号 二(一)1"));
    assert!(report.contains("需要准备的材料"));
}

#[test]
fn a_partner_pack_is_used_when_given() {
    let household = r#"{"as_of":"2026-11-22","place":{"area":"xiaodian"},"members":[{"age":40}],
        "income":[{"member":0,"kind":"wages","amount":"500","per":"month"}],"assets":{"financial":"4000"}}"#;
    let out = assess(&["-", "--policy", "examples/pack-partner-example.json"], Some(household));
    assert!(out.status.success(), "{}", text(&out.stderr));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(json["pack"]["id"], "partner/taiyuan-xiaodian");
    assert_eq!(json["best"]["category"], "dibao");
    assert_eq!(json["best"]["status"], "likely");
}

#[test]
fn check_policy_accepts_a_valid_pack_and_refuses_a_broken_one_naming_the_field() {
    let out = assess(&["--check-policy", "www/policy/shanxi.json"], None);
    assert!(out.status.success());
    assert!(text(&out.stdout).contains("政策包有效"));
    let broken = std::env::temp_dir().join("lic-broken-pack.json");
    let mut pack: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/www/policy/guangxi.json")).expect("read"),
    )
    .expect("json");
    pack["rules"]["marginal"]["multiplier"][0]["unit"] = "months".into();
    std::fs::write(&broken, pack.to_string()).expect("write");
    let out = assess(&["--check-policy", broken.to_str().expect("path")], None);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("rules.marginal.multiplier[0].unit"), "{}", text(&out.stderr));
}

#[test]
fn without_a_standard_the_text_report_says_the_standard_is_unknown_not_that_nothing_was_found() {
    let out = assess(
        &["-", "--text"],
        Some(r#"{"members":[{"age":35}],"income":[{"member":0,"kind":"wages","amount":"500","per":"month"}]}"#),
    );
    assert!(out.status.success());
    let report = text(&out.stdout);
    assert!(report.contains("还不知道当地现行的低保标准，可能符合的类别随标准而定。\n按不同的标准，您家可能符合：\n- 当地低保标准高于500元，"), "{report}");
    assert!(!report.contains("暂未发现"), "{report}");
}

#[test]
fn coverage_lists_every_city_of_the_three_provinces_with_the_stale_and_the_missing() {
    let out = assess(&["--coverage", "--date", "2026-12-01"], None);
    assert!(out.status.success());
    let report = text(&out.stdout);
    assert!(report.contains("山西省：11 个市"), "{report}");
    assert!(report.contains("山东省：16 个市"), "{report}");
    assert!(report.contains("广西壮族自治区：14 个市"), "{report}");
    assert!(report.contains("桂林市（2020-06-01起）"), "{report}");
    assert!(report.contains("没有标准：阳泉市"), "{report}");
}

#[test]
fn a_bad_household_is_refused_with_the_path_and_exit_code_1() {
    for (input, path) in [
        (r#"{"members":[{"age":200}]}"#, "members[0].age"),
        (r#"{"members":[{"age":40}],"income":[{"kind":"wages","amount":"-5","per":"month"}]}"#, "income[0].amount"),
        (r#"{"members":[{"age":40}],"income":[{"kind":"wages","amount":"abc","per":"month"}]}"#, "income[0].amount"),
        (
            r#"{"members":[{"age":40}],"income":[{"member":5,"kind":"wages","amount":"1","per":"month"}]}"#,
            "income[0].member",
        ),
        (r#"{"members":[{"age":40,"disability":{"kind":"physical","grade":7}}]}"#, "members[0].disability.grade"),
        (r#"{"members":[]}"#, "members"),
        (r#"{"members":[{"age":40}],"colour":"red"}"#, "colour"),
    ] {
        let out = assess(&["-"], Some(input));
        assert_eq!(out.status.code(), Some(1), "{input}");
        let err = text(&out.stderr);
        assert!(err.contains(path), "{input}: {err}");
        assert!(!err.contains("panicked"), "{err}");
    }
}

#[test]
fn unreadable_files_unknown_packs_and_bad_arguments_exit_non_zero_with_a_message() {
    let out = assess(&["no-such-file.json"], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("无法读取"));
    let out = assess(&["-"], Some(r#"{"place":{"pack":"atlantis"},"members":[{"age":40}]}"#));
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("atlantis"));
    let out = assess(&["--frobnicate"], None);
    assert_eq!(out.status.code(), Some(2));
    let out = assess(&["-", "--date", "2026-13-01"], Some(r#"{"members":[{"age":40}]}"#));
    assert_eq!(out.status.code(), Some(2));
    let out = assess(&[], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("用法"));
}

#[test]
fn the_date_flag_picks_the_values_in_force_that_day() {
    let household = r#"{"place":{"pack":"shanxi","area":"datong/pingcheng"},"members":[{"age":40}]}"#;
    let out = assess(&["-", "--date", "2024-12-31"], Some(household));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert!(json["standard"].is_null(), "大同 2025 standard must not apply in 2024");
    let out = assess(&["-", "--date", "2025-01-01"], Some(household));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(json["standard"]["monthly"], "730");
}

#[test]
fn two_amounts_joined_after_a_decimal_point_are_refused_not_read_as_one_2_5_3_wan_was_25300() {
    // ../shared/repro/hardening/two-amounts-after-decimal-point.json, kept in the corpus.
    let household = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/corpus/households/two-amounts-after-decimal-point.json"
    ))
    .expect("reproducer");
    let out = assess(&["-"], Some(&household));
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stdout));
    let errors = text(&out.stderr);
    assert!(errors.contains("income[0].amount"), "{errors}");
    assert!(errors.contains("请只填写一个金额"), "{errors}");
    for (typed, expected) in [("3000.5 2", "请只填写一个金额"), ("3.000", "小数点后最多两位")] {
        let household = format!(
            r#"{{"members":[{{"age":40}}],"income":[{{"member":0,"kind":"wages","amount":"{typed}","per":"month"}}]}}"#
        );
        let out = assess(&["-"], Some(&household));
        assert_eq!(out.status.code(), Some(1), "{typed}");
        assert!(text(&out.stderr).contains(expected), "{typed}: {}", text(&out.stderr));
    }
}

#[test]
fn endless_input_is_refused_at_the_size_limit_without_being_read_to_the_end() {
    // `assess /dev/zero` and `yes | assess -` had grown to 1 GB in 2.4 s before the size check.
    let started = std::time::Instant::now();
    let out = assess(&["/dev/zero"], None);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("超过 262144 字节的上限"), "{}", text(&out.stderr));
    let mut child = Command::new(env!("CARGO_BIN_EXE_assess"))
        .args(["-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn assess");
    let mut stdin = child.stdin.take().expect("stdin");
    // Writes until the reader stops reading: the pipe breaks once it has refused the input.
    let writer = std::thread::spawn(move || {
        let line = "y\n".repeat(4096);
        for _ in 0..100_000 {
            if stdin.write_all(line.as_bytes()).is_err() {
                return;
            }
        }
    });
    let out = child.wait_with_output().expect("wait");
    let _ = writer.join();
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("标准输入 超过 262144 字节的上限"), "{}", text(&out.stderr));
    assert!(started.elapsed() < std::time::Duration::from_secs(10), "took {:?}", started.elapsed());
}

#[test]
fn an_unknown_key_is_echoed_cut_short_with_control_characters_written_out() {
    // A 200,000-character key had come back whole in one error line; escape sequences in a key
    // reached the terminal raw (one set the window title).
    let key = "k".repeat(200_000);
    let out = assess(&["-"], Some(&format!(r#"{{"members":[{{"age":40,"{key}":1}}]}}"#)));
    assert_eq!(out.status.code(), Some(1));
    let errors = text(&out.stderr);
    assert!(errors.len() < 2_000, "{} bytes of error text", errors.len());
    let out = assess(&["tests/corpus/households/ansi-key-household.json"], None);
    assert_eq!(out.status.code(), Some(1));
    let errors = text(&out.stderr);
    assert!(!errors.contains('\u{1b}') && !errors.contains('\u{7}') && !errors.contains('\u{202e}'), "{errors:?}");
    assert!(errors.contains("\\u{1b}"), "{errors}");
    let out = assess(&["tests/corpus/households/ansi-in-area-text-report.json", "--text"], None);
    assert_eq!(out.status.code(), Some(0));
    let report = text(&out.stdout);
    assert!(!report.contains('\u{1b}') && !report.contains('\u{202e}'), "{report:?}");
}

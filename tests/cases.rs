//! Whole households from `tests/cases/households.json`, each with the status it should get per
//! category and its best category, run by one harness; and every example file under `examples/`.

use std::collections::BTreeMap;

use low_income_check::engine::outcome::{Category, Status};
use low_income_check::engine::policy::builtin;
use low_income_check::engine::{assess, Day, Household};
use low_income_check::format::parse_household;
use serde::Deserialize;

#[derive(Deserialize)]
struct Case {
    name: String,
    household: serde_json::Value,
    expect: BTreeMap<String, String>,
    best: Option<String>,
}

fn key<T: serde::Serialize>(value: T) -> String {
    serde_json::to_value(value).ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default()
}

fn run(household: &Household) -> low_income_check::engine::Assessment {
    let pack_id = household.place.pack.as_deref().unwrap_or("national");
    let pack = builtin::load(pack_id).expect("known pack").expect("valid pack");
    assess(household, &pack, Day::parse("2026-11-22").expect("day")).expect("assessment")
}

#[test]
fn every_whole_household_case_gets_its_expected_statuses() {
    let cases: Vec<Case> = serde_json::from_str(include_str!("cases/households.json")).expect("cases file");
    assert!(cases.len() >= 10);
    let mut failures = Vec::new();
    for case in &cases {
        let household = parse_household(&case.household.to_string()).unwrap_or_else(|e| panic!("{}: {e:?}", case.name));
        let a = run(&household);
        for (category, expected) in &case.expect {
            let best = Category::ALL
                .iter()
                .filter(|c| key(**c) == *category)
                .flat_map(|c| a.results.iter().filter(move |r| r.category == *c))
                .map(|r| r.status)
                .min();
            let got = best.map(key);
            if got.as_deref() != Some(expected.as_str()) {
                failures.push(format!("{}: {} expected {} got {:?}", case.name, category, expected, got));
            }
        }
        let best = a.best.as_ref().map(|b| key(b.category));
        if best != case.best {
            failures.push(format!("{}: best expected {:?} got {:?}", case.name, case.best, best));
        }
        // Every result that is not "not applicable" explains itself with cited checks.
        for r in a.results.iter().filter(|r| r.status != Status::NotApplicable) {
            assert!(!r.checks.is_empty(), "{}: {} has no checks", case.name, r.name);
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_example_file_parses_and_assesses() {
    let mut count = 0;
    for entry in std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/examples")).expect("examples dir") {
        let path = entry.expect("entry").path();
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or_default().to_string();
        let text = std::fs::read_to_string(&path).expect("read");
        if name.starts_with("household") {
            let household = parse_household(&text).unwrap_or_else(|e| panic!("{name}: {e:?}"));
            let _ = run(&household);
            count += 1;
        } else if name.starts_with("pack") {
            low_income_check::engine::PolicyPack::from_json(&text).unwrap_or_else(|e| panic!("{name}: {e:?}"));
            count += 1;
        }
    }
    assert!(count >= 3, "only {count} example files");
}

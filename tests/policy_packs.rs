//! Policy packs: the built-in ones are valid and carry a unit, a date and a source for every number;
//! a partner's pack is refused with a message naming the field at fault.

use low_income_check::engine::check_key::CheckKey;
use low_income_check::engine::policy::{builtin, PolicyPack};
use low_income_check::engine::Day;

fn load(id: &str) -> PolicyPack {
    builtin::load(id).expect("known id").unwrap_or_else(|e| panic!("{id} invalid: {e:?}"))
}

fn shanxi_json() -> serde_json::Value {
    serde_json::from_str(builtin::source("shanxi").expect("shanxi")).expect("json")
}

fn refused(value: serde_json::Value) -> Vec<String> {
    match PolicyPack::from_json(&value.to_string()) {
        Ok(_) => panic!("pack accepted"),
        Err(errors) => errors.iter().map(|e| e.to_string()).collect(),
    }
}

#[test]
fn every_built_in_pack_is_valid() {
    for id in builtin::IDS {
        let pack = load(id);
        assert_eq!(pack.id, id);
    }
    assert!(builtin::load("atlantis").is_none());
}

/// The page loads the Rust form of the built-in packs (no JSON parser in the page); it must be the
/// JSON's exact content. `cargo xtask packs` rewrites the Rust form after the JSON changes.
#[test]
fn the_compiled_built_in_packs_equal_their_json_and_the_generated_file_is_current() {
    use low_income_check::packgen::{builtin_packs_source, BUILTIN_PACKS_PATH};
    let path = format!("{}/{BUILTIN_PACKS_PATH}", env!("CARGO_MANIFEST_DIR"));
    let generated = builtin_packs_source().expect("generated");
    if std::env::var_os("WRITE_BUILTIN_PACKS").is_some() {
        std::fs::write(&path, &generated).expect("write the generated packs");
        return;
    }
    let current = std::fs::read_to_string(&path).expect("read the generated packs");
    assert!(current == generated, "{BUILTIN_PACKS_PATH} is stale; run `cargo xtask packs`");
    for id in builtin::IDS {
        let from_json = builtin::load_json(id).expect("known id").unwrap_or_else(|e| panic!("{id} invalid: {e:?}"));
        assert_eq!(load(id), from_json, "{id}: the compiled pack differs from its JSON");
    }
}

#[test]
fn every_local_standard_has_a_source_and_an_effective_date_and_a_positive_amount() {
    for id in builtin::IDS {
        for area in load(id).areas {
            for param in [&area.dibao_standard.urban, &area.dibao_standard.rural].into_iter().flatten() {
                for dated in &param.0 {
                    assert!(!dated.source.document.is_empty(), "{} {}", id, area.id);
                    assert!(!dated.value.is_zero());
                }
            }
        }
    }
}

#[test]
fn the_published_standards_of_policy_md_are_in_the_packs() {
    let day = Day::parse("2026-11-22").expect("day");
    let cases = [
        ("shanxi", "taiyuan/urban", true, "760"),
        ("shanxi", "taiyuan/counties-rural", false, "640"),
        ("shanxi", "datong/yungang", false, "7500"),
        ("shanxi", "changzhi/luzhou", false, "9120"),
        ("shandong", "jinan", true, "1114"),
        ("shandong", "qingdao/three-cities-rural", false, "860"),
        ("guangxi", "liuzhou", true, "770"),
        ("guangxi", "yulin", false, "6000"),
    ];
    for (pack, area, urban, amount) in cases {
        let pack = load(pack);
        let area = pack.area(area).expect("area");
        let param = if urban { &area.dibao_standard.urban } else { &area.dibao_standard.rural };
        let value = param.as_ref().and_then(|p| p.in_force(day)).map(|d| d.value.to_string());
        assert_eq!(value.as_deref(), Some(amount), "{}", area.id);
    }
}

#[test]
fn the_value_in_force_is_the_latest_not_after_the_day() {
    let pack = load("shanxi");
    let multiplier = &pack.rules.marginal.multiplier;
    let at = |d: &str| multiplier.in_force(Day::parse(d).expect("day")).map(|v| v.source.document.clone());
    assert_eq!(at("2023-06-21"), None);
    assert_eq!(at("2023-06-22").as_deref(), Some("晋民发〔2023〕31号"));
    assert_eq!(at("2024-01-31").as_deref(), Some("晋民发〔2023〕31号"));
    assert_eq!(at("2024-02-01").as_deref(), Some("晋民发〔2024〕6号"));
}

#[test]
fn a_wrong_unit_is_refused_naming_the_field() {
    let mut pack = shanxi_json();
    pack["rules"]["marginal"]["multiplier"][0]["unit"] = "yuan_per_month".into();
    let errors = refused(pack);
    assert!(
        errors.iter().any(|e| e.starts_with("rules.marginal.multiplier[0].unit") && e.contains("times_standard")),
        "{errors:?}"
    );
}

#[test]
fn two_values_on_the_same_effective_date_are_refused() {
    let mut pack = shanxi_json();
    pack["rules"]["marginal"]["multiplier"][1]["effective"] = "2023-06-22".into();
    let errors = refused(pack);
    assert!(errors.iter().any(|e| e.starts_with("rules.marginal.multiplier[1].effective")), "{errors:?}");
}

#[test]
fn markup_in_a_name_or_source_is_refused() {
    let mut pack = shanxi_json();
    pack["name"] = "<script>alert(1)</script>".into();
    pack["areas"][0]["dibao_standard"]["urban"][0]["source"]["document"] = "<img src=x onerror=alert(1)>".into();
    let errors = refused(pack);
    assert!(errors.iter().any(|e| e.starts_with("name")), "{errors:?}");
    assert!(errors.iter().any(|e| e.starts_with("areas[0].dibao_standard.urban[0].source.document")), "{errors:?}");
}

#[test]
fn an_unknown_variant_or_field_is_refused_with_its_path() {
    let mut pack = shanxi_json();
    pack["rules"]["marginal"]["variant"] = "hainan_2030".into();
    let errors = refused(pack);
    assert!(errors.iter().any(|e| e.starts_with("rules.marginal.variant")), "{errors:?}");
    let mut pack = shanxi_json();
    pack["rules"]["marginal"]["multipler"] = serde_json::json!([]);
    let errors = refused(pack);
    assert!(errors.iter().any(|e| e.starts_with("rules.marginal") && e.contains("multipler")), "{errors:?}");
}

#[test]
fn an_impossible_date_a_zero_standard_or_an_absurd_multiplier_is_refused() {
    let mut pack = shanxi_json();
    pack["areas"][0]["dibao_standard"]["urban"][0]["effective"] = "2023-02-30".into();
    assert!(refused(pack).iter().any(|e| e.starts_with("areas[0].dibao_standard.urban[0].effective")));
    let mut pack = shanxi_json();
    pack["areas"][0]["dibao_standard"]["urban"][0]["value"] = "0".into();
    assert!(refused(pack).iter().any(|e| e.starts_with("areas[0].dibao_standard.urban[0].value")));
    let mut pack = shanxi_json();
    pack["rules"]["marginal"]["multiplier"][0]["value"] = "0.5".into();
    assert!(refused(pack).iter().any(|e| e.starts_with("rules.marginal.multiplier[0].value")));
    let mut pack = shanxi_json();
    pack["areas"][0]["dibao_standard"]["urban"][0]["value"] = "-760".into();
    assert!(refused(pack)
        .iter()
        .any(|e| e.starts_with("areas[0].dibao_standard.urban[0].value") && e.contains("负数")));
}

#[test]
fn duplicate_area_ids_a_wrong_format_version_and_a_missing_rule_are_refused() {
    let mut pack = shanxi_json();
    let first = pack["areas"][0].clone();
    pack["areas"].as_array_mut().expect("areas").push(first);
    assert!(refused(pack).iter().any(|e| e.contains("重复")));
    let mut pack = shanxi_json();
    pack["format"] = 2.into();
    assert!(refused(pack).iter().any(|e| e.starts_with("format")));
    let mut pack = shanxi_json();
    pack["rules"].as_object_mut().expect("rules").remove("destitute");
    assert!(refused(pack).iter().any(|e| e.contains("destitute")));
}

#[test]
fn a_guangxi_rigid_rule_without_its_multiplier_is_refused() {
    let mut pack: serde_json::Value = serde_json::from_str(builtin::source("guangxi").expect("gx")).expect("json");
    pack["rules"]["rigid_expenditure"].as_object_mut().expect("rule").remove("income_gap_multiplier");
    assert!(refused(pack).iter().any(|e| e.starts_with("rules.rigid_expenditure.income_gap_multiplier")));
}

/// A number that only one variant of a rule reads is refused under any other variant, at the
/// field, rather than kept and silently ignored: a partner who sets it would believe it applies.
#[test]
fn a_number_only_another_variant_uses_is_refused_at_its_field_and_accepted_under_its_own() {
    let pack =
        |id: &str| -> serde_json::Value { serde_json::from_str(builtin::source(id).expect("built in")).expect("json") };
    let ratio = serde_json::json!([{ "value": "0.5", "unit": "ratio", "effective": "2024-01-01",
        "source": { "document": "某市民政局通知", "article": "一", "reliability": "local" } }]);
    let months = serde_json::json!([{ "value": 3, "unit": "months", "effective": "2023-06-22",
        "source": { "document": "晋民发〔2023〕31号", "article": "二(一)", "reliability": "seed" } }]);
    let citation = serde_json::json!({ "document": "某省文件", "article": "一", "reliability": "local" });
    let cases = [
        ("guangxi", "rigid_expenditure", "spending_ratio", ratio.clone(), "只有 national_2024 规则使用刚性支出占比"),
        (
            "guangxi",
            "rigid_expenditure",
            "deferred_by",
            citation.clone(),
            "只有 national_2024 规则使用 deferred_by（本省文件沿用国家规则时）",
        ),
        (
            "shanxi",
            "marginal",
            "deferred_by",
            citation.clone(),
            "只有 national_2023 规则使用 deferred_by（本省文件沿用国家规则时）",
        ),
        ("shanxi", "rigid_expenditure", "income_gap_multiplier", ratio.clone(), "national_2024 规则不使用此倍数"),
        ("shanxi", "marginal", "local_upper_multiplier", ratio.clone(), "只有 national_2023 规则使用可上浮的上限"),
        ("guangxi", "temporary", "months_without_income", months.clone(), "只有 shanxi_2023 规则使用无收入月数"),
        ("shandong", "temporary", "months_without_income", months.clone(), "只有 shanxi_2023 规则使用无收入月数"),
    ];
    for (id, rule, field, value, message) in cases {
        let mut json = pack(id);
        json["rules"][rule][field] = value;
        assert_eq!(refused(json), [format!("rules.{rule}.{field}：{message}")], "{id} {rule}.{field}");
    }
    // Under their own variants the same numbers are read.
    let mut national = pack("national");
    national["rules"]["rigid_expenditure"]["spending_ratio"] = ratio;
    national["rules"]["rigid_expenditure"]["deferred_by"] = citation.clone();
    national["rules"]["marginal"]["deferred_by"] = citation;
    assert!(PolicyPack::from_json(&national.to_string()).is_ok());
    let mut shanxi = pack("shanxi");
    shanxi["rules"]["temporary"]["months_without_income"] = months;
    assert!(PolicyPack::from_json(&shanxi.to_string()).is_ok());
}

#[test]
fn a_pack_that_is_not_json_or_too_large_is_refused_with_a_message() {
    let errors = PolicyPack::from_json("{ not json").expect_err("refused");
    assert!(errors[0].message.contains("JSON"));
    let huge = format!("{{\"id\": \"{}\"}}", "a".repeat(600 * 1024));
    let errors = PolicyPack::from_json(&huge).expect_err("refused");
    assert!(errors[0].message.contains("过大"));
}

#[test]
fn a_partner_pack_with_a_financial_asset_limit_decides_the_property_test() {
    use low_income_check::engine::household::*;
    use low_income_check::engine::money::Money;
    use low_income_check::engine::outcome::{Category, Outcome};
    let mut value = shanxi_json();
    value["id"] = "partner/demo".into();
    value["rules"]["dibao"]["financial_assets_limit_months"] = serde_json::json!([
        { "value": "6", "unit": "months_of_standard", "effective": "2024-01-01",
          "source": { "document": "某区民政局", "article": "财产认定", "reliability": "supplied" } }
    ]);
    let pack = PolicyPack::from_json(&value.to_string()).expect("valid partner pack");
    let mut household: Household = serde_json::from_value(serde_json::json!({
        "as_of": "2026-11-22",
        "place": { "local_standard": { "amount": "800", "per": "month" } },
        "members": [ { "age": 40 } ],
        "income": [ { "member": 0, "kind": "wages", "amount": "100", "per": "month" } ]
    }))
    .expect("household");
    let day = Day::parse("2026-11-22").expect("day");
    let dibao = |h: &Household| {
        let a = low_income_check::engine::assess(h, &pack, day).expect("assess");
        let r = a.results.into_iter().find(|r| r.category == Category::Dibao).expect("dibao");
        r.checks.into_iter().find(|c| c.key == CheckKey::DibaoProperty).expect("property").outcome
    };
    household.assets.financial = Money::parse("4800").expect("m");
    assert_eq!(dibao(&household), Outcome::Pass);
    household.assets.financial = Money::parse("4800.01").expect("m");
    assert_eq!(dibao(&household), Outcome::Fail);
    household.assets.financial = Money::parse("100").expect("m");
    household.assets.vehicles = 1;
    assert_eq!(dibao(&household), Outcome::Unknown);
}

#[test]
fn every_prefecture_level_city_of_the_three_provinces_is_listed_once_in_order() {
    let expected = [
        ("shanxi", "太原市 大同市 阳泉市 长治市 晋城市 朔州市 晋中市 运城市 忻州市 临汾市 吕梁市"),
        (
            "shandong",
            "济南市 青岛市 淄博市 枣庄市 东营市 烟台市 潍坊市 济宁市 泰安市 威海市 日照市 临沂市 德州市 聊城市 滨州市 菏泽市",
        ),
        ("guangxi", "南宁市 柳州市 桂林市 梧州市 北海市 防城港市 钦州市 贵港市 玉林市 百色市 贺州市 河池市 来宾市 崇左市"),
    ];
    for (id, cities) in expected {
        let pack = load(id);
        let mut listed: Vec<&str> = Vec::new();
        for area in &pack.areas {
            if listed.last() != Some(&area.city.as_str()) {
                listed.push(&area.city);
            }
        }
        assert_eq!(listed.join(" "), cities, "{id}: each city once, its areas together");
    }
}

#[test]
fn every_built_in_local_figure_has_a_source_and_a_date_and_every_city_without_one_says_why() {
    for id in builtin::IDS {
        for area in &load(id).areas {
            let figures: Vec<_> = [&area.dibao_standard.urban, &area.dibao_standard.rural]
                .into_iter()
                .flatten()
                .flat_map(|p| p.0.iter())
                .collect();
            for dated in &figures {
                assert!(!dated.source.document.trim().is_empty(), "{}: a figure without a source", area.id);
                assert!(
                    dated.effective > Day::parse("2000-01-01").expect("day"),
                    "{}: a figure without a date",
                    area.id
                );
            }
            if figures.is_empty() {
                assert!(
                    area.note.as_deref().is_some_and(|n| n.contains("未找到")),
                    "{}: no figure and no reason",
                    area.id
                );
            }
        }
    }
}

#[test]
fn an_area_without_a_figure_or_a_note_is_refused() {
    let mut pack = shanxi_json();
    pack["areas"] = serde_json::json!([{ "id": "yangquan", "city": "阳泉市" }]);
    let errors = refused(pack);
    assert!(errors.iter().any(|e| e.contains("areas[0].note")), "{errors:?}");
}

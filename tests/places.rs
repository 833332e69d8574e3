//! Where a household lives, and which 低保标准 that gives: no choice of district ever loses a figure
//! the city has. A city's citywide figure is what "not in the list" means; a district without a
//! figure of its own for 城市 or 农村 takes the city's; and where the districts differ and none is
//! chosen, the answer is given at the lowest and at the highest of them.

use low_income_check::engine::money::Period;
use low_income_check::engine::outcome::Category;
use low_income_check::engine::{assess, Assessment, Day};
use low_income_check::format::parse_household;

mod common;

/// Two people, ¥1,400 a month of wages between them: ¥700 a head.
fn at(pack: &str, area: &str, kind: &str) -> Assessment {
    let json = format!(
        r#"{{"place":{{"area":"{area}","area_kind":"{kind}"}},"members":[{{"age":40}},{{"relation":"child","age":9}}],
            "income":[{{"member":0,"kind":"wages","amount":"1400","per":"month"}}]}}"#
    );
    let household = parse_household(&json).expect("household");
    assess(&household, &common::pack(pack), Day::parse("2026-12-04").expect("day")).expect("assessed")
}

fn standard(a: &Assessment) -> Option<(String, Period)> {
    a.standard.as_ref().map(|s| (s.amount.amount.to_string(), s.amount.per))
}

#[test]
fn a_jinan_household_that_picks_no_district_gets_the_citywide_figure_for_town_and_country() {
    assert_eq!(standard(&at("shandong", "jinan", "urban")), Some(("1114".into(), Period::Month)));
    assert_eq!(standard(&at("shandong", "jinan", "rural")), Some(("884".into(), Period::Month)));
}

#[test]
fn the_rural_part_of_jinans_five_districts_has_its_own_figure_and_their_towns_the_citys() {
    let five = "jinan/five-districts-rural";
    assert_eq!(standard(&at("shandong", five, "rural")), Some(("1114".into(), Period::Month)));
    assert_eq!(standard(&at("shandong", five, "urban")), Some(("1114".into(), Period::Month)));
}

#[test]
fn a_taiyuan_household_placed_in_the_city_alone_gets_the_urban_figure_the_whole_city_has() {
    let a = at("shanxi", "taiyuan", "urban");
    assert_eq!(standard(&a), Some(("760".into(), Period::Month)));
    assert!(a.by_district.is_empty());
    assert!(!a.warnings.iter().any(|w| w.contains("没有地区编号")), "{:?}", a.warnings);
}

#[test]
fn a_district_with_no_urban_figure_of_its_own_takes_the_citys() {
    assert_eq!(standard(&at("shanxi", "taiyuan/core-rural", "urban")), Some(("760".into(), Period::Month)));
}

#[test]
fn a_rural_taiyuan_household_without_a_district_is_answered_at_the_lowest_and_the_highest_figure() {
    let a = at("shanxi", "taiyuan", "rural");
    assert_eq!(a.standard, None, "no one figure applies");
    let figures: Vec<String> = a.by_district.iter().map(|d| d.standard.amount.amount.to_string()).collect();
    assert_eq!(figures, ["640", "760"]);
    // ¥700 a head: above 640 (no 低保 there, 1.5 × 640 = 960 makes it 边缘), below 760 (低保).
    let lead = |i: usize| a.by_district[i].leads.first().map(|l| l.category);
    assert_eq!(lead(0), Some(Category::Marginal), "{}", a.by_district[0].sentence);
    assert_eq!(lead(1), Some(Category::Dibao), "{}", a.by_district[1].sentence);
    assert!(!a.by_district[0].leads.iter().any(|l| l.category == Category::Dibao));
    assert!(
        a.by_district[0]
            .sentence
            .starts_with("按太原市清徐县、阳曲县、娄烦县、古交市的农村的标准640元/人/月（2023-01-01起执行）："),
        "{}",
        a.by_district[0].sentence
    );
    // Old figures are dated as a single one would be.
    assert!(a.warnings.iter().any(|w| w.starts_with("该标准自2023年1月起执行")), "{:?}", a.warnings);
    assert!(
        a.warnings.iter().any(|w| w.contains("太原市各区县农村的低保标准不同（640元/人/月到760元/人/月）")),
        "{:?}",
        a.warnings
    );
    let headline = a.headline();
    assert!(headline.answer.starts_with("还没有选区县，本市各区县的低保标准不同。按"), "{}", headline.answer);
    // The answer at every other standard still follows.
    assert!(a.by_standard.is_some());
}

#[test]
fn a_rural_qingdao_household_without_a_district_is_answered_at_860_and_1115_and_a_town_one_at_1115() {
    let rural = at("shandong", "qingdao", "rural");
    let figures: Vec<String> = rural.by_district.iter().map(|d| d.standard.amount.amount.to_string()).collect();
    assert_eq!(figures, ["860", "1115"]);
    assert_eq!(rural.by_district[0].districts, "胶州市、平度市、莱西市的农村");
    assert_eq!(rural.by_district[1].districts, "崂山区、黄岛区、城阳区、即墨区的农村");
    assert_eq!(standard(&at("shandong", "qingdao", "urban")), Some(("1115".into(), Period::Month)));
}

#[test]
fn a_yearly_and_a_monthly_figure_are_ordered_by_their_value_over_a_year() {
    // 吕梁 rural figures are per year: 5508 (临县、兴县、石楼) to 6084 (柳林、孝义).
    let a = at("shanxi", "lvliang", "rural");
    let figures: Vec<(String, Period)> =
        a.by_district.iter().map(|d| (d.standard.amount.amount.to_string(), d.standard.amount.per)).collect();
    assert_eq!(figures, [("5508".into(), Period::Year), ("6084".into(), Period::Year)]);
}

#[test]
fn an_area_id_the_pack_does_not_have_is_still_named_in_a_warning() {
    let a = at("shanxi", "atlantis", "urban");
    assert_eq!(a.standard, None);
    assert!(a.warnings.iter().any(|w| w.contains("没有地区编号“atlantis”")), "{:?}", a.warnings);
}

#[test]
fn a_household_placed_in_a_city_without_a_district_is_shown_as_that_city_not_as_unlisted() {
    assert_eq!(at("shanxi", "taiyuan", "rural").household.area, "太原市（农村）");
    assert_eq!(at("shanxi", "atlantis", "urban").household.area, "未列出的地区（城市）");
}

#[test]
fn a_district_chosen_without_a_figure_of_its_own_is_never_answered_with_other_districts_figures() {
    // 大同 has no citywide figure; 平城区 has no rural one.
    let a = at("shanxi", "datong/pingcheng", "rural");
    assert_eq!(a.standard, None);
    assert!(a.by_district.is_empty(), "{:?}", a.by_district.iter().map(|d| &d.sentence).collect::<Vec<_>>());
    assert!(!a.warnings.iter().any(|w| w.contains("没有选区县")), "{:?}", a.warnings);
}

#[test]
fn districts_that_share_the_lowest_or_the_highest_figure_are_all_named() {
    // 长治 城市: 615 in 壶关、黎城、平顺、沁县、武乡; 760 in 潞州、沁源、襄垣.
    let a = at("shanxi", "changzhi", "urban");
    let named: Vec<&str> = a.by_district.iter().map(|d| d.districts.as_str()).collect();
    assert_eq!(named, ["壶关县、黎城县、平顺县、沁县、武乡县", "潞州区、沁源县、襄垣县"]);
}

#[test]
fn an_unknown_district_of_a_known_city_is_warned_of_and_given_no_figure() {
    let a = at("shanxi", "taiyuan/bogus", "urban");
    assert_eq!(a.standard, None);
    assert!(a.by_district.is_empty());
    assert!(a.warnings.iter().any(|w| w.contains("没有地区编号“taiyuan/bogus”")), "{:?}", a.warnings);
}

#[test]
fn a_district_whose_figure_for_town_is_the_citys_is_shown_as_the_city() {
    // "…的农村（城市）" would contradict itself.
    assert_eq!(at("shandong", "qingdao/four-districts-rural", "urban").household.area, "青岛市（城市）");
    assert_eq!(
        at("shandong", "qingdao/four-districts-rural", "rural").household.area,
        "青岛市崂山区、黄岛区、城阳区、即墨区的农村（农村）"
    );
}

#[test]
fn a_partner_pack_with_two_areas_without_a_district_has_no_citywide_figure() {
    use low_income_check::engine::PolicyPack;
    let mut pack: serde_json::Value =
        serde_json::from_str(include_str!("../examples/pack-partner-example.json")).expect("json");
    let mut street = pack["areas"][0].clone();
    street["id"] = "xiaodian/a".into();
    street.as_object_mut().expect("area").remove("district");
    street.as_object_mut().expect("area").remove("disposable_income");
    street["dibao_standard"] = serde_json::json!({"rural": [{"value": "500", "unit": "yuan_per_month",
        "effective": "2024-01-01", "source": {"document": "示例", "article": "", "reliability": "supplied"}}]});
    let mut other = street.clone();
    other["id"] = "xiaodian/b".into();
    other["dibao_standard"] = serde_json::json!({"urban": [{"value": "700", "unit": "yuan_per_month",
        "effective": "2024-01-01", "source": {"document": "示例", "article": "", "reliability": "supplied"}}]});
    pack["areas"] = serde_json::json!([street, other]);
    let pack = PolicyPack::from_json(&pack.to_string()).expect("pack");
    let household = parse_household(
        r#"{"place":{"area":"xiaodian/b","area_kind":"rural"},"members":[{"age":40}],
            "income":[{"member":0,"kind":"wages","amount":"400","per":"month"}]}"#,
    )
    .expect("household");
    let a = assess(&household, &pack, Day::parse("2026-12-04").expect("day")).expect("assessed");
    assert_eq!(a.standard, None, "another street's rural figure is not this one's");
}

//! The page's components rendered on the host with Yew's server-side rendering: the results view
//! shows what the engine decided, with numbers and citations, and escapes text from data.

use futures::executor::block_on;
use low_income_check::engine::policy::builtin;
use low_income_check::engine::{assess, Day};
use low_income_check::format::parse_household;
use low_income_check::ui::results::{ResultsProps, ResultsView};
use yew::ServerRenderer;

fn render(household: &str, pack: &str) -> String {
    let household = parse_household(household).expect("household");
    let pack = builtin::load(pack).expect("id").expect("pack");
    let assessment = assess(&household, &pack, Day::parse("2026-11-22").expect("day")).expect("assessment");
    block_on(ServerRenderer::<ResultsView>::with_props(move || ResultsProps { assessment }).render())
}

/// A parent earning 1,400 a month and a child in 太原 (standard 760): 低保 is likely.
const TAIYUAN_FAMILY_OF_TWO: &str = r#"{"place":{"area":"taiyuan/urban"},"members":[{"age":40},{"relation":"child","age":9}],
    "income":[{"member":0,"kind":"wages","amount":"1400","per":"month"}]}"#;

#[test]
fn the_results_view_shows_the_best_category_its_reasons_and_how_to_apply() {
    let html = render(TAIYUAN_FAMILY_OF_TWO, "shanxi");
    assert!(html.contains("您家最可能符合：<strong>最低生活保障（低保）</strong>"), "{html}");
    assert!(html.contains("比低保标准低60元"));
    assert!(html.contains("依据：民发〔2021〕57号《最低生活保障审核确认办法》"));
    assert!(html.contains("怎样申请"));
    assert!(html.contains("30个工作日"));
    // The chart's rows are text (they grow with 大字 and wrap on a phone), the household's first.
    let rows = ["您家人均每月收入 700元", "低保标准 760元", "1.5倍低保标准（边缘家庭） 1140元"];
    let at: Vec<usize> = rows.iter().map(|row| html.find(row).unwrap_or_else(|| panic!("{row}: {html}"))).collect();
    assert!(at.windows(2).all(|w| w[0] < w[1]), "{at:?}");
    // Each condition is a card: what it is, the outcome, the household's figure against the limit.
    assert!(
        html.contains("<li class=\"check pass\"><p class=\"check-head\"><strong>家庭人均收入低于当地低保标准</strong>"),
        "{html}"
    );
    assert!(html.contains("实际 700元/人/月，要求 &lt; 760元/人/月"), "{html}");
    // What the printout needs to stand alone: the day of the assessment and the province's rules.
    assert!(html.contains("评估日期：2026-11-22；政策：山西省"));
}

#[test]
fn the_first_category_shows_its_reasons_and_the_others_fold_them_behind_a_summary() {
    let html = render(TAIYUAN_FAMILY_OF_TWO, "shanxi");
    let cards: Vec<&str> = html.split("class=\"result-card\"").skip(1).collect();
    assert!(cards.len() >= 2, "{html}");
    assert!(cards[0].contains("<details open=\"open\">"), "{}", cards[0]);
    for card in &cards[1..] {
        assert!(!card.contains("<details open"), "{card}");
        assert!(card.contains("为什么：逐条条件（"), "{card}");
    }
}

#[test]
fn an_ineligible_household_is_told_so_plainly() {
    let html = render(
        r#"{"place":{"local_standard":{"amount":"900","per":"month"}},"members":[{"age":35,"work":"employed"}],
            "income":[{"member":0,"kind":"wages","amount":"9000","per":"month"}],"assets":{"vehicles":1}}"#,
        "national",
    );
    assert!(html.contains("暂未发现可能符合的类别"));
}

#[test]
fn text_typed_by_the_user_reaches_the_page_as_text_not_markup() {
    // A typed standard is shown in the results; markup in an area id is shown escaped, never parsed.
    let html = render(
        r#"{"place":{"area":"<img src=x onerror=alert(1)>","local_standard":{"amount":"800","per":"month"}},"members":[{"age":40}]}"#,
        "shanxi",
    );
    assert!(!html.contains("<img"), "{html}");
    assert!(html.contains("&lt;img"));
}

#[test]
fn when_the_engine_cannot_assess_the_answers_the_results_step_says_why_instead_of_showing_nothing() {
    use low_income_check::ui::state::Answers;
    use low_income_check::ui::{assess_answers, results_outcome, NotAssessed};
    // Answers that convert, under a province the page does not know (a stale embed or link).
    let mut answers = Answers::default();
    answers.members[0].age = "40".into();
    answers.no_income = true;
    answers.spending.other_rigid.text = "0".into();
    for field in [&mut answers.assets.financial, &mut answers.assets.vehicles, &mut answers.assets.homes] {
        *field = "0".into();
    }
    answers.place.pack = "hainan".into();
    let outcome = assess_answers(&answers);
    assert!(matches!(&outcome, Err(NotAssessed::Failed(m)) if m.contains("hainan")), "{outcome:?}");
    // The results step's outcome, rendered inside a component as the page does.
    #[derive(yew::Properties, PartialEq)]
    struct Shown {
        answers: Answers,
    }
    #[yew::function_component(Outcome)]
    fn outcome(props: &Shown) -> yew::Html {
        results_outcome(&[], &assess_answers(&props.answers))
    }
    let rendered = answers.clone();
    let html = block_on(ServerRenderer::<Outcome>::with_props(move || Shown { answers: rendered }).render());
    assert!(html.contains("暂时无法计算结果"), "{html}");
    assert!(html.contains("找不到所选省份的政策"), "{html}");
    assert!(html.contains("回答都还保留着"), "{html}");
    // The answers themselves are untouched by the failure.
    assert_eq!(answers.members[0].age, "40");
}

#[test]
fn a_result_that_waits_on_one_local_rule_names_it_in_the_banner() {
    let html = render(
        r#"{"place":{"area":"taiyuan/urban"},"members":[{"age":40},{"relation":"child","age":9}],
            "income":[{"member":0,"kind":"wages","amount":"1400","per":"month"}],"assets":{"homes":1}}"#,
        "shanxi",
    );
    assert!(html.contains("可能符合——取决于当地财产规定"), "{html}");
}

#[test]
fn the_widgets_region_takes_the_api_area_ids_or_a_city_prefix_and_names_an_unknown_one() {
    use low_income_check::ui::AppProps;
    let region = |text: &str| {
        let props = AppProps::embedded(text, false);
        (props.region, props.region_error)
    };
    // The same area id as the JS API's place.area, after the pack.
    assert_eq!(region("shanxi/taiyuan/core-rural"), (Some(("shanxi".into(), "taiyuan/core-rural".into())), None));
    // A city's prefix picks its first area; a pack alone leaves the area to the visitor.
    assert_eq!(region("shanxi/taiyuan"), (Some(("shanxi".into(), "taiyuan/urban".into())), None));
    assert_eq!(region("guangxi"), (Some(("guangxi".into(), String::new())), None));
    assert_eq!(region(""), (None, None));
    // Unknown: the widget says so instead of silently falling back.
    assert_eq!(region("shanxi/atlantis"), (Some(("shanxi".into(), String::new())), Some("shanxi/atlantis".into())));
    assert_eq!(region("atlantis"), (None, Some("atlantis".into())));
}

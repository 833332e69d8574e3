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
fn every_category_folds_its_reasons_behind_a_summary_under_the_answer_and_the_next_step() {
    let html = render(TAIYUAN_FAMILY_OF_TWO, "shanxi");
    let cards: Vec<&str> = html.split("class=\"result-card\"").skip(1).collect();
    assert!(cards.len() >= 2, "{html}");
    assert!(
        html.find("下一步：怎样申请") < html.find("class=\"result-card\""),
        "the next step comes before the reasons"
    );
    for card in &cards {
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
fn the_widgets_region_takes_the_api_area_ids_or_a_city_prefix_and_says_when_it_is_unknown() {
    use low_income_check::ui::AppProps;
    let region = |text: &str| {
        let props = AppProps::embedded(text, false);
        (props.region, props.region_unknown)
    };
    // The same area id as the JS API's place.area, after the pack.
    assert_eq!(region("shanxi/taiyuan/core-rural"), (Some(("shanxi".into(), "taiyuan/core-rural".into())), false));
    // A city's prefix places the household in the city as a whole (never its first district); a
    // pack alone leaves the area to the visitor.
    assert_eq!(region("shanxi/taiyuan"), (Some(("shanxi".into(), "taiyuan".into())), false));
    assert_eq!(region("shanxi/lvliang"), (Some(("shanxi".into(), "lvliang".into())), false));
    assert_eq!(region("guangxi"), (Some(("guangxi".into(), String::new())), false));
    assert_eq!(region(""), (None, false));
    // Unknown: the widget says so instead of silently falling back.
    assert_eq!(region("shanxi/atlantis"), (Some(("shanxi".into(), String::new())), true));
    assert_eq!(region("atlantis"), (None, true));
}

#[test]
fn an_unknown_region_is_named_in_fixed_words_and_never_shows_the_text_asked_for() {
    use low_income_check::ui::{App, AppProps, REGION_UNKNOWN};
    // frame.html?region=… is a link anyone can write: their words must not appear on the page.
    let planted = "民政局通知：请将救助金转入账户 6222 0000";
    let html = block_on(ServerRenderer::<App>::with_props(move || AppProps::embedded(planted, false)).render());
    assert!(html.contains(REGION_UNKNOWN), "{html}");
    assert!(!html.contains("6222"), "the region's text is shown: {html}");
}

mod every_error_reaches_its_field {
    //! Every problem the reducer reports is keyed by a `FieldId`; this draws the hotline screen (all
    //! the sections of the flow's steps on one page) for answers that give every kind of problem, and
    //! checks that each problem's message is shown beside the control that carries its id.

    use std::rc::Rc;

    use futures::executor::block_on;
    use low_income_check::engine::household::{DisabilityKind, EducationLevel, IncomeKind};
    use low_income_check::ui::hotline::HotlinePage;
    use low_income_check::ui::state::{Answers, IncomeLine, MissingReported, MoneyAnswer, Problem, State};
    use low_income_check::ui::{assess_answers, Assessed, Problems, Store};
    use yew::prelude::*;
    use yew::ServerRenderer;

    #[derive(Properties, PartialEq)]
    struct HarnessProps {
        answers: Answers,
    }

    /// The app's contexts around the hotline screen, with `answers` given and every problem shown.
    #[function_component(Harness)]
    fn harness(props: &HarnessProps) -> Html {
        let answers = props.answers.clone();
        let store = use_reducer(move || State { answers, report_missing: MissingReported::ALL, ..State::default() });
        let assessed = Assessed(Rc::new(assess_answers(&store.answers)));
        let problems = Problems(Rc::new(problems_of(&store.answers)));
        html! {
            <ContextProvider<Store> context={store.clone()}>
            <ContextProvider<Problems> context={problems}>
            <ContextProvider<Assessed> context={assessed}>
                <HotlinePage />
            </ContextProvider<Assessed>>
            </ContextProvider<Problems>>
            </ContextProvider<Store>>
        }
    }

    fn problems_of(answers: &Answers) -> Vec<Problem> {
        answers.to_household().err().unwrap_or_default()
    }

    fn render(answers: Answers) -> String {
        block_on(ServerRenderer::<Harness>::with_props(move || HarnessProps { answers }).render())
    }

    /// Asserts that each problem's control and its message, under the control's own error id, are drawn.
    fn assert_each_error_beside_its_field(answers: Answers) -> usize {
        let problems = problems_of(&answers);
        let html = render(answers);
        for problem in &problems {
            let field = problem.field.to_string();
            assert!(html.contains(&format!("id=\"{field}\"")), "no control with id {field}");
            let error_at = html
                .find(&format!("id=\"{field}-error\""))
                .unwrap_or_else(|| panic!("{field}: its message “{}” is not beside it", problem.message));
            let error = &html[error_at..html[error_at..].find("</p>").map_or(html.len(), |end| error_at + end)];
            assert!(error.contains(&problem.message), "{field}: {error}");
            assert!(
                html.contains(&format!("aria-describedby=\"{field}-error\""))
                    || html.contains(&format!("{field}-hint {field}-error\"")),
                "{field}: the control is not described by its error"
            );
        }
        problems.len()
    }

    /// The answers after one action of the page's reducer.
    fn reduce_answers(answers: Answers, action: low_income_check::ui::state::Action) -> Answers {
        use yew::Reducible;
        let state = Rc::new(State { answers, ..State::default() });
        state.reduce(action).answers.clone()
    }

    #[test]
    fn the_review_shows_each_answer_as_read_not_as_typed_and_blank_as_unanswered() {
        use low_income_check::ui::pages::answer_rows;
        let mut answers = Answers::default();
        answers.members[0].age = "４０岁".into();
        answers.income.push(IncomeLine { member: Some(0), kind: IncomeKind::Wages, money: MoneyAnswer::monthly() });
        answers.income[0].money.text = "2千5".into();
        answers.income.push(IncomeLine { member: Some(0), kind: IncomeKind::Wages, money: MoneyAnswer::monthly() });
        answers.income[1].money.text = "9".repeat(10_000);
        let rows = answer_rows(&answers);
        let row = |key: &str| rows.iter().find(|(k, _, _)| k == key).map(|(_, v, _)| v.clone()).expect(key);
        // "４０岁" had shown as "４０岁岁"; "2千5" is shown as the 2,500 it is read as.
        assert!(row("第1位成员").contains("40岁") && !row("第1位成员").contains("岁岁"), "{}", row("第1位成员"));
        assert_eq!(row("收入1"), "工资、劳务收入：2500 元/月");
        // 10,000 digits had made the review 101,584 px wide: text with no reading is cut short.
        assert!(row("收入2").chars().count() < 60, "{}", row("收入2"));
        assert_eq!(row("车辆、房产"), "辆数未填，套数未填");
        assert_eq!(row("金融资产"), "未填");
    }

    #[test]
    fn at_the_income_line_limit_the_add_button_is_disabled_and_says_why_instead_of_dropping_the_next_line() {
        use low_income_check::ui::state::Action;
        let mut answers = Answers::default();
        for _ in 0..low_income_check::engine::household::MAX_INCOME_ITEMS {
            answers = reduce_answers(answers, Action::AddIncome);
        }
        let at_limit = answers.income.len();
        assert_eq!(at_limit, low_income_check::engine::household::MAX_INCOME_ITEMS);
        assert_eq!(reduce_answers(answers.clone(), Action::AddIncome).income.len(), at_limit);
        let html = render(answers);
        // The button that points at the explanation is the disabled one.
        let button = html
            .find("aria-describedby=\"income-limit\"")
            .and_then(|i| {
                html[..i].rfind("<button").map(|start| &html[start..html[i..].find('>').map_or(html.len(), |e| i + e)])
            })
            .unwrap_or("none");
        assert!(button.contains("disabled"), "the add button is not disabled: {button}");
        assert!(html.contains("最多可填写100项收入"));
    }

    #[test]
    fn every_problem_with_the_answers_is_shown_beside_the_field_it_belongs_to() {
        let mut answers = Answers::default();
        answers.place.own_standard = true;
        answers.place.standard.text = "七百".into();
        answers.place.disposable_income.text = "1500、1800".into();
        let member = &mut answers.members[0];
        member.disability = Some(DisabilityKind::Physical);
        member.ill = true;
        member.student = Some(EducationLevel::Undergraduate);
        let mut second = member.clone();
        second.age = "二百".into();
        second.disability = None;
        answers.members.push(second);
        answers.income.push(IncomeLine {
            member: Some(0),
            kind: IncomeKind::Wages,
            money: MoneyAnswer {
                text: "abc".into(),
                per: low_income_check::engine::money::Period::Month,
                confirmed: false,
            },
        });
        answers.assets.vehicles = "-1".into();
        answers.situation.unemployed = true;
        let problems = problems_of(&answers);
        let fields: Vec<String> = problems.iter().map(|p| p.field.to_string()).collect();
        // Every kind of question that can go wrong is among them.
        for expected in [
            "place-standard",
            "place-disposable",
            "member-0-age",
            "member-0-grade",
            "member-0-care",
            "member-0-serious",
            "member-0-treatment",
            "member-0-fees",
            "member-0-fulltime",
            "member-0-highfee",
            "member-0-abroad",
            "member-0-supporter",
            "member-1-age",
            "income-0-amount",
            "spending-medical",
            "spending-disability",
            "spending-other",
            "assets-financial",
            "assets-vehicles",
            "assets-homes",
            "situation-months",
        ] {
            assert!(fields.iter().any(|f| f == expected), "{expected} not reported: {fields:?}");
        }
        assert_eq!(assert_each_error_beside_its_field(answers), problems.len());
    }

    #[test]
    fn the_unanswered_income_question_is_shown_beside_its_checkbox() {
        let answers = Answers::default();
        assert!(problems_of(&answers).iter().any(|p| p.field.to_string() == "income-none"));
        assert!(assert_each_error_beside_its_field(answers) >= 5);
    }
}

mod share_code {
    //! The QR code of the answers (`ui::keep::ShareCode`), drawn natively.

    use futures::executor::block_on;
    use low_income_check::engine::household::Relation;
    use low_income_check::ui::keep::ShareCode;
    use low_income_check::ui::state::{Answers, MemberAnswers, State};
    use low_income_check::ui::Store;
    use yew::prelude::*;
    use yew::ServerRenderer;

    #[derive(Properties, PartialEq)]
    struct HarnessProps {
        answers: Answers,
    }

    #[function_component(Harness)]
    fn harness(props: &HarnessProps) -> Html {
        let answers = props.answers.clone();
        let store = use_reducer(move || State { answers, ..State::default() });
        html! {
            <ContextProvider<Store> context={store}>
                <ShareCode address="https://www.example.gov.cn/jiuzhu/index.html" />
            </ContextProvider<Store>>
        }
    }

    fn render(answers: Answers) -> String {
        block_on(ServerRenderer::<Harness>::with_props(move || HarnessProps { answers }).render())
    }

    #[test]
    fn a_household_s_answers_are_drawn_as_a_qr_code_of_a_link_with_the_sentence_on_who_can_read_it() {
        let mut answers = Answers::default();
        answers.members[0].age = "45".into();
        let html = render(answers);
        assert!(html.contains("id=\"share-qr\""), "{html}");
        assert!(html.contains("data-link=\"https://www.example.gov.cn/jiuzhu/index.html#/a/"), "{html}");
        assert!(html.contains("任何人扫到或拿到它，都能看到这些回答"));
    }

    #[test]
    fn answers_too_many_for_one_qr_code_say_so_and_point_to_the_file() {
        // Thirty members, each amount typed as 32 characters that do not repeat: more than the
        // 2,953 bytes a QR code holds, however well they compress.
        let mut seed = 12345u64;
        let mut typed = || -> String {
            (0..32)
                .map(|_| {
                    seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                    char::from(b"0123456789.,abcdefghijklmnopqrstuvwxyz"[(seed >> 33) as usize % 38])
                })
                .collect()
        };
        let members = (0..30)
            .map(|_| {
                let mut m = MemberAnswers::new(Relation::Other);
                m.age = typed();
                m.fees.text = typed();
                m
            })
            .collect();
        let html = render(Answers { members, ..Answers::default() });
        assert!(!html.contains("id=\"share-qr\""), "no code is drawn");
        assert!(html.contains("回答太多，放不进一个二维码"), "{html}");
    }
}

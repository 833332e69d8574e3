//! The steps of the flow (GOV.UK "check a service is suitable"): start, where you live, household,
//! money, check your answers. Each only reads the store and dispatches actions.

use yew::prelude::*;

use super::choices::*;
use super::field_id::{
    AssetQuestion, FieldId, IncomeQuestion, MemberQuestion, PlaceQuestion, SituationQuestion, SpendingQuestion,
};
use super::fields::{yes_no, Checkbox, MoneyField, SelectField, TextField};
use super::route::{route_button, route_link, Navigator, Route};
use super::state::{
    city_of, school_kind_asked, Action, Answers, AssetAnswers, DestituteAges, IncomeLine, MemberAnswers, MoneyAnswer,
    PlaceAnswers, Problem, Removal, SituationAnswers, SpendingAnswers, Step,
};
use super::{packs, today, Dispatch, Problems, Store};
use crate::engine::context::{place_figure, Origin, PlaceFigure};
use crate::engine::household::{AreaKind, MAX_MEMBERS};
use crate::engine::policy::{Area, PolicyPack};

/// The message for `field`, shown beside it, if its answer has a problem.
pub fn error_for(problems: &[Problem], field: FieldId) -> Option<String> {
    problems.iter().find(|p| p.field == field).map(|p| p.message.clone())
}

/// The error summary at the top of a step: each problem a link to its field.
#[derive(Properties, PartialEq)]
pub struct ErrorSummaryProps {
    pub problems: Vec<Problem>,
    /// A step's summary: 继续 goes on regardless once the summary is shown.
    #[prop_or_default]
    pub can_go_on: bool,
}

#[function_component(ErrorSummary)]
pub fn error_summary(props: &ErrorSummaryProps) -> Html {
    let navigator = use_context::<Navigator>();
    if props.problems.is_empty() {
        return html! {};
    }
    // Not an alert: it appears when the user asks to go on, and takes focus then (or follows the
    // heading that does), so it is read where the user is, never while they type.
    html! {
        <section class="error-summary" id="error-summary" tabindex="-1" aria-labelledby="error-summary-title">
            <h2 id="error-summary-title">{ "有些回答需要修改" }</h2>
            <ul>
                { for props.problems.iter().map(|p| html! {
                    <li><a href={format!("#{}", p.field)} onclick={focus_field(p.field, navigator.clone())}>{ format!("{}：{}", p.label(), p.message) }</a></li>
                }) }
            </ul>
            if props.can_go_on {
                <p>{ "也可以先按“继续”往下填，稍后再回来修改；算出结果前都需要回答。" }</p>
            }
        </section>
    }
}

/// Moves focus to a field on this page, or goes to the step that asks it (through the router, so
/// it works with hash routes and with the embedded widget's in-memory routes alike).
fn focus_field(field: FieldId, navigator: Option<Navigator>) -> Callback<MouseEvent> {
    Callback::from(move |e: MouseEvent| {
        e.prevent_default();
        #[cfg(target_arch = "wasm32")]
        if super::app_scope(&e).is_some_and(|scope| super::focus_in(&scope, &field.to_string())) {
            return;
        }
        let route = match field.step() {
            Step::Place => Route::Place,
            Step::Household => Route::Household,
            Step::Money => Route::Money,
        };
        if let Some(navigator) = &navigator {
            navigator.push(route);
        }
        // Once the step is drawn, the field itself takes focus (after the step's heading does).
        #[cfg(target_arch = "wasm32")]
        if let Some(scope) = super::app_scope(&e) {
            super::focus_last_later(&scope, &format!("#{field}"));
        }
    })
}

/// A callback that changes one field of a copy of `current` and dispatches the whole section:
/// every form control of every step is wired through this.
fn edit<T, V>(store: &Dispatch, current: &T, wrap: impl Fn(T) -> Action + 'static, change: fn(&mut T, V)) -> Callback<V>
where
    T: Clone + 'static,
    V: 'static,
{
    let store = store.clone();
    let current = current.clone();
    Callback::from(move |value: V| {
        let mut next = current.clone();
        change(&mut next, value);
        store.dispatch(wrap(next));
    })
}

pub const STEPS: [(Route, &str); 5] = [
    (Route::Place, "您住在哪里"),
    (Route::Household, "家庭成员"),
    (Route::Money, "收入、支出和财产"),
    (Route::Review, "核对您的回答"),
    (Route::Results, "评估结果"),
];

#[derive(Properties, PartialEq)]
pub struct StepProps {
    pub route: Route,
    pub children: Html,
    #[prop_or_default]
    pub problems: Vec<Problem>,
}

/// The step whose questions a route asks.
fn step_of(route: Route) -> Option<Step> {
    match route {
        Route::Place => Some(Step::Place),
        Route::Household => Some(Step::Household),
        Route::Money => Some(Step::Money),
        _ => None,
    }
}

/// The problems a step's summary lists: once the user has asked to go on from it (or has reached
/// the review), every problem of the step; before that, none (each is beside its field).
fn summary_problems(problems: &Problems, store: &Store, step: Step) -> Vec<Problem> {
    if !store.report_missing.covers(step) {
        return Vec::new();
    }
    problems.0.iter().filter(|p| p.step() == step).cloned().collect()
}

/// One step: progress, heading, error summary, content, back / continue.
/// The heading of a page reached by navigation (继续, 上一步, 重新开始), focused once the page is
/// drawn, so a screen reader starts there; the page opens at its top (a step's error summary, above
/// the heading, included) rather than where the last one was scrolled to. Not on first load, which
/// would take focus from a page the widget is embedded in.
#[hook]
fn use_heading_focus(route: Route) -> NodeRef {
    let heading = use_node_ref();
    let moved = use_context::<Navigator>().is_some_and(|n| n.moved);
    {
        let heading = heading.clone();
        use_effect_with(route, move |_| {
            #[cfg(target_arch = "wasm32")]
            if let Some(h1) = heading.cast::<web_sys::HtmlElement>().filter(|_| moved) {
                let _ = h1.focus();
                // Focus alone would scroll an error summary above the heading out of view.
                gloo::utils::window().scroll_to_with_x_and_y(0.0, 0.0);
            }
            #[cfg(not(target_arch = "wasm32"))]
            let _ = (heading, moved);
        });
    }
    heading
}

#[function_component(StepPage)]
pub fn step_page(props: &StepProps) -> Html {
    let index = STEPS.iter().position(|(r, _)| *r == props.route).unwrap_or(0);
    let title = STEPS[index.min(STEPS.len() - 1)].1;
    let back = if index == 0 { Route::Start } else { STEPS[index - 1].0 };
    let next = STEPS.get(index + 1).map(|(r, _)| *r);
    let navigator = use_context::<Navigator>();
    let heading = use_heading_focus(props.route);
    // 继续 on a step with questions blank or wrong says so first (the summary, focused, under the
    // heading); pressed again, it goes on: the review lists what is still missing.
    let store = use_context::<Store>();
    let assessment = super::use_assessment();
    let step = step_of(props.route);
    let unreported = match (step, &store, assessment.as_ref()) {
        (Some(step), Some(store), Err(super::NotAssessed::Problems(all))) => {
            !store.report_missing.covers(step) && all.iter().any(|p| p.step() == step)
        }
        _ => false,
    };
    let (oninput, onfocusout) = match &store {
        Some(store) => super::fields::typing_handlers(&store.dispatcher()),
        None => (Callback::noop(), Callback::noop()),
    };
    let go_on = next.map(|next| {
        let navigator = navigator.clone();
        let store = store.clone();
        Callback::from(move |_e: MouseEvent| match (unreported, step, &store) {
            (true, Some(step), Some(store)) => {
                store.dispatch(Action::ReportMissing(step));
                #[cfg(target_arch = "wasm32")]
                if let Some(scope) = super::app_scope(&_e) {
                    super::focus_last_later(&scope, "#error-summary");
                }
            }
            _ => {
                if let Some(navigator) = &navigator {
                    navigator.push(next);
                }
            }
        })
    });
    html! {
        <>
            <p class="progress">{ format!("第{}步，共{}步", index + 1, STEPS.len()) }</p>
            <h1 ref={heading} tabindex="-1">{ title }</h1>
            <ErrorSummary problems={props.problems.clone()} can_go_on={step.is_some()} />
            // novalidate: the page validates (and explains) every answer itself; Enter never submits.
            <form novalidate=true onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())} {oninput} {onfocusout}>
                { props.children.clone() }
            </form>
            <nav class="step-nav" aria-label="上一步和下一步">
                { route_button(navigator.as_ref(), back, "button secondary", "上一步") }
                if let Some(onclick) = go_on {
                    <button type="button" class="button" {onclick}>{ "继续" }</button>
                }
            </nav>
        </>
    }
}

#[function_component(StartPage)]
pub fn start_page() -> Html {
    let navigator = use_context::<Navigator>();
    // Reached from another page (重新开始), the heading takes focus, as each step's does.
    let heading = use_heading_focus(Route::Start);
    html! {
        <>
            <h1 ref={heading} tabindex="-1">{ "看看您家可能符合哪些社会救助" }</h1>
            <p class="lead">{ "回答一些关于家庭成员、收入、支出和财产的问题，就能知道您家可能符合特困人员、低保、低保边缘、刚性支出困难家庭或临时救助中的哪些类别，以及怎样申请。" }</p>
            <ul>
                <li>{ "这只是自我评估，不是审核决定。是否符合，以乡镇（街道）和民政部门审核为准。" }</li>
                <li>{ "您填写的内容只在您自己的设备上计算，不会发送到任何地方，也不会保存。关闭页面就会清除。" }</li>
                <li>{ "大约需要10分钟。" }</li>
            </ul>
            <h2>{ "请准备好" }</h2>
            <ul>
                <li>{ "家里每个人近12个月的收入（工资、经营、养老金等）" }</li>
                <li>{ "残疾人证（如有）、看病自付的费用、孩子上学的费用" }</li>
                <li>{ "存款等金融资产、车辆和房产情况" }</li>
                <li>{ "当地低保标准（如果知道）" }</li>
            </ul>
            { route_link(navigator.as_ref(), Route::Place, "button start", html! { "开始" }) }
            // Back the next day with a saved file (not in a partner's page, which offers no saving).
            if navigator.as_ref().is_some_and(|n| !n.embedded()) {
                <h2>{ "接着上次填写" }</h2>
                <super::keep::OpenAnswers />
            }
        </>
    }
}

/// The link to every city's 低保标准 (`standards.html`, written beside the page from the same packs),
/// in a new window so that the answers given stay. Not in the embedded widget, whose host page is
/// elsewhere.
pub fn standards_link(navigator: Option<&Navigator>, text: &'static str) -> Html {
    if navigator.is_none_or(Navigator::embedded) {
        return html! {};
    }
    html! { <a id="standards-link" href="standards.html" target="_blank" rel="noopener">{ text }</a> }
}

/// "640元/人/月（清徐县、阳曲县、娄烦县、古交市的农村，2023-01-01起执行）"
fn range_words((figure, districts): &(crate::engine::context::LocalFigure, String)) -> String {
    let since = match &figure.origin {
        Origin::Pack { effective, .. } => format!("，{effective}起执行"),
        Origin::User => String::new(),
    };
    format!("{}元/人/{}（{districts}{since}）", figure.amount.amount, figure.amount.per.label())
}

/// The 低保标准 the pack has for the chosen area (or the city, with no district chosen) on
/// `today`: the engine's own lookup, so the page shows the figure the assessment uses.
pub fn pack_standard(pack: &PolicyPack, place: &str, kind: AreaKind) -> PlaceFigure {
    place_figure(pack, place, |a| &a.dibao_standard, kind, today()).unwrap_or(PlaceFigure::Unknown)
}

#[function_component(PlaceSection)]
pub fn place_section(props: &PlaceSectionProps) -> Html {
    let say = |line: &'static str| {
        if props.scripted {
            say_line(line)
        } else {
            html! {}
        }
    };
    let navigator = use_context::<Navigator>();
    let Some(problems) = use_context::<Problems>() else { return html! {} };
    let store = props.dispatch.clone();
    let place = props.place.clone();
    let set = |f: fn(&mut PlaceAnswers, String)| edit(&store, &place, Action::SetPlace, f);
    let pack = packs().iter().find(|p| p.id == place.pack);
    let areas = pack.map(|p| p.areas.as_slice()).unwrap_or_default();
    // Every city of the province, in the pack's order, each once (its areas share an id prefix).
    let mut city_options = vec![("".into(), "我的城市不在列表中".into())];
    for area in areas {
        let key = city_of(&area.id);
        if !city_options.iter().any(|(k, _): &(AttrValue, AttrValue)| k.as_str() == key) {
            city_options.push((AttrValue::from(key.to_string()), AttrValue::from(area.city.clone())));
        }
    }
    let city_areas: Vec<&Area> =
        areas.iter().filter(|a| !place.city.is_empty() && city_of(&a.id) == place.city).collect();
    // A citywide figure is what "not listed" gives, so it has no option of its own; the exceptions
    // are named as residents say them (districts, and 城市 or 农村).
    let for_city = pack.map_or(PlaceFigure::Unknown, |p| pack_standard(p, &place.city, place.area_kind));
    let unlisted = match (&for_city, city_areas.iter().any(|a| a.district.is_none())) {
        (PlaceFigure::Range(_), _) => "不清楚（按最低和最高标准分别说明）",
        (PlaceFigure::One(_), true) => "其他区县，或不清楚（按全市标准）",
        _ => "不清楚，或不在列表中",
    };
    let mut district_options = vec![("".into(), unlisted.into())];
    district_options.extend(city_areas.iter().filter_map(|a| Some((a.id.clone().into(), a.district.clone()?.into()))));
    let chosen = pack.and_then(|p| p.area(&place.area));
    // The citywide area (a preset, or a city's only area) is what the first option says.
    let district_value = if chosen.is_some_and(|a| a.district.is_none()) { String::new() } else { place.area.clone() };
    // With no district chosen the place is the city, whose figure is already known.
    let figure = match pack {
        Some(p) if !place.area.is_empty() => pack_standard(p, &place.area, place.area_kind),
        _ => for_city.clone(),
    };
    let standard = match &figure {
        PlaceFigure::One(f) => Some(f.clone()),
        PlaceFigure::Range(_) | PlaceFigure::Unknown => None,
    };
    let own_standard = edit(&store, &place, Action::SetPlace, |p, checked: bool| p.own_standard = checked);
    let set_money = |f: fn(&mut PlaceAnswers, MoneyAnswer)| edit(&store, &place, Action::SetPlace, f);
    html! {
        <>
            { say("请问您家住在哪个省、哪个市、哪个区县？是城市还是农村？") }
            <fieldset>
                <legend>{ "省份和地区" }</legend>
                // The provinces are the built-in packs, the national defaults ("其他省份") last.
                <SelectField id={FieldId::Place(PlaceQuestion::Pack)} label="省份" value={place.pack.clone()}
                    options={packs().iter().filter(|p| !p.areas.is_empty()).chain(packs().iter().filter(|p| p.areas.is_empty()))
                        .map(|p| (AttrValue::from(p.id.clone()), AttrValue::from(p.name.clone()))).collect::<Vec<_>>()}
                    onchange={set(|p, v| p.pack = v)} />
                <SelectField id={FieldId::Place(PlaceQuestion::City)} label="市" value={place.city.clone()} options={city_options}
                    onchange={set(|p, v| p.choose_city(v))} />
                if city_areas.len() > 1 {
                    <SelectField id={FieldId::Place(PlaceQuestion::Area)} label="区、县" value={district_value} options={district_options}
                        hint={Some(AttrValue::from("各区县的低保标准可能不同。"))}
                        onchange={set(|p, v| p.area = v)} />
                }
                <SelectField id={FieldId::Place(PlaceQuestion::Kind)} label="城市还是农村" value={key_of(AREA_KINDS, &place.area_kind)} options={options(AREA_KINDS)}
                    onchange={set(|p, v| p.area_kind = pick(AREA_KINDS, &v).unwrap_or(AreaKind::Urban))} />
            </fieldset>
            <div class="panel" aria-live="polite">
                if let PlaceFigure::Range(range) = &figure {
                    <p id="place-range">{ format!("本市各区县{}的低保标准不同：最低", place.area_kind.label()) }<strong>{ range_words(&range[0]) }</strong>{ "，最高" }<strong>{ range_words(&range[1]) }</strong>{ "。" }</p>
                    <p>{ "不选区县也可以：结果会分别按最低和最高的标准说明。" }</p>
                    { for range.iter().filter_map(|(f, _)| f.stale_warning(today())).take(1).map(|w| html! { <p class="warning" id="place-stale">{ w }</p> }) }
                } else if let Some(s) = &standard {
                    <p>{ "当地低保标准：" }<strong>{ s.describe() }</strong></p>
                    if let Origin::Pack { note: Some(note), .. } = &s.origin { <p class="hint">{ note.clone() }</p> }
                    if let Some(stale) = s.stale_warning(today()) { <p class="warning" id="place-stale">{ stale }</p> }
                } else if props.scripted {
                    // The operator is 12345: the caller is not sent back to it.
                    <p id="place-none">{ "该地未找到公开的低保标准。来电人知道就填写；不知道也能判断：结果会给出标准高于多少时可能符合，并请来电人向乡镇（街道）问清。" }</p>
                } else if let Some(note) = chosen.and_then(|a| a.note.clone()) {
                    <p id="place-none">{ note }</p>
                    <p>{ "不填也可以：结果会告诉您，当地标准高于多少时可能符合。" }</p>
                } else {
                    <p id="place-none">{ "没有找到您所在地区的低保标准。请在下面填写（可以问乡镇、街道、村居委会或拨打12345）；不填也可以：结果会告诉您，当地标准高于多少时可能符合。" }</p>
                }
            </div>
            // The caller is asked for the standard only when the area's is not known.
            if standard.is_none() { { say("您知道当地的低保标准是每人每月多少钱吗？不知道也没关系。") } }
            <p class="hint">{ standards_link(navigator.as_ref(), "查看各市、各区县的低保标准（在新窗口打开，已填的回答会保留）") }</p>
            <Checkbox id={FieldId::Place(PlaceQuestion::OwnStandard)} label="我知道本地的低保标准，用我填写的数" checked={place.own_standard} onchange={own_standard} />
            if place.own_standard || standard.is_none() {
                <MoneyField id={FieldId::Place(PlaceQuestion::Standard)} label="当地低保标准（每人）" answer={place.standard.clone()}
                    error={error_for(&problems.0, FieldId::Place(PlaceQuestion::Standard))}
                    onchange={set_money(|p, v| { p.standard = v; p.own_standard = true; })} />
            }
            <MoneyField id={FieldId::Place(PlaceQuestion::DisposableIncome)} label="上年度当地居民人均可支配收入（可不填）"
                hint={Some(AttrValue::from("判断“刚性支出困难家庭”时需要，统计公报里有这个数。"))}
                answer={place.disposable_income.clone()} error={error_for(&problems.0, FieldId::Place(PlaceQuestion::DisposableIncome))}
                onchange={set_money(|p, v| p.disposable_income = v)} />
        </>
    }
}

#[derive(Properties, PartialEq)]
struct MemberCardProps {
    index: usize,
    member: MemberAnswers,
    removable: bool,
    scripted: bool,
    ages: DestituteAges,
    /// The province's pack: some questions are asked only where its rules read them.
    pack: AttrValue,
    dispatch: Dispatch,
}

#[function_component(MemberCard)]
fn member_card(props: &MemberCardProps) -> Html {
    let Some(problems) = use_context::<Problems>() else { return html! {} };
    let store = props.dispatch.clone();
    let i = props.index;
    let m = props.member.clone();
    let update = |f: fn(&mut MemberAnswers, String)| edit(&store, &m, move |next| Action::UpdateMember(i, next), f);
    let flag = |f: fn(&mut MemberAnswers, bool)| edit(&store, &m, move |next| Action::UpdateMember(i, next), f);
    let fees = |f: fn(&mut MemberAnswers, MoneyAnswer)| edit(&store, &m, move |next| Action::UpdateMember(i, next), f);
    let id = |question: MemberQuestion| FieldId::Member(i, question);
    let error = |question: MemberQuestion| error_for(&problems.0, id(question));
    // Focus goes to a safe place, never onto another 删除: the next member's first field (now at
    // this index), else the 添加 button.
    let remove =
        remove_then_focus(&store, Action::RemoveMember(i), FieldId::Member(i, MemberQuestion::Relation), "add-member");
    let asks_supporter = props.ages.asks_supporter(&m);
    let say = |line: &'static str| {
        if props.scripted {
            say_line(line)
        } else {
            html! {}
        }
    };
    html! {
        <fieldset class="member">
            <legend>{ format!("第{}位成员", i + 1) }</legend>
            <SelectField id={id(MemberQuestion::Relation)} label="与申请人的关系" value={key_of(RELATIONS, &m.relation)} options={options(RELATIONS)}
                onchange={update(|m, v| if let Some(r) = pick(RELATIONS, &v) { m.relation = r })} />
            <TextField id={id(MemberQuestion::Age)} label="年龄（周岁）" value={m.age.clone()} error={error(MemberQuestion::Age)}
                onchange={update(|m, v| m.age = v)} />
            { say("这位家人有残疾人证吗？是哪一类、几级？") }
            <SelectField id={id(MemberQuestion::Disability)} label="残疾人证" value={key_of(DISABILITIES, &m.disability)} options={options(DISABILITIES)}
                onchange={update(|m, v| if let Some(d) = pick(DISABILITIES, &v) { m.disability = d })} />
            if m.disability.is_some() {
                <SelectField id={id(MemberQuestion::Grade)} label="残疾等级（残疾人证上的等级）" value={key_of(GRADES, &m.grade)} options={options(GRADES)}
                    error={error(MemberQuestion::Grade)} onchange={update(|m, v| if let Some(g) = pick(GRADES, &v) { m.grade = g })} />
                { say("还需要康复治疗、康复训练或者照料护理吗？") }
                { yes_no(id(MemberQuestion::Care), "还需要康复治疗、康复训练或照料护理吗？", m.needs_care, error(MemberQuestion::Care), flag(|m, v| m.needs_care = Some(v))) }
            }
            { say("这位家人有没有生病？是不是大病？现在还在治疗吗？") }
            <Checkbox id={id(MemberQuestion::Ill)} label="患有疾病" checked={m.ill} onchange={flag(|m, v| m.ill = v)} />
            if m.ill {
                { yes_no(id(MemberQuestion::Serious), "是重病、大病吗（有医院诊断）？", m.serious, error(MemberQuestion::Serious), flag(|m, v| m.serious = Some(v))) }
                { yes_no(id(MemberQuestion::Treatment), "还没有痊愈、仍在治疗吗？", m.in_treatment, error(MemberQuestion::Treatment), flag(|m, v| m.in_treatment = Some(v))) }
            }
            { say("这位家人在上学吗？上的是什么学校，是全日制吗？") }
            <SelectField id={id(MemberQuestion::Student)} label="在读情况" value={key_of(LEVELS, &m.student)} options={options(LEVELS)}
                onchange={update(|m, v| if let Some(l) = pick(LEVELS, &v) { m.student = l })} />
            if m.student.is_some() {
                { yes_no(id(MemberQuestion::FullTime), "是全日制吗？", m.full_time, error(MemberQuestion::FullTime), flag(|m, v| m.full_time = Some(v))) }
                if m.student.is_some_and(|level| school_kind_asked(&props.pack, level, m.full_time)) {
                    { yes_no(id(MemberQuestion::HighFee), "是在高收费学校就读吗？", m.high_fee_school, error(MemberQuestion::HighFee), flag(|m, v| m.high_fee_school = Some(v))) }
                    { yes_no(id(MemberQuestion::Abroad), "是出国留学吗？", m.abroad, error(MemberQuestion::Abroad), flag(|m, v| m.abroad = Some(v))) }
                }
                <MoneyField id={id(MemberQuestion::Fees)} label="这位学生一学年自己负担的学费、住宿费、保育教育费"
                    hint="扣除各种资助、减免以后家里实际付的钱；没有就填 0。"
                    answer={m.fees.clone()} error={error(MemberQuestion::Fees)} onchange={fees(|m, v| m.fees = v)} />
            }
            { say("这位家人现在有工作吗？") }
            <SelectField id={id(MemberQuestion::Work)} label="就业情况" value={key_of(WORK, &m.work)} options={options(WORK)}
                onchange={update(|m, v| if let Some(w) = pick(WORK, &v) { m.work = w })} />
            if asks_supporter {
                { say("有没有子女、配偶或父母能赡养、照顾这位家人？他们有没有这个能力？") }
                <SelectField id={id(MemberQuestion::Supporter)} label="有没有依法应当供养这位成员的家人（配偶、子女、父母等）？"
                    hint="法律上叫赡养、抚养、扶养义务人。住在这个家里的配偶、父母、成年子女也算。" error={error(MemberQuestion::Supporter)}
                    value={key_of(SUPPORTERS, &m.supporter)} options={options(SUPPORTERS)}
                    onchange={update(|m, v| if let Some(s) = pick(SUPPORTERS, &v) { m.supporter = s })} />
            }
            if props.removable {
                <button type="button" class="button secondary" onclick={remove}>{ format!("删除第{}位成员", i + 1) }</button>
            }
        </fieldset>
    }
}

#[function_component(MembersSection)]
pub fn members_section(props: &MembersSectionProps) -> Html {
    let say = |line: &'static str| {
        if props.scripted {
            say_line(line)
        } else {
            html! {}
        }
    };
    let store = props.dispatch.clone();
    // The new member's first field takes focus: the user goes on typing where the new card is.
    let add = {
        let store = store.clone();
        Callback::from(move |_e: MouseEvent| {
            store.dispatch(Action::AddMember);
            #[cfg(target_arch = "wasm32")]
            if let Some(scope) = super::app_scope(&_e) {
                super::focus_last_later(&scope, &format!("select{}", FieldId::of_any_member(MemberQuestion::Relation)));
            }
        })
    };
    let members = props.members.clone();
    let removable = members.len() > 1;
    html! {
        <>
            <p>{ "请填写共同生活的每一位家庭成员：配偶、未成年子女、在读的成年子女，以及长期住在一起、依法应当互相供养的家人（赡养、抚养义务人）。不需要填写姓名。" }</p>
            { say("请问家里一起生活的有几口人？每个人多大年纪，和您是什么关系？") }
            { for members.into_iter().enumerate().map(|(index, member)| html! { <MemberCard {index} {member} {removable} scripted={props.scripted} ages={props.ages} pack={props.pack.clone()} dispatch={store.clone()} /> }) }
            { undo_note(&props.removed, &store, |i| FieldId::Member(i, MemberQuestion::Relation), props.scripted) }
            if props.members.len() < MAX_MEMBERS {
                <button type="button" class="button secondary" id="add-member" onclick={add} aria-keyshortcuts={props.scripted.then_some("Alt+A")}>{ "添加一位家庭成员" }</button>
            } else {
                <p class="hint">{ "家庭成员已达可填写的上限，不能再添加。" }</p>
            }
        </>
    }
}

#[function_component(MoneySection)]
pub fn money_section(props: &MoneySectionProps) -> Html {
    let store = props.dispatch.clone();
    let mut member_options: Vec<(AttrValue, AttrValue)> = vec![("household".into(), "全家共有".into())];
    member_options.extend(props.members.iter().enumerate().map(|(i, m)| {
        (i.to_string().into(), format!("第{}位成员（{}）", i + 1, label_of(RELATIONS, &m.relation)).into())
    }));
    let add_income = Callback::from(move |_e: MouseEvent| {
        store.dispatch(Action::AddIncome);
        #[cfg(target_arch = "wasm32")]
        if let Some(scope) = super::app_scope(&_e) {
            super::focus_last_later(&scope, &format!("select{}", FieldId::of_any_income(IncomeQuestion::Member)));
        }
    });
    let members = &props.members;
    let (scripted, dispatch) = (props.scripted, props.dispatch.clone());
    html! {
        <>
            <h2>{ "近12个月的收入" }</h2>
            if scripted { { say_line("最近12个月，家里每个人的收入大概多少？工资、种地做生意、养老金都算，按月说按年说都可以。") } }
            <p class="hint">{ "每项收入单独填写。退休金、职工养老金要计入；城乡居民养老保险里国家发的基础养老金，以及优待抚恤金、奖学金、低保金等不计入收入，也可以填，会单独列出。" }</p>
            { for props.income.iter().enumerate().map(|(index, line)| html! {
                <IncomeLineCard {index} line={line.clone()} member_options={member_options.clone()} dispatch={dispatch.clone()} />
            }) }
            { undo_note(&props.removed, &dispatch, |i| FieldId::Income(i, IncomeQuestion::Member), scripted) }
            if props.income.len() < crate::engine::household::MAX_INCOME_ITEMS {
                <button type="button" class="button secondary" id="add-income" onclick={add_income} aria-keyshortcuts={props.scripted.then_some("Alt+I")}>{ "添加一项收入" }</button>
            } else {
                <button type="button" class="button secondary" disabled=true aria-describedby="income-limit">{ "添加一项收入" }</button>
                <p class="hint" id="income-limit">{ format!("最多可填写{}项收入；几项同类的收入可以合并填写。", crate::engine::household::MAX_INCOME_ITEMS) }</p>
            }
            <SpendingFields {scripted} spending={props.spending.clone()} dispatch={dispatch.clone()}
                no_income={props.income.is_empty().then_some(props.no_income)}
                anyone_ill={members.iter().any(|m| m.ill)}
                anyone_disabled={members.iter().any(|m| m.disability.is_some())} />
            <AssetFields {scripted} assets={props.assets.clone()} dispatch={dispatch.clone()} />
            <SituationFields {scripted} situation={props.situation.clone()} {dispatch} />
        </>
    }
}

#[derive(Properties, PartialEq)]
struct IncomeLineProps {
    index: usize,
    line: IncomeLine,
    member_options: Vec<(AttrValue, AttrValue)>,
    dispatch: Dispatch,
}

/// One income line: re-renders only when this line (or the list of members) changes.
#[function_component(IncomeLineCard)]
fn income_line_card(props: &IncomeLineProps) -> Html {
    let Some(problems) = use_context::<Problems>() else { return html! {} };
    let (i, line, store) = (props.index, &props.line, &props.dispatch);
    let update = |f: fn(&mut IncomeLine, String)| edit(store, line, move |next| Action::UpdateIncome(i, next), f);
    let on_money =
        edit(store, line, move |next| Action::UpdateIncome(i, next), |l, money: MoneyAnswer| l.money = money);
    let remove =
        remove_then_focus(store, Action::RemoveIncome(i), FieldId::Income(i, IncomeQuestion::Member), "add-income");
    let member_value: AttrValue = line.member.map(|m| m.to_string()).unwrap_or_else(|| "household".to_string()).into();
    html! {
        <fieldset class="income">
            <legend>{ format!("第{}项收入", i + 1) }</legend>
            <SelectField id={FieldId::Income(i, IncomeQuestion::Member)} label="谁的收入" value={member_value} options={props.member_options.clone()}
                onchange={update(|l, v| l.member = v.parse().ok())} />
            <SelectField id={FieldId::Income(i, IncomeQuestion::Kind)} label="收入类型" value={key_of(INCOME_KINDS, &line.kind)} options={options(INCOME_KINDS)}
                onchange={update(|l, v| if let Some(k) = pick(INCOME_KINDS, &v) { l.kind = k })} />
            <MoneyField id={FieldId::Income(i, IncomeQuestion::Amount)} label="金额" answer={line.money.clone()}
                hint={Some(AttrValue::from("可以写 3000、3,000、3千 或 1.2万"))}
                error={error_for(&problems.0, FieldId::Income(i, IncomeQuestion::Amount))} onchange={on_money} />
            <button type="button" class="button secondary" onclick={remove}>{ format!("删除第{}项收入", i + 1) }</button>
        </fieldset>
    }
}

#[derive(Properties, PartialEq)]
struct SpendingProps {
    scripted: bool,
    /// Whether "没有任何收入" is ticked; `None` when there are income lines (the question is answered).
    no_income: Option<bool>,
    spending: SpendingAnswers,
    anyone_ill: bool,
    anyone_disabled: bool,
    dispatch: Dispatch,
}

/// Spending, each amount asked only where it matters.
#[function_component(SpendingFields)]
fn spending_fields(props: &SpendingProps) -> Html {
    let Some(problems) = use_context::<Problems>() else { return html! {} };
    let spending = &props.spending;
    let set_spending =
        |f: fn(&mut SpendingAnswers, MoneyAnswer)| edit(&props.dispatch, spending, Action::SetSpending, f);
    // The income question's answer when no line is added sits here, under the income lines: this
    // section reads the problems already, the income section does not (a keystroke would redraw it).
    let no_income = props.no_income.map(|checked| {
        let dispatch = props.dispatch.clone();
        html! {
            <Checkbox id={FieldId::NoIncome} label="近12个月家里没有任何收入" {checked}
                error={error_for(&problems.0, FieldId::NoIncome)}
                onchange={Callback::from(move |v| dispatch.dispatch(Action::SetNoIncome(v)))} />
        }
    });
    html! {
        <>
            { no_income.unwrap_or_default() }
            <h2>{ "近12个月自己负担的支出" }</h2>
            if props.scripted { { say_line("看病、康复、上学这些，医保报销以后自己花了多少钱？") } }
            <p class="hint">{ "只填医保、大病保险、商业保险报销和各种资助以后，家里自己实际付的钱。" }</p>
            if props.anyone_ill {
                <MoneyField id={FieldId::Spending(SpendingQuestion::Medical)} label="看病的医疗费用" answer={spending.medical.clone()}
                    error={error_for(&problems.0, FieldId::Spending(SpendingQuestion::Medical))} onchange={set_spending(|s, v| s.medical = v)} />
            }
            if props.anyone_disabled {
                <MoneyField id={FieldId::Spending(SpendingQuestion::DisabilityCare)} label="残疾人辅助器具、康复、照料护理费用" answer={spending.disability_care.clone()}
                    error={error_for(&problems.0, FieldId::Spending(SpendingQuestion::DisabilityCare))} onchange={set_spending(|s, v| s.disability_care = v)} />
            }
            <MoneyField id={FieldId::Spending(SpendingQuestion::Other)} label="其他必需的大额支出" answer={spending.other_rigid.clone()}
                error={error_for(&problems.0, FieldId::Spending(SpendingQuestion::Other))} onchange={set_spending(|s, v| s.other_rigid = v)} />
        </>
    }
}

#[derive(Properties, PartialEq)]
struct AssetProps {
    scripted: bool,
    assets: AssetAnswers,
    dispatch: Dispatch,
}

#[function_component(AssetFields)]
fn asset_fields(props: &AssetProps) -> Html {
    let Some(problems) = use_context::<Problems>() else { return html! {} };
    let assets = props.assets.clone();
    let set_assets = |f: fn(&mut AssetAnswers, String)| edit(&props.dispatch, &assets, Action::SetAssets, f);
    let other_property = edit(&props.dispatch, &assets, Action::SetAssets, |a, v: bool| a.other_property = v);
    html! {
        <>
            <h2>{ "家庭财产" }</h2>
            if props.scripted { { say_line("家里存款、理财大概有多少？有车吗？有几套房？") } }
            <TextField id={FieldId::Assets(AssetQuestion::Financial)} label="存款、理财、股票、基金等金融资产合计（元）" value={assets.financial.clone()} inputmode="decimal"
                class="input-money" error={error_for(&problems.0, FieldId::Assets(AssetQuestion::Financial))} onchange={set_assets(|a, v| a.financial = v)} />
            <TextField id={FieldId::Assets(AssetQuestion::Vehicles)} label="机动车（辆）" value={assets.vehicles.clone()}
                error={error_for(&problems.0, FieldId::Assets(AssetQuestion::Vehicles))} onchange={set_assets(|a, v| a.vehicles = v)} />
            <TextField id={FieldId::Assets(AssetQuestion::Homes)} label="房产（套，包括自己住的）" value={assets.homes.clone()}
                error={error_for(&problems.0, FieldId::Assets(AssetQuestion::Homes))} onchange={set_assets(|a, v| a.homes = v)} />
            <Checkbox id={FieldId::Assets(AssetQuestion::OtherProperty)} label="还有商铺、厂房等其他房产或经营性财产" checked={assets.other_property} onchange={other_property} />

        </>
    }
}

#[derive(Properties, PartialEq)]
struct SituationProps {
    scripted: bool,
    situation: SituationAnswers,
    dispatch: Dispatch,
}

#[function_component(SituationFields)]
fn situation_fields(props: &SituationProps) -> Html {
    let Some(problems) = use_context::<Problems>() else { return html! {} };
    let situation = props.situation.clone();
    let flag = |f: fn(&mut SituationAnswers, bool)| edit(&props.dispatch, &situation, Action::SetSituation, f);
    let text = |f: fn(&mut SituationAnswers, String)| edit(&props.dispatch, &situation, Action::SetSituation, f);
    html! {
        <>
            <h2>{ "目前的情况" }</h2>
            if props.scripted { { say_line("现在是低保户吗？最近有没有失业、受灾，或者突发的大病、事故？") } }
            <Checkbox id={FieldId::Situation(SituationQuestion::Dibao)} label="家里正在享受低保" checked={situation.receives_dibao} onchange={flag(|s, v| s.receives_dibao = v)} />
            if situation.receives_dibao {
                if props.scripted { { say_line("收入增加是不是因为家里有人找到了工作？") } }
                <Checkbox id={FieldId::Situation(SituationQuestion::IncomeRoseThroughWork)} label="最近因为有人就业，收入增加了" checked={situation.income_rose_through_work} onchange={flag(|s, v| s.income_rose_through_work = v)} />
            }
            <Checkbox id={FieldId::Situation(SituationQuestion::Unemployed)} label="有人失业、没有收入" checked={situation.unemployed} onchange={flag(|s, v| s.unemployed = v)} />
            if situation.unemployed {
                if props.scripted { { say_line("已经几个月没有收入了？有没有失业保险？是不是因为疫情或灾害不能回去上班？") } }
                <TextField id={FieldId::Situation(SituationQuestion::Months)} label="已经连续几个月没有收入" value={situation.months_without_income.clone()}
                    error={error_for(&problems.0, FieldId::Situation(SituationQuestion::Months))} onchange={text(|s, v| s.months_without_income = v)} />
                <Checkbox id={FieldId::Situation(SituationQuestion::Insurance)} label="有失业保险" checked={situation.unemployment_insurance} onchange={flag(|s, v| s.unemployment_insurance = v)} />
                <Checkbox id={FieldId::Situation(SituationQuestion::Emergency)} label="是因为疫情、灾害等突发事件无法返岗" checked={situation.caused_by_emergency} onchange={flag(|s, v| s.caused_by_emergency = v)} />
            }
            <Checkbox id={FieldId::Situation(SituationQuestion::Sudden)} label="遇到意外事故、突发重病、火灾等突发困难" checked={situation.sudden_hardship} onchange={flag(|s, v| s.sudden_hardship = v)} />
            <Checkbox id={FieldId::Situation(SituationQuestion::Disaster)} label="受灾后，经过应急和过渡期救助，生活仍有很大困难" checked={situation.disaster_after_relief} onchange={flag(|s, v| s.disaster_after_relief = v)} />
            <Checkbox id={FieldId::Situation(SituationQuestion::Student)} label="有学生（如应届毕业生）受疫情、灾害影响暂未就业，生活困难" checked={situation.student_stuck_by_emergency} onchange={flag(|s, v| s.student_stuck_by_emergency = v)} />
            <SelectField id={FieldId::Situation(SituationQuestion::Hukou)} label="户籍" value={key_of(HUKOU, &situation.hukou)} options={options(HUKOU)}
                onchange={text(|s, v| if let Some(h) = pick(HUKOU, &v) { s.hukou = h })} />
        </>
    }
}

/// A section gets only its slice of the answers and the reducer's dispatcher (stable across
/// renders), so typing in one section does not re-render the others.
#[derive(Properties, PartialEq, Clone)]
pub struct PlaceSectionProps {
    /// Show, beside each question, the sentence a hotline operator reads to the caller.
    #[prop_or_default]
    pub scripted: bool,
    pub place: PlaceAnswers,
    pub dispatch: Dispatch,
}

#[derive(Properties, PartialEq, Clone)]
pub struct MembersSectionProps {
    #[prop_or_default]
    pub scripted: bool,
    pub members: Vec<MemberAnswers>,
    pub ages: DestituteAges,
    /// The province's pack id (some questions are asked only where its rules read them).
    pub pack: AttrValue,
    /// The member just deleted, while it can be undone.
    #[prop_or_default]
    pub removed: Option<RemovalNote>,
    pub dispatch: Dispatch,
}

#[derive(Properties, PartialEq, Clone)]
pub struct MoneySectionProps {
    #[prop_or_default]
    pub scripted: bool,
    pub members: Vec<MemberAnswers>,
    pub income: Vec<IncomeLine>,
    pub no_income: bool,
    pub spending: SpendingAnswers,
    pub assets: AssetAnswers,
    pub situation: SituationAnswers,
    /// The income line just deleted, while it can be undone.
    #[prop_or_default]
    pub removed: Option<RemovalNote>,
    pub dispatch: Dispatch,
}

/// A sentence for the operator to read aloud (hotline mode). A plain function, not a component:
/// it is three nodes, and a component costs ~2 KB of the page's WebAssembly.
pub fn say_line(line: &'static str) -> Html {
    html! { <p class="say"><span class="say-label">{ "话术：" }</span>{ line }</p> }
}

/// 删除 for a card: dispatches `remove`, then focuses `next` (the next card's first field, now at
/// the deleted one's index) or, when it was the last card, the 添加 button `add_id`.
fn remove_then_focus(dispatch: &Dispatch, remove: Action, next: FieldId, add_id: &'static str) -> Callback<MouseEvent> {
    let dispatch = dispatch.clone();
    Callback::from(move |_e: MouseEvent| {
        dispatch.dispatch(remove.clone());
        #[cfg(target_arch = "wasm32")]
        if let Some(scope) = super::app_scope(&_e) {
            super::focus_first_later(&scope, vec![format!("#{next}"), format!("#{add_id}")]);
        }
        #[cfg(not(target_arch = "wasm32"))]
        let _ = (next, add_id);
    })
}

/// The last deletion of a member or an income line, while it can be undone: which card, and the
/// sentence that announces it.
#[derive(Clone, PartialEq)]
pub struct RemovalNote {
    pub index: usize,
    pub text: AttrValue,
}

/// The last deleted member (`income`: income line) while it can be undone.
pub fn removal_note(store: &Store, income: bool) -> Option<RemovalNote> {
    let undo = store.undo.as_ref()?;
    let note = match undo.removal {
        Removal::Member(i) if !income => {
            let m = undo.answers.members.get(i)?;
            let age = if m.age.trim().is_empty() { String::new() } else { format!("，{}岁", m.age.trim()) };
            format!("已删除第{}位成员（{}{}）。", i + 1, label_of(RELATIONS, &m.relation), age)
        }
        Removal::Income(i) if income => {
            let line = undo.answers.income.get(i)?;
            let amount = if line.money.text.trim().is_empty() {
                String::new()
            } else {
                format!("，{}", line.money.text.trim())
            };
            format!("已删除第{}项收入（{}{}）。", i + 1, label_of(INCOME_KINDS, &line.kind), amount)
        }
        _ => return None,
    };
    let (Removal::Member(index) | Removal::Income(index)) = undo.removal else { return None };
    Some(RemovalNote { index, text: note.into() })
}

/// Where a deletion is announced (a live region, present before anything is deleted, so the
/// announcement is read), with the button that undoes it; the restored card's first field then
/// takes focus. Not inlined: the members and the income sections share one copy.
#[inline(never)]
fn undo_note(
    note: &Option<RemovalNote>,
    dispatch: &Dispatch,
    first_field: fn(usize) -> FieldId,
    scripted: bool,
) -> Html {
    let restored = note.as_ref().map(|n| format!("#{}", first_field(n.index))).unwrap_or_default();
    let undo = {
        let dispatch = dispatch.clone();
        Callback::from(move |_e: MouseEvent| {
            dispatch.dispatch(Action::Undo);
            #[cfg(target_arch = "wasm32")]
            if let Some(scope) = super::app_scope(&_e) {
                super::focus_last_later(&scope, &restored);
            }
            #[cfg(not(target_arch = "wasm32"))]
            let _ = &restored;
        })
    };
    html! {
        <div class="undo-note" role="status">
            if let Some(note) = note {
                <p class="warning">{ note.text.clone() }
                    <button type="button" class="button secondary" onclick={undo} aria-keyshortcuts={scripted.then_some("Alt+U")}>{ "撤销删除" }</button>
                </p>
            }
        </div>
    }
}

#[function_component(PlacePage)]
pub fn place_page() -> Html {
    let (Some(store), Some(problems)) = (use_context::<Store>(), use_context::<Problems>()) else { return html! {} };
    html! {
        <StepPage route={Route::Place} problems={summary_problems(&problems, &store, Step::Place)}>
            <PlaceSection place={store.answers.place.clone()} dispatch={store.dispatcher()} />
        </StepPage>
    }
}

#[function_component(HouseholdPage)]
pub fn household_page() -> Html {
    let (Some(store), Some(problems)) = (use_context::<Store>(), use_context::<Problems>()) else { return html! {} };
    html! {
        <StepPage route={Route::Household} problems={summary_problems(&problems, &store, Step::Household)}>
            <MembersSection members={store.answers.members.clone()} ages={DestituteAges::for_pack(&store.answers.place.pack)} pack={store.answers.place.pack.clone()}
                removed={removal_note(&store, false)} dispatch={store.dispatcher()} />
        </StepPage>
    }
}

/// The money section for the current answers.
pub fn money_section_for(store: &Store, scripted: bool) -> Html {
    let a = &store.answers;
    html! {
        <MoneySection {scripted} members={a.members.clone()} income={a.income.clone()} no_income={a.no_income} spending={a.spending.clone()}
            assets={a.assets.clone()} situation={a.situation.clone()} removed={removal_note(store, true)} dispatch={store.dispatcher()} />
    }
}

#[function_component(MoneyPage)]
pub fn money_page() -> Html {
    let (Some(store), Some(problems)) = (use_context::<Store>(), use_context::<Problems>()) else { return html! {} };
    html! {
        <StepPage route={Route::Money} problems={summary_problems(&problems, &store, Step::Money)}>
            { money_section_for(&store, false) }
        </StepPage>
    }
}

/// The answers in words, one row per question group, with the step that asks them: the review step
/// lists them with a 修改 link each, and the printed result carries them (no name or ID is asked,
/// so none can appear).
pub fn answer_rows(a: &Answers) -> Vec<(String, String, Route)> {
    let pack = packs().iter().find(|p| p.id == a.place.pack);
    let city = || pack?.areas.iter().find(|area| city_of(&area.id) == a.place.city).map(|area| area.city.clone());
    let area = match pack.and_then(|p| p.area(&a.place.area)) {
        Some(area) => area.display_name(),
        None => city().map_or_else(|| "未列出".to_string(), |city| format!("{city}（区县未选）")),
    };
    // The reading, not the text as typed: "2千5" shows as 2500, so a misreading would be seen; text
    // that has no reading is shown cut short and marked.
    let amount = |typed: &str, unit: &str| match crate::input::parse_money(typed) {
        Ok(None) => "未填".to_string(),
        Ok(Some(amount)) => format!("{} {unit}", crate::engine::money::Yuan(amount.amount())),
        Err(_) => format!("“{}”（无法识别）", crate::engine::date::echoed(typed.trim(), 16)),
    };
    let money =
        |m: &MoneyAnswer| amount(&m.text, if m.per == crate::engine::money::Period::Month { "元/月" } else { "元/年" });
    let age = |typed: &str| match crate::input::parse_count(typed, 0, 130, "年龄") {
        Ok(Some(years)) => format!("{years}岁"),
        Ok(None) => "年龄未填".to_string(),
        Err(_) => format!("年龄“{}”（无法识别）", crate::engine::date::echoed(typed.trim(), 8)),
    };
    let pack_name = pack.map(|p| p.name.as_str()).unwrap_or_default();
    let mut rows = vec![(
        "地区".to_string(),
        format!("{pack_name} {area} {}", label_of(AREA_KINDS, &a.place.area_kind)),
        Route::Place,
    )];
    if a.place.own_standard {
        rows.push(("您填写的低保标准".into(), money(&a.place.standard), Route::Place));
    }
    rows.extend(a.members.iter().enumerate().map(|(i, m)| {
        let mut parts = vec![label_of(RELATIONS, &m.relation).to_string(), age(&m.age)];
        if m.disability.is_some() {
            parts.push(format!("{}{}", label_of(DISABILITIES, &m.disability), label_of(GRADES, &m.grade)));
        }
        if m.ill {
            parts.push(
                match (m.serious, m.in_treatment) {
                    (Some(true), Some(true)) => "患重病、在治疗",
                    (Some(true), _) => "患重病",
                    (_, Some(true)) => "患病、在治疗",
                    _ => "患病",
                }
                .into(),
            );
        }
        if m.student.is_some() {
            parts.push(label_of(LEVELS, &m.student).to_string());
            if !m.fees.text.trim().is_empty() {
                parts.push(format!("一学年教育费用{}", money(&m.fees)));
            }
        }
        (format!("第{}位成员", i + 1), parts.join("，"), Route::Household)
    }));
    rows.extend(a.income.iter().enumerate().map(|(i, l)| {
        (format!("收入{}", i + 1), format!("{}：{}", label_of(INCOME_KINDS, &l.kind), money(&l.money)), Route::Money)
    }));
    if a.income.is_empty() && a.no_income {
        rows.push(("收入".into(), "近12个月家里没有任何收入".into(), Route::Money));
    }
    rows.extend(
        [
            ("医疗自付", &a.spending.medical),
            ("康复护理自付", &a.spending.disability_care),
            ("其他必需支出", &a.spending.other_rigid),
        ]
        .into_iter()
        .filter(|(_, m)| !m.text.trim().is_empty())
        .map(|(name, m)| (name.to_string(), money(m), Route::Money)),
    );
    // Counts as read too; blank is 未填, never 0.
    let count = |typed: &str, unit: &str| match crate::input::parse_count(typed, 0, 99, "") {
        Ok(Some(n)) => format!("{n} {unit}"),
        Ok(None) => format!("{unit}数未填"),
        Err(_) => format!("“{}”（无法识别）", crate::engine::date::echoed(typed.trim(), 8)),
    };
    rows.push(("金融资产".into(), amount(&a.assets.financial, "元"), Route::Money));
    rows.push((
        "车辆、房产".into(),
        format!("{}，{}", count(&a.assets.vehicles, "辆"), count(&a.assets.homes, "套")),
        Route::Money,
    ));
    rows.push(("目前的情况".into(), situation_summary(&a.situation), Route::Money));
    rows
}

#[function_component(ReviewPage)]
pub fn review_page() -> Html {
    let (Some(store), Some(problems)) = (use_context::<Store>(), use_context::<Problems>()) else { return html! {} };
    super::use_reached_review(&store);
    let navigator = use_context::<Navigator>();
    html! {
        <StepPage route={Route::Review} problems={problems.0.as_ref().clone()}>
            <dl class="summary">
                { for answer_rows(&store.answers).into_iter().map(|(key, value, route)| html! {
                    <div class="summary-row">
                        <dt>{ key.clone() }</dt>
                        <dd>{ value }</dd>
                        <dd class="change">{ route_link(navigator.as_ref(), route, "", html! { <>{ "修改" }<span class="visually-hidden">{ key }</span></> }) }</dd>
                    </div>
                }) }
            </dl>
        </StepPage>
    }
}

fn situation_summary(s: &SituationAnswers) -> String {
    let mut parts = Vec::new();
    if s.receives_dibao {
        parts.push(
            if s.income_rose_through_work {
                "正在享受低保，就业后收入增加"
            } else {
                "正在享受低保"
            }
            .to_string(),
        );
    }
    if s.unemployed {
        parts.push(format!(
            "失业无收入{}个月{}",
            s.months_without_income,
            if s.unemployment_insurance { "，有失业保险" } else { "" }
        ));
    }
    if s.sudden_hardship {
        parts.push("遇到突发困难".to_string());
    }
    if s.disaster_after_relief {
        parts.push("受灾后仍有困难".to_string());
    }
    if s.student_stuck_by_emergency {
        parts.push("学生受突发事件影响暂未就业".to_string());
    }
    parts.push(label_of(HUKOU, &s.hukou).to_string());
    parts.join("；")
}

//! The resident's page (Yew): a hash-routed flow over the engine, with every answer kept in memory
//! only. Nothing is sent and nothing is stored: there is no fetch, no cookie and no storage call
//! anywhere in the page.
//!
//! - `state.rs`: the answers and the reducer; `choices.rs`: the options offered.
//! - `fields.rs`: form controls; `pages.rs`: the steps; `results.rs`: the result page.

pub mod choices;
pub mod field_id;
pub mod fields;
pub mod hotline;
pub mod keep;
pub mod pages;
pub mod results;
pub mod route;
pub mod state;

use std::rc::Rc;
use std::sync::OnceLock;

use yew::prelude::*;

use crate::engine::assess;
use crate::engine::policy::{builtin, PolicyPack};
use pages::{ErrorSummary, HouseholdPage, MoneyPage, PlacePage, ReviewPage, StartPage, StepPage};
use results::ResultsView;
pub use route::Route;
use route::{route_link, use_router, Navigator};
use state::{Action, Problem, State};

/// The page's store: the reducer handle pages read and dispatch to.
pub type Store = UseReducerHandle<State>;
/// The reducer's dispatcher: stable across renders, so sections that take it as a prop (with their
/// slice of the answers) re-render only when their slice changes.
pub type Dispatch = UseReducerDispatcher<State>;

/// The problems with the current answers, computed once per change.
#[derive(Clone, PartialEq)]
pub struct Problems(pub Rc<Vec<Problem>>);

/// The built-in policy packs, parsed once. They are compiled in, so no request is made for them.
pub fn packs() -> &'static [PolicyPack] {
    static PACKS: OnceLock<Vec<PolicyPack>> = OnceLock::new();
    PACKS.get_or_init(|| builtin::IDS.iter().filter_map(|id| builtin::load(id).and_then(Result::ok)).collect())
}

pub use crate::clock::today;

/// Marks that the user has asked to go on, so unanswered questions are reported from now on.
#[hook]
pub fn use_reached_review(store: &Store) {
    let store = store.clone();
    use_effect_with((), move |_| store.dispatch(Action::ReachedReview));
}

/// Why the current answers have no assessment.
#[derive(Debug, Clone, PartialEq)]
pub enum NotAssessed {
    /// Answers to change or give, each keyed by its field (unanswered questions included).
    Problems(Vec<Problem>),
    /// The engine refused the household as a whole; the message says why, in Chinese. The page
    /// shows it and keeps every answer: a blank page would lose the user.
    Failed(String),
}

/// The assessment of the current answers, or why there is none. `App` computes it once per change
/// of the answers and provides it to every page, so a keystroke converts the answers once: the
/// `Problems` the forms show are derived from it.
#[derive(Clone)]
pub struct Assessed(pub Rc<Result<crate::engine::Assessment, NotAssessed>>);

/// The same computation is the same value: pages re-render when the answers change, not otherwise.
impl PartialEq for Assessed {
    fn eq(&self, other: &Assessed) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// The answers, converted and assessed under the pack they name.
pub fn assess_answers(answers: &state::Answers) -> Result<crate::engine::Assessment, NotAssessed> {
    let household = answers.to_household().map_err(NotAssessed::Problems)?;
    let Some(pack) = packs().iter().find(|p| p.id == answers.place.pack) else {
        return Err(NotAssessed::Failed(format!(
            "找不到所选省份的政策（“{}”），请在第1步重新选择省份。",
            crate::engine::date::echoed(&answers.place.pack, 40)
        )));
    };
    assess(&household, pack, today()).map_err(|e| NotAssessed::Failed(format!("无法计算结果：{e}")))
}

/// The current assessment (see [`Assessed`]).
#[hook]
pub fn use_assessment() -> Rc<Result<crate::engine::Assessment, NotAssessed>> {
    use_context::<Assessed>().map(|a| a.0).unwrap_or_else(|| Rc::new(Err(NotAssessed::Problems(Vec::new()))))
}

/// What the results step shows for the current answers: the results, the answers to change
/// (`problems`: those to show now), or why the engine could not assess them, with every answer
/// kept. A plain function: the results page is its only caller.
pub fn results_outcome(problems: &[Problem], outcome: &Result<crate::engine::Assessment, NotAssessed>) -> Html {
    if !problems.is_empty() {
        return html! {
            <>
                <p>{ "有些回答需要先修改，才能计算结果：" }</p>
                <ErrorSummary problems={problems.to_vec()} />
            </>
        };
    }
    match outcome {
        Ok(assessment) => html! { <ResultsView assessment={assessment.clone()} /> },
        Err(NotAssessed::Failed(message)) => html! {
            <div class="error-summary" role="alert">
                <h2>{ "暂时无法计算结果" }</h2>
                <p>{ message.clone() }</p>
                <p>{ "您填写的回答都还保留着，可以返回上一步修改。" }</p>
            </div>
        },
        // Only unanswered questions, not yet reported: the results step reports them once drawn.
        Err(NotAssessed::Problems(_)) => html! {},
    }
}

#[function_component(ResultsPage)]
fn results_page() -> Html {
    let (Some(store), Some(problems)) = (use_context::<Store>(), use_context::<Problems>()) else { return html! {} };
    let navigator = use_context::<Navigator>();
    use_reached_review(&store);
    let outcome = use_assessment();
    // A button, not a link: Enter and a click both clear every answer (on a shared computer the
    // next person must not see the household), then the start page opens.
    let restart = {
        let store = store.clone();
        let navigator = navigator.clone();
        Callback::from(move |_: MouseEvent| {
            store.dispatch(Action::Reset);
            if let Some(navigator) = &navigator {
                navigator.push(Route::Start);
            }
        })
    };
    // "打印全部依据" marks the results for printing everything, prints once drawn, then unmarks them.
    let print_all = use_state(|| false);
    {
        let print_all = print_all.clone();
        use_effect_with(*print_all, move |everything| {
            if *everything {
                #[cfg(target_arch = "wasm32")]
                let _ = gloo::utils::window().print();
                print_all.set(false);
            }
        });
    }
    let print = Callback::from(|_: MouseEvent| {
        #[cfg(target_arch = "wasm32")]
        let _ = gloo::utils::window().print();
    });
    let print_everything = {
        let print_all = print_all.clone();
        Callback::from(move |_: MouseEvent| print_all.set(true))
    };
    // The page's own address, for the code's link; none in a partner's page (its address is the
    // host's), which offers neither the code nor the file.
    let address = navigator.as_ref().filter(|n| !n.embedded()).and_then(|_| keep::page_address());
    html! {
        <StepPage route={Route::Results}>
            if let Some(note) = &store.opened {
                <p class="panel" role="status" id="opened-note">{ note.clone() }</p>
            }
            <div class={classes!("results", print_all.then_some("print-all"))}>
                { results_outcome(&problems.0, &outcome) }
            </div>
            if let Some(address) = address {
                <details class="share-details">
                    <summary><h2>{ "保存回答，或扫码在手机上打开" }</h2></summary>
                    if outcome.is_ok() {
                        <keep::ShareCode address={address} />
                    }
                    <keep::SaveAnswers />
                    <p class="hint">{ "文件只保存在您自己的设备上；以后在开始页选择“打开保存的回答”即可接着看。" }</p>
                </details>
            }
            if problems.0.is_empty() && outcome.is_ok() {
                <section class="print-only" aria-labelledby="answers-title">
                    <h2 id="answers-title">{ "评估所用的回答（不含姓名、证件号）" }</h2>
                    <dl class="summary">
                        { for pages::answer_rows(&store.answers).into_iter().map(|(key, value, _)| html! {
                            <div class="summary-row"><dt>{ key }</dt><dd>{ value }</dd></div>
                        }) }
                    </dl>
                </section>
                <div class="actions no-print">
                    <button type="button" class="button secondary" onclick={print}>{ "打印（不含姓名）" }</button>
                    <button type="button" class="button secondary" id="print-all" onclick={print_everything}>{ "打印全部依据" }</button>
                    <button type="button" class="button secondary" id="restart" onclick={restart}>{ "清除所有回答，重新开始" }</button>
                </div>
            }
        </StepPage>
    }
}

fn switch(route: Route, navigator: &Navigator) -> Html {
    match route {
        Route::Start => html! { <StartPage /> },
        Route::Place => html! { <PlacePage /> },
        Route::Household => html! { <HouseholdPage /> },
        Route::Money => html! { <MoneyPage /> },
        Route::Review => html! { <ReviewPage /> },
        Route::Results => html! { <ResultsPage /> },
        Route::Hotline => html! { <hotline::HotlinePage /> },
        // Keyed by the link: another link opened while this one shows is read afresh.
        Route::Open => html! { <keep::OpenCodePage key={route::current_fragment().unwrap_or_default()} /> },
        Route::NotFound => {
            html! { <><h1>{ "找不到这个页面" }</h1>{ route_link(Some(navigator), Route::Start, "", html! { "回到开始" }) }</> }
        }
    }
}

/// How the app is mounted: the full page (hash routes), or the widget embedded in a partner's
/// page (in-memory routes, a preset region, resident or hotline mode).
#[derive(Properties, PartialEq, Clone)]
pub struct AppProps {
    #[prop_or_default]
    pub embedded: bool,
    #[prop_or(Route::Start)]
    pub start: Route,
    /// Built-in pack id and area id to start from.
    #[prop_or_default]
    pub region: Option<(String, String)>,
    /// 城市 or 农村 to start from (the widget's `area-kind` attribute).
    #[prop_or_default]
    pub area_kind: Option<crate::engine::household::AreaKind>,
    /// The region asked for is not known: said on the page (so a portal's typo never passes
    /// silently) in fixed words, never the text asked for — `frame.html?region=…` is a link anyone
    /// can write, and the page must not carry their words under its look.
    #[prop_or_default]
    pub region_unknown: bool,
    /// Told each completed assessment the user sees (the results step, or the hotline's live result).
    #[prop_or_default]
    pub on_result: Option<Callback<Rc<Result<crate::engine::Assessment, NotAssessed>>>>,
}

impl Default for AppProps {
    fn default() -> AppProps {
        AppProps {
            embedded: false,
            start: Route::Start,
            region: None,
            area_kind: None,
            region_unknown: false,
            on_result: None,
        }
    }
}

/// What the widget says when its `region` is not a known pack or area.
pub const REGION_UNKNOWN: &str = "嵌入设置有误：没有找到所设的地区，请在第1步自己选择省份和地区。";

impl AppProps {
    /// `region` is `pack`, `pack/area-id` or `pack/city-id` (`shanxi/taiyuan`: the city as a whole).
    /// An area id is the same as in the JS API (`taiyuan/core-rural`); a city's id places the household
    /// in the city as a whole, with no district chosen.
    pub fn embedded(region: &str, hotline: bool) -> AppProps {
        let (pack, prefix) = region.split_once('/').unwrap_or((region, ""));
        let found = packs().iter().find(|p| p.id == pack).map(|p| {
            // An area id, or a city's id: the city as a whole then (its citywide figure, or its
            // districts' lowest and highest), never its first district.
            let known = p.areas.iter().any(|a| a.id == prefix || a.id.starts_with(&format!("{prefix}/")));
            (p.id.clone(), (!prefix.is_empty() && known).then(|| prefix.to_string()))
        });
        let region_unknown = match &found {
            _ if region.is_empty() => false,
            None => true,
            Some((_, None)) => !prefix.is_empty(),
            Some(_) => false,
        };
        AppProps {
            embedded: true,
            start: if hotline { Route::Hotline } else { Route::Start },
            region: found.map(|(pack, area)| (pack, area.unwrap_or_default())),
            region_unknown,
            ..AppProps::default()
        }
    }
}

/// Focuses the element with `id` inside `scope` (the app's own element: this also works inside a
/// shadow root, where `document.getElementById` cannot see).
#[cfg(target_arch = "wasm32")]
pub fn focus_in(scope: &web_sys::Element, id: &str) -> bool {
    use wasm_bindgen::JsCast;
    match scope
        .query_selector(&format!("#{id}"))
        .ok()
        .flatten()
        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
    {
        Some(el) => el.focus().is_ok(),
        None => false,
    }
}

/// Runs `then` once the next render has happened (a zero-delay timeout runs after Yew's render).
#[cfg(target_arch = "wasm32")]
pub fn after_render(then: impl FnOnce() + 'static) {
    use wasm_bindgen::JsCast;
    let callback = wasm_bindgen::closure::Closure::once_into_js(then);
    let _ = gloo::utils::window().set_timeout_with_callback_and_timeout_and_arguments_0(callback.unchecked_ref(), 0);
}

/// Focuses the last element in `scope` matching `selector` once the next render has put it there.
#[cfg(target_arch = "wasm32")]
pub fn focus_last_later(scope: &web_sys::Element, selector: &str) {
    use wasm_bindgen::JsCast;
    let scope = scope.clone();
    let selector = selector.to_string();
    after_render(move || {
        let Ok(all) = scope.query_selector_all(&selector) else { return };
        if let Some(el) =
            all.item(all.length().saturating_sub(1)).and_then(|n| n.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = el.focus();
        }
    });
}

/// Focuses, once the next render is drawn, the first element in `scope` matching one of `selectors`
/// in turn: after a deletion, the next card's first field, else the 添加 button.
#[cfg(target_arch = "wasm32")]
pub fn focus_first_later(scope: &web_sys::Element, selectors: Vec<String>) {
    use wasm_bindgen::JsCast;
    let scope = scope.clone();
    after_render(move || {
        if let Some(el) = selectors
            .iter()
            .find_map(|s| scope.query_selector(s).ok().flatten())
            .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = el.focus();
        }
    });
}

/// The app's own element around an event's target.
#[cfg(target_arch = "wasm32")]
pub fn app_scope(event: &web_sys::Event) -> Option<web_sys::Element> {
    use wasm_bindgen::JsCast;
    event.target()?.dyn_into::<web_sys::Element>().ok()?.closest(".app").ok().flatten()
}

/// Asks before the page is left (reloaded, closed, navigated away) while `active`: the answers are
/// kept nowhere, so leaving loses them. The browser shows its own wording; a page cannot set it.
#[hook]
fn use_leave_warning(active: bool) {
    use_effect_with(active, |active| {
        #[cfg(target_arch = "wasm32")]
        let listener = active.then(|| {
            use gloo::events::{EventListener, EventListenerOptions};
            EventListener::new_with_options(
                &gloo::utils::window(),
                "beforeunload",
                EventListenerOptions::enable_prevent_default(),
                |event| {
                    event.prevent_default();
                    // Older browsers ask only when `returnValue` is set.
                    let _ = js_sys::Reflect::set(event, &"returnValue".into(), &true.into());
                },
            )
        });
        #[cfg(not(target_arch = "wasm32"))]
        let _ = active;
        move || {
            #[cfg(target_arch = "wasm32")]
            drop(listener);
        }
    });
}

#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    let (region, area_kind) = (props.region.clone(), props.area_kind);
    let store = use_reducer(move || {
        let mut state = State::default();
        if let Some((pack, area)) = region {
            // A city's id alone is the city with no district chosen.
            let is_area = packs().iter().any(|p| p.id == pack && p.area(&area).is_some());
            state.answers.place.pack = pack;
            state.answers.place.city = state::city_of(&area).to_string();
            state.answers.place.area = if is_area { area } else { String::new() };
        }
        if let Some(kind) = area_kind {
            state.answers.place.area_kind = kind;
        }
        state.preset_place = Some(state.answers.place.clone());
        state
    });
    let assessed = use_memo(store.answers.clone(), |answers| Assessed(Rc::new(assess_answers(answers))));
    let problems =
        use_memo(((*assessed).clone(), store.report_missing, store.typing), |(assessed, reported, typing)| {
            let mut problems = match assessed.0.as_ref() {
                Err(NotAssessed::Problems(problems)) => problems.clone(),
                _ => Vec::new(),
            };
            // The field being typed in is judged when the user leaves it; a blank one once they ask to go on.
            problems.retain(|p| Some(p.field) != *typing && (!p.missing || reported.covers(p.step())));
            Problems(Rc::new(problems))
        });
    // An embedded widget leaves the window to its host: the host page decides what leaving means.
    use_leave_warning(!props.embedded && store.answers.has_household_answers());
    let large = store.large_text;
    let navigator = use_router(props.embedded, props.start);
    // The host hears of each completed assessment the user sees, once; never of the answers.
    let shown = matches!(navigator.current, Route::Results | Route::Hotline);
    use_effect_with(((*assessed).clone(), shown, props.on_result.clone()), |(assessed, shown, on_result)| {
        if let (true, Some(on_result), Ok(_)) = (*shown, on_result, assessed.0.as_ref()) {
            on_result.emit(assessed.0.clone());
        }
    });
    let body = html! {
        <div class={classes!("app", large.then_some("large"), props.embedded.then_some("embedded"))} lang="zh-CN">
            <SiteHeader {large} dispatch={store.dispatcher()} />
            <main id="main-content" tabindex="-1">
                if props.region_unknown {
                    <p class="warning" role="alert">{ REGION_UNKNOWN }</p>
                }
                { switch(navigator.current, &navigator) }
            </main>
            { site_footer() }
        </div>
    };
    html! {
        <ContextProvider<Store> context={store.clone()}>
        <ContextProvider<Problems> context={(*problems).clone()}>
        <ContextProvider<Assessed> context={(*assessed).clone()}>
        <ContextProvider<Navigator> context={navigator}>
            { body }
        </ContextProvider<Navigator>>
        </ContextProvider<Assessed>>
        </ContextProvider<Problems>>
        </ContextProvider<Store>>
    }
}

#[derive(Properties, PartialEq)]
struct SiteHeaderProps {
    large: bool,
    dispatch: Dispatch,
}

/// The skip link and the header: their own component, so a keystroke (which re-renders `App`, the
/// owner of the answers) does not rebuild them.
#[function_component(SiteHeader)]
fn site_header(props: &SiteHeaderProps) -> Html {
    let toggle = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.dispatch(Action::ToggleLargeText))
    };
    html! {
        <>
            <a class="skip-link" href="#main-content" onclick={skip_to_main()}>{ "跳到正文" }</a>
            <header class="site-header">
                <span class="site-name">{ "低收入人口救助自我评估" }</span>
                <button type="button" class="toggle" aria-pressed={if props.large { "true" } else { "false" }} onclick={toggle}>
                    { "大字、高对比" }
                </button>
            </header>
        </>
    }
}

fn site_footer() -> Html {
    html! { <footer class="site-footer"><p>{ "您填写的信息只在本设备上计算，不发送、不保存。" }</p></footer> }
}

fn skip_to_main() -> Callback<MouseEvent> {
    Callback::from(|e: MouseEvent| {
        e.prevent_default();
        #[cfg(target_arch = "wasm32")]
        if let Some(scope) = app_scope(&e) {
            focus_in(&scope, "main-content");
        }
    })
}

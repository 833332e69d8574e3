//! The resident's page (Yew): a hash-routed flow over the engine, with every answer kept in memory
//! only. Nothing is sent and nothing is stored: there is no fetch, no cookie and no storage call
//! anywhere in the page.
//!
//! - `state.rs`: the answers and the reducer; `choices.rs`: the options offered.
//! - `fields.rs`: form controls; `pages.rs`: the steps; `results.rs`: the result page.

pub mod choices;
pub mod fields;
pub mod hotline;
pub mod pages;
pub mod results;
pub mod state;

use std::rc::Rc;
use std::sync::OnceLock;

use yew::prelude::*;
use yew_router::prelude::*;

use crate::engine::policy::{builtin, PolicyPack};
use crate::engine::{assess, Day};
use pages::{ErrorSummary, HouseholdPage, MoneyPage, PlacePage, ReviewPage, StartPage, StepPage};
use results::ResultsView;
use state::{Action, Problem, State};

/// The page's store: the reducer handle every component reads and dispatches to.
pub type Store = UseReducerHandle<State>;

/// The problems with the current answers, computed once per change.
#[derive(Clone, PartialEq)]
pub struct Problems(pub Rc<Vec<Problem>>);

#[derive(Clone, Routable, PartialEq, Debug)]
pub enum Route {
    #[at("/")]
    Start,
    #[at("/place")]
    Place,
    #[at("/household")]
    Household,
    #[at("/money")]
    Money,
    #[at("/review")]
    Review,
    #[at("/results")]
    Results,
    /// The 12345 operator's one-screen mode.
    #[at("/hotline")]
    Hotline,
    #[not_found]
    #[at("/404")]
    NotFound,
}

/// The built-in policy packs, parsed once. They are compiled in, so no request is made for them.
pub fn packs() -> &'static [PolicyPack] {
    static PACKS: OnceLock<Vec<PolicyPack>> = OnceLock::new();
    PACKS.get_or_init(|| builtin::IDS.iter().filter_map(|id| builtin::load(id).and_then(Result::ok)).collect())
}

/// Today, from the device's clock (local time); the engine itself never reads a clock.
pub fn today() -> Day {
    #[cfg(target_arch = "wasm32")]
    {
        let now = js_sys::Date::new_0();
        let (y, m, d) = (now.get_full_year() as i32, now.get_month() as u8 + 1, now.get_date() as u8);
        if let Some(day) = Day::from_ymd(y, m, d) {
            return day;
        }
    }
    Day::from(time::OffsetDateTime::now_utc().date())
}

/// Marks that the user has asked to go on, so unanswered questions are reported from now on.
#[hook]
pub fn use_reached_review(store: &Store) {
    let store = store.clone();
    use_effect_with((), move |_| store.dispatch(Action::ReachedReview));
}

/// The assessment of the current answers, recomputed only when they change; `None` while an
/// answer needs fixing.
#[hook]
pub fn use_assessment(store: &Store) -> Rc<Option<crate::engine::Assessment>> {
    use_memo(store.answers.clone(), |answers| {
        answers.to_household().ok().and_then(|household| {
            let pack = packs().iter().find(|p| Some(&p.id) == household.place.pack.as_ref())?;
            assess(&household, pack, today()).ok()
        })
    })
}

#[function_component(ResultsPage)]
fn results_page() -> Html {
    let (Some(store), Some(problems)) = (use_context::<Store>(), use_context::<Problems>()) else { return html! {} };
    use_reached_review(&store);
    let outcome = use_assessment(&store);
    let restart = {
        let store = store.clone();
        Callback::from(move |_: MouseEvent| store.dispatch(Action::Reset))
    };
    let print = Callback::from(|_: MouseEvent| {
        #[cfg(target_arch = "wasm32")]
        let _ = gloo::utils::window().print();
    });
    html! {
        <StepPage route={Route::Results}>
            if !problems.0.is_empty() {
                <p>{ "有些回答需要先修改，才能计算结果：" }</p>
                <ErrorSummary problems={problems.0.as_ref().clone()} />
            } else if let Some(assessment) = outcome.as_ref() {
                <ResultsView assessment={assessment.clone()} />
                <div class="actions no-print">
                    <button type="button" class="button secondary" onclick={print}>{ "打印或保存（不含姓名）" }</button>
                    <Link<Route> to={Route::Start} classes="button secondary">
                        <span onclick={restart}>{ "清除所有回答，重新开始" }</span>
                    </Link<Route>>
                </div>
            }
        </StepPage>
    }
}

fn switch(route: Route) -> Html {
    match route {
        Route::Start => html! { <StartPage /> },
        Route::Place => html! { <PlacePage /> },
        Route::Household => html! { <HouseholdPage /> },
        Route::Money => html! { <MoneyPage /> },
        Route::Review => html! { <ReviewPage /> },
        Route::Results => html! { <ResultsPage /> },
        Route::Hotline => html! { <hotline::HotlinePage /> },
        Route::NotFound => {
            html! { <><h1>{ "找不到这个页面" }</h1><Link<Route> to={Route::Start}>{ "回到开始" }</Link<Route>></> }
        }
    }
}

#[function_component(App)]
pub fn app() -> Html {
    let store = use_reducer(State::default);
    let problems = {
        let answers = store.answers.clone();
        let report_missing = store.report_missing;
        use_memo((answers, report_missing), |(answers, report_missing)| {
            let mut problems = answers.to_household().err().unwrap_or_default();
            problems.retain(|p| *report_missing || !p.missing);
            Problems(Rc::new(problems))
        })
    };
    let toggle = {
        let store = store.clone();
        Callback::from(move |_: MouseEvent| store.dispatch(Action::ToggleLargeText))
    };
    let large = store.large_text;
    html! {
        <ContextProvider<Store> context={store.clone()}>
        <ContextProvider<Problems> context={(*problems).clone()}>
            <HashRouter>
                <div class={classes!("app", large.then_some("large"))}>
                    <a class="skip-link" href="#main-content" onclick={skip_to_main()}>{ "跳到正文" }</a>
                    <header class="site-header">
                        <span class="site-name">{ "低收入人口救助自我评估" }</span>
                        <button type="button" class="toggle" aria-pressed={if large { "true" } else { "false" }} onclick={toggle}>
                            { "大字、高对比" }
                        </button>
                    </header>
                    <main id="main-content" tabindex="-1">
                        <Switch<Route> render={switch} />
                    </main>
                    <footer class="site-footer"><p>{ "您填写的信息只在本设备上计算，不发送、不保存。" }</p></footer>
                </div>
            </HashRouter>
        </ContextProvider<Problems>>
        </ContextProvider<Store>>
    }
}

fn skip_to_main() -> Callback<MouseEvent> {
    Callback::from(|e: MouseEvent| {
        e.prevent_default();
        #[cfg(target_arch = "wasm32")]
        if let Some(el) = gloo::utils::document().get_element_by_id("main-content") {
            use wasm_bindgen::JsCast;
            if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
                let _ = el.focus();
            }
        }
    })
}

/// Starts the page in the browser.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen(start)]
pub fn start() {
    if let Some(root) = gloo::utils::document().get_element_by_id("app") {
        yew::Renderer::<App>::with_root(root).render();
    }
}

//! 12345 operator mode (`#/hotline`): every question on one screen with the sentence to read to the
//! caller, the live result beside it, keyboard shortcuts, and a call record to paste into the
//! ticket. "新来电" wipes every answer; nothing is ever stored.
//!
//! Shortcuts (Alt, so they never collide with typing): Alt+A add a member, Alt+I add an income line,
//! Alt+Y switch the focused amount between 每月 and 每年, Alt+R jump to the result, Alt+N new call,
//! Alt+U undo the new call or the last deletion.
//!
//! One screen: the questions are a dense grid, and the sentence to read for the focused question is
//! shown beside the live result (every script inline on request), so the form stays short enough for
//! the result to stay in view.

use std::rc::Rc;

use yew::prelude::*;

#[cfg(target_arch = "wasm32")]
use super::field_id::{FieldId, IncomeQuestion, MemberQuestion, PlaceQuestion};
use super::pages::{money_section_for, MembersSection, PlaceSection};
use super::state::DestituteAges;
use super::state::{Action, Removal};
#[cfg(target_arch = "wasm32")]
use super::{after_render, focus_last_later};
use super::{use_assessment, Assessed, NotAssessed, Store};
use crate::call_record::call_record;
use crate::engine::money::Yuan;
use crate::engine::outcome::Status;

/// Listens for the Alt shortcuts on the hotline screen's own element (not the document: embedded in
/// a partner's page, the widget adds no global listener). The listener outlives renders, so it never
/// reads the (snapshot) state: it dispatches, and focuses the new field after the next render.
#[hook]
fn use_shortcuts(store: &Store, container: &NodeRef) {
    let store = store.clone();
    let container = container.clone();
    use_effect_with((), move |_| {
        #[cfg(target_arch = "wasm32")]
        let listener = container.cast::<web_sys::Element>().map(|scope| {
            use wasm_bindgen::JsCast;
            let target = scope.clone();
            // Not passive: the browser's own action for the key is suppressed (a passive listener
            // cannot, and Chromium logged an error on every shortcut).
            let options = gloo::events::EventListenerOptions::enable_prevent_default();
            gloo::events::EventListener::new_with_options(&target, "keydown", options, move |event| {
                let Some(event) = event.dyn_ref::<web_sys::KeyboardEvent>() else { return };
                if !event.alt_key() || event.ctrl_key() || event.meta_key() {
                    return;
                }
                let active = event
                    .target()
                    .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                    .map(|el| el.id())
                    .unwrap_or_default();
                let handled = match event.code().as_str() {
                    "KeyA" => {
                        store.dispatch(Action::AddMember);
                        focus_last_later(&scope, &format!("input{}", FieldId::of_any_member(MemberQuestion::Age)));
                        true
                    }
                    "KeyI" => {
                        store.dispatch(Action::AddIncome);
                        focus_last_later(&scope, &format!("input{}", FieldId::of_any_income(IncomeQuestion::Amount)));
                        true
                    }
                    "KeyY" => {
                        if let Ok(field) = active.parse::<FieldId>() {
                            store.dispatch(Action::TogglePeriod(field));
                        }
                        true
                    }
                    "KeyR" => super::focus_in(&scope, "hotline-result-title"),
                    "KeyN" => {
                        store.dispatch(Action::Reset);
                        focus_last_later(&scope, &format!("#{}", FieldId::Place(PlaceQuestion::Pack)));
                        true
                    }
                    "KeyU" => {
                        store.dispatch(Action::Undo);
                        true
                    }
                    _ => false,
                };
                if handled {
                    event.prevent_default();
                }
            })
        });
        #[cfg(not(target_arch = "wasm32"))]
        let _ = (store, container);
        move || {
            #[cfg(target_arch = "wasm32")]
            drop(listener);
        }
    });
}

/// The script for a focused control: the nearest `.say` line before it in the form (the questions a
/// script introduces follow it, follow-up questions included).
#[cfg(target_arch = "wasm32")]
fn script_before(control: &web_sys::Element) -> Option<String> {
    let mut node = control.clone();
    loop {
        let mut sibling = node.previous_element_sibling();
        while let Some(element) = sibling {
            if element.class_name().split(' ').any(|c| c == "say") {
                return element.text_content();
            }
            sibling = element.previous_element_sibling();
        }
        let parent = node.parent_element()?;
        if parent.tag_name() == "FORM" {
            return None;
        }
        node = parent;
    }
}

/// Focuses and selects the call record once the next render has written it.
#[cfg(target_arch = "wasm32")]
fn select_later(scope: &web_sys::Element) {
    use wasm_bindgen::JsCast;
    let scope = scope.clone();
    after_render(move || {
        if let Some(area) = scope
            .query_selector("#call-record")
            .ok()
            .flatten()
            .and_then(|el| el.dyn_into::<web_sys::HtmlTextAreaElement>().ok())
        {
            let _ = area.focus();
            area.select();
        }
    });
}

/// The title and the shortcut list: static, so their own component (never re-rendered per keystroke).
#[function_component(HotlineIntro)]
fn hotline_intro() -> Html {
    html! {
        <>
            <h1>{ "12345 热线坐席：社会救助快速评估" }</h1>
            <p class="shortcuts" id="shortcuts">
                { "快捷键：" }<kbd>{ "Alt+A" }</kbd>{ " 添加成员 · " }<kbd>{ "Alt+I" }</kbd>{ " 添加收入 · " }
                <kbd>{ "Alt+Y" }</kbd>{ " 当前金额切换每月/每年 · " }<kbd>{ "Alt+R" }</kbd>{ " 看结果 · " }
                <kbd>{ "Alt+N" }</kbd>{ " 新来电（清空）· " }<kbd>{ "Alt+U" }</kbd>{ " 撤销清空或删除" }
            </p>
        </>
    }
}

#[function_component(HotlinePage)]
pub fn hotline_page() -> Html {
    let container = use_node_ref();
    let Some(store) = use_context::<Store>() else { return html! {} };
    use_shortcuts(&store, &container);
    let assessment = use_assessment();
    let headline = assessment.as_ref().as_ref().ok().map(|a| a.headline());
    let pending: Vec<String> = match assessment.as_ref() {
        Ok(_) => Vec::new(),
        Err(NotAssessed::Problems(problems)) => {
            problems.iter().map(|p| format!("{}：{}", p.label(), p.message)).collect()
        }
        Err(NotAssessed::Failed(message)) => vec![message.clone()],
    };
    // The script for the focused question, shown beside the result; or every script inline.
    let script = use_state(|| None::<String>);
    let all_scripts = use_state(|| false);
    let on_focus = {
        let script = script.clone();
        Callback::from(move |event: FocusEvent| {
            #[cfg(target_arch = "wasm32")]
            {
                use wasm_bindgen::JsCast;
                if let Some(text) =
                    event.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()).and_then(|el| script_before(&el))
                {
                    script.set(Some(text));
                }
            }
            #[cfg(not(target_arch = "wasm32"))]
            let _ = (&event, &script);
        })
    };
    let (oninput, onfocusout) = super::fields::typing_handlers(&store.dispatcher());
    let toggle_scripts = {
        let all_scripts = all_scripts.clone();
        Callback::from(move |_: MouseEvent| all_scripts.set(!*all_scripts))
    };
    let undo = {
        let store = store.clone();
        Callback::from(move |_: MouseEvent| store.dispatch(Action::Undo))
    };
    let new_call = {
        let store = store.clone();
        let container = container.clone();
        Callback::from(move |_: MouseEvent| {
            store.dispatch(Action::Reset);
            #[cfg(target_arch = "wasm32")]
            if let Some(scope) = container.cast::<web_sys::Element>() {
                focus_last_later(&scope, &format!("#{}", FieldId::Place(PlaceQuestion::Pack)));
            }
            #[cfg(not(target_arch = "wasm32"))]
            let _ = &container;
        })
    };
    // The call record is written when the operator asks for it (at the end of the call), not on
    // every keystroke: rewriting a long textarea per keystroke was a fifth of the page's work per
    // edit. It is kept with the assessment it was written from and shown only while that is still
    // the current one, so any later change of the answers clears it and a stale record is never pasted.
    let record = use_state(|| None::<(Assessed, String)>);
    let shown_record = match &*record {
        Some((from, text)) if Rc::ptr_eq(&from.0, &assessment) => text.clone(),
        _ => String::new(),
    };
    let write_record = {
        let container = container.clone();
        let record = record.clone();
        let assessment = assessment.clone();
        Callback::from(move |_: MouseEvent| {
            let text = match assessment.as_ref() {
                Ok(a) => call_record(a),
                Err(_) => "还不能生成记录：请先回答“实时结果”中列出的问题。".to_string(),
            };
            record.set(Some((Assessed(assessment.clone()), text)));
            #[cfg(target_arch = "wasm32")]
            if let Some(scope) = container.cast::<web_sys::Element>() {
                select_later(&scope);
            }
            #[cfg(not(target_arch = "wasm32"))]
            let _ = &container;
        })
    };
    html! {
        <div class="hotline" ref={container}>
            <HotlineIntro />
            <div class="hotline-grid">
                <form class={classes!("hotline-form", all_scripts.then_some("scripts-shown"))} novalidate=true
                    onfocusin={on_focus} {oninput} {onfocusout} onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
                    <h2>{ "地区" }</h2>
                    <PlaceSection scripted=true place={store.answers.place.clone()} dispatch={store.dispatcher()} />
                    <h2>{ "家庭成员" }</h2>
                    <MembersSection scripted=true members={store.answers.members.clone()} pack={store.answers.place.pack.clone()}
                        ages={DestituteAges::for_pack(&store.answers.place.pack)} removed={super::pages::removal_note(&store, false)} dispatch={store.dispatcher()} />
                    { money_section_for(&store, true) }
                </form>
                <section class="hotline-result" aria-labelledby="hotline-result-title">
                    if store.undo.as_ref().is_some_and(|u| u.removal == Removal::Reset) {
                        <p class="warning" role="status" id="hotline-undo">
                            { "已清空上一通电话的回答。" }
                            <button type="button" class="button secondary" onclick={undo} aria-keyshortcuts="Alt+U">{ "撤销清空（Alt+U）" }</button>
                        </p>
                    }
                    if let Some(note) = &store.opened {
                        <p class="warning" id="hotline-opened">{ note.clone() }</p>
                    }
                    <h2 id="hotline-result-title" tabindex="-1" aria-keyshortcuts="Alt+R">{ "实时结果" }</h2>
                    <div id="hotline-live" aria-live="polite">
                        if !pending.is_empty() {
                            <p>{ "还需要：" }</p>
                            <ul>{ for pending.iter().map(|p| html! { <li>{ p.clone() }</li> }) }</ul>
                        } else if let (Ok(a), Some(headline)) = (assessment.as_ref(), &headline) {
                            <p id="hotline-best" class="lead">{ headline.answer.clone() }</p>
                            if let Some(intro) = headline.by_standard_intro {
                                <p>{ intro }</p>
                                <ul id="hotline-by-standard">
                                    { for headline.by_standard.iter().map(|l| html! { <li>{ l.clone() }</li> }) }
                                </ul>
                            }
                            <p id="hotline-figures">
                                { format!("{}人，人均每月{}元", a.household.members, Yuan(a.household.per_capita_monthly_income)) }
                                { a.standard.as_ref().map(|s| format!("；低保标准{}元/人/月", Yuan(s.monthly))).unwrap_or_else(|| "；低保标准未知".to_string()) }
                            </p>
                            // With a ladder, its lines already say which category holds where.
                            if headline.by_standard.is_empty() {
                                <ul class="hotline-statuses">
                                    { for a.results.iter().filter(|r| r.status <= Status::NeedsLocalCheck).map(|r| html! {
                                        <li>{ format!("{}：{}", r.name, r.status_label()) }</li>
                                    }) }
                                </ul>
                            }
                        }
                    </div>
                    // A caller's code (a link read out, or a printout scanned) fills the grid; below the
                    // answer, which a narrow window's panel shows first.
                    <super::keep::PasteCode />
                    if let Some(line) = &*script { <p class="say" id="hotline-script">{ line.clone() }</p> }
                    <button type="button" class="toggle" aria-pressed={if *all_scripts { "true" } else { "false" }} onclick={toggle_scripts}>
                        { "在问题旁显示全部话术" }
                    </button>
                    <h3><label for="call-record">{ "通话记录（不含姓名、身份证号、电话）" }</label></h3>
                    <textarea id="call-record" readonly=true rows="14" value={shown_record}
                        placeholder="通话结束时按“生成并选中记录”" />
                    <div class="actions">
                        <button type="button" class="button" onclick={write_record}>{ "生成并选中记录（再按 Ctrl+C 复制）" }</button>
                        <button type="button" class="button secondary" onclick={new_call} aria-keyshortcuts="Alt+N">{ "新来电（清空，可撤销）" }</button>
                    </div>
                </section>
            </div>
        </div>
    }
}

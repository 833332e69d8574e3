//! Form controls, each with its label, optional hint and its error beside it. Money fields are text
//! with `inputmode="decimal"` (never `type=number`, which refuses 3千 and 1.2万), each with a
//! 每月/每年 choice so the unit is always stated.

use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use super::field_id::FieldId;
use super::state::{Action, MoneyAnswer};
use super::Dispatch;

/// A form's handlers for judging a text field when the user leaves it, not at every key: typing in
/// one marks it as being typed in (its problem waits), and leaving it ends that. "2千" is then not
/// an error on the way to "2千5". One pair on the form (the events bubble), not one per field.
pub fn typing_handlers(dispatch: &Dispatch) -> (Callback<InputEvent>, Callback<FocusEvent>) {
    let on_input = {
        let dispatch = dispatch.clone();
        Callback::from(move |e: InputEvent| {
            let Some(input) = e.target_dyn_into::<HtmlInputElement>() else { return };
            if input.type_() == "text" {
                if let Ok(field) = input.id().parse::<FieldId>() {
                    dispatch.dispatch(Action::Typing(Some(field)));
                }
            }
        })
    };
    let dispatch = dispatch.clone();
    let on_leave = Callback::from(move |_: FocusEvent| dispatch.dispatch(Action::Typing(None)));
    (on_input, on_leave)
}

use crate::engine::money::Period;

fn described_by(id: &str, hint: bool, error: bool) -> Option<AttrValue> {
    let mut ids = Vec::new();
    if hint {
        ids.push(format!("{id}-hint"));
    }
    if error {
        ids.push(format!("{id}-error"));
    }
    (!ids.is_empty()).then(|| AttrValue::from(ids.join(" ")))
}

fn hint_and_error(id: &str, hint: &Option<AttrValue>, error: &Option<String>) -> Html {
    html! {
        <>
            if let Some(hint) = hint {
                <p class="hint" id={format!("{id}-hint")}>{ hint.clone() }</p>
            }
            if let Some(error) = error {
                <p class="error-message" id={format!("{id}-error")}>
                    <span class="visually-hidden">{ "错误：" }</span>{ error.clone() }
                </p>
            }
        </>
    }
}

#[derive(Properties, PartialEq)]
pub struct TextFieldProps {
    pub id: FieldId,
    pub label: AttrValue,
    #[prop_or_default]
    pub hint: Option<AttrValue>,
    pub value: AttrValue,
    #[prop_or_default]
    pub error: Option<String>,
    #[prop_or(AttrValue::Static("numeric"))]
    pub inputmode: AttrValue,
    #[prop_or(AttrValue::Static("input-short"))]
    pub class: AttrValue,
    pub onchange: Callback<String>,
}

/// The most characters a number field takes: as many as the money reader looks at, far more than any
/// amount, age or count needs, so a pasted page of digits cannot widen the review or the printout.
const MAX_TYPED: &str = "32";

#[function_component(TextField)]
pub fn text_field(props: &TextFieldProps) -> Html {
    let onchange = props.onchange.clone();
    let oninput = Callback::from(move |e: InputEvent| {
        let input: HtmlInputElement = e.target_unchecked_into();
        onchange.emit(input.value());
    });
    let id = props.id.to_string();
    html! {
        <div class={classes!("field", props.error.is_some().then_some("field-error"))}>
            <label for={id.clone()}>{ props.label.clone() }</label>
            { hint_and_error(&id, &props.hint, &props.error) }
            <input type="text" id={id.clone()} name={id.clone()} class={props.class.clone()}
                inputmode={props.inputmode.clone()} autocomplete="off" spellcheck="false" maxlength={MAX_TYPED}
                value={props.value.clone()}
                aria-invalid={props.error.is_some().then_some("true")}
                aria-describedby={described_by(&id, props.hint.is_some(), props.error.is_some())}
                {oninput} />
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct MoneyFieldProps {
    pub id: FieldId,
    /// The question; "（元）" is added.
    pub label: AttrValue,
    #[prop_or_default]
    pub hint: Option<AttrValue>,
    pub answer: MoneyAnswer,
    #[prop_or_default]
    pub error: Option<String>,
    pub onchange: Callback<MoneyAnswer>,
}

#[function_component(MoneyField)]
pub fn money_field(props: &MoneyFieldProps) -> Html {
    let id = props.id.to_string();
    let oninput = {
        let onchange = props.onchange.clone();
        let answer = props.answer.clone();
        Callback::from(move |e: InputEvent| {
            let input: HtmlInputElement = e.target_unchecked_into();
            // A new amount is asked about again.
            onchange.emit(MoneyAnswer { text: input.value(), per: answer.per, confirmed: false });
        })
    };
    let on_period = {
        let onchange = props.onchange.clone();
        let answer = props.answer.clone();
        Callback::from(move |e: Event| {
            let select: HtmlSelectElement = e.target_unchecked_into();
            let per = if select.value() == "month" { Period::Month } else { Period::Year };
            onchange.emit(MoneyAnswer { per, ..answer.clone() });
        })
    };
    let period_id = format!("{id}-per");
    let monthly = props.answer.per == Period::Month;
    // Confirmed with the answer (so it is saved and reopened with it); a different amount asks again.
    let large = crate::input::large_monthly(&props.answer.text, monthly).filter(|_| !props.answer.confirmed);
    let confirm = {
        let onchange = props.onchange.clone();
        let answer = props.answer.clone();
        Callback::from(move |_: MouseEvent| onchange.emit(MoneyAnswer { confirmed: true, ..answer.clone() }))
    };
    html! {
        <div class={classes!("field", "money", props.error.is_some().then_some("field-error"))}>
            <label for={id.clone()}>{ format!("{}（元）", props.label) }</label>
            { hint_and_error(&id, &props.hint, &props.error) }
            <div class="money-row">
                <input type="text" id={id.clone()} name={id.clone()} class="input-money"
                    inputmode="decimal" autocomplete="off" spellcheck="false" maxlength={MAX_TYPED}
                    value={props.answer.text.clone()}
                    aria-invalid={props.error.is_some().then_some("true")}
                    aria-describedby={described_by(&id, props.hint.is_some(), props.error.is_some())}
                    {oninput} />
                <label class="visually-hidden" for={period_id.clone()}>{ format!("{}按月还是按年", props.label) }</label>
                <select id={period_id} onchange={on_period}>
                    <option value="month" selected={monthly}>{ "每月" }</option>
                    <option value="year" selected={!monthly}>{ "每年（近12个月合计）" }</option>
                </select>
            </div>
            <div aria-live="polite">
                if let Some(amount) = large {
                    <p class="warning" id={format!("{id}-large")}>
                        { format!("每月{}元？如果这是一年的合计，请把“每月”改成“每年”。", crate::engine::money::Yuan(amount.amount())) }
                        <button type="button" class="button secondary" onclick={confirm}>{ "是的，每月这么多" }</button>
                    </p>
                }
            </div>
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct SelectFieldProps {
    pub id: FieldId,
    pub label: AttrValue,
    #[prop_or_default]
    pub hint: Option<AttrValue>,
    /// (value, label)
    pub options: Vec<(AttrValue, AttrValue)>,
    pub value: AttrValue,
    #[prop_or_default]
    pub error: Option<String>,
    pub onchange: Callback<String>,
}

#[function_component(SelectField)]
pub fn select_field(props: &SelectFieldProps) -> Html {
    let onchange = {
        let onchange = props.onchange.clone();
        Callback::from(move |e: Event| {
            let select: HtmlSelectElement = e.target_unchecked_into();
            onchange.emit(select.value());
        })
    };
    let id = props.id.to_string();
    html! {
        <div class={classes!("field", props.error.is_some().then_some("field-error"))}>
            <label for={id.clone()}>{ props.label.clone() }</label>
            { hint_and_error(&id, &props.hint, &props.error) }
            <select id={id.clone()} name={id.clone()}
                aria-invalid={props.error.is_some().then_some("true")}
                aria-describedby={described_by(&id, props.hint.is_some(), props.error.is_some())} {onchange}>
                { for props.options.iter().map(|(value, label)| html! {
                    <option value={value.clone()} selected={*value == props.value}>{ label.clone() }</option>
                }) }
            </select>
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct CheckboxProps {
    pub id: FieldId,
    pub label: AttrValue,
    pub checked: bool,
    #[prop_or_default]
    pub error: Option<String>,
    pub onchange: Callback<bool>,
}

#[function_component(Checkbox)]
pub fn checkbox(props: &CheckboxProps) -> Html {
    let onchange = {
        let onchange = props.onchange.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            onchange.emit(input.checked());
        })
    };
    let id = props.id.to_string();
    html! {
        <div class={classes!("checkbox", props.error.is_some().then_some("field-error"))}>
            { hint_and_error(&id, &None, &props.error) }
            <input type="checkbox" id={id.clone()} name={id.clone()} checked={props.checked}
                aria-invalid={props.error.is_some().then_some("true")}
                aria-describedby={described_by(&id, false, props.error.is_some())} {onchange} />
            <label for={id}>{ props.label.clone() }</label>
        </div>
    }
}

/// A yes/no question as a fieldset of two radios, neither selected until the user answers: for
/// follow-up questions whose answer opens or closes a category, where a ticked default would be an
/// answer the user never gave. `id` is the 是 radio's (the error summary links to it); 否 is
/// `{id}-no`. A plain function rather than a component: it is drawn inside its member's card, which
/// re-renders with it anyway, and each component costs the page's first load.
pub fn yes_no(
    field: FieldId,
    legend: &'static str,
    value: Option<bool>,
    error: Option<String>,
    onchange: Callback<bool>,
) -> Html {
    let id = &field.to_string();
    let radio = |answer: bool, radio_id: String, label: &'static str| {
        let onchange = onchange.clone();
        let onchange = Callback::from(move |_: Event| onchange.emit(answer));
        html! {
            <div class="radio">
                <input type="radio" id={radio_id.clone()} name={id.to_string()} value={if answer { "yes" } else { "no" }}
                    checked={value == Some(answer)} {onchange} />
                <label for={radio_id}>{ label }</label>
            </div>
        }
    };
    html! {
        <fieldset class={classes!("field", "yes-no", error.is_some().then_some("field-error"))}
            aria-describedby={described_by(id, false, error.is_some())}>
            <legend>{ legend }</legend>
            { hint_and_error(id, &None, &error) }
            <div class="radios-inline">
                { radio(true, id.to_string(), "是") }
                { radio(false, format!("{id}-no"), "否") }
            </div>
        </fieldset>
    }
}

//! The results: best category first, each with its reasons (checks with numbers and citations),
//! the special assistance it opens, how to apply, and a chart of where the household's per-capita
//! income stands on the ladder of thresholds. Printable (the page has no names to hide).

use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use yew::prelude::*;

use crate::engine::assessment::Assessment;
use crate::engine::money::Yuan;
use crate::engine::outcome::{CategoryResult, Figure, LocalRule, Outcome, Status};

#[derive(Properties, PartialEq)]
pub struct ResultsProps {
    pub assessment: Assessment,
}

fn status_class(status: Status) -> &'static str {
    match status {
        Status::Likely => "status likely",
        Status::NeedsLocalCheck => "status local",
        Status::Unlikely => "status unlikely",
        Status::NotApplicable => "status na",
    }
}

fn figure(f: &Option<Figure>) -> String {
    f.as_ref().map(Figure::describe).unwrap_or_default()
}

#[function_component(ResultsView)]
pub fn results_view(props: &ResultsProps) -> Html {
    let a = &props.assessment;
    let (open, closed): (Vec<&CategoryResult>, Vec<&CategoryResult>) =
        a.results.iter().partition(|r| r.status <= Status::NeedsLocalCheck);
    let (unlikely, not_applicable): (Vec<&CategoryResult>, Vec<&CategoryResult>) =
        closed.into_iter().partition(|r| r.status == Status::Unlikely);
    html! {
        <>
            <div class="panel result-banner" role="status">
                if let Some(best) = &a.best {
                    <p class="lead">{ "您家最可能符合：" }<strong>{ best.name.clone() }</strong></p>
                    <p><span class={status_class(best.status)}>{ best.status_label.clone() }</span></p>
                } else if a.standard.is_none() {
                    <p class="lead">{ "还不知道当地低保标准，与收入有关的类别暂时无法判断。" }</p>
                    <p>{ LocalRule::Standard.what_to_ask() }</p>
                } else {
                    <p class="lead">{ "根据您填写的信息，暂未发现可能符合的类别。" }</p>
                    <p>{ "情况特殊、或者收入刚刚变化的，仍可以向乡镇（街道）咨询。" }</p>
                }
            </div>
            <p class="hint">{ a.disclaimer }</p>
            <p>
                { "所用低保标准：" }
                { a.standard.as_ref().map(|s| s.describe()).unwrap_or_else(|| "没有（请在第1步填写）".to_string()) }
            </p>
            { for a.warnings.iter().map(|w| html! { <p class="warning">{ w.clone() }</p> }) }
            <Ladder assessment={a.clone()} />

            <h2>{ "可能符合的类别" }</h2>
            if open.is_empty() { <p>{ "没有。" }</p> }
            { for open.iter().map(|r| result_card(r)) }

            if !unlikely.is_empty() {
                <h2>{ "不太可能符合的类别" }</h2>
                { for unlikely.iter().map(|r| result_card(r)) }
            }
            if !not_applicable.is_empty() {
                <details class="not-applicable">
                    <summary>{ format!("不适用的类别（{}项）", not_applicable.len()) }</summary>
                    <ul>{ for not_applicable.iter().map(|r| html! { <li>{ r.summary() }</li> }) }</ul>
                </details>
            }
            <HowToApply assessment={a.clone()} />
        </>
    }
}

fn result_card(r: &CategoryResult) -> Html {
    html! {
        <section class="result-card" aria-label={r.name.to_string()}>
            <h3>{ r.name.to_string() }</h3>
            <p><span class={status_class(r.status)}>{ r.status_label() }</span></p>
            <p>{ r.summary() }</p>
            <details open={r.status <= Status::NeedsLocalCheck}>
                <summary>{ "为什么：逐条条件" }</summary>
                <table class="checks">
                    <caption class="visually-hidden">{ format!("{}的条件", r.name) }</caption>
                    <thead><tr><th scope="col">{ "条件" }</th><th scope="col">{ "您家" }</th><th scope="col">{ "门槛" }</th><th scope="col">{ "结果" }</th></tr></thead>
                    <tbody>
                        { for r.checks.iter().map(|c| html! {
                            <tr class={match c.outcome { Outcome::Pass => "pass", Outcome::Fail => "fail", Outcome::Unknown => "unknown" }}>
                                <th scope="row">
                                    { c.label.to_string() }
                                    <p class="explanation">{ c.explanation.to_string() }</p>
                                    <p class="citation">{ format!("依据：{}", c.citation) }</p>
                                </th>
                                <td>{ figure(&c.figure) }</td>
                                <td>{ c.comparison.map(|x| format!("{} {}", x.symbol(), figure(&c.threshold))).unwrap_or_default() }</td>
                                <td>{ c.outcome.label() }</td>
                            </tr>
                        }) }
                    </tbody>
                </table>
            </details>
            if !r.notes.is_empty() {
                <ul class="notes">{ for r.notes.iter().map(|n| html! { <li>{ n.to_string() }</li> }) }</ul>
            }
            if !r.special_assistance.is_empty() {
                <h4>{ "还可以享受的专项救助" }</h4>
                <ul class="assistance">
                    { for r.special_assistance.iter().map(|s| html! {
                        <li><strong>{ s.name }</strong>{ "：" }{ s.detail }<span class="citation">{ format!("（{}）", s.citation) }</span></li>
                    }) }
                </ul>
            }
        </section>
    }
}

/// Where the household's per-capita monthly income stands among the thresholds: one bar per row,
/// the household's first, so labels never overlap on a narrow phone.
#[function_component(Ladder)]
pub fn ladder(props: &ResultsProps) -> Html {
    let a = &props.assessment;
    if a.ladder.is_empty() {
        return html! {};
    }
    let household = a.household.per_capita_monthly_income;
    let top = a.ladder.iter().map(|r| r.monthly).chain(std::iter::once(household)).max().unwrap_or(Decimal::ONE);
    // Bar lengths in tenths of a unit (2.0 to 300.0), in decimal arithmetic: formatting a float
    // would add 11 KB of code to the page for one chart.
    let top = top.max(Decimal::ONE);
    let width = |v: Decimal| -> String {
        let tenths = v
            .checked_mul(Decimal::from(3000))
            .and_then(|scaled| scaled.checked_div(top))
            .and_then(|tenths| tenths.round().to_u32())
            .unwrap_or(0)
            .clamp(20, 3000);
        format!("{}.{}", tenths / 10, tenths % 10)
    };
    let mut rows = vec![(format!("您家人均每月收入 {}元", Yuan(household)), household, true)];
    rows.extend(a.ladder.iter().map(|r| (format!("{} {}元", r.label, Yuan(r.monthly)), r.monthly, false)));
    let description = rows.iter().map(|(label, _, _)| label.clone()).collect::<Vec<_>>().join("；");
    let height = 40 * rows.len() + 4;
    html! {
        <figure class="ladder">
            <svg viewBox={format!("0 0 320 {height}")} role="img" aria-labelledby="ladder-title ladder-desc" focusable="false">
                <title id="ladder-title">{ "您家收入与各项标准（每人每月）" }</title>
                <desc id="ladder-desc">{ description.clone() }</desc>
                { for rows.iter().enumerate().map(|(i, (label, value, own))| {
                    let y = 40 * i;
                    html! {
                        <g class={if *own { "row household" } else { "row" }}>
                            <text x="0" y={(y + 14).to_string()}>{ label.clone() }</text>
                            <rect x="0" y={(y + 20).to_string()} width={width(*value)} height="14" />
                        </g>
                    }
                }) }
            </svg>
            <figcaption class="visually-hidden">{ description }</figcaption>
        </figure>
    }
}

#[function_component(HowToApply)]
fn how_to_apply(props: &ResultsProps) -> Html {
    let how = &props.assessment.how_to_apply;
    let guidance = |g: &crate::engine::apply::Guidance| {
        html! {
            <li>{ g.text.to_string() }
                if let Some(c) = &g.citation { <span class="citation">{ format!("（{}）", c) }</span> }
            </li>
        }
    };
    html! {
        <section class="how-to-apply" aria-labelledby="how-title">
            <h2 id="how-title">{ "怎样申请" }</h2>
            <h3>{ "到哪里申请" }</h3>
            <ul>{ for how.where_to_apply.iter().map(guidance) }</ul>
            if !how.documents.is_empty() {
                <h3>{ "需要准备的材料" }</h3>
                <p class="hint">{ format!("来源：{}", how.documents_source) }</p>
                <ul class="documents">
                    { for how.documents.iter().map(|d| html! { <li>{ "□ " }<strong>{ d.name }</strong>{ format!("——{}", d.reason) }</li> }) }
                </ul>
            }
            <h3>{ "办理时限" }</h3>
            <ul>{ for how.time_limits.iter().map(guidance) }</ul>
            <h3>{ "您的义务" }</h3>
            <ul>{ for how.duties.iter().map(guidance) }</ul>
        </section>
    }
}

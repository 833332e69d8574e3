//! The results: best category first, each with its reasons (checks with numbers and citations),
//! the special assistance it opens, how to apply, and a chart of where the household's per-capita
//! income stands on the ladder of thresholds. Printable (the page has no names to hide).

use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use yew::prelude::*;

use crate::engine::assessment::Assessment;
use crate::engine::by_standard::{LadderLine, StandardLadder};
use crate::engine::context::{NO_STANDARD_WARNING, RANGE_WARNING_START};
use crate::engine::money::Yuan;
use crate::engine::outcome::{CategoryResult, LocalRule, Outcome, Status};

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

#[function_component(ResultsView)]
pub fn results_view(props: &ResultsProps) -> Html {
    let navigator = use_context::<super::route::Navigator>();
    let a = &props.assessment;
    let stale = a.standard.as_ref().and_then(|s| s.stale_warning(a.as_of));
    let (open, closed): (Vec<&CategoryResult>, Vec<&CategoryResult>) =
        a.results.iter().partition(|r| r.status <= Status::NeedsLocalCheck);
    let (unlikely, not_applicable): (Vec<&CategoryResult>, Vec<&CategoryResult>) =
        closed.into_iter().partition(|r| r.status == Status::Unlikely);
    html! {
        <>
            // On paper the place comes first: whoever reads it at the office sees where it applies.
            <p class="print-only" id="print-area">{ format!("地区：{}；评估日期：{}；政策：{}", a.household.area, a.as_of, a.pack.name) }</p>
            <div class="panel result-banner" role="status">
                if !a.by_district.is_empty() {
                    <p class="lead">{ "还没有选区县，本市各区县的低保标准不同：" }</p>
                    <ul id="by-district">{ for a.by_district.iter().map(|d| html! { <li>{ d.sentence.clone() }</li> }) }</ul>
                    <p>{ "在第1步选了区县，就只按那里的标准。" }</p>
                }
                if let (None, Some(ladder)) = (&a.standard, &a.by_standard) {
                    <p class="lead">{ if !a.by_district.is_empty() { "按其他标准：" } else if ladder.depends_on_standard() { "还不知道当地现行的低保标准。按不同的标准，您家可能符合：" } else { "还不知道当地现行的低保标准，但您家的结果不随标准变化：" } }</p>
                    { by_standard(ladder, 2) }
                    <p>{ LocalRule::Standard.what_to_ask() }</p>
                } else if let Some(best) = &a.best {
                    <p class="lead">{ "您家最可能符合：" }<strong>{ best.name.clone() }</strong></p>
                    <p><span class={status_class(best.status)}>{ best.status_label.clone() }</span></p>
                } else if a.standard.is_none() {
                    <p class="lead">{ "还不知道当地低保标准，与收入有关的类别暂时无法确定。" }</p>
                    <p>{ LocalRule::Standard.what_to_ask() }</p>
                } else {
                    <p class="lead">{ match a.dated_words() {
                        Some(dated) => format!("{dated}，暂未发现可能符合的类别。"),
                        None => "根据您填写的信息，暂未发现可能符合的类别。".to_string(),
                    } }</p>
                    <p>{ "情况特殊、或者收入刚刚变化的，仍可以向乡镇（街道）咨询。" }</p>
                }
                if let (Some(old), Some(ladder)) = (&a.standard, &a.by_standard) {
                    <p>{ "若当地现行标准不同：" }</p>
                    // Unfolded down to the line of the old figure: the standards a current one may be.
                    { by_standard(ladder, ladder.lines.iter().position(|l| l.contains(old.monthly)).map_or(1, |i| i + 1)) }
                }
            </div>
            <NextStep assessment={a.clone()} />
            <p class="hint">{ a.disclaimer }</p>
            <p>{ format!("评估日期：{}；政策：{}", a.as_of, a.pack.name) }</p>
            <p>
                { "所用低保标准：" }
                { a.standard.as_ref().map(|s| s.describe()).unwrap_or_else(|| "没有".to_string()) }
                if a.standard.is_none() { <span class="no-print">{ "（请在第1步填写）" }</span> }
                if a.standard.is_none() || a.standard_is_old() {
                    { " " }{ super::pages::standards_link(navigator.as_ref(), "各地标准一览") }
                }
            </p>
            // The banner's answer at every standard already says what these two warnings say.
            { for a.warnings.iter().filter(|w| !(a.by_standard.is_some() && (w.as_str() == NO_STANDARD_WARNING || Some(w.as_str()) == stale.as_deref())))
                .filter(|w| a.by_district.is_empty() || !w.starts_with(RANGE_WARNING_START))
                .map(|w| html! { <p class="warning">{ w.clone() }</p> }) }
            // What follows is why: on screen folded, printed only with "打印全部依据".
            <div class="print-detail">
                <Ladder assessment={a.clone()} />
                // Without a standard the cards are the conditions behind the ladder, not a list of
                // alternatives that all "may" hold side by side.
                <h2>{ if a.standard.is_none() && a.by_standard.as_ref().is_some_and(|l| l.depends_on_standard()) { "各类别的条件（是否符合取决于当地低保标准，见上）" } else { "可能符合的类别" } }</h2>
                if open.is_empty() { <p>{ "没有。" }</p> }
                { for open.iter().map(result_card) }
                if !unlikely.is_empty() {
                    <details class="unlikely">
                        <summary><h2>{ format!("不太可能符合的类别（{}项）", unlikely.len()) }</h2></summary>
                        { for unlikely.iter().map(result_card) }
                    </details>
                }
                if !not_applicable.is_empty() {
                    <details class="not-applicable">
                        <summary>{ format!("不适用的类别（{}项）", not_applicable.len()) }</summary>
                        <ul>{ for not_applicable.iter().map(|r| html! { <li>{ r.summary() }</li> }) }</ul>
                    </details>
                }
            </div>
        </>
    }
}

/// The answer at every standard, highest first: "当地低保标准高于375元：很可能符合：低保". The top
/// `shown` lines are unfolded; the rest fold under "标准更低时". A plain function, not a component:
/// it has no state, and a component would copy the ladder into its props on every render.
fn by_standard(ladder: &StandardLadder, shown: usize) -> Html {
    let line = |line: &LadderLine| {
        html! {
            <li>
                <strong>{ line.range() }</strong>{ "：" }
                if line.leads.is_empty() {
                    { "各类别都不太可能符合" }
                } else {
                    { for line.groups().into_iter().enumerate().map(|(i, g)| html! {
                        <>
                            if i > 0 { { "；" } }
                            <span class={status_class(g.status)}>{ g.short_label().to_string() }</span>
                            { format!("：{}", g.names.join("、")) }
                        </>
                    }) }
                }
            </li>
        }
    };
    let (top, rest) = ladder.lines.split_at(shown.min(ladder.lines.len()));
    html! {
        <>
            <ul class="by-standard">{ for top.iter().map(line) }</ul>
            if !rest.is_empty() {
                <details class="by-standard-more">
                    <summary>{ format!("标准更低时（{}种情况）", rest.len()) }</summary>
                    <ul class="by-standard">{ for rest.iter().map(line) }</ul>
                </details>
            }
        </>
    }
}

/// One category: its status and summary first; the conditions and the help it opens folded below, each condition a card of its own so that a phone shows it
/// at full width instead of a four-column table squeezed to a few characters a line.
fn result_card(r: &&CategoryResult) -> Html {
    let summary = r.summary();
    html! {
        <section class="result-card" aria-label={r.name.to_string()}>
            <h3>{ r.name.to_string() }</h3>
            // The status, then why in a sentence (the heading already names the category: the
            // summary's own copy of the name is left out).
            <p><span class={status_class(r.status)}>{ r.status_label() }</span>{ " " }
                { summary.strip_prefix(&*r.name).and_then(|s| s.strip_prefix('：')).unwrap_or(&summary).to_string() }</p>
            <details>
                <summary>{ format!("为什么：逐条条件（{}条）", r.checks.len()) }</summary>
                <ol class="checks">
                    { for r.checks.iter().map(|c| html! {
                        <li class={match c.outcome { Outcome::Pass => "check pass", Outcome::Fail => "check fail", Outcome::Unknown => "check unknown" }}>
                            <p class="check-head"><strong>{ c.label.to_string() }</strong><span class="outcome">{ c.outcome_label() }</span></p>
                            if let Some(found) = &c.figure {
                                <p class="finding">
                                    { format!("实际 {}", found.describe()) }
                                    if let (Some(cmp), Some(limit)) = (c.comparison, &c.threshold) {
                                        { format!("，要求 {} {}", cmp.symbol(), limit.describe()) }
                                    }
                                </p>
                            }
                            <p class="explanation">{ c.explanation.to_string() }</p>
                            <p class="citation">{ format!("依据：{}", c.citation) }</p>
                        </li>
                    }) }
                </ol>
                if !r.notes.is_empty() {
                    <ul class="notes">{ for r.notes.iter().map(|n| html! { <li>{ n.to_string() }</li> }) }</ul>
                }
            </details>
            if !r.special_assistance.is_empty() {
                <details class="assistance">
                    <summary>{ format!("还可以享受的专项救助（{}项）", r.special_assistance.len()) }</summary>
                    <ul>
                        { for r.special_assistance.iter().map(|s| html! {
                            <li><strong>{ s.name }</strong>{ "：" }{ s.detail }<span class="citation">{ format!("（{}）", s.citation) }</span></li>
                        }) }
                    </ul>
                </details>
            }
        </section>
    }
}

/// Where the household's per-capita monthly income stands among the thresholds: one row each, the
/// household's first, the label as text (so it grows with 大字 and wraps on a phone) above a bar.
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
    html! {
        <figure class="ladder">
            <figcaption>{ "您家收入与各项标准（每人每月）" }</figcaption>
            <ul>
                { for rows.into_iter().map(|(label, value, own)| html! {
                    <li class={own.then_some("household")}>
                        { label }
                        <svg viewBox="0 0 300 14" preserveAspectRatio="none" aria-hidden="true" focusable="false">
                            <rect width={width(value)} height="14" />
                        </svg>
                    </li>
                }) }
            </ul>
        </figure>
    }
}

/// The next step, right under the answer: where to apply in a line or two, what to bring as a short
/// list, and the time limit; why each document is asked, the office's other time limits and the
/// household's duties fold below.
#[function_component(NextStep)]
fn next_step(props: &ResultsProps) -> Html {
    let how = &props.assessment.how_to_apply;
    let guidance = |g: &crate::engine::apply::Guidance| {
        html! {
            <li>{ g.text.to_string() }
                if let Some(c) = &g.citation { <span class="citation">{ format!("（{}）", c) }</span> }
            </li>
        }
    };
    let (where_first, where_more) = how.where_to_apply.split_at(how.where_to_apply.len().min(2));
    let (limit_first, limit_more) = how.time_limits.split_at(how.time_limits.len().min(1));
    html! {
        <section class="how-to-apply" aria-labelledby="how-title">
            <h2 id="how-title">{ "下一步：怎样申请" }</h2>
            <ul>{ for where_first.iter().map(guidance) }</ul>
            if !how.documents.is_empty() {
                <h3>{ "带上这些材料" }</h3>
                <ul class="documents">
                    { for how.documents.iter().map(|d| html! { <li>{ "□ " }{ d.name }</li> }) }
                </ul>
                <details class="print-detail">
                    <summary>{ "每样材料的用处" }</summary>
                    <p class="hint">{ format!("来源：{}", how.documents_source) }</p>
                    <ul>{ for how.documents.iter().map(|d| html! { <li><strong>{ d.name }</strong>{ format!("——{}", d.reason) }</li> }) }</ul>
                </details>
            }
            if !limit_first.is_empty() {
                <h3>{ "多久有结果" }</h3>
                <ul>{ for limit_first.iter().map(guidance) }</ul>
            }
            <details class="print-detail">
                <summary>{ "更多：其他办理方式、时限和您的义务" }</summary>
                <ul>{ for where_more.iter().chain(limit_more).map(guidance) }</ul>
                <h3>{ "您的义务" }</h3>
                <ul>{ for how.duties.iter().map(guidance) }</ul>
            </details>
        </section>
    }
}

//! `standards.html`: every city's 低保标准 in the built-in packs, on one static page written at build
//! time (`cargo xtask dist`). Operators are asked "我们这里低保标准是多少" all day and residents want
//! the number before they start; a static page answers both without adding a byte to the page's
//! first load (the wasm already holds the packs, but a table and its filter would not be free), and
//! it prints as it is. The same packs as the assessment, so the two never disagree; nothing is
//! fetched (the filter is `standards.js`, a few lines).

use std::fmt::Write as _;

use crate::engine::citation::Reliability;
use crate::engine::context::city_of;
use crate::engine::household::AreaKind;
use crate::engine::policy::{Area, Dated, PolicyPack};
use crate::engine::{money::Money, Day};

/// When the figures were last looked for: shown on the page. Update it with the packs
/// (docs/POLICY-DATA.md).
pub const FIGURES_LAST_CHECKED: &str = "2026-12-04";

/// How a figure's source reads to a resident.
fn reliability_words(reliability: Reliability) -> &'static str {
    match reliability {
        Reliability::LocalOfficial => "政府网站公布的原文",
        Reliability::Local => "报纸或网站转载，没有找到政府原文",
        Reliability::Supplied => "合作方提供",
        Reliability::National | Reliability::Seed => "政策文件",
    }
}

/// Text for HTML: the packs' text is validated (no angle brackets), escaped all the same.
fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// One figure in a cell: the value, its date, its source and whether it is old.
fn figure_cell(kind: AreaKind, dated: Option<&Dated<Money>>, citywide: bool, day: Day) -> String {
    // On a phone the table's columns stack: each cell then says which standard it holds.
    let kind = format!("<span class=\"kind\">{}：</span>", kind.label());
    // The same lookup as the assessment: a district without its own figure has the city's, and a
    // city without a citywide one has its districts'.
    let Some(d) = dated else {
        return format!("<td>{kind}{}</td>", if citywide { "各区县不同，见下" } else { "按全市标准" });
    };
    let per = if d.unit == crate::engine::policy::Unit::YuanPerYear { "年" } else { "月" };
    let old = if d.effective.months_until(day) >= 12 {
        "<br><span class=\"old\">已执行12个月以上，当地可能已调整</span>"
    } else {
        ""
    };
    let note = d.note.as_deref().map(|n| format!("<br><span class=\"note\">{}</span>", escape(n))).unwrap_or_default();
    format!(
        "<td>{kind}<strong>{}元/人/{per}</strong><br>{}起执行{old}<br><span class=\"source\">{}（{}）</span>{note}</td>",
        d.value,
        d.effective,
        escape(&d.source.document),
        reliability_words(d.source.reliability)
    )
}

fn area_row(area: &Area, day: Day) -> String {
    let figure = |kind: AreaKind| area.dibao_standard.get(kind).and_then(|p| p.in_force(day));
    let district = area.district.as_deref().unwrap_or("全市");
    let search = escape(&format!("{} {}", area.city, district));
    let cells = if area.dibao_standard.urban.is_none() && area.dibao_standard.rural.is_none() {
        let what = area.note.as_deref().unwrap_or("未找到公开的标准：请向乡镇（街道）、县级民政部门或12345询问。");
        format!("<td colspan=\"2\" class=\"missing\">{}</td>", escape(what))
    } else {
        format!(
            "{}{}",
            figure_cell(AreaKind::Urban, figure(AreaKind::Urban), area.district.is_none(), day),
            figure_cell(AreaKind::Rural, figure(AreaKind::Rural), area.district.is_none(), day)
        )
    };
    format!(
        "<tr data-search=\"{search}\"><th scope=\"row\">{}</th><td>{}</td>{cells}</tr>\n",
        escape(&area.city),
        escape(district)
    )
}

/// The whole page for the packs with areas, as in force on `day`.
pub fn html(packs: &[PolicyPack], day: Day) -> String {
    let provinces: Vec<&PolicyPack> = packs.iter().filter(|p| !p.areas.is_empty()).collect();
    let cities = |p: &PolicyPack| {
        let mut seen: Vec<&str> = Vec::new();
        for a in &p.areas {
            if !seen.contains(&city_of(&a.id)) {
                seen.push(city_of(&a.id));
            }
        }
        seen.len()
    };
    let total: usize = provinces.iter().map(|p| cities(p)).sum();
    let mut out = String::new();
    let _ = write!(
        out,
        r#"<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'">
<meta name="referrer" content="no-referrer">
<title>各地低保标准一览</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="standards.css">
<script type="module" src="standards.js"></script>
</head>
<body>
<main>
<h1>各地低保标准一览</h1>
<p>{total}个市的城乡低保标准（每人每月或每年），以及各区县不同的标准。数字来自本工具内置的数据，与自我评估用的是同一份；本页不联网获取任何内容。数据最后核对：{FIGURES_LAST_CHECKED}；本页生成于{day}。</p>
<p>没有找到的，或已执行12个月以上的，请以乡镇（街道）、县级民政部门或12345告知的现行标准为准。一般文件名为《关于提高城乡居民最低生活保障标准的通知》。</p>
<p class="no-print"><label for="filter">输入市或区县名筛选</label>
<input id="filter" type="search" autocomplete="off" aria-describedby="filter-count">
<span id="filter-count" aria-live="polite"></span></p>
"#
    );
    for pack in provinces {
        let _ = write!(
            out,
            "<section>\n<h2>{}</h2>\n<table>\n<thead><tr><th scope=\"col\">市</th><th scope=\"col\">区县</th><th scope=\"col\">城市低保标准</th><th scope=\"col\">农村低保标准</th></tr></thead>\n<tbody>\n",
            escape(&pack.name)
        );
        for area in &pack.areas {
            out.push_str(&area_row(area, day));
        }
        out.push_str("</tbody>\n</table>\n</section>\n");
    }
    out.push_str("<p><a href=\"index.html\">返回自我评估</a></p>\n</main>\n</body>\n</html>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::policy::builtin;

    fn page() -> String {
        let packs: Vec<PolicyPack> =
            builtin::IDS.iter().filter_map(|id| builtin::load(id).and_then(Result::ok)).collect();
        html(&packs, Day::parse("2026-12-04").expect("day"))
    }

    #[test]
    fn the_page_lists_every_city_of_the_three_provinces_once_with_its_figure_or_what_to_do() {
        let page = page();
        assert!(page.contains("41个市"), "{}", &page[..600]);
        // A city with a figure, one old figure, one without.
        assert!(page.contains("<strong>1062元/人/月</strong><br>2024-01-01起执行"), "the 威海 figure");
        assert!(page.contains("政府网站公布的原文"));
        assert!(
            page.contains("<strong>750元/人/月</strong><br>2020-06-01起执行<br><span class=\"old\">已执行12个月以上")
        );
        // 太原's rural figure differs by district; its districts' urban one is the city's.
        assert!(page.contains("<td>全市</td><td><span class=\"kind\">城市：</span><strong>760元/人/月</strong>"));
        assert!(page.contains("<span class=\"kind\">农村：</span>各区县不同，见下</td>"));
        assert!(page.contains("<span class=\"kind\">城市：</span>按全市标准</td>"));
        assert!(page.contains("<tr data-search=\"阳泉市 全市\"><th scope=\"row\">阳泉市</th><td>全市</td><td colspan=\"2\" class=\"missing\">"));
    }
}

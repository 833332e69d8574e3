//! A readable plain-text report of an assessment, for the CLI's `--text` and for anyone who wants
//! the result without a browser. Every figure and citation in it comes from the assessment itself.

use std::fmt::Write;

use crate::engine::assessment::Assessment;
use crate::engine::context::Origin;
use crate::engine::money::format_yuan;
use crate::engine::outcome::{LocalRule, Outcome, Status};

pub fn render_text(a: &Assessment) -> String {
    let mut out = String::new();
    // Writing to a String cannot fail; the results are ignored on purpose.
    let _ = writeln!(out, "低收入人口救助自我评估（{}，评估日期 {}）", a.pack.name, a.as_of);
    let _ = writeln!(out, "{}", a.disclaimer);
    let _ = writeln!(out);
    match &a.standard {
        Some(s) => {
            let _ = writeln!(out, "所用低保标准：{}", s.describe());
            if let Origin::Pack { note: Some(note), .. } = &s.origin {
                let _ = writeln!(out, "  （{}）", note);
            }
        }
        None => {
            let _ = writeln!(out, "所用低保标准：无（请填写当地低保标准）");
        }
    }
    if let Some(d) = &a.disposable_income {
        let _ = writeln!(out, "上年度居民人均可支配收入：{}", d.describe());
    }
    let h = &a.household;
    let _ = writeln!(
        out,
        "家庭：{}人；12个月计入收入{}元（不计入{}元，扣除{}元），人均每月{}元；刚性支出{}元；金融资产{}元。",
        h.members,
        format_yuan(h.net_income),
        format_yuan(h.not_counted_income),
        format_yuan(h.deductions),
        format_yuan(h.per_capita_monthly_income),
        format_yuan(h.rigid_spending),
        format_yuan(h.financial_assets)
    );
    for w in &a.warnings {
        let _ = writeln!(out, "注意：{w}");
    }
    let _ = writeln!(out);
    let headline = a.headline();
    match headline.names_category {
        true => writeln!(out, "最可能的类别：{}", headline.answer),
        false => writeln!(out, "{}{}", headline.answer, if headline.answer.ends_with('。') { "" } else { "。" }),
    }
    .ok();
    if let Some(intro) = headline.by_standard_intro {
        let _ = writeln!(out, "{intro}");
    }
    for line in &headline.by_standard {
        let _ = writeln!(out, "- {line}");
    }
    for r in &a.results {
        let _ = writeln!(out);
        let marker = match r.status {
            Status::Likely => "✔",
            Status::NeedsLocalCheck => "？",
            Status::Unlikely => "✘",
            Status::NotApplicable => "–",
        };
        let _ = writeln!(out, "{marker} {} —— {}", r.name, r.status_label());
        if r.status == Status::NotApplicable {
            let _ = writeln!(out, "  {}", r.summary());
            continue;
        }
        for c in &r.checks {
            let mark = match c.outcome {
                Outcome::Pass => "符合",
                Outcome::Fail => "不符合",
                Outcome::Unknown if c.waits_on.contains(LocalRule::Standard) => "取决于低保标准",
                Outcome::Unknown => "待核实",
            };
            let _ = writeln!(out, "  [{mark}] {}：{}（依据：{}）", c.label, c.explanation, c.citation);
        }
        for n in &r.notes {
            let _ = writeln!(out, "  · {n}");
        }
        for s in &r.special_assistance {
            let _ = writeln!(out, "  + {}：{}（{}）", s.name, s.detail, s.citation);
        }
    }
    let how = &a.how_to_apply;
    let _ = writeln!(out);
    let _ = writeln!(out, "如何申请");
    for g in how.where_to_apply.iter().chain(&how.time_limits).chain(&how.duties) {
        match &g.citation {
            Some(c) => {
                let _ = writeln!(out, "  · {}（{}）", g.text, c);
            }
            None => {
                let _ = writeln!(out, "  · {}", g.text);
            }
        }
    }
    if !how.documents.is_empty() {
        let _ = writeln!(out, "  需要准备的材料（{}）：", how.documents_source);
        for d in &how.documents {
            let _ = writeln!(out, "    □ {}——{}", d.name, d.reason);
        }
    }
    out
}

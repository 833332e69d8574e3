//! The answer as a function of the 低保标准, for the main case: a household whose local standard is
//! unknown, or known only from a figure a year old or more.
//!
//! Every rule that needs the standard compares one of the household's own figures with a multiple
//! of it: per-capita income (with and without a deduction, with and without the 残疾人两项补贴)
//! against 1 ×, the 边缘 multiple or the 刚性 multiple, financial assets against 36 months of it, a
//! member's own income against it. So the whole assessment changes only at the standards where one
//! of those comparisons changes, and is the same between two of them. The sweep finds those points
//! without a second copy of the rules: the engine itself records each comparison it makes with the
//! standard (`Context::note_standard_comparison`), the sweep assesses once at a standard in each
//! range between the recorded points, and repeats for ranges opened by points it had not seen, until
//! every assessment's comparisons fall on known points. Then neighbouring ranges that lead with the
//! same categories are merged into a ladder: "当地低保标准高于375元：最低生活保障（低保）……；
//! 高于250元、不超过375元：低保边缘家庭……".
//!
//! Standards are taken per person per month in whole fen, as every locality publishes them; for
//! each such standard the ladder's line is exactly the assessment with that standard typed in
//! (`tests/properties.rs` checks it on generated households). No range of plausible standards is
//! assumed: the points come from the household's figures alone.

use rust_decimal::Decimal;
use serde::Serialize;

use super::context::{Context, LocalFigure, Origin};
use super::money::{self, Amount, Money, MoneyError, Yuan};
use super::outcome::{Category, CategoryResult, Status, Subject};

/// One fen, the smallest step between two standards.
const FEN: Decimal = Decimal::from_parts(1, 0, 0, false, 2);

/// At most this many assessments per sweep. A household of 30 members with their own incomes needs
/// a few hundred; past this the ladder is left out rather than the page kept waiting.
const MAX_ASSESSMENTS: usize = 600;

/// A comparison the engine made with the standard, as `lhs ⋚ factor × S`, where `S` is the monthly
/// 低保标准 per person: `factor` folds in the 12 months, the members and the multiple.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct StandardComparison {
    /// The household's side: a 12-month total (income, income less spending, financial assets × 12).
    pub lhs: Decimal,
    /// What the monthly standard is multiplied by on the other side; positive.
    pub factor: Decimal,
}

impl StandardComparison {
    /// The standards in whole fen at which the comparison may change its outcome: the largest fen
    /// `f` with `f × factor ≤ lhs` when it is exactly equal (the comparison's own point), and the
    /// next fen above. Decided in exact arithmetic, never by a rounded quotient.
    fn sample_points(self) -> Result<[Option<Decimal>; 2], MoneyError> {
        if self.factor <= Decimal::ZERO {
            return Ok([None, None]);
        }
        if self.lhs <= Decimal::ZERO {
            return Ok([None, Some(FEN)]);
        }
        let mut f =
            money::div(self.lhs, self.factor)?.round_dp_with_strategy(2, rust_decimal::RoundingStrategy::ToZero);
        while f > Decimal::ZERO && money::mul(f, self.factor)? > self.lhs {
            f = money::sub(f, FEN)?;
        }
        while money::mul(money::add(f, FEN)?, self.factor)? <= self.lhs {
            f = money::add(f, FEN)?;
        }
        let at = (f > Decimal::ZERO && money::mul(f, self.factor)? == self.lhs).then_some(f);
        Ok([at, Some(money::add(f, FEN)?)])
    }
}

/// A category a line of the ladder leads with, as the assessment at those standards has it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Lead {
    /// Which category; in JSON its code (`dibao`).
    pub category: Category,
    /// The household, or the member the result is about.
    pub subject: Subject,
    /// The category's short name (低保, 低保边缘家庭), with the member for a personal result
    /// (特困供养（第2位成员）).
    pub name: String,
    /// Its status at these standards.
    pub status: Status,
    /// The status in words, naming the one local rule that decides when one does.
    pub status_label: String,
}

/// One line of the ladder: a range of monthly standards (whole fen) and the categories the household
/// may qualify for at any standard in it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LadderLine {
    /// The line holds for standards strictly above this; `None`: from the lowest.
    pub above: Option<Decimal>,
    /// The line holds for standards up to and including this; `None`: with no upper end.
    pub at_most: Option<Decimal>,
    /// The categories that are likely or possible at these standards, best first; 临时救助 only
    /// when nothing else is. Empty: none.
    pub leads: Vec<Lead>,
    /// The line as one sentence: "当地低保标准高于375元，很可能符合：最低生活保障（低保）".
    pub sentence: String,
    /// The line above covers one standard alone (`at_most` + 0.01): the upper end then reads
    /// "低于800元" rather than "不超过799.99元".
    #[serde(skip)]
    below_single: bool,
}

impl LadderLine {
    /// Whether a monthly standard falls in the line's range.
    pub fn contains(&self, standard_monthly: Decimal) -> bool {
        self.above.is_none_or(|a| standard_monthly > a) && self.at_most.is_none_or(|m| standard_monthly <= m)
    }

    /// The range in words: "当地低保标准高于250元、不超过375元".
    pub fn range(&self) -> String {
        use std::fmt::Write;
        if self.above.is_none() && self.at_most.is_none() {
            return "不论当地低保标准多少".to_string();
        }
        let mut out = String::from("当地低保标准");
        if let (true, Some(m)) = (self.single(), self.at_most) {
            let _ = write!(out, "恰好为{}元", Yuan(m));
            return out;
        }
        if let Some(a) = self.above {
            let _ = write!(out, "高于{}元", Yuan(a));
        }
        if let Some(m) = self.at_most {
            if self.above.is_some() {
                out.push('、');
            }
            // Below a line of one standard alone: "低于800元" rather than "不超过799.99元".
            let _ = match self.below_single {
                true => write!(out, "低于{}元", Yuan(money::add(m, FEN).unwrap_or(m))),
                false => write!(out, "不超过{}元", Yuan(m)),
            };
        }
        out
    }

    fn single(&self) -> bool {
        matches!((self.above, self.at_most), (Some(a), Some(m)) if money::add(a, FEN).is_ok_and(|next| next == m))
    }

    /// The leads grouped by status, in order, each with its names.
    pub fn groups(&self) -> Vec<LeadGroup> {
        groups_of(&self.leads)
    }

    fn write_sentence(&mut self) {
        self.sentence = format!("{}，{}", self.range(), leads_words(&self.leads));
    }
}

/// Leads grouped by status, in order, each group with its names.
fn groups_of(leads: &[Lead]) -> Vec<LeadGroup> {
    let mut groups: Vec<LeadGroup> = Vec::new();
    for lead in leads {
        match groups.iter_mut().find(|g| g.status_label == lead.status_label) {
            Some(group) => group.names.push(lead.name.clone()),
            None => groups.push(LeadGroup {
                status: lead.status,
                status_label: lead.status_label.clone(),
                names: vec![lead.name.clone()],
            }),
        }
    }
    groups
}

/// "很可能符合：低保；可能符合——需当地核实：低保边缘家庭", or that none is open.
fn leads_words(leads: &[Lead]) -> String {
    let groups: Vec<String> =
        groups_of(leads).iter().map(|g| format!("{}：{}", g.short_label(), g.names.join("、"))).collect();
    if groups.is_empty() {
        "各类别都不太可能符合".to_string()
    } else {
        groups.join("；")
    }
}

/// The answer at one figure of the city's, when the household names its city but not its district
/// and the districts' standards differ (see [`crate::engine::context::PlaceFigure::Range`]).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FigureAnswer {
    /// The district's figure the household was assessed at.
    pub standard: LocalFigure,
    /// The districts that have it ("壶关县、黎城县、平顺县、沁县、武乡县").
    pub districts: String,
    /// The categories likely or possible at it, best first (as a ladder line's `leads`).
    pub leads: Vec<Lead>,
    /// "按太原市清徐县、阳曲县、娄烦县、古交市的农村的标准640元/人/月（2023-01-01起执行）：很可能符合：低保"
    pub sentence: String,
}

/// Assesses the household at one of the city's figures.
pub fn answer_at_figure(
    base: &Context,
    (figure, districts): &(LocalFigure, String),
) -> Result<FigureAnswer, MoneyError> {
    let pack = base.pack;
    let leads = leads_of(&super::assessment::rule_results(&base.at_standard(figure.amount)?)?);
    let (city, since) = match &figure.origin {
        Origin::Pack { area_id, effective, .. } => {
            (pack.area(area_id).map_or("", |a| a.city.as_str()), format!("（{effective}起执行）"))
        }
        Origin::User => ("", String::new()),
    };
    let sentence = format!(
        "按{city}{districts}的标准{}元/人/{}{since}：{}",
        figure.amount.amount,
        figure.amount.per.label(),
        leads_words(&leads)
    );
    Ok(FigureAnswer { standard: figure.clone(), districts: districts.clone(), leads, sentence })
}

impl LeadGroup {
    /// The status without the closing "请咨询乡镇（街道）": a ladder says where to ask once, not on
    /// every line.
    pub fn short_label(&self) -> &str {
        let label = self.status_label.as_str();
        label.strip_suffix("，请咨询乡镇（街道）").unwrap_or(label)
    }
}

/// Leads of one status on a line of the ladder.
#[derive(Debug, Clone, PartialEq)]
pub struct LeadGroup {
    /// The status they share.
    pub status: Status,
    /// The status in words.
    pub status_label: String,
    /// The results' names, each once.
    pub names: Vec<String>,
}

/// The household's answer for every possible 低保标准, highest standards first.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StandardLadder {
    /// From the highest standards down; together they cover every standard from 0.01元 up.
    pub lines: Vec<LadderLine>,
}

impl StandardLadder {
    /// The line for a monthly standard.
    pub fn line_for(&self, standard_monthly: Decimal) -> Option<&LadderLine> {
        self.lines.iter().find(|l| l.contains(standard_monthly))
    }

    /// The first line, from the top, that leads with any category.
    pub fn top_lead(&self) -> Option<&Lead> {
        self.lines.iter().find_map(|l| l.leads.first())
    }

    /// Whether a result assessed at one standard would read otherwise at another: some line leads
    /// with its category (for its member) at another status than the result's own, or leaves it
    /// out while the result is open, or names it while the result is not. Such a result's status
    /// holds only at the standard it was assessed at. (A route of 支出型贫困 that fails while
    /// another route leads is counted as reading otherwise: dating it is never false.) 临时救助 is
    /// never counted: its own conditions are emergencies, not the standard.
    pub fn reads_otherwise(&self, result: &CategoryResult) -> bool {
        // 临时救助 is on a line only when nothing else is: the lines cannot say how it reads.
        if result.category == Category::TemporaryAssistance {
            return false;
        }
        let own = (result.status <= Status::NeedsLocalCheck).then_some(result.status);
        self.lines.iter().any(|line| {
            let lead = line.leads.iter().find(|l| l.category == result.category && l.subject == result.subject);
            lead.map(|l| l.status) != own
        })
    }

    /// Whether the answer changes with the standard at all (more than one line).
    pub fn depends_on_standard(&self) -> bool {
        self.lines.len() > 1
    }
}

/// The categories an assessment leads with: every category likely or possible for the household
/// or for a member, once each at its best status (支出型贫困's routes 因病、因学 and 多重 are one
/// category), but 临时救助 (help on top of a category, never one of its own) only when nothing else
/// is open. Results come best first, so the first of a category is its best.
pub fn leads_of(results: &[CategoryResult]) -> Vec<Lead> {
    let open = |r: &&CategoryResult| r.status <= Status::NeedsLocalCheck;
    let collect = |keep: &dyn Fn(&CategoryResult) -> bool| {
        let mut leads: Vec<Lead> = Vec::new();
        for r in results.iter().filter(open).filter(|r| keep(r)) {
            if leads.iter().any(|l| l.category == r.category && l.subject == r.subject) {
                continue;
            }
            leads.push(Lead {
                category: r.category,
                subject: r.subject,
                // Short names keep a line readable on a phone and in the hotline's side panel; a
                // member's result says which member.
                name: match r.subject {
                    Subject::Household => r.category.short_name().to_string(),
                    Subject::Member { index } => member_lead_name(r.category, index + 1),
                },
                status: r.status,
                status_label: r.status_label().into_owned(),
            });
        }
        leads
    };
    let main = collect(&|r| r.category != Category::TemporaryAssistance);
    if main.is_empty() {
        collect(&|_| true)
    } else {
        main
    }
}

/// "低保单人户（第2位成员，边缘家庭重病重残）", "特困供养（第1位成员）".
fn member_lead_name(category: Category, number: usize) -> String {
    match category {
        Category::DibaoSoloDisabled => format!("低保单人户（第{number}位成员，重度残疾）"),
        Category::DibaoSoloMarginalMember => format!("低保单人户（第{number}位成员，边缘家庭重病重残）"),
        other => format!("{}（第{number}位成员）", other.short_name()),
    }
}

/// What one assessment at a chosen standard gives the sweep: its leads and the comparisons made.
type Sample = (Vec<Lead>, Vec<StandardComparison>);

/// The leads and the comparisons made, assessing the household at a monthly standard typed in.
fn assess_at(base: &Context, standard_monthly: Decimal) -> Result<Option<Sample>, MoneyError> {
    let Ok(money) = Money::new(standard_monthly) else { return Ok(None) };
    let ctx = base.at_standard(Amount::monthly(money))?;
    let results = super::assessment::rule_results(&ctx)?;
    Ok(Some((leads_of(&results), ctx.standard_comparisons())))
}

/// Sweeps every standard: `None` when the household's figures need more than [`MAX_ASSESSMENTS`]
/// assessments, or reach standards beyond the largest amount money may hold.
pub fn sweep(base: &Context) -> Result<Option<StandardLadder>, MoneyError> {
    // The standards to assess at, ascending, each with its leads once assessed. A sorted vector, not
    // a BTreeMap: a sweep holds a few dozen, and a map's code would cost the page kilobytes.
    let mut samples: Vec<(Decimal, Option<Vec<Lead>>)> = vec![(FEN, None)];
    let mut assessed = 0;
    while let Some(i) = samples.iter().position(|(_, leads)| leads.is_none()) {
        assessed += 1;
        if assessed > MAX_ASSESSMENTS {
            return Ok(None);
        }
        let standard = samples[i].0;
        let Some((leads, comparisons)) = assess_at(base, standard)? else { return Ok(None) };
        samples[i].1 = Some(leads);
        for comparison in comparisons {
            for point in comparison.sample_points()?.into_iter().flatten() {
                if let Err(at) = samples.binary_search_by(|(s, _)| s.cmp(&point)) {
                    samples.insert(at, (point, None));
                }
            }
        }
    }
    // Each sample stands for the standards from it up to the next sample: none of the comparisons
    // made at it changes outcome in between, so neither does anything the rules decide.
    let mut ascending: Vec<LadderLine> = Vec::new();
    let points: Vec<(Decimal, Vec<Lead>)> = samples.into_iter().filter_map(|(k, v)| v.map(|v| (k, v))).collect();
    for (i, (from, leads)) in points.iter().enumerate() {
        let above = if *from == FEN { None } else { Some(money::sub(*from, FEN)?) };
        let at_most = match points.get(i + 1) {
            Some((next, _)) => Some(money::sub(*next, FEN)?),
            None => None,
        };
        match ascending.last_mut() {
            Some(last) if &last.leads == leads => last.at_most = at_most,
            _ => ascending.push(LadderLine {
                above,
                at_most,
                leads: leads.clone(),
                sentence: String::new(),
                below_single: false,
            }),
        }
    }
    for i in 1..ascending.len() {
        ascending[i - 1].below_single = ascending[i].single();
    }
    for line in &mut ascending {
        line.above = line.above.map(|a| a.normalize());
        line.at_most = line.at_most.map(|m| m.normalize());
    }
    ascending.reverse();
    for line in &mut ascending {
        line.write_sentence();
    }
    Ok(Some(StandardLadder { lines: ascending }))
}

/// How a condition on the monthly standard `S` reads, exact for every standard in whole fen, with
/// the bound rounded to the fen as the household's own figure is shown: "高于239.58元" (`S > b`),
/// "不低于55.56元" (`S ≥ b`), "不超过…" or "低于…" (`S < b`).
pub fn condition_words(bound: Decimal, side: Side) -> String {
    let shown = Money::display_rounded(bound);
    let words = match side {
        Side::Above if shown > bound => "不低于",
        Side::Above => "高于",
        Side::AtLeast if shown >= bound => "不低于",
        Side::AtLeast => "高于",
        Side::Below if shown < bound => "不超过",
        Side::Below => "低于",
    };
    format!("{words}{}元", Yuan(shown))
}

/// For a test met by standards above `bound` (or at it, when `inclusive`): the largest fen that
/// does not meet it, so that "高于" it is exactly the standards in whole fen that do.
pub fn fen_below_every_passing(bound: Decimal, inclusive: bool) -> Result<Decimal, MoneyError> {
    use rust_decimal::RoundingStrategy::{ToNegativeInfinity, ToPositiveInfinity};
    Ok(match inclusive {
        false => bound.round_dp_with_strategy(2, ToNegativeInfinity),
        true => money::sub(bound.round_dp_with_strategy(2, ToPositiveInfinity), FEN)?,
    }
    .normalize())
}

/// Which side of a bound the standard must be on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    /// `S > bound`: a household figure below the standard.
    Above,
    /// `S ≥ bound`: a figure at most the standard's multiple (assets within 36 months of it).
    AtLeast,
    /// `S < bound`: a household figure above the standard.
    Below,
}

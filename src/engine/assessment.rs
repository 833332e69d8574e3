//! One assessment: every category in review order, then sorted best first, with the household's key
//! figures, the ladder of thresholds and how to apply.

use rust_decimal::Decimal;
use serde::Serialize;

use super::apply::{self, HowToApply};
use super::assistance;
use super::by_standard::{self, FigureAnswer, StandardLadder};
use super::context::{
    city_of, in_city, place_is_known, Context, LocalFigure, Origin, NO_STANDARD_NO_LADDER_WARNING, NO_STANDARD_WARNING,
};
use super::date::Day;
use super::household::{FieldError, Household};
use super::money::{self, MoneyError};
use super::outcome::{Category, CategoryResult, Check, LocalRule, Status, Subject};
use super::policy::{MarginalVariant, PolicyPack};
use super::rules::{destitute, dibao, expenditure, marginal, phase_out, rigid, solo, temporary};

/// Shown with every result: this is a self-check, not a decision.
pub const DISCLAIMER: &str = "本结果是根据您填写的信息和公开政策文件做出的自我评估，不是审核决定。是否符合，以乡镇（街道）和县级民政部门的审核确认为准。";

/// The whole answer for one household on one day: every category's result, best first, the figures
/// they were decided on and how to apply. The page, the CLI and the API all show or serialise it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Assessment {
    /// The day the assessment is for: the household's `as_of`, else the caller's today. Every dated
    /// figure and rule is taken as in force on it.
    pub as_of: Day,
    /// The policy pack whose rules and figures were applied.
    pub pack: PackInfo,
    /// The 低保标准 used, with its source and date (or "typed by the user").
    pub standard: Option<LocalFigure>,
    /// Last year's local 居民人均可支配收入 per person, with its source, when the pack or the user gives it;
    /// 刚性支出困难 compares income with it.
    pub disposable_income: Option<LocalFigure>,
    /// The household's figures as the rules saw them (income, deductions, spending, assets), so
    /// that a reader can check the arithmetic.
    pub household: HouseholdFigures,
    /// The thresholds, per person per month, for a chart of where the household stands.
    pub ladder: Vec<Rung>,
    /// When the 低保标准 is unknown, or known only from a figure in force for 12 months or more: the
    /// answer at every standard, as lines from the highest standards down ("当地低保标准高于375元：
    /// 最低生活保障（低保）……"). `None` with a current standard (or, rarely, when the household's
    /// figures need more assessments than the sweep allows).
    pub by_standard: Option<StandardLadder>,
    /// When the household names its city but not its district, and the districts' 低保标准 differ:
    /// the answer at the lowest and at the highest of them (then `standard` is `None`). Empty
    /// otherwise.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub by_district: Vec<FigureAnswer>,
    /// The best result. With a standard: the first of `results` that is likely or possible. Without
    /// one: the result the top line of `by_standard` leads with (whose status says it depends on the
    /// standard), so that it never contradicts the ladder. `None` when there is none.
    pub best: Option<BestCategory>,
    /// Every category, best first: by status, then in review order.
    pub results: Vec<CategoryResult>,
    /// Where to apply, the documents to bring and why each is asked, the time limits the office
    /// must keep and the applicant's duties.
    pub how_to_apply: HowToApply,
    /// Things to tell the reader that are not errors: an area the pack does not list, a missing
    /// 低保标准, a pack figure that may be out of date.
    pub warnings: Vec<String>,
    /// The reminder shown with every result that this is a self-check, not a decision
    /// ([`DISCLAIMER`]).
    pub disclaimer: &'static str,
}

/// Which policy pack the assessment used, so a reader can tell whose rules were applied.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PackInfo {
    /// The pack's id (`national`, `shanxi`, …), as a caller names it in `place.pack`.
    pub id: String,
    /// The pack's name in words (山西省), as shown to the reader.
    pub name: String,
}

/// The household's figures as the rules saw them, shown beside the results so that a reader can
/// check the arithmetic.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct HouseholdFigures {
    /// How many members live together and share the income (共同生活的家庭成员): the divisor of every
    /// per-capita figure.
    pub members: usize,
    /// Who the members are, without names: "申请人本人45岁、配偶43岁" (relation and age only).
    pub composition: String,
    /// Each member, without a name, with every fact a rule reads about them: "配偶43岁：无业；患重病，
    /// 仍在治疗" (disability kind, grade and care; illness; schooling and fees; work; supporter).
    pub members_in_words: MembersInWords,
    /// The household's circumstances that some rules read, in words: receiving 低保, months without
    /// income after losing work, sudden hardship, disaster, 户籍 elsewhere, vehicles and homes.
    pub circumstances: Circumstances,
    /// The area of the pack the household named, with 城市/农村: "太原市城镇（城市）".
    pub area: String,
    /// Income the rules count, over the last 12 months: wages, net business and property income,
    /// pensions, support received and other transfers.
    pub counted_income: Decimal,
    /// Income of the last 12 months that the rules leave out (基础养老金, 优待抚恤金, 奖学金, 社会救助款物, …).
    pub not_counted_income: Decimal,
    /// 残疾人两项补贴: counted or not as the locality rules; in neither figure above.
    pub locally_decided_income: Decimal,
    /// What is taken off counted income over the last 12 months: taxes and social insurance paid,
    /// support paid to people outside the household, necessary employment costs.
    pub deductions: Decimal,
    /// Counted income less deductions over the last 12 months, never negative: the figure the
    /// income tests share out per person.
    pub net_income: Decimal,
    /// Net income ÷ members ÷ 12, rounded to the fen.
    pub per_capita_monthly_income: Decimal,
    /// Rigid spending of the last 12 months paid out of pocket after insurance and aid (刚性支出):
    /// medical, disability care, students' fees and other necessary costs.
    pub rigid_spending: Decimal,
    /// The household's declared financial assets (deposits, securities, insurance cash value, …),
    /// which property limits are set on.
    pub financial_assets: Decimal,
}

/// One line of the ladder chart: a named threshold (低保标准, the 边缘 line, …) per person per month.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Rung {
    /// What the threshold is, in words: 低保标准, 1.5倍低保标准（边缘家庭）, 上年度居民人均可支配收入.
    pub label: String,
    /// Per person per month, rounded to the fen.
    pub monthly: Decimal,
}

/// The category a reader should look at first, with its status in words.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BestCategory {
    /// Which category it is; in JSON its code (`dibao`, `marginal`, …).
    pub category: Category,
    /// The result's name as residents read it; for a result about one member, it names the member
    /// (特困人员救助供养（第2位成员，配偶，43岁）).
    pub name: String,
    /// How likely the household is to qualify: likely, or possible subject to a local check.
    pub status: Status,
    /// The status as the result words it (naming the one local rule that decides, when one does).
    pub status_label: std::borrow::Cow<'static, str>,
}

/// Why no assessment could be made: the input does not hold together, or (never with validated
/// input) the arithmetic overflowed.
#[derive(Debug, Clone, PartialEq)]
pub enum AssessError {
    /// The household does not hold together (a member reference out of range, no members, …).
    Invalid(Vec<FieldError>),
    /// Money arithmetic overflowed; unreachable with validated input, reported rather than panicked.
    Arithmetic(MoneyError),
}

impl std::fmt::Display for AssessError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            AssessError::Invalid(errors) => {
                let lines: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
                write!(f, "输入有误：{}", lines.join("；"))
            }
            AssessError::Arithmetic(e) => write!(f, "{e}"),
        }
    }
}

impl std::error::Error for AssessError {}

impl From<MoneyError> for AssessError {
    fn from(e: MoneyError) -> AssessError {
        AssessError::Arithmetic(e)
    }
}

/// The answer first, in sentences, for every place that shows it as text (the text report, the
/// call record, the hotline's live panel): the answer at the standard used, then the ladder's lines
/// when the standard is unknown or old.
#[derive(Debug, Clone, PartialEq)]
pub struct Headline {
    /// The best category with its status ("最低生活保障（低保）（很可能符合）") when one leads at the
    /// standard used; otherwise what stands instead ("还不知道当地现行的低保标准……").
    pub answer: String,
    /// Whether `answer` names a category.
    pub names_category: bool,
    /// What introduces the ladder's lines, when there are any.
    pub by_standard_intro: Option<&'static str>,
    /// The ladder's sentences, highest standards first; empty with a current standard.
    pub by_standard: Vec<String>,
}

impl Assessment {
    /// The answer first: see [`Headline`].
    pub fn headline(&self) -> Headline {
        let by_standard: Vec<String> =
            self.by_standard.iter().flat_map(|l| l.lines.iter().map(|line| line.sentence.clone())).collect();
        let ladder = !by_standard.is_empty();
        let varies = self.by_standard.as_ref().is_some_and(|l| l.depends_on_standard());
        let (answer, names_category) = match (&self.standard, &self.best) {
            (None, _) if !self.by_district.is_empty() => {
                let answers: Vec<&str> = self.by_district.iter().map(|a| a.sentence.as_str()).collect();
                (format!("还没有选区县，本市各区县的低保标准不同。{}", answers.join("；")), false)
            }
            (None, _) if varies => ("还不知道当地现行的低保标准，可能符合的类别随标准而定".to_string(), false),
            (None, _) if ladder => ("还不知道当地现行的低保标准，但您家的结果不随标准变化".to_string(), false),
            (None, _) => (
                format!("还不知道当地低保标准，与收入有关的类别暂时无法判断。{}", LocalRule::Standard.what_to_ask()),
                false,
            ),
            (Some(_), Some(b)) => (format!("{}（{}）", b.name, b.status_label), true),
            (Some(_), None) => match self.dated_words() {
                Some(dated) => (format!("{dated}，暂未发现可能符合的类别"), false),
                None => ("暂未发现可能符合的类别".to_string(), false),
            },
        };
        let by_standard_intro = ladder.then_some(match (&self.standard, varies) {
            (None, true) => "按不同的标准，您家可能符合：",
            (None, false) => "您家可能符合：",
            (Some(_), _) => "所用标准已执行一年以上，当地可能已调整。按现行标准：",
        });
        Headline { answer, names_category, by_standard_intro, by_standard }
    }

    /// For a standard in force for 12 months or more: how results assessed at it are dated
    /// ("按2023年标准"); `None` otherwise.
    pub fn dated_words(&self) -> Option<String> {
        self.standard.as_ref().filter(|_| self.standard_is_old()).map(dated_words)
    }

    /// Whether the standard used is a pack figure in force for 12 months or more: results are then
    /// dated, and `by_standard` says what other standards would give.
    pub fn standard_is_old(&self) -> bool {
        self.standard.as_ref().is_some_and(|s| s.is_stale(self.as_of))
    }
}

/// Assesses a household under a pack: every category in review order, best first. `today` is used
/// when the household names no `as_of` day.
pub fn assess(household: &Household, pack: &PolicyPack, today: Day) -> Result<Assessment, AssessError> {
    let errors = household.validate();
    if !errors.is_empty() {
        return Err(AssessError::Invalid(errors));
    }
    let day = household.as_of.unwrap_or(today);
    let ctx = Context::new(household, pack, day)?;
    let mut results = rule_results(&ctx)?;
    let stale = ctx.standard.as_ref().filter(|s| s.is_stale(day));
    let by_standard = match (&ctx.standard, stale) {
        (None, _) | (Some(_), Some(_)) => by_standard::sweep(&ctx)?,
        (Some(_), None) => None,
    };
    if let (Some(old), Some(ladder)) = (stale, &by_standard) {
        let dated = dated_words(old);
        for r in results.iter_mut().filter(|r| ladder.reads_otherwise(r)) {
            r.dated_by = Some(dated.clone());
        }
    }
    let traits = assistance::Traits::of(&ctx);
    for result in &mut results {
        result.special_assistance = assistance::for_result(pack.rules.special_assistance, traits, result);
    }
    let best = best_result(&ctx, &results, by_standard.as_ref()).map(|r| BestCategory {
        category: r.category,
        name: r.name.to_string(),
        status: r.status,
        status_label: r.status_label(),
    });
    let by_district = match &ctx.standard_range {
        Some(figures) => {
            figures.iter().map(|f| by_standard::answer_at_figure(&ctx, f)).collect::<Result<Vec<_>, _>>()?
        }
        None => Vec::new(),
    };
    let how_to_apply = apply::how_to_apply(&ctx, &results);
    let figures = household_figures(&ctx)?;
    let ladder = ladder(&ctx)?;
    // The context is done with: its figures move into the result rather than being copied.
    let Context { standard, disposable_income, mut warnings, .. } = ctx;
    // The sweep gave up (a household past its bound): the warning must not promise its answer.
    if standard.is_none() && by_standard.is_none() {
        for w in warnings.iter_mut().filter(|w| w.as_str() == NO_STANDARD_WARNING) {
            *w = NO_STANDARD_NO_LADDER_WARNING.to_string();
        }
    }
    Ok(Assessment {
        as_of: day,
        pack: PackInfo { id: pack.id.clone(), name: pack.name.clone() },
        standard,
        disposable_income,
        household: figures,
        ladder,
        by_standard,
        by_district,
        best,
        results,
        how_to_apply,
        warnings,
        disclaimer: DISCLAIMER,
    })
}

/// The result a reader should look at first. Without a 低保标准 the ladder's top line leads;
/// otherwise (or when the sweep gave up) the first open result that does not wait on the standard.
fn best_result<'r>(
    ctx: &Context,
    results: &'r [CategoryResult],
    by_standard: Option<&StandardLadder>,
) -> Option<&'r CategoryResult> {
    let from_ladder = match (&ctx.standard, by_standard) {
        (None, Some(ladder)) => ladder.top_lead().and_then(|lead| {
            results.iter().find(|r| {
                r.category == lead.category && r.subject == lead.subject && r.status <= Status::NeedsLocalCheck
            })
        }),
        _ => None,
    };
    from_ladder.or_else(|| {
        results.iter().find(|r| r.status <= Status::NeedsLocalCheck && !r.waits_on.contains(LocalRule::Standard))
    })
}

/// What a list screening reads of an assessment: the statuses, the leading category and the answer
/// at every standard, from the same rules and the same sweep as [`assess`], without the sentences,
/// special assistance, how to apply or the figures in words that nobody in a list of thousands
/// reads. `tests/properties.rs` checks that it equals the assessment on generated households.
#[derive(Debug, Clone, PartialEq)]
pub struct Screening {
    /// The area as the assessment names it ("太原市（城市）").
    pub area: String,
    /// The 低保标准 used, when one is known and current enough to be used.
    pub standard: Option<LocalFigure>,
    /// Per-capita monthly income, rounded as the assessment shows it.
    pub per_capita_monthly_income: Decimal,
    /// Every category's result, best first, as in the assessment; explanations and notes empty.
    pub results: Vec<CategoryResult>,
    /// The leading category and its status, as the assessment's `best`.
    pub best: Option<(Category, Status)>,
    /// Without a current standard, the answer at every standard.
    pub by_standard: Option<StandardLadder>,
    /// Whether `standard` is old (a pack's figure a year old or more): results read at it are
    /// dated in an assessment, and `by_standard` gives the answer at every standard.
    pub standard_is_old: bool,
    /// Without a current standard (none, or an old one): the 低保 income test read at every
    /// standard, its `standard_above` the monthly standard above which the household's per-capita
    /// income is below it. `None` when a current standard decides it (see the 低保 result).
    pub dibao_income_at_any_standard: Option<Check>,
}

/// The household's 低保 income test among its results.
pub fn dibao_income_check(results: &[CategoryResult]) -> Option<&Check> {
    results
        .iter()
        .find(|r| r.category == Category::Dibao && r.subject == Subject::Household)
        .and_then(|r| r.checks.iter().find(|c| c.key == super::check_key::CheckKey::DibaoIncome))
}

/// Screens a household for a list: [`assess`]'s statuses, without its words.
pub fn screen(household: &Household, pack: &PolicyPack, today: Day) -> Result<Screening, AssessError> {
    let errors = household.validate();
    if !errors.is_empty() {
        return Err(AssessError::Invalid(errors));
    }
    let day = household.as_of.unwrap_or(today);
    let ctx = Context::for_statuses(household, pack, day)?;
    let results = rule_results(&ctx)?;
    let stale = ctx.standard.as_ref().filter(|s| s.is_stale(day));
    let by_standard = match (&ctx.standard, stale) {
        (None, _) | (Some(_), Some(_)) => by_standard::sweep(&ctx)?,
        (Some(_), None) => None,
    };
    let best = best_result(&ctx, &results, by_standard.as_ref()).map(|r| (r.category, r.status));
    let standard_is_old = stale.is_some();
    let dibao_income_at_any_standard = match (&ctx.standard, standard_is_old) {
        (Some(_), false) => None,
        // Without a standard the 低保 result's own test is already read at every standard.
        (None, _) => dibao_income_check(&results).cloned(),
        (Some(_), true) => Some(dibao::income_check(&ctx.without_standard())?),
    };
    Ok(Screening {
        standard_is_old,
        dibao_income_at_any_standard,
        area: area_name(&ctx),
        per_capita_monthly_income: per_capita_monthly_income(&ctx)?,
        standard: ctx.standard,
        results,
        best,
        by_standard,
    })
}

/// Every category in review order, sorted best first, before special assistance and how to apply
/// are added: what the answer-per-standard sweep compares at each standard.
pub(crate) fn rule_results(ctx: &Context) -> Result<Vec<CategoryResult>, MoneyError> {
    // Review order (山东 送审稿 一.2; 桂民发〔2024〕34号 七(十六)): later rules read earlier results.
    let mut results = destitute::assess(ctx)?;
    let dibao_result = dibao::assess(ctx)?;
    results.extend(solo::assess_disabled(ctx)?);
    results.extend(expenditure::assess(ctx)?);
    results.push(phase_out::assess(ctx)?);
    let marginal_result = marginal::assess(ctx, &dibao_result, &results)?;
    results.extend(solo::assess_marginal_members(ctx, &marginal_result)?);
    results.push(dibao_result);
    results.push(marginal_result);
    let rigid_result = rigid::assess(ctx, &results)?;
    results.push(rigid_result);
    let temporary_results = temporary::assess(ctx, &results)?;
    results.extend(temporary_results);

    // Best first: the categories that may apply before those that do not; among them 临时救助 last,
    // being help on top of a category rather than one of its own (a 急难 payment does not outrank
    // 特困); then by status and review order. The sort is stable, so members keep their order.
    results.sort_by_key(|r| {
        let open = r.status <= Status::NeedsLocalCheck;
        (!open, open && r.category == Category::TemporaryAssistance, r.status, r.category)
    });
    // For statuses only, the notes that cost something to write were skipped; the fixed ones go too.
    if !ctx.explains() {
        for r in &mut results {
            r.notes.clear();
        }
    }
    Ok(results)
}

/// "按2020年标准": an old figure named by the year it took effect (the figure itself, with its
/// date and source, is shown beside every result as the standard used).
fn dated_words(old: &LocalFigure) -> String {
    match &old.origin {
        Origin::Pack { effective, .. } => format!("按{}年标准", effective.year()),
        Origin::User => format!("按{}元标准", old.amount.amount),
    }
}

/// Per-capita monthly income as shown: net income over 12 months and the members.
fn per_capita_monthly_income(ctx: &Context) -> Result<Decimal, MoneyError> {
    let per_capita = money::div(money::div(ctx.net_income, ctx.members)?, Decimal::from(12))?;
    Ok(money::Money::display_rounded(per_capita))
}

/// The area as shown: "太原市（城市）". An area id, or a city's id alone (no district chosen): the
/// city's name then, as also for a district whose figure for 城市 or 农村 is the city's ("…的农村"
/// would contradict "（城市）").
fn area_name(ctx: &Context) -> String {
    let household = ctx.household;
    let kind = household.place.area_kind;
    let area = household.place.area.as_deref().filter(|id| place_is_known(ctx.pack, id)).and_then(|id| {
        match ctx.pack.area(id) {
            Some(area) if area.district.is_none() || area.dibao_standard.get(kind).is_some() => {
                Some(area.display_name())
            }
            _ => ctx.pack.areas.iter().find(|a| in_city(&a.id, city_of(id))).map(|a| a.city.clone()),
        }
    });
    format!("{}（{}）", area.as_deref().unwrap_or("未列出的地区"), household.place.area_kind.label())
}

fn household_figures(ctx: &Context) -> Result<HouseholdFigures, MoneyError> {
    let household = ctx.household;
    let composition: Vec<String> =
        household.members.iter().map(|m| format!("{}{}岁", m.relation.label(), m.age.years())).collect();
    Ok(HouseholdFigures {
        members: household.members.len(),
        composition: composition.join("、"),
        members_in_words: MembersInWords(household.members.clone()),
        circumstances: Circumstances(household.situation, household.assets),
        area: area_name(ctx),
        counted_income: ctx.income.counted,
        not_counted_income: ctx.income.not_counted,
        locally_decided_income: ctx.income.locally_decided,
        deductions: ctx.income.deducted,
        net_income: ctx.net_income,
        per_capita_monthly_income: per_capita_monthly_income(ctx)?,
        rigid_spending: rigid::rigid_total(ctx)?,
        financial_assets: ctx.household.assets.financial.amount(),
    })
}

/// The members, kept as the rules read them and written in words only when asked for (the call
/// record, JSON): an assessment in a batch of thousands writes none of it.
#[derive(Debug, Clone, PartialEq)]
pub struct MembersInWords(Vec<crate::engine::household::Member>);

impl MembersInWords {
    /// One line per member: "配偶43岁：无业；患重病，仍在治疗".
    pub fn lines(&self) -> impl Iterator<Item = String> + '_ {
        self.0.iter().map(member_in_words)
    }
}

impl Serialize for MembersInWords {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.lines())
    }
}

/// The household's circumstances, written in words only when asked for.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Circumstances(crate::engine::household::Situation, crate::engine::household::Assets);

impl Circumstances {
    /// One phrase per circumstance: "失业，已连续4个月无收入，未参加失业保险".
    pub fn lines(&self) -> Vec<String> {
        circumstances(&self.0, &self.1)
    }
}

impl Serialize for Circumstances {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.lines())
    }
}

/// A member in words, never named: relation and age, then what the rules read about them.
fn member_in_words(m: &crate::engine::household::Member) -> String {
    use crate::engine::household::{SupporterStatus, WorkStatus};
    let mut facts: Vec<String> = Vec::new();
    match m.work {
        WorkStatus::Employed => facts.push("有工作或在经营".into()),
        WorkStatus::Unemployed => facts.push("无业".into()),
        WorkStatus::Retired => facts.push("已退休".into()),
        WorkStatus::InSchool | WorkStatus::Unknown => {}
    }
    if let Some(d) = &m.disability {
        let care = if d.needs_ongoing_care { "，需康复或照料护理" } else { "" };
        facts.push(format!("{}残疾{}{care}", d.kind.label(), d.grade.label()));
    }
    if let Some(ill) = &m.illness {
        let serious = if ill.serious { "患重病" } else { "患病（非重病）" };
        let treated = if ill.in_treatment { "仍在治疗" } else { "不在治疗" };
        facts.push(format!("{serious}，{treated}"));
    }
    if let Some(st) = &m.student {
        let mut kind = vec![if st.full_time { "全日制" } else { "非全日制" }];
        if st.high_fee_school {
            kind.push("高收费学校");
        }
        if st.abroad {
            kind.push("出国留学");
        }
        let fees = money::Yuan(st.fees.amount.amount());
        let per = if st.fees.per == money::Period::Month { "月" } else { "年" };
        facts.push(format!("{}在读（{}），自付学费等每{per}{fees}元", st.level.label(), kind.join("、")));
    }
    match m.supporter {
        SupporterStatus::Able => facts.push("有能力供养的义务人".into()),
        SupporterStatus::Unable => facts.push("有义务人但无供养能力".into()),
        SupporterStatus::None => facts.push("无供养义务人".into()),
        SupporterStatus::Unknown => {}
    }
    let who = format!("{}{}岁", m.relation.label(), m.age.years());
    if facts.is_empty() {
        who
    } else {
        format!("{who}：{}", facts.join("；"))
    }
}

/// The household's circumstances that some rule reads, in words.
fn circumstances(s: &crate::engine::household::Situation, a: &crate::engine::household::Assets) -> Vec<String> {
    use crate::engine::household::Hukou;
    let mut out = Vec::new();
    if s.receives_dibao {
        out.push(
            if s.income_rose_through_work {
                "正在领取低保，因就业收入增加"
            } else {
                "正在领取低保"
            }
            .to_string(),
        );
    }
    if let Some(u) = &s.unemployment {
        let insured = if u.unemployment_insurance { "参加了失业保险" } else { "未参加失业保险" };
        let cause = if u.caused_by_emergency { "，因重大疫情或灾害不能返岗" } else { "" };
        out.push(format!("失业，已连续{}个月无收入，{insured}{cause}", u.months_without_income));
    }
    if s.sudden_hardship {
        out.push("遭遇意外事故、突发重病、火灾等突发困难".into());
    }
    if s.disaster_after_relief {
        out.push("受灾，经应急和过渡期救助后仍有困难".into());
    }
    if s.student_stuck_by_emergency {
        out.push("学生因疫情或灾害暂未就业".into());
    }
    match s.hukou {
        Hukou::Local => {}
        Hukou::ResidencePermit => out.push("有成员户籍在外地，持本地居住证".into()),
        Hukou::Elsewhere => out.push("户籍在外地，没有本地居住证".into()),
    }
    let other = if a.other_property { "，另有其他房产或经营性财产" } else { "" };
    out.push(format!("车辆{}辆，住房{}套{other}", a.vehicles, a.homes));
    out
}

/// 1 × the standard, the 边缘 multiple(s), and last year's disposable income, per person per month.
fn ladder(ctx: &Context) -> Result<Vec<Rung>, MoneyError> {
    let mut rungs = Vec::new();
    if let Some(standard) = &ctx.standard {
        let monthly = money::div(standard.annual, Decimal::from(12))?;
        rungs.push(Rung { label: "低保标准".into(), monthly: money::Money::display_rounded(monthly) });
        let rule = &ctx.pack.rules.marginal;
        let mut multipliers: Vec<Decimal> = Vec::new();
        if let Some(m) = ctx.param(&rule.multiplier) {
            multipliers.push(m.value);
        }
        if let Some(m) = rule.variant.local_upper_multiplier().and_then(|p| ctx.param(p)) {
            multipliers.push(m.value);
        }
        for m in multipliers {
            let label = match rule.variant {
                MarginalVariant::National2023 { .. } if rungs.len() > 1 => {
                    format!("{}倍（当地可放宽到此）", m.normalize())
                }
                _ => format!("{}倍低保标准（边缘家庭）", m.normalize()),
            };
            rungs.push(Rung { label, monthly: money::Money::display_rounded(money::mul(monthly, m)?) });
        }
    }
    if let Some(disposable) = &ctx.disposable_income {
        rungs.push(Rung { label: "上年度居民人均可支配收入".into(), monthly: disposable.monthly });
    }
    Ok(rungs)
}

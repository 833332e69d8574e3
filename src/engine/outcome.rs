//! What an assessment says: per category a status, and the checks behind it, each with the
//! household's figure, the comparison, the threshold, the outcome and the article it comes from.

use std::borrow::Cow;
use std::fmt;

use rust_decimal::Decimal;
use serde::{Serialize, Serializer};

use super::check_key::CheckKey;
use super::citation::Citation;
use super::money::{self, Yuan};

/// The result of one condition.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// The condition is met on the figures and answers given.
    Pass,
    /// The condition is not met: one failure makes the category unlikely.
    Fail,
    /// The condition depends on a number or a fact no source gives (property limits, a local ratio,
    /// a missing standard): only the local office can say.
    Unknown,
}

impl Outcome {
    /// Pass when the condition holds, fail when it does not.
    pub fn from_bool(pass: bool) -> Outcome {
        if pass {
            Outcome::Pass
        } else {
            Outcome::Fail
        }
    }

    /// The outcome in words beside a condition (符合, 不符合, 需当地核实).
    pub fn label(self) -> &'static str {
        match self {
            Outcome::Pass => "符合",
            Outcome::Fail => "不符合",
            Outcome::Unknown => "需当地核实",
        }
    }
}

/// A category's status; the order of the variants is the order of preference.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Status {
    /// Every condition appears to be met (很可能符合); the office still decides.
    Likely,
    /// May qualify — depends on a local rule or number; ask the 乡镇/街道.
    NeedsLocalCheck,
    /// At least one condition is not met (不太可能符合).
    Unlikely,
    /// The category does not concern this household or member (不适用), e.g. 渐退 for a household not on
    /// 低保.
    NotApplicable,
}

/// A local rule or figure that no source gives, on which an unknown condition waits. Naming it lets
/// a result that waits on one thing only say so ("取决于当地财产规定") instead of a vague hedge.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum LocalRule {
    /// Property limits (deposits, vehicles, homes): set by each province or city, in no source.
    Property,
    /// The local 低保标准, when neither the pack nor the user gives one.
    Standard,
    /// Last year's local 居民人均可支配收入, when neither the pack nor the user gives it.
    DisposableIncome,
    /// The share of income that rigid spending must exceed (national 刚性支出 rule), set locally.
    SpendingRatio,
    /// Whether the locality raised the national 1.5 × 边缘 multiple towards 2 ×.
    MarginalMultiplier,
    /// Whether the locality counts 残疾人两项补贴 as income: the documents followed here do not say.
    DisabilityAllowances,
}

impl LocalRule {
    const ALL: [LocalRule; 6] = [
        LocalRule::Property,
        LocalRule::Standard,
        LocalRule::DisposableIncome,
        LocalRule::SpendingRatio,
        LocalRule::MarginalMultiplier,
        LocalRule::DisabilityAllowances,
    ];

    /// The rule's name inside a sentence (取决于当地财产规定).
    pub fn label(self) -> &'static str {
        match self {
            LocalRule::Property => "当地财产规定",
            LocalRule::Standard => "当地低保标准",
            LocalRule::DisposableIncome => "当地居民人均可支配收入",
            LocalRule::SpendingRatio => "当地刚性支出比例",
            LocalRule::MarginalMultiplier => "当地边缘家庭标准",
            LocalRule::DisabilityAllowances => "当地是否把残疾人两项补贴计入收入",
        }
    }

    /// What the reader should do about it, in one sentence.
    pub fn what_to_ask(self) -> &'static str {
        match self {
            LocalRule::Property => {
                "存款、车辆、房产等财产的限额由各地规定，现有文件没有给出数字，本工具不作猜测；请向乡镇（街道）咨询。"
            }
            LocalRule::Standard => "请查看市、县民政局公布的低保标准，或向乡镇（街道）、12345询问，填入第1步即可判断。",
            LocalRule::DisposableIncome => "该数字见市、县上年度统计公报，也可向乡镇（街道）询问。",
            LocalRule::SpendingRatio => "比例由当地规定，现有文件没有给出数字；请向乡镇（街道）咨询。",
            LocalRule::MarginalMultiplier => "各地可把边缘家庭标准从1.5倍放宽到2倍，请向乡镇（街道）确认。",
            LocalRule::DisabilityAllowances => {
                "本工具依据的文件没有写明困难残疾人生活补贴、重度残疾人护理补贴是否计入家庭收入；请向乡镇（街道）确认当地规定。"
            }
        }
    }

    fn bit(self) -> u8 {
        1 << (self as u8)
    }
}

/// A set of [`LocalRule`]s (a bit set: copied freely, serialised as a list).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct LocalRules(u8);

impl LocalRules {
    /// No rule: what a decided check waits on.
    pub const NONE: LocalRules = LocalRules(0);

    /// The set of one rule.
    pub fn of(rule: LocalRule) -> LocalRules {
        LocalRules(rule.bit())
    }

    /// The rules of either set: a result waits on every rule its unknown checks wait on.
    pub fn union(self, other: LocalRules) -> LocalRules {
        LocalRules(self.0 | other.0)
    }

    /// Whether the set holds no rule.
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// [`LocalRules::is_empty`] by reference, for serde's `skip_serializing_if`.
    fn is_none(rules: &LocalRules) -> bool {
        rules.is_empty()
    }

    /// Whether `rule` is in the set.
    pub fn contains(self, rule: LocalRule) -> bool {
        self.0 & rule.bit() != 0
    }

    /// The rules in the set, in the order of [`LocalRule`]'s variants.
    pub fn iter(self) -> impl Iterator<Item = LocalRule> {
        LocalRule::ALL.into_iter().filter(move |r| self.contains(*r))
    }

    /// The rule, when the set holds exactly one.
    pub fn single(self) -> Option<LocalRule> {
        let mut rules = self.iter();
        match (rules.next(), rules.next()) {
            (Some(rule), None) => Some(rule),
            _ => None,
        }
    }
}

impl Serialize for LocalRules {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.iter())
    }
}

impl Status {
    /// The code programs read (`docs/FORMATS.md`).
    pub fn code(self) -> &'static str {
        match self {
            Status::Likely => "likely",
            Status::NeedsLocalCheck => "needs_local_check",
            Status::Unlikely => "unlikely",
            Status::NotApplicable => "not_applicable",
        }
    }

    /// The status in words, as results and the report show it.
    pub fn label(self) -> &'static str {
        match self {
            Status::Likely => "很可能符合",
            Status::NeedsLocalCheck => "可能符合——需当地核实，请咨询乡镇（街道）",
            Status::Unlikely => "不太可能符合",
            Status::NotApplicable => "不适用",
        }
    }

    /// All conditions must hold: one failure decides; otherwise one unknown leaves it to the office.
    pub fn of_checks(checks: &[Check]) -> Status {
        if checks.is_empty() {
            Status::NotApplicable
        } else if checks.iter().any(|c| c.outcome == Outcome::Fail) {
            Status::Unlikely
        } else if checks.iter().all(|c| c.outcome == Outcome::Pass) {
            Status::Likely
        } else {
            Status::NeedsLocalCheck
        }
    }
}

/// The categories, in the review order of 山东 送审稿 一.2 and 桂民发〔2024〕34号 七(十六):
/// 特困 → 低保 (with its 单人户 and 支出型 routes, and 渐退) → 低保边缘 → 刚性支出困难, then 临时救助.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Category {
    /// 特困人员救助供养, for one member: an elderly, disabled or minor person with no capacity to work, no
    /// means of living and no legal supporter able to support them.
    Destitute,
    /// 最低生活保障 (低保) for the whole household: per-capita income below the local 低保标准 and property
    /// within the local limits.
    Dibao,
    /// A route into 低保 for the whole household, so before the routes for one member.
    ExpenditurePoverty,
    /// 低保单人户 for an adult, unemployed, severely disabled member, assessed on their own income and
    /// property as if living alone (山西).
    DibaoSoloDisabled,
    /// 低保渐退: a 低保 household whose income rose above the standard through work may keep 低保 for some
    /// months.
    PhaseOut,
    /// One member of a 边缘 family into 低保: only once the family is 边缘.
    DibaoSoloMarginalMember,
    /// 低保边缘家庭: not eligible for 低保, with per-capita income below a multiple of the standard (1.5 to
    /// 2 ×) and property within the local rules.
    Marginal,
    /// 刚性支出困难家庭: outside 低保 and 边缘, but in hardship because large rigid spending (medical,
    /// schooling, …) eats up a modest income.
    RigidExpenditure,
    /// 临时救助: one-off help for sudden, urgent hardship or for the uninsured unemployed, given on top
    /// of any other category.
    TemporaryAssistance,
}

/// Written as its code (`"dibao"`): the JSON formats and the widget's `result` event share it.
impl Serialize for Category {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.code())
    }
}

/// Written as its code (`"needs_local_check"`).
impl Serialize for Status {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.code())
    }
}

impl Category {
    /// The code programs read (`docs/FORMATS.md`).
    pub fn code(self) -> &'static str {
        match self {
            Category::Destitute => "destitute",
            Category::Dibao => "dibao",
            Category::DibaoSoloDisabled => "dibao_solo_disabled",
            Category::DibaoSoloMarginalMember => "dibao_solo_marginal_member",
            Category::ExpenditurePoverty => "expenditure_poverty",
            Category::PhaseOut => "phase_out",
            Category::Marginal => "marginal",
            Category::RigidExpenditure => "rigid_expenditure",
            Category::TemporaryAssistance => "temporary_assistance",
        }
    }

    /// The category as residents know it, for headings and summaries.
    pub fn name(self) -> &'static str {
        match self {
            Category::Destitute => "特困人员救助供养",
            Category::Dibao => "最低生活保障（低保）",
            Category::DibaoSoloDisabled => "低保单人户（成年无业重度残疾人）",
            Category::DibaoSoloMarginalMember => "低保单人户（低保边缘家庭中的重病、重残人员）",
            Category::ExpenditurePoverty => "支出型贫困家庭（纳入低保）",
            Category::PhaseOut => "低保渐退",
            Category::Marginal => "低保边缘家庭",
            Category::RigidExpenditure => "刚性支出困难家庭",
            Category::TemporaryAssistance => "临时救助",
        }
    }

    /// The category in a word or two, for lists where the full name would crowd the line (the
    /// answer at every standard): 低保, 边缘家庭, 支出型贫困.
    pub fn short_name(self) -> &'static str {
        match self {
            Category::Destitute => "特困供养",
            Category::Dibao => "低保",
            Category::DibaoSoloDisabled => "低保单人户（重度残疾）",
            Category::DibaoSoloMarginalMember => "低保单人户（边缘家庭重病重残）",
            Category::ExpenditurePoverty => "支出型贫困（纳入低保）",
            Category::PhaseOut => "低保渐退",
            Category::Marginal => "低保边缘家庭",
            Category::RigidExpenditure => "刚性支出困难家庭",
            Category::TemporaryAssistance => "临时救助",
        }
    }

    /// Every category, in review order.
    pub const ALL: [Category; 9] = [
        Category::Destitute,
        Category::Dibao,
        Category::ExpenditurePoverty,
        Category::DibaoSoloDisabled,
        Category::PhaseOut,
        Category::DibaoSoloMarginalMember,
        Category::Marginal,
        Category::RigidExpenditure,
        Category::TemporaryAssistance,
    ];
}

/// Who a result is about: the whole household, or one member (特困 and 单人户 are personal).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Subject {
    /// The whole household: 低保, 边缘, 刚性支出 and 临时救助 are assessed for everyone who lives
    /// together.
    Household,
    /// `index` counts from 0, as in the input.
    Member {
        /// The member's position in the input's `members`, from 0.
        index: usize,
    },
}

/// How a household's figure must compare with a threshold: the rules' 低于, 不超过, 高于 and 不低于.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Comparison {
    /// <
    Below,
    /// ≤
    AtMost,
    /// >
    Above,
    /// ≥
    AtLeast,
}

impl Comparison {
    /// The symbol shown between a figure and its threshold.
    pub fn symbol(self) -> &'static str {
        match self {
            Comparison::Below => "<",
            Comparison::AtMost => "≤",
            Comparison::Above => ">",
            Comparison::AtLeast => "≥",
        }
    }

    /// The words for a figure that does not meet the comparison: 低于 fails as 不低于.
    pub fn failed_words(self) -> &'static str {
        match self {
            Comparison::Below => "不低于",
            Comparison::AtMost => "高于",
            Comparison::Above => "不高于",
            Comparison::AtLeast => "低于",
        }
    }
}

/// A figure in a check: an amount with its unit, or a plain statement ("持有残疾人证，一级").
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Figure {
    /// Rounded to the fen for display; the comparison itself was made on exact values.
    Quantity {
        /// The amount, rounded to the fen.
        value: Decimal,
        /// The unit the amount is in (元/人/月, 元/人, 元).
        unit: &'static str,
    },
    /// A fact stated in words where the condition has no number (持有残疾人证，一级).
    Text {
        /// The statement as the reader sees it.
        text: String,
    },
}

impl Figure {
    /// Money per person per month, rounded to the fen for display.
    pub fn yuan_per_month(value: Decimal) -> Figure {
        Figure::Quantity { value: money::Money::display_rounded(value), unit: "元/人/月" }
    }

    /// An amount of money, rounded to the fen for display.
    pub fn yuan(value: Decimal) -> Figure {
        Figure::Quantity { value: money::Money::display_rounded(value), unit: "元" }
    }

    /// A figure in another unit (元/人), rounded to the fen for display.
    pub fn quantity(value: Decimal, unit: &'static str) -> Figure {
        Figure::Quantity { value: money::Money::display_rounded(value), unit }
    }

    /// A statement in place of a number (持有残疾人证，一级).
    pub fn text(text: impl Into<String>) -> Figure {
        Figure::Text { text: text.into() }
    }

    /// The figure as a phrase: 812元/人/月, or the statement itself.
    pub fn describe(&self) -> String {
        match self {
            Figure::Quantity { value, unit } => format!("{}{}", Yuan(*value), unit),
            Figure::Text { text } => text.clone(),
        }
    }
}

/// One condition of a rule, as evaluated for this household.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Check {
    /// A stable key for programs (`dibao.income`), not shown to residents.
    pub key: CheckKey,
    /// The condition in plain language.
    pub label: Cow<'static, str>,
    /// The household's (or member's) figure the condition is about; `None` for a yes/no fact.
    pub figure: Option<Figure>,
    /// How the figure must compare with the threshold; `None` for a yes/no fact.
    pub comparison: Option<Comparison>,
    /// The limit the figure is held against (the 低保标准, a multiple of it, an asset limit); `None`
    /// for a yes/no fact.
    pub threshold: Option<Figure>,
    /// Threshold minus figure, in the figure's unit, when both are money: positive means room below
    /// the threshold, negative means over it.
    pub gap: Option<Decimal>,
    /// Whether the condition is met, not met or left to the local office.
    pub outcome: Outcome,
    /// The sentence a reader sees, with the numbers and the arithmetic.
    pub explanation: Explanation,
    /// The document and article the condition comes from, so that a reader can look it up.
    pub citation: Citation,
    /// For an unknown outcome: the local rules it waits on (empty when it waits on the office's
    /// judgement of a fact, or on an unanswered question). Left out of JSON when empty.
    #[serde(skip_serializing_if = "LocalRules::is_none")]
    pub waits_on: LocalRules,
    /// For an income test whose 低保标准 is unknown: the monthly standard (per person) above which
    /// it would be met ("只要当地低保标准高于620元"). Left out of JSON when there is none.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub standard_above: Option<Decimal>,
}

impl Check {
    /// A yes/no condition with no numbers.
    pub fn fact(
        key: CheckKey,
        label: impl Into<Cow<'static, str>>,
        outcome: Outcome,
        explanation: impl Into<Explanation>,
        citation: Citation,
    ) -> Check {
        Check {
            key,
            label: label.into(),
            figure: None,
            comparison: None,
            threshold: None,
            gap: None,
            outcome,
            explanation: explanation.into(),
            citation,
            waits_on: LocalRules::NONE,
            standard_above: None,
        }
    }

    /// The outcome in words beside the condition: for a condition that waits on the 低保标准, what
    /// it waits on ("取决于当地低保标准"), so that the badge says what the sentence says.
    pub fn outcome_label(&self) -> &'static str {
        match self.outcome {
            Outcome::Unknown if self.waits_on.contains(LocalRule::Standard) => "取决于当地低保标准",
            outcome => outcome.label(),
        }
    }

    /// The same check, marked as waiting on `rules` when its outcome is unknown (a decided check
    /// waits on nothing, so it is returned as it is).
    pub fn waiting_on(self, rules: LocalRules) -> Check {
        match self.outcome {
            Outcome::Unknown => Check { waits_on: rules, ..self },
            Outcome::Pass | Outcome::Fail => self,
        }
    }
}

/// The sentence behind a check. Sentences made of many figures are kept as their figures and
/// written out only when shown or serialised (they are the costly part of an assessment, and a page
/// shows only the reasons a reader opens); in JSON an explanation is always a plain string.
#[derive(Debug, Clone, PartialEq)]
pub struct Explanation {
    body: Body,
    /// Sentences a rule adds after the main one.
    more: Vec<Cow<'static, str>>,
}

#[derive(Debug, Clone, PartialEq)]
enum Body {
    Text(Cow<'static, str>),
    PerCapita(Box<PerCapitaSentence>),
    Assets(Box<AssetSentence>),
}

/// "要求家庭人均月收入 < 低保标准（760元/人/月）。您家为812元/人/月（… ÷ 3人 ÷ 12个月），比低保标准高52元。"
#[derive(Debug, Clone, PartialEq)]
pub struct PerCapitaSentence {
    /// What the figure is called (家庭人均月收入, 本人月收入).
    pub figure_name: &'static str,
    /// How the figure must compare with the threshold.
    pub comparison: Comparison,
    /// What the threshold is called (低保标准, 1.5倍低保标准).
    pub threshold_name: ThresholdName,
    /// The threshold per person per month.
    pub threshold_month: Decimal,
    /// The household's (or member's) figure per person per month.
    pub per_month: Decimal,
    /// How the 12-month figure was built, written out in the brackets of the arithmetic.
    pub basis: Basis,
    /// How many people the 12-month figure is divided among.
    pub members: Decimal,
    /// Threshold minus figure, per month, rounded to the fen.
    pub gap: Decimal,
    /// The exact annual figures are equal (not just equal once rounded).
    pub exactly_equal: bool,
}

/// What a threshold is called in a sentence.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum ThresholdName {
    /// The 低保标准 itself.
    Standard,
    /// A threshold not tied to the 低保标准, called by its name (上年度居民人均可支配收入).
    Named(&'static str),
    /// "1.5倍低保标准"
    TimesStandard(Decimal),
}

impl fmt::Display for ThresholdName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ThresholdName::Standard => f.write_str("低保标准"),
            ThresholdName::Named(name) => f.write_str(name),
            ThresholdName::TimesStandard(m) => write!(f, "{}倍低保标准", m.normalize()),
        }
    }
}

impl ThresholdName {
    /// How many times the 低保标准 the threshold is; `None` for a threshold not tied to it. The
    /// answer-per-standard sweep learns from this where a comparison changes its outcome.
    pub fn standard_multiple(self) -> Option<Decimal> {
        match self {
            ThresholdName::Standard => Some(Decimal::ONE),
            ThresholdName::TimesStandard(m) => Some(m),
            ThresholdName::Named(_) => None,
        }
    }
}

/// How the household's 12-month figure was built.
#[derive(Debug, Clone, PartialEq)]
pub enum Basis {
    /// "12个月计入收入29232元"
    Income(Decimal),
    /// "本人12个月计入收入…元"
    OwnIncome(Decimal),
    /// "本人12个月计入收入…元（已豁免兄弟姐妹或老人给付的供养费…元）"
    OwnIncomeExempting {
        /// The member's own counted income less deductions, over 12 months, the exempt part left out.
        net: Decimal,
        /// The 供养费 from siblings or people aged 60 or over that 山西's 单人户 rule exempts, over
        /// 12 months: only that (income no rule counts, such as 基础养老金, is not in it, since the
        /// sentence names the 供养费 alone).
        exempt: Decimal,
    },
    /// "12个月计入收入…元 − 医疗费用个人负担部分…元"
    IncomeMinus {
        /// The household's net income over 12 months.
        net: Decimal,
        /// What the spending taken off is, in words (医疗费用个人负担部分, 刚性支出).
        cost_label: Cow<'static, str>,
        /// The spending taken off, paid out of pocket over the same 12 months.
        cost: Decimal,
    },
}

impl fmt::Display for Basis {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Basis::Income(net) => write!(f, "12个月计入收入{}元", Yuan(*net)),
            Basis::OwnIncome(net) => write!(f, "本人12个月计入收入{}元", Yuan(*net)),
            Basis::OwnIncomeExempting { net, exempt } => {
                write!(f, "本人12个月计入收入{}元（已豁免兄弟姐妹或老人给付的供养费{}元）", Yuan(*net), Yuan(*exempt))
            }
            Basis::IncomeMinus { net, cost_label, cost } => {
                write!(f, "12个月计入收入{}元 − {}{}元", Yuan(*net), cost_label, Yuan(*cost))
            }
        }
    }
}

/// "家庭金融资产20000元 ÷ 3人 = 6666.67元/人；上限为36个月 × 低保标准760元/月 = 27360元/人。"
#[derive(Debug, Clone, PartialEq)]
pub struct AssetSentence {
    /// The household's declared financial assets.
    pub financial: Decimal,
    /// How many members they are shared among.
    pub members: Decimal,
    /// Financial assets per member: the figure the limit applies to.
    pub per_person: Decimal,
    /// How many months of the 低保标准 the limit allows per person (36 for 山西's 支出型贫困).
    pub months: Decimal,
    /// The 低保标准 per person per month.
    pub standard_month: Decimal,
    /// The limit per person: `months` × the monthly standard.
    pub limit: Decimal,
}

impl Explanation {
    /// A per-capita comparison, kept as its figures and written out when shown.
    pub fn per_capita(sentence: PerCapitaSentence) -> Explanation {
        Explanation { body: Body::PerCapita(Box::new(sentence)), more: Vec::new() }
    }

    /// A financial-asset comparison, kept as its figures and written out when shown.
    pub fn assets(sentence: AssetSentence) -> Explanation {
        Explanation { body: Body::Assets(Box::new(sentence)), more: Vec::new() }
    }

    /// Adds a sentence after the existing ones.
    pub fn push(&mut self, sentence: impl Into<Cow<'static, str>>) {
        self.more.push(sentence.into());
    }
}

impl From<String> for Explanation {
    fn from(text: String) -> Explanation {
        Explanation { body: Body::Text(Cow::Owned(text)), more: Vec::new() }
    }
}

impl From<&'static str> for Explanation {
    fn from(text: &'static str) -> Explanation {
        Explanation { body: Body::Text(Cow::Borrowed(text)), more: Vec::new() }
    }
}

impl fmt::Display for Explanation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.body {
            Body::Text(text) => f.write_str(text)?,
            Body::PerCapita(s) => {
                // A personal test speaks of the member (本人), a household test of the household (您家).
                let whose = match s.basis {
                    Basis::OwnIncome(_) | Basis::OwnIncomeExempting { .. } => "本人",
                    Basis::Income(_) | Basis::IncomeMinus { .. } => "您家",
                };
                write!(
                    f,
                    "要求{} {} {}（{}元/人/月）。",
                    s.figure_name,
                    s.comparison.symbol(),
                    s.threshold_name,
                    Yuan(s.threshold_month),
                )?;
                // Spending above income: said in words, never as a negative income per person.
                if let (Basis::IncomeMinus { net, cost_label, cost }, true) = (&s.basis, s.per_month < Decimal::ZERO) {
                    write!(
                        f,
                        "{whose}{cost_label}（{}元）超过了全年计入的收入（{}元），扣除后没有余额，低于{}。",
                        Yuan(*cost),
                        Yuan(*net),
                        s.threshold_name
                    )?;
                    for sentence in &self.more {
                        f.write_str(sentence)?;
                    }
                    return Ok(());
                }
                write!(f, "{whose}为{}元/人/月（", Yuan(s.per_month))?;
                // A difference is bracketed before it is divided: (收入 − 支出) ÷ 人数 ÷ 12个月.
                match s.basis {
                    Basis::IncomeMinus { .. } => write!(f, "({})", s.basis)?,
                    _ => write!(f, "{}", s.basis)?,
                }
                write!(f, " ÷ {}人 ÷ 12个月），", Yuan(s.members))?;
                let name = s.threshold_name;
                if s.gap.is_zero() {
                    if s.exactly_equal {
                        write!(f, "恰好等于{name}")?;
                    } else {
                        write!(f, "与{name}相差不到1分钱")?;
                    }
                } else if s.gap.is_sign_positive() {
                    write!(f, "比{name}低{}元", Yuan(s.gap))?;
                } else {
                    write!(f, "比{name}高{}元", Yuan(-s.gap))?;
                }
                f.write_str("。")?;
            }
            Body::Assets(s) => write!(
                f,
                "家庭金融资产{}元 ÷ {}人 = {}元/人；上限为{}个月 × 低保标准{}元/月 = {}元/人。",
                Yuan(s.financial),
                Yuan(s.members),
                Yuan(s.per_person),
                s.months.normalize(),
                Yuan(s.standard_month),
                Yuan(s.limit),
            )?,
        }
        for sentence in &self.more {
            f.write_str(sentence)?;
        }
        Ok(())
    }
}

impl Explanation {
    /// What was found, for a condition that failed, said the right way round: "家庭人均月收入1250元，
    /// 不低于低保标准700元". (A label states the condition, so "不符合：<label>" reads as its opposite.)
    /// A plain sentence is already a finding: rules write their failed facts as what was found.
    pub fn failure_finding(&self) -> String {
        match &self.body {
            Body::PerCapita(s) => format!(
                "{}{}元，{}{}{}元",
                s.figure_name,
                Yuan(s.per_month),
                s.comparison.failed_words(),
                s.threshold_name,
                Yuan(s.threshold_month)
            ),
            Body::Assets(s) => format!("人均金融资产{}元，超过上限{}元", Yuan(s.per_person), Yuan(s.limit)),
            Body::Text(text) => text.trim_end_matches('。').to_string(),
        }
    }
}

impl Serialize for Explanation {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// The special assistance a category opens.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Assistance {
    /// Which kind of special assistance (专项救助) it is, so that programs can group the items.
    pub kind: AssistanceKind,
    /// The assistance as the province's document names it (医疗救助, 教育费用减免, …).
    pub name: &'static str,
    /// What it gives, in one or two plain sentences.
    pub detail: &'static str,
    /// The document and article that open it for this category.
    pub citation: Citation,
}

/// The kind of special assistance (专项救助) an item is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AssistanceKind {
    /// 医疗救助: help with insurance premiums and with medical bills left after insurance.
    Medical,
    /// 教育救助: fee waivers, grants, loans and work-study for students.
    Education,
    /// 住房救助: public rental housing or rent subsidies in cities, 危房改造 in the countryside.
    Housing,
    /// 就业救助: job information, training and public-welfare posts for members able to work.
    Employment,
    /// 受灾人员救助: help for victims of natural disasters, including rebuilding damaged homes.
    Disaster,
    /// 临时救助: one-off help in a sudden hardship.
    Temporary,
    /// Other help (其他救助帮扶): waivers of water, power or funeral costs, disability support extended
    /// to 边缘 members, heating subsidies.
    Other,
}

impl AssistanceKind {
    /// The kind in words (医疗救助, 教育救助, …).
    pub fn label(self) -> &'static str {
        match self {
            AssistanceKind::Medical => "医疗救助",
            AssistanceKind::Education => "教育救助",
            AssistanceKind::Housing => "住房救助",
            AssistanceKind::Employment => "就业救助",
            AssistanceKind::Disaster => "受灾人员救助",
            AssistanceKind::Temporary => "临时救助",
            AssistanceKind::Other => "其他救助帮扶",
        }
    }
}

/// One category's result for one subject. Its one-sentence summary is written when asked for
/// ([`CategoryResult::summary`]; in JSON, the `summary` field), not per assessment: the sentences of
/// failed conditions hold figures, and formatting them was most of a keystroke's assessment.
#[derive(Debug, Clone, PartialEq)]
pub struct CategoryResult {
    /// Which category the result is for; in JSON its code (`dibao`).
    pub category: Category,
    /// The category's name as residents know it; for a result about one member, with the member
    /// named (特困人员救助供养（第2位成员，配偶，43岁）).
    pub name: Cow<'static, str>,
    /// Who the result is about: the whole household, or one member.
    pub subject: Subject,
    /// How likely the subject is to qualify, from the outcomes of the checks.
    pub status: Status,
    /// When the result may qualify and one local rule alone is undecided: that rule.
    pub decided_by: Option<LocalRule>,
    /// The local rules its unknown conditions wait on (a later rule that depends on this result
    /// waits on them too: 边缘 "不符合低保条件" waits on whatever 低保 waits on). Left out of JSON
    /// when empty.
    pub waits_on: LocalRules,
    /// Why the category does not concern this household (only for `NotApplicable`).
    pub not_applicable_because: Option<String>,
    /// Every condition of the category as evaluated, in the order the rule states them.
    pub checks: Vec<Check>,
    /// Remarks the rule adds for the reader (how the category is assessed, what the office
    /// decides).
    pub notes: Vec<Cow<'static, str>>,
    /// Filled for results that are likely or need a local check.
    pub special_assistance: Vec<Assistance>,
    /// Set when the result was assessed at a 低保标准 a year old or more and would read otherwise at
    /// other standards: the figure and its date ("按2020年标准"), which the status
    /// label then opens with, so that an old figure never gives a bare verdict.
    pub dated_by: Option<String>,
}

impl CategoryResult {
    /// A result whose status follows from its checks.
    pub fn from_checks(
        category: Category,
        subject: Subject,
        name: impl Into<Cow<'static, str>>,
        checks: Vec<Check>,
        notes: Vec<Cow<'static, str>>,
    ) -> CategoryResult {
        let status = Status::of_checks(&checks);
        let name = name.into();
        let unknown = || checks.iter().filter(|c| c.outcome == Outcome::Unknown);
        let waits_on = unknown().fold(LocalRules::NONE, |all, c| all.union(c.waits_on));
        // One rule decides only when every unknown condition waits on it and on nothing else.
        let decided_by = match status {
            Status::NeedsLocalCheck if unknown().all(|c| !c.waits_on.is_empty()) => waits_on.single(),
            _ => None,
        };
        CategoryResult {
            category,
            name,
            subject,
            status,
            decided_by,
            waits_on,
            not_applicable_because: None,
            checks,
            notes,
            special_assistance: Vec::new(),
            dated_by: None,
        }
    }

    /// A category that does not concern this household, with the reason.
    pub fn not_applicable(category: Category, reason: String) -> CategoryResult {
        let name = category.name();
        CategoryResult {
            category,
            not_applicable_because: Some(reason),
            name: Cow::Borrowed(name),
            subject: Subject::Household,
            status: Status::NotApplicable,
            decided_by: None,
            waits_on: LocalRules::NONE,
            checks: Vec::new(),
            notes: Vec::new(),
            special_assistance: Vec::new(),
            dated_by: None,
        }
    }
}

impl CategoryResult {
    /// The status in words; when one local rule alone is undecided, it is named:
    /// "可能符合——取决于当地财产规定，请咨询乡镇（街道）".
    pub fn status_label(&self) -> Cow<'static, str> {
        let label = match self.decided_by {
            Some(rule) => Cow::Owned(format!("可能符合——取决于{}，请咨询乡镇（街道）", rule.label())),
            None => Cow::Borrowed(self.status.label()),
        };
        match &self.dated_by {
            Some(dated) => Cow::Owned(format!("{dated}：{label}")),
            None => label,
        }
    }

    /// The one sentence a resident reads first: what decides it, or what was found.
    pub fn summary(&self) -> String {
        match &self.not_applicable_because {
            Some(reason) => format!("{}：{reason}", self.name),
            None => summarize(&self.name, self.status, self.decided_by, &self.checks),
        }
    }
}

/// The JSON form: the fields as they are, and the summary written out.
impl Serialize for CategoryResult {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut s = serializer.serialize_struct("CategoryResult", 12)?;
        s.serialize_field("category", &self.category)?;
        s.serialize_field("name", &self.name)?;
        s.serialize_field("subject", &self.subject)?;
        s.serialize_field("status", &self.status)?;
        s.serialize_field("status_label", &self.status_label())?;
        s.serialize_field("decided_by", &self.decided_by)?;
        match &self.dated_by {
            Some(dated) => s.serialize_field("dated_by", dated)?,
            None => s.skip_field("dated_by")?,
        }
        if self.waits_on.is_empty() {
            s.skip_field("waits_on")?;
        } else {
            s.serialize_field("waits_on", &self.waits_on)?;
        }
        s.serialize_field("summary", &self.summary())?;
        s.serialize_field("checks", &self.checks)?;
        s.serialize_field("notes", &self.notes)?;
        s.serialize_field("special_assistance", &self.special_assistance)?;
        s.end()
    }
}

/// One sentence per result, written into a single pre-sized string.
fn summarize(name: &str, status: Status, decided_by: Option<LocalRule>, checks: &[Check]) -> String {
    let mut out = String::with_capacity(name.len() + 96);
    out.push_str(name);
    let list = |outcome: Outcome, out: &mut String| {
        let mut first = true;
        for check in checks.iter().filter(|c| c.outcome == outcome) {
            if !first {
                out.push('；');
            }
            out.push_str(&check.label);
            first = false;
        }
        out.push('。');
    };
    match (status, decided_by) {
        (Status::Likely, _) => out.push_str("：各项条件看来都符合。"),
        (Status::NeedsLocalCheck, Some(rule)) => {
            out.push_str("：其他条件看来都符合，是否符合只取决于");
            out.push_str(rule.label());
            out.push('。');
            out.push_str(rule.what_to_ask());
        }
        (Status::NeedsLocalCheck, None) => {
            out.push_str("：已知条件符合，以下需当地核实：");
            list(Outcome::Unknown, &mut out);
        }
        (Status::Unlikely, _) => {
            out.push('：');
            let findings: Vec<String> =
                checks.iter().filter(|c| c.outcome == Outcome::Fail).map(|c| c.explanation.failure_finding()).collect();
            out.push_str(&findings.join("；"));
            out.push('。');
        }
        (Status::NotApplicable, _) => out.push_str("：不适用。"),
    }
    out
}

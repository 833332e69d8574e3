//! What every rule needs: the household, the pack, the day, the local figures that apply, and the
//! household's income — computed once per assessment — plus the helpers that turn a comparison into
//! a [`Check`] with its numbers and sentence.

use std::borrow::Cow;
use std::cell::RefCell;

use rust_decimal::Decimal;
use serde::Serialize;

use super::by_standard::{condition_words, fen_below_every_passing, Side, StandardComparison};
use super::check_key::CheckKey;
use super::citation::{Citation, Reliability};
use super::date::Day;
use super::household::{AreaKind, Household};
use super::income::{self, IncomeTotals, PersonalRule};
use super::money::{self, Amount, MoneyError, Yuan};
use super::outcome::{
    Basis, Check, Comparison, Explanation, Figure, LocalRule, LocalRules, Outcome, PerCapitaSentence, ThresholdName,
};
use super::policy::{dated_amount, Area, ByAreaKind, Dated, Param, PolicyPack};

/// The warning of an assessment without a 低保标准; the page's result leads with the answer at every
/// standard instead, so it shows this only where that answer is not shown.
pub const NO_STANDARD_WARNING: &str = "没有找到当地现行的低保标准：结果按不同的标准分别说明您家可能符合哪一类。知道当地标准的，可以填写（可向乡镇、街道或12345询问）。";

/// The same when the household's figures are past what the answer-per-standard sweep takes on.
pub const NO_STANDARD_NO_LADDER_WARNING: &str =
    "没有找到当地现行的低保标准：与收入有关的条件，请对照各条写明的标准判断。知道当地标准的，可以填写（可向乡镇、街道或12345询问）。";

/// How the warning for a city whose districts' standards differ begins (no district chosen): the
/// results page, whose banner already says it, leaves it out.
pub const RANGE_WARNING_START: &str = "没有选区县：";

/// How old a figure from a pack may be before the reader is warned that it may have changed.
const STALE_AFTER_MONTHS: u32 = 12;

/// A local figure (低保标准, 人均可支配收入) as used, with where it came from.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LocalFigure {
    /// The figure as the pack or the user states it, per month or per year.
    pub amount: Amount,
    /// The figure for one person over 12 months.
    pub annual: Decimal,
    /// The figure for one person per month, rounded to the fen for display.
    pub monthly: Decimal,
    /// Where the figure came from, so that a reader can check it: the pack (area, date, document)
    /// or the user.
    pub origin: Origin,
}

/// Where a local figure came from: the pack (with the area, the date and the source, so that a
/// reader can check it) or the user.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Origin {
    /// From the policy pack: the value in force on the assessment day.
    Pack {
        /// The pack's id of the area (`taiyuan/urban`), as given in `place.area`.
        area_id: String,
        /// The area's name as a reader knows it: city and district (太原市城镇).
        area_name: String,
        /// Whether the area's urban (城市) or rural (农村) figure was taken.
        area_kind: AreaKind,
        /// The day the value took effect: the latest effective date in the pack not after the
        /// assessment day.
        effective: Day,
        /// The document and article that set the value, and how reliable the copy it was read from is.
        source: Citation,
        /// The pack's remark on the value, shown with it, if any.
        note: Option<String>,
    },
    /// Typed by the user, operator or partner; it overrides the pack.
    User,
}

impl LocalFigure {
    fn new(amount: Amount, origin: Origin) -> Result<LocalFigure, MoneyError> {
        Ok(LocalFigure {
            amount,
            annual: amount.annual()?,
            monthly: money::Money::display_rounded(amount.monthly_value()?),
            origin,
        })
    }

    /// "760元/人/月（太原市城镇及六城区，2023-01-01起，并民发〔2023〕19号）"
    pub fn describe(&self) -> String {
        let value = format!("{}元/人/{}", self.amount.amount, self.amount.per.label());
        match &self.origin {
            Origin::Pack { area_name, area_kind, effective, source, .. } => {
                format!("{value}（{area_name}，{}标准，{effective}起执行，{source}）", area_kind.label())
            }
            Origin::User => format!("{value}（您填写的数值）"),
        }
    }

    /// For a figure from the pack in force for 12 months or more on `day`: the plain warning that
    /// the locality may have changed it ("该标准自2023年1月起执行，当地可能已调整…"). Standards are
    /// usually revised once a year; the 12 months are that habit, not a rule of any document.
    pub fn stale_warning(&self, day: Day) -> Option<String> {
        match &self.origin {
            Origin::Pack { effective, .. } if self.is_stale(day) => Some(format!(
                "该标准自{}年{}月起执行，当地可能已调整，请以当地公布为准；知道现行标准的，可以自己填写。",
                effective.year(),
                effective.month()
            )),
            _ => None,
        }
    }

    /// Whether the figure is from the pack and in force for 12 months or more on `day`: the answer
    /// is then dated and given for every other standard too. A typed figure is always current.
    pub fn is_stale(&self, day: Day) -> bool {
        matches!(&self.origin, Origin::Pack { effective, .. } if effective.months_until(day) >= STALE_AFTER_MONTHS)
    }

    /// What a check that uses this figure cites: the pack's source, or the user's own figure.
    pub fn citation(&self) -> Citation {
        match &self.origin {
            Origin::Pack { source, .. } => source.clone(),
            Origin::User => Citation::new("使用者填写的当地标准", "", Reliability::Supplied),
        }
    }
}

/// What every rule needs, worked out once per assessment: the household, the pack and the day, the
/// local figures in force and the income totals.
pub struct Context<'a> {
    /// The household being assessed; `assess` has validated it before building the context.
    pub household: &'a Household,
    /// The policy pack whose rules, numbers and areas apply.
    pub pack: &'a PolicyPack,
    /// The assessment day: every dated value in the pack is taken as in force on it.
    pub day: Day,
    /// The 低保标准 in force, the user's over the pack's; `None` when neither gives one, and then every
    /// income test waits on it.
    pub standard: Option<LocalFigure>,
    /// For a city whose districts' standards differ, when the household names the city but not
    /// its district: the lowest and the highest of them (`standard` is then `None`); the assessment
    /// answers at each.
    pub standard_range: Option<[(LocalFigure, String); 2]>,
    /// Last year's local 居民人均可支配收入 per person, the user's over the pack's, for 刚性支出困难; `None` when
    /// neither gives it.
    pub disposable_income: Option<LocalFigure>,
    /// The number of members as a decimal: the divisor of every per-capita figure.
    pub members: Decimal,
    /// The household's income over 12 months, totalled by what the rules do with it: counted, not
    /// counted, decided locally, deducted.
    pub income: IncomeTotals,
    /// Counted income less deductions over 12 months, never negative.
    pub net_income: Decimal,
    /// Problems worth telling the reader that are not errors (an unknown area id, a missing standard).
    pub warnings: Vec<String>,
    /// The sentence every local property check shows; the same for all of them, so written once.
    property_explanation: String,
    /// Every comparison the rules made with the 低保标准, for the answer-per-standard sweep.
    standard_comparisons: RefCell<Vec<StandardComparison>>,
    /// Whether the rules write their explanations and notes: a context made only for statuses (the
    /// sweep's samples, a batch) skips the sentences nobody reads. Statuses never depend on them.
    explains: bool,
}

impl<'a> Context<'a> {
    /// Finds the local figures in force on `day` (the user's over the pack's), totals the income and
    /// collects the warnings a reader should see (an unknown area, a stale or missing standard).
    pub fn new(household: &'a Household, pack: &'a PolicyPack, day: Day) -> Result<Context<'a>, MoneyError> {
        Context::build(household, pack, day, true)
    }

    /// The same for statuses only (a batch's `screen`): no sentence is written, not even the
    /// property sentence every context otherwise starts with.
    pub fn for_statuses(household: &'a Household, pack: &'a PolicyPack, day: Day) -> Result<Context<'a>, MoneyError> {
        Context::build(household, pack, day, false)
    }

    fn build(
        household: &'a Household,
        pack: &'a PolicyPack,
        day: Day,
        explains: bool,
    ) -> Result<Context<'a>, MoneyError> {
        let local_standard = household.place.local_standard;
        let mut warnings = Vec::new();
        let place = &household.place;
        if let Some(id) = &place.area {
            if !place_is_known(pack, id) {
                warnings.push(format!(
                    "政策包“{}”中没有地区编号“{}”，请填写当地标准。",
                    pack.name,
                    crate::engine::date::echoed(id, 40)
                ));
            }
        }
        let from_area = |by_kind: fn(&Area) -> &ByAreaKind| match &place.area {
            Some(id) => place_figure(pack, id, by_kind, place.area_kind, day),
            None => Ok(PlaceFigure::Unknown),
        };
        let (standard, standard_range) = match local_standard {
            Some(amount) => (Some(LocalFigure::new(amount, Origin::User)?), None),
            None => match from_area(|a| &a.dibao_standard)? {
                PlaceFigure::One(figure) => (Some(figure), None),
                PlaceFigure::Range(range) => (None, Some(*range)),
                PlaceFigure::Unknown => (None, None),
            },
        };
        if let Some(stale) = standard.as_ref().and_then(|s| s.stale_warning(day)) {
            warnings.push(stale);
        }
        match &standard_range {
            Some([(lowest, _), (highest, _)]) => {
                let id = place.area.as_deref().unwrap_or_default();
                let city = pack.areas.iter().find(|a| in_city(&a.id, city_of(id))).map_or("", |a| a.city.as_str());
                warnings.push(range_warning(city, lowest, highest, place.area_kind));
                // Old figures are dated as a single one would be (once when both are as old).
                for stale in [lowest.stale_warning(day), highest.stale_warning(day)].into_iter().flatten() {
                    if !warnings.contains(&stale) {
                        warnings.push(stale);
                    }
                }
            }
            None if standard.is_none() => warnings.push(NO_STANDARD_WARNING.to_string()),
            None => {}
        }
        let disposable_income = match place.disposable_income {
            Some(amount) => Some(LocalFigure::new(amount, Origin::User)?),
            None => match from_area(|a| &a.disposable_income)? {
                PlaceFigure::One(figure) => Some(figure),
                PlaceFigure::Range(_) | PlaceFigure::Unknown => None,
            },
        };
        let income = income::household(household)?;
        let net_income = income.net()?;
        let assets = &household.assets;
        let property_explanation = if !explains {
            String::new()
        } else if assets.declares_nothing() {
            "您家申报没有金融资产、车辆、房产或其他财产，任何财产限额都能满足。".to_string()
        } else {
            format!(
                "财产限额由当地规定，现有文件没有给出数字，本工具不作猜测。您家申报：金融资产{}元，车辆{}辆，房产{}套{}。请向乡镇（街道）咨询当地财产标准。",
                Yuan(assets.financial.amount()),
                assets.vehicles,
                assets.homes,
                if assets.other_property { "，另有其他房产或经营性财产" } else { "" }
            )
        };
        Ok(Context {
            household,
            pack,
            day,
            standard,
            standard_range,
            disposable_income,
            members: Decimal::from(household.members.len()),
            income,
            net_income,
            warnings,
            property_explanation,
            standard_comparisons: RefCell::new(Vec::new()),
            explains,
        })
    }

    /// The same household at another monthly 低保标准, typed in, for statuses only: no warnings and
    /// no sentences, and nothing looked up again (the place's figures and the income totals are
    /// this context's). What the answer-per-standard sweep assesses at each standard it samples.
    pub fn at_standard(&self, standard: Amount) -> Result<Context<'a>, MoneyError> {
        Ok(self.quiet_copy(Some(LocalFigure::new(standard, Origin::User)?)))
    }

    /// The same household with no 低保标准 at all, for statuses only: what its own figures say at
    /// every standard (a check's `standard_above`), where the standard in use is old.
    pub fn without_standard(&self) -> Context<'a> {
        self.quiet_copy(None)
    }

    fn quiet_copy(&self, standard: Option<LocalFigure>) -> Context<'a> {
        Context {
            household: self.household,
            pack: self.pack,
            day: self.day,
            standard,
            standard_range: None,
            disposable_income: self.disposable_income.clone(),
            members: self.members,
            income: self.income,
            net_income: self.net_income,
            warnings: Vec::new(),
            property_explanation: String::new(),
            standard_comparisons: RefCell::new(Vec::new()),
            explains: false,
        }
    }

    /// Whether explanations and notes are written (not for a context made for statuses only).
    pub fn explains(&self) -> bool {
        self.explains
    }

    /// A sentence of explanation, written only when explanations are read.
    pub fn words(&self, write: impl FnOnce() -> String) -> String {
        if self.explains {
            write()
        } else {
            String::new()
        }
    }

    /// Records that a rule compared `lhs` (a 12-month household figure) with `factor` × the monthly
    /// 低保标准; the answer-per-standard sweep reads these to find where the answer can change.
    pub fn note_standard_comparison(&self, lhs: Decimal, factor: Decimal) {
        self.standard_comparisons.borrow_mut().push(StandardComparison { lhs, factor });
    }

    /// The comparisons with the 低保标准 the rules have made so far.
    pub fn standard_comparisons(&self) -> Vec<StandardComparison> {
        self.standard_comparisons.borrow().clone()
    }

    /// The value of a pack parameter in force on the assessment day.
    pub fn param<'p, T>(&self, param: &'p Param<T>) -> Option<&'p Dated<T>> {
        param.in_force(self.day)
    }

    /// Property, for rules whose limits are local: met for certain only when nothing is declared.
    pub fn property_check(&self, key: CheckKey, citation: Citation) -> Check {
        let outcome = if self.household.assets.declares_nothing() { Outcome::Pass } else { Outcome::Unknown };
        Check::fact(key, "家庭财产状况符合当地规定", outcome, self.property_explanation.clone(), citation)
            .waiting_on(LocalRules::of(LocalRule::Property))
    }

    /// The household's per-capita net income against a threshold (per person per year), decided
    /// exactly; the test 低保, 边缘, 渐退 and 刚性支出 share.
    pub fn household_income_test(
        &self,
        key: CheckKey,
        label: impl Into<Cow<'static, str>>,
        comparison: Comparison,
        threshold_annual: Decimal,
        threshold_name: ThresholdName,
        citation: Citation,
    ) -> Result<Check, MoneyError> {
        self.household_income(key, label.into(), comparison, threshold_annual, threshold_name, citation).evaluate(self)
    }

    /// The household income test against `multiple` × the 低保标准 when there is none: see
    /// [`PerCapitaTest::against_unknown_standard`].
    pub fn household_income_without_standard(
        &self,
        key: CheckKey,
        label: impl Into<Cow<'static, str>>,
        comparison: Comparison,
        multiple: Decimal,
        citation: Citation,
    ) -> Result<Check, MoneyError> {
        self.household_income(key, label.into(), comparison, Decimal::ZERO, ThresholdName::Standard, citation)
            .against_unknown_standard(multiple)
    }

    fn household_income(
        &self,
        key: CheckKey,
        label: Cow<'static, str>,
        comparison: Comparison,
        threshold_annual: Decimal,
        threshold_name: ThresholdName,
        citation: Citation,
    ) -> PerCapitaTest {
        PerCapitaTest {
            key,
            label,
            figure_name: "家庭人均月收入",
            basis: Basis::Income(self.net_income),
            household_annual: self.net_income,
            members: self.members,
            comparison,
            threshold_annual,
            threshold_name,
            citation,
            undecided_annual: self.income.locally_decided,
        }
    }

    /// One member's own income below the 低保标准 (特困 无生活来源; 单人户). Household income not
    /// attributed to anyone leaves the member's share unknown, so a pass becomes a local check.
    pub fn own_income_test(
        &self,
        key: CheckKey,
        label: &'static str,
        index: usize,
        rule: PersonalRule,
        citation: Citation,
    ) -> Result<Check, MoneyError> {
        let own = income::member_own(self.household, index, rule)?;
        let net = own.totals.net()?;
        let basis = match rule {
            PersonalRule::Destitute => Basis::OwnIncome(net),
            PersonalRule::SoloDisabled => Basis::OwnIncomeExempting { net, exempt: own.exempted_by_rule },
        };
        let check = PerCapitaTest {
            key,
            label: label.into(),
            figure_name: "本人月收入",
            basis,
            household_annual: net,
            members: Decimal::ONE,
            comparison: Comparison::Below,
            threshold_annual: self.standard.as_ref().map_or(Decimal::ZERO, |s| s.annual),
            threshold_name: ThresholdName::Standard,
            citation,
            undecided_annual: own.totals.locally_decided,
        };
        let mut check = match self.standard {
            Some(_) => check.evaluate(self)?,
            None => check.against_unknown_standard(Decimal::ONE)?,
        };
        if own.unattributed_shared > Decimal::ZERO && check.outcome == Outcome::Pass {
            check.outcome = Outcome::Unknown;
            check.explanation.push(format!(
                "家庭另有{}元收入没有分到个人，本人应得部分（如经营、财产净收入中属于本人的份额）不明，请当地核实。",
                Yuan(own.unattributed_shared)
            ));
        }
        Ok(check)
    }
}

/// The city part of an area id: `taiyuan` for `taiyuan/core-rural`, and for `taiyuan` itself.
pub fn city_of(area_id: &str) -> &str {
    area_id.split('/').next().unwrap_or(area_id)
}

/// Whether `area_id` is in `city` (`city_of(area_id) == city`), by bytes: a batch asks it of every
/// area of the pack for every household.
pub fn in_city(area_id: &str, city: &str) -> bool {
    match area_id.as_bytes().strip_prefix(city.as_bytes()) {
        Some(rest) => rest.first().is_none_or(|b| *b == b'/') && !city.as_bytes().contains(&b'/'),
        None => false,
    }
}

/// What the pack gives for a place: one figure; for a city whose districts differ and none is
/// chosen, the lowest and the highest; or nothing.
#[derive(Debug, Clone, PartialEq)]
pub enum PlaceFigure {
    /// The figure that applies.
    One(LocalFigure),
    /// The lowest and the highest of the city's districts' figures, each with the districts that
    /// have it ("壶关县、黎城县、平顺县、沁县、武乡县").
    Range(Box<[(LocalFigure, String); 2]>),
    /// The pack has none for the place.
    Unknown,
}

/// A city's citywide area: its one area without a `district` (none when several lack one, as in a
/// partner's pack that lists streets as cities).
fn citywide<'p>(pack: &'p PolicyPack, city: &str) -> Option<&'p Area> {
    let mut undistricted = pack.areas.iter().filter(|a| in_city(&a.id, city) && a.district.is_none());
    match (undistricted.next(), undistricted.next()) {
        (Some(area), None) => Some(area),
        _ => None,
    }
}

/// Whether `place` is an id the pack knows: one of its areas, or a city's id alone.
pub fn place_is_known(pack: &PolicyPack, place: &str) -> bool {
    pack.area(place).is_some() || (!place.contains('/') && pack.areas.iter().any(|a| in_city(&a.id, place)))
}

/// The figure for `place` (an area id, or a city's id alone) for an urban or rural household on
/// `day`, so that no choice of district ever loses a figure the city has: the area's own; else the
/// city's citywide figure; else, for the city as a whole (its id alone, or its citywide area), the
/// city's districts together — their figure when they agree, else the lowest and the highest. A
/// district chosen that has no figure, in a city without a citywide one, has none: it is never
/// answered with other districts' figures.
pub fn place_figure(
    pack: &PolicyPack,
    place: &str,
    by_kind: fn(&Area) -> &ByAreaKind,
    kind: AreaKind,
    day: Day,
) -> Result<PlaceFigure, MoneyError> {
    if !place_is_known(pack, place) {
        return Ok(PlaceFigure::Unknown);
    }
    let city = city_of(place);
    let citywide = citywide(pack, city);
    let chosen = pack.area(place);
    if let Some(figure) = chosen.map(|a| area_figure(a, by_kind, kind, day)).transpose()?.flatten() {
        return Ok(PlaceFigure::One(figure));
    }
    if let Some(figure) = citywide.map(|a| area_figure(a, by_kind, kind, day)).transpose()?.flatten() {
        return Ok(PlaceFigure::One(figure));
    }
    let whole_city = match chosen {
        Some(area) => citywide.is_some_and(|c| c.id == area.id),
        None => true,
    };
    if !whole_city {
        return Ok(PlaceFigure::Unknown);
    }
    // The lowest and the highest with the districts that have each (a scan: a sort would cost the
    // page kilobytes).
    let mut range: Option<[(LocalFigure, String); 2]> = None;
    for area in pack.areas.iter().filter(|a| in_city(&a.id, city)) {
        let Some(figure) = area_figure(area, by_kind, kind, day)? else { continue };
        let name = area.district.clone().unwrap_or_else(|| area.city.clone());
        let add = |names: &mut String| {
            names.push('、');
            names.push_str(&name);
        };
        range = Some(match range {
            None => [(figure.clone(), name.clone()), (figure, name.clone())],
            Some([lowest, highest]) if figure.annual < lowest.0.annual => [(figure, name.clone()), highest],
            Some([lowest, highest]) if figure.annual > highest.0.annual => [lowest, (figure, name.clone())],
            Some([mut lowest, mut highest]) => {
                if figure.annual == lowest.0.annual {
                    add(&mut lowest.1);
                }
                if figure.annual == highest.0.annual && highest.0.annual != lowest.0.annual {
                    add(&mut highest.1);
                }
                [lowest, highest]
            }
        });
    }
    Ok(match range {
        Some([lowest, highest]) if lowest.0.annual == highest.0.annual => PlaceFigure::One(lowest.0),
        Some(range) => PlaceFigure::Range(Box::new(range)),
        None => PlaceFigure::Unknown,
    })
}

/// "没有选区县：太原市各区县农村的低保标准不同（640元/人/月到760元/人/月）……"
fn range_warning(city: &str, lowest: &LocalFigure, highest: &LocalFigure, kind: AreaKind) -> String {
    let figure = |f: &LocalFigure| format!("{}元/人/{}", f.amount.amount, f.amount.per.label());
    format!(
        "{RANGE_WARNING_START}{city}各区县{}的低保标准不同（{}到{}），结果分别按最低和最高的标准说明。选了区县，就只按那里的标准。",
        kind.label(),
        figure(lowest),
        figure(highest)
    )
}

/// One of an area's figures (its 低保标准 or its disposable income, picked by `by_kind`) for an
/// urban or rural household, as in force on `day`; `None` when the area has none then. The engine
/// and the page's "where you live" step both use this, so they always show the same figure.
pub fn area_figure(
    area: &Area,
    by_kind: fn(&Area) -> &ByAreaKind,
    kind: AreaKind,
    day: Day,
) -> Result<Option<LocalFigure>, MoneyError> {
    match by_kind(area).get(kind).and_then(|p| p.in_force(day)) {
        Some(dated) => pack_figure(dated, area, kind).map(Some),
        None => Ok(None),
    }
}

fn pack_figure(dated: &Dated<money::Money>, area: &Area, area_kind: AreaKind) -> Result<LocalFigure, MoneyError> {
    LocalFigure::new(
        dated_amount(dated),
        Origin::Pack {
            area_id: area.id.clone(),
            area_name: area.display_name(),
            area_kind,
            effective: dated.effective,
            source: dated.source.clone(),
            note: dated.note.clone(),
        },
    )
}

/// A per-capita comparison: `household_annual / members` against `threshold_annual` per person,
/// decided exactly as `household_annual ⋚ threshold_annual × members` (no division, no rounding),
/// and shown per person per month.
pub struct PerCapitaTest {
    /// The check's stable key for programs (`dibao.income`).
    pub key: CheckKey,
    /// The condition in plain language, as the check shows it.
    pub label: Cow<'static, str>,
    /// What the household's figure is, e.g. "家庭人均月收入" or "扣除后家庭人均月收入".
    pub figure_name: &'static str,
    /// How the household's 12-month figure was built.
    pub basis: Basis,
    /// May be negative (income minus spending).
    pub household_annual: Decimal,
    /// How many people the figure is shared among: the household's members, or one for a personal
    /// test (特困, 单人户).
    pub members: Decimal,
    /// How the figure must compare with the threshold: the rule's 低于, 不超过, 高于 or 不低于.
    pub comparison: Comparison,
    /// The threshold per person over 12 months: the 低保标准, a multiple of it or the disposable
    /// income.
    pub threshold_annual: Decimal,
    /// What the threshold is called in the sentence (低保标准, 1.5倍低保标准).
    pub threshold_name: ThresholdName,
    /// The document and article the condition comes from.
    pub citation: Citation,
    /// Income over 12 months that the locality may or may not count (残疾人两项补贴), left out of
    /// `household_annual`: the test is decided without it and with it, and when the two answers
    /// differ it waits on the local rule instead of guessing one.
    pub undecided_annual: Decimal,
}

impl PerCapitaTest {
    /// The figure per person per month, and the same with the locally decided income counted.
    fn per_month(&self) -> Result<(Decimal, Option<Decimal>), MoneyError> {
        let twelve = Decimal::from(12);
        let per_month = money::div(money::div(self.household_annual, self.members)?, twelve)?;
        let with = if self.undecided_annual > Decimal::ZERO {
            let with = money::add(self.household_annual, self.undecided_annual)?;
            Some(money::div(money::div(with, self.members)?, twelve)?)
        } else {
            None
        };
        Ok((per_month, with))
    }

    /// The household's figure as a reader sees it: never a negative amount, which a spending
    /// larger than the income would give ("医疗费用个人负担部分超过了全年计入的收入" instead).
    fn figure(&self, per_month: Decimal) -> Figure {
        match (&self.basis, per_month < Decimal::ZERO) {
            (Basis::IncomeMinus { cost_label, .. }, true) => Figure::text(format!("{cost_label}超过全年收入")),
            _ => Figure::yuan_per_month(per_month),
        }
    }

    /// "家庭人均月收入为620元/人/月", or, when spending exceeds income, "医疗费用个人负担部分（…元）
    /// 超过了全年计入的收入（…元）".
    /// `counted_extra`: income counted in this reading beyond the basis (the 两项补贴 when read as
    /// income), so that the income named is the one the figure was worked from.
    fn figure_words(&self, per_month: Decimal, counted_extra: Decimal) -> String {
        match (&self.basis, per_month < Decimal::ZERO) {
            (Basis::IncomeMinus { net, cost_label, cost }, true) => {
                let income = money::add(*net, counted_extra).unwrap_or(*net);
                format!("{cost_label}（{}元）超过了全年计入的收入（{}元）", Yuan(*cost), Yuan(income))
            }
            _ => format!("{}为{}元/人/月", self.figure_name, Yuan(money::Money::display_rounded(per_month))),
        }
    }

    /// For a figure per month: `None` when the test is settled whatever the standard (a figure of
    /// zero or less is below any standard), else the condition on the standard that meets it
    /// ("高于620元"), exact for every standard in whole fen.
    fn condition(&self, per_month: Decimal, multiple: Decimal) -> Result<Option<String>, MoneyError> {
        if per_month <= Decimal::ZERO {
            return Ok(None);
        }
        let bound = money::div(per_month, multiple)?;
        Ok(Some(match self.comparison {
            Comparison::Below => condition_words(bound, Side::Above),
            Comparison::AtMost => condition_words(bound, Side::AtLeast),
            Comparison::Above | Comparison::AtLeast => condition_words(bound, Side::Below),
        }))
    }

    /// The same test when the 低保标准 is unknown (`threshold_annual` unused): it cannot be settled
    /// against a number, but the household's own figure says which standards would meet it —
    /// "只要当地低保标准高于620元，这一条就符合" — and a "below" test that a figure of zero or less
    /// meets under any standard is met. Income the locality may or may not count (两项补贴) is read
    /// both ways, and each way says at which standards it meets the test.
    pub fn against_unknown_standard(self, multiple: Decimal) -> Result<Check, MoneyError> {
        let (per_month, with) = self.per_month()?;
        let below = matches!(self.comparison, Comparison::Below | Comparison::AtMost);
        let mut check = Check::fact(self.key, self.label.clone(), Outcome::Unknown, "", self.citation.clone());
        check.figure = Some(self.figure(per_month));
        let times =
            if multiple == Decimal::ONE { String::new() } else { format!("（即{}）", times_standard(multiple)) };
        let settled = if below { "符合" } else { "不符合" };
        let condition = self.condition(per_month, multiple)?;
        // With income the locality may count, the first reading is named as one of two.
        let reading = if with.is_some() { "不计入残疾人两项补贴时，" } else { "" };
        let mut sentence = match &condition {
            None => format!(
                "{reading}{}，不论当地低保标准多少，这一条都{settled}。",
                self.figure_words(per_month, Decimal::ZERO)
            ),
            Some(words) => {
                if below {
                    let inclusive = self.comparison == Comparison::AtMost;
                    check.standard_above = Some(fen_below_every_passing(money::div(per_month, multiple)?, inclusive)?);
                }
                format!(
                    "{reading}{}：只要当地低保标准{words}{times}，这一条就符合。",
                    self.figure_words(per_month, Decimal::ZERO)
                )
            }
        };
        let mut waits_on = LocalRules::NONE;
        if condition.is_some() {
            waits_on = LocalRules::of(LocalRule::Standard);
        }
        match with {
            None if condition.is_none() => check.outcome = Outcome::from_bool(below),
            None => sentence.push_str(LocalRule::Standard.what_to_ask()),
            Some(with_month) => {
                let with_condition = self.condition(with_month, multiple)?;
                sentence.push_str(&format!(
                    "另有残疾人两项补贴{}元（12个月）；如果当地把它计入收入，{}，",
                    Yuan(self.undecided_annual),
                    self.figure_words(with_month, self.undecided_annual)
                ));
                match &with_condition {
                    None => sentence.push_str(&format!("不论当地低保标准多少，这一条都{settled}。")),
                    Some(words) => {
                        sentence.push_str(&format!("只要当地低保标准{words}{times}，这一条就符合。"));
                        waits_on = waits_on.union(LocalRules::of(LocalRule::Standard));
                        // Above the higher of the two bounds the test is met whichever way the
                        // allowance is read: that is the standard above which it is met.
                        if below {
                            let inclusive = self.comparison == Comparison::AtMost;
                            let with_bound = fen_below_every_passing(money::div(with_month, multiple)?, inclusive)?;
                            check.standard_above = Some(check.standard_above.map_or(with_bound, |b| b.max(with_bound)));
                        }
                    }
                }
                if condition.is_none() && with_condition.is_none() {
                    check.outcome = Outcome::from_bool(below);
                } else {
                    waits_on = waits_on.union(LocalRules::of(LocalRule::DisabilityAllowances));
                    sentence.push_str(LocalRule::DisabilityAllowances.what_to_ask());
                }
            }
        }
        check.waits_on = if check.outcome == Outcome::Unknown { waits_on } else { LocalRules::NONE };
        check.explanation = Explanation::from(sentence);
        Ok(check)
    }

    /// Decides the test against a known threshold. Income the locality may or may not count
    /// (残疾人两项补贴) is tried both ways; when the answers differ, the check waits on that local rule.
    /// A threshold tied to the 低保标准 tells `ctx` where the comparison turns.
    pub fn evaluate(self, ctx: &Context) -> Result<Check, MoneyError> {
        let limit = money::mul(self.threshold_annual, self.members)?;
        if let Some(multiple) = self.threshold_name.standard_multiple() {
            let factor = money::mul(money::mul(multiple, self.members)?, Decimal::from(12))?;
            ctx.note_standard_comparison(self.household_annual, factor);
            if self.undecided_annual > Decimal::ZERO {
                ctx.note_standard_comparison(money::add(self.household_annual, self.undecided_annual)?, factor);
            }
        }
        let meets = |annual: Decimal| match self.comparison {
            Comparison::Below => annual < limit,
            Comparison::AtMost => annual <= limit,
            Comparison::Above => annual > limit,
            Comparison::AtLeast => annual >= limit,
        };
        let pass = meets(self.household_annual);
        if !ctx.explains() {
            // For statuses only: the outcome, and what it waits on, without the figures a reader sees.
            let mut check = Check::fact(self.key, self.label, Outcome::from_bool(pass), "", self.citation);
            if self.undecided_annual > Decimal::ZERO
                && meets(money::add(self.household_annual, self.undecided_annual)?) != pass
            {
                check.outcome = Outcome::Unknown;
                check.waits_on = LocalRules::of(LocalRule::DisabilityAllowances);
            }
            return Ok(check);
        }
        let twelve = Decimal::from(12);
        let (per_month, with) = self.per_month()?;
        let threshold_month = money::div(self.threshold_annual, twelve)?;
        let gap = money::Money::display_rounded(money::sub(threshold_month, per_month)?);
        let undecided = match with {
            Some(with_month) => Some((meets(money::add(self.household_annual, self.undecided_annual)?), with_month)),
            None => None,
        };
        let figure = self.figure(per_month);
        let mut check = Check {
            key: self.key,
            label: self.label,
            figure: Some(figure),
            comparison: Some(self.comparison),
            threshold: Some(Figure::yuan_per_month(threshold_month)),
            gap: Some(gap),
            outcome: Outcome::from_bool(pass),
            explanation: Explanation::per_capita(PerCapitaSentence {
                figure_name: self.figure_name,
                comparison: self.comparison,
                threshold_name: self.threshold_name,
                threshold_month,
                per_month,
                basis: self.basis,
                members: self.members,
                gap,
                exactly_equal: self.household_annual == limit,
            }),
            citation: self.citation,
            waits_on: LocalRules::NONE,
            standard_above: None,
        };
        match undecided {
            Some((pass_with, with_month)) if pass_with != pass => {
                check.outcome = Outcome::Unknown;
                check.waits_on = LocalRules::of(LocalRule::DisabilityAllowances);
                check.explanation.push(format!(
                    "另有残疾人两项补贴{}元（12个月）没有计入；如果当地把它计入收入，{}为{}元/人/月，{}这一条。{}",
                    Yuan(self.undecided_annual),
                    self.figure_name,
                    Yuan(money::Money::display_rounded(with_month)),
                    if pass_with { "就符合" } else { "就不符合" },
                    LocalRule::DisabilityAllowances.what_to_ask()
                ));
            }
            Some(_) => check.explanation.push(format!(
                "另有残疾人两项补贴{}元（12个月）没有计入；当地计入与否，都不改变这一条的结果。",
                Yuan(self.undecided_annual)
            )),
            None => {}
        }
        Ok(check)
    }
}

/// A multiple of the standard for a sentence: "1.5倍低保标准".
pub fn times_standard(multiplier: Decimal) -> String {
    format!("{}倍低保标准", multiplier.normalize())
}

#[cfg(test)]
mod in_city_tests {
    use super::{city_of, in_city};

    #[test]
    fn an_area_is_in_a_city_exactly_when_its_id_before_the_first_slash_is_the_city() {
        for id in ["taiyuan", "taiyuan/urban", "taiyuan/x/y", "taiyuanx", "taiyua", "", "/a", "tai/yuan"] {
            for city in ["taiyuan", "taiyua", "", "tai/yuan", "taiyuan/urban"] {
                assert_eq!(in_city(id, city), city_of(id) == city, "{id} in {city}");
            }
        }
    }
}

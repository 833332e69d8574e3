//! The page's state as a reducer (after Yew's `function_todomvc`): the answers exactly as typed —
//! so a bad entry never clears anything — one [`Action`] per change, and [`Answers::to_household`],
//! which turns them into the engine's household or into messages keyed by the field they belong to.

use std::rc::Rc;

use serde::{Deserialize, Serialize};
use yew::Reducible;

use super::field_id::{
    AssetQuestion, FieldId, IncomeQuestion, MemberQuestion, PlaceQuestion, SituationQuestion, SpendingQuestion,
};
use super::{packs, today};
use crate::engine::household::*;
use crate::engine::money::{Amount, Money, Period};
use crate::input::{parse_count, parse_money};

// The answers as typed are also the saved file's and the code's `answers` (`crate::saved`): every
// struct refuses fields it does not know, so a file from elsewhere is not half read.

/// An amount as typed, with the period the user chose.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MoneyAnswer {
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub text: String,
    pub per: Period,
    /// The user said yes, a monthly amount of 5万 or more is meant (asked once, beside the field);
    /// a change of the amount asks again.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub confirmed: bool,
}

impl MoneyAnswer {
    pub fn yearly() -> MoneyAnswer {
        MoneyAnswer { text: String::new(), per: Period::Year, confirmed: false }
    }

    pub fn monthly() -> MoneyAnswer {
        MoneyAnswer { text: String::new(), per: Period::Month, confirmed: false }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlaceAnswers {
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub pack: String,
    /// The city chosen (its areas' common id prefix, `datong`); empty when not listed.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub city: String,
    /// The area within the city whose figures apply (`datong/pingcheng`): chosen for the user when
    /// the city has one; empty when unknown.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub area: String,
    pub area_kind: AreaKind,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub own_standard: bool,
    pub standard: MoneyAnswer,
    pub disposable_income: MoneyAnswer,
}

/// One member as answered. The questions that follow an answer (the grade once a 残疾人证 is
/// chosen, "重病？" once 患有疾病 is ticked, …) start unanswered (`None`): a pre-selected answer
/// would be an answer the user never gave, and each of them can open or close a category.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MemberAnswers {
    pub relation: Relation,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub age: String,
    /// `None`: no 残疾人证.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub disability: Option<DisabilityKind>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub grade: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub needs_care: Option<bool>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub ill: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub serious: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub in_treatment: Option<bool>,
    /// `None`: not a student.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub student: Option<EducationLevel>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub full_time: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub high_fee_school: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub abroad: Option<bool>,
    /// One school year's fees for this student, after aid.
    pub fees: MoneyAnswer,
    pub work: WorkStatus,
    pub supporter: SupporterStatus,
}

impl MemberAnswers {
    pub fn new(relation: Relation) -> MemberAnswers {
        MemberAnswers {
            relation,
            age: String::new(),
            disability: None,
            grade: None,
            needs_care: None,
            ill: false,
            serious: None,
            in_treatment: None,
            student: None,
            full_time: None,
            high_fee_school: None,
            abroad: None,
            fees: MoneyAnswer::yearly(),
            work: WorkStatus::Unknown,
            supporter: SupporterStatus::Unknown,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IncomeLine {
    /// `None`: the household's as a whole.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub member: Option<usize>,
    pub kind: IncomeKind,
    pub money: MoneyAnswer,
}

/// Household spending; education fees are asked per student ([`MemberAnswers::fees`]).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SpendingAnswers {
    pub medical: MoneyAnswer,
    pub disability_care: MoneyAnswer,
    pub other_rigid: MoneyAnswer,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AssetAnswers {
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub financial: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub vehicles: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub homes: String,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub other_property: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SituationAnswers {
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub receives_dibao: bool,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub income_rose_through_work: bool,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub unemployed: bool,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub months_without_income: String,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub unemployment_insurance: bool,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub caused_by_emergency: bool,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub sudden_hardship: bool,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub disaster_after_relief: bool,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub student_stuck_by_emergency: bool,
    pub hukou: Hukou,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Answers {
    pub place: PlaceAnswers,
    pub members: Vec<MemberAnswers>,
    pub income: Vec<IncomeLine>,
    /// "近12个月家里没有任何收入" ticked: the answer to the income question when there are no lines.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub no_income: bool,
    pub spending: SpendingAnswers,
    pub assets: AssetAnswers,
    pub situation: SituationAnswers,
}

impl Default for Answers {
    fn default() -> Answers {
        Answers {
            place: PlaceAnswers {
                pack: "shanxi".to_string(),
                city: String::new(),
                area: String::new(),
                area_kind: AreaKind::Urban,
                own_standard: false,
                standard: MoneyAnswer::monthly(),
                disposable_income: MoneyAnswer::yearly(),
            },
            members: vec![MemberAnswers::new(Relation::Applicant)],
            income: Vec::new(),
            no_income: false,
            spending: SpendingAnswers {
                medical: MoneyAnswer::yearly(),
                disability_care: MoneyAnswer::yearly(),
                other_rigid: MoneyAnswer::yearly(),
            },
            assets: AssetAnswers {
                financial: String::new(),
                vehicles: String::new(),
                homes: String::new(),
                other_property: false,
            },
            situation: SituationAnswers {
                receives_dibao: false,
                income_rose_through_work: false,
                unemployed: false,
                months_without_income: String::new(),
                unemployment_insurance: false,
                caused_by_emergency: false,
                sudden_hardship: false,
                disaster_after_relief: false,
                student_stuck_by_emergency: false,
                hukou: Hukou::Local,
            },
        }
    }
}

impl Answers {
    /// Whether the user has told the page anything about the household (the place aside, which a
    /// partner may preset): leaving the page would then lose answers that are stored nowhere.
    pub fn has_household_answers(&self) -> bool {
        let blank = Answers { place: self.place.clone(), ..Answers::default() };
        *self != blank || self.place.own_standard
    }
}

pub use crate::engine::context::city_of;

impl PlaceAnswers {
    /// Chooses a city; a city with one area has it chosen too. In one with several, until a
    /// district is chosen the household is placed in the city as a whole: its citywide figure,
    /// or the lowest and the highest of its districts' (see `engine::context::place_figure`).
    pub fn choose_city(&mut self, city: String) {
        let mut areas = crate::ui::packs()
            .iter()
            .filter(|p| p.id == self.pack)
            .flat_map(|p| p.areas.iter())
            .filter(|a| city_of(&a.id) == city && !city.is_empty());
        self.area = match (areas.next(), areas.next()) {
            (Some(only), None) => only.id.clone(),
            _ => String::new(),
        };
        self.city = city;
    }
}

/// Every change the page can make. Components only dispatch these.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    SetPlace(PlaceAnswers),
    AddMember,
    RemoveMember(usize),
    UpdateMember(usize, MemberAnswers),
    AddIncome,
    RemoveIncome(usize),
    UpdateIncome(usize, IncomeLine),
    SetSpending(SpendingAnswers),
    SetAssets(AssetAnswers),
    SetSituation(SituationAnswers),
    SetNoIncome(bool),
    ToggleLargeText,
    /// Switch this money field between 每月 and 每年 (the hotline's Alt+Y).
    TogglePeriod(FieldId),
    /// The user reached the review step: unanswered questions are reported from now on.
    ReachedReview,
    /// The user pressed 继续 on a step with questions left blank: that step's are reported now.
    ReportMissing(Step),
    /// The user is typing in this text field (`None`: has left it): its answer is judged, and any
    /// problem with it shown, once the user leaves it, not at every key.
    Typing(Option<FieldId>),
    /// Clears every answer (a new check, or a new call), keeping them for `Undo` until the next change.
    Reset,
    /// Brings back the answers the last `Reset` or deletion took (新来电 or 删除 pressed by mistake).
    Undo,
    /// Replaces every answer with saved ones (a file opened, a code scanned or pasted), with the
    /// sentence that says when they were saved and what differs now; undoable like a reset.
    Restore(Box<Answers>, String),
}

/// What the last `Undo` would bring back.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Removal {
    /// Every answer (新来电, 清除所有回答).
    Reset,
    /// The member at this index (0-based), with the income lines that were theirs.
    Member(usize),
    /// The income line at this index (0-based).
    Income(usize),
    /// Every answer, replaced by saved ones (a file opened, a code pasted).
    Restore,
}

/// The answers before a removal, kept (in memory only, like every answer) until the next change.
#[derive(Debug, Clone, PartialEq)]
pub struct Undoable {
    pub answers: Rc<Answers>,
    pub removal: Removal,
}

/// The steps whose unanswered questions are reported: a step's once 继续 is pressed on it with
/// questions blank, every step's once the review is reached.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct MissingReported(u8);

impl MissingReported {
    pub const ALL: MissingReported = MissingReported(0b111);

    fn bit(step: Step) -> u8 {
        match step {
            Step::Place => 1,
            Step::Household => 2,
            Step::Money => 4,
        }
    }

    pub fn covers(self, step: Step) -> bool {
        self.0 & MissingReported::bit(step) != 0
    }

    pub fn with(self, step: Step) -> MissingReported {
        MissingReported(self.0 | MissingReported::bit(step))
    }
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct State {
    pub answers: Answers,
    pub large_text: bool,
    /// Where unanswered questions are reported yet (GOV.UK: only once the user asks to go on).
    pub report_missing: MissingReported,
    /// The answers before the last `Reset` or deletion, until the next change of the answers, so
    /// that a new call started or a member deleted by mistake can be undone.
    pub undo: Option<Undoable>,
    /// The text field being typed in, whose problem waits until the user leaves it.
    pub typing: Option<FieldId>,
    /// Said on the results after saved answers were opened: when they were saved, and whether the
    /// standard in force now differs from the one used then.
    pub opened: Option<String>,
    /// Where a reset starts again: the region a partner preset (or the default), so 新来电 in an
    /// embedded hotline keeps the portal's region.
    pub preset_place: Option<PlaceAnswers>,
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        // Any change of the answers ends the chance to undo a removal; the switches below keep it.
        let undo = next.undo.take();
        let answers = &mut next.answers;
        match action {
            Action::SetPlace(place) => {
                if place.pack != answers.place.pack {
                    // Another province: its areas differ.
                    answers.place = PlaceAnswers { city: String::new(), area: String::new(), ..place };
                } else {
                    answers.place = place;
                }
            }
            Action::AddMember => {
                if answers.members.len() < MAX_MEMBERS {
                    answers.members.push(MemberAnswers::new(Relation::Child));
                }
            }
            Action::RemoveMember(index) => {
                if answers.members.len() > 1 && index < answers.members.len() {
                    next.undo =
                        Some(Undoable { answers: Rc::new(self.answers.clone()), removal: Removal::Member(index) });
                    answers.members.remove(index);
                    // Income lines follow their member: those of the removed one go, later ones shift.
                    answers.income.retain(|line| line.member != Some(index));
                    for line in &mut answers.income {
                        if let Some(m) = line.member.as_mut() {
                            if *m > index {
                                *m -= 1;
                            }
                        }
                    }
                }
            }
            Action::UpdateMember(index, member) => {
                if let Some(slot) = answers.members.get_mut(index) {
                    *slot = member;
                }
            }
            Action::AddIncome => {
                if answers.income.len() < MAX_INCOME_ITEMS {
                    answers.income.push(IncomeLine {
                        member: Some(0),
                        kind: IncomeKind::Wages,
                        money: MoneyAnswer::monthly(),
                    });
                }
            }
            Action::RemoveIncome(index) => {
                if index < answers.income.len() {
                    next.undo =
                        Some(Undoable { answers: Rc::new(self.answers.clone()), removal: Removal::Income(index) });
                    answers.income.remove(index);
                }
            }
            Action::UpdateIncome(index, line) => {
                if let Some(slot) = answers.income.get_mut(index) {
                    *slot = line;
                }
            }
            Action::SetSpending(spending) => answers.spending = spending,
            Action::SetAssets(assets) => answers.assets = assets,
            Action::SetSituation(situation) => answers.situation = situation,
            Action::SetNoIncome(none) => answers.no_income = none,
            Action::ToggleLargeText => {
                next.large_text = !next.large_text;
                next.undo = undo;
            }
            Action::TogglePeriod(field) => match answers.money_field(field) {
                Some(answer) => {
                    answer.per = if answer.per == Period::Month { Period::Year } else { Period::Month };
                }
                None => return self,
            },
            Action::ReachedReview => {
                if next.report_missing == MissingReported::ALL {
                    return self;
                }
                next.report_missing = MissingReported::ALL;
                next.undo = undo;
                // A field left without a focusout (Back by keyboard) is judged now.
                next.typing = None;
            }
            Action::ReportMissing(step) => {
                if next.report_missing.covers(step) {
                    return self;
                }
                next.report_missing = next.report_missing.with(step);
                next.undo = undo;
                next.typing = None;
            }
            Action::Typing(field) => {
                if next.typing == field {
                    return self;
                }
                next.typing = field;
                next.undo = undo;
            }
            Action::Reset => {
                let kept = next.answers.has_household_answers().then(|| Rc::new(next.answers.clone()));
                let mut fresh = Answers::default();
                if let Some(place) = &next.preset_place {
                    fresh.place = place.clone();
                }
                next = State {
                    answers: fresh,
                    large_text: next.large_text,
                    undo: kept.map(|answers| Undoable { answers, removal: Removal::Reset }).or(undo),
                    preset_place: next.preset_place.clone(),
                    ..State::default()
                }
            }
            Action::Restore(saved, note) => {
                let before = next.answers.has_household_answers().then(|| Rc::new(next.answers.clone()));
                next.answers = *saved;
                next.undo = before.map(|answers| Undoable { answers, removal: Removal::Restore });
                next.report_missing = MissingReported::ALL;
                next.opened = Some(note);
            }
            Action::Undo => match undo {
                Some(Undoable { answers, .. }) => {
                    next.answers = (*answers).clone();
                    // The answers back are not the ones opened.
                    next.opened = None;
                }
                None => return self,
            },
        }
        Rc::new(next)
    }
}

/// Whom 特困 considers, from the pack chosen (the national pack before one is), as the engine
/// decides it (`destitute::Population`): the member card asks about supporters only for them.
#[derive(Clone, Copy, PartialEq)]
pub struct DestituteAges(crate::engine::rules::destitute::Population);

impl DestituteAges {
    pub fn for_pack(pack_id: &str) -> DestituteAges {
        let pack = packs().iter().find(|p| p.id == pack_id).or_else(|| packs().iter().find(|p| p.id == "national"));
        DestituteAges(match pack {
            Some(pack) => crate::engine::rules::destitute::Population::of(pack, today()),
            None => crate::engine::rules::destitute::Population { elderly_age: None, minor_age: None },
        })
    }

    /// 特困 asks about supporters only for the elderly, minors and disabled people.
    pub fn asks_supporter(self, member: &MemberAnswers) -> bool {
        let age = member.age.trim().parse().ok();
        member.disability.is_some() || age.is_some_and(|age| self.0.includes(age, false))
    }
}

/// Whether the member card asks "高收费学校" and "出国留学" for a student (see
/// `engine::rules::expenditure::school_kind_matters`).
pub fn school_kind_asked(pack_id: &str, level: EducationLevel, full_time: Option<bool>) -> bool {
    packs()
        .iter()
        .find(|p| p.id == pack_id)
        .is_some_and(|pack| crate::engine::rules::expenditure::school_kind_matters(pack, level, full_time))
}

/// Which step of the flow a field is asked on, for the error summary's links.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    Place,
    Household,
    Money,
}

/// A problem with one answer: shown beside the field (by `field`, the control's id) and in the
/// summary, which names the field and links to the step that asks it.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    pub field: FieldId,
    pub message: String,
    /// An unanswered required question, reported only once the user has reached the review step.
    pub missing: bool,
}

impl Problem {
    /// What the field is, for the summary: "第1项收入的金额".
    pub fn label(&self) -> String {
        self.field.label()
    }

    /// The step that asks the field.
    pub fn step(&self) -> Step {
        self.field.step()
    }
}

impl Answers {
    /// The money answer behind a field (`income-2-amount`, `spending-medical`, `place-standard`).
    pub fn money_field(&mut self, field: FieldId) -> Option<&mut MoneyAnswer> {
        match field {
            FieldId::Income(i, IncomeQuestion::Amount) => self.income.get_mut(i).map(|line| &mut line.money),
            FieldId::Member(i, MemberQuestion::Fees) => self.members.get_mut(i).map(|m| &mut m.fees),
            FieldId::Place(PlaceQuestion::Standard) => Some(&mut self.place.standard),
            FieldId::Place(PlaceQuestion::DisposableIncome) => Some(&mut self.place.disposable_income),
            FieldId::Spending(SpendingQuestion::Medical) => Some(&mut self.spending.medical),
            FieldId::Spending(SpendingQuestion::DisabilityCare) => Some(&mut self.spending.disability_care),
            FieldId::Spending(SpendingQuestion::Other) => Some(&mut self.spending.other_rigid),
            _ => None,
        }
    }

    /// The household for the engine, or every problem found. Nothing is dropped: a bad field is
    /// reported and the rest still read.
    pub fn to_household(&self) -> Result<Household, Vec<Problem>> {
        let zero = Amount { amount: Money::ZERO, per: Period::Year };
        let mut problems = Vec::new();
        let mut money = |field: FieldId, answer: &MoneyAnswer| read_money(&mut problems, field, answer);
        let place = &self.place;
        let local_standard =
            if place.own_standard { money(FieldId::Place(PlaceQuestion::Standard), &place.standard) } else { None };
        let disposable_income = money(FieldId::Place(PlaceQuestion::DisposableIncome), &place.disposable_income);
        let incomes: Vec<Option<Amount>> = self
            .income
            .iter()
            .enumerate()
            .map(|(i, line)| money(FieldId::Income(i, IncomeQuestion::Amount), &line.money))
            .collect();
        let spending = [
            (SpendingQuestion::Medical, &self.spending.medical),
            (SpendingQuestion::DisabilityCare, &self.spending.disability_care),
            (SpendingQuestion::Other, &self.spending.other_rigid),
        ]
        .map(|(question, answer)| money(FieldId::Spending(question), answer));
        let financial = money(
            FieldId::Assets(AssetQuestion::Financial),
            &MoneyAnswer { text: self.assets.financial.clone(), per: Period::Year, confirmed: false },
        );
        let ages = DestituteAges::for_pack(&self.place.pack);
        let mut members = Vec::new();
        for (i, m) in self.members.iter().enumerate() {
            let question = |question: MemberQuestion| FieldId::Member(i, question);
            let field = question(MemberQuestion::Age);
            let age = match read_count(&mut problems, field, &m.age, 0, u32::from(Age::MAX), "年龄") {
                Some(age) => Age::new(age).ok(),
                None => {
                    if m.age.trim().is_empty() {
                        report(&mut problems, unanswered(field, "请填写年龄"));
                    }
                    None
                }
            };
            // Follow-up questions are asked only once their first answer opens them; each is then
            // required, and an unanswered one is reported rather than read as 是 or 否.
            let answered = |problems: &mut Vec<Problem>, name: MemberQuestion, answer: Option<bool>| {
                if answer.is_none() {
                    report(problems, unanswered(question(name), "请选择“是”或“否”"));
                }
                answer.unwrap_or(false)
            };
            let disability = match m.disability {
                Some(kind) => {
                    let needs_ongoing_care = answered(&mut problems, MemberQuestion::Care, m.needs_care);
                    match m.grade.and_then(|g| Grade::new(g).ok()) {
                        Some(grade) => Some(Disability { kind, grade, needs_ongoing_care }),
                        None => {
                            report(
                                &mut problems,
                                unanswered(question(MemberQuestion::Grade), "请选择残疾人证上的等级"),
                            );
                            None
                        }
                    }
                }
                None => None,
            };
            let illness = if m.ill {
                Some(Illness {
                    serious: answered(&mut problems, MemberQuestion::Serious, m.serious),
                    in_treatment: answered(&mut problems, MemberQuestion::Treatment, m.in_treatment),
                })
            } else {
                None
            };
            let student = match m.student {
                Some(level) => {
                    let field = question(MemberQuestion::Fees);
                    if m.fees.text.trim().is_empty() {
                        report(&mut problems, unanswered(field, ZERO_IF_NONE));
                    }
                    let fees = read_money(&mut problems, field, &m.fees);
                    let full_time = answered(&mut problems, MemberQuestion::FullTime, m.full_time);
                    // Asked only where an answer can change a result; elsewhere no rule reads them.
                    let asked = school_kind_asked(&self.place.pack, level, m.full_time);
                    let mut school_kind = |q, answer| asked && answered(&mut problems, q, answer);
                    Some(Student {
                        level,
                        full_time,
                        high_fee_school: school_kind(MemberQuestion::HighFee, m.high_fee_school),
                        abroad: school_kind(MemberQuestion::Abroad, m.abroad),
                        fees: fees.unwrap_or(zero),
                    })
                }
                None => None,
            };
            if ages.asks_supporter(m) && m.supporter == SupporterStatus::Unknown {
                report(&mut problems, unanswered(question(MemberQuestion::Supporter), "请选择"));
            }
            let Some(age) = age else { continue };
            members.push(Member {
                relation: m.relation,
                age,
                disability,
                illness,
                student,
                work: m.work,
                supporter: m.supporter,
            });
        }
        // Blank is not zero: every money and asset question the steps ask needs an answer (0 for
        // none), and the income question needs a line or "没有任何收入".
        let (ill, disabled) = (self.members.iter().any(|m| m.ill), self.members.iter().any(|m| m.disability.is_some()));
        for (field, text, shown) in [
            (FieldId::Spending(SpendingQuestion::Medical), &self.spending.medical.text, ill),
            (FieldId::Spending(SpendingQuestion::DisabilityCare), &self.spending.disability_care.text, disabled),
            (FieldId::Spending(SpendingQuestion::Other), &self.spending.other_rigid.text, true),
            (FieldId::Assets(AssetQuestion::Financial), &self.assets.financial, true),
            (FieldId::Assets(AssetQuestion::Vehicles), &self.assets.vehicles, true),
            (FieldId::Assets(AssetQuestion::Homes), &self.assets.homes, true),
        ] {
            if shown && text.trim().is_empty() {
                report(&mut problems, unanswered(field, ZERO_IF_NONE));
            }
        }
        // A blank income amount is an unanswered question, not 0: the line would otherwise vanish.
        for (i, line) in self.income.iter().enumerate() {
            if line.money.text.trim().is_empty() {
                report(
                    &mut problems,
                    unanswered(FieldId::Income(i, IncomeQuestion::Amount), "请填写金额；没有这项收入就删除这一行"),
                );
            }
        }
        if self.income.is_empty() && !self.no_income {
            report(&mut problems, unanswered(FieldId::NoIncome, "请添加收入，或勾选“近12个月家里没有任何收入”"));
        }
        let vehicles =
            read_count(&mut problems, FieldId::Assets(AssetQuestion::Vehicles), &self.assets.vehicles, 0, 99, "车辆数");
        let homes =
            read_count(&mut problems, FieldId::Assets(AssetQuestion::Homes), &self.assets.homes, 0, 99, "房产套数");
        let s = &self.situation;
        let months = if s.unemployed {
            let field = FieldId::Situation(SituationQuestion::Months);
            if s.months_without_income.trim().is_empty() {
                report(&mut problems, unanswered(field, "请填写已经连续几个月没有收入"));
            }
            read_count(&mut problems, field, &s.months_without_income, 0, 120, "无收入月数")
        } else {
            None
        };
        if !problems.is_empty() {
            return Err(problems);
        }
        Ok(Household {
            as_of: None,
            place: Place {
                pack: Some(place.pack.clone()),
                // No district chosen: the city itself, so that no figure the city has is lost.
                area: [&place.area, &place.city].into_iter().find(|id| !id.is_empty()).cloned(),
                area_kind: place.area_kind,
                local_standard,
                disposable_income,
            },
            members,
            income: self
                .income
                .iter()
                .zip(incomes)
                .filter_map(|(line, amount)| amount.map(|a| IncomeItem::new(line.member, line.kind, a)))
                .collect(),
            spending: Spending {
                medical: spending[0].unwrap_or(zero),
                disability_care: spending[1].unwrap_or(zero),
                other_rigid: spending[2].unwrap_or(zero),
            },
            assets: Assets {
                financial: financial.map(|a| a.amount).unwrap_or(Money::ZERO),
                vehicles: vehicles.and_then(|v| u16::try_from(v).ok()).unwrap_or(0),
                homes: homes.and_then(|v| u16::try_from(v).ok()).unwrap_or(0),
                other_property: self.assets.other_property,
            },
            situation: Situation {
                receives_dibao: s.receives_dibao,
                // The page asks residents what they can check themselves; a 边缘 recognition matters
                // only to a batch's flags.
                recognised_marginal: false,
                income_rose_through_work: s.income_rose_through_work,
                unemployment: s.unemployed.then(|| UnemploymentHardship {
                    months_without_income: months.and_then(|m| u16::try_from(m).ok()).unwrap_or(0),
                    unemployment_insurance: s.unemployment_insurance,
                    caused_by_emergency: s.caused_by_emergency,
                }),
                sudden_hardship: s.sudden_hardship,
                disaster_after_relief: s.disaster_after_relief,
                student_stuck_by_emergency: s.student_stuck_by_emergency,
                hukou: s.hukou,
            },
        })
    }
}

/// Adds a problem where the page asks its question (`FieldId` orders as the steps do), so the error
/// summary lists them top to bottom. Inserting in order rather than sorting once keeps a sort's
/// code out of the page.
fn report(problems: &mut Vec<Problem>, problem: Problem) {
    let at = problems.partition_point(|p| p.field <= problem.field);
    problems.insert(at, problem);
}

/// What a blank money or count field is told: blank is not zero.
const ZERO_IF_NONE: &str = "请填写；没有就填 0";

/// A required question left unanswered: reported once the user has reached the review step.
fn unanswered(field: FieldId, message: &str) -> Problem {
    Problem { field, message: message.to_string(), missing: true }
}

fn read_money(problems: &mut Vec<Problem>, field: FieldId, answer: &MoneyAnswer) -> Option<Amount> {
    let kind = match field {
        FieldId::Income(..) => crate::input::AmountKind::IncomeLine,
        FieldId::Place(_) => crate::input::AmountKind::Figure,
        _ => crate::input::AmountKind::Total,
    };
    match parse_money(&answer.text) {
        Ok(Some(amount)) => Some(Amount { amount, per: answer.per }),
        Ok(None) => None,
        Err(e) => {
            report(problems, Problem { field, message: e.in_field(kind).0, missing: false });
            None
        }
    }
}

fn read_count(problems: &mut Vec<Problem>, field: FieldId, text: &str, min: u32, max: u32, what: &str) -> Option<u32> {
    match parse_count(text, min, max, what) {
        Ok(n) => n,
        Err(e) => {
            report(problems, Problem { field, message: e.0, missing: false });
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_blank_income_amount_is_an_unanswered_question_not_zero() {
        let mut answers = Answers::default();
        answers.income.push(IncomeLine { member: Some(0), kind: IncomeKind::Wages, money: MoneyAnswer::monthly() });
        let problems = answers.to_household().expect_err("a blank amount is a problem");
        let blank = problems.iter().find(|p| p.field == FieldId::Income(0, IncomeQuestion::Amount)).expect("reported");
        assert!(blank.missing);
        assert_eq!(blank.message, "请填写金额；没有这项收入就删除这一行");
    }

    #[test]
    fn the_supporter_question_appears_from_the_packs_elderly_age_and_below_its_minor_age() {
        let shanxi = DestituteAges::for_pack("shanxi");
        assert!(shanxi.0.includes(60, false) && shanxi.0.includes(15, false));
        assert!(!shanxi.0.includes(59, false) && !shanxi.0.includes(16, false));
    }

    #[test]
    fn before_a_province_is_chosen_the_national_ages_decide_the_supporter_question() {
        assert!(DestituteAges::for_pack("") == DestituteAges::for_pack("national"));
        assert!(DestituteAges::for_pack("").0.includes(60, false));
    }

    fn reduce(state: State, action: Action) -> State {
        (*Rc::new(state).reduce(action)).clone()
    }

    #[test]
    fn a_new_call_can_be_undone_until_the_next_change_and_a_blank_form_leaves_nothing_to_undo() {
        let mut state = State::default();
        state.answers.members[0].age = "45".into();
        let before = state.answers.clone();
        state = reduce(state, Action::Reset);
        assert_eq!(state.answers, Answers::default());
        state = reduce(state, Action::ToggleLargeText);
        state = reduce(state, Action::Undo);
        assert_eq!(state.answers, before, "undo brings the cleared answers back, past the large-text switch");
        state = reduce(state, Action::Reset);
        state = reduce(state, Action::AddMember);
        let after_change = state.answers.clone();
        assert_eq!(reduce(state, Action::Undo).answers, after_change, "a change of the answers ends the undo");
        let blank = reduce(State::default(), Action::Reset);
        assert_eq!(blank.undo, None);
    }

    #[test]
    fn a_new_call_in_a_widget_preset_to_a_region_starts_again_in_that_region() {
        let mut state = State::default();
        state.answers.place.pack = "guangxi".into();
        state.answers.place.city = "nanning".into();
        state.answers.place.area = "nanning".into();
        state.preset_place = Some(state.answers.place.clone());
        state.answers.members[0].age = "45".into();
        state.answers.place.area_kind = AreaKind::Rural;
        let state = reduce(state, Action::Reset);
        assert_eq!(state.answers.place.area, "nanning");
        assert_eq!(state.answers.place.area_kind, AreaKind::Urban, "the preset, not the last caller's choice");
        assert_eq!(state.answers.members[0].age, "");
    }

    #[test]
    fn a_bad_money_entry_is_reported_by_field_and_keeps_every_other_answer() {
        let mut state = State::default();
        state.answers.members[0].age = "40".into();
        state = reduce(state, Action::AddIncome);
        let mut line = state.answers.income[0].clone();
        line.money.text = "abc".into();
        state = reduce(state, Action::UpdateIncome(0, line));
        let mut problems = state.answers.to_household().expect_err("refused");
        // Only the bad entry is wrong; the rest are questions not yet answered.
        problems.retain(|p| !p.missing);
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].field.to_string(), "income-0-amount");
        assert_eq!(problems[0].label(), "第1项收入的金额");
        assert_eq!(state.answers.members[0].age, "40");
        assert_eq!(state.answers.income[0].money.text, "abc");
    }

    #[test]
    fn two_amounts_in_the_medical_field_are_told_to_add_them_up_not_to_add_income_lines() {
        let mut state = State::default();
        state.answers.spending.medical.text = "1500、1800".into();
        state = reduce(state, Action::AddIncome);
        let mut line = state.answers.income[0].clone();
        line.money.text = "1500、1800".into();
        state = reduce(state, Action::UpdateIncome(0, line));
        let problems = state.answers.to_household().expect_err("refused");
        let message = |id: &str| problems.iter().find(|p| p.field.to_string() == id).map(|p| p.message.clone());
        assert_eq!(
            message("spending-medical").as_deref(),
            Some("请只填写一个金额；几笔费用请加起来填合计（千位可写成 3,000）")
        );
        assert_eq!(
            message("income-0-amount").as_deref(),
            Some("请只填写一个金额；几笔收入请分别添加（千位可写成 3,000）")
        );
    }

    #[test]
    fn spoken_amounts_reach_the_engine_as_decimals() {
        let mut state = State { answers: one_member(|_| {}), ..State::default() };
        state.answers.members[0].age = "４０岁".into();
        state.answers.income.push(IncomeLine {
            member: Some(0),
            kind: IncomeKind::Wages,
            money: MoneyAnswer { text: "1.2万".into(), per: Period::Year, confirmed: false },
        });
        let household = state.answers.to_household().expect("valid");
        assert_eq!(household.members[0].age.years(), 40);
        assert_eq!(household.income[0].amount.to_string(), "12000");
    }

    #[test]
    fn removing_a_member_removes_their_income_and_renumbers_the_rest() {
        let mut state = State::default();
        state = reduce(state, Action::AddMember);
        state = reduce(state, Action::AddMember);
        state.answers.income = vec![
            IncomeLine { member: Some(1), kind: IncomeKind::Wages, money: MoneyAnswer::monthly() },
            IncomeLine { member: Some(2), kind: IncomeKind::Pension, money: MoneyAnswer::monthly() },
            IncomeLine { member: None, kind: IncomeKind::PropertyNet, money: MoneyAnswer::monthly() },
        ];
        state = reduce(state, Action::RemoveMember(1));
        assert_eq!(state.answers.members.len(), 2);
        assert_eq!(state.answers.income.iter().map(|l| l.member).collect::<Vec<_>>(), [Some(1), None]);
    }

    #[test]
    fn toggling_the_period_of_a_money_field_by_its_id() {
        let mut state = reduce(State::default(), Action::AddIncome);
        assert_eq!(state.answers.income[0].money.per, Period::Month);
        state = reduce(state, Action::TogglePeriod(FieldId::Income(0, IncomeQuestion::Amount)));
        assert_eq!(state.answers.income[0].money.per, Period::Year);
        state = reduce(state, Action::TogglePeriod(FieldId::Spending(SpendingQuestion::Medical)));
        assert_eq!(state.answers.spending.medical.per, Period::Month);
        let unchanged = reduce(state.clone(), Action::TogglePeriod(FieldId::Member(0, MemberQuestion::Age)));
        assert_eq!(unchanged, state);
    }

    /// One 45-year-old, every money and asset question answered 0 and no income: only what
    /// `change` asks about is left to answer.
    fn one_member(change: impl FnOnce(&mut MemberAnswers)) -> Answers {
        let mut answers = Answers::default();
        answers.members[0].age = "45".into();
        answers.members[0].fees.text = "0".into();
        for answer in
            [&mut answers.spending.medical, &mut answers.spending.disability_care, &mut answers.spending.other_rigid]
        {
            answer.text = "0".into();
        }
        answers.assets =
            AssetAnswers { financial: "0".into(), vehicles: "0".into(), homes: "0".into(), other_property: false };
        answers.no_income = true;
        change(&mut answers.members[0]);
        answers
    }

    #[test]
    fn blank_money_and_asset_answers_are_unanswered_not_zero_and_zero_is_an_answer() {
        let mut answers = one_member(|_| {});
        assert!(answers.to_household().is_ok());
        answers.assets.financial.clear();
        answers.spending.other_rigid.text.clear();
        assert_eq!(missing_fields(&answers), ["spending-other", "assets-financial"]);
        // Spending on illness is asked (and required) only when someone is ill.
        answers.spending.medical.text.clear();
        assert_eq!(missing_fields(&answers).len(), 2);
        answers.members[0].ill = true;
        assert!(missing_fields(&answers).contains(&"spending-medical".to_string()));
    }

    #[test]
    fn no_income_lines_need_the_no_income_answer_before_any_result() {
        let mut answers = one_member(|_| {});
        answers.no_income = false;
        assert_eq!(missing_fields(&answers), ["income-none"]);
        answers.income.push(IncomeLine { member: Some(0), kind: IncomeKind::Wages, money: MoneyAnswer::monthly() });
        answers.income[0].money.text = "1000".into();
        assert!(answers.to_household().is_ok(), "a line answers the question");
    }

    fn missing_fields(answers: &Answers) -> Vec<String> {
        match answers.to_household() {
            Ok(_) => Vec::new(),
            Err(problems) => problems.into_iter().filter(|p| p.missing).map(|p| p.field.to_string()).collect(),
        }
    }

    #[test]
    fn ticking_ill_leaves_serious_and_in_treatment_unanswered_and_reports_both_as_missing() {
        let answers = one_member(|m| m.ill = true);
        assert_eq!(answers.members[0].serious, None);
        assert_eq!(answers.members[0].in_treatment, None);
        assert_eq!(missing_fields(&answers), ["member-0-serious", "member-0-treatment"]);
        // Answered 否 and 否: a mild, cured illness reaches the engine as such, not as 重病.
        let answers = one_member(|m| {
            m.ill = true;
            m.serious = Some(false);
            m.in_treatment = Some(false);
        });
        let household = answers.to_household().expect("answered");
        assert_eq!(household.members[0].illness, Some(Illness { serious: false, in_treatment: false }));
    }

    #[test]
    fn a_disability_certificate_leaves_the_grade_and_care_unanswered_until_chosen() {
        let answers = one_member(|m| {
            m.disability = Some(DisabilityKind::Physical);
            m.supporter = SupporterStatus::None;
        });
        assert_eq!(missing_fields(&answers), ["member-0-grade", "member-0-care"]);
        let answers = one_member(|m| {
            m.disability = Some(DisabilityKind::Physical);
            m.supporter = SupporterStatus::None;
            m.grade = Some(3);
            m.needs_care = Some(true);
        });
        let disability = answers.to_household().expect("answered").members[0].disability.expect("disability");
        assert_eq!((disability.grade.value(), disability.needs_ongoing_care), (3, true));
    }

    #[test]
    fn a_student_is_asked_full_time_high_fee_and_abroad_explicitly_and_fees_per_student() {
        let answers = one_member(|m| m.student = Some(EducationLevel::Undergraduate));
        assert_eq!(missing_fields(&answers), ["member-0-fulltime", "member-0-highfee", "member-0-abroad"]);
        // Only 山西's 支出型贫困 reads 高收费 and 出国, and not for a postgraduate or a part-time student.
        let mut elsewhere = answers.clone();
        elsewhere.place.pack = "shandong".into();
        assert_eq!(missing_fields(&elsewhere), ["member-0-fulltime"]);
        let postgraduate = one_member(|m| m.student = Some(EducationLevel::Postgraduate));
        assert_eq!(missing_fields(&postgraduate), ["member-0-fulltime"]);
        let part_time = one_member(|m| {
            m.student = Some(EducationLevel::Primary);
            m.full_time = Some(false);
        });
        assert_eq!(missing_fields(&part_time), Vec::<String>::new());
        let answers = one_member(|m| {
            m.student = Some(EducationLevel::Undergraduate);
            m.full_time = Some(true);
            m.high_fee_school = Some(false);
            m.abroad = Some(false);
            m.fees.text = "6千".into();
        });
        let student = answers.to_household().expect("answered").members[0].student.expect("student");
        assert_eq!(student.fees.amount.to_string(), "6000");
        assert_eq!(student.fees.per, Period::Year);
    }

    #[test]
    fn the_supporter_question_is_required_for_an_elderly_member_or_a_child_and_not_asked_of_others() {
        // The page asks it from the pack's 特困 ages (山西: 60 and over, under 16).
        for (age, asked) in [("60", true), ("59", false), ("15", true), ("16", false)] {
            let answers = one_member(|m| m.age = age.into());
            assert_eq!(missing_fields(&answers) == ["member-0-supporter"], asked, "age {age}");
        }
        let answers = one_member(|m| {
            m.age = "78".into();
            m.supporter = SupporterStatus::Unable;
        });
        assert_eq!(answers.to_household().expect("answered").members[0].supporter, SupporterStatus::Unable);
    }

    #[test]
    fn months_without_income_are_required_once_unemployment_is_ticked() {
        let mut answers = one_member(|_| {});
        answers.situation.unemployed = true;
        assert_eq!(missing_fields(&answers), ["situation-months"]);
        answers.situation.months_without_income = "0".into();
        let household = answers.to_household().expect("answered");
        assert_eq!(household.situation.unemployment.map(|u| u.months_without_income), Some(0));
    }

    #[test]
    fn unanswered_follow_up_questions_are_not_shown_before_the_review_step_but_block_the_result() {
        // `missing` problems are held back by the page until the review step; they still stop the
        // assessment, so no result is computed from an answer the user never gave.
        let answers = one_member(|m| m.ill = true);
        let problems = answers.to_household().expect_err("unanswered");
        assert!(problems.iter().all(|p| p.missing && p.step() == Step::Household));
        assert!(problems.iter().any(|p| p.label() == "第1位成员是否重病、大病"));
    }

    #[test]
    fn problems_are_listed_in_the_order_the_page_asks_the_questions() {
        let mut answers = Answers::default();
        answers.members[0].disability = Some(DisabilityKind::Physical);
        answers.members.push(MemberAnswers::new(Relation::Child));
        answers.income.push(IncomeLine { member: Some(0), kind: IncomeKind::Wages, money: MoneyAnswer::monthly() });
        answers.income[0].money.text = "abc".into();
        answers.place.own_standard = true;
        answers.place.standard.text = "x".into();
        answers.situation.unemployed = true;
        let fields: Vec<String> =
            answers.to_household().expect_err("unanswered").into_iter().map(|p| p.field.to_string()).collect();
        assert_eq!(
            fields,
            [
                "place-standard",
                "member-0-age",
                "member-0-grade",
                "member-0-care",
                "member-0-supporter",
                "member-1-age",
                "income-0-amount",
                "spending-disability",
                "spending-other",
                "assets-financial",
                "assets-vehicles",
                "assets-homes",
                "situation-months",
            ]
        );
    }

    #[test]
    fn reset_clears_every_answer_but_keeps_the_large_text_choice() {
        let mut state = reduce(State::default(), Action::ToggleLargeText);
        state.answers.members[0].age = "70".into();
        state = reduce(state, Action::AddIncome);
        state = reduce(state, Action::Reset);
        assert_eq!(state.answers, Answers::default());
        assert!(state.large_text);
    }
}

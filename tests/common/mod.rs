//! Helpers for rule tests: a household builder that reads like the seed's sentences, and lookups
//! into an assessment by category and check key.
#![allow(dead_code)]

use low_income_check::engine::check_key::CheckKey;
use low_income_check::engine::household::*;
use low_income_check::engine::money::{Amount, Money, Period};
use low_income_check::engine::outcome::{Category, CategoryResult, Check, Outcome, Status, Subject};
use low_income_check::engine::policy::builtin;
use low_income_check::engine::{assess, Assessment, Day, PolicyPack};

pub fn pack(id: &str) -> PolicyPack {
    match builtin::load(id) {
        Some(Ok(pack)) => pack,
        other => panic!("built-in pack {id} did not load: {other:?}"),
    }
}

pub fn day(text: &str) -> Day {
    Day::parse(text).expect("test day")
}

pub fn money(text: &str) -> Money {
    Money::parse(text).expect("test amount")
}

pub fn monthly(text: &str) -> Amount {
    Amount { amount: money(text), per: Period::Month }
}

pub fn yearly(text: &str) -> Amount {
    Amount { amount: money(text), per: Period::Year }
}

pub fn person(relation: Relation, age: u32) -> Member {
    Member {
        relation,
        age: Age::new(age).expect("test age"),
        disability: None,
        illness: None,
        student: None,
        work: WorkStatus::Unknown,
        supporter: SupporterStatus::Unknown,
    }
}

pub fn disabled(mut member: Member, kind: DisabilityKind, grade: u32) -> Member {
    member.disability = Some(Disability { kind, grade: Grade::new(grade).expect("grade"), needs_ongoing_care: false });
    member
}

pub fn needing_care(mut member: Member) -> Member {
    if let Some(d) = member.disability.as_mut() {
        d.needs_ongoing_care = true;
    }
    member
}

pub fn ill(mut member: Member, serious: bool, in_treatment: bool) -> Member {
    member.illness = Some(Illness { serious, in_treatment });
    member
}

/// A full-time student at an ordinary school at home, with no fees paid (see [`fees`]).
pub fn student(mut member: Member, level: EducationLevel) -> Member {
    member.student = Some(Student {
        level,
        full_time: true,
        high_fee_school: false,
        abroad: false,
        fees: Amount::yearly(money("0")),
    });
    member
}

/// The same member, whose student's fees for one school year (after aid) are `amount`.
pub fn fees(mut member: Member, amount: &str) -> Member {
    if let Some(student) = member.student.as_mut() {
        student.fees = yearly(amount);
    }
    member
}

pub fn working(mut member: Member, work: WorkStatus) -> Member {
    member.work = work;
    member
}

pub fn supported(mut member: Member, supporter: SupporterStatus) -> Member {
    member.supporter = supporter;
    member
}

/// A household in a built-in pack's province, with a standard typed by the user (so tests do not
/// depend on a city's figure) and nothing declared yet.
pub struct H {
    pub household: Household,
    pub pack: PolicyPack,
}

impl H {
    /// `standard_monthly` is the 低保标准 the user says applies, 元/人/月.
    pub fn new(pack_id: &str, standard_monthly: &str) -> H {
        H {
            pack: pack(pack_id),
            household: Household {
                as_of: Some(day("2026-11-22")),
                place: Place {
                    pack: Some(pack_id.to_string()),
                    area: None,
                    area_kind: AreaKind::Urban,
                    local_standard: Some(monthly(standard_monthly)),
                    disposable_income: None,
                },
                members: Vec::new(),
                income: Vec::new(),
                spending: Spending::default(),
                assets: Assets::default(),
                situation: Situation::default(),
            },
        }
    }

    pub fn member(mut self, member: Member) -> H {
        self.household.members.push(member);
        self
    }

    pub fn adults(mut self, count: usize) -> H {
        for i in 0..count {
            let relation = if i == 0 { Relation::Applicant } else { Relation::Spouse };
            self.household.members.push(person(relation, 40));
        }
        self
    }

    pub fn income(mut self, member: Option<usize>, kind: IncomeKind, amount: Amount) -> H {
        self.household.income.push(IncomeItem::new(member, kind, amount));
        self
    }

    /// Wages of the whole household over 12 months, attributed to member 0.
    pub fn yearly_wages(self, amount: &str) -> H {
        self.income(Some(0), IncomeKind::Wages, yearly(amount))
    }

    pub fn medical(mut self, amount: &str) -> H {
        self.household.spending.medical = yearly(amount);
        self
    }

    pub fn disability_care(mut self, amount: &str) -> H {
        self.household.spending.disability_care = yearly(amount);
        self
    }

    pub fn other_rigid(mut self, amount: &str) -> H {
        self.household.spending.other_rigid = yearly(amount);
        self
    }

    pub fn financial(mut self, amount: &str) -> H {
        self.household.assets.financial = money(amount);
        self
    }

    pub fn home(mut self) -> H {
        self.household.assets.homes = 1;
        self
    }

    pub fn vehicle(mut self) -> H {
        self.household.assets.vehicles = 1;
        self
    }

    pub fn rural(mut self) -> H {
        self.household.place.area_kind = AreaKind::Rural;
        self
    }

    pub fn disposable_income_yearly(mut self, amount: &str) -> H {
        self.household.place.disposable_income = Some(yearly(amount));
        self
    }

    pub fn situation(mut self, f: impl FnOnce(&mut Situation)) -> H {
        f(&mut self.household.situation);
        self
    }

    pub fn with(mut self, f: impl FnOnce(&mut Household)) -> H {
        f(&mut self.household);
        self
    }

    pub fn assess(&self) -> Assessment {
        assess(&self.household, &self.pack, day("2026-11-22")).expect("assessment")
    }
}

/// The best status among a category's results (a per-member category may have several).
pub fn status(a: &Assessment, category: Category) -> Status {
    a.results.iter().filter(|r| r.category == category).map(|r| r.status).min().expect("category present")
}

pub fn result(a: &Assessment, category: Category) -> &CategoryResult {
    a.results.iter().find(|r| r.category == category).expect("category present")
}

pub fn result_named<'a>(a: &'a Assessment, category: Category, name_contains: &str) -> &'a CategoryResult {
    a.results
        .iter()
        .find(|r| r.category == category && r.name.contains(name_contains))
        .unwrap_or_else(|| panic!("no {category:?} result named …{name_contains}…"))
}

pub fn member_result(a: &Assessment, category: Category, index: usize) -> &CategoryResult {
    a.results
        .iter()
        .find(|r| r.category == category && r.subject == Subject::Member { index })
        .unwrap_or_else(|| panic!("no {category:?} result for member {index}"))
}

pub fn check(r: &CategoryResult, key: CheckKey) -> &Check {
    r.checks.iter().find(|c| c.key == key).unwrap_or_else(|| {
        panic!("no check {key} in {}: {:?}", r.name, r.checks.iter().map(|c| c.key.as_str()).collect::<Vec<_>>())
    })
}

pub fn outcome(a: &Assessment, category: Category, key: CheckKey) -> Outcome {
    check(result(a, category), key).outcome
}

/// The names of the documents on the household's checklist, in order.
pub fn documents(a: &Assessment) -> Vec<&'static str> {
    a.how_to_apply.documents.iter().map(|d| d.name).collect()
}

/// The documents every application needs, and those of a household whose income and property are
/// checked (any category but 临时救助), before the ones its conditions call for.
pub const ALWAYS: [&str; 2] = ["申请人及家庭成员的居民身份证", "户口簿"];
pub const ECONOMY: [&str; 2] = ["家庭经济状况核对授权书（每位成员签字）", "家庭收入、财产申报表"];
pub const INCOME_PROOF: &str = "收入证明（工资、经营、养老金等）";

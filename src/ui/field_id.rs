//! Every question the page asks, as one type: the id its control carries in the page
//! (`member-0-age`), the step that asks it, and its name in the error summary ("第1位成员的年龄").
//!
//! The reducer reports problems by `FieldId`, the controls are drawn with one, the error summary
//! links to one and the hotline's shortcuts find controls by one: a renamed question is renamed
//! everywhere at once, and an error can no longer be keyed to an id no control carries.

use std::fmt;
use std::str::FromStr;

use super::state::Step;

/// Declares the questions of one part of the form: each variant with the last part of its id and
/// its name in the error summary.
macro_rules! questions {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident => $id:literal, $label:literal;)* }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum $name {
            $($(#[$vmeta])* $variant,)*
        }

        impl $name {
            /// Every question of this part, in the order the form asks them.
            pub const ALL: &'static [$name] = &[$($name::$variant,)*];

            /// The last part of the control's id (`age` in `member-0-age`).
            pub fn name(self) -> &'static str {
                match self {
                    $($name::$variant => $id,)*
                }
            }

            /// What the question is, as the error summary names it.
            pub fn label(self) -> &'static str {
                match self {
                    $($name::$variant => $label,)*
                }
            }

            fn from_name(name: &str) -> Option<$name> {
                $name::ALL.iter().copied().find(|q| q.name() == name)
            }
        }
    };
}

questions! {
    /// Where the household lives, and the local figures the user may type.
    PlaceQuestion {
        Pack => "pack", "省份";
        City => "city", "市";
        Area => "area", "区、县";
        Kind => "kind", "城市还是农村";
        OwnStandard => "own", "是否使用自己填写的低保标准";
        Standard => "standard", "当地低保标准";
        DisposableIncome => "disposable", "上年度居民人均可支配收入";
    }
}

questions! {
    /// The questions about one member (the follow-ups appear once their first answer opens them).
    MemberQuestion {
        Relation => "relation", "与申请人的关系";
        Age => "age", "的年龄";
        Disability => "disability", "的残疾人证";
        Grade => "grade", "的残疾等级";
        Care => "care", "是否仍需康复或照料护理";
        Ill => "ill", "是否患有疾病";
        Serious => "serious", "是否重病、大病";
        Treatment => "treatment", "是否仍在治疗";
        Student => "student", "的在读情况";
        FullTime => "fulltime", "是否全日制";
        HighFee => "highfee", "是否在高收费学校就读";
        Abroad => "abroad", "是否出国留学";
        Fees => "fees", "一学年的教育费用";
        Work => "work", "的就业情况";
        Supporter => "supporter", "有没有依法应当供养他（她）的家人";
    }
}

questions! {
    /// The questions about one income line.
    IncomeQuestion {
        Member => "member", "是谁的收入";
        Kind => "kind", "的类型";
        Amount => "amount", "的金额";
    }
}

questions! {
    /// Spending the household bore itself.
    SpendingQuestion {
        Medical => "medical", "医疗费用";
        DisabilityCare => "disability", "康复、照料护理费用";
        Other => "other", "其他必需支出";
    }
}

questions! {
    /// What the household owns.
    AssetQuestion {
        Financial => "financial", "金融资产";
        Vehicles => "vehicles", "机动车数量";
        Homes => "homes", "房产套数";
        OtherProperty => "other", "其他房产或经营性财产";
    }
}

questions! {
    /// The household's present situation.
    SituationQuestion {
        Dibao => "dibao", "是否正在享受低保";
        IncomeRoseThroughWork => "work", "是否因就业收入增加";
        Unemployed => "unemployed", "是否有人失业";
        Months => "months", "无收入月数";
        Insurance => "insurance", "是否有失业保险";
        Emergency => "emergency", "是否因突发事件无法返岗";
        Sudden => "sudden", "是否遇到突发困难";
        Disaster => "disaster", "受灾后是否仍有困难";
        Student => "student", "是否有学生受影响暂未就业";
        Hukou => "hukou", "户籍";
    }
}

/// One question on the page. Its `Display` is the id of the control that asks it; the controls
/// derive their hint's, error's and period's ids from it (`member-0-fees-error`). Fields order as
/// the steps ask them (the variants and each part's questions are declared in that order), so the
/// error summary lists problems top to bottom.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum FieldId {
    Place(PlaceQuestion),
    /// A question about the member at this index (0: the applicant).
    Member(usize, MemberQuestion),
    /// A question about the income line at this index.
    Income(usize, IncomeQuestion),
    /// "近12个月家里没有任何收入": the income question's answer when there are no lines.
    NoIncome,
    Spending(SpendingQuestion),
    Assets(AssetQuestion),
    Situation(SituationQuestion),
}

impl FieldId {
    /// The step of the flow that asks this question (the error summary's links go there).
    pub fn step(self) -> Step {
        match self {
            FieldId::Place(_) => Step::Place,
            FieldId::Member(..) => Step::Household,
            FieldId::Income(..)
            | FieldId::NoIncome
            | FieldId::Spending(_)
            | FieldId::Assets(_)
            | FieldId::Situation(_) => Step::Money,
        }
    }

    /// The question's name in the error summary: "第2位成员的年龄", "第1项收入的金额", "金融资产".
    pub fn label(self) -> String {
        match self {
            FieldId::Place(q) => q.label().to_string(),
            FieldId::Member(i, q) => format!("第{}位成员{}", i.saturating_add(1), q.label()),
            FieldId::Income(i, q) => format!("第{}项收入{}", i.saturating_add(1), q.label()),
            FieldId::NoIncome => "近12个月的收入".to_string(),
            FieldId::Spending(q) => q.label().to_string(),
            FieldId::Assets(q) => q.label().to_string(),
            FieldId::Situation(q) => q.label().to_string(),
        }
    }

    /// A CSS selector for this question asked of any member (`[id^='member-'][id$='-age']`): the
    /// hotline focuses the newest member's age by it, before the new card's index is known.
    pub fn of_any_member(question: MemberQuestion) -> String {
        format!("[id^='member-'][id$='-{}']", question.name())
    }

    /// A CSS selector for this question asked of any income line (`[id^='income-'][id$='-amount']`).
    pub fn of_any_income(question: IncomeQuestion) -> String {
        format!("[id^='income-'][id$='-{}']", question.name())
    }
}

impl fmt::Display for FieldId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FieldId::Place(q) => write!(f, "place-{}", q.name()),
            FieldId::Member(i, q) => write!(f, "member-{i}-{}", q.name()),
            FieldId::Income(i, q) => write!(f, "income-{i}-{}", q.name()),
            FieldId::NoIncome => f.write_str("income-none"),
            FieldId::Spending(q) => write!(f, "spending-{}", q.name()),
            FieldId::Assets(q) => write!(f, "assets-{}", q.name()),
            FieldId::Situation(q) => write!(f, "situation-{}", q.name()),
        }
    }
}

/// An id that is no question's (`income-0-amount-per`, the period beside an amount, or a typo).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NotAField;

impl FromStr for FieldId {
    type Err = NotAField;

    /// Reads a control's id back (the hotline's Alt+Y toggles the focused amount's period by it).
    fn from_str(id: &str) -> Result<FieldId, NotAField> {
        let index = |i: &str| i.parse::<usize>().ok();
        let found = match id.split('-').collect::<Vec<_>>().as_slice() {
            ["place", q] => PlaceQuestion::from_name(q).map(FieldId::Place),
            ["member", i, q] => index(i).zip(MemberQuestion::from_name(q)).map(|(i, q)| FieldId::Member(i, q)),
            ["income", "none"] => Some(FieldId::NoIncome),
            ["income", i, q] => index(i).zip(IncomeQuestion::from_name(q)).map(|(i, q)| FieldId::Income(i, q)),
            ["spending", q] => SpendingQuestion::from_name(q).map(FieldId::Spending),
            ["assets", q] => AssetQuestion::from_name(q).map(FieldId::Assets),
            ["situation", q] => SituationQuestion::from_name(q).map(FieldId::Situation),
            _ => None,
        };
        found.ok_or(NotAField)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every question, with members and income lines 0 and 11.
    fn every_field() -> Vec<FieldId> {
        let mut all: Vec<FieldId> = PlaceQuestion::ALL.iter().map(|q| FieldId::Place(*q)).collect();
        for i in [0, 11] {
            all.extend(MemberQuestion::ALL.iter().map(|q| FieldId::Member(i, *q)));
            all.extend(IncomeQuestion::ALL.iter().map(|q| FieldId::Income(i, *q)));
        }
        all.push(FieldId::NoIncome);
        all.extend(SpendingQuestion::ALL.iter().map(|q| FieldId::Spending(*q)));
        all.extend(AssetQuestion::ALL.iter().map(|q| FieldId::Assets(*q)));
        all.extend(SituationQuestion::ALL.iter().map(|q| FieldId::Situation(*q)));
        all
    }

    #[test]
    fn every_field_id_reads_back_as_itself_and_no_two_fields_share_an_id_or_a_label() {
        let all = every_field();
        let ids: std::collections::BTreeSet<String> = all.iter().map(FieldId::to_string).collect();
        let labels: std::collections::BTreeSet<String> = all.iter().map(|f| f.label()).collect();
        assert_eq!((ids.len(), labels.len()), (all.len(), all.len()));
        for field in all {
            assert_eq!(field.to_string().parse(), Ok(field), "{field}");
        }
    }

    #[test]
    fn ids_that_are_no_question_are_refused() {
        for id in ["income-0-amount-per", "member-x-age", "member-0-height", "place", "", "income-none-error"] {
            assert_eq!(id.parse::<FieldId>(), Err(NotAField), "{id}");
        }
    }

    #[test]
    fn the_ids_and_labels_the_page_has_always_used_are_kept() {
        assert_eq!(FieldId::Income(2, IncomeQuestion::Amount).to_string(), "income-2-amount");
        assert_eq!(FieldId::Income(0, IncomeQuestion::Amount).label(), "第1项收入的金额");
        assert_eq!(FieldId::Member(1, MemberQuestion::Serious).label(), "第2位成员是否重病、大病");
        assert_eq!(FieldId::Spending(SpendingQuestion::DisabilityCare).to_string(), "spending-disability");
        assert_eq!(FieldId::NoIncome.to_string(), "income-none");
        assert_eq!(FieldId::of_any_member(MemberQuestion::Age), "[id^='member-'][id$='-age']");
    }
}

//! The stable keys of the checks (`"dibao.income"`): what programs read in the JSON output, and what
//! the document checklist asks about. Every key is a [`CheckKey`] variant, written once in the table
//! below with its string, and classified once in [`CheckKey::evidence`] (an exhaustive match), so a
//! new or renamed key cannot silently drop a document from the checklist.

use std::fmt;

use serde::{Serialize, Serializer};

/// Declares [`CheckKey`] from one table of `Variant => "category.name"` rows: the enum (each
/// variant's documentation ends with its key), [`CheckKey::as_str`] and [`CheckKey::ALL`].
macro_rules! check_keys {
    ($($(#[doc = $doc:literal])+ $variant:ident => $key:literal,)+) => {
        /// Which condition a [`crate::engine::outcome::Check`] is: stable across releases and not
        /// shown to residents. In JSON it is written as its key (`"dibao.income"`).
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum CheckKey {
            $(
                $(#[doc = $doc])+
                #[doc = ""]
                #[doc = concat!("Key: `", $key, "`.")]
                $variant,
            )+
        }

        impl CheckKey {
            /// Every key, in the order of the table.
            pub const ALL: &'static [CheckKey] = &[$(CheckKey::$variant),+];

            /// The key as programs read it: `category.name` (`"expenditure.illness.treatment"`).
            pub fn as_str(self) -> &'static str {
                match self {
                    $(CheckKey::$variant => $key,)+
                }
            }
        }
    };
}

check_keys! {
    /// 特困: the member is elderly, a minor or disabled, by the pack's ages and grades.
    DestitutePopulation => "destitute.population",
    /// 特困: property meets the local rules (无生活来源, property side).
    DestituteProperty => "destitute.property",
    /// 特困: the member cannot work by age (elderly or a minor); also the failed check of an adult
    /// who is neither and holds no 残疾人证.
    DestituteWorkCapacity => "destitute.work_capacity",
    /// 特困: the member cannot work, by the kind and grade of disability.
    DestituteWorkCapacityDisability => "destitute.work_capacity.disability",
    /// 特困: the member's own income is below the 低保标准 (无生活来源).
    DestituteIncome => "destitute.income",
    /// 特困: no supporter with the duty and the means to support the member.
    DestituteSupporter => "destitute.supporter",
    /// 低保: per-capita household income below the 低保标准.
    DibaoIncome => "dibao.income",
    /// 低保: property within the local limits (a partner pack may set the financial-asset limit).
    DibaoProperty => "dibao.property",
    /// 支出型贫困 因病: an ill member is still in treatment.
    ExpenditureIllnessTreatment => "expenditure.illness.treatment",
    /// 支出型贫困 因病: income after medical costs below the 低保标准.
    ExpenditureIllnessIncome => "expenditure.illness.income",
    /// 支出型贫困 因残: a member with a 残疾人证 still needs rehabilitation or care.
    ExpenditureDisabilityCare => "expenditure.disability.care",
    /// 支出型贫困 因残: income after rehabilitation and care costs below the 低保标准.
    ExpenditureDisabilityIncome => "expenditure.disability.income",
    /// 支出型贫困 因学: a full-time student at a level and school the rule admits.
    ExpenditureEducationStudent => "expenditure.education.student",
    /// 支出型贫困 因学: income after a school year's fees below the 低保标准.
    ExpenditureEducationIncome => "expenditure.education.income",
    /// 支出型贫困 多重原因: income after the costs of every cause present below the 低保标准.
    ExpenditureMultipleIncome => "expenditure.multiple.income",
    /// 支出型贫困: financial assets per person within 36 months of the 低保标准.
    ExpenditureAssets => "expenditure.assets",
    /// 支出型贫困: property within the local limits.
    ExpenditureProperty => "expenditure.property",
    /// 单人户 (severely disabled adult): the disability is severe by the pack's grades.
    SoloDisabledSevere => "solo_disabled.severe",
    /// 单人户 (severely disabled adult): the member is of age.
    SoloDisabledAdult => "solo_disabled.adult",
    /// 单人户 (severely disabled adult): the member has no work.
    SoloDisabledUnemployed => "solo_disabled.unemployed",
    /// 单人户 (severely disabled adult): the member's own income below the 低保标准.
    SoloDisabledIncome => "solo_disabled.income",
    /// 单人户 (severely disabled adult): the member's own property within the local limits.
    SoloDisabledProperty => "solo_disabled.property",
    /// 单人户 (member of a 边缘 family): the family is a 低保边缘家庭.
    SoloMarginalFamily => "solo_marginal.family",
    /// 单人户 (member of a 边缘 family): the member is seriously ill.
    SoloMarginalMemberIllness => "solo_marginal.member.illness",
    /// 单人户 (member of a 边缘 family): the member is severely disabled by the pack's grades.
    SoloMarginalMemberDisability => "solo_marginal.member.disability",
    /// 渐退: the household receives 低保 now.
    PhaseOutCurrent => "phase_out.current",
    /// 渐退: income rose because a member found work.
    PhaseOutWork => "phase_out.work",
    /// 渐退: per-capita income after the new work above the 低保标准.
    PhaseOutIncome => "phase_out.income",
    /// 边缘: the household does not meet the 低保 conditions.
    MarginalNotDibao => "marginal.not_dibao",
    /// 边缘 (广西's text, whose lower bound is the standard itself): per-capita income above the 低保标准.
    MarginalAboveStandard => "marginal.above_standard",
    /// 边缘: per-capita income below the pack's multiple of the 低保标准.
    MarginalIncome => "marginal.income",
    /// 边缘: property within the local limits.
    MarginalProperty => "marginal.property",
    /// 刚性支出困难: the household has medical, education, care or other rigid spending.
    RigidHasSpending => "rigid.has_spending",
    /// 刚性支出困难 (广西): income after rigid spending below a multiple of the 低保标准.
    RigidAfterSpending => "rigid.after_spending",
    /// 刚性支出困难 (national): rigid spending above the local share of income.
    RigidRatio => "rigid.ratio",
    /// 刚性支出困难: per-capita income below last year's local disposable income.
    RigidDisposableIncome => "rigid.disposable_income",
    /// 刚性支出困难: the household is neither a 低保 nor a 边缘 household.
    RigidNotHigherCategory => "rigid.not_higher_category",
    /// 刚性支出困难: property within the local limits.
    RigidProperty => "rigid.property",
    /// 临时救助 急难: a sudden, urgent or disastrous hardship.
    TemporarySudden => "temporary.sudden",
    /// 临时救助: disaster victims still in hardship after emergency and transition relief.
    TemporaryDisaster => "temporary.disaster",
    /// 临时救助: a graduate without work because of a public-health event or disaster.
    TemporaryStudent => "temporary.student",
    /// 临时救助 支出型: necessary medical or education spending beyond what the family can bear.
    TemporarySpending => "temporary.spending",
    /// 临时救助 (unemployed without insurance): unemployment insurance does not cover them.
    TemporaryUnemploymentInsurance => "temporary.unemployment.insurance",
    /// 临时救助 (unemployed without insurance): the months without income the pack requires.
    TemporaryUnemploymentMonths => "temporary.unemployment.months",
    /// 临时救助 (unemployed without insurance): kept from work by a public-health event or disaster.
    TemporaryUnemploymentEmergency => "temporary.unemployment.emergency",
    /// 临时救助 (unemployed without insurance): not receiving 低保.
    TemporaryUnemploymentNotDibao => "temporary.unemployment.not_dibao",
    /// 临时救助 (unemployed without insurance): the local conditions, which no source gives.
    TemporaryUnemploymentConditions => "temporary.unemployment.conditions",
    /// 临时救助 before the review (广西, 山东): a new applicant who may qualify for a category.
    TemporaryBeforeReviewApplicant => "temporary.before_review.applicant",
    /// 临时救助 before the review (广西, 山东): the hardship the office judges.
    TemporaryBeforeReviewHardship => "temporary.before_review.hardship",
}

/// What a check rests on that an applicant shows with a document. The checklist
/// ([`crate::engine::apply`]) lists a document for each kind of evidence that the checks of an
/// open result rest on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Evidence {
    /// A member's disability and its grade: the 残疾人证.
    Disability,
    /// A member's illness and treatment: a diagnosis and medical records.
    Illness,
    /// Medical costs deducted from income: the bills and insurance settlements.
    MedicalCosts,
    /// Rehabilitation and care costs deducted from income: their bills.
    CareCosts,
    /// Schooling and its fees deducted from income: proof of enrolment and the fee receipts.
    Schooling,
    /// The costs of several causes deducted together (二(四)): medical costs, and care and school
    /// costs where the household declares them.
    CombinedCosts,
    /// Rigid spending weighed against income: the bills of each kind of spending declared.
    RigidSpending,
    /// Months without income after losing work: a statement from the employer or community.
    Unemployment,
    /// Damage by a disaster: proof of it and of the relief already received.
    Disaster,
    /// The wages of the work that lifted a 低保 household above the standard.
    EmploymentIncome,
}

impl CheckKey {
    /// The evidence this check rests on. Every key is classified here, with no catch-all arm, so a
    /// new key must be. A check of 单人户 (重度残疾人), 刚性支出困难 or 渐退 rests on what the whole
    /// category rests on (the disability, the spending, the new wages), whichever condition it is.
    pub fn evidence(self) -> &'static [Evidence] {
        use CheckKey as K;
        match self {
            K::DestituteWorkCapacityDisability
            | K::SoloDisabledSevere
            | K::SoloDisabledAdult
            | K::SoloDisabledUnemployed
            | K::SoloDisabledIncome
            | K::SoloDisabledProperty
            | K::SoloMarginalMemberDisability
            | K::ExpenditureDisabilityCare => &[Evidence::Disability],
            K::ExpenditureDisabilityIncome => &[Evidence::Disability, Evidence::CareCosts],
            K::ExpenditureIllnessTreatment | K::SoloMarginalMemberIllness => &[Evidence::Illness],
            K::ExpenditureIllnessIncome => &[Evidence::Illness, Evidence::MedicalCosts],
            K::ExpenditureEducationStudent | K::ExpenditureEducationIncome => &[Evidence::Schooling],
            K::ExpenditureMultipleIncome => &[Evidence::CombinedCosts],
            K::RigidHasSpending
            | K::RigidAfterSpending
            | K::RigidRatio
            | K::RigidDisposableIncome
            | K::RigidNotHigherCategory
            | K::RigidProperty
            | K::TemporarySpending => &[Evidence::RigidSpending],
            K::TemporaryUnemploymentInsurance
            | K::TemporaryUnemploymentMonths
            | K::TemporaryUnemploymentEmergency
            | K::TemporaryUnemploymentNotDibao
            | K::TemporaryUnemploymentConditions => &[Evidence::Unemployment],
            K::TemporaryDisaster => &[Evidence::Disaster],
            K::PhaseOutCurrent | K::PhaseOutWork | K::PhaseOutIncome => &[Evidence::EmploymentIncome],
            K::DestitutePopulation
            | K::DestituteProperty
            | K::DestituteWorkCapacity
            | K::DestituteIncome
            | K::DestituteSupporter
            | K::DibaoIncome
            | K::DibaoProperty
            | K::ExpenditureAssets
            | K::ExpenditureProperty
            | K::SoloMarginalFamily
            | K::MarginalNotDibao
            | K::MarginalAboveStandard
            | K::MarginalIncome
            | K::MarginalProperty
            | K::TemporarySudden
            | K::TemporaryStudent
            | K::TemporaryBeforeReviewApplicant
            | K::TemporaryBeforeReviewHardship => &[],
        }
    }
}

/// Written as its key (`"dibao.income"`), the form `docs/FORMATS.md` documents.
impl Serialize for CheckKey {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl fmt::Display for CheckKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::CheckKey;

    #[test]
    fn every_key_is_unique_and_shaped_category_dot_name() {
        let mut seen = HashSet::new();
        for key in CheckKey::ALL {
            let s = key.as_str();
            assert!(seen.insert(s), "{s} is the key of two variants");
            let parts: Vec<&str> = s.split('.').collect();
            assert!(parts.len() >= 2, "{s} has no category.name shape");
            for part in parts {
                assert!(
                    !part.is_empty() && part.bytes().all(|b| b.is_ascii_lowercase() || b == b'_'),
                    "{s} has a part that is not lowercase snake_case"
                );
            }
        }
    }

    #[test]
    fn a_key_serialises_as_its_string() {
        for key in CheckKey::ALL {
            assert_eq!(serde_json::to_string(key).ok(), Some(format!("\"{}\"", key.as_str())));
        }
    }
}

//! Counting income, after 民发〔2021〕57号 (national): 工资性收入 less necessary employment costs,
//! 经营净收入, 财产净收入, 转移净收入 less taxes, social insurance and support paid; not counted:
//! 优待抚恤金, 计划生育奖励与扶助金, 奖学金, 见义勇为 awards, social assistance, and the basic pension
//! portion of 城乡居民基本养老保险. All figures are totals over the 12 months before applying.

use rust_decimal::Decimal;

use super::household::{Household, IncomeEffect, IncomeItem, IncomeKind};
use super::money::{self, MoneyError};

/// Income over 12 months, split by how it is treated.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct IncomeTotals {
    /// Income that counts towards the household's income.
    pub counted: Decimal,
    /// Income the rules exempt (scholarships, special-care allowances, assistance payments, …).
    pub not_counted: Decimal,
    /// Payments deducted from income (taxes and social insurance, support paid, costs of working).
    pub deducted: Decimal,
    /// Income whose counting the locality decides (残疾人两项补贴): in none of the above.
    pub locally_decided: Decimal,
}

impl IncomeTotals {
    /// Counted income less deductions, never below zero: deductions cannot make income negative.
    pub fn net(&self) -> Result<Decimal, MoneyError> {
        Ok(money::sub(self.counted, self.deducted)?.max(Decimal::ZERO))
    }

    fn add(&mut self, item: &IncomeItem, effect: IncomeEffect) -> Result<(), MoneyError> {
        let annual = item.value().annual()?;
        let slot = match effect {
            IncomeEffect::Counted => &mut self.counted,
            IncomeEffect::NotCounted => &mut self.not_counted,
            IncomeEffect::Deducted => &mut self.deducted,
            IncomeEffect::LocallyDecided => &mut self.locally_decided,
        };
        *slot = money::add(*slot, annual)?;
        Ok(())
    }
}

/// The household's income, every line counted by its kind.
pub fn household(household: &Household) -> Result<IncomeTotals, MoneyError> {
    let mut totals = IncomeTotals::default();
    for item in &household.income {
        totals.add(item, item.kind.effect())?;
    }
    Ok(totals)
}

/// Which personal rule a member's own income is counted for; each exempts something more.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PersonalRule {
    /// 特困: also not counted are 高龄津贴 (民发〔2021〕43号, 无生活来源).
    Destitute,
    /// 低保单人户 for adult unemployed severely disabled people: support paid by siblings or by people
    /// aged 60+ is exempt (晋民发〔2023〕31号 一(二)).
    SoloDisabled,
}

/// One member's own income.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OwnIncome {
    /// The member's own lines, by how the personal rule treats them.
    pub totals: IncomeTotals,
    /// Counted household income not attributed to any member, in a household of several: the
    /// member's share of it is unknown, so the personal income test cannot be settled here.
    pub unattributed_shared: Decimal,
    /// The member's own income that the personal rule exempts and the household rule would count
    /// (the 单人户 rule's 供养费 from siblings or people aged 60+, 特困's 高龄津贴): part of
    /// `totals.not_counted`, which also holds what no rule counts (基础养老金, 奖学金, …).
    pub exempted_by_rule: Decimal,
}

/// One member's own income for a personal rule (特困, 单人户): their own lines, less what the rule
/// exempts, and the household income attributed to no one.
pub fn member_own(household: &Household, member: usize, rule: PersonalRule) -> Result<OwnIncome, MoneyError> {
    let mut totals = IncomeTotals::default();
    let mut unattributed_shared = Decimal::ZERO;
    let mut exempted_by_rule = Decimal::ZERO;
    let alone = household.members.len() == 1;
    for item in &household.income {
        let effect = personal_effect(item.kind, rule);
        let own = match item.member {
            Some(owner) => owner == member,
            None => alone,
        };
        if own {
            totals.add(item, effect)?;
            if effect != item.kind.effect() {
                exempted_by_rule = money::add(exempted_by_rule, item.value().annual()?)?;
            }
        } else if item.member.is_none() && effect == IncomeEffect::Counted {
            unattributed_shared = money::add(unattributed_shared, item.value().annual()?)?;
        }
    }
    Ok(OwnIncome { totals, unattributed_shared, exempted_by_rule })
}

fn personal_effect(kind: IncomeKind, rule: PersonalRule) -> IncomeEffect {
    match (rule, kind) {
        (PersonalRule::Destitute, IncomeKind::ElderlyAllowance) => IncomeEffect::NotCounted,
        (PersonalRule::SoloDisabled, IncomeKind::SupportFromSiblingsOrElderly) => IncomeEffect::NotCounted,
        _ => kind.effect(),
    }
}

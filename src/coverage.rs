//! How many cities of each built-in province have a 低保标准, and how fresh it is: `assess
//! --coverage` prints it, so that whoever keeps the data sees what is stale or missing (see
//! `docs/POLICY-DATA.md`).

use std::fmt::Write as _;

use crate::engine::policy::{Area, PolicyPack};
use crate::engine::Day;

/// How recent a city's newest 低保标准 in force is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Freshness {
    /// In force from a day less than 12 months before.
    Within12Months,
    /// From 12 to less than 15 months before.
    Within15Months,
    /// Older: shown to residents with a warning that it may have changed.
    Older,
    /// No figure in force (none published that we found).
    None,
}

/// One city: its name, its freshness, and the effective day of its newest figure in force.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CityCoverage {
    pub city: String,
    pub freshness: Freshness,
    pub newest: Option<Day>,
}

/// Every city of a pack in the pack's order, each once (its areas share the city name).
pub fn cities(pack: &PolicyPack, day: Day) -> Vec<CityCoverage> {
    let mut out: Vec<CityCoverage> = Vec::new();
    for area in &pack.areas {
        let newest = newest_in_force(area, day);
        match out.iter_mut().find(|c| c.city == area.city) {
            Some(city) => city.newest = city.newest.max(newest),
            None => out.push(CityCoverage { city: area.city.clone(), freshness: Freshness::None, newest }),
        }
    }
    for city in &mut out {
        city.freshness = match city.newest {
            None => Freshness::None,
            Some(effective) => match effective.months_until(day) {
                0..=11 => Freshness::Within12Months,
                12..=14 => Freshness::Within15Months,
                _ => Freshness::Older,
            },
        };
    }
    out
}

fn newest_in_force(area: &Area, day: Day) -> Option<Day> {
    [&area.dibao_standard.urban, &area.dibao_standard.rural]
        .into_iter()
        .flatten()
        .filter_map(|param| param.in_force(day))
        .map(|dated| dated.effective)
        .max()
}

/// The report `assess --coverage` prints: per province, the counts, then the stale and missing
/// cities by name.
pub fn report(packs: &[PolicyPack], day: Day) -> String {
    let mut out = format!("低保标准覆盖情况（截至 {day}；“12个月内”指执行日期在此之前不满12个月）\n");
    for pack in packs.iter().filter(|p| !p.areas.is_empty()) {
        let cities = cities(pack, day);
        let count = |f: Freshness| cities.iter().filter(|c| c.freshness == f).count();
        let _ = writeln!(
            out,
            "\n{}：{} 个市；有标准 {}（12个月内 {}，12–15个月 {}，更早 {}），没有 {}",
            pack.name,
            cities.len(),
            cities.len() - count(Freshness::None),
            count(Freshness::Within12Months),
            count(Freshness::Within15Months),
            count(Freshness::Older),
            count(Freshness::None)
        );
        let older: Vec<String> = cities
            .iter()
            .filter(|c| matches!(c.freshness, Freshness::Within15Months | Freshness::Older))
            .map(|c| format!("{}（{}起）", c.city, c.newest.map(|d| d.to_string()).unwrap_or_default()))
            .collect();
        if !older.is_empty() {
            let _ = writeln!(out, "  可能已过时：{}", older.join("、"));
        }
        let missing: Vec<&str> =
            cities.iter().filter(|c| c.freshness == Freshness::None).map(|c| c.city.as_str()).collect();
        if !missing.is_empty() {
            let _ = writeln!(out, "  没有标准：{}", missing.join("、"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::policy::builtin;

    fn shanxi() -> PolicyPack {
        builtin::load("shanxi").and_then(Result::ok).expect("built-in pack")
    }

    fn freshness(city: &str, day: &str) -> Freshness {
        let day = Day::parse(day).expect("day");
        cities(&shanxi(), day).into_iter().find(|c| c.city == city).expect("city").freshness
    }

    #[test]
    fn a_figure_from_2024_01_01_is_within_12_months_until_2024_12_31_then_within_15_until_2025_03_31() {
        assert_eq!(freshness("运城市", "2024-12-31"), Freshness::Within12Months);
        assert_eq!(freshness("运城市", "2025-01-01"), Freshness::Within15Months);
        assert_eq!(freshness("运城市", "2025-03-31"), Freshness::Within15Months);
        assert_eq!(freshness("运城市", "2025-04-01"), Freshness::Older);
    }

    #[test]
    fn a_figure_not_yet_in_force_does_not_count_and_a_city_without_one_is_listed_as_none() {
        assert_eq!(freshness("大同市", "2024-12-31"), Freshness::None);
        assert_eq!(freshness("大同市", "2025-01-01"), Freshness::Within12Months);
        assert_eq!(freshness("阳泉市", "2026-12-01"), Freshness::None);
    }
}

//! Money: every amount is a `rust_decimal::Decimal` in 元 (yuan), never a float.
//!
//! Rounding, stated once: comparisons with a threshold are made on exact values, with no rounding
//! at all (the engine compares annual household totals with `members × annual standard`, so no
//! division happens before a comparison). Only figures shown to a reader are rounded, to the fen
//! (0.01 元), half away from zero, by [`Money::display_rounded`].
//!
//! Arithmetic is checked: every sum or product goes through `checked_*` and an overflow becomes
//! [`MoneyError::Overflow`] instead of a panic. Input amounts are bounded by [`Money::MAX`], so with
//! the bounded counts of members and items an overflow cannot in fact happen; the checks stay as the
//! proof of that, not as dead code.

use std::fmt;

use rust_decimal::{Decimal, RoundingStrategy};
use serde::{de, Deserialize, Deserializer, Serialize, Serializer};

/// An overflow in money arithmetic. Unreachable with validated input; reported, never panicked on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MoneyError {
    /// A sum or product exceeded what a decimal holds.
    Overflow,
}

impl fmt::Display for MoneyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("金额计算超出范围")
    }
}

impl std::error::Error for MoneyError {}

/// A non-negative amount of money in 元, at most [`Money::MAX`], with at most two decimal places.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Money(Decimal);

/// Why a decimal is not a valid amount of money. The messages are shown to residents, in Chinese.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MoneyRejection {
    /// Below zero.
    Negative,
    /// Above [`Money::MAX`].
    TooLarge,
    /// Finer than the fen.
    TooManyDecimals,
    /// Not a number at all.
    NotANumber,
}

impl fmt::Display for MoneyRejection {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            MoneyRejection::Negative => "金额不能为负数",
            MoneyRejection::TooLarge => "金额过大，请核对（上限为一万亿元）",
            MoneyRejection::TooManyDecimals => "金额最多保留两位小数（精确到分）",
            MoneyRejection::NotANumber => "金额应为数字，例如 \"3000\" 或 \"3000.50\"",
        })
    }
}

impl Money {
    /// No money: what an undeclared amount is.
    pub const ZERO: Money = Money(Decimal::ZERO);
    /// One trillion 元: far above any household's figure, far below `Decimal::MAX`. An amount above
    /// it is a typing mistake, and the bound keeps every later sum and product far from overflow.
    pub const MAX: Money = Money(Decimal::from_parts(3_567_587_328, 232, 0, false, 0));

    /// Validates a decimal as an amount of money.
    pub fn new(value: Decimal) -> Result<Money, MoneyRejection> {
        if value.is_sign_negative() && !value.is_zero() {
            return Err(MoneyRejection::Negative);
        }
        if value > Money::MAX.0 {
            return Err(MoneyRejection::TooLarge);
        }
        let normalized = value.normalize();
        if normalized.scale() > 2 {
            return Err(MoneyRejection::TooManyDecimals);
        }
        // `normalize` also turns a negative zero into zero.
        Ok(Money(normalized))
    }

    /// Parses a plain decimal string ("3000", "3000.50"), written one way only: see
    /// [`plain_decimal`]. Chinese spoken forms such as "1.2万" and stray spaces are the input
    /// layer's concern, not this one's.
    pub fn parse(text: &str) -> Result<Money, MoneyRejection> {
        Money::new(plain_decimal(text).ok_or(MoneyRejection::NotANumber)?)
    }

    /// A whole number of 元; saturates at [`Money::MAX`], so it never fails.
    pub fn yuan(whole: u64) -> Money {
        Money::new(Decimal::from(whole)).unwrap_or(Money::MAX)
    }

    /// The exact value, for arithmetic.
    pub fn amount(self) -> Decimal {
        self.0
    }

    /// Whether the amount is nothing (a spending line not declared).
    pub fn is_zero(self) -> bool {
        self.0.is_zero()
    }

    /// The figure shown to a reader: rounded to the fen, half away from zero.
    pub fn display_rounded(value: Decimal) -> Decimal {
        value.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero).normalize()
    }
}

impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

/// A decimal written the one plain way: digits, at most one point with digits after it, and a
/// minus sign only in front (so that a negative figure is named as such). No spaces, no "+", no
/// exponent, no thousands separator, no leading zero ("0760"), at most 40 characters: a pack is strict so that what it says
/// is read exactly once. Exact: a figure that does not fit is refused rather than rounded.
pub fn plain_decimal(text: &str) -> Option<Decimal> {
    let digits = text.strip_prefix('-').unwrap_or(text);
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, "0"));
    let all_digits = |part: &str| !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit());
    // "0760" and "00" are refused too: one way of writing each number.
    let leading_zero = whole.len() > 1 && whole.starts_with('0');
    if text.len() > 40 || !all_digits(whole) || !all_digits(fraction) || leading_zero {
        return None;
    }
    Decimal::from_str_exact(text).ok()
}

/// Checked arithmetic on raw decimals, so that intermediate values (which may be negative, such as
/// income minus spending) are computed without a panic path.
pub fn add(a: Decimal, b: Decimal) -> Result<Decimal, MoneyError> {
    a.checked_add(b).ok_or(MoneyError::Overflow)
}

/// `a − b`, or an error instead of a panic on overflow.
pub fn sub(a: Decimal, b: Decimal) -> Result<Decimal, MoneyError> {
    a.checked_sub(b).ok_or(MoneyError::Overflow)
}

/// `a × b`, or an error instead of a panic on overflow.
pub fn mul(a: Decimal, b: Decimal) -> Result<Decimal, MoneyError> {
    a.checked_mul(b).ok_or(MoneyError::Overflow)
}

/// Division used only for figures shown to readers (per-capita, per-month); never for a comparison.
pub fn div(a: Decimal, b: Decimal) -> Result<Decimal, MoneyError> {
    a.checked_div(b).ok_or(MoneyError::Overflow)
}

/// The total of `values`, or an error instead of a panic on overflow.
pub fn sum<I: IntoIterator<Item = Decimal>>(values: I) -> Result<Decimal, MoneyError> {
    values.into_iter().try_fold(Decimal::ZERO, add)
}

/// A yuan figure for a sentence, rounded to the fen (half away from zero): whole amounts print
/// without decimals ("760"), others with two ("812.33"). Written digit by digit from the mantissa,
/// because sentences hold many figures and `Decimal`'s own `Display` is the slow part of them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Yuan(pub Decimal);

impl fmt::Display for Yuan {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let rounded = self.0.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
        // scale ≤ 2 after rounding, and |mantissa| < 2^96, so the fen count fits an i128 easily.
        let fen = rounded.mantissa() * if rounded.scale() >= 2 { 1 } else { 10i128.pow(2 - rounded.scale()) };
        let sign = if fen < 0 { "-" } else { "" };
        let (whole, cents) = (fen.unsigned_abs() / 100, fen.unsigned_abs() % 100);
        if cents == 0 {
            write!(f, "{sign}{whole}")
        } else {
            write!(f, "{sign}{whole}.{cents:02}")
        }
    }
}

/// [`Yuan`] as a `String`.
pub fn format_yuan(value: Decimal) -> String {
    Yuan(value).to_string()
}

/// The period an amount is stated for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Period {
    /// 元/月
    Month,
    /// 元/年 (for income: the total of the last 12 months)
    Year,
}

impl Period {
    /// The period in words (月, 年), as in 元/人/月.
    pub fn label(self) -> &'static str {
        match self {
            Period::Month => "月",
            Period::Year => "年",
        }
    }
}

/// An amount stated per month or per year, as residents know it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Amount {
    /// The amount in 元.
    pub amount: Money,
    /// The period it is stated for.
    pub per: Period,
}

impl Amount {
    /// An amount per month.
    pub fn monthly(amount: Money) -> Amount {
        Amount { amount, per: Period::Month }
    }

    /// An amount per year (for income: the total of the last 12 months).
    pub fn yearly(amount: Money) -> Amount {
        Amount { amount, per: Period::Year }
    }

    /// The total over 12 months: a monthly figure times 12, a yearly one as it is.
    pub fn annual(self) -> Result<Decimal, MoneyError> {
        match self.per {
            Period::Month => mul(self.amount.0, Decimal::from(12)),
            Period::Year => Ok(self.amount.0),
        }
    }

    /// The monthly figure: exact for a monthly amount, yearly / 12 (unrounded) otherwise.
    pub fn monthly_value(self) -> Result<Decimal, MoneyError> {
        match self.per {
            Period::Month => Ok(self.amount.0),
            Period::Year => div(self.amount.0, Decimal::from(12)),
        }
    }
}

impl Serialize for Money {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for Money {
    /// Money arrives as a decimal string ("3000.50"), the documented form; a JSON number is also
    /// taken, for portals that send numbers, and goes through the same checks.
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Money, D::Error> {
        struct MoneyVisitor;
        impl de::Visitor<'_> for MoneyVisitor {
            type Value = Money;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("金额字符串，例如 \"3000\"")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Money, E> {
                // "3.000" is refused, not read as 3: one way of writing each amount (is it 3, or
                // 3,000 with a thousands point?). A household's typed amounts say which (`format`).
                if v.split_once('.').is_some_and(|(_, fraction)| fraction.len() > 2) {
                    return Err(E::custom(MoneyRejection::TooManyDecimals));
                }
                Money::parse(v).map_err(E::custom)
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Money, E> {
                Money::new(Decimal::from(v)).map_err(E::custom)
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Money, E> {
                Money::new(Decimal::from(v)).map_err(E::custom)
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Money, E> {
                if !v.is_finite() {
                    return Err(E::custom(MoneyRejection::NotANumber));
                }
                // The shortest text that round-trips, so 0.1 stays 0.1 rather than 0.1000000000000000055.
                Money::parse(&v.to_string()).map_err(E::custom)
            }
        }
        deserializer.deserialize_any(MoneyVisitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn max_is_one_trillion_yuan() {
        assert_eq!(Money::MAX.amount(), Decimal::from(1_000_000_000_000u64));
    }

    #[test]
    fn rejects_negative_large_and_fractional_fen() {
        assert_eq!(Money::parse("-1"), Err(MoneyRejection::Negative));
        assert_eq!(Money::parse("1000000000000.01"), Err(MoneyRejection::TooLarge));
        assert_eq!(Money::parse("1.005"), Err(MoneyRejection::TooManyDecimals));
        assert_eq!(Money::parse("abc"), Err(MoneyRejection::NotANumber));
        assert_eq!(Money::parse("1000000000000").map(|m| m.amount()), Ok(Money::MAX.amount()));
        assert_eq!(Money::parse("-0").map(|m| m.is_zero()), Ok(true));
        assert_eq!(Money::parse("3000.50").map(|m| m.to_string()), Ok("3000.5".to_string()));
        for loose in [" 760", "760 ", "+760", "7.6e2", "1,000", "760.", ".5", "", "-", "0x10", "７６０", "0760", "00"]
        {
            assert_eq!(Money::parse(loose), Err(MoneyRejection::NotANumber), "{loose:?}");
        }
    }

    #[test]
    fn display_rounding_is_half_away_from_zero() {
        assert_eq!(format_yuan(Decimal::new(8125, 3)), "8.13");
        assert_eq!(format_yuan(Decimal::new(-4, 3)), "0");
        assert_eq!(format_yuan(Decimal::new(-5, 3)), "-0.01");
        assert_eq!(format_yuan(Decimal::new(5, 1)), "0.50");
        assert_eq!(format_yuan(Decimal::new(123456789, 4)), "12345.68");
        assert_eq!(format_yuan(Decimal::MAX), Decimal::MAX.to_string());
        assert_eq!(format_yuan(Decimal::from_str_exact("2.675").unwrap_or_default()), "2.68");
        assert_eq!(format_yuan(Decimal::new(-8125, 3)), "-8.13");
        assert_eq!(format_yuan(Decimal::from(760)), "760");
        assert_eq!(format_yuan(Decimal::new(76010, 2)), "760.10");
    }

    #[test]
    fn yearly_amounts_are_not_multiplied() {
        let y = Amount::yearly(Money::yuan(6800));
        assert_eq!(y.annual(), Ok(Decimal::from(6800)));
        let m = Amount::monthly(Money::yuan(760));
        assert_eq!(m.annual(), Ok(Decimal::from(9120)));
    }
}

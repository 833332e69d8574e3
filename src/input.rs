//! Money as people type it: `3000`, `3,000`, `３０００` (full-width), `3000元`, `3千`, `1.2万`,
//! `1.2万元`, ` 3 000 `. Used by the page and the hotline form; the engine itself only takes plain
//! decimals. Every refusal is a Chinese sentence to show beside the field.

use rust_decimal::Decimal;

use crate::engine::money::{Money, MoneyRejection};

/// Why a typed amount was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputError(pub String);

impl std::fmt::Display for InputError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// The longest text looked at; a money field has no business being longer.
const MAX_CHARS: usize = 32;
/// The largest amount a person can mean in a low-income self-check: 1亿元. Above it is a typing
/// slip (an extra 万); the JSON contract keeps the engine's wider bound for programs.
const MAX_TYPED_YUAN: u64 = 100_000_000;

/// Parses a typed amount of money. An empty field is `Ok(None)`: the question was not answered.
pub fn parse_money(typed: &str) -> Result<Option<Money>, InputError> {
    if typed.chars().count() > MAX_CHARS {
        return Err(InputError("输入太长，请只填写金额，例如 3000 或 1.2万".to_string()));
    }
    // Full-width digits and signs become ASCII; separators and spaces go, once they are known to
    // separate thousands.
    if !one_amount(typed) {
        return Err(InputError("请只填写一个金额；几笔收入请分别添加（千位可写成 3,000）".to_string()));
    }
    let mut text = String::with_capacity(typed.len());
    for c in typed.chars() {
        let c = match c {
            '０'..='９' => char::from(b'0' + (c as u32 - '０' as u32) as u8),
            '．' | '。' => '.',
            '－' | '—' | '−' => '-',
            '＋' => '+',
            c => c,
        };
        if c.is_whitespace() || matches!(c, ',' | '，' | '、' | '\'' | '_') {
            continue;
        }
        text.push(c);
    }
    if text.is_empty() {
        return Ok(None);
    }
    // A trailing 元 (or 块) is the unit, not part of the number.
    let text = text.strip_suffix('元').or_else(|| text.strip_suffix('块')).unwrap_or(&text);
    let (number, factor) = if let Some(n) = text.strip_suffix('亿') {
        (n, Decimal::from(100_000_000))
    } else if let Some(n) = text.strip_suffix('万') {
        (n, Decimal::from(10_000))
    } else if let Some(n) = text.strip_suffix('千') {
        (n, Decimal::from(1_000))
    } else if let Some(n) = text.strip_suffix('百') {
        (n, Decimal::from(100))
    } else {
        (text, Decimal::ONE)
    };
    if number.starts_with('-') {
        return Err(InputError(MoneyRejection::Negative.to_string()));
    }
    let number = number.strip_prefix('+').unwrap_or(number);
    let valid = !number.is_empty()
        && number.chars().all(|c| c.is_ascii_digit() || c == '.')
        && number.chars().filter(|c| *c == '.').count() <= 1
        && number.chars().any(|c| c.is_ascii_digit());
    if !valid {
        return Err(InputError("请填写数字金额，例如 3000、3,000、3千 或 1.2万".to_string()));
    }
    // Digits and one point only, so the exact parser suffices (the general one also reads
    // scientific notation, which cannot occur here and would cost the page its code).
    let value = Decimal::from_str_exact(number)
        .ok()
        .and_then(|v| v.checked_mul(factor))
        .ok_or_else(|| InputError(MoneyRejection::TooLarge.to_string()))?;
    if value > Decimal::from(MAX_TYPED_YUAN) {
        return Err(InputError("金额过大，请核对（例如是否多写了“万”）".to_string()));
    }
    Money::new(value).map(Some).map_err(|e| InputError(e.to_string()))
}

/// Whether the separators in a typed amount are thousands separators, so it is one amount: "3,000",
/// "1 200 000" and "3,000.50" are; "1500、1800" and "3000，2000" are two amounts, which would
/// otherwise be read as 15,001,800 and 30,002,000. Between digits, a separator must end a first
/// group of one to three digits or a group of three; 、 always lists.
fn one_amount(typed: &str) -> bool {
    if typed.contains('、') {
        return false;
    }
    // Digit groups of the whole-number part (after an optional sign, up to a point or unit).
    let (mut groups, mut first, mut rest_are_three, mut current) = (0, 0, true, 0);
    let mut close = |current: usize| {
        if current > 0 {
            if groups == 0 {
                first = current;
            } else {
                rest_are_three &= current == 3;
            }
            groups += 1;
        }
    };
    for c in typed.trim().trim_start_matches(['+', '-', '＋', '－']).chars() {
        if c.is_ascii_digit() || ('０'..='９').contains(&c) {
            current += 1;
        } else if c.is_whitespace() || matches!(c, ',' | '，' | '\'' | '_') {
            close(current);
            current = 0;
        } else {
            break;
        }
    }
    close(current);
    groups <= 1 || ((1..=3).contains(&first) && rest_are_three)
}

/// A monthly amount from which a per-month answer is asked about once (not a policy number: a
/// household's monthly income or spending is rarely this large, and "12万" per month is more often
/// a year's total typed beside 每月). The amount is kept either way.
const LARGE_MONTHLY_YUAN: u64 = 50_000;

/// The amount to ask about ("每月12万元？"), when a per-month answer is that large; `None` for
/// yearly answers, blanks, refusals and ordinary amounts.
pub fn large_monthly(typed: &str, monthly: bool) -> Option<Money> {
    let money = parse_money(typed).ok().flatten()?;
    (monthly && money.amount() >= rust_decimal::Decimal::from(LARGE_MONTHLY_YUAN)).then_some(money)
}

/// Parses a whole number in a range (ages, counts), with full-width digits; empty is `Ok(None)`.
pub fn parse_count(typed: &str, min: u32, max: u32, what: &str) -> Result<Option<u32>, InputError> {
    let text: String = typed
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| if ('０'..='９').contains(&c) { char::from(b'0' + (c as u32 - '０' as u32) as u8) } else { c })
        .collect();
    let text = text.trim_end_matches(['岁', '人', '辆', '套', '个', '月']);
    if text.is_empty() {
        return Ok(None);
    }
    match text.parse::<u32>() {
        Ok(n) if (min..=max).contains(&n) => Ok(Some(n)),
        _ => Err(InputError(format!("{what}应为{min}到{max}之间的整数"))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn yuan(typed: &str) -> Option<String> {
        parse_money(typed).ok().flatten().map(|m| m.to_string())
    }

    #[test]
    fn accepts_what_chinese_users_type() {
        assert_eq!(yuan("3000").as_deref(), Some("3000"));
        assert_eq!(yuan("3,000").as_deref(), Some("3000"));
        assert_eq!(yuan("３０００").as_deref(), Some("3000"));
        assert_eq!(yuan("3000元").as_deref(), Some("3000"));
        assert_eq!(yuan("3千").as_deref(), Some("3000"));
        assert_eq!(yuan("1.2万").as_deref(), Some("12000"));
        assert_eq!(yuan("1.2万元").as_deref(), Some("12000"));
        assert_eq!(yuan(" 3 000 ").as_deref(), Some("3000"));
        assert_eq!(yuan("３千元").as_deref(), Some("3000"));
        assert_eq!(yuan("2500.50").as_deref(), Some("2500.5"));
        assert_eq!(yuan("１２３４．５").as_deref(), Some("1234.5"));
        assert_eq!(parse_money("   "), Ok(None));
    }

    #[test]
    fn a_monthly_amount_of_five_wan_or_more_is_asked_about_once_a_yearly_one_or_less_is_not() {
        assert_eq!(large_monthly("12万", true).map(|m| m.to_string()).as_deref(), Some("120000"));
        assert_eq!(large_monthly("5万", true).map(|m| m.to_string()).as_deref(), Some("50000"));
        assert_eq!(large_monthly("49999.99", true), None);
        assert_eq!(large_monthly("12万", false), None);
        assert_eq!(large_monthly("", true), None);
        assert_eq!(large_monthly("1500、1800", true), None);
    }

    #[test]
    fn two_amounts_in_one_field_are_refused_rather_than_run_together() {
        for two in ["1500、1800", "3000，2000", "3000,2000", "1,2345", "12 34", "1500 1800"] {
            assert!(parse_money(two).is_err(), "{two}");
        }
        for one in ["3,000", "1 200 000", "3,000.50", "３，０００", "1.2 万", " 3 000 元", "1,234,567"] {
            assert!(parse_money(one).is_ok_and(|m| m.is_some()), "{one}");
        }
        assert_eq!(yuan("1,234,567").as_deref(), Some("1234567"));
    }

    #[test]
    fn refuses_text_negative_and_absurd_amounts_with_a_message() {
        for bad in ["abc", "3k", "1.2.3", "万", "元", "3千万万", "--3", "1e5"] {
            assert!(parse_money(bad).is_err(), "{bad}");
        }
        assert_eq!(parse_money("-5").map_err(|e| e.0), Err("金额不能为负数".to_string()));
        assert!(parse_money("1000000万").is_err());
        assert_eq!(yuan("1亿").as_deref(), Some("100000000"));
        assert!(parse_money("100000000.01").is_err());
        assert!(parse_money("99999999999999999999999999999999").is_err());
        assert!(parse_money("0.001").is_err());
        assert!(parse_money(&"9".repeat(100)).is_err());
    }

    #[test]
    fn counts_accept_full_width_digits_and_units() {
        assert_eq!(parse_count("６８岁", 0, 130, "年龄"), Ok(Some(68)));
        assert_eq!(parse_count("", 0, 130, "年龄"), Ok(None));
        assert!(parse_count("131", 0, 130, "年龄").is_err());
        assert!(parse_count("-1", 0, 130, "年龄").is_err());
        assert!(parse_count("六十", 0, 130, "年龄").is_err());
    }
}

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

const TWO_AMOUNTS: &str = "请只填写一个金额（千位可写成 3,000）";

/// What a money field holds, so that a refusal of two amounts says what to do in that field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AmountKind {
    /// An income line: several incomes are added as lines of their own.
    IncomeLine,
    /// A spending, a student's fees or the financial assets: several sums are added up.
    Total,
    /// A local figure (the 低保标准, the disposable income): one figure.
    Figure,
}

impl InputError {
    /// The refusal as the field should say it: two amounts in an income line are two lines, in a
    /// spending field one total; other refusals are the same everywhere.
    pub fn in_field(self, kind: AmountKind) -> InputError {
        if self.0 != TWO_AMOUNTS {
            return self;
        }
        InputError(
            match kind {
                AmountKind::IncomeLine => "请只填写一个金额；几笔收入请分别添加（千位可写成 3,000）",
                AmountKind::Total => "请只填写一个金额；几笔费用请加起来填合计（千位可写成 3,000）",
                AmountKind::Figure => TWO_AMOUNTS,
            }
            .to_string(),
        )
    }
}
const NOT_A_NUMBER: &str = "请填写数字金额，例如 3000、3,000、3千、2千5 或 1.2万";
const DECIMALS: &str = "小数点后最多两位；千位请用逗号，例如 3,000";

/// Parses a typed amount of money. An empty field is `Ok(None)`: the question was not answered.
/// Every text has exactly one reading or is refused: "2.5，3万" and "3000.5 2" are two amounts, not
/// 25,300 or 3000.52; "3.000" is refused (3 or 3,000?); "2千5" and "2千5百" are 2,500, as said.
pub fn parse_money(typed: &str) -> Result<Option<Money>, InputError> {
    if typed.chars().count() > MAX_CHARS {
        return Err(InputError("输入太长，请只填写金额，例如 3000 或 1.2万".to_string()));
    }
    let chars: Vec<char> = typed.chars().map(ascii_form).collect();
    let mut text = trim(&chars);
    if text.is_empty() {
        return Ok(None);
    }
    // A trailing 元 (or 块) is the unit, not part of the number.
    if let Some((last, rest)) = text.split_last() {
        if matches!(last, '元' | '块') {
            text = trim(rest);
        }
    }
    match text.first() {
        Some('-') => return Err(InputError(MoneyRejection::Negative.to_string())),
        Some('+') => text = &text[1..],
        _ => {}
    }
    let value = Reader { text, at: 0 }.amount()?;
    if value > Decimal::from(MAX_TYPED_YUAN) {
        return Err(InputError("金额过大，请核对（例如是否多写了“万”）".to_string()));
    }
    Money::new(value).map(Some).map_err(|e| InputError(e.to_string()))
}

/// Full-width digits, points and signs as their ASCII forms; everything else as it is.
fn ascii_form(c: char) -> char {
    match c {
        '０'..='９' => char::from(b'0' + (c as u32 - '０' as u32) as u8),
        '．' | '。' => '.',
        '－' | '—' | '−' => '-',
        '＋' => '+',
        '，' => ',',
        c => c,
    }
}

fn trim(text: &[char]) -> &[char] {
    let start = text.iter().position(|c| !c.is_whitespace()).unwrap_or(text.len());
    let end = text.iter().rposition(|c| !c.is_whitespace()).map_or(start, |i| i + 1);
    &text[start..end.max(start)]
}

/// Characters that write thousands inside a number ("3,000", "1 200 000") and, anywhere else, sit
/// between two amounts.
fn groups_thousands(c: char) -> bool {
    c.is_whitespace() || matches!(c, ',' | '\'' | '_')
}

/// Characters that, between two numbers, list them: "1500、1800", "3000；2000", "1500和1800".
fn lists(c: char) -> bool {
    groups_thousands(c) || matches!(c, '、' | ';' | '；' | '和' | '及' | '与' | '/' | '／' | '+' | '＋' | '|')
}

/// The powers of ten the units stand for.
fn unit_power(c: char) -> Option<u32> {
    match c {
        '亿' => Some(8),
        '万' => Some(4),
        '千' => Some(3),
        '百' => Some(2),
        _ => None,
    }
}

struct Reader<'t> {
    text: &'t [char],
    at: usize,
}

/// One number and the unit after it: "1.2万" is (1.2, true, Some(4)).
struct Term {
    value: Decimal,
    has_point: bool,
    digits: usize,
    /// Digits after the point: more than two are fen-less only before a unit ("0.2916万").
    decimals: usize,
    power: Option<u32>,
}

impl Reader<'_> {
    fn peek(&self) -> Option<char> {
        self.text.get(self.at).copied()
    }

    fn skip_spaces(&mut self) {
        while self.peek().is_some_and(char::is_whitespace) {
            self.at += 1;
        }
    }

    fn digits(&mut self) -> usize {
        let start = self.at;
        while self.peek().is_some_and(|c| c.is_ascii_digit()) {
            self.at += 1;
        }
        self.at - start
    }

    /// Whether, from `at`, a separator then a digit follow (after spaces): a second amount.
    fn another_amount_follows(&self) -> bool {
        let rest = &self.text[self.at..];
        let Some(first) = rest.first() else { return false };
        lists(*first) && rest.iter().skip(1).find(|c| !c.is_whitespace()).is_some_and(|c| c.is_ascii_digit())
    }

    /// A number with optional thousands groups of three and up to two decimals.
    fn number(&mut self) -> Result<Term, InputError> {
        let mut plain = String::new();
        let start = self.at;
        let first = self.digits();
        if first == 0 {
            return Err(InputError(NOT_A_NUMBER.to_string()));
        }
        plain.extend(&self.text[start..self.at]);
        // Groups: a separator, then exactly three digits not followed by another digit.
        while self.peek().is_some_and(groups_thousands) {
            let before = self.at;
            self.at += 1;
            let from = self.at;
            let group = self.digits();
            if group == 0 {
                self.at = before;
                break;
            }
            if group != 3 || first > 3 {
                return Err(InputError(TWO_AMOUNTS.to_string()));
            }
            plain.extend(&self.text[from..self.at]);
        }
        let mut has_point = false;
        if self.peek() == Some('.') {
            self.at += 1;
            let from = self.at;
            let decimals = self.digits();
            if decimals == 0 {
                return Err(InputError(NOT_A_NUMBER.to_string()));
            }
            plain.push('.');
            plain.extend(&self.text[from..self.at]);
            has_point = true;
        }
        let digits = plain.chars().filter(char::is_ascii_digit).count();
        // Digits and one point only, so the exact parser suffices (the general one also reads
        // scientific notation, which cannot occur here and would cost the page its code).
        let value = Decimal::from_str_exact(&plain).map_err(|_| InputError(MoneyRejection::TooLarge.to_string()))?;
        Ok(Term { value, has_point, digits, decimals: plain.split_once('.').map_or(0, |(_, f)| f.len()), power: None })
    }

    /// The whole amount: one number with an optional unit ("1.2万"), or whole numbers with falling
    /// units, the last unit perhaps left unsaid as people say it ("1万2千", "2千5" = 2,500).
    fn amount(mut self) -> Result<Decimal, InputError> {
        let mut terms: Vec<Term> = Vec::new();
        loop {
            let mut term = self.number()?;
            let after_number = self.at;
            self.skip_spaces();
            term.power = self.peek().and_then(unit_power);
            match term.power {
                Some(_) => {
                    self.at += 1;
                    self.skip_spaces();
                }
                // What follows a number without a unit is judged from just after it.
                None => self.at = after_number,
            }
            let unit = term.power.is_some();
            terms.push(term);
            match self.peek() {
                None => break,
                Some(c) if unit && c.is_ascii_digit() => continue,
                Some(_) if self.another_amount_follows() => return Err(InputError(TWO_AMOUNTS.to_string())),
                Some(_) => return Err(InputError(NOT_A_NUMBER.to_string())),
            }
        }
        let too_large = || InputError(MoneyRejection::TooLarge.to_string());
        let scale = |power: u32| Decimal::from(10u64.pow(power));
        // "3.000" with no unit: 3, or 3,000 with a thousands point? Refused rather than guessed.
        if terms.iter().any(|t| t.power.is_none() && t.decimals > 2) {
            return Err(InputError(DECIMALS.to_string()));
        }
        if let [only] = terms.as_slice() {
            return only.value.checked_mul(scale(only.power.unwrap_or(0))).ok_or_else(too_large);
        }
        // Several terms: whole numbers, each unit below the one before and each term below it.
        let mut total = Decimal::ZERO;
        let mut above: Option<u32> = None;
        for (i, term) in terms.iter().enumerate() {
            if term.has_point {
                return Err(InputError(NOT_A_NUMBER.to_string()));
            }
            let last = i + 1 == terms.len();
            let times = |power: u32| term.value.checked_mul(scale(power)).ok_or_else(too_large);
            let value = match (term.power, above) {
                // "2千5": a single digit after a unit counts in the unit below it.
                (None, Some(p)) if last && term.digits == 1 => times(p - 1)?,
                (None, Some(p)) if last && term.value < scale(p) => term.value,
                (Some(power), None) => times(power)?,
                (Some(power), Some(p)) if power < p && times(power)? < scale(p) => times(power)?,
                _ => return Err(InputError(NOT_A_NUMBER.to_string())),
            };
            total = total.checked_add(value).ok_or_else(too_large)?;
            above = term.power.or(above);
        }
        Ok(total)
    }
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
    fn every_separator_after_a_whole_number_or_a_decimal_makes_two_amounts_refused_never_run_together() {
        for separator in ["、", "，", ",", "；", ";", " ", "和", "/", "+"] {
            for first in ["2", "2.5", "3000", "3000.5"] {
                for second in ["3", "2", "3万", "1800"] {
                    let typed = format!("{first}{separator}{second}");
                    // "2,3" or "3000 1800" could never be a thousands group; "2,800" could, so it is read as one.
                    let err = parse_money(&typed).expect_err(&typed);
                    assert_eq!(err.0, TWO_AMOUNTS, "{typed}");
                }
            }
        }
        // The readings: 2.5，3万 was 25,300; 3000.5 2 was 3000.52; 2.5，3 was 2.53.
        for typed in ["2.5，3万", "3000.5 2", "2.5，3"] {
            assert_eq!(parse_money(typed).map_err(|e| e.0), Err(TWO_AMOUNTS.to_string()), "{typed}");
        }
    }

    #[test]
    fn a_thousands_separator_stands_only_between_groups_of_three_and_never_after_the_point() {
        assert_eq!(yuan("2,800").as_deref(), Some("2800"));
        assert_eq!(yuan("12,345.67").as_deref(), Some("12345.67"));
        for bad in ["1,23", "1,2345", "1234,567", "3,000.5,0", "3.5,000"] {
            assert!(parse_money(bad).is_err(), "{bad}");
        }
        // 3.000: three decimals, perhaps a thousands point; not read as 3.
        assert_eq!(parse_money("3.000").map_err(|e| e.0), Err(DECIMALS.to_string()));
        assert_eq!(parse_money("3.005").map_err(|e| e.0), Err(DECIMALS.to_string()));
    }

    #[test]
    fn amounts_said_with_units_read_as_said_2_qian_5_is_2500() {
        assert_eq!(yuan("2千5").as_deref(), Some("2500"));
        assert_eq!(yuan("2千5百").as_deref(), Some("2500"));
        assert_eq!(yuan("1万2").as_deref(), Some("12000"));
        assert_eq!(yuan("1万2千").as_deref(), Some("12000"));
        assert_eq!(yuan("1万2千5百").as_deref(), Some("12500"));
        assert_eq!(yuan("1万2000").as_deref(), Some("12000"));
        assert_eq!(yuan("3百5").as_deref(), Some("350"));
        assert_eq!(yuan("2千5元").as_deref(), Some("2500"));
        // Before a unit a number may have more decimals, as long as the amount is whole fen.
        assert_eq!(yuan("0.2916万").as_deref(), Some("2916"));
        assert!(parse_money("0.2916666万").is_err());
        for bad in ["1万20000", "2千3万", "1.5万2", "2千千", "1万2.5", "千5"] {
            assert!(parse_money(bad).is_err(), "{bad}");
        }
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

#[cfg(test)]
mod field_messages {
    use super::*;

    #[test]
    fn two_amounts_are_told_apart_by_the_field_they_are_typed_in() {
        let refusal = |kind| parse_money("1500、1800").map_err(|e| e.in_field(kind).0);
        assert_eq!(
            refusal(AmountKind::IncomeLine),
            Err("请只填写一个金额；几笔收入请分别添加（千位可写成 3,000）".into())
        );
        assert_eq!(
            refusal(AmountKind::Total),
            Err("请只填写一个金额；几笔费用请加起来填合计（千位可写成 3,000）".into())
        );
        assert_eq!(refusal(AmountKind::Figure), Err("请只填写一个金额（千位可写成 3,000）".into()));
        // Other refusals read the same in every field.
        let not_a_number = |kind| parse_money("abc").map_err(|e| e.in_field(kind).0);
        assert_eq!(not_a_number(AmountKind::IncomeLine), not_a_number(AmountKind::Total));
    }
}

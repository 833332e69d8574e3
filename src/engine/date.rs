//! Calendar days ("2024-02-01"), for effective dates of policy values and the day an assessment is for.
//! The engine never reads a clock: callers (the page, the CLI) pass the day, so results are repeatable.

use std::fmt;

use serde::{de, Deserialize, Deserializer, Serialize, Serializer};

/// A calendar day: the day an assessment is for, or the day a policy value takes effect.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Day(time::Date);

impl Day {
    /// The earliest day the calendar type holds; a stand-in, never a policy date.
    pub const MIN: Day = Day(time::Date::MIN);

    /// Parses an ISO day, `YYYY-MM-DD` exactly; anything else (including 2023-02-30) is refused.
    pub fn parse(text: &str) -> Result<Day, String> {
        let trimmed = text.trim();
        let number = |range: std::ops::Range<usize>| -> Option<u16> {
            let part = trimmed.get(range)?;
            if part.bytes().all(|b| b.is_ascii_digit()) {
                part.parse().ok()
            } else {
                None
            }
        };
        let dashes = trimmed.len() == 10 && trimmed.get(4..5) == Some("-") && trimmed.get(7..8) == Some("-");
        let small = |n: u16| u8::try_from(n).ok();
        let day = match (dashes, number(0..4), number(5..7).and_then(small), number(8..10).and_then(small)) {
            (true, Some(year), Some(month), Some(day)) => Day::from_ymd(i32::from(year), month, day),
            _ => None,
        };
        day.ok_or_else(|| format!("日期应为 YYYY-MM-DD 格式的有效日期，收到 \"{}\"", echoed(text, 40)))
    }

    /// The day of a calendar date; `None` for a date that does not exist (2023-02-30).
    pub fn from_ymd(year: i32, month: u8, day: u8) -> Option<Day> {
        let month = time::Month::try_from(month).ok()?;
        time::Date::from_calendar_date(year, month, day).ok().map(Day)
    }

    /// The calendar year, for sentences such as 自2023年1月起.
    pub fn year(self) -> i32 {
        self.0.year()
    }

    /// The month, 1 to 12.
    pub fn month(self) -> u8 {
        u8::from(self.0.month())
    }

    /// Whole calendar months from `self` to `later` (0 when `later` is earlier): 2023-01-01 to
    /// 2024-01-01 is 12, to 2023-12-31 is 11.
    pub fn months_until(self, later: Day) -> u32 {
        let months = (later.year() - self.year()) * 12 + i32::from(later.month()) - i32::from(self.month());
        let months = if later.0.day() < self.0.day() { months - 1 } else { months };
        u32::try_from(months).unwrap_or(0)
    }
}

impl From<time::Date> for Day {
    fn from(date: time::Date) -> Day {
        Day(date)
    }
}

impl fmt::Display for Day {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.0.year(), u8::from(self.0.month()), self.0.day())
    }
}

impl Serialize for Day {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Day {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Day, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        Day::parse(&text).map_err(de::Error::custom)
    }
}

/// Text that came from the input, as it may be shown back to a reader, a terminal or a portal:
/// control characters, line and paragraph separators and direction marks written out (`\u{1b}`),
/// and cut to `max` characters with "…". Echoed text is plain text, never markup or escapes.
pub fn echoed(text: &str, max: usize) -> String {
    use std::fmt::Write;
    let mut out = String::new();
    for (i, c) in text.chars().enumerate() {
        if i == max {
            out.push('…');
            break;
        }
        let invisible = matches!(c, '\u{2028}' | '\u{2029}' | '\u{200e}' | '\u{200f}' | '\u{feff}')
            || ('\u{202a}'..='\u{202e}').contains(&c)
            || ('\u{2066}'..='\u{2069}').contains(&c);
        if c.is_control() || invisible {
            let _ = write!(out, "\\u{{{:x}}}", c as u32);
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_valid_days_and_refuses_impossible_ones() {
        assert_eq!(Day::parse("2024-02-01").map(|d| d.to_string()), Ok("2024-02-01".to_string()));
        assert!(Day::parse("2023-02-30").is_err());
        assert!(Day::parse("2023/02/01").is_err());
        assert!(Day::parse("").is_err());
        assert!(Day::parse("2024-2-01").is_err());
        assert!(Day::parse("+024-02-01").is_err());
        assert!(Day::parse("2024-02-01x").is_err());
        assert!(Day::parse("２０２４-02-01").is_err());
        assert_eq!(Day::parse("2024-02-29").map(|d| d.to_string()), Ok("2024-02-29".to_string()));
    }

    #[test]
    fn days_order_by_calendar() {
        assert!(Day::parse("2023-12-31").ok() < Day::parse("2024-01-01").ok());
    }
}

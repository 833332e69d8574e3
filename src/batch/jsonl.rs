//! JSON Lines in: one household per line in the household format, with an `id` of the user's own.
//! Each line is bounded as it is read, so a line without end cannot fill memory.

use std::io::BufRead;

use super::{Parsed, Raw, MAX_ID_CHARS};
use crate::engine::household::{self, FieldError, Household};
use crate::format::{household_from_value, household_json, MAX_HOUSEHOLD_BYTES};

/// The households of `reader`, one per non-blank line, each with its 1-based line number. A line
/// too long or not UTF-8 comes as already refused.
pub(super) fn households(mut reader: impl BufRead) -> impl Iterator<Item = std::io::Result<(usize, Raw)>> {
    let mut buf = Vec::new();
    let mut line_number = 0usize;
    std::iter::from_fn(move || loop {
        let fits = match read_line(&mut reader, &mut buf, MAX_HOUSEHOLD_BYTES) {
            Err(e) => return Some(Err(e)),
            Ok(None) => return None,
            Ok(Some(fits)) => fits,
        };
        line_number += 1;
        if !fits {
            return Some(Ok((line_number, Raw::Unreadable("这一行超过上限（256 KB），已跳过"))));
        }
        match std::str::from_utf8(&buf) {
            Err(_) => return Some(Ok((line_number, Raw::Unreadable("这一行不是 UTF-8 文本")))),
            Ok(text) if text.trim().is_empty() => continue,
            Ok(text) => return Some(Ok((line_number, Raw::Json(text.trim().to_string())))),
        }
    })
}

/// A household line read straight into its types, with the `id` beside the household's fields.
/// Anything this does not take (a typed amount such as "3千", a duplicate key, a field the household
/// gained since) is read again the general way, so it changes how fast a line is read, never what
/// it is read as.
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct Line {
    #[serde(default)]
    id: Id,
    #[serde(default)]
    as_of: Option<crate::engine::Day>,
    #[serde(default)]
    place: household::Place,
    members: Vec<household::Member>,
    #[serde(default)]
    income: Vec<household::IncomeItem>,
    #[serde(default)]
    spending: household::Spending,
    #[serde(default)]
    assets: household::Assets,
    #[serde(default)]
    situation: household::Situation,
}

/// An `id` as a line may give it: text, or a whole number. Absent when the line has none; a `null`
/// or anything else is not taken here (the general reading refuses it with its message).
#[derive(serde::Deserialize, Default)]
#[serde(untagged)]
enum Id {
    #[default]
    #[serde(skip_deserializing)]
    Absent,
    Text(String),
    Number(u64),
}

/// The fast reading of a line (see [`Line`]); `None` sends it the general way.
fn parse_typed(text: &str) -> Option<Parsed> {
    let line: Line = serde_json::from_str(text).ok()?;
    let id = match line.id {
        Id::Absent => None,
        Id::Number(n) => Some(n.to_string()),
        Id::Text(s) if s.chars().count() <= MAX_ID_CHARS && !s.chars().any(char::is_control) => Some(s),
        Id::Text(_) => return None,
    };
    let household = Household {
        as_of: line.as_of,
        place: line.place,
        members: line.members,
        income: line.income,
        spending: line.spending,
        assets: line.assets,
        situation: line.situation,
    };
    let errors = household.validate();
    Some(Parsed { id, household: if errors.is_empty() { Ok(household) } else { Err(errors) } })
}

/// Reads one household line: straight into its types when it can (nearly every line), else the
/// JSON once, its `id` taken out, the rest read as a household with every error named.
pub(super) fn parse(text: &str) -> Parsed {
    parse_typed(text).unwrap_or_else(|| parse_general(text))
}

/// The general reading: the JSON once (duplicate keys refused), its `id` taken out, the rest read as
/// a household with typed amounts and every error named by its path.
fn parse_general(text: &str) -> Parsed {
    let mut value = match household_json(text) {
        Ok(v) => v,
        Err(errors) => return Parsed { id: None, household: Err(errors) },
    };
    let Some(object) = value.as_object_mut() else {
        return Parsed { id: None, household: Err(whole("每一行应是一个家庭（JSON 对象）")) };
    };
    let id = match object.remove("id") {
        None => None,
        Some(serde_json::Value::String(s)) if s.chars().count() <= MAX_ID_CHARS && !s.chars().any(char::is_control) => {
            Some(s)
        }
        Some(serde_json::Value::Number(n)) => Some(n.to_string()),
        Some(_) => {
            return Parsed {
                id: None,
                household: Err(whole(&format!("id 应是不超过 {MAX_ID_CHARS} 个字符的文字或数字"))),
            }
        }
    };
    Parsed { id, household: household_from_value(value) }
}

fn whole(message: &str) -> Vec<FieldError> {
    vec![FieldError { path: String::new(), message: message.to_string() }]
}

/// Reads one line of at most `limit` bytes into `buf` (without its newline). A longer line is
/// skipped to its end without being kept, and reported as too long. `Ok(None)` at the end.
fn read_line(reader: &mut impl BufRead, buf: &mut Vec<u8>, limit: usize) -> std::io::Result<Option<bool>> {
    buf.clear();
    let mut too_long = false;
    let mut any = false;
    loop {
        let available = reader.fill_buf()?;
        if available.is_empty() {
            return Ok(any.then_some(!too_long));
        }
        any = true;
        let (chunk, found) = match available.iter().position(|&b| b == b'\n') {
            Some(at) => (&available[..at], Some(at)),
            None => (available, None),
        };
        if !too_long {
            if buf.len() + chunk.len() > limit {
                too_long = true;
                buf.clear();
            } else {
                buf.extend_from_slice(chunk);
            }
        }
        let used = found.map_or(chunk.len(), |at| at + 1);
        reader.consume(used);
        if found.is_some() {
            return Ok(Some(!too_long));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{parse_general, parse_typed};

    /// The fast reading either declines or reads exactly what the general one reads.
    #[test]
    fn the_fast_reading_of_a_line_reads_what_the_general_reading_reads_or_leaves_it_to_it() {
        let base = r#""members":[{"age":40}],"income":[{"member":0,"kind":"wages","amount":AMOUNT,"per":"month"}]"#;
        let lines: Vec<String> = [
            ("\"a-1\"", "\"3000\""),
            ("7", "\"3000.5\""),
            ("7", "3000.5"),
            ("null", "\"3000\""),
            ("-1", "\"3000\""),
            ("1.5", "\"3000\""),
            ("{}", "\"3000\""),
            ("\"a-1\"", "\"3千\""),
            ("\"a-1\"", "\"3.000\""),
            ("\"a-1\"", "\"3,000\""),
            ("\"a-1\"", "\"-5\""),
            ("\"a-1\"", "\"0760\""),
        ]
        .iter()
        .map(|(id, amount)| format!("{{\"id\":{id},{}}}", base.replace("AMOUNT", amount)))
        .chain([
            r#"{"id":"d","members":[{"age":40}],"members":[{"age":41}]}"#.to_string(),
            r#"{"members":[{"age":40,"age":41}]}"#.to_string(),
            r#"{"members":[{"age":200}]}"#.to_string(),
            r#"{"members":[]}"#.to_string(),
            r#"{"id":"x","members":[{"age":40}],"extra":1}"#.to_string(),
            r#"{"id":"x","members":[{"age":40}]} trailing"#.to_string(),
        ])
        .collect();
        let mut fast = Vec::new();
        for (i, line) in lines.iter().enumerate() {
            let general = parse_general(line);
            if let Some(typed) = parse_typed(line) {
                fast.push(i);
                assert_eq!(typed.id, general.id, "{line}");
                assert_eq!(typed.household, general.household, "{line}");
            }
        }
        // Plain lines, and those refused only by the household's own checks, take the fast reading.
        assert_eq!(fast, [0, 1, 2, 15], "lines read fast");
    }
}

//! JSON Lines in: one household per line in the household format, with an `id` of the user's own.
//! Each line is bounded as it is read, so a line without end cannot fill memory.

use std::io::BufRead;

use super::{Parsed, Raw, MAX_ID_CHARS};
use crate::engine::household::FieldError;
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

/// Reads one household line: the JSON once, its `id` taken out, the rest read as a household.
pub(super) fn parse(text: &str) -> Parsed {
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

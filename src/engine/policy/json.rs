//! Reading a pack from JSON: every error names the field at fault, in Chinese.

use super::schema::VariantField;
use super::PolicyPack;
use crate::engine::date::echoed;
use crate::engine::household::FieldError;

/// Packs larger than this are refused before parsing: real packs are a few kilobytes.
pub const MAX_PACK_BYTES: usize = 512 * 1024;

/// The most of an input's path an error repeats: enough for any real field, and a hostile key of
/// 200,000 characters does not come back whole.
pub const MAX_ECHOED_PATH: usize = 120;

impl PolicyPack {
    /// Parses and validates a pack. Every error names the field at fault (`rules.marginal.multiplier[0].unit`).
    pub fn from_json(text: &str) -> Result<PolicyPack, Vec<FieldError>> {
        if text.len() > MAX_PACK_BYTES {
            return Err(vec![FieldError {
                path: String::new(),
                message: format!("政策包过大（{} 字节，上限 {} 字节）", text.len(), MAX_PACK_BYTES),
            }]);
        }
        // A UTF-8 byte-order mark, as some Windows editors write, is not part of the JSON.
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        // A UTF-8 byte-order mark, as some Windows editors write, is not part of the JSON.
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let mut deserializer = serde_json::Deserializer::from_str(text);
        let pack: PolicyPack = serde_path_to_error::deserialize(&mut deserializer).map_err(|error| {
            let path = echoed(&error.path().to_string(), MAX_ECHOED_PATH);
            let full = error.inner().to_string();
            vec![match VariantField::ALL.iter().find(|f| f.message == without_location(&full)) {
                Some(fault) => {
                    FieldError { path: format!("{path}.{}", fault.field), message: fault.message.to_string() }
                }
                None => FieldError { path, message: json_message(error.inner()) },
            }]
        })?;
        let errors = pack.validate();
        if errors.is_empty() {
            Ok(pack)
        } else {
            Err(errors)
        }
    }
}

/// Turns a serde_json error into a Chinese message; the original detail follows for developers.
pub fn json_message(error: &serde_json::Error) -> String {
    use serde_json::error::Category;
    // The line and column are said in Chinese instead.
    let full = error.to_string();
    let message = without_location(&full);
    let detail = if error.line() > 0 {
        format!("{}（第{}行第{}列）", echoed(message, 200), error.line(), error.column())
    } else {
        echoed(message, 200)
    };
    match error.classify() {
        Category::Syntax | Category::Eof => format!("JSON 格式错误：{detail}"),
        Category::Io => format!("读取失败：{detail}"),
        Category::Data => {
            // Messages from our own types are already Chinese; serde's own ones get a prefix.
            if detail.chars().next().is_some_and(|c| !c.is_ascii()) {
                detail
            } else {
                format!("取值无效：{detail}")
            }
        }
    }
}

/// A serde_json message without the " at line L column C" it ends with.
fn without_location(full: &str) -> &str {
    match full.rfind(" at line ") {
        Some(at) => &full[..at],
        None => full,
    }
}

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
    let message = in_chinese(without_location(&full));
    let detail = if error.line() > 0 {
        format!("{}（第{}行第{}列）", echoed(&message, 200), error.line(), error.column())
    } else {
        echoed(&message, 200)
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

/// serde's own English, said in Chinese: the phrases serde and serde_json write, with the names and
/// values they quote kept as they are. Messages from this project's own types are Chinese already
/// and pass through; a phrase not known here is kept, after a Chinese word, rather than lost.
fn in_chinese(message: &str) -> String {
    // "`url`, `document`" → "url、document": the names serde quotes in backticks.
    let names = |text: &str| -> String { text.split('`').skip(1).step_by(2).collect::<Vec<_>>().join("、") };
    let kind = |text: &str| -> String {
        let text = text.trim();
        let (word, value) = text.split_once(' ').unwrap_or((text, ""));
        let word = match word {
            "string" => "字符串",
            "integer" => "整数",
            "floating" => return format!("小数 {}", value.trim_start_matches("point ")),
            "boolean" => "布尔值",
            "map" => "对象",
            "sequence" => "数组",
            "null" => "null",
            "unit" => "空值",
            "a" | "an" => return kind_expected(value),
            "struct" | "enum" => return "对象".to_string(),
            other => return kind_expected(other),
        };
        if value.is_empty() {
            word.to_string()
        } else {
            format!("{word} {value}")
        }
    };
    if let Some(rest) = message.strip_prefix("unknown field ") {
        let (field, expected) = rest.split_once(", ").unwrap_or((rest, ""));
        let allowed = names(expected);
        return if allowed.is_empty() {
            format!("未知字段 {field}（这里不能有字段）")
        } else {
            format!("未知字段 {field}（可用的字段：{allowed}）")
        };
    }
    if let Some(rest) = message.strip_prefix("unknown variant ") {
        let (value, expected) = rest.split_once(", ").unwrap_or((rest, ""));
        return format!("未知取值 {value}（可用的取值：{}）", names(expected));
    }
    if let Some(field) = message.strip_prefix("missing field ") {
        return format!("缺少字段 {field}");
    }
    if let Some(field) = message.strip_prefix("duplicate field ") {
        return format!("字段 {field} 重复");
    }
    for (prefix, words) in [("invalid type: ", "类型不对"), ("invalid value: ", "取值不对")] {
        if let Some(rest) = message.strip_prefix(prefix) {
            let (got, expected) = rest.split_once(", expected ").unwrap_or((rest, ""));
            return format!("{words}：收到{}，应为{}", kind(got), kind_expected(expected));
        }
    }
    if let Some(rest) = message.strip_prefix("invalid length ") {
        let (got, expected) = rest.split_once(", expected ").unwrap_or((rest, ""));
        return format!("长度不对：收到 {got} 项，应为{}", kind_expected(expected));
    }
    let known = [
        ("EOF while parsing", "内容不完整，意外结束"),
        ("expected value", "此处应为一个值"),
        ("expected ident", "此处应为 true、false 或 null"),
        ("trailing characters", "JSON 之后还有多余的字符"),
        ("trailing comma", "多余的逗号"),
        ("expected `,` or `}`", "此处应为逗号或 }"),
        ("expected `,` or `]`", "此处应为逗号或 ]"),
        ("expected `:`", "此处应为冒号"),
        ("key must be a string", "键必须是带引号的字符串"),
        ("recursion limit exceeded", "嵌套层数过多"),
        ("number out of range", "数字超出范围"),
        ("invalid number", "数字无效"),
        ("invalid escape", "转义字符无效"),
        ("invalid unicode code point", "Unicode 字符无效"),
        ("lone leading surrogate", "Unicode 转义无效"),
        ("unexpected end of hex escape", "Unicode 转义不完整"),
        ("control character", "字符串中有控制字符"),
    ];
    match known.iter().find(|(english, _)| message.starts_with(english)) {
        Some((_, chinese)) => chinese.to_string(),
        None => message.to_string(),
    }
}

/// What serde says it expected, in Chinese where it is one of its own words.
fn kind_expected(expected: &str) -> String {
    let expected = expected.trim();
    let word = match expected {
        "a string" | "string" => "字符串",
        "a sequence" | "sequence" => "数组",
        "a boolean" | "bool" | "a bool" => "true 或 false",
        "a map" | "map" => "对象",
        "unit" => "空值",
        "" => "其他类型",
        e if e.starts_with("struct ") || e.starts_with("a struct") => "对象",
        "u8" | "u16" | "u32" | "u64" | "u128" | "usize" | "i8" | "i16" | "i32" | "i64" | "i128" | "isize" => "整数",
        e if e.starts_with("f32") || e.starts_with("f64") => "数字",
        e if e.starts_with("variant identifier") || e.starts_with("field identifier") => "字段名",
        e if e.starts_with("an array of length") || e.starts_with("a tuple") => "数组",
        other => return other.to_string(),
    };
    word.to_string()
}

/// A serde_json message without the " at line L column C" it ends with.
fn without_location(full: &str) -> &str {
    match full.rfind(" at line ") {
        Some(at) => &full[..at],
        None => full,
    }
}

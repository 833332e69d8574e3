//! The JSON formats that are the contract of the CLI and the JS API (documented in
//! `docs/FORMATS.md`): parsing a household with every error named by its path, and writing an
//! assessment.

use crate::engine::date::echoed;
use crate::engine::household::{FieldError, Household};
use crate::engine::policy::{json_message, MAX_ECHOED_PATH};

/// At most this many amounts are reported as unreadable at once: enough to fix a form, bounded for
/// hostile input.
const MAX_TYPED_ERRORS: usize = 20;

/// Households larger than this are refused before parsing; a real one is a few kilobytes.
pub const MAX_HOUSEHOLD_BYTES: usize = 256 * 1024;

/// A JSON value read with duplicate keys refused ("members" twice is ambiguous: which one did the
/// sender mean?), as deserializing straight into the household's types would.
struct Strict(serde_json::Value);

impl<'de> serde::Deserialize<'de> for Strict {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Strict, D::Error> {
        use serde::de::{Error, MapAccess, SeqAccess, Visitor};
        use serde_json::Value;
        struct StrictVisitor;
        impl<'de> Visitor<'de> for StrictVisitor {
            type Value = Strict;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("JSON")
            }
            fn visit_bool<E: Error>(self, v: bool) -> Result<Strict, E> {
                Ok(Strict(Value::Bool(v)))
            }
            fn visit_i64<E: Error>(self, v: i64) -> Result<Strict, E> {
                Ok(Strict(Value::from(v)))
            }
            fn visit_u64<E: Error>(self, v: u64) -> Result<Strict, E> {
                Ok(Strict(Value::from(v)))
            }
            fn visit_f64<E: Error>(self, v: f64) -> Result<Strict, E> {
                Ok(Strict(Value::from(v)))
            }
            fn visit_str<E: Error>(self, v: &str) -> Result<Strict, E> {
                Ok(Strict(Value::String(v.to_string())))
            }
            fn visit_unit<E: Error>(self) -> Result<Strict, E> {
                Ok(Strict(Value::Null))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Strict, A::Error> {
                let mut items = Vec::new();
                while let Some(Strict(item)) = seq.next_element()? {
                    items.push(item);
                }
                Ok(Strict(Value::Array(items)))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Strict, A::Error> {
                let mut object = serde_json::Map::new();
                while let Some(key) = map.next_key::<String>()? {
                    let Strict(value) = map.next_value()?;
                    if object.contains_key(&key) {
                        return Err(A::Error::custom(format!("字段 `{key}` 重复")));
                    }
                    object.insert(key, value);
                }
                Ok(Strict(Value::Object(object)))
            }
        }
        deserializer.deserialize_any(StrictVisitor)
    }
}

/// Money in a household may be written as people type it, as on the page: `"3千"`, `"1.2万"`,
/// `"3,000元"`, `"３０００"`. Each amount that is a string is read by [`crate::input::parse_money`] and
/// replaced by its plain decimal; one that cannot be read is refused with its path and the page's
/// message. Policy packs stay strict: their figures are data, not typing.
fn amounts_as_typed(household: &mut serde_json::Value) -> Vec<FieldError> {
    use serde_json::Value;
    let mut slots: Vec<(String, &mut Value)> = Vec::new();
    let Value::Object(root) = household else { return Vec::new() };
    for (key, value) in root.iter_mut() {
        match (key.as_str(), value) {
            ("place", Value::Object(place)) => {
                for (field, amount) in place.iter_mut() {
                    if let ("local_standard" | "disposable_income", Value::Object(amount)) = (field.as_str(), amount) {
                        if let Some(v) = amount.get_mut("amount") {
                            slots.push((format!("place.{field}.amount"), v));
                        }
                    }
                }
            }
            ("income", Value::Array(lines)) => {
                for (i, line) in lines.iter_mut().enumerate() {
                    if let Some(v) = line.get_mut("amount") {
                        slots.push((format!("income[{i}].amount"), v));
                    }
                }
            }
            ("spending", Value::Object(spending)) => {
                for (field, amount) in spending.iter_mut() {
                    if let Some(v) = amount.get_mut("amount") {
                        slots.push((format!("spending.{field}.amount"), v));
                    }
                }
            }
            ("assets", Value::Object(assets)) => {
                if let Some(v) = assets.get_mut("financial") {
                    slots.push(("assets.financial".to_string(), v));
                }
            }
            ("members", Value::Array(members)) => {
                for (i, member) in members.iter_mut().enumerate() {
                    if let Some(v) =
                        member.get_mut("student").and_then(|s| s.get_mut("fees")).and_then(|f| f.get_mut("amount"))
                    {
                        slots.push((format!("members[{i}].student.fees.amount"), v));
                    }
                }
            }
            _ => {}
        }
    }
    let mut refused = Vec::new();
    for (path, slot) in slots {
        let Value::String(typed) = slot else { continue };
        // A plain decimal is the documented form, with the engine's own bounds: left as it is. Not
        // with three or more decimals written out ("3.000": 3, or 3,000 with a thousands point?),
        // which the typing reader refuses.
        let decimals = typed.split_once('.').map_or(0, |(_, fraction)| fraction.trim().len());
        if decimals <= 2 && crate::engine::money::Money::parse(typed).is_ok() {
            continue;
        }
        if refused.len() >= MAX_TYPED_ERRORS {
            break;
        }
        let kind = match path.split(['.', '[']).next() {
            Some("income") => crate::input::AmountKind::IncomeLine,
            Some("place") => crate::input::AmountKind::Figure,
            _ => crate::input::AmountKind::Total,
        };
        match crate::input::parse_money(typed) {
            Ok(Some(money)) => *slot = Value::String(money.to_string()),
            // Blank is not an amount: left for the format's own message.
            Ok(None) => {}
            Err(e) => refused.push(FieldError { path, message: e.in_field(kind).0 }),
        }
    }
    refused
}

/// Parses and validates a household. Type errors stop at the first (serde reads in one pass) and
/// name its path; cross-field problems are all reported together.
pub fn parse_household(text: &str) -> Result<Household, Vec<FieldError>> {
    household_from_value(household_json(text)?)
}

/// The JSON of a household, bounded in size, with duplicate keys refused, before any field is read.
pub fn household_json(text: &str) -> Result<serde_json::Value, Vec<FieldError>> {
    if text.len() > MAX_HOUSEHOLD_BYTES {
        return Err(vec![FieldError {
            path: String::new(),
            message: format!("输入过大（{} 字节，上限 {} 字节）", text.len(), MAX_HOUSEHOLD_BYTES),
        }]);
    }
    // A UTF-8 byte-order mark, as some Windows editors write, is not part of the JSON.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    // Read without tracking the path first: tracking costs as much as the read, and only an error
    // needs it. The same text read again gives the same error, now with its path.
    if let Ok(Strict(value)) = serde_json::from_str(text) {
        return Ok(value);
    }
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let Strict(value) = serde_path_to_error::deserialize(&mut deserializer).map_err(|e| {
        vec![FieldError { path: echoed(&e.path().to_string(), MAX_ECHOED_PATH), message: json_message(e.inner()) }]
    })?;
    deserializer.end().map_err(|e| vec![FieldError { path: String::new(), message: json_message(&e) }])?;
    Ok(value)
}

/// Reads a household from its JSON ([`household_json`]), so a reader that looks inside first (the
/// batch takes out its `id`) parses the text once.
pub fn household_from_value(mut value: serde_json::Value) -> Result<Household, Vec<FieldError>> {
    let refused = amounts_as_typed(&mut value);
    if !refused.is_empty() {
        return Err(refused);
    }
    // As in `household_json`: the path is tracked only when reading again after an error.
    let household = match <Household as serde::Deserialize>::deserialize(&value) {
        Ok(household) => household,
        Err(_) => serde_path_to_error::deserialize::<_, Household>(value).map_err(|e| {
            vec![FieldError { path: echoed(&e.path().to_string(), MAX_ECHOED_PATH), message: json_message(e.inner()) }]
        })?,
    };
    let errors = household.validate();
    if errors.is_empty() {
        Ok(household)
    } else {
        Err(errors)
    }
}

#[cfg(test)]
mod tests {
    use super::parse_household;

    #[test]
    fn amounts_may_be_written_as_people_type_them_as_on_the_page() {
        let household = parse_household(
            r#"{"members":[{"age":40}],"income":[{"member":0,"kind":"wages","amount":"3千","per":"month"},
                {"member":0,"kind":"pension","amount":"1.2万","per":"year"}],
                "assets":{"financial":"2,000元"},"place":{"local_standard":{"amount":"７６０","per":"month"}}}"#,
        )
        .expect("typed amounts are read");
        let amounts: Vec<String> = household.income.iter().map(|i| i.value().amount.to_string()).collect();
        assert_eq!(amounts, ["3000", "12000"]);
        assert_eq!(household.assets.financial.to_string(), "2000");
        assert_eq!(household.place.local_standard.map(|s| s.amount.to_string()).as_deref(), Some("760"));
    }

    #[test]
    fn an_amount_that_cannot_be_read_is_refused_with_its_path_and_the_pages_message() {
        let errors = parse_household(
            r#"{"members":[{"age":40}],"income":[{"member":0,"kind":"wages","amount":"1500、1800","per":"month"}]}"#,
        )
        .expect_err("two amounts in one");
        assert_eq!(errors[0].path, "income[0].amount");
        assert!(errors[0].message.contains("请只填写一个金额"), "{}", errors[0].message);
    }

    #[test]
    fn a_key_given_twice_is_refused_with_its_path() {
        let errors = parse_household(r#"{"members":[{"age":30,"age":31}]}"#).expect_err("duplicate");
        assert_eq!(errors[0].path, "members[0]");
        assert!(errors[0].message.contains("age"), "{}", errors[0].message);
    }
}

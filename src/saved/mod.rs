//! Saved answers, held by the resident, never by a server: the file "保存这些回答" downloads and
//! "打开保存的回答" reads back, and the code — a link to this page whose fragment (`#/a/…`, which
//! browsers never send to a server) carries the same answers, compressed — printed as a QR code for
//! a helper to scan, or pasted into the hotline by an operator.
//!
//! Both carry the answers exactly as typed (`ui::state::Answers`, unanswered questions included),
//! the pack and the standard the result was computed with, and the day. The file adds the household
//! in the JSON of docs/FORMATS.md, so `assess` reads what the resident saw. Reading checks the
//! format, the version and every size before the answers are used; a file that fails leaves the
//! current answers alone.

use serde::{Deserialize, Serialize};

use crate::engine::household::{Household, MAX_INCOME_ITEMS, MAX_MEMBERS};
use crate::ui::state::{Answers, MoneyAnswer};

/// What a saved file or code says it is.
pub const FORMAT: &str = "low-income-check/answers";
/// The version this page writes, and the newest it reads.
pub const VERSION: u32 = 1;
/// A saved file of a full household is about 3 KB; anything past this is not one.
pub const MAX_FILE_BYTES: usize = 64 * 1024;
/// A four-member household's code is about 1,000 characters; a link past this is refused before it
/// is decompressed.
pub const MAX_CODE_CHARS: usize = 3000;
/// The fragment that opens a code: `https://…/index.html#/a/<code>`.
pub const CODE_FRAGMENT: &str = "#/a/";
/// The longest text any typed answer holds (the fields take 32 characters; ids and names less).
const MAX_TEXT: usize = 64;

/// A saved file, or the content of a code (which leaves out `household`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Saved {
    /// Always [`FORMAT`].
    pub format: String,
    /// [`VERSION`] when written.
    pub version: u32,
    /// The day the answers were assessed and saved (`2026-12-04`).
    pub saved_on: String,
    /// The 低保标准 the result used, in words with its source and date ("760元/人/月（太原市，…）"),
    /// or none: reopened under a newer figure, the page says the result may differ and why.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub standard: Option<String>,
    /// Every answer, as typed; the pack is `answers.place.pack`.
    pub answers: Answers,
    /// The household as `assess` reads it (docs/FORMATS.md), when the answers were complete; only
    /// in the file, for the reader's own tools. Reading the file uses `answers`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub household: Option<Household>,
}

/// What the page reads back from a file or a code: everything but the household, which is written
/// for other tools and skipped unread (the answers are exact; reading the household too cost the
/// page 20 KB of WebAssembly).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Opened {
    pub format: String,
    pub version: u32,
    pub saved_on: String,
    #[serde(default)]
    pub standard: Option<String>,
    pub answers: Answers,
    #[serde(default, rename = "household")]
    pub _household: Option<serde::de::IgnoredAny>,
}

/// What a file claims to be, read before the whole: a foreign file and one from a newer page are
/// told apart from a damaged one.
#[derive(Debug, Deserialize)]
pub struct Header {
    #[serde(default)]
    pub format: Option<String>,
    /// Read before the whole, so a newer file (with fields this page does not know) is told apart
    /// from a damaged one.
    #[serde(default)]
    pub version: Option<u64>,
}

impl Saved {
    pub fn new(answers: &Answers, saved_on: String, standard: Option<String>, with_household: bool) -> Saved {
        Saved {
            format: FORMAT.to_string(),
            version: VERSION,
            saved_on,
            standard,
            answers: answers.clone(),
            household: if with_household { answers.to_household().ok() } else { None },
        }
    }
}

/// The messages a reader sees when a file or a code cannot be opened (the current answers are kept).
pub mod message {
    pub const TOO_LARGE: &str = "文件太大，不是本页面保存的回答（保存的回答通常只有几 KB）。当前的回答没有改动。";
    pub const NOT_JSON: &str = "文件已损坏，无法读取（不是完整的 JSON 文本）。当前的回答没有改动。";
    pub const FOREIGN: &str = "这不是本页面保存的回答文件，无法打开。当前的回答没有改动。";
    pub const DAMAGED: &str = "文件内容已损坏或被改动，无法打开。当前的回答没有改动。";
    pub const CODE_TOO_LONG: &str = "链接太长，不是本页面生成的二维码或链接。当前的回答没有改动。";
    pub const CODE_DAMAGED: &str = "链接不完整或已损坏，无法打开（请确认复制了完整的链接）。当前的回答没有改动。";
    pub const NO_CODE: &str = "没有找到回答：请粘贴本页面生成的完整链接（含“#/a/”）。";
}

/// Checks what a file or code claims to be (`header`), then reads the whole (`full`), then every
/// size, before any answer is used.
pub fn check(header: Result<Header, String>, full: impl FnOnce() -> Result<Opened, String>) -> Result<Opened, String> {
    let header = header.map_err(|_| message::FOREIGN.to_string())?;
    if header.format.as_deref() != Some(FORMAT) {
        return Err(message::FOREIGN.to_string());
    }
    match header.version {
        Some(version) if version > u64::from(VERSION) && version <= 1_000_000 => {
            return Err(format!(
                "这份回答由更新版本的页面保存（第{version}版），本页面只能打开第{VERSION}版。请用最新的页面打开。当前的回答没有改动。"
            ))
        }
        Some(version) if version == u64::from(VERSION) => {}
        _ => return Err(message::DAMAGED.to_string()),
    }
    let saved = full().map_err(|_| message::DAMAGED.to_string())?;
    // Nothing read from a file or a link is shown as the page's own words: the day must be a day,
    // and the standard is compared, never echoed (see `opened_note`).
    let day_ok = crate::engine::Day::parse(&saved.saved_on).is_ok();
    let standard_ok = saved.standard.as_ref().is_none_or(|s| s.chars().count() <= 400);
    if !day_ok || !standard_ok || !within_bounds(&saved.answers) || !known_place(&saved.answers) {
        return Err(message::DAMAGED.to_string());
    }
    Ok(saved)
}

/// A place the page itself could have chosen: a built-in pack, a city of it, and an area of that
/// city (each may be blank, as before the user chose).
fn known_place(a: &Answers) -> bool {
    let place = &a.place;
    let Some(pack) = crate::ui::packs().iter().find(|p| p.id == place.pack) else { return false };
    let city_ok =
        place.city.is_empty() || pack.areas.iter().any(|area| crate::engine::context::city_of(&area.id) == place.city);
    let area_ok = place.area.is_empty()
        || (pack.area(&place.area).is_some() && crate::engine::context::city_of(&place.area) == place.city);
    city_ok && area_ok
}

/// Every count and text within what the page itself lets a user give.
fn within_bounds(a: &Answers) -> bool {
    let text = |s: &String| s.chars().count() <= MAX_TEXT;
    let money = |m: &MoneyAnswer| text(&m.text);
    let place = &a.place;
    let members = !a.members.is_empty()
        && a.members.len() <= MAX_MEMBERS
        && a.members.iter().all(|m| text(&m.age) && money(&m.fees) && m.grade.is_none_or(|g| (1..=4).contains(&g)));
    let income = a.income.len() <= MAX_INCOME_ITEMS
        && a.income.iter().all(|l| money(&l.money) && l.member.is_none_or(|m| m < a.members.len()));
    members
        && income
        && [&place.pack, &place.city, &place.area].into_iter().all(text)
        && money(&place.standard)
        && money(&place.disposable_income)
        && [&a.spending.medical, &a.spending.disability_care, &a.spending.other_rigid].into_iter().all(money)
        && [&a.assets.financial, &a.assets.vehicles, &a.assets.homes, &a.situation.months_without_income]
            .into_iter()
            .all(text)
}

/// The code for `saved` (its JSON, compressed to URI-safe characters).
pub fn encode(json: &str) -> String {
    lz_str::compress_to_encoded_uri_component(json)
}

/// The JSON a code carries, or why it cannot be read. The length is checked before decompressing.
pub fn decode(code: &str) -> Result<String, String> {
    if code.len() > MAX_CODE_CHARS {
        return Err(message::CODE_TOO_LONG.to_string());
    }
    let json = lz_str::decompress_from_encoded_uri_component(code)
        .and_then(|units| String::from_utf16(&units).ok())
        .ok_or_else(|| message::CODE_DAMAGED.to_string())?;
    if json.len() > MAX_FILE_BYTES {
        return Err(message::CODE_DAMAGED.to_string());
    }
    Ok(json)
}

/// The code in a pasted or scanned link (anything up to and including `#/a/`), or in a bare code.
pub fn code_in(link: &str) -> Result<&str, String> {
    let link = link.trim();
    let code = match link.find(CODE_FRAGMENT) {
        Some(at) => &link[at + CODE_FRAGMENT.len()..],
        None => return Err(message::NO_CODE.to_string()),
    };
    if code.is_empty() {
        return Err(message::NO_CODE.to_string());
    }
    Ok(code)
}

/// The sentence shown when saved answers are opened: the day they were saved and, when the
/// standard now in force differs from the one used then, both, so a different result says why.
///
/// The saved standard is compared, never shown: a file or a link anyone can write must not put its
/// words on the page. The day is shown only as the date it was checked to be.
pub fn opened_note(saved: &Opened, standard_now: Option<String>) -> String {
    let day = crate::engine::Day::parse(&saved.saved_on).map(|d| d.to_string()).unwrap_or_default();
    let mut note = format!("已打开{day}保存的回答。");
    if saved.standard != standard_now {
        let now = standard_now.as_deref().unwrap_or("未知");
        note.push_str(&format!("保存时使用的低保标准与现在的不同（现在是{now}），所以结果可能与当时不同。"));
    }
    note
}

/// Native reading and writing (the CLI and the tests; the page uses the browser's JSON).
#[cfg(not(target_arch = "wasm32"))]
pub mod native {
    use super::*;

    pub fn to_json(saved: &Saved) -> String {
        serde_json::to_string_pretty(saved).unwrap_or_default()
    }

    pub fn from_json(text: &str) -> Result<Opened, String> {
        if text.len() > MAX_FILE_BYTES {
            return Err(message::TOO_LARGE.to_string());
        }
        let value: serde_json::Value = serde_json::from_str(text).map_err(|_| message::NOT_JSON.to_string())?;
        check(serde_json::from_value(value.clone()).map_err(|e| e.to_string()), || {
            serde_json::from_value(value).map_err(|e| e.to_string())
        })
    }

    /// The code for a file's content without its household part.
    pub fn code_for(saved: &Saved) -> String {
        let short = Saved { household: None, ..saved.clone() };
        encode(&serde_json::to_string(&short).unwrap_or_default())
    }

    pub fn from_code(link: &str) -> Result<Opened, String> {
        let json = decode(code_in(link)?)?;
        from_json(&json)
    }
}

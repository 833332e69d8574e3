//! Where a rule comes from. Every check the engine makes carries one of these, so a reader can open
//! the document at the article and redo the reasoning.

use std::fmt;
use std::ops::Deref;
use std::sync::Arc;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Text that is either part of the program or shared from loaded data: cloning never copies it,
/// because a pack's citation is cited by many checks of every assessment.
#[derive(Clone, Eq)]
pub enum SharedText {
    /// Text written in the program (the rules' documents and articles).
    Static(&'static str),
    /// Text read from a pack, shared by every citation of it.
    Shared(Arc<str>),
}

impl Deref for SharedText {
    type Target = str;
    fn deref(&self) -> &str {
        match self {
            SharedText::Static(s) => s,
            SharedText::Shared(s) => s,
        }
    }
}

impl fmt::Debug for SharedText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&**self, f)
    }
}

impl fmt::Display for SharedText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self)
    }
}

impl From<&'static str> for SharedText {
    fn from(s: &'static str) -> SharedText {
        SharedText::Static(s)
    }
}

impl From<String> for SharedText {
    fn from(s: String) -> SharedText {
        SharedText::Shared(Arc::from(s))
    }
}

/// Equal when the text is: a built-in pack's static citation equals the same citation parsed from JSON.
impl PartialEq for SharedText {
    fn eq(&self, other: &SharedText) -> bool {
        **self == **other
    }
}

impl PartialEq<str> for SharedText {
    fn eq(&self, other: &str) -> bool {
        **self == *other
    }
}

impl PartialEq<&str> for SharedText {
    fn eq(&self, other: &&str) -> bool {
        **self == **other
    }
}

impl Serialize for SharedText {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self)
    }
}

impl<'de> Deserialize<'de> for SharedText {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<SharedText, D::Error> {
        String::deserialize(deserializer).map(SharedText::from)
    }
}

/// How sure we are that a rule says what we encode, following `POLICY.md`'s tags.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Reliability {
    /// In one of the five seed documents, read from the text itself.
    Seed,
    /// A national rule, read from reprints of the original.
    National,
    /// A local practice or a published local figure (often a reprint).
    Local,
    /// A local figure read from the local government's own published notice.
    LocalOfficial,
    /// Supplied by a partner or typed by the user; not checked by us.
    Supplied,
}

impl Reliability {
    /// The reliability in words, shown with a citation so that a reader knows how directly it was read.
    pub fn label(self) -> &'static str {
        match self {
            Reliability::Seed => "省级文件原文",
            Reliability::National => "国家规定（据转载）",
            Reliability::Local => "地方公布（据转载）",
            Reliability::LocalOfficial => "地方政府公布原文",
            Reliability::Supplied => "使用者提供",
        }
    }
}

/// A document number and an article: `晋民发〔2022〕60号 二(一)1`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Citation {
    /// Static for the rules the engine encodes, shared for pack data: a clone never copies text.
    pub document: SharedText,
    /// The article within the document (`二(一)1`); empty when the whole document is meant.
    pub article: SharedText,
    /// How directly the rule was read.
    pub reliability: Reliability,
}

impl Citation {
    /// A citation of `article` in `document`, read with the given reliability.
    pub fn new(document: impl Into<SharedText>, article: impl Into<SharedText>, reliability: Reliability) -> Citation {
        Citation { document: document.into(), article: article.into(), reliability }
    }

    /// A citation of one of the seed documents, read from the text itself.
    pub fn seed(document: &'static str, article: impl Into<SharedText>) -> Citation {
        Citation::new(document, article, Reliability::Seed)
    }

    /// A citation of a national rule, read from reprints of the original.
    pub fn national(document: &'static str, article: impl Into<SharedText>) -> Citation {
        Citation::new(document, article, Reliability::National)
    }
}

impl fmt::Display for Citation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.article.is_empty() {
            f.write_str(&self.document)
        } else {
            write!(f, "{} {}", self.document, self.article)
        }
    }
}

/// The documents the engine's rule modules encode, by number. Kept in one place so that a rule module
/// and the "how to apply" text cite the same string.
pub mod doc {
    /// 山西省民政厅关于认真开展最低生活保障边缘家庭认定工作的通知 (2024-02-01)
    pub const SX_MARGINAL_2024: &str = "晋民发〔2024〕6号";
    /// 关于强化最低生活保障等社会救助兜底保障工作的通知 (2023-06-22)
    pub const SX_SAFETY_NET_2023: &str = "晋民发〔2023〕31号";
    /// 山西省民政厅关于进一步做好支出型贫困家庭救助工作的通知 (2022-11-10)
    pub const SX_EXPENDITURE_2022: &str = "晋民发〔2022〕60号";
    /// 山东 关于加强低收入人口动态监测 做好分层分类社会救助工作的通知 (送审稿, 2024-04)
    pub const SD_MONITORING_2024: &str =
        "山东省民政厅等《关于加强低收入人口动态监测做好分层分类社会救助工作的通知》（送审稿，2024年4月）";
    /// 自治区民政厅等12部门 实施意见 (2024-10-31)
    pub const GX_MONITORING_2024: &str = "桂民发〔2024〕34号";
    /// 民政部 特困人员认定办法 (2021)
    pub const NATIONAL_DESTITUTE_2021: &str = "民发〔2021〕43号《特困人员认定办法》";
    /// 民政部 财政部 最低生活保障审核确认办法 (2021)
    pub const NATIONAL_DIBAO_2021: &str = "民发〔2021〕57号《最低生活保障审核确认办法》";
    /// 国务院办公厅转发 关于加强低收入人口动态监测做好分层分类社会救助工作的意见 (2023)
    pub const NATIONAL_MONITORING_2023: &str = "国办发〔2023〕39号";
    /// 民政部等 最低生活保障边缘家庭和刚性支出困难家庭认定办法 (2024)
    pub const NATIONAL_MARGINAL_RIGID_2024: &str =
        "民政部等《最低生活保障边缘家庭和刚性支出困难家庭认定办法》（2024年）";
    /// 国务院关于全面建立临时救助制度的通知 (2014)
    pub const NATIONAL_TEMPORARY_2014: &str = "国发〔2014〕47号";
}

/// One constructor per document, named after it: a reader who searches `cite::sx_expenditure_2022`
/// finds every check that cites that notice, and each call holds its whole article (`"二(一)1"`).
pub mod cite {
    use super::{doc, Citation, SharedText};

    /// 山西's 2024 notice on recognising 低保边缘家庭 ([`doc::SX_MARGINAL_2024`]), at `article`.
    pub fn sx_marginal_2024(article: impl Into<SharedText>) -> Citation {
        Citation::seed(doc::SX_MARGINAL_2024, article)
    }
    /// 山西's 2023 notice strengthening 低保 and the safety net ([`doc::SX_SAFETY_NET_2023`]), at
    /// `article`.
    pub fn sx_safety_net_2023(article: impl Into<SharedText>) -> Citation {
        Citation::seed(doc::SX_SAFETY_NET_2023, article)
    }
    /// 山西's 2022 notice on 支出型贫困家庭 ([`doc::SX_EXPENDITURE_2022`]), at `article`.
    pub fn sx_expenditure_2022(article: impl Into<SharedText>) -> Citation {
        Citation::seed(doc::SX_EXPENDITURE_2022, article)
    }
    /// 山东's 2024 draft notice on monitoring low-income people and tiered assistance
    /// ([`doc::SD_MONITORING_2024`]), at `article`.
    pub fn sd_monitoring_2024(article: impl Into<SharedText>) -> Citation {
        Citation::seed(doc::SD_MONITORING_2024, article)
    }
    /// 广西's 2024 opinions on monitoring low-income people ([`doc::GX_MONITORING_2024`]), at `article`.
    pub fn gx_monitoring_2024(article: impl Into<SharedText>) -> Citation {
        Citation::seed(doc::GX_MONITORING_2024, article)
    }
    /// The national rules for recognising 特困人员 ([`doc::NATIONAL_DESTITUTE_2021`]), at `article`.
    pub fn national_destitute_2021(article: impl Into<SharedText>) -> Citation {
        Citation::national(doc::NATIONAL_DESTITUTE_2021, article)
    }
    /// The national rules for reviewing 低保 applications ([`doc::NATIONAL_DIBAO_2021`]), at `article`.
    pub fn national_dibao_2021(article: impl Into<SharedText>) -> Citation {
        Citation::national(doc::NATIONAL_DIBAO_2021, article)
    }
    /// The State Council's 2023 opinions on low-income monitoring ([`doc::NATIONAL_MONITORING_2023`]), at
    /// `article`.
    pub fn national_monitoring_2023(article: impl Into<SharedText>) -> Citation {
        Citation::national(doc::NATIONAL_MONITORING_2023, article)
    }
    /// The national 2024 rules for 边缘 and 刚性支出困难 families
    /// ([`doc::NATIONAL_MARGINAL_RIGID_2024`]), at `article`.
    pub fn national_marginal_rigid_2024(article: impl Into<SharedText>) -> Citation {
        Citation::national(doc::NATIONAL_MARGINAL_RIGID_2024, article)
    }
    /// The State Council's 2014 notice establishing 临时救助 ([`doc::NATIONAL_TEMPORARY_2014`]), at
    /// `article`.
    pub fn national_temporary_2014(article: impl Into<SharedText>) -> Citation {
        Citation::national(doc::NATIONAL_TEMPORARY_2014, article)
    }
}

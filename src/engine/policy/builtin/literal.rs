//! What the generated packs are built from: text converted by the field's type ([`Literal`],
//! [`Literals`]) and the table of areas ([`AreaRow`], [`FigureRow`]).

use rust_decimal::Decimal;

use crate::engine::citation::{Citation, Reliability, SharedText};
use crate::engine::date::Day;
use crate::engine::money::Money;
use crate::engine::policy::schema::{Area, ByAreaKind, Dated, Param, Unit};

/// A value the generated packs write as text: the field's type picks the conversion, and a
/// stand-in when the text does not convert (which `Literals` then reports).
pub trait Literal: Sized {
    /// The value the text writes; `None` when it writes none (an impossible date, say).
    fn literal(text: &'static str) -> Option<Self>;
    /// Any value of the type, kept in place of one that did not convert.
    fn stand_in() -> Self;
}

impl Literal for String {
    fn literal(text: &'static str) -> Option<String> {
        Some(text.to_string())
    }
    fn stand_in() -> String {
        String::new()
    }
}

impl Literal for SharedText {
    fn literal(text: &'static str) -> Option<SharedText> {
        Some(SharedText::Static(text))
    }
    fn stand_in() -> SharedText {
        SharedText::Static("")
    }
}

impl Literal for Money {
    fn literal(text: &'static str) -> Option<Money> {
        Money::parse(text).ok()
    }
    fn stand_in() -> Money {
        Money::ZERO
    }
}

impl Literal for Decimal {
    fn literal(text: &'static str) -> Option<Decimal> {
        Decimal::from_str_exact(text).ok()
    }
    fn stand_in() -> Decimal {
        Decimal::ZERO
    }
}

impl Literal for Day {
    fn literal(text: &'static str) -> Option<Day> {
        Day::parse(text).ok()
    }
    fn stand_in() -> Day {
        Day::MIN
    }
}

/// Converts the generated packs' text values, remembering whether any failed. The generated code
/// builds a whole pack and asks at the end, rather than returning early at each value: early
/// returns made the compiled packs five times larger (a drop path per value).
#[derive(Default)]
pub struct Literals {
    failed: bool,
}

impl Literals {
    /// The text as the value its field's type wants, or a stand-in, remembered as a failure.
    pub fn lit<T: Literal>(&mut self, text: &'static str) -> T {
        T::literal(text).unwrap_or_else(|| {
            self.failed = true;
            T::stand_in()
        })
    }

    /// The pack built, unless a value in it failed to convert.
    pub fn finish<T>(self, value: T) -> Option<T> {
        (!self.failed).then_some(value)
    }

    /// A pack's areas from their generated table. The areas are most of a pack and alike, so
    /// they are data walked by one loop: as struct literals each cost the page its own code.
    pub fn areas(&mut self, rows: &'static [AreaRow]) -> Vec<Area> {
        rows.iter()
            .map(|row| {
                let mut area = Area {
                    id: self.lit(row.id),
                    city: self.lit(row.city),
                    district: row.district.map(|d| self.lit(d)),
                    dibao_standard: ByAreaKind::default(),
                    disposable_income: ByAreaKind::default(),
                    note: row.note.map(|n| self.lit(n)),
                };
                for figure in row.figures {
                    let dated = Dated {
                        value: self.lit(figure.value),
                        unit: figure.unit,
                        effective: self.lit(figure.effective),
                        source: Citation {
                            document: self.lit(figure.document),
                            article: self.lit(figure.article),
                            reliability: figure.reliability,
                        },
                        note: figure.note.map(|n| self.lit(n)),
                    };
                    let slot = match figure.of {
                        FigureOf::DibaoUrban => &mut area.dibao_standard.urban,
                        FigureOf::DibaoRural => &mut area.dibao_standard.rural,
                        FigureOf::IncomeUrban => &mut area.disposable_income.urban,
                        FigureOf::IncomeRural => &mut area.disposable_income.rural,
                    };
                    slot.get_or_insert_with(|| Param(Vec::new())).0.push(dated);
                }
                area
            })
            .collect()
    }
}

/// Which of an area's figures a generated row holds.
#[derive(Debug, Clone, Copy)]
pub enum FigureOf {
    /// `dibao_standard.urban`
    DibaoUrban,
    /// `dibao_standard.rural`
    DibaoRural,
    /// `disposable_income.urban`
    IncomeUrban,
    /// `disposable_income.rural`
    IncomeRural,
}

/// One dated figure of a built-in area, as the generated table holds it (text converted by
/// [`Literals`], like the rest of the generated packs).
pub struct FigureRow {
    /// Which figure of the area the row is a value of.
    pub of: FigureOf,
    /// [`Dated::value`], as text.
    pub value: &'static str,
    /// [`Dated::unit`].
    pub unit: Unit,
    /// [`Dated::effective`], as text.
    pub effective: &'static str,
    /// The source's document.
    pub document: &'static str,
    /// The source's article.
    pub article: &'static str,
    /// The source's reliability.
    pub reliability: Reliability,
    /// [`Dated::note`].
    pub note: Option<&'static str>,
}

/// One built-in area, as the generated table holds it.
pub struct AreaRow {
    /// [`Area::id`].
    pub id: &'static str,
    /// [`Area::city`].
    pub city: &'static str,
    /// [`Area::district`].
    pub district: Option<&'static str>,
    /// [`Area::note`].
    pub note: Option<&'static str>,
    /// Every value of the area's figures, in order within each figure.
    pub figures: &'static [FigureRow],
}

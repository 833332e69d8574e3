//! One assessment of a 5-member household with a current 低保标准 (target ≤ 10 µs on the 2-core dev
//! machine); the same household with its city's figure from 2023, which adds the answer at every
//! standard (one assessment per range of standards); and both as a batch screens them (`screen`:
//! the same statuses without the sentences). `cargo xtask bench` times `assess --batch` itself.

use criterion::{black_box, criterion_group, criterion_main, Criterion};
use low_income_check::engine::money::{Amount, Money};
use low_income_check::engine::policy::builtin;
use low_income_check::engine::{assess, screen, Day};
use low_income_check::format::parse_household;

const FIVE_MEMBERS: &str = r#"{
  "as_of": "2026-11-22",
  "place": { "pack": "shanxi", "area": "taiyuan/urban", "area_kind": "urban" },
  "members": [
    { "relation": "applicant", "age": 46, "work": "employed" },
    { "relation": "spouse", "age": 44, "work": "unemployed", "illness": { "serious": true, "in_treatment": true } },
    { "relation": "child", "age": 19, "student": { "level": "undergraduate", "fees": { "amount": "6000", "per": "year" } } },
    { "relation": "child", "age": 9, "student": { "level": "primary", "fees": { "amount": "1500", "per": "year" } } },
    { "relation": "parent", "age": 74, "disability": { "kind": "physical", "grade": 2, "needs_ongoing_care": true } }
  ],
  "income": [
    { "member": 0, "kind": "wages", "amount": "4200", "per": "month" },
    { "member": 0, "kind": "taxes_and_social_insurance", "amount": "420", "per": "month" },
    { "member": 4, "kind": "pension", "amount": "900", "per": "month" },
    { "member": 4, "kind": "basic_pension_base", "amount": "150", "per": "month" }
  ],
  "spending": {
    "medical": { "amount": "26000", "per": "year" },
    "disability_care": { "amount": "6000", "per": "year" }
  },
  "assets": { "financial": "30000", "homes": 1 }
}"#;

fn bench(c: &mut Criterion) {
    let old_figure = parse_household(FIVE_MEMBERS).expect("valid household");
    let mut household = old_figure.clone();
    household.place.local_standard = Some(Amount::monthly(Money::yuan(800)));
    let pack = builtin::load("shanxi").expect("id").expect("valid pack");
    let today = Day::parse("2026-11-22").expect("day");
    c.bench_function("assess 5-member household (山西)", |b| {
        b.iter(|| assess(black_box(&household), black_box(&pack), today).expect("assessment"))
    });
    c.bench_function("assess 5-member household, 2023 figure: with the answer at every standard", |b| {
        b.iter(|| assess(black_box(&old_figure), black_box(&pack), today).expect("assessment"))
    });
    // What a batch asks of the engine per household: the same statuses, without the sentences.
    c.bench_function("screen 5-member household (山西): statuses only, as a batch", |b| {
        b.iter(|| screen(black_box(&household), black_box(&pack), today).expect("screening"))
    });
    c.bench_function("screen 5-member household, 2023 figure: statuses at every standard", |b| {
        b.iter(|| screen(black_box(&old_figure), black_box(&pack), today).expect("screening"))
    });
    // The engine's share of a batch, as OpenFisca's per-household figure is: the five example
    // households (one to five members, three provinces) with a current standard typed in, screened
    // once each per iteration; the table divides by five.
    let examples: Vec<(low_income_check::engine::Household, low_income_check::engine::PolicyPack)> =
        std::fs::read_dir("examples")
            .expect("examples/")
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with("household-")))
            .map(|path| {
                let mut h = parse_household(&std::fs::read_to_string(&path).expect("example")).expect("household");
                h.place.local_standard = Some(Amount::monthly(Money::yuan(800)));
                let pack = builtin::load(h.place.pack.as_deref().unwrap_or("national")).expect("id").expect("pack");
                (h, pack)
            })
            .collect();
    assert_eq!(examples.len(), 5, "the five example households");
    c.bench_function("screen the five example households, current standard", |b| {
        b.iter(|| {
            for (h, pack) in &examples {
                black_box(screen(black_box(h), pack, today).expect("screening"));
            }
        })
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);

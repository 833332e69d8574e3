//! One module per category. Each opens with the sentences of the seed (or national rule) it encodes
//! and cites them article by article in the checks it makes.

pub mod destitute;
pub mod dibao;
pub mod expenditure;
pub mod marginal;
pub mod phase_out;
pub mod rigid;
pub mod solo;
pub mod temporary;

use crate::engine::household::Member;

/// "第2位成员（父母，68岁）": how a result names a member, without any personal name.
pub fn member_label(index: usize, member: &Member) -> String {
    format!("第{}位成员，{}，{}岁", index + 1, member.relation.label(), member.age.years())
}

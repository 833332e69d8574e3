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

/// "第2位成员，父母，68岁": how a result names a member, without any personal name. A `Display`,
/// so that it is written straight into the sentence or name that holds it.
pub struct MemberLabel<'a>(pub usize, pub &'a Member);

impl std::fmt::Display for MemberLabel<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "第{}位成员，{}，{}岁", self.0 + 1, self.1.relation.label(), self.1.age.years())
    }
}

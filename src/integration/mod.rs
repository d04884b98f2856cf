//! What a ministry's own systems (its HR software, the State's legal job portal) do through the
//! integration API: with a token one of its managers made ([`tokens`]), push and update its
//! offers by their own reference ([`offers`]), and follow its applications. Everything goes
//! through the same checks and the same moderation as the back-office.

pub mod offers;
pub mod tokens;

//! The bundled catalogs, one file per language, each a `match` over every
//! message id.

pub(super) mod ar;
pub(super) mod de;
pub(super) mod en;
pub(super) mod es;
pub(super) mod fr;
pub(super) mod ja;
pub(super) mod pt;
pub(super) mod ru;

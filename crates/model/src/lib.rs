//! Dossier's data model: the types every pipeline phase shares.
//!
//! Nothing here does IO or reads a clock; storage lives in the `dossier` crate.

mod claim;
pub mod edtf;
mod excerpt;
mod found;
mod grade;
mod id;
mod marking;
pub mod outlet;
mod project;
mod source;
mod style;
mod tag;

pub use claim::ClaimAttribution;
pub use edtf::{Bound, Date, Edtf, Period, Precision, Qualifier};
pub use excerpt::{Excerpt, Locator};
pub use found::{ANALYST, Found};
pub use grade::{Credibility, GradeError, Reliability};
pub use id::{Id, IdError, slug_words};
pub use marking::{Classification, Marking, MarkingError, Scheme, Tlp};
pub use outlet::{Outlet, Outlets};
pub use project::{Briefing, BriefingMeta, FORMAT_VERSION, ProjectConfig, Section};
pub use source::{Attribution, Original, Relation, Removed, Source};
pub use style::{PageStyle, PaperSize};
pub use tag::{Tag, TagError, TagKind};

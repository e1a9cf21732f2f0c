//! The data model: checklists, dossiers and their progress. No egui, no I/O.

pub mod changes;
pub mod checklist;
pub mod dates;
pub mod dossier;
pub mod exposure;
pub mod family;
pub mod forms;
pub mod journal;
pub mod photos;
pub mod plan;
pub mod progress;
pub mod summary;
pub mod validate;
pub mod visit;

pub use checklist::{Checklist, ChecklistId, Item, ItemId, Journey, Priority, Section, Tag, Text};
pub use dossier::{Answer, Dossier, DossierId, Status};
pub use photos::{PhotoId, PhotoRef};
pub use progress::Progress;

//! The data model: checklists, dossiers and their progress. No egui, no I/O.

pub mod checklist;
pub mod dossier;
pub mod progress;
pub mod validate;

pub use checklist::{Checklist, ChecklistId, Item, ItemId, Journey, Priority, Section, Tag, Text};
pub use dossier::{Answer, Dossier, DossierId, Status};
pub use progress::Progress;

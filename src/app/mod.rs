//! The desktop application (egui).
//!
//! [`AppState`] holds everything: the [`Screen`] shown, the open dossier
//! ([`Session`]), the dialog, the notice, and the views' own state
//! ([`Views`]). Views read the state and send [`Command`]s that carry their
//! data; [`AppState::handle`] is the one place that carries them out, and
//! with the background logic ([`AppState::logic`], run by eframe even while
//! the window is hidden) the only code that changes the model or the files.
//!
//! | File | What it holds |
//! | --- | --- |
//! | `state.rs` | [`AppState`], [`Screen`], [`Page`], [`Session`], [`Notice`], [`Views`] |
//! | `command.rs` | [`Command`], [`Navigation`] |
//! | `handle.rs`, `saving.rs`, `locking.rs` | carrying out commands; saving; encryption |
//! | `logic.rs`, `tasks.rs`, `decoder.rs` | timers and the background-task runner (with its photo decoder) |
//! | `frame.rs`, `window.rs` | one frame; the window's life |
//! | `dialogs.rs`, `shortcuts.rs`, `widgets.rs`, `theme.rs`, `rows.rs` | shared pieces |
//! | `household_docs.rs`, `household_commands.rs` | the log of events and the exposure inventory: held, saved, changed |
//! | `photos.rs`, `photo_strip.rs`, `photo_view.rs`, `photo_cache.rs` | photos on items: state and commands, the strip of a card, the large view and drops, the textures |
//! | `archive.rs`, `archive_job.rs`, `archive_ui.rs` | handover, import, backup, restore: commands, the work on a thread, the dialogs |
//! | the other files | one screen or page each |

mod archive;
mod archive_job;
mod archive_ui;
mod command;
mod decoder;
mod dialogs;
mod emergency;
mod exposure;
mod family;
mod frame;
mod handle;
mod home;
mod household;
mod household_commands;
mod household_docs;
mod journal;
mod journal_export;
mod journal_form;
mod journal_history;
mod locking;
mod logic;
mod new_dossier;
mod pages;
mod photo_cache;
mod photo_commands;
mod photo_strip;
mod photo_view;
mod photos;
mod plan;
mod rows;
mod saving;
mod security;
mod shortcuts;
mod state;
mod summary;
mod tasks;
pub mod theme;
mod visit;
mod walkthrough;
mod widgets;
mod window;

pub use archive::{ArchiveAction, ArchiveCommand, ArchiveDialog, ArchiveNotice, ArchiveProblem, Opened};
pub use archive_job::{ArchiveJob, ArchiveOutcome, open_dialog, save_dialog};
pub use command::{Command, ExportRequest, Navigation, NewDossier};
pub use decoder::{Decoded, Decoder};
pub use dialogs::{Dialog, SecurityDialog, SecurityError, TrashRow};
pub use exposure::ExposureUi;
pub use frame::{app_ui, frame};
pub use home::HomeUi;
pub use household::{Dwelling, HouseholdDraft};
pub use household_commands::{ChronologyExport, HouseholdCommand, HouseholdDialog, RowKey};
pub use household_docs::{Doc, HouseholdDocs, HouseholdFileKind, Loaded};
pub use journal::JournalUi;
pub use new_dossier::NewDossierDraft;
pub use photo_cache::{PhotoCache, PhotoKey, Shown};
pub use photos::{
    Adding, Album, Choosers, Destination, PhotoCommand, PhotoDialog, PhotoNotice, Photos, Picked, Removed,
};
pub use plan::PlanUi;
pub use security::{SecurityForm, UnlockDraft};
pub use state::{
    AUTOSAVE_DELAY, AppState, Attempted, Notice, Overlay, Page, Resume, SaveState, Screen, Session, Views,
};
pub use summary::{Chosen, SummaryDraft, file_stem};
pub use tasks::{Job, Outcome, TaskKind, Tasks};
pub use walkthrough::{StatusFilter, WalkUi, sections};
pub use window::{EXIT_AFTER_FIRST_FRAME, VigieApp, run};

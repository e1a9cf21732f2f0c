//! The English catalog.

use super::{Lang, Tr};
use crate::model::checklist::{Journey, Tag};
use crate::model::dossier::Status;
use crate::report::Profile;
use crate::settings::Theme;
use crate::store::{IoAction, StoreError};

/// The English catalog.
pub static EN: Tr = Tr {
    app_name: "Vigie",
    tagline: "Home security and family vigilance, on your computer only",
    cancel: "Cancel",
    close: "Close",
    language: "Language",
    theme: "Theme",
    theme_name: |t| match t {
        Theme::System => "System",
        Theme::Light => "Light",
        Theme::Dark => "Dark",
    },
    journey_name: |j| crate::words::journey(Lang::En, j),
    journey_help: |j| match j {
        Journey::Personal => "Review your own safety and get an action plan ranked by priority.",
        Journey::Referent => {
            "A police or gendarmerie security referent visits the home, zone by zone. Findings and the advice given orally are noted in a visit report written with Vigie, which is not an official security diagnostic."
        }
        Journey::Family => "The family reviews vigilance practices together, member by member.",
    },
    priority_name: |p| crate::words::priority(Lang::En, p),
    status_name: |s| crate::words::status(Lang::En, s),
    tag_name: |t| crate::words::tag(Lang::En, t),
    saved: "Saved",
    unsaved: "Saving changes",
    save_failed: "Saving failed",
    datetime_format: "%Y-%m-%d %H:%M",
    data_folder: |p| format!("Data folder: {p}"),

    home_title: "Your dossiers",
    new_dossier: "New dossier…",
    no_dossier: "No dossier yet. Create one to begin: everything stays on this computer.",
    col_title: "Title",
    col_journey: "Journey",
    col_progress: "Progress",
    col_modified: "Last change",
    col_file: "File",
    open: "Open",
    rename: "Rename…",
    duplicate: "Duplicate",
    delete: "Delete…",
    copy_of: |t| format!("{t} (copy)"),
    rename_title: "Rename the dossier",
    title_label: "Title",
    delete_question: |t| format!("Move “{t}” to the trash?"),
    delete_explain: |p| {
        format!("The dossier and its backup are moved to Vigie’s trash folder: {p}. You can find them there.")
    },
    move_to_trash: "Move to the trash",
    trashed: |p| format!("Dossier moved to the trash: {p}"),
    damaged_dossier: "This dossier cannot be opened. The file is left as it is.",
    open_backup: "Open the backup",
    backup_opened: |p| format!("The backup was opened. The damaged file is kept as {p}."),
    checklist_errors: "Your checklists that did not load",
    open_critical: |n| {
        if n == 1 {
            "1 open critical-priority item".to_owned()
        } else {
            format!("{n} open critical-priority items")
        }
    },
    answered_of: |a, t| format!("{a}/{t} answered"),
    score: |s| match s {
        Some(s) => format!("Score: {s}/100"),
        None => "Score: –".to_owned(),
    },
    score_help: "The score weighs each item by its priority (critical 8, high 4, medium 2, low 1): a done item earns its whole weight, a partly done item half of it. Items that do not apply are left out.",

    new_title: "New dossier",
    step_journey: "1. The journey",
    step_checklists: "2. The checklists",
    step_household: "3. Your household",
    household_help: "These few questions hide what does not concern you. You can change them later without losing your answers.",
    step_title: "4. A title",
    title_hint: "For example: Main home",
    create: "Create the dossier",
    need_title: "Give the dossier a title.",
    need_checklist: "Choose at least one checklist.",
    item_count: |n| {
        if n == 1 {
            "1 item".to_owned()
        } else {
            format!("{n} items")
        }
    },
    q_dwelling: "You live in…",
    dwelling_house: "a house",
    dwelling_flat: "a flat",
    dwelling_both: "both, or I would rather not say",
    question: |t| match t {
        Tag::Children => "Children under 13 live in the household",
        Tag::Teenagers => "Teenagers live in the household",
        Tag::ElderlyRelatives => "Elderly parents or relatives could be targeted",
        Tag::HouseholdStaff => "You employ household staff (cleaning, childcare, garden…)",
        Tag::CompanyDirector => "Someone in the household is a director of a registered company",
        Tag::PublicProfile => "Someone in the household is publicly known (talks, media, social networks)",
        Tag::CryptoHoldings => "The household holds crypto-assets",
        Tag::House => "You live in a house",
        Tag::Flat => "You live in a flat",
        Tag::SecondHome => "You have a second home",
    },
    profile_title: "Household profile",
    edit_profile: "Household profile…",
    apply: "Apply",
    hidden_by_profile: |n| {
        if n == 1 {
            "1 item hidden by the household profile".to_owned()
        } else {
            format!("{n} items hidden by the household profile")
        }
    },

    back_to_list: "← Dossiers",
    search: "Search",
    search_hint: "Search the items…",
    filter_status: "Status",
    filter_priority: "Priority",
    all: "All",
    open_items: "Still open",
    note: "Note",
    note_hint: "What you saw or decided. Never write a code, a password or a recovery phrase.",
    guidance_and_sources: "Why and how",
    sources: "Sources",
    nothing_matches: "No item matches.",
    search_results: |n| format!("Search results ({n})"),
    keyboard_help: |name| {
        format!(
            "Keyboard: ↓ ↑ or J K next or previous item · 1 {} · 2 {} · 3 {} · 4 {} · 0 Clear · Enter unfold",
            name(Status::Done),
            name(Status::Partly),
            name(Status::Todo),
            name(Status::NotApplicable)
        )
    },
    orphans_title: "Answers to items that no longer exist",
    orphans_help: "These items were removed or renamed in their checklist. Your answers are kept in the dossier.",
    missing_checklists: |ids| format!("Checklists not found (answers kept): {ids}"),
    changed_on: |d| format!("Changed {d}"),
    critical_open_help: "Critical item still open: this is exactly what attackers exploit.",
    sections: "Sections",

    store_error: |e| match e {
        StoreError::Io { path, action, source } => {
            let what = match action {
                IoAction::CreateFolder => "create the folder",
                IoAction::Read => "read",
                IoAction::Write => "write",
                IoAction::Move => "move",
            };
            let why = match source.kind() {
                std::io::ErrorKind::PermissionDenied => "permission denied".to_owned(),
                std::io::ErrorKind::StorageFull => "the disk is full".to_owned(),
                std::io::ErrorKind::ReadOnlyFilesystem => "the disk is read-only".to_owned(),
                std::io::ErrorKind::NotFound => "not found".to_owned(),
                _ if crate::store::NotRegular::is(source) => {
                    "not a regular file (a pipe, a device or a folder): refused".to_owned()
                }
                _ => source.to_string(),
            };
            format!("cannot {what} {}: {why}", path.display())
        }
        StoreError::Parse {
            path,
            line,
            col,
            message,
        } => format!(
            "{}, line {line}, column {col}: the file cannot be read ({message})",
            path.display()
        ),
        StoreError::TooNew { path, version } => format!(
            "{}: this file comes from a newer Vigie (format {version}); update Vigie to open it",
            path.display()
        ),
        StoreError::ChangedOnDisk { path } => format!(
            "{} was changed outside Vigie since it was opened (is another copy of Vigie open?); nothing was overwritten",
            path.display()
        ),
        StoreError::NoBackup { path } => format!("no backup: {}", path.display()),
        StoreError::WrongPassphrase => "wrong passphrase; nothing was changed".to_owned(),
        StoreError::Locked { path } => format!(
            "{} is encrypted and Vigie is locked: unlock it with your passphrase",
            path.display()
        ),
        StoreError::Crypto { path, message } => format!(
            "{}: this file cannot be decrypted or encrypted ({message})",
            path.display()
        ),
        StoreError::Encode { path, .. } => format!(
            "{}: this file could not be put into shape to be written; the file on disk is unchanged",
            path.display()
        ),
        StoreError::TooLarge { path, bytes } => format!(
            "{}: {bytes} bytes, more than Vigie can read back; nothing was written",
            path.display()
        ),
        StoreError::AlreadyEncrypted => "encryption is already on".to_owned(),
        StoreError::NotEncrypted => "encryption is off".to_owned(),
    },
    save_error: |why| {
        format!(
            "Could not save: {why}. Your changes stay in memory; Vigie will try again at the next change."
        )
    },
    retry: "Try again",
    data_folder_error: |why| format!("Cannot open the data folder: {why}"),
    open_interrupted: "reading it stopped on an internal error. Your files have not been changed; please start Vigie again.",

    cli_valid: |file, n| format!("{file}: valid ({n} items)"),
    cli_invalid_summary: |n| {
        if n == 1 {
            "1 file has errors".to_owned()
        } else {
            format!("{n} files have errors")
        }
    },
    cli_no_dossier: |dir| format!("No dossier in {dir}"),
    cli_damaged: "(unreadable)",

    profile_name: |p| match p {
        Profile::Full => "Full report",
        Profile::Family => "Family handout",
        Profile::Emergency => "Emergency sheet",
        Profile::Blank => "Blank form",
    },
    profile_help: |p| match p {
        Profile::Full => {
            "The confidential report: progress, action plan, what is in place, notes and sources. For a referent visit, it is the visit report written with Vigie, not an official security diagnostic."
        }
        Profile::Family => {
            "For the family: the practices agreed and the emergency sheet, with no weak point and no note."
        }
        Profile::Emergency => "One page: the numbers, who to call first, lines to fill in by hand.",
        Profile::Blank => "The dossier's checklists with empty boxes, for a visit on paper.",
    },
    summary_button: "Summary and export…",
    back_to_walk: "← Back to the items",
    summary_title: "Summary",
    summary_profile: "Document",
    export_pdf: "Export PDF…",
    export_html: "Export HTML…",
    open_after_export: "Open after export",
    export_path: "Save as",
    export_to_path: "Export",
    exported: |p| format!("Exported: {p}"),
    export_failed: |why| format!("Could not export: {why}"),
    open_failed: |p, why| format!("Could not open {p}: {why}"),
    plan_preview: |n| format!("Action plan ({n} items to deal with)"),
    passphrase_prompt: "Vigie passphrase: ",
    cli_exported: |p| format!("Exported: {p}"),

    finding_name: |s| crate::words::finding(Lang::En, s),
    page_list: "All items",
    page_visit_header: "Visit header",
    page_visit: "Step-by-step visit",
    page_signoff: "Sign-off",
    page_plan: "Action plan",
    page_members: "Members",
    page_cards: "Cards",
    page_acks: "Who read what",
    date_format: "%Y-%m-%d",
    date_hint: "YYYY-MM-DD",
    date_invalid: "Date not recognised: write it YYYY-MM-DD, for example 2026-12-31.",
    date_missing: "Give a date.",
    visit_title: "Visit header",
    visit_help: "Who visits, which household, where and when. This appears on the visit report written with Vigie (not an official security diagnostic).",
    referent_name: "Security referent’s name",
    referent_unit: "Unit",
    household: "Household visited",
    visit_date: "Date of the visit",
    place: "Place",
    people_present: "People present",
    address: "Address (optional)",
    address_sensitive: "Sensitive: together with the findings, the address points to a target. Only write it down if it helps.",
    start_visit: "Save and start the visit",
    need_referent_name: "Give the referent’s name.",
    need_household: "Give the household visited.",
    zone_position: |i, n| format!("Item {i} of {n} in this zone"),
    visit_position: |i, n| format!("{i} / {n} in the whole visit"),
    finding: "Finding",
    observation: "Observation",
    recommendation: "Recommendation",
    previous: "← Previous",
    next: "Next →",
    to_signoff: "On to the sign-off →",
    nothing_to_visit: "Nothing to visit: the household profile hides every item.",
    signoff_title: "Sign-off of the visit",
    signoff_help: "By typing their names, the referent and the household acknowledge that the findings were presented and read together. This is not an electronic signature.",
    signoff_household: "Household member’s name",
    signoff_date: "Date of the sign-off",
    sign: "Sign off",
    form_not_saved: "Form not saved yet",
    unsaved_form_title: "This form is not saved",
    unsaved_changes_title: "Your changes are not saved",
    unsaved_changes_explain: |conflict| {
        if conflict {
            "The dossier's file was changed elsewhere since it was opened. Keep your changes as a new dossier, or save them over the other version, which goes to the trash: nothing is lost.".to_owned()
        } else {
            "Keep them as a new dossier, or stay and try again once the problem is solved. Not saving them loses them.".to_owned()
        }
    },
    save_as_new: "Keep as a new dossier",
    overwrite_other: "Save over it (the other version goes to the trash)",
    discard_changes: "Discard my changes",
    stay: "Stay",
    unsaved_form_explain: "What you just typed is not in the dossier yet. Save it before leaving this page?",
    unsaved_date_explain: "A date you typed is not valid, so it was not saved. Correct it (YYYY-MM-DD), or leave the page without it.",
    save_form: "Save",
    discard_form: "Don’t save",
    need_both_names: "Type both names.",
    signed: |date, referent, household| format!("Signed off on {date} by {referent} and {household}."),
    findings_summary: |done, partly, todo, na, unseen| {
        format!(
            "{done} compliant, {partly} to improve, {todo} not compliant, {na} not applicable, {unseen} not seen"
        )
    },
    plan_title: "Action plan",
    plan_help: "The items that need work, most important first, then by due date. Give each one an owner and a due date.",
    plan_empty: "Nothing to do for now.",
    not_in_plan: |n| {
        if n == 1 {
            "1 item not answered yet is not in the plan.".to_owned()
        } else {
            format!("{n} items not answered yet are not in the plan.")
        }
    },
    owner: "Owner",
    owner_hint: "First name, role…",
    due: "Due",
    overdue: "Overdue",
    review_due_label: "Next review",
    review_due_badge: |d| format!("Review due (planned for {d})"),
    changes_since: |t, d| format!("Since “{t}” ({d})"),
    newly_done: |n| format!("Newly done ({n})"),
    newly_failing: |n| format!("Newly failing ({n})"),
    still_open: |n| format!("Still open ({n})"),
    to_plan: "See the action plan →",
    new_review: "New review from this dossier",
    review_title: |t, d| format!("{t} – review of {d}"),
    members_title: "The family members",
    members_help: "A first name or a nickname is enough: no surname is asked. Each member reads the cards of their audience.",
    role_name: |r| crate::words::role(Lang::En, r),
    role: "Role",
    member_name: "First name or nickname",
    add_member: "Add",
    remove_member: |n| format!("Remove {n}"),
    no_members: "Add at least one member to read the cards.",
    to_cards: "Read the cards together →",
    card_position: |i, n| format!("Card {i} of {n}"),
    read_and_agreed: |n| format!("{n}: read and agreed"),
    no_cards: "No card: the “Family vigilance” checklist is needed, and at least one member whose audience it covers.",
    to_acks: "See who read what →",
    acks_title: "Who read and agreed what",
    acks_count: |a, n| format!("{a} of {n} cards read and agreed"),
    finding_of: |f| format!("Finding: {f}"),
    most_important_first: "Most important first",
    remove_member_question: |n| format!("Remove {n}?"),
    remove_member_explain: |n| {
        if n == 1 {
            "Their acknowledgement of 1 card will be erased from the dossier.".to_owned()
        } else {
            format!("Their acknowledgements of {n} cards will be erased from the dossier.")
        }
    },
    security_button: "Security…",
    lock: "Lock",
    lock_help: "Saves, forgets the key and hides your dossiers until the passphrase is typed",
    locked_title: "Vigie is locked",
    locked_help: "Your dossiers are encrypted. Type your passphrase to open them.",
    passphrase: "Passphrase",
    unlock: "Unlock",
    forgot_help: "Without the passphrase your dossiers cannot be read: nobody can recover it for you.",
    security_title: "Security",
    encryption_on: "Encryption is on: your dossiers, their backups and the trash are encrypted on disk.",
    encryption_off: "Encryption is off: anyone who can reach your files can read your dossiers.",
    encryption_explain: "Choose a phrase of several words that only you find easy to remember. Vigie asks for it each time it opens. If you forget it, your dossiers are lost: write it down and keep it somewhere safe.",
    new_passphrase: "New passphrase",
    confirm_passphrase: "Confirm the passphrase",
    current_passphrase: "Current passphrase",
    strength: |score| {
        let word = match score {
            0 => "very weak",
            1 => "weak",
            2 => "fair",
            3 => "good",
            _ => "excellent",
        };
        if score < crate::passphrase::MIN_SCORE {
            format!("Strength: {word} (at least “good” is needed)")
        } else {
            format!("Strength: {word}")
        }
    },
    passphrase_too_weak: "This passphrase is too easy to guess: add uncommon words.",
    passphrases_differ: "The two passphrases are not the same.",
    enable_encryption: "Turn encryption on",
    disable_encryption: "Turn encryption off",
    disable_explain: "Your dossiers will be saved in plain text again. Type your passphrase to confirm.",
    idle_lock: "Lock after being idle for",
    idle_lock_choice: |minutes| {
        if minutes == 0 {
            "never".to_owned()
        } else {
            format!("{minutes} min")
        }
    },
    encryption_enabled: "Encryption is on. Keep your passphrase somewhere safe: without it your dossiers cannot be read.",
    encryption_disabled: "Encryption is off: your dossiers are saved in plain text again.",
    working: "One moment…",
    change_passphrase_button: "Change the passphrase…",
    change_passphrase_explain: "Your dossiers stay encrypted with the same key: only the passphrase protecting that key changes, without rewriting your dossiers. An old copy of the key.age file (in a backup) would still open with the old passphrase.",
    change_passphrase: "Change the passphrase",
    passphrase_changed: "Passphrase changed. Use the new one the next time you unlock.",
    back: "Back",
    photos_left_out: |n| {
        format!("{n} photo(s) could not be read: only their captions are printed in the report.")
    },
    restore_undone: |n| {
        format!(
            "A restore was interrupted (Vigie closed while it was moving files): it was undone ({n} file(s) put back), the data folder is as it was before it. You can run it again; the backup has not changed."
        )
    },
    cli_tightened: |dir| {
        format!("{dir} could be opened by other users of this computer: it is now private (0700).")
    },
    cli_locked: |dir| {
        format!("The dossiers in {dir} are encrypted: open Vigie and type your passphrase to see them.")
    },
    home: &super::home::EN,
    keys: &super::keys::EN,
    journeys: &super::journeys::EN,
    journal: &super::journal::EN,
    exposure: &super::exposure::EN,
    photos: &super::photos::EN,
    archive: &super::archive::EN,
};

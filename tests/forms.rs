//! What is typed in a form is never lost: the visit header, the sign-off
//! and a member being added are kept in the dossier as drafts and saved
//! with it, so that leaving the page, the dossier or the window — or the
//! app being killed — keeps them. A date typed in the action plan is taken
//! on Enter or when its field is left, never while it is typed; one typed
//! wrong is not dropped silently.

use std::path::Path;

use egui::{ViewportCommand, ViewportEvent, ViewportId};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use vigie::app::{AppState, Command, Navigation, Page, Screen};
use vigie::i18n::Lang;
use vigie::model::Dossier;
use vigie::model::checklist::Journey;
use vigie::store::Store;

use crate::util::{click, harness, sample_dossier, type_into};

const ASKED: &str = "Ce formulaire n’est pas enregistré";

fn send(h: &mut Harness<'_, AppState>, command: Command) {
    h.state_mut().handle(command);
    h.run();
}

fn go(h: &mut Harness<'_, AppState>, to: Navigation) {
    send(h, Command::Navigate(to));
}

fn page(h: &Harness<'_, AppState>) -> Option<Page> {
    h.state().page()
}

/// A référent's visit without a header, opened on its header form.
fn open_visit(root: &Path) -> (Harness<'static, AppState>, vigie::model::DossierId) {
    let mut dossier = sample_dossier();
    dossier.journey = Journey::Referent;
    let id = Store::open(root).unwrap().create(&dossier).unwrap();
    let mut h = harness(root, Lang::Fr);
    send(&mut h, Command::Open(id.clone()));
    assert_eq!(page(&h), Some(Page::VisitHeader), "on the visit header");
    (h, id)
}

fn saved(root: &Path, id: &vigie::model::DossierId) -> Dossier {
    Store::open(root).unwrap().load(id).unwrap()
}

#[test]
fn a_header_being_typed_is_saved_as_a_draft_and_survives_a_kill() {
    let dir = tempfile::tempdir().unwrap();
    let (mut h, id) = open_visit(dir.path());
    type_into(&mut h, "Foyer visité", "Famille D.");
    type_into(&mut h, "Lieu", "Lyon");
    assert!(
        h.query_by_label_contains("Brouillon conservé").is_some(),
        "the page says that the draft is kept, not saved as the header"
    );
    // Killed now: no flush, no exit. The draft is already in the file.
    drop(h);
    let on_disk = saved(dir.path(), &id);
    assert_eq!(on_disk.visit, None, "incomplete: not the visit header");
    let draft = on_disk.drafts.visit.expect("the draft was autosaved");
    assert_eq!(
        (draft.household.as_str(), draft.place.as_str()),
        ("Famille D.", "Lyon")
    );

    // Opened again: the form shows the draft; completed, it becomes the
    // header and the draft goes.
    let mut h = harness(dir.path(), Lang::Fr);
    send(&mut h, Command::Open(id.clone()));
    assert_eq!(page(&h), Some(Page::VisitHeader));
    assert!(
        h.query_by_label("Famille D.").is_some()
            || h.state().session().unwrap().dossier.drafts.visit.is_some()
    );
    click(&mut h, "Enregistrer et commencer la visite");
    assert!(h.query_by_label("Indiquez le nom du référent.").is_some());
    assert_eq!(page(&h), Some(Page::VisitHeader));
    type_into(&mut h, "Nom du référent sûreté", "Adjudant Martin");
    click(&mut h, "Enregistrer et commencer la visite");
    assert!(matches!(page(&h), Some(Page::Visit(_))));
    let on_disk = saved(dir.path(), &id);
    assert_eq!(on_disk.visit.unwrap().household, "Famille D.");
    assert!(on_disk.drafts.is_empty());
}

#[test]
fn leaving_a_form_keeps_what_was_typed_without_asking() {
    let dir = tempfile::tempdir().unwrap();
    let (mut h, id) = open_visit(dir.path());
    type_into(&mut h, "Nom du référent sûreté", "Adjudant Martin");
    type_into(&mut h, "Foyer visité", "Famille D.");
    click(&mut h, "Enregistrer et commencer la visite");

    // The sign-off: typed, then left without signing, for the summary and
    // home.
    go(&mut h, Navigation::Page(Page::SignOff));
    type_into(&mut h, "Nom du membre du foyer", "Claire D.");
    go(&mut h, Navigation::Summary);
    assert!(
        h.query_by_label(ASKED).is_none(),
        "nothing to ask: nothing is lost"
    );
    assert!(matches!(h.state().screen, Screen::Summary));
    go(&mut h, Navigation::Home);
    let on_disk = saved(dir.path(), &id);
    assert_eq!(on_disk.signoff, None, "not signed");
    assert_eq!(on_disk.drafts.signoff.unwrap().household_name, "Claire D.");
}

#[test]
fn a_member_being_typed_is_kept_until_added() {
    let dir = tempfile::tempdir().unwrap();
    let mut dossier = sample_dossier();
    dossier.journey = Journey::Family;
    dossier.checklists = vec!["family-vigilance".into()];
    let id = Store::open(dir.path()).unwrap().create(&dossier).unwrap();
    let mut h = harness(dir.path(), Lang::Fr);
    send(&mut h, Command::Open(id.clone()));
    assert_eq!(page(&h), Some(Page::Members));
    type_into(&mut h, "Prénom ou surnom", "Léa");
    go(&mut h, Navigation::Home);
    assert!(matches!(h.state().screen, Screen::Home));
    assert_eq!(saved(dir.path(), &id).drafts.member.unwrap().name, "Léa");

    send(&mut h, Command::Open(id.clone()));
    go(&mut h, Navigation::Page(Page::Members));
    click(&mut h, "Ajouter");
    let on_disk = saved(dir.path(), &id);
    assert_eq!(on_disk.members.len(), 1);
    assert_eq!(on_disk.members[0].name, "Léa");
    assert!(on_disk.drafts.member.is_none(), "added: no draft left");
}

#[test]
fn a_date_is_taken_when_its_field_is_left_never_while_typed() {
    let dir = tempfile::tempdir().unwrap();
    let id = Store::open(dir.path())
        .unwrap()
        .create(&sample_dossier())
        .unwrap();
    let mut h = harness(dir.path(), Lang::En);
    send(&mut h, Command::Open(id.clone()));
    go(&mut h, Navigation::Page(Page::Plan));
    // Typed one key at a time: "2026-11-1" is a valid date on the way to
    // "2026-11-15", and must not be taken.
    h.get_by_label("Next review").focus();
    h.run();
    for c in "2026-11-15".chars() {
        h.get_by_label("Next review").type_text(&c.to_string());
        h.run();
        assert_eq!(
            h.state().session().unwrap().dossier.review_due,
            None,
            "taken while typed"
        );
    }
    h.key_press(egui::Key::Enter);
    h.run();
    assert_eq!(
        h.state().session().unwrap().dossier.review_due,
        chrono::NaiveDate::from_ymd_opt(2026, 11, 15)
    );
    assert_eq!(
        saved(dir.path(), &id).review_due,
        chrono::NaiveDate::from_ymd_opt(2026, 11, 15)
    );
}

#[test]
fn a_day_that_does_not_exist_is_named_so() {
    let dir = tempfile::tempdir().unwrap();
    let id = Store::open(dir.path())
        .unwrap()
        .create(&sample_dossier())
        .unwrap();
    let mut h = harness(dir.path(), Lang::En);
    send(&mut h, Command::Open(id));
    go(&mut h, Navigation::Page(Page::Plan));
    type_into(&mut h, "Next review", "2026-02-31");
    h.key_press(egui::Key::Enter);
    h.run();
    assert!(h.query_by_label_contains("That day does not exist").is_some());
    assert!(h.query_by_label_contains("not a date").is_none());
}

#[test]
fn a_wrong_date_in_the_action_plan_is_not_dropped_silently() {
    let dir = tempfile::tempdir().unwrap();
    let id = Store::open(dir.path())
        .unwrap()
        .create(&sample_dossier())
        .unwrap();
    let mut h = harness(dir.path(), Lang::Fr);
    send(&mut h, Command::Open(id.clone()));
    go(&mut h, Navigation::Page(Page::Plan));

    type_into(&mut h, "Prochaine revue", "x");
    h.key_press(egui::Key::Enter);
    h.run();
    // Leaving through a tab asks: correct it, or leave without it.
    click(&mut h, "Tous les points");
    assert!(h.query_by_label(ASKED).is_some());
    assert_eq!(page(&h), Some(Page::Plan));
    click(&mut h, "Corriger la date");
    assert!(h.query_by_label(ASKED).is_none());
    assert_eq!(page(&h), Some(Page::Plan));

    // Closing the window asks too.
    h.input_mut()
        .viewports
        .entry(ViewportId::ROOT)
        .or_default()
        .events
        .push(ViewportEvent::Close);
    h.step();
    let commands = &h.output().viewport_output[&ViewportId::ROOT].commands;
    assert!(commands.contains(&ViewportCommand::CancelClose), "{commands:?}");
    h.run();
    assert!(h.query_by_label(ASKED).is_some());
    h.get_by_label("Ne pas enregistrer").click();
    h.step();
    let commands = &h.output().viewport_output[&ViewportId::ROOT].commands;
    assert!(commands.contains(&ViewportCommand::Close), "{commands:?}");
    assert_eq!(saved(dir.path(), &id).review_due, None);
}

//! What is typed in the visit header and the sign-off is not lost when the
//! user leaves the page, the dossier or the window before saving it: a
//! dialog asks first.

use std::path::Path;

use egui::{ViewportCommand, ViewportEvent, ViewportId};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use vigie::app::{Action, AppState, Page, Screen};
use vigie::i18n::Lang;
use vigie::model::Dossier;
use vigie::model::checklist::Journey;
use vigie::store::Store;

use crate::util::{click, harness, sample_dossier, type_into};

const ASKED: &str = "Ce formulaire n’est pas enregistré";

fn apply(h: &mut Harness<'_, AppState>, action: Action) {
    h.state_mut().apply(action);
    h.run();
}

fn page(h: &Harness<'_, AppState>) -> Option<Page> {
    h.state().walk().map(|w| w.page)
}

/// A référent's visit without a header, opened on its header form.
fn open_visit(root: &Path) -> (Harness<'static, AppState>, vigie::model::DossierId) {
    let mut dossier = sample_dossier();
    dossier.journey = Journey::Referent;
    let id = Store::open(root).unwrap().create(&dossier).unwrap();
    let mut h = harness(root, Lang::Fr);
    apply(&mut h, Action::Open(id.clone()));
    assert_eq!(page(&h), Some(Page::VisitHeader));
    (h, id)
}

fn saved(root: &Path, id: &vigie::model::DossierId) -> Dossier {
    Store::open(root).unwrap().load(id).unwrap()
}

#[test]
fn leaving_a_form_with_unsaved_text_asks_and_can_save_it() {
    let dir = tempfile::tempdir().unwrap();
    let (mut h, id) = open_visit(dir.path());

    // Nothing typed: leaving does not ask.
    apply(&mut h, Action::ShowPage(Page::Plan));
    assert_eq!(page(&h), Some(Page::Plan));
    assert!(h.query_by_label(ASKED).is_none());
    apply(&mut h, Action::ShowPage(Page::VisitHeader));

    assert!(h.query_by_label("Enregistré").is_some());
    type_into(&mut h, "Foyer visité", "Famille D.");
    assert!(
        h.query_by_label("Formulaire pas encore enregistré").is_some(),
        "the header says so"
    );
    apply(&mut h, Action::ShowPage(Page::Plan));
    assert!(h.query_by_label(ASKED).is_some(), "leaving asks first");
    assert_eq!(page(&h), Some(Page::VisitHeader));

    // Cancel: back on the form, the text still there.
    click(&mut h, "Annuler");
    assert!(h.query_by_label(ASKED).is_none());
    assert_eq!(h.state().walk().unwrap().drafts.visit.household, "Famille D.");

    // Save while the référent's name is missing: the form says so and stays.
    apply(&mut h, Action::GoHome);
    click(&mut h, "Enregistrer");
    assert!(matches!(h.state().screen, Screen::Walkthrough(_)));
    assert_eq!(page(&h), Some(Page::VisitHeader));
    assert!(h.query_by_label("Indiquez le nom du référent.").is_some());

    // Complete it, then leave: saved, and on to where the user was going.
    type_into(&mut h, "Nom du référent sûreté", "Adjudant Martin");
    apply(&mut h, Action::GoHome);
    click(&mut h, "Enregistrer");
    assert!(matches!(h.state().screen, Screen::Home));
    let visit = saved(dir.path(), &id).visit.unwrap();
    assert_eq!(visit.household, "Famille D.");
    assert_eq!(visit.referent_name, "Adjudant Martin");
}

#[test]
fn a_form_can_be_left_without_saving_it() {
    let dir = tempfile::tempdir().unwrap();
    let (mut h, id) = open_visit(dir.path());
    type_into(&mut h, "Nom du référent sûreté", "Adjudant Martin");
    type_into(&mut h, "Foyer visité", "Famille D.");
    click(&mut h, "Enregistrer et commencer la visite");
    assert_eq!(page(&h), Some(Page::Visit(0)), "a saved form does not ask");

    // The sign-off: typed, then left without signing.
    apply(&mut h, Action::ShowPage(Page::SignOff));
    type_into(&mut h, "Nom du membre du foyer", "Claire D.");
    apply(&mut h, Action::ShowSummary);
    assert!(h.query_by_label(ASKED).is_some());
    click(&mut h, "Ne pas enregistrer");
    assert!(matches!(h.state().screen, Screen::Summary(..)));
    assert_eq!(saved(dir.path(), &id).signoff, None);

    // Back on the sign-off, the form is as the dossier has it.
    apply(&mut h, Action::CloseSummary);
    apply(&mut h, Action::ShowPage(Page::SignOff));
    assert_eq!(h.state().walk().unwrap().drafts.signoff.household_name, "");
}

#[test]
fn closing_the_window_on_an_unsaved_form_asks_first() {
    let dir = tempfile::tempdir().unwrap();
    let (mut h, id) = open_visit(dir.path());
    type_into(&mut h, "Nom du référent sûreté", "Adjudant Martin");
    type_into(&mut h, "Foyer visité", "Famille D.");

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

    // Saving closes the window, with the header in the file.
    h.get_by_label("Enregistrer").click();
    h.step();
    let commands = &h.output().viewport_output[&ViewportId::ROOT].commands;
    assert!(commands.contains(&ViewportCommand::Close), "{commands:?}");
    assert_eq!(saved(dir.path(), &id).visit.unwrap().household, "Famille D.");
}

#[test]
fn a_family_member_being_typed_is_added_or_dropped_on_request() {
    let dir = tempfile::tempdir().unwrap();
    let mut dossier = sample_dossier();
    dossier.journey = Journey::Family;
    dossier.checklists = vec!["family-vigilance".into()];
    let id = Store::open(dir.path()).unwrap().create(&dossier).unwrap();
    let mut h = harness(dir.path(), Lang::Fr);
    apply(&mut h, Action::Open(id.clone()));
    assert_eq!(page(&h), Some(Page::Members));

    type_into(&mut h, "Prénom ou surnom", "Léa");
    apply(&mut h, Action::GoHome);
    assert!(
        h.query_by_label(ASKED).is_some(),
        "a name typed but not added asks"
    );
    // The dialog's button, drawn over the page's own "Ajouter".
    h.get_all_by_label("Ajouter").last().unwrap().click();
    h.run();
    assert!(matches!(h.state().screen, Screen::Home));
    let members = saved(dir.path(), &id).members;
    assert_eq!(members.len(), 1);
    assert_eq!(members[0].name, "Léa");

    apply(&mut h, Action::Open(id.clone()));
    apply(&mut h, Action::ShowPage(Page::Members));
    type_into(&mut h, "Prénom ou surnom", "Tom");
    apply(&mut h, Action::ShowPage(Page::Cards(0)));
    click(&mut h, "Ne pas enregistrer");
    assert_eq!(page(&h), Some(Page::Cards(0)));
    assert_eq!(saved(dir.path(), &id).members.len(), 1);
}

#[test]
fn a_wrong_date_in_the_action_plan_is_not_dropped_silently() {
    let dir = tempfile::tempdir().unwrap();
    let id = Store::open(dir.path())
        .unwrap()
        .create(&sample_dossier())
        .unwrap();
    let mut h = harness(dir.path(), Lang::Fr);
    apply(&mut h, Action::Open(id.clone()));
    apply(&mut h, Action::ShowPage(Page::Plan));

    // A valid review date is saved at once: leaving does not ask.
    type_into(&mut h, "Prochaine revue", "01/03/2027");
    apply(&mut h, Action::ShowPage(Page::List));
    assert!(h.query_by_label(ASKED).is_none());
    assert_eq!(
        saved(dir.path(), &id).review_due,
        chrono::NaiveDate::from_ymd_opt(2027, 3, 1)
    );

    // A wrong one is not saved, and leaving says so; there is nothing to
    // save, only to correct or leave without it.
    apply(&mut h, Action::ShowPage(Page::Plan));
    type_into(&mut h, "Prochaine revue", "x");
    apply(&mut h, Action::GoHome);
    assert!(h.query_by_label(ASKED).is_some());
    assert!(
        h.query_by_label_contains("Une date tapée n’est pas valide")
            .is_some()
    );
    assert!(h.query_by_label("Enregistrer").is_none());
    click(&mut h, "Annuler");
    assert_eq!(page(&h), Some(Page::Plan));
    apply(&mut h, Action::GoHome);
    click(&mut h, "Ne pas enregistrer");
    assert!(matches!(h.state().screen, Screen::Home));
    assert_eq!(
        saved(dir.path(), &id).review_due,
        chrono::NaiveDate::from_ymd_opt(2027, 3, 1)
    );
}

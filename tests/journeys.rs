//! The three journeys driven through `egui_kittest`, each from the first
//! screen to its end: a référent's visit to its sign-off, a family briefing
//! to its acknowledgements, a personal checklist to its action plan; and a
//! review started from a previous dossier.

use std::fs;
use std::path::Path;

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use vigie::app::{AppState, Command, Page};
use vigie::i18n::Lang;
use vigie::library::Library;
use vigie::model::checklist::{ItemId, Journey, Priority};
use vigie::model::family::Role;
use vigie::model::{Dossier, Status};
use vigie::store::Store;

use crate::util::{click, harness, type_into};

fn dossier<'h>(h: &'h Harness<'_, AppState>) -> &'h Dossier {
    &h.state().session().expect("a dossier is open").dossier
}

fn page(h: &Harness<'_, AppState>) -> Page {
    h.state().page().expect("a dossier page is shown")
}

fn saved_file(root: &Path) -> String {
    let store = Store::open(root).unwrap();
    let listed = store.list().unwrap();
    fs::read_to_string(&listed[0].path).unwrap()
}

/// Labels of the summary screen in one language.
struct SummaryLabels {
    button: &'static str,
    save_as: &'static str,
    export: &'static str,
}

const FR: SummaryLabels = SummaryLabels {
    button: "Synthèse et export…",
    save_as: "Enregistrer sous",
    export: "Exporter",
};

const EN: SummaryLabels = SummaryLabels {
    button: "Summary and export…",
    save_as: "Save as",
    export: "Export",
};

/// From an open dossier: the summary screen, the profile `profile`, export
/// as HTML to `path` through the path field; returns the file's text.
fn export_summary(h: &mut Harness<'_, AppState>, l: &SummaryLabels, profile: &str, path: &Path) -> String {
    click(h, l.button);
    assert!(matches!(h.state().screen, vigie::app::Screen::Summary));
    click(h, profile);
    h.get_by_label(l.save_as).focus();
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.run();
    h.get_by_label(l.save_as).type_text(path.to_str().unwrap());
    h.run();
    click(h, l.export);
    assert!(
        h.state().notice.as_ref().is_some_and(|n| !n.is_error()),
        "{:?}",
        h.state().notice
    );
    fs::read_to_string(path).unwrap()
}

/// From the home screen, creates a dossier of `journey` titled `title`.
fn create(h: &mut Harness<'_, AppState>, journey: &str, title: &str, ticks: &[&str]) {
    click(h, "Nouveau dossier…");
    click(h, journey);
    for tick in ticks {
        click(h, tick);
    }
    type_into(h, "Titre", title);
    click(h, "Créer le dossier");
}

#[test]
fn the_keyboard_help_names_the_statuses_of_the_journey() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path()).unwrap();
    let visit = store.create(&util_dossier()).unwrap();
    let personal = store.create(&crate::util::sample_dossier()).unwrap();
    let mut h = harness(dir.path(), Lang::Fr);
    for (id, names) in [
        (visit, "1 Conforme · 2 À améliorer · 3 Non conforme"),
        (personal, "1 Fait · 2 En partie · 3 À faire"),
    ] {
        h.state_mut().handle(Command::Open(id));
        h.state_mut()
            .handle(Command::Navigate(vigie::app::Navigation::Page(Page::List)));
        h.run();
        assert!(h.query_by_label_contains(names).is_some(), "{names}");
        h.state_mut()
            .handle(Command::Navigate(vigie::app::Navigation::Home));
        h.run();
    }
}

#[test]
fn a_referent_visit_from_the_header_to_the_signoff() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path(), Lang::Fr);
    create(&mut h, "Visite du référent sûreté", "Visite famille D.", &[]);
    assert_eq!(dossier(&h).journey, Journey::Referent);
    assert_eq!(page(&h), Page::VisitHeader, "a new visit starts with its header");

    // The header says what is missing.
    click(&mut h, "Enregistrer et commencer la visite");
    assert!(h.query_by_label("Indiquez le nom du référent.").is_some());
    assert_eq!(page(&h), Page::VisitHeader);
    type_into(&mut h, "Nom du référent sûreté", "Adjudant Martin");
    type_into(&mut h, "Unité", "BRI Lyon");
    type_into(&mut h, "Foyer visité", "Famille D.");
    type_into(&mut h, "Lieu", "Lyon");
    type_into(&mut h, "Personnes présentes", "Claire D.");
    assert!(h.query_by_label_contains("Information sensible").is_some());
    click(&mut h, "Enregistrer et commencer la visite");
    assert_eq!(page(&h), Page::Visit(0));
    let visit = dossier(&h).visit.clone().unwrap();
    assert_eq!(visit.referent_name, "Adjudant Martin");
    assert_eq!(visit.household, "Famille D.");
    assert_eq!(visit.present, ["Claire D."]);
    assert_eq!(visit.address, None);

    // Zone by zone, one item at a time.
    let library = Library::load(None);
    let first_zone = &library.checklists[0].sections[0];
    assert!(h.query_by_label(first_zone.title.fr.as_str()).is_some());
    assert!(h.query_by_label_contains("Point 1 sur").is_some());
    let first = first_zone.items[0].id.clone();
    click(&mut h, "Conforme");
    assert_eq!(dossier(&h).status(&first), Status::Done);
    click(&mut h, "Suivant →");
    assert_eq!(page(&h), Page::Visit(1));
    let second = first_zone.items[1].id.clone();
    click(&mut h, "Non conforme");
    type_into(&mut h, "Observation", "Porte de service sans verrou");
    type_into(&mut h, "Recommandation", "Poser une serrure à trois points");
    let answer = dossier(&h).answers[&second].clone();
    assert_eq!(answer.status, Status::Todo);
    assert_eq!(answer.note, "Porte de service sans verrou");
    assert_eq!(answer.recommendation, "Poser une serrure à trois points");
    click(&mut h, "← Précédent");
    assert_eq!(page(&h), Page::Visit(0));
    // The arrow keys move too, when no text is being typed.
    h.key_press(egui::Key::ArrowRight);
    h.run();
    assert_eq!(page(&h), Page::Visit(1));
    h.key_press(egui::Key::ArrowLeft);
    h.run();
    assert_eq!(page(&h), Page::Visit(0));

    // Walk to the end, then sign off.
    for _ in 0..200 {
        if h.query_by_label("Vers la signature →").is_some() {
            break;
        }
        click(&mut h, "Suivant →");
    }
    click(&mut h, "Vers la signature →");
    assert_eq!(page(&h), Page::SignOff);
    click(&mut h, "Signer");
    assert!(h.query_by_label("Tapez les deux noms.").is_some());
    assert!(dossier(&h).signoff.is_none());
    type_into(&mut h, "Nom du membre du foyer", "Claire D.");
    click(&mut h, "Signer");
    // Points were not seen: signing asks first.
    assert!(dossier(&h).signoff.is_none());
    assert!(h.query_by_label_contains("points n’ont pas été vus").is_some());
    click(&mut h, "Signer quand même");
    let signoff = dossier(&h).signoff.clone().unwrap();
    assert_eq!(signoff.referent_name, "Adjudant Martin", "taken from the header");
    assert_eq!(signoff.household_name, "Claire D.");
    assert_eq!(signoff.date, chrono::Local::now().date_naive());
    assert!(h.query_by_label_contains("Signé le").is_some());

    // The list of every item speaks of findings and recommendations too.
    click(&mut h, "Tous les points");
    assert_eq!(page(&h), Page::List);
    assert!(h.query_all_by_label("Recommandation").count() > 1);
    assert!(h.query_all_by_label("Non conforme").count() > 1);

    // The critical finding is in the action plan; it gets an owner.
    click(&mut h, "Plan d’action");
    assert_eq!(page(&h), Page::Plan);
    // The finding comes first in the plan: the first owner is its own.
    h.get_all_by_label("Responsable").next().unwrap().focus();
    h.run();
    h.get_all_by_label("Responsable")
        .next()
        .unwrap()
        .type_text("Claire");
    h.run();
    assert_eq!(dossier(&h).answers[&second].owner, "Claire");

    let text = saved_file(dir.path());
    for expected in [
        "Adjudant Martin",
        "signoff",
        "Poser une serrure",
        "owner: \"Claire\"",
    ] {
        assert!(text.contains(expected), "{expected} missing from {text}");
    }
    // The summary prints the visit: header, findings, recommendation, owner,
    // sign-off.
    let report = export_summary(&mut h, &FR, "Rapport complet", &dir.path().join("visite.html"));
    for expected in [
        "Adjudant Martin",
        "Signature de la visite",
        "Claire D.",
        "Poser une serrure",
        "Recommandation",
        "Critique",
        "Non conforme",
        "Constats et recommandations",
        "Points non vus",
        "Responsable",
    ] {
        assert!(report.contains(expected), "{expected} missing from the report");
    }
}

#[test]
fn a_family_briefing_from_the_members_to_the_acknowledgements() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path(), Lang::Fr);
    create(&mut h, "Briefing en famille", "Briefing de novembre", &[]);
    assert_eq!(page(&h), Page::Members, "a new briefing starts with its members");
    click(&mut h, "Lire les cartes ensemble →");
    assert_eq!(page(&h), Page::Members, "no card without a member");

    type_into(&mut h, "Prénom ou surnom", "Claire");
    click(&mut h, "Ajouter");
    click(&mut h, "Rôle");
    click(&mut h, "Adolescent");
    type_into(&mut h, "Prénom ou surnom", "Léo");
    click(&mut h, "Ajouter");
    let members = dossier(&h).members.clone();
    assert_eq!(members.len(), 2);
    assert_eq!(
        (members[0].role, members[0].name.as_str()),
        (Role::Adult, "Claire")
    );
    assert_eq!(
        (members[1].role, members[1].name.as_str()),
        (Role::Teenager, "Léo")
    );

    // The cards, one at a time, each member ticking theirs.
    click(&mut h, "Lire les cartes ensemble →");
    assert_eq!(page(&h), Page::Cards(0));
    let library = Library::load(None);
    let cards: Vec<ItemId> = dossier(&h)
        .family_cards(&library.checklists)
        .iter()
        .map(|c| c.item.id.clone())
        .collect();
    assert!(cards.iter().any(|c| c.as_str().starts_with("adults.")));
    assert!(
        cards.iter().any(|c| c.as_str().starts_with("teenagers.")),
        "Léo brings the teenagers' cards"
    );
    assert!(!cards.iter().any(|c| c.as_str().starts_with("children.")));
    assert!(h.query_by_label_contains("Carte 1 sur").is_some());
    let claire = members[0].id;
    let leo = members[1].id;
    // Claire agrees every card she is on; Léo every other of his.
    let mut leo_cards = 0;
    for (i, card) in cards.iter().enumerate() {
        if card.as_str().starts_with("adults.") {
            assert!(
                h.query_by_label("Léo\u{a0}: lu et approuvé").is_none(),
                "an adults' card is not Léo's"
            );
        }
        if h.query_by_label("Claire\u{a0}: lu et approuvé").is_some() {
            click(&mut h, "Claire\u{a0}: lu et approuvé");
        }
        if h.query_by_label("Léo\u{a0}: lu et approuvé").is_some() {
            leo_cards += 1;
            if leo_cards % 2 == 1 {
                click(&mut h, "Léo\u{a0}: lu et approuvé");
            }
        }
        if i + 1 < cards.len() {
            click(&mut h, "Suivant →");
        }
    }
    assert!(leo_cards > 1, "Léo has cards of his own");
    click(&mut h, "Voir qui a lu quoi →");
    assert_eq!(page(&h), Page::Acknowledgements);

    let d = dossier(&h);
    let profile = d.member_cards(&library.checklists);
    assert!(
        profile[0].cards.iter().all(|(_, ack)| *ack),
        "Claire read all hers"
    );
    let leo_read = profile[1].cards.iter().filter(|(_, ack)| *ack).count();
    assert!(leo_read > 0 && leo_read < profile[1].cards.len());
    assert!(d.acknowledged(&cards[0], claire) && !d.acknowledged(&cards[0], leo));
    assert!(h.query_by_label_contains("Claire").is_some());
    let read_line = format!(
        "{} carte(s) sur {} lue(s) et approuvée(s)",
        leo_read,
        profile[1].cards.len()
    );
    assert!(h.query_by_label(&read_line).is_some());

    // Unticking withdraws the acknowledgement.
    h.state_mut()
        .handle(Command::SetAcknowledged(cards[0].clone(), claire, false));
    assert!(!dossier(&h).acknowledged(&cards[0], claire));
    h.run();
    let text = saved_file(dir.path());
    assert!(
        text.contains("Léo") && text.contains("Teenager") && text.contains("acknowledgements"),
        "{text}"
    );

    // Removing a member who acknowledged cards asks first.
    h.get_by_label("Membres").click();
    h.run();
    click(&mut h, "Retirer Léo");
    assert!(h.query_by_label("Retirer Léo\u{a0}?").is_some());
    h.get_by_label("Annuler").click();
    h.run();
    assert_eq!(dossier(&h).members.len(), 2);
    assert!(h.state().dialog.is_none());
    click(&mut h, "Retirer Léo");
    h.get_all_by_label("Retirer Léo").last().unwrap().click();
    h.run();
    assert_eq!(dossier(&h).members.len(), 1);
    assert!(!dossier(&h).acknowledgements.values().any(|a| a.contains(&leo)));
    // The family handout prints each member's cards, and no weak point.
    let handout = export_summary(&mut h, &FR, "Fiche famille", &dir.path().join("famille.html"));
    assert!(handout.contains("Les cartes de chacun") && handout.contains("Claire"));
    assert!(handout.contains("✓ lu et approuvé"));
    assert!(!handout.contains("Plan d’action"));
}

#[test]
fn a_personal_checklist_most_important_first_then_the_action_plan() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path(), Lang::En);
    click(&mut h, "New dossier…");
    // The household questions come first.
    click(&mut h, "a flat");
    click(&mut h, "The household holds crypto-assets");
    type_into(&mut h, "Title", "My flat");
    click(&mut h, "Create the dossier");
    let d = dossier(&h);
    assert_eq!(d.journey, Journey::Personal);
    assert_eq!(page(&h), Page::List);
    let profile = d.profile.clone().unwrap();
    assert!(profile.contains(&vigie::model::Tag::Flat) && !profile.contains(&vigie::model::Tag::House));

    // The checklist opens on every item, the most important first.
    let library = Library::load(None);
    let walk = &h.state().views.walk;
    let d = dossier(&h);
    assert!(walk.most_important_first);
    assert_eq!(
        h.query_all_by_label("Most important first").count(),
        2,
        "the entry and the heading"
    );
    let shown = walk.visible_items(d, &library, Lang::En);
    let priorities: Vec<Priority> = shown.iter().map(|i| i.priority).collect();
    assert!(priorities.is_sorted(), "{priorities:?}");
    assert_eq!(priorities[0], Priority::Critical);
    let applicable = library
        .checklists
        .iter()
        .filter(|c| d.checklists.contains(&c.id))
        .flat_map(vigie::model::Checklist::items)
        .filter(|i| d.applies(i))
        .count();
    assert_eq!(shown.len(), applicable, "every section at once");
    assert_eq!(walk.selected.as_ref(), Some(&shown[0].id));

    // Answer: the first two to do, the third done.
    let first = shown[0].id.clone();
    let second = shown[1].id.clone();
    let third = shown[2].id.clone();
    h.get_all_by_label("To do").next().unwrap().click();
    h.run();
    h.get_all_by_label("Partly").nth(1).unwrap().click();
    h.run();
    h.get_all_by_label("Done").nth(2).unwrap().click();
    h.run();
    assert_eq!(dossier(&h).status(&first), Status::Todo);
    assert_eq!(dossier(&h).status(&second), Status::Partly);
    assert_eq!(dossier(&h).status(&third), Status::Done);

    // The action plan: the two open items, an owner and a due date each.
    click(&mut h, "Action plan");
    assert_eq!(page(&h), Page::Plan);
    assert!(h.query_by_label(shown[0].title.en.as_str()).is_some());
    assert!(
        h.query_by_label(shown[2].title.en.as_str()).is_none(),
        "done: not in the plan"
    );
    h.get_all_by_label("Owner").next().unwrap().focus();
    h.run();
    h.get_all_by_label("Owner").next().unwrap().type_text("Sam");
    h.run();
    h.get_all_by_label("Due").next().unwrap().focus();
    h.run();
    h.get_all_by_label("Due").next().unwrap().type_text("2020-01-0");
    h.run();
    assert_eq!(dossier(&h).answers[&first].due, None, "not taken while typed");
    h.key_press(egui::Key::Enter);
    h.run();
    assert!(h.query_by_label_contains("Date not recognised").is_some());
    assert_eq!(dossier(&h).answers[&first].due, None);
    h.get_all_by_label("Due").next().unwrap().focus();
    h.run();
    h.get_all_by_label("Due").next().unwrap().type_text("2");
    h.run();
    h.key_press(egui::Key::Enter);
    h.run();
    let answer = dossier(&h).answers[&first].clone();
    assert_eq!(answer.owner, "Sam");
    assert_eq!(answer.due, chrono::NaiveDate::from_ymd_opt(2020, 1, 2));
    assert!(
        h.query_by_label("Overdue").is_some(),
        "a past due date is overdue"
    );

    // The next review date, due today: the home screen says so.
    let today = chrono::Local::now().date_naive();
    type_into(&mut h, "Next review", &today.format("%Y-%m-%d").to_string());
    h.key_press(egui::Key::Enter);
    h.run();
    assert_eq!(dossier(&h).review_due, Some(today));
    // The summary's action plan has the owner and the overdue date.
    let report = export_summary(&mut h, &EN, "Full report", &dir.path().join("plan.html"));
    assert!(
        report.contains("Sam") && report.contains("(overdue)"),
        "owner and overdue date"
    );
    click(&mut h, "← Back to the items");
    click(&mut h, "← Dossiers");
    assert!(h.query_by_label_contains("Review due").is_some());
}

#[test]
fn a_review_from_a_previous_dossier_shows_what_changed() {
    let dir = tempfile::tempdir().unwrap();
    let mut previous = util_dossier();
    let a = ItemId::from("entrances.locked-at-home");
    let b = ItemId::from("alarm.lighting");
    previous.set_status(&a, Status::Todo, chrono::Utc::now());
    previous.set_status(&b, Status::Done, chrono::Utc::now());
    Store::open(dir.path()).unwrap().create(&previous).unwrap();

    let mut h = harness(dir.path(), Lang::En);
    click(&mut h, "New review from this dossier");
    assert_eq!(
        page(&h),
        Page::Visit(0),
        "the header is carried over: the visit starts at once"
    );
    h.state_mut()
        .handle(Command::Navigate(vigie::app::Navigation::Page(Page::VisitHeader)));
    let today = chrono::Local::now().date_naive();
    h.run();
    assert_eq!(
        dossier(&h).visit.as_ref().unwrap().date,
        today,
        "the new visit is dated today"
    );
    assert!(
        h.query_by_label(&today.format("%Y-%m-%d").to_string()).is_some()
            || h.query_all_by_value(&today.format("%Y-%m-%d").to_string())
                .next()
                .is_some(),
        "written in English"
    );
    h.state_mut()
        .handle(Command::Navigate(vigie::app::Navigation::Page(Page::List)));
    let d = dossier(&h);
    assert_eq!(d.baseline.as_ref().unwrap().title, "Visit 1");
    assert!(d.title.starts_with("Visit 1 – review of"));
    h.state_mut().handle(Command::SetStatus(a.clone(), Status::Done));
    h.state_mut()
        .handle(Command::SetStatus(b.clone(), Status::Partly));
    h.run();
    click(&mut h, "Action plan");
    assert!(h.query_by_label_contains("Since “Visit 1”").is_some());
    assert!(h.query_by_label("Newly done (1)").is_some());
    assert!(h.query_by_label("Newly failing (1)").is_some());
    assert_eq!(Store::open(dir.path()).unwrap().list().unwrap().len(), 2);
    // The summary shows what changed.
    let report = export_summary(&mut h, &EN, "Full report", &dir.path().join("review.html"));
    assert!(report.contains("Since “Visit 1”") && report.contains("Newly done (1)"));
}

#[test]
fn every_journey_field_survives_a_save_and_a_load() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(dir.path()).unwrap();
    let now = chrono::Utc::now();
    let mut d = util_dossier();
    d.visit.as_mut().unwrap().address = Some("1 rue de la Paix".into());
    d.signoff = Some(vigie::model::visit::SignOff {
        referent_name: "Martin".into(),
        household_name: "Claire".into(),
        date: chrono::NaiveDate::from_ymd_opt(2026, 6, 1).unwrap(),
        record: None,
    });
    d.review_due = chrono::NaiveDate::from_ymd_opt(2026, 12, 1);
    let item = ItemId::from("entrances.locked-at-home");
    d.set_status(&item, Status::Todo, now);
    d.set_owner(&item, "Marc", now);
    d.set_due(&item, chrono::NaiveDate::from_ymd_opt(2026, 7, 1), now);
    d.set_recommendation(&item, "Serrure", now);
    let claire = d.add_member(Role::Adult, "Claire", now).unwrap();
    d.set_acknowledged(&ItemId::from("adults.safe-word"), claire, true, now);
    let mut review = Dossier::review_of(&d, "Visit 2", now);
    review.signoff.clone_from(&d.signoff);
    review.acknowledgements.clone_from(&d.acknowledgements);
    let id = store.create(&review).unwrap();
    let loaded = store.load(&id).unwrap();
    assert_eq!(loaded, review);
    assert!(review.baseline.is_some() && !review.members.is_empty());
}

fn util_dossier() -> Dossier {
    let mut d = Dossier::new(
        "Visit 1",
        Journey::Referent,
        vec!["home-consultation".into()],
        None,
        chrono::Utc::now(),
    );
    d.visit = Some(vigie::model::visit::Visit {
        referent_name: "Martin".into(),
        referent_unit: String::new(),
        household: "D.".into(),
        date: chrono::NaiveDate::from_ymd_opt(2026, 6, 1).unwrap(),
        place: String::new(),
        present: vec![],
        address: None,
    });
    d
}

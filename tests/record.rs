//! A record that holds (issue "the journeys, trustworthy in use"): a signed
//! visit that changes says so, a finding is never cleared by a second tap,
//! the step-by-step visit takes the status keys and reopens where it
//! stopped, one action plan everywhere, family work that counts.

use std::path::Path;

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use vigie::app::{AppState, Command, Navigation, Page};
use vigie::i18n::Lang;
use vigie::library::Library;
use vigie::model::checklist::Journey;
use vigie::model::family::Role;
use vigie::model::plan::action_plan;
use vigie::model::{Dossier, Status};
use vigie::report::{self, Profile};
use vigie::store::Store;

use crate::util::{click, harness, sample_dossier};

fn send(h: &mut Harness<'_, AppState>, command: Command) {
    h.state_mut().handle(command);
    h.run();
}

fn dossier<'h>(h: &'h Harness<'_, AppState>) -> &'h Dossier {
    &h.state().session().expect("a dossier is open").dossier
}

/// A référent's visit with its header, opened on the step-by-step visit.
fn visit(root: &Path) -> Harness<'static, AppState> {
    let mut d = sample_dossier();
    d.journey = Journey::Referent;
    d.answers.clear();
    d.visit = Some(vigie::model::visit::Visit {
        referent_name: "Adjudant Martin".into(),
        referent_unit: String::new(),
        household: "Famille D.".into(),
        date: chrono::NaiveDate::from_ymd_opt(2026, 11, 20).unwrap(),
        place: "Lyon".into(),
        present: vec![],
        address: None,
    });
    let id = Store::open(root).unwrap().create(&d).unwrap();
    let mut h = harness(root, Lang::Fr);
    send(&mut h, Command::Open(id));
    h
}

/// The report of the open dossier, made now.
fn report_of(h: &Harness<'_, AppState>, library: &Library, profile: Profile, lang: Lang) -> report::Report {
    report::build(dossier(h), library, profile, lang, chrono::Local::now())
}

fn step_item(h: &Harness<'_, AppState>, index: usize) -> vigie::model::ItemId {
    let library = Library::load(None);
    dossier(h).visit_steps(&library.checklists)[index].item.id.clone()
}

#[test]
fn a_second_tap_on_a_finding_keeps_it_and_clearing_is_deliberate() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = visit(dir.path());
    assert_eq!(h.state().page(), Some(Page::Visit(0)));
    let first = step_item(&h, 0);
    click(&mut h, "Non conforme");
    click(&mut h, "Non conforme");
    assert_eq!(
        dossier(&h).status(&first),
        Status::Todo,
        "a double tap keeps the finding"
    );
    click(&mut h, "Effacer le constat");
    assert_eq!(dossier(&h).status(&first), Status::Unanswered);
}

#[test]
fn the_step_by_step_visit_takes_the_status_keys_and_reopens_where_it_stopped() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = visit(dir.path());
    let first = step_item(&h, 0);
    h.key_press(egui::Key::Num3);
    h.run();
    assert_eq!(dossier(&h).status(&first), Status::Todo, "3: not compliant");
    h.key_press(egui::Key::Num1);
    h.run();
    assert_eq!(dossier(&h).status(&first), Status::Done, "1: compliant");
    for _ in 0..4 {
        h.key_press(egui::Key::ArrowRight);
        h.run();
    }
    assert_eq!(h.state().page(), Some(Page::Visit(4)));
    let fifth = step_item(&h, 4);
    h.key_press(egui::Key::Num2);
    h.run();
    assert_eq!(dossier(&h).status(&fifth), Status::Partly);

    // Home, then the dossier again: the visit opens at point 5.
    send(&mut h, Command::Navigate(Navigation::Home));
    let id = h.state().dossiers[0].id.clone();
    send(&mut h, Command::Open(id));
    assert_eq!(h.state().page(), Some(Page::Visit(4)), "where the visit stopped");
    assert!(h.query_by_label_contains("Point 5 sur").is_some());
}

#[test]
fn a_visit_changed_after_its_signoff_says_so_on_screen_and_on_paper() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = visit(dir.path());
    let first = step_item(&h, 0);
    send(&mut h, Command::SetStatus(first.clone(), Status::Todo));
    send(&mut h, Command::Navigate(Navigation::Page(Page::SignOff)));
    crate::util::type_into(&mut h, "Nom du membre du foyer", "Claire D.");
    click(&mut h, "Signer");
    click(&mut h, "Signer quand même");
    assert!(dossier(&h).signoff.is_some());
    assert!(h.query_by_label("Rien n’a changé depuis la signature.").is_some());

    // The finding changes after the sign-off.
    send(&mut h, Command::SetStatus(first.clone(), Status::Done));
    assert!(
        h.query_by_label_contains("Visite modifiée depuis sa signature")
            .is_some()
    );
    assert!(h.query_by_label_contains("Non conforme → Conforme").is_some());
    let library = Library::load(None);
    let r = report_of(&h, &library, Profile::Full, Lang::Fr);
    assert!(
        r.signoff_changed_title.starts_with("Modifié après la signature"),
        "{}",
        r.signoff_changed_title
    );
    assert_eq!(r.signoff_changes.len(), 1);
    let html = String::from_utf8(report::render(&r, report::Format::Html).unwrap()).unwrap();
    assert!(html.contains("Modifié après la signature"));

    // Only the words of a recommendation change: the change names them,
    // the signed words beside today's, never "Non conforme → Non conforme".
    send(&mut h, Command::SetStatus(first.clone(), Status::Todo));
    send(
        &mut h,
        Command::SetRecommendation(first.clone(), "Changer la serrure".into()),
    );
    let line = "recommandation (vide) → «\u{a0}Changer la serrure\u{a0}»";
    assert!(
        h.query_by_label_contains(line).is_some(),
        "the words that changed"
    );
    assert!(h.query_by_label_contains("Non conforme → Non conforme").is_none());
    let r = report_of(&h, &library, Profile::Full, Lang::Fr);
    assert!(r.signoff_changes[0].contains(line), "{:?}", r.signoff_changes);
    assert!(
        r.signoff_notice.starts_with("Visite signée le"),
        "the first page says so: {:?}",
        r.signoff_notice
    );
    let html = String::from_utf8(report::render(&r, report::Format::Html).unwrap()).unwrap();
    let notice = html.find("Visite signée le").unwrap();
    assert!(notice < html.find("Modifié après la signature du").unwrap());

    // Signed again: asked first, naming the signature it replaces, which
    // is kept with what it covered.
    click(&mut h, "Signer de nouveau");
    assert!(
        h.query_by_label_contains("par Adjudant Martin et Claire D.\u{a0}?")
            .is_some(),
        "the question names who signed"
    );
    click(&mut h, "Remplacer la signature");
    let d = dossier(&h);
    assert!(
        d.changes_since_signed().unwrap().is_empty(),
        "covers the visit as it stands"
    );
    assert_eq!(d.earlier_signoffs.len(), 1, "the first signature is kept");
    assert_eq!(d.earlier_signoffs[0].signoff.household_name, "Claire D.");
    assert!(
        d.earlier_signoffs[0].signoff.record.is_some(),
        "with what it covered"
    );
    assert!(h.query_by_label_contains("Signée auparavant le").is_some());
    let r = report_of(&h, &library, Profile::Full, Lang::Fr);
    assert!(
        r.signoff.iter().any(|d| d.label == "Signature précédente"),
        "{:?}",
        r.signoff
    );
    assert!(r.signoff_notice.is_empty(), "nothing changed since");

    // A copy of the dossier is not signed.
    let root = dir.path().to_owned();
    drop(h);
    let mut store = Store::open(&root).unwrap();
    let id = store.list().unwrap()[0].id.clone();
    let copy = store.duplicate(&id, "Copie", chrono::Utc::now()).unwrap();
    let copy = store.load(&copy).unwrap();
    assert!(copy.signoff.is_none() && copy.earlier_signoffs.is_empty());
}

#[test]
fn a_signoff_is_dated_from_the_day_of_the_visit_to_today() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = visit(dir.path());
    send(&mut h, Command::Navigate(Navigation::Page(Page::SignOff)));
    crate::util::type_into(&mut h, "Nom du membre du foyer", "Claire D.");
    // The visit was on 20/11/2026.
    h.get_by_label("Date de la signature").focus();
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.get_by_label("Date de la signature").type_text("19/11/2026");
    h.run();
    click(&mut h, "Signer");
    assert!(dossier(&h).signoff.is_none(), "not signed");
    assert!(
        h.query_by_label_contains("La signature ne peut pas précéder la visite")
            .is_some()
    );
}

#[test]
fn typing_in_the_visit_header_keeps_every_letter() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = visit(dir.path());
    send(&mut h, Command::Navigate(Navigation::Page(Page::VisitHeader)));
    // Letter by letter, as a person types: the note that the form is kept
    // as a draft appears on the first one, and must not take the focus.
    h.get_by_label("Lieu").focus();
    h.run();
    h.key_press(egui::Key::End);
    h.run();
    for c in " nord".chars() {
        h.input_mut().events.push(egui::Event::Text(c.to_string()));
        h.run();
    }
    let draft = dossier(&h).drafts.visit.clone().expect("a draft");
    assert_eq!(draft.place, "Lyon nord");
}

#[test]
fn the_report_puts_findings_first_and_the_points_not_seen_apart() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = visit(dir.path());
    let library = Library::load(None);
    let steps = dossier(&h).visit_steps(&library.checklists);
    let step_count = steps.len();
    // A low-priority point found not compliant, late in the visit.
    let low = steps
        .iter()
        .rev()
        .find(|s| s.item.priority == vigie::model::Priority::Low)
        .unwrap()
        .item
        .id
        .clone();
    send(&mut h, Command::SetStatus(low.clone(), Status::Todo));
    let r = report_of(&h, &library, Profile::Full, Lang::Fr);
    assert_eq!(r.plan.len(), 1, "only what was found");
    assert_eq!(r.plan[0].id, low.as_str());
    assert_eq!(r.plan[0].status, "Non conforme");
    assert_eq!(r.unseen.len(), step_count - 1, "the rest, apart, as not seen");
    assert!(
        r.overall.findings.contains("1 non conforme"),
        "{}",
        r.overall.findings
    );
    let html = String::from_utf8(report::render(&r, report::Format::Html).unwrap()).unwrap();
    let findings = html.find("Constats et recommandations").unwrap();
    let unseen = html.find("Points non vus").unwrap();
    assert!(findings < unseen, "findings first");
    assert!(!html.contains("une par ligne"), "no form hint as a heading");
}

#[test]
fn the_action_plan_is_one_plan_on_the_page_the_summary_and_the_report() {
    let dir = tempfile::tempdir().unwrap();
    let id = Store::open(dir.path())
        .unwrap()
        .create(&sample_dossier())
        .unwrap();
    let mut h = harness(dir.path(), Lang::En);
    send(&mut h, Command::Open(id));
    let library = Library::load(None);
    let today = chrono::Local::now().date_naive();
    let plan = action_plan(dossier(&h), &library.checklists, today);
    let plan_len = plan.len();
    let unanswered = plan.iter().filter(|e| e.status == Status::Unanswered).count();
    assert!(unanswered > 0, "unanswered items are in the plan");
    let critical_unanswered = plan
        .iter()
        .find(|e| e.status == Status::Unanswered && e.item.priority == vigie::model::Priority::Critical)
        .expect("an unanswered critical item")
        .item
        .title
        .en
        .clone();
    drop(plan);
    send(&mut h, Command::Navigate(Navigation::Page(Page::Plan)));
    let count = format!("{plan_len} points to deal with");
    assert!(h.query_by_label_contains(&count).is_some(), "{count}");
    assert!(h.query_by_label(&critical_unanswered).is_some());
    let r = report_of(&h, &library, Profile::Full, Lang::En);
    assert_eq!(r.plan.len(), plan_len, "the printed plan is the same plan");
    send(&mut h, Command::Navigate(Navigation::Summary));
    assert!(
        h.query_by_label(&format!("Action plan ({plan_len} items to deal with)"))
            .is_some()
    );
}

#[test]
fn family_agreements_count_in_progress_plan_summary_and_home() {
    let dir = tempfile::tempdir().unwrap();
    let mut d = Dossier::new(
        "Famille",
        Journey::Family,
        vec!["family-vigilance".into()],
        None,
        chrono::Utc::now(),
    );
    let now = chrono::Utc::now();
    let ana = d.add_member(Role::Adult, "Ana", now).unwrap();
    let bob = d.add_member(Role::Adult, "Bob", now).unwrap();
    let id = Store::open(dir.path()).unwrap().create(&d).unwrap();
    let library = Library::load(None);
    let cards = d.family_cards(&library.checklists);
    let card = cards[0].item.id.clone();
    let mut h = harness(dir.path(), Lang::En);
    send(&mut h, Command::Open(id));
    send(&mut h, Command::SetAcknowledged(card.clone(), ana, true));
    assert_eq!(
        dossier(&h).status(&card),
        Status::Partly,
        "one of two agreed: partly"
    );
    send(&mut h, Command::SetAcknowledged(card.clone(), bob, true));
    assert_eq!(dossier(&h).status(&card), Status::Done, "both agreed: done");
    let p = vigie::model::Progress::of_dossier(dossier(&h), &library.checklists);
    assert_eq!(p.done, 1);
    let plan = action_plan(
        dossier(&h),
        &library.checklists,
        chrono::Local::now().date_naive(),
    );
    assert!(!plan.iter().any(|e| e.item.id == card), "agreed: not in the plan");
    // The handout lists it as agreed; a card Bob has not agreed is listed
    // apart, with his name.
    let second = cards[1].item.id.clone();
    send(&mut h, Command::SetAcknowledged(second.clone(), ana, true));
    let r = report_of(&h, &library, Profile::Family, Lang::En);
    let agreed: Vec<&str> = r
        .practices
        .iter()
        .flat_map(|g| g.items.iter())
        .map(|i| i.title.as_str())
        .collect();
    assert!(agreed.contains(&cards[0].item.title.en.as_str()));
    assert!(
        !agreed.contains(&cards[1].item.title.en.as_str()),
        "not agreed by Bob yet"
    );
    assert!(
        r.pending
            .iter()
            .any(|p| p.title == cards[1].item.title.en && p.not_yet.contains("Bob"))
    );
    // Withdrawn: back to partly, then to not answered.
    send(&mut h, Command::SetAcknowledged(card.clone(), bob, false));
    assert_eq!(dossier(&h).status(&card), Status::Partly);
    send(&mut h, Command::SetAcknowledged(card.clone(), bob, true));
    // Home counts cards agreed by everyone, not ticks.
    send(&mut h, Command::Navigate(Navigation::Home));
    let line = format!("1 of {} cards agreed by everyone", cards.len());
    assert!(h.query_by_label(&line).is_some(), "{line}");
}

#[test]
fn a_new_dossier_holds_crypto_assets_and_an_unsaid_dwelling_prints_as_such() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path(), Lang::Fr);
    click(&mut h, "Nouveau dossier…");
    crate::util::type_into(&mut h, "Titre", "Chez nous");
    click(&mut h, "Créer le dossier");
    let d = dossier(&h).clone();
    assert!(
        d.profile
            .as_ref()
            .unwrap()
            .contains(&vigie::model::Tag::CryptoHoldings)
    );
    let library = Library::load(None);
    let r = report::build(&d, &library, Profile::Full, Lang::Fr, chrono::Local::now());
    assert!(
        r.household.iter().any(|h| h.starts_with("Logement non précisé")),
        "{:?}",
        r.household
    );
    assert!(!r.household.iter().any(|h| h == "Maison"), "{:?}", r.household);
}

#[test]
fn each_export_says_what_it_holds() {
    let dir = tempfile::tempdir().unwrap();
    let id = Store::open(dir.path())
        .unwrap()
        .create(&sample_dossier())
        .unwrap();
    let mut h = harness(dir.path(), Lang::En);
    send(&mut h, Command::Open(id));
    send(&mut h, Command::Navigate(Navigation::Summary));
    assert!(
        h.query_by_label_contains("describes the home's weak points")
            .is_some()
    );
    click(&mut h, "Family handout");
    assert!(h.query_by_label_contains("no weak point of the home").is_some());
    assert!(
        h.query_by_label_contains("describes the home's weak points")
            .is_none()
    );
}

#[test]
fn a_handout_with_nothing_agreed_by_all_says_so_rather_than_all_is_well() {
    let mut d = sample_dossier();
    d.journey = Journey::Family;
    d.answers.clear();
    d.add_member(Role::Adult, "Claire", chrono::Utc::now());
    d.add_member(Role::Adult, "Paul", chrono::Utc::now());
    let library = Library::load(None);
    let r = report::build(&d, &library, Profile::Family, Lang::Fr, chrono::Local::now());
    assert!(r.practices.is_empty());
    let html = String::from_utf8(report::render(&r, report::Format::Html).unwrap()).unwrap();
    assert!(html.contains("Aucune pratique n’est encore approuvée par tous les membres concernés"));
    assert!(!html.contains("Rien à signaler"), "not read as all is well");
}

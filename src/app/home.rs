//! The home screen. At first launch, the three journeys as clear choices.
//! Then the caseload: what is due at a glance (reviews, overdue actions),
//! and the dossiers, searchable (title, household, place), sortable and
//! filterable by journey with the counts shown; damaged files with their
//! error and their backup; the user's checklists that failed to load. The
//! header leads to the household's log of events and exposure inventory,
//! whose due re-checks join what is due.

use chrono::NaiveDate;

use super::command::Command;
use super::household_commands::HouseholdCommand;
use super::state::AppState;
use super::{rows, theme};
use crate::i18n::Tr;
use crate::model::checklist::Journey;
use crate::model::summary::DossierSummary;
use crate::settings::HomeSort;
use crate::store::Listed;

/// The home screen's own state: the search being typed, and the list as
/// last filtered and sorted.
#[derive(Debug, Default)]
pub struct HomeUi {
    /// The search text.
    pub search: String,
    /// The rows shown (indices in the dossier list) and what they were
    /// worked out for.
    shown: Option<(ShownFor, Vec<usize>)>,
}

/// What the rows shown depend on.
#[derive(Clone, Debug, PartialEq, Eq)]
struct ShownFor {
    search: String,
    sort: HomeSort,
    filter: Option<Journey>,
    generation: u64,
}

/// The home screen.
pub fn home_ui(ui: &mut egui::Ui, state: &mut AppState, commands: &mut Vec<Command>) {
    let t = state.tr();
    let tokens = theme::Tokens::of(ui.ctx());
    let today = chrono::Local::now().date_naive();
    egui::Panel::bottom("home_footer").show(ui, |ui| {
        ui.add_space(theme::SPACE_S);
        ui.label(
            egui::RichText::new((t.data_folder)(&state.store.root().display().to_string()))
                .weak()
                .small(),
        );
        ui.add_space(theme::SPACE_S);
    });
    egui::CentralPanel::default().show(ui, |ui| {
        ui.horizontal(|ui| {
            ui.heading(t.home_title);
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if ui.button(egui::RichText::new(t.new_dossier).strong()).clicked() {
                    commands.push(Command::StartNewDossier);
                }
            });
        });
        // The household's records, one click each; then the files that
        // carry dossiers, and the trash. Wrapped, so that a narrow window
        // keeps every button in view.
        ui.horizontal_wrapped(|ui| {
            let journal = super::journal::home_button_text(t, state.household.as_ref());
            if ui.button(journal).clicked() {
                commands.push(HouseholdCommand::ShowJournal.into());
            }
            if ui.button(t.exposure.title).clicked() {
                commands.push(HouseholdCommand::ShowExposure.into());
            }
            ui.separator();
            super::archive_ui::home_buttons_ui(ui, t, commands);
            if ui.button(t.home.trash_button).clicked() {
                commands.push(Command::ShowTrash);
            }
        });
        ui.add_space(theme::SPACE_M);
        if state.list_loading {
            ui.horizontal(|ui| {
                ui.spinner();
                ui.label(egui::RichText::new(t.home.reading_list).weak());
            });
            return;
        }
        due_ui(ui, t, &tokens, state, today, commands);
        if state.dossiers.is_empty() {
            egui::ScrollArea::vertical()
                .auto_shrink(false)
                .show(ui, |ui| first_launch_ui(ui, t, &tokens, state, commands));
            return;
        }
        caseload_bar_ui(ui, t, state, commands);
        ui.add_space(theme::SPACE_S);
        let shown = shown_rows(state);
        egui::ScrollArea::vertical()
            .auto_shrink(false)
            .show_viewport(ui, |ui, viewport| {
                if shown.is_empty() {
                    ui.label(t.nothing_matches);
                }
                // Only the dossiers in view are drawn when the list is long.
                let id = ui.scope_id().with("dossiers");
                rows::list_ui(ui, id, shown.len(), viewport, None, |ui, index| {
                    let i = shown[index];
                    dossier_ui(ui, t, &tokens, &state.dossiers[i], today, commands);
                    ui.add_space(theme::SPACE_S);
                });
                checklist_problems_ui(ui, t, &tokens, state);
            });
    });
}

/// The three journeys, each starting the right new dossier in one click,
/// and what Vigie keeps private and where.
fn first_launch_ui(
    ui: &mut egui::Ui,
    t: &Tr,
    tokens: &theme::Tokens,
    state: &AppState,
    commands: &mut Vec<Command>,
) {
    theme::limit_width(ui, 900.0);
    ui.label(egui::RichText::new(t.home.welcome).size(17.0));
    ui.add_space(theme::SPACE_M);
    for journey in [Journey::Personal, Journey::Referent, Journey::Family] {
        theme::card(tokens.card_bg, ui.visuals().widgets.noninteractive.bg_stroke).show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(egui::RichText::new((t.journey_name)(journey)).strong().size(18.0));
            ui.label((t.home.journey_for)(journey));
            ui.label(egui::RichText::new((t.home.journey_gives)(journey)).weak());
            ui.label(egui::RichText::new((t.home.journey_takes)(journey)).weak());
            ui.add_space(theme::SPACE_S);
            let start = egui::Button::new(egui::RichText::new((t.home.journey_start)(journey)).strong())
                .min_size(egui::vec2(0.0, 32.0));
            if ui.add(start).clicked() {
                commands.push(Command::StartJourney(journey));
            }
        });
        ui.add_space(theme::SPACE_M);
    }
    ui.add_space(theme::SPACE_S);
    ui.label(egui::RichText::new((t.home.privacy_line)(&state.store.root().display().to_string())).weak());
    checklist_problems_ui(ui, t, tokens, state);
}

/// What is due: reviews whose date has come, plans with overdue actions.
fn due_ui(
    ui: &mut egui::Ui,
    t: &Tr,
    tokens: &theme::Tokens,
    state: &AppState,
    today: NaiveDate,
    commands: &mut Vec<Command>,
) {
    let mut due: Vec<(usize, String)> = Vec::new();
    for (i, listed) in state.dossiers.iter().enumerate() {
        let Ok(s) = &listed.summary else {
            continue;
        };
        if let Some(day) = s.review_due.filter(|_| s.review_is_due(today)) {
            due.push((
                i,
                (t.home.due_review)(&s.title, &day.format(t.date_format).to_string()),
            ));
        }
        let overdue = s.overdue(today);
        if overdue > 0 {
            due.push((i, (t.home.due_actions)(&s.title, overdue)));
        }
    }
    let rechecks = super::exposure::due_lines(t, state.lang, state.household.as_ref(), today);
    if due.is_empty() && rechecks.is_empty() {
        return;
    }
    egui::Frame::new()
        .fill(tokens.info_bg)
        .inner_margin(theme::SPACE_M)
        .corner_radius(4.0)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(
                egui::RichText::new((t.home.due_title)(due.len() + rechecks.len()))
                    .strong()
                    .color(tokens.strong_text),
            );
            for (i, text) in due.iter().take(8) {
                let link = ui.link(egui::RichText::new(text).color(tokens.strong_text));
                if link.clicked() {
                    commands.push(Command::Open(state.dossiers[*i].id.clone()));
                }
            }
            if due.len() > 8 {
                ui.label(egui::RichText::new((t.home.and_more)(due.len() - 8)).color(tokens.strong_text));
            }
            for (text, command) in rechecks.iter().take(8) {
                if ui
                    .link(egui::RichText::new(text).color(tokens.strong_text))
                    .clicked()
                {
                    commands.push(command.clone().into());
                }
            }
            if rechecks.len() > 8 {
                ui.label(
                    egui::RichText::new((t.home.and_more)(rechecks.len() - 8)).color(tokens.strong_text),
                );
            }
        });
    ui.add_space(theme::SPACE_M);
}

/// Search, sort, and the journey filter with its counts.
fn caseload_bar_ui(ui: &mut egui::Ui, t: &Tr, state: &mut AppState, commands: &mut Vec<Command>) {
    let mut counts = [0_usize; 3];
    for s in state.dossiers.iter().filter_map(|l| l.summary.as_ref().ok()) {
        counts[journey_index(s.journey)] += 1;
    }
    let sort = state.settings.home_sort;
    let filter = state.settings.home_filter;
    ui.horizontal_wrapped(|ui| {
        let label = ui.label(t.search);
        ui.add(
            egui::TextEdit::singleline(&mut state.views.home.search)
                .hint_text(t.home.search_hint)
                .desired_width(220.0),
        )
        .labelled_by(label.id);
        let label = ui.label(t.home.sort_by);
        egui::ComboBox::from_id_salt("home_sort")
            .selected_text((t.home.sort_name)(sort))
            .show_ui(ui, |ui| {
                for choice in HomeSort::ALL {
                    if ui
                        .selectable_label(sort == choice, (t.home.sort_name)(choice))
                        .clicked()
                    {
                        commands.push(Command::SetHomeSort(choice));
                    }
                }
            })
            .response
            .labelled_by(label.id);
    });
    ui.horizontal_wrapped(|ui| {
        let all = counts.iter().sum::<usize>();
        if ui
            .selectable_label(filter.is_none(), (t.home.all_count)(all))
            .clicked()
        {
            commands.push(Command::SetHomeFilter(None));
        }
        for journey in [Journey::Personal, Journey::Referent, Journey::Family] {
            let text = format!(
                "{} ({})",
                (t.journey_name)(journey),
                counts[journey_index(journey)]
            );
            if ui.selectable_label(filter == Some(journey), text).clicked() {
                commands.push(Command::SetHomeFilter(Some(journey)));
            }
        }
    });
}

fn journey_index(journey: Journey) -> usize {
    match journey {
        Journey::Personal => 0,
        Journey::Referent => 1,
        Journey::Family => 2,
    }
}

/// The dossiers shown, filtered and sorted (worked out again only when the
/// list, the search, the sort or the filter changed). Damaged files are
/// always shown, last.
fn shown_rows(state: &mut AppState) -> Vec<usize> {
    let key = ShownFor {
        search: state.views.home.search.trim().to_lowercase(),
        sort: state.settings.home_sort,
        filter: state.settings.home_filter,
        generation: state.list_generation,
    };
    if let Some((for_key, rows)) = &state.views.home.shown
        && *for_key == key
    {
        return rows.clone();
    }
    let listed = &state.dossiers;
    let mut rows: Vec<usize> = (0..listed.len())
        .filter(|&i| match listed[i].summary.as_ref().ok() {
            Some(s) => key.filter.is_none_or(|j| j == s.journey) && s.matches(&key.search),
            None => key.search.is_empty(),
        })
        .collect();
    let get = |i: usize| listed[i].summary.as_ref().ok();
    rows.sort_by(|&a, &b| match (get(a), get(b)) {
        (Some(x), Some(y)) => compare(x, y, key.sort),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => a.cmp(&b),
    });
    state.views.home.shown = Some((key, rows.clone()));
    rows
}

fn compare(x: &DossierSummary, y: &DossierSummary, sort: HomeSort) -> std::cmp::Ordering {
    let newest = y.modified.cmp(&x.modified);
    match sort {
        HomeSort::LastChange => newest,
        HomeSort::NextReview => match (x.review_due, y.review_due) {
            (Some(a), Some(b)) => a.cmp(&b).then(newest),
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (None, None) => newest,
        },
        HomeSort::OpenCritical => y.open_critical.cmp(&x.open_critical).then(newest),
        HomeSort::Journey => journey_index(x.journey)
            .cmp(&journey_index(y.journey))
            .then_with(|| x.title.to_lowercase().cmp(&y.title.to_lowercase())),
    }
}

fn dossier_ui(
    ui: &mut egui::Ui,
    t: &Tr,
    tokens: &theme::Tokens,
    listed: &Listed,
    today: NaiveDate,
    commands: &mut Vec<Command>,
) {
    egui::Frame::group(ui.style())
        .fill(tokens.card_bg)
        .inner_margin(theme::SPACE_M)
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            match &listed.summary {
                Ok(s) => summary_ui(ui, t, tokens, &listed.id, s, today, commands),
                Err(err) => {
                    ui.label(egui::RichText::new(listed.path.display().to_string()).strong());
                    ui.colored_label(tokens.critical, t.damaged_dossier);
                    ui.label((t.store_error)(err));
                    ui.horizontal_wrapped(|ui| {
                        if listed.has_backup && ui.button(t.open_backup).clicked() {
                            commands.push(Command::OpenBackup(listed.id.clone()));
                        }
                        if ui.button(t.delete).clicked() {
                            commands.push(Command::AskDelete(listed.id.clone()));
                        }
                    });
                }
            }
        });
}

fn summary_ui(
    ui: &mut egui::Ui,
    t: &Tr,
    tokens: &theme::Tokens,
    id: &crate::model::DossierId,
    s: &DossierSummary,
    today: NaiveDate,
    commands: &mut Vec<Command>,
) {
    ui.horizontal_wrapped(|ui| {
        ui.label(egui::RichText::new(&s.title).strong().size(16.0));
        ui.label(egui::RichText::new((t.journey_name)(s.journey)).weak());
        if !s.household.is_empty() {
            ui.label(egui::RichText::new(&s.household).weak());
        }
        if !s.place.is_empty() {
            ui.label(egui::RichText::new(&s.place).weak());
        }
    });
    ui.horizontal_wrapped(|ui| {
        ui.add(
            egui::ProgressBar::new(if s.total == 0 {
                0.0
            } else {
                s.answered as f32 / s.total as f32
            })
            .desired_width(140.0)
            .text((t.answered_of)(s.answered, s.total)),
        );
        ui.label((t.score)(s.score)).on_hover_text(t.score_help);
        if s.open_critical > 0 {
            ui.colored_label(
                tokens.critical,
                format!("▲ {}", (t.open_critical)(s.open_critical)),
            );
        }
        let modified = s
            .modified
            .with_timezone(&chrono::Local)
            .format(t.datetime_format)
            .to_string();
        ui.label(egui::RichText::new((t.changed_on)(&modified)).weak());
        if s.journey == Journey::Family && s.cards.1 > 0 {
            ui.label((t.journeys.cards_agreed)(s.cards.0, s.cards.1));
        }
        if let Some(due) = s.review_due.filter(|_| s.review_is_due(today)) {
            let due = due.format(t.date_format).to_string();
            ui.colored_label(
                tokens.critical,
                egui::RichText::new((t.review_due_badge)(&due)).strong(),
            );
        }
        let overdue = s.overdue(today);
        if overdue > 0 {
            ui.colored_label(tokens.critical, (t.home.overdue_actions)(overdue));
        }
    });
    ui.horizontal_wrapped(|ui| {
        if ui.button(egui::RichText::new(t.open).strong()).clicked() {
            commands.push(Command::Open(id.clone()));
        }
        if ui.button(t.rename).clicked() {
            commands.push(Command::AskRename(id.clone()));
        }
        if ui.button(t.duplicate).clicked() {
            commands.push(Command::Duplicate(id.clone()));
        }
        if ui.button(t.new_review).clicked() {
            commands.push(Command::NewReview(id.clone()));
        }
        if ui.button(t.delete).clicked() {
            commands.push(Command::AskDelete(id.clone()));
        }
    });
}

/// The user's checklists that failed to load, or loaded with warnings.
fn checklist_problems_ui(ui: &mut egui::Ui, t: &Tr, tokens: &theme::Tokens, state: &AppState) {
    if !state.library.errors.is_empty() {
        ui.add_space(theme::SPACE_L);
        ui.strong(t.checklist_errors);
        for err in &state.library.errors {
            ui.colored_label(tokens.critical, err.describe(state.lang));
        }
    }
    if !state.library.warnings.is_empty() {
        ui.add_space(theme::SPACE_L);
        ui.strong(t.home.checklist_warnings);
        for warning in &state.library.warnings {
            ui.label(format!("⚠ {}", warning.describe(state.lang)));
        }
    }
}

//! The household questions: a few plain questions whose answers become the
//! dossier's profile tags (asked when a dossier is created, changeable later).

use std::collections::BTreeSet;

use crate::i18n::Tr;
use crate::model::checklist::Tag;

/// Where the household lives.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dwelling {
    /// A house.
    House,
    /// A flat.
    Flat,
    /// Both, or rather not say: items for either are shown.
    Both,
}

/// The yes/no questions, in the order they are asked.
pub const YES_NO: [Tag; 8] = [
    Tag::Children,
    Tag::Teenagers,
    Tag::ElderlyRelatives,
    Tag::HouseholdStaff,
    Tag::CompanyDirector,
    Tag::PublicProfile,
    Tag::CryptoHoldings,
    Tag::SecondHome,
];

/// The answers being given.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HouseholdDraft {
    /// Where the household lives.
    pub dwelling: Dwelling,
    /// The yes answers among [`YES_NO`].
    pub yes: BTreeSet<Tag>,
}

impl Default for HouseholdDraft {
    /// A new dossier: Vigie is made for households that hold crypto-assets,
    /// so that answer starts ticked (untick it if it does not apply).
    fn default() -> Self {
        Self {
            dwelling: Dwelling::Both,
            yes: [Tag::CryptoHoldings].into_iter().collect(),
        }
    }
}

impl HouseholdDraft {
    /// The draft for an existing profile (`None`: everything shown, so
    /// every question answered yes).
    #[must_use]
    pub fn from_profile(profile: Option<&BTreeSet<Tag>>) -> Self {
        let Some(tags) = profile else {
            return Self {
                dwelling: Dwelling::Both,
                yes: YES_NO.into_iter().collect(),
            };
        };
        let dwelling = match (tags.contains(&Tag::House), tags.contains(&Tag::Flat)) {
            (true, false) => Dwelling::House,
            (false, true) => Dwelling::Flat,
            _ => Dwelling::Both,
        };
        Self {
            dwelling,
            yes: tags.iter().copied().filter(|t| YES_NO.contains(t)).collect(),
        }
    }

    /// The profile tags the answers give.
    #[must_use]
    pub fn tags(&self) -> BTreeSet<Tag> {
        let mut tags = self.yes.clone();
        match self.dwelling {
            Dwelling::House => {
                tags.insert(Tag::House);
            }
            Dwelling::Flat => {
                tags.insert(Tag::Flat);
            }
            Dwelling::Both => {
                tags.insert(Tag::House);
                tags.insert(Tag::Flat);
            }
        }
        tags
    }
}

/// The questions, editing `draft`.
pub fn household_ui(ui: &mut egui::Ui, t: &Tr, draft: &mut HouseholdDraft) {
    ui.label(t.q_dwelling);
    ui.horizontal_wrapped(|ui| {
        for (choice, label) in [
            (Dwelling::House, t.dwelling_house),
            (Dwelling::Flat, t.dwelling_flat),
            (Dwelling::Both, t.dwelling_both),
        ] {
            ui.radio_value(&mut draft.dwelling, choice, label);
        }
    });
    for tag in YES_NO {
        let mut yes = draft.yes.contains(&tag);
        if ui.checkbox(&mut yes, (t.question)(tag)).changed() {
            if yes {
                draft.yes.insert(tag);
            } else {
                draft.yes.remove(&tag);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_round_trip_through_tags() {
        let draft = HouseholdDraft {
            dwelling: Dwelling::Flat,
            yes: [Tag::Children, Tag::CryptoHoldings].into_iter().collect(),
        };
        let tags = draft.tags();
        assert!(tags.contains(&Tag::Flat) && !tags.contains(&Tag::House));
        assert_eq!(HouseholdDraft::from_profile(Some(&tags)), draft);
    }

    #[test]
    fn both_dwellings_show_house_and_flat_items() {
        let tags = HouseholdDraft::default().tags();
        assert!(tags.contains(&Tag::House) && tags.contains(&Tag::Flat));
    }

    #[test]
    fn a_new_dossier_holds_crypto_assets_unless_told_otherwise() {
        assert!(HouseholdDraft::default().tags().contains(&Tag::CryptoHoldings));
    }
}

//! The report's words, in English.

use super::{EmergencyNumber, Labels, Texts};
use crate::lang::Lang;
use crate::report::Profile;
use crate::words;

/// The English words of the report.
pub static EN: Texts = Texts {
    labels: Labels {
        confidential: "Confidential",
        page: "Page",
        generated_on: "Made on",
        created_on: "Created on",
        modified_on: "Last changed",
        household: "Household",
        checklists: "Checklists",
        overview: "Overview",
        answered: "Items answered",
        score: "Risk-weighted score",
        score_explained: "Each item weighs by its priority (critical 8, high 4, medium 2, low 1); a done item earns its whole weight, a partly done item half of it.",
        open_critical: "Critical items still open",
        by_section: "By section",
        col_section: "Section",
        col_answered: "Answered",
        col_score: "Score",
        col_critical: "Open critical",
        col_priority: "Priority",
        col_item: "Item",
        col_status: "Status",
        col_note: "Note",
        action_plan: "Action plan",
        action_plan_intro: "Every item not done yet, most important first.",
        in_place: "What is in place",
        notes: "Notes",
        orphans: "Answers to items that no longer exist",
        sources: "Sources",
        nothing: "Nothing to report.",
        no_practice_agreed: "No practice is agreed by every member concerned yet: review the cards together in Vigie.",
        practices: "Our vigilance practices",
        practices_intro: "The practices the family reviewed and agreed together.",
        emergency_title: "Emergency sheet",
        emergency_intro: "Keep it near the phone, out of visitors’ sight, and know it by heart.",
        numbers: &[
            EmergencyNumber {
                number: "17",
                name: "Police or gendarmerie",
                when: "Immediate danger, intrusion, assault, being followed, kidnapping or ransom call, even if you were told not to call",
            },
            EmergencyNumber {
                number: "112",
                name: "European emergency number",
                when: "From any EU country, or when another number does not get through",
            },
            EmergencyNumber {
                number: "114",
                name: "Emergency by text, app, chat or video",
                when: "When you cannot speak: deaf or hard of hearing, or to alert discreetly; free, 24/7",
            },
            EmergencyNumber {
                number: "15",
                name: "SAMU (ambulance)",
                when: "Medical emergency",
            },
            EmergencyNumber {
                number: "18",
                name: "Fire brigade",
                when: "Fire, accident, rescue",
            },
            EmergencyNumber {
                number: "masecurite.interieur.gouv.fr",
                name: "Ma Sécurité",
                when: "24/7 chat with a police officer or gendarme: report, ask for advice",
            },
            EmergencyNumber {
                number: "17cyber.gouv.fr",
                name: "17Cyber",
                when: "Online attack: hacking, blackmail, fraud",
            },
            EmergencyNumber {
                number: "33700",
                name: "Reporting",
                when: "Fraudulent text or call received",
            },
            EmergencyNumber {
                number: "0\u{a0}805\u{a0}805\u{a0}817",
                name: "Info Escroqueries",
                when: "Advice on a scam, no complaints taken; free",
            },
            EmergencyNumber {
                number: "116\u{a0}006",
                name: "Victim support",
                when: "After an attack: listening and support, victims and relatives; free, 7 days a week",
            },
        ],
        col_number: "Number",
        col_who: "Who answers",
        col_when: "When to call",
        call_first: "Who to call first",
        call_first_text: "In danger: first 17 (or 112), as soon as you can call without being seen, even if attackers or kidnappers told you not to. If you cannot speak, text 114. Only then tell your relatives, in the agreed order. Kidnapping or ransom call: call 17 at once, keep the contact open, pay nothing on your own; one person speaks to the kidnappers, following the investigators, and logs every call (time, number, exact words); post nothing and tell no one but the investigators and the relatives concerned.",
        by_hand: "To fill in by hand",
        by_hand_lines: &[
            "Meeting point near home",
            "Meeting point outside the neighborhood",
            "Trusted person to call",
            "Second trusted person",
            "Company security contact",
        ],
        by_hand_warning: "Write no code, password, verification word, duress signal or recovery phrase on this sheet.",
        blank_intro: "Tick one box per item during the visit; write findings at the end of each section.",
        blank_columns: &["Done", "Partly", "To do", "N/A"],
        observations: "Findings and recommendations",
        col_owner: "Owner",
        col_due: "Due",
        col_recommendation: "Recommendation",
        overdue: "overdue",
        members_title: "Everyone’s cards",
        members_intro: "For each family member, the practices that concern them; ✓: read and agreed together.",
        agreed: "✓ read and agreed",
        not_yet: "to read together",
    },
    keep_safe_for: |p| match p {
        Profile::Full => {
            "Confidential document: it describes a home's weak points. Keep it somewhere safe and destroy it when it is no longer needed."
        }
        Profile::Family => {
            "The family's document: first names, the practices agreed and the emergency sheet, with no weak point of the home. Keep it out of visitors' sight."
        }
        Profile::Emergency => {
            "Emergency sheet: it does not describe the home, but what is written on it by hand is personal. Keep it near the phone, out of visitors' sight."
        }
        Profile::Blank => {
            "Blank form: once filled in, it will describe a home's weak points. Keep it somewhere safe then."
        }
    },
    date_format: "%Y-%m-%d",
    datetime_format: "%Y-%m-%d %H:%M",
    answered_of: |a, t| format!("{a}/{t} answered"),
    journey_name: |j| words::journey(Lang::En, j),
    role_name: |r| words::role(Lang::En, r),
    tag_name: |t| words::tag(Lang::En, t),
    priority_name: |p| words::priority(Lang::En, p),
    status_name: |s| words::status(Lang::En, s),
    finding_name: |s| words::finding(Lang::En, s),
    referent_name: "Security referent’s name",
    referent_unit: "Unit",
    household: "Household visited",
    visit_date: "Date of the visit",
    place: "Place",
    people_present: "People present",
    address: "Address (optional)",
    address_sensitive: "Sensitive: together with the findings, the address points to a target. Only write it down if it helps.",
    review_due_label: "Next review",
    signoff_title: "Sign-off of the visit",
    signoff_household: "Household member’s name",
    signoff_date: "Date of the sign-off",
    findings_summary: |done, partly, todo, na, unseen| {
        format!(
            "{done} compliant, {partly} to improve, {todo} not compliant, {na} not applicable, {unseen} not seen"
        )
    },
    changes_since: |t, d| format!("Since “{t}” ({d})"),
    newly_done: |n| format!("Newly done ({n})"),
    newly_failing: |n| format!("Newly failing ({n})"),
    still_open: |n| format!("Still open ({n})"),
    report_visit_subtitle: "Report of the security referent's visit, written with Vigie: not an official security diagnostic",
    report_findings: "Findings and recommendations",
    report_findings_intro: "What the referent found: first the points not compliant, then those to improve, each by priority.",
    report_unseen: "Items not seen",
    report_unseen_intro: "These items were not examined during the visit: nothing was found about them.",
    report_pending: "Not agreed by everyone yet",
    report_findings_label: "Findings:",
    report_source_checked: |url, day| format!("{url} (advice checked on {day})"),
    report_changed_since_signed: |day| format!("Changed after the sign-off of {day}"),
    report_changed_notice: |day, n| {
        let what = if n == 1 {
            "1 change".to_owned()
        } else {
            format!("{n} changes")
        };
        format!(
            "Visit signed on {day}, then changed ({what}): see “Changed after the sign-off” at the end of the report. The findings below are today’s."
        )
    },
    report_earlier_signoff: "Earlier sign-off",
    report_earlier_signoff_value: |day, referent, household, replaced| {
        format!("{day}, by {referent} and {household} (replaced on {replaced})")
    },
    report_dwelling_unspecified: "Dwelling not given (house or flat)",
    report_not_yet_by: |names| format!("not yet: {names}"),
};

//! Closed lists of codes stored in the database and shown translated (`t(prefix ~ code)`).

/// Declares an enum of codes with its stored string (a sea-orm active enum, serialized as the
/// same string, and an enum of the JSON API's contract), the list of all codes and parsing.
macro_rules! code_enum {
    ($(#[$doc:meta])* $name:ident { $($variant:ident => $code:literal),+ $(,)? }) => {
        $(#[$doc])*
        #[derive(
            Clone,
            Copy,
            Debug,
            PartialEq,
            Eq,
            Hash,
            sea_orm::EnumIter,
            sea_orm::DeriveActiveEnum,
            serde::Serialize,
            serde::Deserialize,
            poem_openapi::Enum,
        )]
        #[sea_orm(rs_type = "String", db_type = "Text")]
        pub enum $name {
            $(
                #[sea_orm(string_value = $code)]
                #[serde(rename = $code)]
                #[oai(rename = $code)]
                $variant
            ),+
        }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            pub fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $code),+
                }
            }

            pub fn parse(code: &str) -> Option<Self> {
                match code {
                    $($code => Some($name::$variant),)+
                    _ => None,
                }
            }

            pub fn codes() -> Vec<&'static str> {
                Self::ALL.iter().map(|c| c.as_str()).collect()
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

code_enum!(
    /// The contracts an offer is open to.
    ContractType {
        TitulaireContractuel => "titulaire_contractuel",
        Contractuel => "contractuel",
        Freelance => "freelance",
        Alternance => "alternance",
        Stage => "stage",
        Vie => "vie",
    }
);

code_enum!(
    /// The professions of the catalogue.
    Profession {
        Architecture => "architecture",
        Developpement => "developpement",
        Donnees => "donnees",
        Gestion => "gestion",
        Infrastructure => "infrastructure",
        ProjetProduit => "projet_produit",
        Design => "design",
        Securite => "securite",
        Cloud => "cloud",
        Support => "support",
        Autre => "autre",
    }
);

code_enum!(
    /// How much of the work may be done remotely.
    RemotePolicy {
        Total => "total",
        Partiel => "partiel",
        Aucun => "aucun",
    }
);

code_enum!(
    /// The civil service category (A: management and design, B: application, C: execution).
    Category {
        A => "A",
        B => "B",
        C => "C",
    }
);

code_enum!(
    /// The experience an offer asks for, as shown in the listing filter.
    Experience {
        Debutant => "debutant",
        Confirme => "confirme",
        Expert => "expert",
    }
);

code_enum!(
    /// How candidates apply.
    ApplyMode {
        OnSite => "on_site",
        External => "external",
        Email => "email",
    }
);

code_enum!(
    /// Where an application made on the site stands; `hired` is a recruitment made through
    /// the site.
    ApplicationStatus {
        Received => "received",
        InReview => "in_review",
        Interview => "interview",
        Hired => "hired",
        NotRetained => "not_retained",
    }
);

code_enum!(
    /// Why an application was not retained, told to the candidate.
    NotRetainedReason {
        ProfileMismatch => "profile_mismatch",
        Experience => "experience",
        OtherCandidate => "other_candidate",
        PositionClosed => "position_closed",
        Eligibility => "eligibility",
        Other => "other",
    }
);

code_enum!(
    /// The life cycle of offers and stories (`docs/architecture.md`, "Content life cycle").
    Status {
        Draft => "draft",
        PendingReview => "pending_review",
        ChangesRequested => "changes_requested",
        Published => "published",
        Rejected => "rejected",
        Filled => "filled",
        Expired => "expired",
        Archived => "archived",
    }
);

impl Experience {
    /// The inclusive range of required years this bucket covers.
    pub fn years(self) -> (i32, Option<i32>) {
        match self {
            Experience::Debutant => (0, Some(2)),
            Experience::Confirme => (3, Some(5)),
            Experience::Expert => (6, None),
        }
    }
}

code_enum!(
    /// What a candidate asks of their personal data.
    DataRequestKind {
        Export => "export",
        Erase => "erase",
    }
);

code_enum!(
    /// How often a job alert is sent.
    AlertFrequency {
        Daily => "daily",
        Weekly => "weekly",
    }
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip() {
        for code in ContractType::ALL {
            assert_eq!(ContractType::parse(code.as_str()), Some(*code));
        }
        assert_eq!(
            Profession::parse("projet_produit"),
            Some(Profession::ProjetProduit)
        );
        assert_eq!(Status::parse("pourvue"), None);
    }
}

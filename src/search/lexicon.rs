//! The maintained word lists of search: what each code of an offer may be searched by (in
//! French and English), and the other words a typed word also finds. Written as candidates
//! type, read through [`super::words::terms`]; add to them when the quality table
//! (`tests/search.rs`) shows a miss.

use crate::codes::{Category, ContractType, Profession, RemotePolicy};

/// The words that find offers of `profession`.
pub fn profession_words(profession: Profession) -> &'static str {
    match profession {
        Profession::Architecture => "architecture architecte architect urbaniste",
        Profession::Developpement => {
            "développement développeur·se developer development software logiciel"
        }
        Profession::Donnees => "données data donnée analyste statistique",
        Profession::Gestion => "gestion pilotage management",
        Profession::Infrastructure => {
            "infrastructure exploitation administrateur·rice système réseau operations"
        }
        Profession::ProjetProduit => "projet produit project product chef·fe",
        Profession::Design => "design designer ux ui expérience utilisateur",
        Profession::Securite => "sécurité cybersécurité security cyber",
        Profession::Cloud => "cloud",
        Profession::Support => "support assistance helpdesk",
        Profession::Autre => "",
    }
}

/// The words that find offers open to `contract`.
pub fn contract_words(contract: ContractType) -> &'static str {
    match contract {
        ContractType::TitulaireContractuel => {
            "titulaire fonctionnaire contractuel·le cdd cdi permanent"
        }
        ContractType::Contractuel => "contractuel·le cdd cdi contract",
        ContractType::Freelance => "freelance indépendant·e",
        ContractType::Alternance => "alternance alternant·e apprentissage apprenticeship",
        ContractType::Stage => "stage stagiaire internship intern",
        ContractType::Vie => "vie volontariat international",
    }
}

/// The words that find offers with `policy`.
pub fn remote_words(policy: RemotePolicy) -> &'static str {
    match policy {
        RemotePolicy::Total => "télétravail remote distance",
        RemotePolicy::Partiel => "télétravail remote hybride",
        RemotePolicy::Aucun => "présentiel",
    }
}

/// The words that find offers of `category` ("catégorie A").
pub fn category_words(category: Category) -> &'static str {
    match category {
        Category::A => "catégorie A",
        Category::B => "catégorie B",
        Category::C => "catégorie C",
    }
}

/// Other terms a typed term also finds (English words on the French catalogue, acronyms and
/// short forms), as (typed, also found) in raw words.
const SYNONYMS: &[(&str, &str)] = &[
    ("developer", "développeur"),
    ("development", "développement"),
    ("dev", "développeur"),
    ("engineer", "ingénieur"),
    ("engineering", "ingénierie"),
    ("manager", "chef responsable"),
    ("head", "chef responsable"),
    ("lead", "chef responsable"),
    ("project", "projet"),
    ("product", "produit"),
    ("security", "sécurité"),
    ("cybersecurity", "sécurité"),
    ("cyber", "sécurité"),
    ("rssi", "sécurité"),
    ("network", "réseau"),
    ("networks", "réseau"),
    ("data", "données"),
    ("analyst", "analyste"),
    ("architect", "architecte"),
    ("administrator", "administrateur"),
    ("admin", "administrateur"),
    ("sysadmin", "administrateur"),
    ("system", "système"),
    ("systems", "système"),
    ("software", "logiciel"),
    ("internship", "stage"),
    ("intern", "stage"),
    ("apprenticeship", "alternance"),
    ("apprentissage", "alternance"),
    ("remote", "télétravail"),
    ("teletravail", "télétravail"),
    ("permanent", "cdi"),
    ("designer", "design"),
    ("ux", "design"),
    ("ui", "design"),
    ("ergonome", "design"),
    ("user", "utilisateur"),
    ("digital", "numérique"),
    ("ai", "ia intelligence"),
    ("ia", "intelligence"),
    ("ml", "apprentissage"),
    ("devops", "devops sre"),
    ("sre", "devops"),
    ("ministry", "ministère"),
    ("helpdesk", "support"),
    ("technician", "technicien"),
    ("director", "directeur"),
    ("officer", "chargé"),
];

/// The terms `term` also finds, besides itself.
pub fn synonyms_of(term: &str) -> Vec<String> {
    SYNONYMS
        .iter()
        .filter(|(typed, _)| super::words::stem(typed) == term)
        .flat_map(|(_, found)| super::words::terms(found))
        .map(|t| t.term)
        .filter(|found| found != term)
        .collect()
}

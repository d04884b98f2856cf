//! The in-memory catalogue of published offers: an inverted index of their terms with a
//! weight per field, and the few facts the listing filters and counts. Built from the
//! database, changed in place as offers change (see [`super::SearchIndex`]); answering a
//! query reads memory only.

use std::collections::{BTreeMap, HashMap};

use chrono::{DateTime, Utc};

use super::{lexicon, words};
use crate::{
    codes::{Category, ContractType, Experience, Profession, RemotePolicy},
    offers::OfferFilter,
    regions::REGIONS,
};

/// How much a term weighs in each part of an offer.
mod weight {
    pub const TITLE: u8 = 8;
    pub const PROFESSION_AND_SKILLS: u8 = 5;
    pub const FACTS: u8 = 3;
    pub const BODY: u8 = 1;
}

/// How much a term found other than as typed counts, against 1 for the typed word.
const SYNONYM: f32 = 0.9;
const PREFIX: f32 = 0.5;
const CORRECTION: f32 = 0.4;
/// At most this many longer terms stand for a word typed as a prefix.
const MAX_PREFIX_TERMS: usize = 64;
/// The words of a query that count (the box takes 200 characters; each word costs a look-up
/// and, misspelt, a pass over the vocabulary).
const MAX_QUERY_TERMS: usize = 8;
/// A likelier spelling is a word found in at least this many offers.
const FEW: usize = 3;

/// What an offer is searched and filtered by, read from its row (see `super::texts`).
pub struct OfferText {
    pub id: i32,
    pub tenant_id: i32,
    pub structure: Option<String>,
    pub title: String,
    pub body: Vec<String>,
    pub skills: String,
    pub profession: Profession,
    pub contracts: Vec<ContractType>,
    pub category: Option<Category>,
    pub remote_policy: RemotePolicy,
    pub experience_min_years: Option<i32>,
    pub city: String,
    pub postal_code: String,
    pub department: String,
    pub region: String,
    pub published_at: Option<DateTime<Utc>>,
    pub expires_at: Option<DateTime<Utc>>,
}

/// A ministry as search knows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Ministry {
    pub id: i32,
    pub slug: String,
    pub words: String,
    pub active: bool,
}

/// Stands for "none" in a [`Document`]'s one-byte positions.
const NONE: u8 = u8::MAX;

/// The facts of one indexed offer, as positions in the closed lists, so that a pass over
/// every live offer stays a pass over memory.
struct Document {
    id: i32,
    /// Its ministry's place in [`Catalogue::ministries`].
    ministry: u16,
    /// Places in `Profession::ALL`, `Category::ALL` (or [`NONE`]) and `REGIONS` (or [`NONE`]).
    profession: u8,
    category: u8,
    region: u8,
    /// One bit per place in `ContractType::ALL`.
    contracts: u8,
    remote_policy: RemotePolicy,
    experience_min_years: Option<i32>,
    /// Milliseconds since the epoch: when it shows (`i64::MIN`: at once) and until when
    /// (`i64::MAX`: no end).
    published_at: i64,
    expires_at: i64,
    /// False once the offer changed or left: its postings are skipped until the next rebuild.
    alive: bool,
}

/// The place of `value` in `all`, or [`NONE`].
fn place<T: PartialEq>(all: &[T], value: &T) -> u8 {
    all.iter()
        .position(|item| item == value)
        .map_or(NONE, |place| place as u8)
}

/// The offers holding one term, by document slot, with the term's weight in each.
#[derive(Default)]
struct Postings {
    slots: Vec<u32>,
    weights: Vec<u8>,
    /// The word as first read, accents kept, for suggestions; from the heaviest field.
    surface: String,
    surface_weight: u8,
}

/// The facets the listing counts offers by, for the current query.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Facet {
    Ministry = 0,
    Profession,
    Contract,
    Region,
    Category,
}

/// Offers per value of each facet, for the current query and the other facets' filters.
#[derive(Debug, Default)]
pub struct FacetCounts {
    pub ministries: HashMap<i32, u64>,
    pub professions: HashMap<Profession, u64>,
    pub contracts: HashMap<ContractType, u64>,
    pub regions: HashMap<String, u64>,
    pub categories: HashMap<Category, u64>,
}

/// Figures of the live catalogue.
#[derive(Debug, Default)]
pub struct Figures {
    pub offers: u64,
    pub regions: u64,
    /// Live offers per ministry id.
    pub by_tenant: HashMap<i32, u64>,
}

/// How results are ordered.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Order {
    /// Best match first, fresher on ties (the default when words are searched).
    #[default]
    Relevance,
    /// Newest first.
    Recent,
}

/// The answer to a search: the ids of the asked page, how many offers match, the facet
/// counts and, when a word looked misspelt, the query as it was probably meant.
#[derive(Debug, Default)]
pub struct Found {
    pub ids: Vec<i32>,
    pub total: u64,
    pub facets: FacetCounts,
    pub suggestion: Option<String>,
}

/// A query word with the terms that stand for it and how much each counts.
struct Group {
    alternatives: Vec<(u32, f32)>,
}

/// The index.
#[derive(Default)]
pub struct Catalogue {
    documents: Vec<Document>,
    slot_of: HashMap<i32, u32>,
    /// Every term, in order (for words typed as prefixes and misspellings).
    vocabulary: BTreeMap<String, u32>,
    /// Every term, for exact look-ups.
    lookup: HashMap<String, u32>,
    postings: Vec<Postings>,
    ministries: Vec<Ministry>,
    /// The directions' names by id, as indexed.
    directions: HashMap<i32, String>,
    dead: usize,
}

impl Catalogue {
    pub fn new(ministries: Vec<Ministry>, directions: HashMap<i32, String>) -> Self {
        Self {
            ministries,
            directions,
            ..Self::default()
        }
    }

    pub fn directions(&self) -> &HashMap<i32, String> {
        &self.directions
    }

    pub fn ministries(&self) -> &[Ministry] {
        &self.ministries
    }

    /// How many offers are indexed.
    pub fn indexed_offers(&self) -> usize {
        self.slot_of.len()
    }

    /// Whether more offers were indexed then changed or removed than are indexed now: a
    /// rebuild would give their room back.
    pub fn is_worn(&self) -> bool {
        self.dead > self.slot_of.len()
    }

    /// Forgets offer `id` (it changed, or is no longer published).
    pub fn remove(&mut self, id: i32) {
        if let Some(slot) = self.slot_of.remove(&id) {
            self.documents[slot as usize].alive = false;
            self.dead += 1;
        }
    }

    /// Indexes a prepared offer, replacing what was known of it.
    pub fn insert(&mut self, prepared: Prepared) {
        self.remove(prepared.document.id);
        let slot = self.documents.len() as u32;
        for (term, weight, surface) in prepared.terms {
            let index = match self.lookup.get(&term) {
                Some(&index) => index,
                None => {
                    let index = self.postings.len() as u32;
                    self.postings.push(Postings::default());
                    self.vocabulary.insert(term.clone(), index);
                    self.lookup.insert(term, index);
                    index
                }
            };
            let postings = &mut self.postings[index as usize];
            postings.slots.push(slot);
            postings.weights.push(weight);
            if weight > postings.surface_weight {
                postings.surface = surface;
                postings.surface_weight = weight;
            }
        }
        self.slot_of.insert(prepared.document.id, slot);
        self.documents.push(prepared.document);
    }

    /// The live offers, as slots.
    fn live(&self, now: DateTime<Utc>) -> impl Iterator<Item = (u32, &Document)> {
        let active: Vec<bool> = self.ministries.iter().map(|m| m.active).collect();
        let now = now.timestamp_millis();
        self.documents
            .iter()
            .enumerate()
            .filter(move |(_, d)| {
                d.alive
                    && d.published_at <= now
                    && d.expires_at > now
                    && active.get(usize::from(d.ministry)) == Some(&true)
            })
            .map(|(slot, d)| (slot as u32, d))
    }

    /// Figures of the live catalogue.
    pub fn figures(&self, now: DateTime<Utc>) -> Figures {
        let mut by_ministry = vec![0u64; self.ministries.len()];
        let mut regions = [false; REGIONS.len()];
        for (_, document) in self.live(now) {
            by_ministry[usize::from(document.ministry)] += 1;
            if let Some(seen) = regions.get_mut(usize::from(document.region)) {
                *seen = true;
            }
        }
        Figures {
            offers: by_ministry.iter().sum(),
            regions: regions.iter().filter(|seen| **seen).count() as u64,
            by_tenant: self.by_ministry_id(&by_ministry),
        }
    }

    /// `counts` by ministry place, as counts by ministry id (those above 0).
    fn by_ministry_id(&self, counts: &[u64]) -> HashMap<i32, u64> {
        self.ministries
            .iter()
            .zip(counts)
            .filter(|(_, count)| **count > 0)
            .map(|(ministry, count)| (ministry.id, *count))
            .collect()
    }

    /// The ids of the newest live offers, of one ministry or all.
    pub fn latest(&self, tenant_id: Option<i32>, limit: usize, now: DateTime<Utc>) -> Vec<i32> {
        let ministry = tenant_id.map(|id| self.ministry_place(id));
        let mut newest: Vec<(i64, i32)> = self
            .live(now)
            .filter(|(_, d)| ministry.is_none_or(|place| d.ministry == place))
            .map(|(_, d)| (d.published_at, d.id))
            .collect();
        top(&mut newest, limit, |a, b| b.cmp(a));
        newest.into_iter().map(|(_, id)| id).collect()
    }

    /// The place of ministry `id` in [`Catalogue::ministries`] (`u16::MAX` if unknown).
    fn ministry_place(&self, id: i32) -> u16 {
        self.ministries
            .iter()
            .position(|m| m.id == id)
            .map_or(u16::MAX, |place| place as u16)
    }

    /// The live offers matching `filter`, the page `offset..offset + limit` of them in `order`,
    /// with the facet counts; `since` keeps only offers published after it.
    pub fn search(
        &self,
        filter: &OfferFilter,
        order: Order,
        offset: usize,
        limit: usize,
        since: Option<DateTime<Utc>>,
        now: DateTime<Utc>,
    ) -> Found {
        let typed: Vec<words::Term> = words::terms(&filter.q)
            .into_iter()
            .take(MAX_QUERY_TERMS)
            .collect();
        let mut suggestion = None;
        let scores = if typed.is_empty() {
            None
        } else {
            let (groups, corrected) = self.groups(&typed);
            if corrected.iter().any(Option::is_some) {
                suggestion = Some(with_corrections(&filter.q, &typed, &corrected));
            }
            Some(self.scores(&groups))
        };
        let wanted = Wanted {
            ministry: filter.ministry.as_ref().map(|slug| {
                self.ministries
                    .iter()
                    .position(|m| &m.slug == slug)
                    .map_or(u16::MAX, |place| place as u16)
            }),
            profession: filter.profession.map(|p| place(Profession::ALL, &p)),
            contracts: filter
                .contract_type
                .map(|c| 1 << place(ContractType::ALL, &c)),
            region: filter.region.as_ref().map(|code| region_place(code)),
            category: filter.category.map(|c| place(Category::ALL, &c)),
        };
        let since = since.map(|at| at.timestamp_millis());
        let mut tally = Tally::new(self.ministries.len());
        let mut results: Vec<(f32, i64, i32)> = Vec::new();
        for (slot, document) in self.live(now) {
            let score = match &scores {
                Some(scores) => match scores[slot as usize] {
                    score if score > 0.0 => score,
                    _ => continue,
                },
                None => 0.0,
            };
            if since.is_some_and(|since| document.published_at <= since)
                || !passes_fixed_filters(filter, document)
            {
                continue;
            }
            let failed = wanted.misses(document);
            tally.count(document, failed);
            if failed == 0 {
                results.push((score, document.published_at, document.id));
            }
        }
        let total = results.len() as u64;
        let shown = offset.saturating_add(limit);
        match (order, &scores) {
            (Order::Relevance, Some(_)) => top(&mut results, shown, |a, b| {
                b.0.total_cmp(&a.0).then(b.1.cmp(&a.1)).then(b.2.cmp(&a.2))
            }),
            _ => top(&mut results, shown, |a, b| {
                b.1.cmp(&a.1).then(b.2.cmp(&a.2))
            }),
        }
        Found {
            ids: results
                .into_iter()
                .skip(offset)
                .map(|(_, _, id)| id)
                .collect(),
            total,
            facets: tally.into_counts(self),
            suggestion,
        }
    }

    /// The terms standing for each typed word and, per word, its likelier spelling when it
    /// looked misspelt.
    fn groups(&self, typed: &[words::Term]) -> (Vec<Group>, Vec<Option<String>>) {
        let mut groups = Vec::new();
        let mut corrected = Vec::new();
        for word in typed {
            let mut alternatives: Vec<(u32, f32)> = Vec::new();
            if let Some(&index) = self.lookup.get(&word.term) {
                alternatives.push((index, 1.0));
            }
            for synonym in lexicon::synonyms_of(&word.term) {
                if let Some(&index) = self.lookup.get(&synonym) {
                    alternatives.push((index, SYNONYM));
                }
            }
            if word.term.chars().count() >= 3 && word.term.chars().all(char::is_alphanumeric) {
                alternatives.extend(
                    self.vocabulary
                        .range(word.term.clone()..)
                        .skip_while(|(term, _)| **term == word.term)
                        .take_while(|(term, _)| term.starts_with(&word.term))
                        .take(MAX_PREFIX_TERMS)
                        .map(|(_, &index)| (index, PREFIX)),
                );
            }
            let found: usize = alternatives
                .iter()
                .map(|(index, _)| self.postings[*index as usize].slots.len())
                .sum();
            let mut correction = None;
            if found == 0
                && let Some(index) = self.likelier_spelling(&word.term)
            {
                alternatives.push((index, CORRECTION));
                correction = Some(self.postings[index as usize].surface.clone());
            }
            groups.push(Group { alternatives });
            corrected.push(correction);
        }
        (groups, corrected)
    }

    /// The known term closest to `term` (one typo in a word of 4 to 7 letters, two from 8;
    /// none in words with digits or symbols, such as `c++` or `categorie-a`),
    /// found in at least [`FEW`] offers; among the closest, the one read in the heaviest
    /// field (a title's word over a body's), then the most frequent.
    fn likelier_spelling(&self, term: &str) -> Option<u32> {
        let length = term.chars().count();
        let limit = match length {
            _ if !term.chars().all(char::is_alphabetic) => return None,
            0..=3 => return None,
            4..=7 => 1,
            _ => 2,
        };
        self.vocabulary
            .iter()
            .filter(|(candidate, _)| candidate.len().abs_diff(term.len()) <= limit)
            .filter_map(|(candidate, &index)| {
                let distance = words::distance(term, candidate, limit)?;
                let postings = &self.postings[index as usize];
                let frequency = postings.slots.len();
                (distance > 0 && frequency >= FEW).then_some((
                    distance,
                    std::cmp::Reverse(postings.surface_weight),
                    std::cmp::Reverse(frequency),
                    index,
                ))
            })
            .min()
            .map(|(_, _, _, index)| index)
    }

    /// Each slot's score: the sum over typed words of their best term's weight times its
    /// rarity; 0 for a slot missing any word.
    fn scores(&self, groups: &[Group]) -> Vec<f32> {
        let count = self.documents.len();
        let all = (count.max(1)) as f32;
        let mut total = vec![0.0f32; count];
        let mut matched = vec![0u8; count];
        let mut best = vec![0.0f32; count];
        for group in groups {
            let mut touched = Vec::new();
            for &(index, factor) in &group.alternatives {
                let postings = &self.postings[index as usize];
                let rarity = (1.0 + all / postings.slots.len().max(1) as f32).ln();
                for (&slot, &weight) in postings.slots.iter().zip(&postings.weights) {
                    let score = f32::from(weight) * rarity * factor;
                    let slot = slot as usize;
                    if best[slot] == 0.0 {
                        touched.push(slot);
                    }
                    best[slot] = best[slot].max(score);
                }
            }
            for slot in touched {
                total[slot] += best[slot];
                matched[slot] += 1;
                best[slot] = 0.0;
            }
        }
        let needed = groups.len() as u8;
        for (score, matched) in total.iter_mut().zip(matched) {
            if matched < needed {
                *score = 0.0;
            }
        }
        total
    }
}

/// An offer read into terms, ready to index (the CPU work, done off the async workers).
pub struct Prepared {
    document: Document,
    /// Each term with its heaviest weight in the offer and the word it was read from.
    terms: Vec<(String, u8, String)>,
}

/// Reads `offer` into terms, with the words of its ministry among `ministries`.
pub fn prepare(offer: OfferText, ministries: &[Ministry]) -> Prepared {
    let mut weights: HashMap<String, (u8, String)> = HashMap::new();
    let mut add = |text: &str, weight: u8| {
        for term in words::terms(text) {
            let entry = weights.entry(term.term).or_insert((0, term.surface));
            entry.0 = entry.0.max(weight);
        }
    };
    add(&offer.title, weight::TITLE);
    add(
        lexicon::profession_words(offer.profession),
        weight::PROFESSION_AND_SKILLS,
    );
    add(&offer.skills, weight::PROFESSION_AND_SKILLS);
    if let Some(ministry) = ministries.iter().find(|m| m.id == offer.tenant_id) {
        add(&ministry.words, weight::FACTS);
    }
    let facts = [
        offer.city.as_str(),
        &offer.postal_code,
        &offer.department,
        crate::regions::department_name(&offer.department).unwrap_or_default(),
        crate::regions::region(&offer.region).map_or("", |r| r.name),
        offer.structure.as_deref().unwrap_or_default(),
        lexicon::remote_words(offer.remote_policy),
        offer.category.map_or("", lexicon::category_words),
    ];
    for text in facts {
        add(text, weight::FACTS);
    }
    for contract in &offer.contracts {
        add(lexicon::contract_words(*contract), weight::FACTS);
    }
    for text in &offer.body {
        add(text, weight::BODY);
    }
    Prepared {
        terms: weights
            .into_iter()
            .map(|(term, (weight, surface))| (term, weight, surface))
            .collect(),
        document: Document {
            id: offer.id,
            ministry: ministries
                .iter()
                .position(|m| m.id == offer.tenant_id)
                .map_or(u16::MAX, |place| place as u16),
            profession: place(Profession::ALL, &offer.profession),
            category: offer.category.map_or(NONE, |c| place(Category::ALL, &c)),
            region: region_place(&offer.region),
            contracts: offer
                .contracts
                .iter()
                .fold(0, |bits, c| bits | 1 << place(ContractType::ALL, c)),
            remote_policy: offer.remote_policy,
            experience_min_years: offer.experience_min_years,
            published_at: offer
                .published_at
                .map_or(i64::MIN, |at| at.timestamp_millis()),
            expires_at: offer
                .expires_at
                .map_or(i64::MAX, |at| at.timestamp_millis()),
            alive: true,
        },
    }
}

/// `query` with each misspelt word replaced by its likelier spelling, the rest as typed.
fn with_corrections(query: &str, typed: &[words::Term], corrected: &[Option<String>]) -> String {
    query
        .split_whitespace()
        .map(|word| {
            let lower = word.to_lowercase();
            typed
                .iter()
                .zip(corrected)
                .find_map(|(term, correction)| {
                    correction
                        .as_ref()
                        .filter(|_| lower.contains(&term.surface))
                })
                .map_or_else(|| word.to_owned(), Clone::clone)
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Keeps the first `wanted` of `items` in `order`, sorted.
fn top<T>(items: &mut Vec<T>, wanted: usize, order: impl Fn(&T, &T) -> std::cmp::Ordering) {
    if wanted == 0 {
        items.clear();
        return;
    }
    if items.len() > wanted {
        items.select_nth_unstable_by(wanted - 1, &order);
        items.truncate(wanted);
    }
    items.sort_unstable_by(order);
}

/// Whether `document` passes the filters that have no facet (remote work, experience).
fn passes_fixed_filters(filter: &OfferFilter, document: &Document) -> bool {
    let experienced = |level: Experience| {
        let (min, max) = level.years();
        let years = document.experience_min_years.unwrap_or(0);
        years >= min && max.is_none_or(|max| years <= max)
    };
    filter.remote_policy.is_none_or(|p| p == document.remote_policy)
        && (!filter.remote_possible || document.remote_policy != RemotePolicy::Aucun)
        && filter.experience.is_none_or(experienced)
        // "Open to beginners" is the beginner level: one definition for both.
        && (!filter.junior || experienced(Experience::Debutant))
}

/// The place of region `code` in `REGIONS`, or [`NONE`].
fn region_place(code: &str) -> u8 {
    REGIONS
        .iter()
        .position(|r| r.code == code)
        .map_or(NONE, |place| place as u8)
}

/// The facet filters of a query, as the places a [`Document`] holds.
struct Wanted {
    ministry: Option<u16>,
    profession: Option<u8>,
    contracts: Option<u8>,
    region: Option<u8>,
    category: Option<u8>,
}

impl Wanted {
    /// The facets whose filter `document` fails, as bits of [`Facet`].
    fn misses(&self, document: &Document) -> u8 {
        let checks = [
            (
                Facet::Ministry,
                self.ministry.is_none_or(|m| m == document.ministry),
            ),
            (
                Facet::Profession,
                self.profession.is_none_or(|p| p == document.profession),
            ),
            (
                Facet::Contract,
                self.contracts.is_none_or(|c| c & document.contracts != 0),
            ),
            (
                Facet::Region,
                self.region.is_none_or(|r| r == document.region),
            ),
            (
                Facet::Category,
                self.category.is_none_or(|c| c == document.category),
            ),
        ];
        checks
            .into_iter()
            .filter(|(_, passes)| !passes)
            .fold(0, |bits, (facet, _)| bits | 1 << facet as u8)
    }
}

/// Facet counts by place while a query runs.
struct Tally {
    ministries: Vec<u64>,
    professions: [u64; Profession::ALL.len()],
    contracts: [u64; ContractType::ALL.len()],
    regions: [u64; REGIONS.len()],
    categories: [u64; Category::ALL.len()],
}

impl Tally {
    fn new(ministries: usize) -> Self {
        Self {
            ministries: vec![0; ministries],
            professions: [0; Profession::ALL.len()],
            contracts: [0; ContractType::ALL.len()],
            regions: [0; REGIONS.len()],
            categories: [0; Category::ALL.len()],
        }
    }

    /// Counts `document` under each facet whose value it would add: under every facet when it
    /// passes every filter, under the one facet it fails otherwise (so that each facet shows
    /// what choosing another value would give).
    fn count(&mut self, document: &Document, failed: u8) {
        let counts = |facet: Facet| failed == 0 || failed == 1 << facet as u8;
        let add = |counts: &mut [u64], place: usize| {
            if let Some(count) = counts.get_mut(place) {
                *count += 1;
            }
        };
        if counts(Facet::Ministry) {
            add(&mut self.ministries, usize::from(document.ministry));
        }
        if counts(Facet::Profession) {
            add(&mut self.professions, usize::from(document.profession));
        }
        if counts(Facet::Contract) {
            for place in 0..ContractType::ALL.len() {
                if document.contracts & 1 << place != 0 {
                    add(&mut self.contracts, place);
                }
            }
        }
        if counts(Facet::Region) {
            add(&mut self.regions, usize::from(document.region));
        }
        if counts(Facet::Category) {
            add(&mut self.categories, usize::from(document.category));
        }
    }

    /// The counts by ministry id and by code.
    fn into_counts(self, catalogue: &Catalogue) -> FacetCounts {
        fn by_code<T: Copy + Eq + std::hash::Hash>(all: &[T], counts: &[u64]) -> HashMap<T, u64> {
            all.iter().copied().zip(counts.iter().copied()).collect()
        }
        FacetCounts {
            ministries: catalogue.by_ministry_id(&self.ministries),
            professions: by_code(Profession::ALL, &self.professions),
            contracts: by_code(ContractType::ALL, &self.contracts),
            regions: REGIONS
                .iter()
                .map(|r| r.code.to_owned())
                .zip(self.regions)
                .collect(),
            categories: by_code(Category::ALL, &self.categories),
        }
    }
}
